import { describe, expect, it } from 'vitest';
import { buildComparison, overlapDiff, statementMatches, tallyStatements, versionText } from '../../src/lib/compare.ts';
import { findShifts, sharedWording } from '../../src/lib/shifts.ts';
import type { Quote, Statement } from '../../src/lib/quotes/types.ts';

let n = 0;
function quote(fields: Partial<Quote> & Pick<Quote, 'text' | 'outlet' | 'statement'>): Quote {
  n += 1;
  const anchor = `q${n}-1`;
  return {
    id: `${fields.outlet}-a--${anchor}`,
    article: `${fields.outlet}-a`,
    event: 'e1',
    anchor,
    spans: [{ paragraph: n, start: 0, end: fields.text.length }],
    kind: 'full',
    utterance: anchor,
    speaker: 'trump',
    attribution: 'post',
    topics: ['security'],
    speakerConfidence: 0.9,
    topicsConfidence: 0.9,
    ...fields,
  };
}

function statementOf(id: string, quotes: Quote[], extra: Partial<Statement> = {}): Statement {
  return {
    id,
    event: quotes[0]!.event,
    speaker: quotes[0]!.speaker,
    quotes: quotes.map((q) => q.id),
    outlets: [...new Set(quotes.map((q) => q.outlet))].sort(),
    topics: [...new Set(quotes.flatMap((q) => q.topics))],
    confidence: 0.9,
    evidence: { keys: ['grouped'], because: 'made by hand' },
    ...extra,
  };
}

const a1 = quote({
  outlet: 'npr',
  statement: 's1',
  text: 'He will shoot them out of the sky when he completes the purchase of a lot of military equipment from the U.S.',
});
const a2 = quote({
  outlet: 'reuters',
  statement: 's1',
  text: 'He (Abe) will shoot them out of the sky when he completes the purchase of lots of additional military equipment from the United States,',
});
const b1 = quote({
  outlet: 'nikkei',
  statement: 's2',
  text: 'We will discuss our best possible options',
  topics: ['trade'],
  speaker: 'kono',
});
const c1 = quote({ outlet: 'npr', statement: 's3', text: 'No one likes conflict,', speaker: 'abe' });
const c2 = quote({ outlet: 'npr', statement: 's3', text: 'But North Korea continues its provocation', speaker: 'abe' });
const all = [a1, a2, b1, c1, c2];
const statements = [statementOf('s2', [b1]), statementOf('s3', [c1, c2]), statementOf('s1', [a1, a2])];
const byId = (id: string) => all.find((q) => q.id === id)!;

