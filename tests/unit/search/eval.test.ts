import { describe, expect, it } from 'vitest';
import {
  anchorMatches,
  firstPassageHit,
  formatSummary,
  hitAt,
  judge,
  summarize,
} from '../../../src/lib/search/eval.ts';
import type { EvalQuery } from '../../../src/lib/search/eval.ts';
import type { SearchResults } from '../../../src/lib/search/query.ts';

function results(...groups: Array<[string, string[]]>): SearchResults {
  return {
    query: { phrases: [], terms: [], prefix: null },
    filters: {},
    passages: 0,
    similar: [],
    groups: groups.map(([article, anchors]) => ({
      article,
      meta: { title: '', outlet: '', outletName: '', published: '', event: '', topics: [] },
      score: 1,
      more: 0,
      hits: anchors.map((anchor) => ({
        record: { id: `${article}--${anchor}`, article, anchor, kind: 'paragraph' as const, text: '' },
        score: 1,
        distance: 0,
        exact: true,
        ranges: [],
      })),
    })),
  };
}

const query = (expect: EvalQuery['expect'], type = 'name'): EvalQuery => ({ q: 'x', type, expect });

describe('anchorMatches', () => {
  it('accepts the same anchor or a quote inside the expected paragraph', () => {
    expect(anchorMatches('p3', 'p3')).toBe(true);
    expect(anchorMatches('p3', 'q3-2')).toBe(true);
    expect(anchorMatches('p3', 'q31-1')).toBe(false);
    expect(anchorMatches('p3', 'p4')).toBe(false);
    expect(anchorMatches('q3-1', 'q3-1')).toBe(true);
    expect(anchorMatches('p3', undefined)).toBe(false);
  });
});

describe('hitAt', () => {
  const r = results(['a', ['p1']], ['b', ['p2']], ['c', ['q5-1']], ['d', ['p9']]);

  it('looks at the first k articles', () => {
    expect(hitAt(query([{ article: 'a' }]), r, 1)).toBe(true);
    expect(hitAt(query([{ article: 'c' }]), r, 1)).toBe(false);
    expect(hitAt(query([{ article: 'c' }]), r, 3)).toBe(true);
    expect(hitAt(query([{ article: 'd' }]), r, 3)).toBe(false);
  });

  it('needs the expected passage when an anchor is given', () => {
    expect(hitAt(query([{ article: 'a', anchor: 'p2' }]), r, 3)).toBe(false);
    expect(hitAt(query([{ article: 'c', anchor: 'p5' }]), r, 3)).toBe(true);
  });

  it('counts any one of several expectations', () => {
    expect(hitAt(query([{ article: 'z' }, { article: 'b' }]), r, 3)).toBe(true);
  });

  it('scores a no-match query by whether nothing came back', () => {
    expect(hitAt(query([]), results(), 1)).toBe(true);
    expect(hitAt(query([]), r, 3)).toBe(false);
  });
});

describe('firstPassageHit', () => {
  it('checks only the first passage of the first article', () => {
    const r = results(['a', ['q3-1', 'p7']], ['b', ['p1']]);
    expect(firstPassageHit(query([{ article: 'a', anchor: 'p3' }]), r)).toBe(true);
    expect(firstPassageHit(query([{ article: 'a', anchor: 'p7' }]), r)).toBe(false);
    expect(firstPassageHit(query([{ article: 'b', anchor: 'p1' }]), r)).toBe(false);
    expect(firstPassageHit(query([{ article: 'a' }]), r)).toBeNull();
    expect(firstPassageHit(query([{ article: 'a', anchor: 'p3' }]), results())).toBe(false);
  });
});

describe('summarize', () => {
  it('totals hit@1, hit@3 and noise overall and by type', () => {
    const r = results(['a', ['p1']], ['b', ['p1']]);
    const outcomes = [
      judge(query([{ article: 'a' }]), r),
      judge(query([{ article: 'b' }]), r),
      judge(query([], 'nomatch'), r),
    ];
    const summary = summarize(outcomes);
    expect(summary.overall).toEqual({ n: 3, hit1: 1, hit3: 2, noise: 4, anchored: 0, passage1: 0 });
    expect(summary.byType.name).toEqual({ n: 2, hit1: 1, hit3: 2, noise: 2, anchored: 0, passage1: 0 });
    expect(summary.byType.nomatch).toEqual({ n: 1, hit1: 0, hit3: 0, noise: 2, anchored: 0, passage1: 0 });
    expect(formatSummary(summary)).toMatch(/overall\s+3\s+1\/3 33\.3%\s+2\/3 66\.7%\s+1\.33\s+-/);
  });

  it('counts passage@1 over the queries that name a passage', () => {
    const r = results(['a', ['p2', 'p1']], ['b', ['p1']]);
    const summary = summarize([
      judge(query([{ article: 'a', anchor: 'p2' }]), r),
      judge(query([{ article: 'a', anchor: 'p1' }]), r),
    ]);
    expect(summary.overall).toMatchObject({ anchored: 2, passage1: 1 });
    expect(formatSummary(summary)).toMatch(/1\/2 50\.0%$/m);
  });
});
