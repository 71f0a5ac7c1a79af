import { describe, expect, it } from 'vitest';
import { searchIndex } from '../../../src/lib/search/query.ts';
import type { SearchFilters, SearchResults } from '../../../src/lib/search/query.ts';
import { buildSearchRecords } from '../../../src/lib/search/records.ts';
import type { SearchSource, SearchSourceArticle } from '../../../src/lib/search/records.ts';
import { vocabularyMatches as gradeWords } from '../../../src/lib/search/forms.ts';
import { compileQuery } from '../../../src/lib/search/match.ts';
import { parseQuery } from '../../../src/lib/search/query.ts';
import {
  buildSearchShards,
  byFewestPacks,
  indexWords,
  requirementsOf,
  ShardedSearch,
  shardUrl,
} from '../../../src/lib/search/shards.ts';
import type { SearchShards } from '../../../src/lib/search/shards.ts';
import { QUALITY } from '../../../src/lib/search/forms.ts';
import { fixtureSearch, SOURCE } from './fixtures.ts';

/** A ShardedSearch over in-memory shards that round-trip through JSON, counting what it loads. */
function sharded(shards: SearchShards) {
  const loaded = { postings: [] as number[], records: [] as number[] };
  const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const search = new ShardedSearch(roundTrip(shards.manifest), roundTrip(shards.table), {
    postings: async (n) => {
      loaded.postings.push(n);
      const shard = shards.postings[n];
      if (!shard) throw new Error(`no shard ${n}`);
      return roundTrip(shard);
    },
    records: async (n) => {
      loaded.records.push(n);
      const pack = shards.packs[n];
      if (!pack) throw new Error(`no pack ${n}`);
      return roundTrip(pack);
    },
  });
  return { search, loaded };
}

/** What a reader sees: articles in order, their passages and highlights. */
const shape = (results: SearchResults) =>
  results.groups.map((g) => ({
    article: g.article,
    score: g.score,
    more: g.more,
    hits: g.hits.map((h) => [h.record.id, h.score, h.ranges]),
  }));

const QUERIES = [
  'Yokota',
  'yokata',
  'megumi yokota',
  'maximum pressure',
  '"maximum pressure"',
  '"strategic patience"',
  'strategc patience',
  'patience',
  'trade',
  'tra',
  'Tōkyō Café',
  'premier’s',
  '"quietly"',
  'Trump',
  'zzyzx',
  '"sky out of the"',
  '--',
  // Words being typed, possessives, dotted and hyphenated terms, speakers, words in different passages.
  'maximum pr',
  'maximum pr ',
  "Japan's",
  "premier's aides",
  'u.s.-japan',
  'Donald',
  'donald strategic',
  '"donald trump"',
  'megumi parents',
  'abductees hope',
  'yokkota',
];

describe('buildSearchShards', () => {
  const data = buildSearchRecords(SOURCE);

  it('indexes every word of two or more characters, sorted, each in one shard', () => {
    const shards = buildSearchShards(data, 5);
    const { words, shards: starts } = shards.manifest;
    expect([...words].sort()).toEqual(words);
    expect(new Set(words).size).toBe(words.length);
    for (const record of data.records) for (const word of indexWords(record.text)) expect(words).toContain(word);
    expect(words).toContain('donald'); // only a speaker's name says it
    expect(words.every((w) => w.length >= 2)).toBe(true);
    expect(starts[0]).toBe(0);
    expect(shards.postings.length).toBe(starts.length);
    expect(shards.postings.reduce((n, s) => n + s.lists.length, 0)).toBe(words.length);
    shards.postings.forEach((shard, i) => expect(shard.first).toBe(starts[i]));
  });

  it('packs consecutive articles’ records together, in order, and keeps the table for the filters', () => {
    const shards = buildSearchShards(data, 100, 3);
    expect(shards.packs.map((p) => p.length)).toEqual([3, 3, 1]);
    // Each article's records in order, without what the pack's place says: the article, and the
    // id when it is the article's id and the anchor (the search puts both back: see ShardedSearch).
    const ids = Object.keys(data.articles);
    const packed = shards.packs.flat();
    expect(packed.map((records) => records.map((r) => r.text))).toEqual(
      ids.map((id) => data.records.filter((r) => r.article === id).map((r) => r.text)),
    );
    expect(packed.flat().some((r) => 'article' in r)).toBe(false);
    const kept = packed.flat().flatMap((r) => (r.id ? [r.id] : []));
    expect(kept).toContain('title');
    expect(kept.every((id) => /^(title|dek|h\d+)$/.test(id))).toBe(true);
    expect(shards.table.articles).toEqual(data.articles);
    expect(shardUrl(shards.manifest.records, 2)).toBe('search/r/2.json');
    expect(shardUrl(shards.manifest.postings, 3)).toBe('search/w/3.json');
  });
});

/** vocabularyMatches with the old positional flags: (exact only, typing); a lone word may be a prefix. */
const vocabularyMatches = (words: string[], term: string, exactOnly = false, typing = false) =>
  new Map([...gradeWords(words, term, { exactOnly, typing, prefix: true })].map(([i, q]) => [i, QUALITY[q]]));
