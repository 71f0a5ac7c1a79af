import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  articleFromMarkdown,
  formatScores,
  formatScoresByCorpus,
  labelsAsQuotes,
  scoreOnAgreement,
  scoreQuotes,
} from '../../../src/lib/quotes/evaluate.ts';
import type { GoldQuote } from '../../../src/lib/quotes/evaluate.ts';
import { buildQuoteCorpus } from '../../../src/lib/quotes/index.ts';
import type { Quote } from '../../../src/lib/quotes/types.ts';
import {
  contentPeople,
  contentSmallTalk,
  contentTopics,
  heldOut,
  heldOutSets,
  realArticles,
  realGold,
} from './fixtures.ts';

/**
 * The lowest figures any held-out set measures: speaker 0.962 (held-out 16 and 28), topics 0.582
 * (held-out 26: summit-process talk, "No deal is better than a bad deal", that its labeller files
 * under security), alignment precision 0.571 (held-out 23: Trump's "fair and reciprocal", said on several
 * occasions of one summit, read as one statement) and recall 0.750 (held-out 10 and 12).
 */
/** Each held-out set's own figures as last measured (`npm run eval:quotes -- --write-floors`). */
const FLOORS = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'quotes', 'floors.json'), 'utf8'),
) as Record<
  string,
  Record<'speaker' | 'topics' | 'kind' | 'alignmentPrecision' | 'alignmentRecall', number> &
    // only the sets whose gold says `earlier` (held-out 30–42) have these
    Partial<Record<'earlierAccuracy' | 'earlierPrecision' | 'earlierRecall', number>>
>;

function predicted(article: string, anchor: string, text: string, fields: Partial<Quote>): Quote {
  return {
    anchor,
    text,
    spans: [],
    kind: 'full',
    utterance: anchor,
    speaker: null,
    attribution: 'none',
    topics: [],
    id: `${article}--${anchor}`,
    article,
    outlet: 'x',
    event: 'e',
    statement: `s-${article}--${anchor}`,
    speakerConfidence: 0.9,
    topicsConfidence: 0.9,
    ...fields,
  };
}

describe('scoreQuotes on a tiny fixture', () => {
  const gold: GoldQuote[] = [
    { article: 'a', text: 'one', speaker: 'trump', topics: ['trade'], kind: 'full', group: 'g1' },
    { article: 'b', text: 'uno', speaker: null, topics: ['trade', 'security'], kind: 'fragment', group: 'g1' },
    { article: 'a', text: 'two', speaker: 'abe', topics: [], kind: 'full', group: 'g2' },
    { article: 'a', text: 'missed', speaker: 'abe', topics: [], kind: 'full', group: 'g3' },
  ];
  const quotes = [
    predicted('a', 'q1-1', 'one', { speaker: 'trump', topics: ['trade'], statement: 's1' }),
    predicted('b', 'q1-1', 'uno', { speaker: 'trump', topics: ['trade'], kind: 'fragment', statement: 's1' }),
    predicted('a', 'q2-1', 'two', { speaker: null, statement: 's1' }),
    predicted('a', 'q3-1', 'extra', {}),
  ];
  const s = scoreQuotes(gold, quotes);

  it('counts extraction by exact text', () => {
    expect([s.extraction.precision.hit, s.extraction.precision.total]).toEqual([3, 4]);
    expect([s.extraction.recall.hit, s.extraction.recall.total]).toEqual([3, 4]);
  });

  it('scores speakers with null as a plain value and as abstention', () => {
    expect(s.speaker.accuracy.value).toBeCloseTo(1 / 3);
    expect([s.speaker.precision.hit, s.speaker.precision.total]).toEqual([1, 2]); // trump right, trump wrong
    expect([s.speaker.recall.hit, s.speaker.recall.total]).toEqual([1, 2]); // trump found, abe abstained
  });

  it('scores topics as exact sets and micro precision/recall', () => {
    expect(s.topics.exact.hit).toBe(2);
    expect([s.topics.precision.hit, s.topics.precision.total]).toEqual([2, 2]);
    expect([s.topics.recall.hit, s.topics.recall.total]).toEqual([2, 3]);
  });

  it('scores kinds and alignment pairs', () => {
    expect(s.kind.accuracy.hit).toBe(3);
    // engine: all three together (3 pairs); gold: only one/uno together (1 pair)
    expect([s.alignment.precision.hit, s.alignment.precision.total]).toEqual([1, 3]);
    expect([s.alignment.recall.hit, s.alignment.recall.total]).toEqual([1, 1]);
  });

  it('lists the disagreements and prints a table', () => {
    expect(s.errors.some((e) => e.startsWith('missed') && e.includes('missed'))).toBe(true);
    expect(s.errors.some((e) => e.startsWith('extra'))).toBe(true);
    expect(formatScores([{ label: 'tiny', scores: s }])).toMatch(/speaker accuracy\s+\| 0\.333 \(1\/3\)/);
    const byCorpus = formatScoresByCorpus([{ label: 'tiny', scores: s }]).split('\n');
    expect(byCorpus[0]).toMatch(
      /^\| set +\| quotes \| extraction P \/ R \| speaker \| listed \| unlisted \| unlisted → listed \| topics \| kind +\| alignment P \/ R +\| earlier P \/ R \/ acc +\|$/,
    );
    expect(byCorpus[2]).toMatch(/^\| tiny +\| \d+ +\| [\d.]+ \/ [\d.]+ +\| 0\.333 /);
  });
});

