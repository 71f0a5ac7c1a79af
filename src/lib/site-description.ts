/** The site's one-sentence description, said from what it holds rather than written once by hand. */
import { listOf, plural } from './words.ts';

export interface Coverage {
  /** Names of the newsrooms that have an article on the site. */
  outlets: readonly string[];
  /** The events those articles report. */
  events: ReadonlyArray<{ title: string; start: string }>;
}

/** Up to this many outlets or events are named; more are counted. */
export const NAMED_AT_MOST = 3;

/**
 * "Parallax lines up the quotations NPR, Nikkei Asian Review and Reuters used in their coverage of the
 * Trump–Abe summit in Tokyo and …, statement by statement, …"; past NAMED_AT_MOST it says "12 newsrooms"
 * and "40 events from 2017 to 2024", so the sentence stays one sentence at any size.
 */
export function describeSite(name: string, { outlets, events }: Coverage): string {
  const names = [...new Set(outlets)].sort((a, b) => a.localeCompare(b, 'en'));
  const who =
    names.length === 0 ? 'newsrooms' : names.length <= NAMED_AT_MOST ? listOf(names) : plural(names.length, 'newsroom');
  const byDate = [...new Map(events.map((e) => [e.title, e])).values()].sort((a, b) => a.start.localeCompare(b.start));
  const years = [...new Set(byDate.map((e) => e.start.slice(0, 4)))];
  const what =
    byDate.length === 0
      ? 'the events they report'
      : byDate.length <= NAMED_AT_MOST
        ? listOf(byDate.map((e) => `the ${e.title}`))
        : `${plural(byDate.length, 'event')} ${years.length > 1 ? `from ${years[0]} to ${years.at(-1)}` : `in ${years[0]}`}`;
  return `${name} lines up the quotations ${who} used in their coverage of ${what}, statement by statement, and shows how the wording differs.`;
}