const requirements = (words: string[], q: string) => requirementsOf(compileQuery(words, parseQuery(q)));

describe('vocabularyMatches', () => {
  const words = ['abductees', 'abe', 'aber', 'lighthizer', 'yokota'];
  it('finds the word, words it begins (3+ letters) and words within the allowed typos', () => {
    expect([...vocabularyMatches(words, 'abe')]).toEqual([
      [1, 1],
      [2, 0.5],
    ]);
    expect([...vocabularyMatches(words, 'yokata')]).toEqual([[4, 0.3]]);
    expect([...vocabularyMatches(words, 'lighthiser')]).toEqual([[3, 0.3]]);
    expect([...vocabularyMatches(words, 'ab')]).toEqual([]);
    expect([...vocabularyMatches(words, 'abe', true)]).toEqual([[1, 1]]);
  });

  it('skips near spellings of a word the vocabulary holds', () => {
    // "aber" is a word of its own: "abe" (one edit away) is no typo of it.
    expect([...vocabularyMatches(words, 'aber')]).toEqual([[2, 1]]);
    expect([...vocabularyMatches(words, 'abr')]).toEqual([]);
    expect([...vocabularyMatches(words, 'abet')]).toEqual([
      [1, 0.3],
      [2, 0.3],
    ]);
  });

  it('takes two letters as a prefix only for the word being typed', () => {
    expect([...vocabularyMatches(words, 'ab', false, true)]).toEqual([
      [0, 0.5],
      [1, 0.5],
      [2, 0.5],
    ]);
    expect(requirements(words, 'yokota ab')).toHaveLength(2);
    expect(requirements(words, 'yokota ab ')).toBeNull(); // a finished "ab" matches nothing
  });

  it('makes a query that cannot match anything fail early', () => {
    expect(requirements(words, 'zzyzx')).toBeNull();
    expect(requirements(words, '--')).toEqual([]); // no word at all: nothing to require
    expect(requirements(words, 'abe yokata')).toHaveLength(2);
  });
});

describe('byFewestPacks', () => {
  it('ranks by bound, then the packs holding the most of a tie (a page is enough), then table order', () => {
    const c = (article: number, bound: number) => ({ article, bound });
    // Packs of 4. Bound 2: article 9 alone. Bound 1: pack 0 holds one, pack 1 two, pack 2 three.
    const order = byFewestPacks([c(0, 1), c(4, 1), c(5, 1), c(8, 1), c(9, 2), c(10, 1), c(11, 1)], 4, 10);
    expect(order.map((x) => x.article)).toEqual([9, 8, 10, 11, 4, 5, 0]);
    // With a page of two, packs 1 and 2 both fill it: the earlier comes first.
    expect(byFewestPacks([c(0, 1), c(4, 1), c(5, 1), c(8, 1), c(10, 1), c(11, 1)], 4, 2).map((x) => x.article)).toEqual(
      [4, 5, 8, 10, 11, 0],
    );
  });
});