describe('buildComparison', () => {
  it('keeps only statements in the filter', () => {
    expect(buildComparison(statements, byId, { topic: 'trade' }).map((r) => r.statement.id)).toEqual(['s2']);
    expect(buildComparison(statements, byId, { speaker: 'abe' }).map((r) => r.statement.id)).toEqual(['s3']);
    expect(buildComparison(statements, byId, { event: 'e2' })).toEqual([]);
    expect(statementMatches(statements[0]!, { speaker: null })).toBe(false);
  });

  it('puts statements quoted by more outlets first, otherwise keeps corpus order', () => {
    expect(buildComparison(statements, byId, {}).map((r) => r.statement.id)).toEqual(['s1', 's2', 's3']);
  });

  it('groups an outlet’s quotes of one utterance in one cell, in order', () => {
    const [row] = buildComparison(statements, byId, { speaker: 'abe' });
    expect(row!.cells.get('npr')!.map((q) => q.text)).toEqual([c1.text, c2.text]);
    expect(versionText(row!.cells.get('npr')!)).toBe(
      'No one likes conflict, … But North Korea continues its provocation',
    );
  });

  it('diffs each other outlet against the fullest wording, word by word', () => {
    const [row] = buildComparison(statements, byId, { topic: 'security', event: 'e1' });
    expect(row!.reference).toBe('reuters');
    const [diff] = row!.diffs;
    expect(diff!.outlet).toBe('npr');
    const removed = diff!.parts
      .filter((p) => p.removed)
      .map((p) => p.value)
      .join(' ');
    const added = diff!.parts
      .filter((p) => p.added)
      .map((p) => p.value)
      .join(' ');
    expect(removed).toMatch(/additional/);
    expect(added).toMatch(/U\.S\./);
    // Both versions can be rebuilt from the parts: nothing is lost in the diff.
    expect(
      diff!.parts
        .filter((p) => !p.added)
        .map((p) => p.value)
        .join(''),
    ).toBe(a2.text);
    expect(
      diff!.parts
        .filter((p) => !p.removed)
        .map((p) => p.value)
        .join(''),
    ).toBe(a1.text);
  });

  it('diffs a version against the one reference quote it shares most words with', () => {
    const r1 = quote({ outlet: 'reuters', statement: 'm', text: 'The sky,' });
    const r2 = quote({ outlet: 'reuters', statement: 'm', text: 'He will shoot them out of the sky,' });
    const r3 = quote({
      outlet: 'reuters',
      statement: 'm',
      text: 'The prime minister is going to be purchasing massive amounts of military equipment',
    });
    const k1 = quote({
      outlet: 'nikkei',
      statement: 'm',
      text: 'The prime minister is going to be purchasing massive amounts of military equipment, as he should.',
    });
    const mine = [r1, r2, r3, k1];
    const [row] = buildComparison([statementOf('m', mine)], (id) => mine.find((q) => q.id === id)!, {});
    expect(row!.reference).toBe('reuters');
    const diff = row!.diffs.find((d) => d.outlet === 'nikkei')!;
    // Nothing of the other two Reuters quotes is struck through: only the words Nikkei added differ.
    expect(diff.parts.filter((p) => p.removed)).toEqual([]);
    expect(diff.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual([', as he should.']);
  });

  it('tallies quotes by outlet and speaker', () => {
    const tally = tallyStatements(statements, byId);
    expect(tally.quotes).toBe(5);
    expect(tally.byOutlet.get('npr')).toBe(3);
    expect(tally.bySpeaker.get('abe')).toBe(2);
  });
});

describe('findShifts', () => {
  it('pairs a phrase quoted at two events, earliest first, and ignores one-event phrases', () => {
    const old = quote({
      outlet: 'nikkei',
      statement: 'x1',
      event: 'tokyo',
      text: 'It is time to exert maximum pressure on North Korea',
      speaker: 'abe',
    });
    const later = quote({
      outlet: 'nikkei',
      statement: 'x2',
      event: 'dc',
      text: "We don't use the term anymore. 'We're going to use maximum pressure.'",
    });
    const frag = quote({
      outlet: 'nikkei',
      statement: 'x3',
      event: 'dc',
      text: 'maximum pressure',
      kind: 'fragment',
      speaker: null,
    });
    const other = quote({ outlet: 'npr', statement: 'x4', event: 'tokyo', text: 'strategic patience is over' });
    const shifts = findShifts([later, frag, old, other], ['tokyo', 'dc']);
    expect(shifts).toHaveLength(1);
    expect(shifts[0]!.phrase).toBe('maximum pressure');
    expect(shifts[0]!.uses.map((u) => u.event)).toEqual(['tokyo', 'dc']);
    expect(shifts[0]!.uses[1]!.quote.id).toBe(later.id);
  });

  it('finds nothing in a one-event corpus', () => {
    expect(findShifts(all, ['e1'])).toEqual([]);
  });
});

describe('overlapDiff', () => {
  const part = (value: string, kind?: 'added' | 'removed') => ({
    value,
    added: kind === 'added',
    removed: kind === 'removed',
  });

  it('folds away the reference words before and after the overlap', () => {
    const folded = overlapDiff([
      part('We will not stand for that. ', 'removed'),
      part('The era of strategic patience'),
      part(' is over.', 'removed'),
    ]);
    expect(folded).toEqual({ parts: [part('The era of strategic patience')], before: true, after: true });
  });

  it('keeps differences inside the overlap', () => {
    const parts = [part('a lot of ', 'added'), part('lots of additional ', 'removed'), part('military equipment')];
    expect(overlapDiff(parts)).toEqual({ parts, before: false, after: false });
  });

  it('shows everything when the versions share no words', () => {
    const parts = [part('one', 'removed'), part('two', 'added')];
    expect(overlapDiff(parts)).toEqual({ parts, before: false, after: false });
  });
});

describe('findShifts ranking', () => {
  it('prefers the line quoted most often, and skips names and contractions', () => {
    const mk = (event: string, text: string, statement: string) =>
      quote({ outlet: 'nikkei', statement, event, text, kind: 'fragment', speaker: null });
    const quotes = [
      mk('tokyo', 'maximum pressure', 'm1'),
      mk('tokyo', 'time to exert maximum pressure on North Korea', 'm2'),
      mk('dc', "We're going to use maximum pressure", 'm3'),
      mk('tokyo', "we're going to win on North Korea", 'm4'),
      mk('dc', "We're going with North Korea", 'm5'),
    ];
    const shifts = findShifts(quotes, ['tokyo', 'dc'], 5);
    expect(shifts.map((s) => s.phrase)).toEqual(['maximum pressure']);
    expect(
      findShifts(
        [mk('tokyo', 'free, fair and reciprocal', 'f1'), mk('dc', 'Free fair trade', 'f2')],
        ['tokyo', 'dc'],
      )[0]!.wording,
    ).toBe('free, fair');
  });

  it('shows the longest wording every use shares around the phrase, as the first prints it', () => {
    expect(sharedWording('free fair', ['a “free, fair and reciprocal” deal', 'Free, fair and reciprocal trade'])).toBe(
      'free, fair and reciprocal',
    );
    expect(
      sharedWording('maximum pressure', [
        'It is time to exert maximum pressure on North Korea,',
        "We're going to use maximum pressure,",
      ]),
    ).toBe('maximum pressure');
    expect(sharedWording('japan’s position', ['Japan’s position is firm', "japan's position is firm today"])).toBe(
      'Japan’s position is firm',
    );
    expect(sharedWording('not there', ['something else'])).toBe('not there');
  });
});
