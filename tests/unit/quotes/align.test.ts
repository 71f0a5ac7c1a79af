import { describe, expect, it } from 'vitest';
import { alignQuotes, candidatePairs, contentOverlap, diffVersions } from '../../../src/lib/quotes/align.ts';
import { buildQuoteCorpus } from '../../../src/lib/quotes/index.ts';
import type { PlacedQuote } from '../../../src/lib/quotes/types.ts';
import { contentPeople, contentTopics, heldOut, heldOutSets, realArticles } from './fixtures.ts';

type Unaligned = PlacedQuote;
let counter = 0;
function quote(article: string, text: string, speaker: string | null, extra: Partial<Unaligned> = {}): Unaligned {
  counter += 1;
  const anchor = `q${counter}-1`;
  return {
    anchor,
    text,
    spans: [{ paragraph: counter, start: 1, end: 1 + text.length }],
    kind: 'full',
    utterance: anchor,
    speaker,
    attribution: speaker ? 'post' : 'none',
    topics: [],
    id: `${article}--${anchor}`,
    article,
    outlet: article.split('-')[0] ?? article,
    event: 'tokyo',
    ...extra,
  };
}
/** The grouping without its evidence: a near miss is looked for among the pairs compared, which blocking thins. */
const grouping = (result: ReturnType<typeof alignQuotes>) => ({
  quotes: result.quotes,
  statements: result.statements.map(({ evidence: _evidence, ...s }) => s),
});
const together = (result: ReturnType<typeof alignQuotes>, a: Unaligned, b: Unaligned) =>
  result.quotes.find((q) => q.id === a.id)!.statement === result.quotes.find((q) => q.id === b.id)!.statement;