describe('ShardedSearch', () => {
  const { data } = fixtureSearch();
  const full = (q: string, filters: SearchFilters = {}) => searchIndex(data, q, filters);

  it('gives exactly the full search’s results when every candidate fits', async () => {
    const { search } = sharded(buildSearchShards(data, 7));
    for (const q of QUERIES)
      for (const filters of [{}, { outlet: 'nikkei' }, { event: 'tokyo-2017' }, { topic: 'security' }]) {
        const results = await search.search(q, filters, { limit: 20 });
        expect(shape(results), `${q} ${JSON.stringify(filters)}`).toEqual(shape(full(q, filters)));
        expect(results.passages).toBe(full(q, filters).passages);
        expect(results.complete).toBe(true);
        expect(results.total).toBe(results.groups.length);
      }
  });

  it('lists filtered articles by headline for a query with no words', async () => {
    const { search } = sharded(buildSearchShards(data));
    const results = await search.search('', { outlet: 'nikkei' }, { limit: 20 });
    expect(results.groups.map((g) => g.article)).toEqual(full('', { outlet: 'nikkei' }).groups.map((g) => g.article));
    expect(results.groups.map((g) => g.hits[0]?.record.text)).toEqual(
      full('', { outlet: 'nikkei' }).groups.map((g) => g.hits[0]?.record.text),
    );
    expect((await search.search('  ', {}, { limit: 20 })).groups).toEqual([]);
  });

  it('loads only the shards and record packs a query needs, each once', async () => {
    const shards = buildSearchShards(data, 3, 1);
    expect(shards.postings.length).toBeGreaterThan(5);
    const { search, loaded } = sharded(shards);
    await search.search('Megumi', {}, { limit: 20 });
    expect(loaded.postings.length).toBeLessThanOrEqual(2);
    const ids = Object.keys(data.articles);
    expect(new Set(loaded.records.map((n) => ids[n]))).toEqual(new Set(['exact-yokota', 'typo-yokota']));
    await search.search('zzyzx', {}, { limit: 20 });
    await search.search('megumi', {}, { limit: 20 });
    expect(loaded.records).toHaveLength(2);
  });

  it('counts an article holding the words in different kinds of passage as a candidate, ranked last', async () => {
    const { search } = sharded(buildSearchShards(data));
    const candidates = await search.candidates('abductees hope', {});
    expect(candidates.map((c) => Object.keys(data.articles)[c.article])).toEqual(['exact-yokota']);
    expect(candidates[0]?.bound).toBeLessThan(0);
    const results = await search.search('abductees hope', {}, { limit: 20 });
    expect(results.groups.map((g) => [g.article, g.partial])).toEqual([['exact-yokota', true]]);
  });

  describe('over many articles', () => {
    // 60 articles: every one mentions Abe; one in three says "maximum pressure".
    const articles: SearchSourceArticle[] = Array.from({ length: 60 }, (_, i) => ({
      id: `a${String(i).padStart(2, '0')}`,
      title: i % 10 === 0 ? `Abe meets Trump, part ${i}` : `Talks, part ${i}`,
      outlet: { id: i % 2 ? 'npr' : 'reuters', name: i % 2 ? 'NPR' : 'Reuters' },
      published: '2017-11-06',
      event: { id: 'tokyo-2017' },
      paragraphs: [
        { id: 'p1', text: `Shinzo Abe spoke on day ${i}.` },
        { id: 'p2', text: i % 3 ? 'Trade was discussed.' : 'He called for maximum pressure on North Korea.' },
      ],
    }));
    const source: SearchSource = { articles };
    const manyData = buildSearchRecords(source);

    it('shows the best `limit` articles, fetches few, and says how many may match', async () => {
      const { search, loaded } = sharded(buildSearchShards(manyData, 50));
      const results = await search.search('abe', {}, { limit: 10 });
      expect(results.groups).toHaveLength(10);
      expect(results.complete).toBe(false);
      expect(results.total).toBe(60);
      // The packs of the ten best (six headlines, ten articles apart, then a01–a04): 7 of 15.
      expect(new Set(loaded.records).size).toBe(loaded.records.length);
      expect(loaded.records.length).toBeLessThanOrEqual(7);
      // Headline matches rank first, as in the full search.
      expect(results.groups.slice(0, 6).map((g) => g.article)).toEqual(['a00', 'a10', 'a20', 'a30', 'a40', 'a50']);
    });

    it('asks for no postings of the words nearly every article holds, in a phrase with other words', async () => {
      const shards = buildSearchShards(manyData, 1); // a shard per word
      const word = (w: string) => shards.manifest.words.indexOf(w);
      expect(shards.manifest.common).toContain(word('on')); // "spoke on day …" in all 60
      expect(shards.manifest.common).not.toContain(word('pressure')); // one in three
      const shardOf = (w: string) => shards.manifest.shards.filter((start) => start <= word(w)).length - 1;
      const { search, loaded } = sharded(shards);
      const q = '"maximum pressure on North Korea"';
      const results = await search.search(q, {}, { limit: 30 });
      expect(loaded.postings).not.toContain(shardOf('on'));
      expect(loaded.postings).toContain(shardOf('pressure'));
      expect(shape(results)).toEqual(shape(searchIndex(manyData, q)));
      // A phrase of common words only still asks for them.
      await search.search('"spoke on"', {}, { limit: 30 });
      expect(loaded.postings).toContain(shardOf('on'));
    });

    it('when the best candidates do not match, searches the rest of their packs before fetching more', async () => {
      // 24 articles in packs of 8. The first three hold the phrase's words out of order: they are
      // the best candidates (equal bounds, table order) and none matches; a03–a07 share their pack.
      const phrase: SearchSourceArticle[] = Array.from({ length: 24 }, (_, i) => ({
        id: `b${String(i).padStart(2, '0')}`,
        title: `Talks, part ${i}`,
        outlet: { id: 'npr', name: 'NPR' },
        published: '2017-11-06',
        event: { id: 'tokyo-2017' },
        paragraphs: [
          { id: 'p1', text: i < 3 ? 'The pressure was at its maximum.' : 'He called for maximum pressure.' },
        ],
      }));
      const phraseData = buildSearchRecords({ articles: phrase });
      const { search, loaded } = sharded(buildSearchShards(phraseData, 50, 8));
      const results = await search.search('"maximum pressure"', {}, { limit: 3 });
      expect(results.groups.map((g) => g.article)).toEqual(['b03', 'b04', 'b05']);
      expect(results.groups.map((g) => g.article)).toEqual(
        searchIndex(phraseData, '"maximum pressure"')
          .groups.slice(0, 3)
          .map((g) => g.article),
      );
      expect(loaded.records).toEqual([0]);
      expect(results.complete).toBe(false);
    });

    it('grows to the full result as the limit grows', async () => {
      const { search } = sharded(buildSearchShards(manyData, 50));
      const all = await search.search('"maximum pressure"', {}, { limit: 100 });
      expect(all.complete).toBe(true);
      expect(all.total).toBe(20);
      const few = await search.search('"maximum pressure"', {}, { limit: 5 });
      expect(few.groups.map((g) => g.article)).toEqual(all.groups.slice(0, 5).map((g) => g.article));
    });
  });
});
