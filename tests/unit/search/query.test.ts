import { describe, expect, it } from 'vitest';
import Fuse from 'fuse.js';
import {
  buildSearchIndex,
  matchTerm,
  parseQuery,
  relevance,
  runSearch,
  searchIndex,
  toFuseQuery,
} from '../../../src/lib/search/query.ts';
import { fold } from '../../../src/lib/search/text.ts';
import { fixtureSearch, SOURCE } from './fixtures.ts';

const { data, fuse } = fixtureSearch();
const search = (q: string, filters = {}) => searchIndex(fuse, data, q, filters);
const articles = (q: string, filters = {}) => search(q, filters).groups.map((g) => g.article);

describe('parseQuery', () => {
  it('splits exact phrases (straight or curly quotes) from loose terms, folded', () => {
    expect(parseQuery('Abe "strategic  patience" Trump')).toEqual({
      phrases: ['strategic patience'],
      terms: ['abe', 'trump'],
    });
    expect(parseQuery('“Maximum Pressure” Kim')).toEqual({ phrases: ['maximum pressure'], terms: ['kim'] });
  });

  it('treats an unclosed quote as a phrase being typed', () => {
    expect(parseQuery('"out of the sk')).toEqual({ phrases: ['out of the sk'], terms: [] });
  });

  it('strips edge punctuation, keeps inner apostrophes and hyphens, drops one-letter words and repeats', () => {
    expect(parseQuery('Abe, (Japan’s) F-35A a abe')).toEqual({ phrases: [], terms: ['abe', "japan's", 'f-35a'] });
  });

  it('folds accents', () => {
    expect(parseQuery('Tōkyō Café').terms).toEqual(['tokyo', 'cafe']);
  });

  it('never lets the reader write Fuse operators', () => {
    const query = parseQuery('!abe ^trump$ kim|moon =x \'"y"');
    expect(query.terms).toEqual(['abe', 'trump', 'kim', 'moon']);
    expect(toFuseQuery(query)).toBe('\'"y" "abe" "trump" "kim" "moon"');
  });
});

describe('matchTerm', () => {
  it('grades exact word, then word prefix, then a typo', () => {
    const text = fold('Robert Lighthizer met Megumi Yokota');
    expect(matchTerm(text, 'lighthizer').quality).toBe('exact');
    expect(matchTerm(text, 'lighth').quality).toBe('prefix');
    expect(matchTerm(text, 'lighthiser').quality).toBe('fuzzy');
    expect(matchTerm(text, 'yokata').quality).toBe('fuzzy');
    expect(matchTerm(text, 'merkel').quality).toBe('none');
    expect(matchTerm(text, 'met').ranges).toEqual([[18, 20]]);
  });

  it('matches a hyphenated or apostrophised term part by part when it is not there whole', () => {
    const text = fold('a free and open Indo-Pacific, Japan’s aim');
    expect(matchTerm(text, 'indo-pacific').quality).toBe('exact');
    expect(matchTerm(text, "japan's").quality).toBe('exact');
    expect(matchTerm(text, 'indo-pacfic').quality).toBe('fuzzy');
    expect(matchTerm(text, 'indo-pacfic').ranges).toEqual([
      [16, 19],
      [21, 27],
    ]);
    expect(matchTerm(text, 'indo-merkel').quality).toBe('none');
  });
});

describe('relevance', () => {
  it('puts exactness above the field, and headline > quote > paragraph for equal matches', () => {
    expect(relevance(0, 1, 'paragraph')).toBeGreaterThan(relevance(0.2, 0.3, 'headline')); // typo
    expect(relevance(0, 1, 'paragraph')).toBeGreaterThan(relevance(0, 0.5, 'headline')); // prefix
    expect(relevance(0, 1, 'headline')).toBeGreaterThan(relevance(0, 1, 'quote'));
    expect(relevance(0, 1, 'quote')).toBeGreaterThan(relevance(0, 1, 'paragraph'));
  });
});