describe('scoreQuotes with speakers nobody listed', () => {
  const gold: GoldQuote[] = [
    { article: 'a', text: 'one', speaker: 'Sakie Yokota', topics: [], kind: 'full', group: 'g1' },
    { article: 'a', text: 'two', speaker: 'Daniel Reyes', topics: [], kind: 'full', group: 'g2' },
    { article: 'a', text: 'three', speaker: 'Kenji Ito', topics: [], kind: 'full', group: 'g3' },
    { article: 'a', text: 'four', speaker: 'trump', topics: [], kind: 'full', group: 'g4' },
  ];
  const quotes = [
    predicted('a', 'q1-1', 'one', { speaker: 'sakie-yokota', statement: 's1' }),
    predicted('a', 'q2-1', 'two', { speaker: 'trump', statement: 's2' }),
    predicted('a', 'q3-1', 'three', { speaker: null, statement: 's3' }),
    predicted('a', 'q4-1', 'four', { speaker: 'trump', statement: 's4' }),
  ];
  const people = [
    { id: 'trump', name: 'Donald Trump', listed: true },
    { id: 'sakie-yokota', name: 'Mrs. Sakie Yokota', listed: false },
  ];
  const s = scoreQuotes(gold, quotes, people);

  it('matches a found person to the gold name tolerantly, and scores listed and unlisted speakers apart', () => {
    expect([s.speaker.listed.hit, s.speaker.listed.total]).toEqual([1, 1]);
    expect([s.speaker.unlisted.hit, s.speaker.unlisted.total]).toEqual([1, 3]);
  });

  it("counts an unlisted speaker's words given to a listed person", () => {
    expect(s.speaker.unlistedToListed).toBe(1);
  });
});

describe('a second annotator, scored like the engine', () => {
  const gold: GoldQuote[] = [
    { article: 'a', text: 'one', speaker: 'trump', topics: ['trade'], kind: 'full', group: 'g1' },
    { article: 'b', text: 'uno', speaker: 'trump', topics: ['trade', 'security'], kind: 'fragment', group: 'g1' },
    { article: 'a', text: 'two', speaker: 'abe', topics: [], kind: 'full', group: 'g2' },
  ];
  // The second annotator names groups their own way, hears "two" as Trump and files "uno" under trade only.
  const second: GoldQuote[] = [
    { article: 'a', text: 'one', speaker: 'trump', topics: ['trade'], kind: 'full', group: 'x' },
    { article: 'b', text: 'uno', speaker: 'trump', topics: ['trade'], kind: 'fragment', group: 'x' },
    { article: 'a', text: 'two', speaker: 'trump', topics: [], kind: 'full', group: 'y' },
  ];

  it('reads groups as statements, whatever they are called', () => {
    const s = scoreQuotes(gold, labelsAsQuotes(second));
    expect(s.extraction.precision.value).toBe(1);
    expect([s.speaker.accuracy.hit, s.topics.exact.hit, s.kind.accuracy.hit]).toEqual([2, 2, 3]);
    expect([s.alignment.precision.value, s.alignment.recall.value]).toEqual([1, 1]);
  });

  it('scores the engine only where the two agree, and counts a quote it missed as wrong', () => {
    const engine = [
      predicted('a', 'q1-1', 'one', { speaker: 'trump', topics: [] }),
      predicted('b', 'q1-1', 'uno', { speaker: 'abe', topics: ['trade', 'security'], kind: 'fragment' }),
    ];
    const a = scoreOnAgreement(gold, second, engine);
    expect([a.speaker.hit, a.speaker.total]).toEqual([1, 2]); // "two" is disputed; "uno" the engine gets wrong
    expect([a.topics.hit, a.topics.total]).toEqual([0, 2]); // "one" wrong, "two" missed; "uno" disputed
    expect([a.kind.hit, a.kind.total]).toEqual([2, 3]);
  });
});