describe('alignQuotes', () => {
  it('aligns a fragment with the whole sentence another outlet quoted', () => {
    const a = quote('npr-a', 'The era of strategic patience is over.', 'trump');
    const b = quote('reuters-b', 'era of strategic patience', 'trump', { kind: 'fragment' });
    const c = quote('nikkei-c', 'the era of strategic patience is over.', 'trump');
    const r = alignQuotes([a, b, c]);
    expect(together(r, a, b) && together(r, a, c)).toBe(true);
    expect(r.statements).toHaveLength(1);
  });

  it('aligns different wordings of the same line', () => {
    const a = quote(
      'npr-a',
      'will shoot them out of the sky when he completes the purchase of a lot of military equipment from the U.S.',
      'trump',
    );
    const b = quote(
      'reuters-b',
      'He (Abe) will shoot them out of the sky when he completes the purchase of lots of additional military equipment from the United States,',
      'trump',
    );
    expect(together(alignQuotes([a, b]), a, b)).toBe(true);
  });

  it('aligns two translations of the same line', () => {
    const a = quote(
      'npr-a',
      'free and open maritime order based upon the rule of law is the foundation of peace and prosperity in the region.',
      'abe',
    );
    const b = quote(
      'nikkei-b',
      'Maintenance and enhancement of maritime order that is free and open is critically important for peace and prosperity of this region,',
      'abe',
    );
    expect(together(alignQuotes([a, b]), a, b)).toBe(true);
  });

  it('never aligns across events, even the same words', () => {
    const a = quote('npr-a', 'free, fair and reciprocal', 'trump', { kind: 'fragment' });
    const b = quote('nikkei-b', 'free, fair and reciprocal', null, { kind: 'fragment', event: 'washington' });
    const r = alignQuotes([a, b]);
    expect(together(r, a, b)).toBe(false);
    expect(r.statements.map((s) => s.event).sort()).toEqual(['tokyo', 'washington']);
  });

  it('never aligns two different speakers, nor chains them through an unattributed quote', () => {
    const a = quote('npr-a', 'We will work together to bring the families back home soon', 'trump');
    const b = quote('reuters-b', 'We will work together to bring the families back home soon', null);
    const c = quote('nikkei-c', 'We will work together to bring the families back home soon', 'abe');
    const r = alignQuotes([a, b, c]);
    expect(together(r, a, c)).toBe(false);
    expect(together(r, a, b) !== together(r, b, c)).toBe(true);
  });

  it('does not align a bare phrase to someone else’s quote', () => {
    const a = quote('npr-a', '100 percent', 'abe', { kind: 'fragment' });
    const b = quote(
      'nikkei-b',
      'It is important for President Trump to stress that the U.S. is 100% with Japan,',
      null,
    );
    const c = quote('nikkei-c', 'I once again strongly reaffirmed Japan and the U.S. are 100% together.', 'abe');
    const r = alignQuotes([a, b, c]);
    expect(together(r, a, c)).toBe(true);
    expect(together(r, a, b)).toBe(false);
  });

  it('does not align quotes that only share common words', () => {
    const a = quote('npr-a', 'We want fair and open trade with Japan, and I know it will be soon,', 'trump');
    const b = quote(
      'reuters-b',
      'We seek equal and reliable access for American exports to markets in Japan to end our trade deficits.',
      'trump',
    );
    expect(together(alignQuotes([a, b]), a, b)).toBe(false);
  });

  it('keeps the parts of one utterance in one statement and builds statement fields', () => {
    const a = quote('npr-a', 'No one likes conflict,', 'abe', { topics: ['security'] });
    const b = quote('npr-a', 'But we must act,', 'abe', { utterance: a.anchor, topics: ['trade'] });
    const c = quote('reuters-b', 'Something else entirely was said here today,', null);
    const r = alignQuotes([a, b, c]);
    expect(r.statements).toEqual([
      {
        id: `s-${a.id}`,
        event: 'tokyo',
        speaker: 'abe',
        quotes: [a.id, b.id],
        outlets: ['npr'],
        topics: ['security', 'trade'],
        evidence: {
          keys: [
            'alone',
            'alone/no-link',
            'alone/no-link/no-near-miss',
            'alone/no-link/no-near-miss/speaker-quoted-here-only',
          ],
          because: 'quoted by one article only',
        },
      },
      {
        id: `s-${c.id}`,
        event: 'tokyo',
        speaker: null,
        quotes: [c.id],
        outlets: ['reuters'],
        topics: [],
        evidence: {
          keys: ['alone', 'alone/no-link', 'alone/no-link/no-near-miss', 'alone/no-link/no-near-miss/no-speaker'],
          because: 'quoted by one article only; nobody is named as its speaker',
        },
      },
    ]);
    expect(r.quotes.map((q) => q.statement)).toEqual([`s-${a.id}`, `s-${a.id}`, `s-${c.id}`]);
  });
});

describe('content overlap', () => {
  it('treats U.S./United States, lots/lot and %/percent alike', () => {
    expect(
      contentOverlap(
        'a lot of military equipment from the U.S.',
        'lots of additional military equipment from the United States',
      ),
    ).toMatchObject({ shared: 4, smaller: 4 });
    expect(contentOverlap('are 100% together', '"100 percent" together').containment).toBe(1);
  });

  it('shares a word across its forms, as two translations word it', () => {
    // Porter2: frankly/frank, negotiations/negotiate, denuclearization/denuclearize
    expect(contentOverlap('talk with him frankly', 'a frank talk')).toMatchObject({ shared: 2, smaller: 2 });
    expect(contentOverlap('the negotiations on denuclearization', 'negotiate to denuclearize')).toMatchObject({
      shared: 2,
    });
  });

  it("does not align a short phrase unless both sides are the same known speaker's", () => {
    const a = quote('ap-a', 'FFR,', null, { kind: 'fragment' });
    const b = quote('bz-b', 'FFR', null, { kind: 'fragment' });
    expect(together(alignQuotes([a, b]), a, b)).toBe(false); // a term nobody is said to have said
    // North Korea's term "war games" (nobody's in the article) is not Trump's "war games"
    const c = quote('jt-c', 'war games', 'trump', { kind: 'fragment' });
    const d = quote('bz-d', 'war games', null, { kind: 'fragment' });
    const e = quote('ap-e', 'We will be stopping the war games, which will save us money,', 'trump');
    const aligned = alignQuotes([c, d, e]);
    expect(together(aligned, c, e)).toBe(true);
    expect(together(aligned, c, d) || together(aligned, d, e)).toBe(false);
  });

  it('aligns two translations of one line that differ in word forms', () => {
    const a = quote(
      'kyodo-a',
      'I am determined to meet Chairman Kim Jong Un face to face without any preconditions and talk with him frankly.',
      'abe',
    );
    const b = quote(
      'nhk-b',
      'I want to meet Chairman Kim Jong Un without attaching any conditions and have a frank discussion with him.',
      'abe',
    );
    expect(together(alignQuotes([a, b]), a, b)).toBe(true);
  });
});

