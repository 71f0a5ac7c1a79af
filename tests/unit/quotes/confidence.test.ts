import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationFile, judgeSets } from '../../../src/cli/calibrate.ts';
import { heldOutDirs, readFiveArticles, readLabelledSet } from '../../../src/cli/labelled-sets.ts';
import { CALIBRATION, confidenceOf, PRIOR_WEIGHT, tabulate } from '../../../src/lib/quotes/confidence.ts';
import { articleFromMarkdown } from '../../../src/lib/quotes/evaluate.ts';
import { buildQuoteCorpus } from '../../../src/lib/quotes/index.ts';
import { errorsCaught, judgeDecisions, type JudgedDecision } from '../../../src/lib/quotes/reliability.ts';
import { reviewQueue } from '../../../src/lib/quotes/review.ts';
import type { ArticleText, Person, Quote, QuoteOverride } from '../../../src/lib/quotes/types.ts';
import { contentPeople, contentTopics } from './fixtures.ts';

const people: Person[] = contentPeople();
const topics = contentTopics();
const article = (id: string, body: string, event = 'tokyo-2017'): ArticleText =>
  articleFromMarkdown(id, `---\ntitle: "T"\noutlet: ${id.split('-')[0]}\nevent: ${event}\n---\n\n${body}\n`);
const corpusOf = (articles: ArticleText[], overrides: Record<string, QuoteOverride[]> = {}) =>
  buildQuoteCorpus(articles, people, topics, overrides);
const byText = (quotes: Quote[], start: string) => quotes.find((q) => q.text.startsWith(start))!;

describe('confidenceOf', () => {
  const table = {
    speaker: { '*': [100, 90], post: [60, 59], 'post/name': [2, 0], none: [10, 3] },
    topics: {},
    statement: {},
  } as unknown as typeof CALIBRATION;

  it('is certain of an override and knows nothing of a decision with no evidence', () => {
    expect(confidenceOf('speaker', { keys: ['override'], because: '' }, table)).toBe(1);
    expect(confidenceOf('speaker', undefined, table)).toBe(0);
  });

  it("starts from the kind's overall rate and follows each key as far as its count allows", () => {
    const overall = 91 / 102; // (right + 1) / (n + 2)
    expect(confidenceOf('speaker', { keys: ['never-seen'], because: '' }, table)).toBe(Math.round(overall * 100) / 100);
    const post = (59 + PRIOR_WEIGHT * overall) / (60 + PRIOR_WEIGHT);
    expect(confidenceOf('speaker', { keys: ['post'], because: '' }, table)).toBe(Math.round(post * 100) / 100);
    // two wrong decisions pull the estimate down, but not to zero
    const name = (0 + PRIOR_WEIGHT * post) / (2 + PRIOR_WEIGHT);
    expect(confidenceOf('speaker', { keys: ['post', 'post/name'], because: '' }, table)).toBe(
      Math.round(name * 100) / 100,
    );
    expect(confidenceOf('speaker', { keys: ['none'], because: '' }, table)).toBeLessThan(0.5);
  });

  it('tabulates every key of every decision, overrides left out', () => {
    const records = tabulate([
      { evidence: { keys: ['post', 'post/name'], because: '' }, right: true },
      { evidence: { keys: ['post', 'post/pronoun'], because: '' }, right: false },
      { evidence: { keys: ['override'], because: '' }, right: false },
    ]);
    expect(records).toEqual({ '*': [2, 1], post: [2, 1], 'post/name': [1, 1], 'post/pronoun': [1, 0] });
  });
});

describe('the calibration table', () => {
  it('is what the labelled sets give today (npm run calibrate rewrites it)', () => {
    const dirs = heldOutDirs();
    const sets = [readFiveArticles(people), ...dirs.map((dir) => readLabelledSet(dir, people))];
    const written = readFileSync(join(import.meta.dirname, '../../../src/lib/quotes/calibration.json'), 'utf8');
    const names = ['five articles', ...dirs.map((d) => d.slice(d.indexOf('tests/')))];
    expect(calibrationFile(judgeSets(sets), names)).toBe(written);
  });
});

