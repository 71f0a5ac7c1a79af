import { describe, expect, it } from 'vitest';
import { compileQuery } from '../../../src/lib/search/match.ts';
import {
  matchRecord,
  matchTerm,
  mayMatch,
  parseQuery,
  PARTIAL_ONLY_BELOW,
  PARTIAL_PENALTY,
  relevance,
  searchIndex,
  vocabularyOf,
} from '../../../src/lib/search/query.ts';
import { fold } from '../../../src/lib/search/text.ts';
import { article, fixtureSearch, SOURCE } from './fixtures.ts';

const { data } = fixtureSearch();
const search = (q: string, filters = {}) => searchIndex(data, q, filters);
const articles = (q: string, filters = {}) => search(q, filters).groups.map((g) => g.article);

describe('parseQuery', () => {
  it('splits exact phrases (straight or curly quotes) from loose terms, folded', () => {
    expect(parseQuery('Abe "strategic  patience" Trump ')).toEqual({
      phrases: ['strategic patience'],
      terms: ['abe', 'trump'],
      prefix: null,
    });
    expect(parseQuery('“Maximum Pressure” Kim')).toEqual({
      phrases: ['maximum pressure'],
      terms: ['kim'],
      prefix: 'kim',
    });
  });

  it('treats an unclosed quote as a phrase being typed', () => {
    expect(parseQuery('"out of the sk')).toEqual({ phrases: ['out of the sk'], terms: [], prefix: null });
  });

  it('strips edge punctuation, keeps inner apostrophes and hyphens, drops one-letter words and repeats', () => {
    expect(parseQuery('Abe, (Japan’s) F-35A a abe.')).toEqual({
      phrases: [],
      terms: ['abe', "japan's", 'f-35a'],
      prefix: null,
    });
  });

  it('marks the last word as still being typed until a space or punctuation follows it', () => {
    expect(parseQuery('maximum pr').prefix).toBe('pr');
    expect(parseQuery('maximum pr ').prefix).toBeNull();
    expect(parseQuery('maximum pr,').prefix).toBeNull();
    expect(parseQuery('maximum p').prefix).toBeNull(); // one letter: no word yet
    expect(parseQuery('abe "maximum pr"').prefix).toBeNull();
  });

  it('folds accents', () => {
    expect(parseQuery('Tōkyō Café').terms).toEqual(['tokyo', 'cafe']);
  });

  it('reads operator characters as punctuation', () => {
    const query = parseQuery('!abe ^trump$ kim|moon =x \'"y"');
    expect(query.terms).toEqual(['abe', 'trump', 'kim', 'moon']);
    expect(query.phrases).toEqual(['y']);
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
    expect(matchTerm(text, 'indo-pacfic').ranges).toEqual([[16, 27]]); // one mark: "Indo-Pacific"
    expect(matchTerm(text, 'indo-pac').quality).toBe('prefix');
    expect(matchTerm(text, 'indo-merkel').quality).toBe('none');
  });

  it('never matches one letter of a term on its own ("s" of "Japan\'s" is not the S of "U.S.")', () => {
    const text = fold("Japan and the U.S. met; Abe's aides too");
    const japans = matchTerm(text, "japan's");
    expect(japans.quality).toBe('stem'); // the 's is optional, but worth less than the word itself
    expect(japans.ranges).toEqual([[0, 4]]);
    expect(matchTerm(text, "abe's")).toEqual({ quality: 'exact', ranges: [[24, 28]] });
    expect(matchTerm(fold('Abe met'), "abe's")).toEqual({ quality: 'stem', ranges: [[0, 2]] });
    expect(matchTerm(text, "merkel's").quality).toBe('none');
  });

  it('requires the parts of a hyphenated or dotted term to be adjacent', () => {
    expect(matchTerm(fold('the U.S. and Japan agreed'), 'u.s.-japan')).toEqual({ quality: 'none', ranges: [] });
    expect(matchTerm(fold('U.S. Japan ties'), 'u.s.-japan')).toEqual({ quality: 'exact', ranges: [[0, 9]] });
    expect(matchTerm(fold('the U.S.-Japan alliance'), 'u.s.-japan').ranges).toEqual([[4, 13]]);
    expect(matchTerm(fold('Indo and Pacific'), 'indo-pacific').quality).toBe('none');
  });

  it('takes a two-letter word as a prefix only while it is being typed', () => {
    const text = fold('Maximum pressure stays on');
    expect(matchTerm(text, 'pr').quality).toBe('none');
    expect(matchTerm(text, 'pr', { typing: true })).toEqual({ quality: 'prefix', ranges: [[8, 15]] });
    expect(matchTerm(text, 'on', { typing: true }).quality).toBe('exact');
  });

  it('never matches a word the index holds fuzzily ("Pence" is not "peace")', () => {
    const text = fold('international peace and stability');
    expect(matchTerm(text, 'pence').quality).toBe('fuzzy');
    expect(matchTerm(text, 'pence', { vocabulary: ['and', 'international', 'peace', 'pence'] }).quality).toBe('none');
    expect(matchTerm(text, 'peace', { vocabulary: ['peace'] }).quality).toBe('exact');
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
  it('does not look for near spellings of a word the articles use', () => {
    // Both spellings are in the fixture: each finds only itself.
    expect(articles('Yokota')).toEqual(['exact-yokota']);
    expect(search('Yokota').groups[0]?.hits[0]?.exact).toBe(true);
    expect(articles('Yokata')).toEqual(['typo-yokota']);
    expect(search('Yokota').similar).toEqual([]);
  });

  it('forgives typos, and says which words it found instead', () => {
    expect(articles('Yokkota')).toEqual(['exact-yokota']);
    expect(search('Yokkota').groups[0]?.hits[0]?.exact).toBe(false);
    expect(search('Yokkota').similar).toEqual([{ term: 'yokkota', words: ['yokota'] }]);
    expect(articles('strategc patince')).toEqual(expect.arrayContaining(['quote-patience', 'para-patience']));
    expect(search('strategc patince').similar).toEqual([
      { term: 'strategc', words: ['strategic'] },
      { term: 'patince', words: ['patience'] },
    ]);
    expect(articles('maxmum presure')).toEqual(expect.arrayContaining(['headline-pressure', 'body-pressure']));
    expect(search('maximum presure').similar).toEqual([{ term: 'presure', words: ['pressure'] }]);
  });

  it('matches the word being typed as a prefix from two letters, a finished one only whole', () => {
    expect(articles('maximum pr')).toEqual(['headline-pressure', 'body-pressure']);
    expect(articles('maximum pr ')).toEqual([]);
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
    // "said" is outside the quote, so only the paragraph has both words.
    expect(search('said strategic').groups[0]?.hits.map((h) => h.record.anchor)).toEqual(['p2']);
  });

  it('finds a quote by its speaker’s name, marking the name', () => {
    const group = search('Donald').groups[0];
    expect(group?.article).toBe('quote-patience');
    expect(group?.hits.map((h) => h.record.anchor)).toEqual(['q2-1', 'q2-2']);
    expect(group?.hits[0]?.speakerRanges).toEqual([[0, 5]]);
    expect(group?.hits[0]?.ranges).toEqual([]);
    // With the quote's own words, and with the name as a phrase.
    expect(search('donald strategic').groups[0]?.hits.map((h) => h.record.anchor)).toEqual(['q2-2']);
    expect(search('"donald trump" era').groups[0]?.hits.map((h) => h.record.anchor)).toEqual(['q2-2']);
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
    const results = searchIndex(data, 'trade', {}, { perArticle: 2 });
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

  it('links "more matches" to the first passage not shown, in reading order', () => {
    const { data: talks } = fixtureSearch({
      articles: [
        article('talks', 'Leaders meet', 'npr', 'tokyo-2017', [
          'Officials said trade came up over lunch, among many other things.',
          '"We want fair trade," Trump said.',
          '"More trade," Abe said.',
        ]),
      ],
      quotes: [
        { article: 'talks', anchor: 'q2-1', text: 'We want fair trade,', speaker: null, topics: [] },
        { article: 'talks', anchor: 'q3-1', text: 'More trade,', speaker: null, topics: [] },
      ],
    });
    const group = searchIndex(talks, 'trade', {}, { perArticle: 1 }).groups[0];
    // Quotes outrank paragraphs: one quote is shown, the other quote and p1 are not; p1 comes first on the page.
    expect(group?.hits.map((h) => h.record.kind)).toEqual(['quote']);
    expect(group?.more).toBe(2);
    expect(group?.next).toBe('p1');
    expect(search('Yokota').groups[0]).not.toHaveProperty('next');
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

  it('filters by topic passage by passage: quotes by their own, paragraphs by those of their quotes', () => {
    // The article has security quotes, but none of its passages on trade is one.
    expect(articles('trade', { topic: 'security' })).toEqual([]);
    const hits = search('patience', { topic: 'security' }).groups[0]?.hits.map((h) => h.record.anchor);
    expect(hits).toEqual(['q2-2', 'p2'].filter((a) => hits?.includes(a)));
    expect(hits).not.toContain('p1'); // patience, but no quote in it
    expect(articles('Yokota', { topic: 'abductions' })).toEqual(['exact-yokota']); // p1 holds the abductions quote
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

describe('searchIndex over the records', () => {
  it('indexes every article of the source', () => {
    expect(Object.keys(data.articles)).toEqual(SOURCE.articles.map((a) => a.id));
    expect(search('Megumi', { outlet: 'npr' }).groups.map((g) => g.article)).toEqual(['typo-yokota']);
  });
});

describe('searchIndex: words in different passages', () => {
  const apartArticle = article('apart', 'Trump assures Abe pressure is still on', 'nikkei', 'washington-2018', [
    'The leaders met at the White House.',
    'They most recently played golf at Mar-a-Lago.',
  ]);
  const { data: apart } = fixtureSearch({
    articles: [
      apartArticle,
      article('together', 'Leaders meet', 'npr', 'tokyo-2017', ['Trump and Abe played golf on Sunday.']),
    ],
  });

  it('finds an article holding every word in some passage, below those with one passage holding them all', () => {
    const results = searchIndex(apart, 'Abe golf');
    expect(results.groups.map((g) => g.article)).toEqual(['together', 'apart']);
    const [together, spread] = results.groups;
    expect(together?.partial).toBeUndefined();
    expect(spread?.partial).toBe(true);
    // The fewest passages that hold the words between them, each with its own word marked.
    expect(spread?.hits.map((h) => h.record.id)).toEqual(['apart--title', 'apart--p2']);
    expect(spread?.hits.map((h) => h.ranges.map(([s, e]) => h.record.text.slice(s, e + 1)))).toEqual([
      ['Abe'],
      ['golf'],
    ]);
    expect(spread?.score).toBeLessThan(0);
    expect(together!.score - spread!.score).toBeGreaterThan(PARTIAL_PENALTY - 1);
    expect(results.passages).toBe(3);
  });

  it('looks for spread words only while fewer than a page of articles hold them in one passage', () => {
    const { data } = fixtureSearch({
      articles: [
        ...Array.from({ length: PARTIAL_ONLY_BELOW }, (_, i) =>
          article(`together-${i}`, `Leaders meet ${i}`, 'npr', 'tokyo-2017', ['Trump and Abe played golf on Sunday.']),
        ),
        apartArticle,
      ],
    });
    const groups = searchIndex(data, 'Abe golf').groups;
    expect(groups).toHaveLength(PARTIAL_ONLY_BELOW);
    expect(groups.some((g) => g.partial)).toBe(false);
  });

  it('needs every word somewhere in the article, and a second word to be spread at all', () => {
    expect(searchIndex(apart, 'Abe merkel').groups).toEqual([]);
    expect(searchIndex(apart, 'golf').groups).toHaveLength(2);
    expect(searchIndex(apart, 'golf').groups.every((g) => !g.partial)).toBe(true);
  });
});

describe('mayMatch', () => {
  it('passes every record that holds some word of the query, and skips most that hold none', () => {
    const queries = [
      'Yokota',
      'yokata',
      'megumi parents',
      '"maximum pressure"',
      'tra',
      "Japan's",
      'u.s.-japan',
      'Donald',
      'negotiate',
      '"--"',
      'abductees hope',
    ];
    let skipped = 0;
    for (const q of queries) {
      const units = compileQuery(vocabularyOf(data.records), parseQuery(q));
      for (const record of data.records) {
        const holds = matchRecord(record, units).some((u) => u.quality !== 'none');
        if (holds) expect(mayMatch(record, units), `${q}: ${record.id}`).toBe(true);
        else if (!mayMatch(record, units)) skipped++;
      }
    }
    expect(skipped).toBeGreaterThan(data.records.length);
  });
});