describe('frontmatter', () => {
  it('reads the fields through the one frontmatter reader, quoted titles included', () => {
    const a = articleFromMarkdown('x', '---\ntitle: "A \\"quoted\\" title"\noutlet: npr\nevent: e\n---\n\nBody.\n');
    expect(a).toMatchObject({ title: 'A "quoted" title', outlet: 'npr', event: 'e' });
    expect(a.paragraphs.map((p) => p.text)).toEqual(['Body.']);
  });

  it('builds an article with its paragraphs and headings', () => {
    const a = articleFromMarkdown('x', '---\noutlet: npr\nevent: tokyo-2017\n---\n\nOne.\n\n## Part\n\nTwo.\n');
    expect(a).toMatchObject({ id: 'x', outlet: 'npr', event: 'tokyo-2017' });
    expect(a.paragraphs.map((p) => [p.index, p.text, p.heading])).toEqual([
      [1, 'One.', null],
      [2, 'Two.', 'Part'],
    ]);
  });
});

describe('the engine against the hand labels', () => {
  const figures = (s: ReturnType<typeof scoreQuotes>) =>
    [
      s.extraction.precision,
      s.extraction.recall,
      s.speaker.accuracy,
      s.speaker.precision,
      s.speaker.recall,
      s.topics.exact,
      s.topics.precision,
      s.topics.recall,
      s.kind.accuracy,
      s.alignment.precision,
      s.alignment.recall,
      s.earlier.accuracy,
      s.earlier.precision,
      s.earlier.recall,
    ].map((r) => r.value);

  it('reaches 0.95 on every figure for the five articles', () => {
    const { quotes } = buildQuoteCorpus(realArticles(), contentPeople(), contentTopics(), {}, contentSmallTalk());
    for (const value of figures(scoreQuotes(realGold(), quotes))) expect(value).toBeGreaterThanOrEqual(0.95);
  });

  it('finds every held-out set, so the per-set checks below cannot pass by checking nothing', () => {
    expect(heldOutSets()).toHaveLength(62);
    expect(Object.keys(FLOORS).sort()).toEqual([...heldOutSets()].sort());
  });

  // Each held-out set was scored once before it became development data (README, "How well it
  // works"); these floors are what the engine measures on them now: a regression guard, not the target.
  it.each(heldOutSets())('holds its measured figures on held-out set %s', (set) => {
    const { articles, gold, people } = heldOut(set);
    const { quotes, speakers } = buildQuoteCorpus(articles, people, contentTopics(), {}, contentSmallTalk());
    const s = scoreQuotes(gold, quotes, speakers);
    expect(s.extraction.precision.value).toBe(1);
    expect(s.extraction.recall.value).toBe(1);
    const floor = FLOORS[set]!;
    expect(s.speaker.accuracy.value).toBeGreaterThanOrEqual(floor.speaker);
    expect(s.kind.accuracy.value).toBeGreaterThanOrEqual(floor.kind);
    expect(s.topics.exact.value).toBeGreaterThanOrEqual(floor.topics);
    expect(s.alignment.precision.value).toBeGreaterThanOrEqual(floor.alignmentPrecision);
    expect(s.alignment.recall.value).toBeGreaterThanOrEqual(floor.alignmentRecall);
    expect(floor.earlierAccuracy !== undefined).toBe(s.earlier.accuracy.total > 0);
    if (floor.earlierAccuracy !== undefined) {
      expect(s.earlier.accuracy.value).toBeGreaterThanOrEqual(floor.earlierAccuracy);
      expect(s.earlier.precision.value).toBeGreaterThanOrEqual(floor.earlierPrecision!);
      expect(s.earlier.recall.value).toBeGreaterThanOrEqual(floor.earlierRecall!);
    }
  });
});