describe('evidence and confidence on the engine’s decisions', () => {
  const story = article(
    'npr-evidence',
    [
      '"We will not allow missiles over Japan," Trump said on Monday.',
      'Abe met Trump at the palace. The talks ran long.',
      'Officials gathered in the hall afterwards, and the dinner went on.',
      '"The tariffs must go," he said.',
      'Later the mood changed. "It was a fine day."',
    ].join('\n\n'),
  );
  const { quotes } = corpusOf([story]);

  it('says in plain words which attribution named the speaker, and is sure of a name right after the quote', () => {
    const q = byText(quotes, 'We will not allow');
    expect(q.speaker).toBe('trump');
    expect(q.speakerEvidence?.keys[0]).toBe('post');
    expect(q.speakerEvidence?.because).toMatch(/right after the quote: "Trump"/);
    expect(q.speakerConfidence).toBeGreaterThan(0.9);
  });

  it("names a pronoun's person and how far back it stood", () => {
    const q = byText(quotes, 'The tariffs');
    expect(q.speakerEvidence?.because).toMatch(
      /"he", read as Shinzo Abe, named (a paragraph before|paragraphs before)/,
    );
  });

  it('is least sure where no attribution was found but people are named near, and names them', () => {
    const q = byText(quotes, 'It was a fine day');
    expect(q.speaker).toBeNull();
    expect(q.speakerEvidence?.keys.slice(0, 2)).toEqual(['none', 'none/nobody-near']);
    expect(q.speakerEvidence?.because).toBe(
      'no attribution found, and nobody is named in this paragraph or the one before',
    );
    expect(q.speakerConfidence).toBeLessThan(byText(quotes, 'We will not allow').speakerConfidence);
  });

  it('names the topic word and where it stood', () => {
    expect(byText(quotes, 'We will not allow').topicsEvidence?.because).toMatch(/"missiles" \(security\) in the quote/);
    expect(byText(quotes, 'The tariffs').topicsEvidence?.because).toMatch(/"tariffs" \(trade\) in the quote/);
  });

  it('files a quote about arms bought from the United States under security and trade', () => {
    const arms = article(
      'reuters-arms',
      '"He will shoot them out of the sky when he completes the purchase of lots of military equipment from the United States," Trump said.',
    );
    expect(corpusOf([arms]).quotes[0]!.topics).toEqual(['security', 'trade']);
  });
});

