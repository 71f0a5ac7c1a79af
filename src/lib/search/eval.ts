/**
 * Search quality, measured: hit@1 and hit@3 of a labelled query set over the results of
 * searchIndex. Pure: the CLI (src/cli/eval-search.ts) loads the content and prints.
 */
import type { SearchFilters, SearchResults } from './query.ts';

/** Where a query should land: an article, and optionally the passage ("p3"; a quote "q3-1" inside p3 counts too). */
export interface EvalExpectation {
  article: string;
  anchor?: string;
}

export interface EvalQuery {
  q: string;
  /** Kind of query, for the per-type table: name, phrase, typo, topic, nomatch, … */
  type: string;
  /** Acceptable landings, any one will do; empty means "should find nothing". */
  expect: EvalExpectation[];
  filters?: SearchFilters;
  note?: string;
}

export interface EvalOutcome {
  query: EvalQuery;
  hit1: boolean;
  hit3: boolean;
  /** Ranked article ids returned. */
  ranked: string[];
  /** Articles returned that the query does not expect (for a no-match query: every one). */
  noise: number;
  /** For a query whose expectations name passages: whether the first passage shown is one. Null otherwise. */
  passage1: boolean | null;
}

export interface EvalScore {
  n: number;
  hit1: number;
  hit3: number;
  /** Unexpected articles returned, summed over the queries. */
  noise: number;
  /** Queries that name passages, and how many of them show an expected one first. */
  anchored: number;
  passage1: number;
}

export interface EvalSummary {
  overall: EvalScore;
  byType: Record<string, EvalScore>;
}

/** Whether a result passage's anchor satisfies an expected one: equal, or a quote inside the expected paragraph. */
export function anchorMatches(expected: string, actual: string | undefined): boolean {
  if (actual === expected) return true;
  const paragraph = /^p(\d+)$/.exec(expected);
  return !!paragraph && !!actual && actual.startsWith(`q${paragraph[1]}-`);
}

/** Whether one of the first k groups lands where the query expects (or, for a no-match query, nothing came back). */
export function hitAt(query: EvalQuery, results: SearchResults, k: number): boolean {
  if (query.expect.length === 0) return results.groups.length === 0;
  return results.groups
    .slice(0, k)
    .some((group) =>
      query.expect.some(
        (want) =>
          want.article === group.article &&
          (!want.anchor || group.hits.some((hit) => anchorMatches(want.anchor as string, hit.record.anchor))),
      ),
    );
}

export function judge(query: EvalQuery, results: SearchResults): EvalOutcome {
  return {
    query,
    hit1: hitAt(query, results, 1),
    hit3: hitAt(query, results, 3),
    ranked: results.groups.map((g) => g.article),
    noise: results.groups.filter((g) => !query.expect.some((want) => want.article === g.article)).length,
    passage1: firstPassageHit(query, results),
  };
}

/** Whether the very first passage shown (top article, its best passage) is an expected one; null when no passage is named. */
export function firstPassageHit(query: EvalQuery, results: SearchResults): boolean | null {
  const anchored = query.expect.filter((want) => want.anchor);
  if (!anchored.length) return null;
  const top = results.groups[0];
  const first = top?.hits[0];
  return (
    !!first &&
    anchored.some((want) => want.article === top.article && anchorMatches(want.anchor as string, first.record.anchor))
  );
}

export function summarize(outcomes: readonly EvalOutcome[]): EvalSummary {
  const empty = (): EvalScore => ({ n: 0, hit1: 0, hit3: 0, noise: 0, anchored: 0, passage1: 0 });
  const overall = empty();
  const byType: Record<string, EvalScore> = {};
  for (const { query, hit1, hit3, noise, passage1 } of outcomes) {
    for (const score of [overall, (byType[query.type] ??= empty())]) {
      score.n += 1;
      score.hit1 += Number(hit1);
      score.hit3 += Number(hit3);
      score.noise += noise;
      if (passage1 !== null) {
        score.anchored += 1;
        score.passage1 += Number(passage1);
      }
    }
  }
  return { overall, byType };
}

const pct = (part: number, whole: number): string => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '-');

/**
 * A plain-text table: one row per query type, then the overall row. "noise/q" is unexpected
 * articles per query; "passage@1" is how often the first passage shown is the expected one.
 */
export function formatSummary(summary: EvalSummary): string {
  const rows = [
    ...Object.entries(summary.byType).sort(([a], [b]) => a.localeCompare(b)),
    ['overall', summary.overall] as const,
  ].map(([type, s]) => [
    type,
    String(s.n),
    `${s.hit1}/${s.n} ${pct(s.hit1, s.n)}`,
    `${s.hit3}/${s.n} ${pct(s.hit3, s.n)}`,
    s.n ? (s.noise / s.n).toFixed(2) : '-',
    s.anchored ? `${s.passage1}/${s.anchored} ${pct(s.passage1, s.anchored)}` : '-',
  ]);
  const header = ['type', 'n', 'hit@1', 'hit@3', 'noise/q', 'passage@1'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