describe('searchIndex ranking', () => {
  it('ranks an exact word above a fuzzy one', () => {
    expect(articles('Yokota')).toEqual(['exact-yokota', 'typo-yokota']);
    const [exact, fuzzy] = search('Yokota').groups;
    expect(exact?.hits[0]?.exact).toBe(true);
    expect(fuzzy?.hits[0]?.exact).toBe(false);
  });

  it('forgives typos', () => {
    expect(articles('Yokata')[0]).toBe('typo-yokota'); // its exact spelling wins…
    expect(articles('Yokata')).toContain('exact-yokota'); // …and the real name is found too
    expect(articles('strategc patince')).toEqual(expect.arrayContaining(['quote-patience', 'para-patience']));
    expect(articles('maxmum presure')).toEqual(expect.arrayContaining(['headline-pressure', 'body-pressure']));
  });

  it('ranks a headline match above body text', () => {
    expect(articles('maximum pressure')).toEqual(['headline-pressure', 'body-pressure']);
  });

  it('ranks a quote above body text, and shows the quote rather than the paragraph around it', () => {
    expect(articles('era strategic patience')).toEqual(['quote-patience', 'para-patience']);
    const group = search('era strategic patience').groups[0];
    expect(group?.hits.map((h) => h.record.anchor)).toEqual(['q2-2']);
    expect(group?.hits[0]?.record.speaker).toBe('Donald Trump');
  });

  it('shows the paragraph when the words span a quote and its attribution', () => {
    // "Trump said" is outside the quote, so only the paragraph has both words.
    expect(search('trump strategic').groups[0]?.hits.map((h) => h.record.anchor)).toEqual(['p2']);
  });

  it('requires an exact phrase word for word, in order', () => {
    expect(articles('"strategic patience"')).toEqual(['quote-patience', 'para-patience']);
    expect(search('"strategic patience"').groups[0]?.hits.every((h) => !h.record.text.startsWith('Some talk'))).toBe(
      true,
    );
    expect(articles('"patience strategic"')).toEqual([]);
    expect(articles('"strategic patience" region')).toEqual(['para-patience']);
  });

  it('matches phrases across quote styles and accents', () => {
    expect(articles('“premier’s aides”')).toEqual(['accents']);
    expect(articles('"premier\'s aides" cafe')).toEqual(['accents']);
    expect(articles('Tokyo cafe')).toEqual(['accents']);
  });

  it('finds nothing for words that are not there', () => {
    expect(search('Merkel').groups).toEqual([]);
    expect(search('zzxqv brexit').groups).toEqual([]);
    expect(search('<img src=x onerror=alert(1)>').groups).toEqual([]);
    expect(search('   ').groups).toEqual([]);
  });
});

describe('searchIndex grouping', () => {
  it('groups passages under their article, best first, with the rest counted', () => {
    const results = searchIndex(fuse, data, 'trade', {}, { perArticle: 2, requireWordMatch: true });
    expect(results.groups.map((g) => g.article)).toEqual(['quote-patience']);
    const group = results.groups[0];
    expect(group?.hits[0]?.record.kind).toBe('headline'); // headline first
    expect(group?.hits).toHaveLength(2);
    expect(group?.more).toBe(results.passages - 2);
    expect(group?.score).toBe(group?.hits[0]?.score);
    expect(group?.meta).toEqual(data.articles['quote-patience']);
  });

  it('ranks each article by its best passage', () => {
    const { groups } = search('patience');
    for (const g of groups) expect(g.score).toBe(Math.max(...g.hits.map((h) => h.score)));
    expect(groups.map((g) => g.score)).toEqual([...groups.map((g) => g.score)].sort((a, b) => b - a));
  });

  it('gives highlight ranges inside the passage text', () => {
    const hit = search('Yokota').groups[0]?.hits[0];
    const [s, e] = hit?.ranges[0] ?? [0, 0];
    expect(hit?.record.text.slice(s, e + 1)).toBe('Yokota');
  });
});

describe('searchIndex filters', () => {
  it('filters by outlet, event and topic', () => {
    expect(articles('patience', { outlet: 'reuters' })).toEqual(['para-patience']);
    expect(articles('pressure', { event: 'washington-2018' })).toEqual(['headline-pressure', 'body-pressure']);
    expect(articles('pressure', { event: 'tokyo-2017' })).toEqual([]);
    expect(articles('patience', { topic: 'security' })).toEqual(['quote-patience']);
    expect(articles('Yokota', { topic: 'abductions', outlet: 'reuters' })).toEqual(['exact-yokota']);
  });

  it('ignores empty filter values', () => {
    expect(articles('patience', { outlet: '', event: '', topic: '' })).toEqual(articles('patience'));
    expect(search('patience', { outlet: '' }).filters).toEqual({});
  });

  it('lists the filtered articles by headline when there is no query', () => {
    const results = search('', { outlet: 'nikkei' });
    expect(results.groups.map((g) => g.article)).toEqual(['body-pressure', 'headline-pressure', 'accents']);
    expect(results.groups[0]?.hits[0]?.record.kind).toBe('headline');
  });
});

describe('runSearch', () => {
  it('searches straight from the two JSON payloads', () => {
    const index = JSON.parse(JSON.stringify(buildSearchIndex(Fuse, data.records)));
    expect(runSearch(Fuse, data, index, 'Lighthizer').groups).toEqual([]);
    expect(runSearch(Fuse, data, index, 'Yokota', { outlet: 'npr' }).groups.map((g) => g.article)).toEqual([
      'typo-yokota',
    ]);
  });

  it('indexes every article of the source', () => {
    expect(Object.keys(data.articles)).toEqual(SOURCE.articles.map((a) => a.id));
  });
});