describe('statements: evidence, confidence and an editor’s grouping', () => {
  const a = article('npr-one', '"We will never accept a nuclear North Korea in any form," Trump said.');
  const b = article('reuters-two', '"We will never accept a nuclear North Korea," Trump said.');
  const c = article('nikkei-three', '"Japan and America stand together on this," Abe said.');

  it('joins two versions with evidence of how close they are, and gives the grouping a confidence', () => {
    const { statements } = corpusOf([a, b, c]);
    const joined = statements.find((s) => s.quotes.length === 2)!;
    expect(joined.evidence.keys[0]).toBe('grouped');
    expect(joined.evidence.because).toMatch(/2 articles' versions joined/);
    expect(joined.confidence).toBeGreaterThan(0);
    expect(joined.confidence).toBeLessThan(1);
  });

  it('keeps a quote alone, or joins it to a statement, when an editor says so, and is then certain', () => {
    const apart = corpusOf([a, b, c], {
      'reuters-two': [{ text: 'We will never accept a nuclear North Korea,', statement: 'alone' }],
    });
    expect(apart.statements.filter((s) => s.quotes.length > 1)).toEqual([]);
    expect(apart.statements.find((s) => s.quotes[0] === 'reuters-two--q1-1')!.confidence).toBe(1);
    const joined = corpusOf([a, b, c], {
      'nikkei-three': [{ text: 'Japan and America stand together on this,', statement: 's-npr-one--q1-1' }],
    });
    const s = joined.statements.find((x) => x.quotes.includes('nikkei-three--q1-1'))!;
    expect(s.quotes).toContain('npr-one--q1-1');
    expect(s.confidence).toBe(1);
  });

  it('stops on a grouping override that names no statement, naming the article and the field', () => {
    expect(() =>
      corpusOf([a, b], {
        'reuters-two': [{ text: 'We will never accept a nuclear North Korea,', statement: 's-nope--q1-1' }],
      }),
    ).toThrow('article "reuters-two": field "quotes[0].statement": "s-nope--q1-1" is neither');
    expect(() =>
      corpusOf([a, b], {
        'reuters-two': [{ text: 'We will never accept a nuclear North Korea,', statement: 's-reuters-two--q1-1' }],
      }),
    ).toThrow('is not another article\'s quote of event "tokyo-2017"');
    expect(() => corpusOf([a, b], { 'reuters-two': [{ text: 'Words nobody quoted', statement: 'alone' }] })).toThrow(
      'article "reuters-two": field "quotes[0].text": no quotation has the text "Words nobody quoted"',
    );
  });
});

describe('judging decisions and the usefulness of confidence', () => {
  const judged = (confidence: number, right: boolean): JudgedDecision => ({
    kind: 'speaker',
    quote: 'x',
    evidence: { keys: ['post'], because: '' },
    confidence,
    right,
  });

  it('counts the errors an editor finds reviewing the least confident share first, ties in proportion', () => {
    const ten = [0.1, 0.2, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9].map((c, i) => judged(c, i >= 2 ? i !== 9 : false));
    expect(errorsCaught(ten, 'speaker', 0.2)).toBeCloseTo(2 / 3); // two of the three errors sit at the bottom
    const tied = [judged(0.5, false), judged(0.5, true), judged(0.5, true), judged(0.5, true)];
    expect(errorsCaught(tied, 'speaker', 0.5)).toBeCloseTo(0.5);
    expect(errorsCaught([judged(0.9, true)], 'speaker', 0.2)).toBe(1); // nothing to find
  });

  it('judges speaker, topics and grouping against gold', () => {
    const story = article('npr-j', '"The tariffs must go," Trump said.\n\n"Nothing here," said Abe.');
    const corpus = corpusOf([story]);
    const gold = [
      {
        article: 'npr-j',
        text: 'The tariffs must go,',
        speaker: 'trump',
        topics: ['trade'],
        kind: 'full' as const,
        group: 'g1',
      },
      {
        article: 'npr-j',
        text: 'Nothing here,',
        speaker: 'trump',
        topics: ['abductees'],
        kind: 'full' as const,
        group: 'g2',
      },
    ];
    const decisions = judgeDecisions(gold, corpus, corpus.speakers);
    expect(decisions.map((d) => [d.kind, d.right])).toEqual([
      ['speaker', true],
      ['topics', true],
      ['speaker', false],
      ['topics', false],
      ['statement', true],
      ['statement', true],
    ]);
  });
});

describe('the review queue', () => {
  const story = article(
    'npr-review',
    [
      '"The tariffs must go," Trump said.',
      'Abe met Trump at the palace. The talks ran long.',
      'Later the mood changed. "It was a fine day."',
    ].join('\n\n'),
  );
  const other = article('reuters-other', '"Fine," Abe said.');

  it('lists decisions least confident first, with the sentence, the evidence and an override to paste', () => {
    const corpus = corpusOf([story, other]);
    const items = reviewQueue(corpus, [story, other], corpus.speakers, { below: 1 });
    const confidences = items.map((i) => i.confidence);
    expect(confidences).toEqual([...confidences].sort((x, y) => x - y));
    const first = items.find((i) => i.field === 'speaker' && i.text === 'It was a fine day.')!;
    expect(first).toMatchObject({
      quote: 'npr-review--q3-1',
      value: null,
      article: 'npr-review',
      paragraph: 3,
      sentence: '"It was a fine day."',
    });
    expect(first.evidence).toMatch(/no attribution found; named nearby: Shinzo Abe, Donald Trump/);
    expect(first.override).toBe(
      '- text: "It was a fine day."\n  speaker: null # a person id of people.json, or null for nobody named',
    );
  });

  it('limits the queue to one article and to N items, and drops what an editor overrode', () => {
    const overrides = { 'npr-review': [{ text: 'It was a fine day.', speaker: 'abe', topics: [] }] };
    const corpus = corpusOf([story, other], overrides);
    const items = reviewQueue(corpus, [story, other], corpus.speakers, { below: 1, article: 'npr-review' });
    expect(items.every((i) => i.article === 'npr-review')).toBe(true);
    expect(items.some((i) => i.text === 'It was a fine day.' && i.field !== 'statement')).toBe(false);
    expect(reviewQueue(corpus, [story, other], corpus.speakers, { below: 1, limit: 2 })).toHaveLength(2);
  });
});
