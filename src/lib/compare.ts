/**
 * The side-by-side comparison behind topic, event, outlet and speaker pages:
 * statements as rows, outlets as columns, each outlet's wording diffed against a reference.
 */
import { diffVersions } from './quotes/align.ts';
import type { DiffPart, Quote, Statement } from './quotes/types.ts';

/** Stands in a URL for "statements nobody is named for" (person ids never take this value). */
export const NOBODY = 'unattributed';

/**
 * A topic view across all events shows this many events' tables (the newest) and lists the
 * others as links, so that no page grows with the whole archive.
 */
export const EVENTS_PER_VIEW = 6;
/** Rows an event's table shows in a view across events; its own view shows every row. */
export const ROWS_PER_EVENT = 40;

export interface ComparisonFilter {
  /** Topic id; statements outside it are left out. */
  topic?: string;
  /** Event id. */
  event?: string;
  /** Person id, or null for unattributed statements; undefined for everyone. */
  speaker?: string | null;
}

/** One outlet's wording of a statement, compared with the row's reference wording. */
export interface VersionDiff {
  outlet: string;
  parts: DiffPart[];
}

export interface ComparisonRow {
  statement: Statement;
  /** Quotes by outlet id, in article order; an outlet missing from the map did not quote it. */
  cells: Map<string, Quote[]>;
  /** The outlet whose wording the others are compared with (the fullest version). */
  reference: string;
  /** The other outlets' wording against the reference's, word by word. */
  diffs: VersionDiff[];
}

const groupings = new WeakMap<readonly unknown[], Map<string, Map<string, unknown[]>>>();

/**
 * `items` grouped under each key `keys` gives them (in their order), computed once per list and
 * grouping name and then shared: pages that each filtered every quote or statement made the
 * build O(pages × quotes), quadratic in the corpus.
 */
export function groupedBy<T>(
  items: readonly T[],
  name: string,
  keys: (item: T) => string | readonly string[],
): ReadonlyMap<string, T[]> {
  let byName = groupings.get(items);
  if (!byName) groupings.set(items, (byName = new Map()));
  let groups = byName.get(name) as Map<string, T[]> | undefined;
  if (!groups) {
    groups = new Map();
    for (const item of items) {
      const found = keys(item);
      for (const key of typeof found === 'string' ? [found] : new Set(found)) {
        const list = groups.get(key);
        if (list) list.push(item);
        else groups.set(key, [item]);
      }
    }
    byName.set(name, groups as Map<string, unknown[]>);
  }
  return groups;
}

/** A statement's place in the filter (kept apart so pages and tests agree on membership). */
export function statementMatches(statement: Statement, filter: ComparisonFilter): boolean {
  if (filter.topic !== undefined && !statement.topics.includes(filter.topic)) return false;
  if (filter.event !== undefined && statement.event !== filter.event) return false;
  if (filter.speaker !== undefined && statement.speaker !== filter.speaker) return false;
  return true;
}

/** The words one outlet used for a statement: its quotes of it, in order, joined by an ellipsis. */
export function versionText(quotes: Quote[]): string {
  return quotes.map((q) => q.text).join(' … ');
}

/**
 * Rows for every statement that matches `filter`: what was said at the event before earlier remarks
 * the articles quoted, then most outlets first, then in the order the statements first appear in the
 * corpus (which follows article order).
 */
export function buildComparison(
  statements: Statement[],
  quoteById: (id: string) => Quote,
  filter: ComparisonFilter,
): ComparisonRow[] {
  const rows = statements
    .map((statement, order) => ({ statement, order }))
    .filter(({ statement }) => statementMatches(statement, filter))
    .map(({ statement, order }) => ({ row: comparisonRow(statement, quoteById), order }));
  rows.sort(
    (a, b) =>
      Number(a.row.statement.earlier === true) - Number(b.row.statement.earlier === true) ||
      b.row.statement.outlets.length - a.row.statement.outlets.length ||
      a.order - b.order,
  );
  return rows.map(({ row }) => row);
}

function comparisonRow(statement: Statement, quoteById: (id: string) => Quote): ComparisonRow {
  const cells = new Map<string, Quote[]>();
  for (const id of statement.quotes) {
    const quote = quoteById(id);
    const list = cells.get(quote.outlet) ?? [];
    list.push(quote);
    cells.set(quote.outlet, list);
  }
  const versions = [...cells].map(([outlet, quotes]) => ({
    outlet,
    quotes,
    text: versionText(quotes),
    full: quotes.some((q) => q.kind === 'full'),
  }));
  // The fullest wording makes the clearest baseline: full quotes before fragments, then longest.
  versions.sort(
    (a, b) => Number(b.full) - Number(a.full) || b.text.length - a.text.length || a.outlet.localeCompare(b.outlet),
  );
  const [reference, ...others] = versions;
  if (!reference) throw new Error(`statement ${statement.id} has no quotes`);
  return {
    statement,
    cells,
    reference: reference.outlet,
    diffs: others.map(({ outlet, text }) => ({ outlet, parts: closestDiff(reference.quotes, text) })),
  };
}

const wordCount = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/**
 * The other version diffed against the part of the reference it quotes: when the reference
 * outlet printed several quotes of the statement and another outlet only one of them, the diff
 * is against that one quote (the most words in common), not against all of them joined.
 */
function closestDiff(reference: Quote[], other: string): DiffPart[] {
  const candidates =
    reference.length > 1 ? [versionText(reference), ...reference.map((q) => q.text)] : [versionText(reference)];
  let best: { parts: DiffPart[]; shared: number; removed: number } | undefined;
  for (const candidate of candidates) {
    const parts = diffVersions(candidate, other);
    const shared = parts.filter((p) => !p.added && !p.removed).reduce((n, p) => n + wordCount(p.value), 0);
    const removed = parts.filter((p) => p.removed).reduce((n, p) => n + wordCount(p.value), 0);
    if (!best || shared > best.shared || (shared === best.shared && removed < best.removed))
      best = { parts, shared, removed };
  }
  return best!.parts;
}

/** Quotes per outlet and per speaker among the statements: the numbers a topic page opens with. */
export function tallyStatements(
  statements: readonly Statement[],
  quoteById: (id: string) => Quote,
): {
  byOutlet: Map<string, number>;
  bySpeaker: Map<string | null, number>;
  quotes: number;
} {
  const byOutlet = new Map<string, number>();
  const bySpeaker = new Map<string | null, number>();
  let quotes = 0;
  for (const statement of statements) {
    for (const id of statement.quotes) {
      const quote = quoteById(id);
      byOutlet.set(quote.outlet, (byOutlet.get(quote.outlet) ?? 0) + 1);
      bySpeaker.set(quote.speaker, (bySpeaker.get(quote.speaker) ?? 0) + 1);
      quotes++;
    }
  }
  return { byOutlet, bySpeaker, quotes };
}

/**
 * A diff with the reference's unquoted head and tail folded away: when one outlet quotes
 * a fragment of a sentence another quotes whole, the reader wants the wording that differs
 * where they overlap, not the whole sentence struck through.
 */
export function overlapDiff(parts: DiffPart[]): { parts: DiffPart[]; before: boolean; after: boolean } {
  let start = 0;
  let end = parts.length;
  while (start < end && parts[start]!.removed) start++;
  while (end > start && parts[end - 1]!.removed) end--;
  // Nothing in common: show the whole difference rather than an empty one.
  if (!parts.slice(start, end).some((p) => !p.added && !p.removed)) return { parts, before: false, after: false };
  return { parts: parts.slice(start, end), before: start > 0, after: end < parts.length };
}