describe('blocking', () => {
  const people = contentPeople();
  const topics = contentTopics();

  it('gives exactly the all-pairs result on the five real articles, with fewer comparisons', () => {
    const { quotes } = buildQuoteCorpus(realArticles(), people, topics);
    const unaligned = quotes.map(({ statement: _s, ...q }) => q);
    const blocked = alignQuotes(unaligned);
    const exhaustive = alignQuotes(unaligned, { exhaustive: true });
    expect(grouping(blocked)).toEqual(grouping(exhaustive));
    expect(candidatePairs(unaligned).length).toBeLessThan(candidatePairs(unaligned, { exhaustive: true }).length);
  });

  it.each(heldOutSets())('gives exactly the all-pairs result on held-out set %s', (set) => {
    const { articles, people: extended } = heldOut(set);
    const { quotes } = buildQuoteCorpus(articles, extended, topics);
    const unaligned = quotes.map(({ statement: _s, ...q }) => q);
    expect(grouping(alignQuotes(unaligned))).toEqual(grouping(alignQuotes(unaligned, { exhaustive: true })));
  });

  it('gives every quote a statement, in corpus order', () => {
    const { quotes, statements } = buildQuoteCorpus(realArticles(), people, topics);
    const ids = new Set(statements.map((s) => s.id));
    for (const q of quotes) expect(ids.has(q.statement)).toBe(true);
    expect(statements.flatMap((s) => s.quotes).sort()).toEqual(quotes.map((q) => q.id).sort());
    for (const s of statements) {
      expect(s.id).toBe(`s-${s.quotes[0]}`);
      const order = s.quotes.map((id) => quotes.findIndex((q) => q.id === id));
      expect(order).toEqual([...order].sort((x, y) => x - y));
    }
  });
});

describe('diffVersions', () => {
  it('ignores quote-mark style and case but returns the original words', () => {
    const parts = diffVersions(
      'We’re working to counter the dangerous aggressions',
      "we're working to counter the dangerous aggressions",
    );
    expect(parts.every((p) => !p.added && !p.removed)).toBe(true);
    expect(parts.map((p) => p.value).join('')).toBe("we're working to counter the dangerous aggressions");
  });

  it('marks added and removed words', () => {
    const parts = diffVersions(
      'a lot of military equipment from the U.S.',
      'lots of additional military equipment from the United States',
    );
    const removed = parts
      .filter((p) => p.removed)
      .map((p) => p.value.trim())
      .join(' ');
    const added = parts
      .filter((p) => p.added)
      .map((p) => p.value.trim())
      .join(' ');
    expect(removed).toContain('lot');
    expect(added).toContain('additional');
    expect(added).toContain('United States');
  });

  it('rebuilds each side from its parts', () => {
    const a = 'The prime minister of Japan is going to be purchasing massive amounts,';
    const b = 'The Prime Minister is going to be purchasing “massive” amounts';
    const parts = diffVersions(a, b);
    const squash = (s: string) => s.replace(/\s+/g, '');
    const side = (keep: (p: (typeof parts)[number]) => boolean) =>
      squash(
        parts
          .filter(keep)
          .map((p) => p.value)
          .join(''),
      );
    expect(side((p) => !p.added)).toBe(squash(a).replace('primeminister', 'PrimeMinister'));
    expect(side((p) => !p.removed)).toBe(squash(b));
  });
});
