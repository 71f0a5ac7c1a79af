import { describe, expect, it } from 'vitest';
import { formsOf, stemOf, vocabularyMatches } from '../../../src/lib/search/forms.ts';
import { searchIndex } from '../../../src/lib/search/query.ts';
import { buildSearchShards, ShardedSearch } from '../../../src/lib/search/shards.ts';
import { article, fixtureSearch } from './fixtures.ts';

/** Articles that each say one form of a word, and words whose stems collide. */
const { data } = fixtureSearch({
  articles: [
    article('negotiations', 'Trade talks', 'reuters', 'tokyo-2017', ['Negotiations on a trade deal will begin.']),
    article('negotiate', 'Leaders to negotiate', 'npr', 'tokyo-2017', ['They will negotiate a deal.']),
    article('kidnappings', 'Families', 'nikkei', 'tokyo-2017', [
      'The kidnappings of the 1970s are unresolved.',
      'Relatives hope for news.',
    ]),
    article('university', 'Campus visit', 'npr', 'washington-2018', ['He spoke at a university in Tokyo.']),
    article('universe', 'Stars', 'nikkei', 'washington-2018', ['The universe is large.']),
    article('sections', 'Summit report', 'reuters', 'washington-2018', [
      { text: 'The leaders met.' },
      { text: 'They spoke of the families of those taken.', heading: 'EMPEROR, ABDUCTEES' },
      { text: 'The emperor received them.', heading: 'EMPEROR, ABDUCTEES' },
    ]),
  ],
});
const articles = (q: string, filters = {}) => searchIndex(data, q, filters).groups.map((g) => g.article);

describe('stems', () => {
  it('gives the forms of a word one stem, as the quote engine’s Porter2 does', () => {
    expect(new Set(['negotiate', 'negotiations', 'negotiating'].map(stemOf)).size).toBe(1);
    expect(stemOf('kidnapped')).toBe(stemOf('kidnappings'));
    expect(stemOf('launching')).toBe(stemOf('launches'));
    expect(stemOf('1977')).toBe('1977');
  });

  it('finds every other form in a sorted vocabulary, including one whose stem is not its start', () => {
    const words = ['happier', 'happily', 'happiness', 'happy', 'negotiate', 'negotiations', 'news', 'new'].sort();
    expect(formsOf(words, 'negotiating').map((i) => words[i])).toEqual(['negotiate', 'negotiations']);
    expect(formsOf(words, 'happy').map((i) => words[i])).toContain('happiness');
    expect(formsOf(words, 'new').map((i) => words[i])).toEqual([]); // "news" is not a form of "new"
    expect(formsOf(words, 'us')).toEqual([]); // too short to have forms
  });

  it('grades the word itself above its other forms, and forms above a prefix', () => {
    const words = ['launch', 'launched', 'launches', 'launchpad'];
    const grades = vocabularyMatches(words, 'launch', { prefix: true });
    expect(Object.fromEntries([...grades].map(([i, q]) => [words[i], q]))).toEqual({
      launch: 'exact',
      launched: 'form',
      launches: 'form',
      launchpad: 'prefix',
    });
  });
});

describe('search by word forms', () => {
  it('finds articles that use another form of the query word, the exact form first', () => {
    expect(articles('negotiate')).toEqual(['negotiate', 'negotiations']);
    expect(articles('negotiations')).toEqual(['negotiations', 'negotiate']);
    expect(articles('kidnapped')).toEqual(['kidnappings']);
  });

  it('marks the form it found', () => {
    const hit = searchIndex(data, 'kidnapped').groups[0]?.hits[0];
    const [s, e] = hit?.ranges[0] ?? [0, 0];
    expect(hit?.record.text.slice(s, e + 1)).toBe('kidnappings');
    expect(hit?.exact).toBe(false);
  });

  it('keeps a quoted phrase exact: no other forms', () => {
    expect(articles('"negotiate"')).toEqual(['negotiate']);
    expect(articles('"kidnapped"')).toEqual([]);
    expect(articles('"negotiations on a trade deal"')).toEqual(['negotiations']);
    expect(articles('"negotiation on a trade deal"')).toEqual([]);
  });

  it('forgives a typo of a form, and finds that word’s other forms too', () => {
    expect(articles('negotiatons').sort()).toEqual(['negotiate', 'negotiations']);
    expect(searchIndex(data, 'negotiatons').similar[0]?.words).toContain('negotiations');
    expect(articles('kidnaping')).toEqual(['kidnappings']); // one p: still the stem "kidnap"
  });

  it('does not read a typo into a word whose other forms the articles use', () => {
    // "universe" and "university" share Porter2's stem: a known collision, ranked below the word itself.
    expect(articles('universe')).toEqual(['universe', 'university']);
    expect(articles('university')).toEqual(['university', 'universe']);
  });

  it('needs every word, each in some form', () => {
    expect(articles('negotiating deal')).toEqual(['negotiate', 'negotiations']);
    expect(articles('negotiating merkel')).toEqual([]);
  });
});

describe('search by section headings', () => {
  it('finds a heading, linked to the first paragraph under it, shown as a section', () => {
    const group = searchIndex(data, 'abductees').groups[0];
    expect(group?.article).toBe('sections');
    expect(group?.hits[0]?.record).toMatchObject({ kind: 'heading', text: 'EMPEROR, ABDUCTEES', anchor: 'p2' });
  });

  it('indexes each heading once, however many paragraphs stand under it', () => {
    expect(data.records.filter((r) => r.kind === 'heading')).toHaveLength(1);
  });

  it('ranks a heading above body text for the same word', () => {
    const hits = searchIndex(data, 'emperor').groups[0]?.hits.map((h) => h.record.kind);
    expect(hits).toEqual(['heading', 'paragraph']);
  });

  it('is found through the shards as in the full search', async () => {
    const shards = buildSearchShards(data, 5, 2);
    const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
    const search = new ShardedSearch(json(shards.manifest), json(shards.table), {
      postings: async (n) => json(shards.postings[n]!),
      records: async (n) => json(shards.packs[n]!),
    });
    for (const q of ['abductees', 'emperor abductees', 'kidnapped', 'negotiatons', '"kidnapped"', 'universe'])
      expect(
        (await search.search(q, {}, { limit: 10 })).groups.map((g) => g.article),
        q,
      ).toEqual(articles(q));
  });
});
