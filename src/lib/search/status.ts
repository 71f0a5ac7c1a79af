/**
 * The search page's status line as plain parts: strings, and the reader's own words wrapped as
 * `{ echo }` so the renderer can isolate them in a <bdi> (as text, never as HTML). Pure, so every
 * message is unit-tested; src/components/search-element.ts only draws the parts.
 */
import type { ParsedQuery, SearchGroup, SimilarWords } from './query.ts';
import { fold } from './text.ts';
import { listOf, plural } from '../words.ts';

export type StatusPart = string | { echo: string };

/** Characters of the reader's query quoted back before it is cut with "…". */
export const MAX_ECHO = 60;

/** Bidirectional embedding, override, isolate and mark characters: one could reverse the status line. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The reader's text as it is quoted back: bidi controls and runs of whitespace gone, at most `max` characters. */
export function echo(text: string, max = MAX_ECHO): { echo: string } {
  const chars = [...text.replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim()];
  return { echo: chars.length > max ? `${chars.slice(0, max).join('').trimEnd()}…` : chars.join('') };
}

/** What the status parts read as, e.g. for the tests. */
export const statusText = (parts: readonly StatusPart[]): string =>
  parts.map((part) => (typeof part === 'string' ? part : part.echo)).join('');

/**
 * A query with nothing to search for and no filter: nothing to say for an empty box or mere
 * punctuation (a lone "); a hint for a single letter, which is no word yet.
 */
export function emptyStatus(q: string): StatusPart[] {
  return /[\p{L}\p{N}]/u.test(q) ? ['Keep typing: search needs a word of two letters or more.'] : [];
}

/** What the status needs of a search's results (ShardedResults fits). */
export interface StatusResults {
  query: ParsedQuery;
  groups: ReadonlyArray<Pick<SearchGroup, 'partial'>>;
  passages: number;
  similar: readonly SimilarWords[];
  /** Matching articles: exact when `complete`, else an upper bound. */
  total: number;
  complete: boolean;
}

const articles = (n: number) => plural(n, 'article');

/** "a or b", "a, b, or c". */
const or = (items: readonly string[]) => listOf(items, 'or', true);

/** The status line for a search of `q` (as typed) with or without filters set. */
export function statusOf(q: string, filtered: boolean, results: StatusResults): StatusPart[] {
  const { query, groups, passages, total, complete } = results;
  const count = groups.length;
  const words = query.phrases.length + query.terms.length;
  const quoted = (...after: string[]): StatusPart[] => ['“', echo(q), ...after];
  if (!words) {
    if (!count) return ['No articles match these filters.'];
    return [
      complete
        ? `${count} ${count === 1 ? 'article matches' : 'articles match'} these filters.`
        : `The first ${count} of ${articles(total)} that match these filters.`,
    ];
  }
  if (!count && !complete)
    return [
      'Nothing yet for ',
      ...quoted(
        `” among the likeliest articles (${articles(total)} hold all its words). Show more results to keep looking.`,
      ),
    ];
  if (!count) {
    const tips = [
      'Check the spelling',
      ...(words > 1 ? ['use fewer words'] : []),
      ...(filtered ? ['clear the filters'] : []),
    ];
    return ['No results for ', ...quoted(`”${filtered ? ' with these filters' : ''}. ${or(tips)}.`)];
  }
  const parts: StatusPart[] = [];
  if (results.similar.length) {
    parts.push('No exact match for ');
    // Each word as the reader spelled it (the query holds it folded: "moon" for "Moon").
    const typed = q.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
    results.similar.forEach(({ term }, i) =>
      parts.push(i ? ', “' : '“', echo(typed.find((w) => fold(w) === term) ?? term), '”'),
    );
    parts.push(`; showing similar words: ${results.similar.flatMap((s) => s.words).join(', ')}. `);
  }
  if (complete)
    parts.push(
      `${articles(count)} for `,
      ...quoted(`” (${passages} matching ${passages === 1 ? 'passage' : 'passages'}).`),
    );
  else
    parts.push(
      `The best ${count} of up to ${articles(total)} for `,
      ...quoted('”. Add a word or a filter to narrow it down.'),
    );
  const partial = groups.filter((g) => g.partial).length;
  if (partial)
    parts.push(
      partial === count
        ? ' No one passage holds all the words.'
        : ` ${count - partial} ${count - partial === 1 ? 'has' : 'have'} all the words in one passage.`,
    );
  return parts;
}
