/**
 * The bench's search latency protocol: on a fresh search page, FIRST_QUERY, a pause of SETTLE_MS,
 * then QUERIES one after another. Its own module so docs/experiments/search-requests.ts runs the same.
 */

/** Pause between the first search's results and the latency queries. */
export const SETTLE_MS = 500;
/** The query typed first on a fresh search page (time to first search). */
export const FIRST_QUERY = 'Abe';
/** Latency queries: names, phrases, common words, typos, no-match. Fixed, so runs compare. */
export const QUERIES = [
  'Abe',
  'Kim Jong Un',
  'Suga',
  'Pence',
  '"maximum pressure"',
  '"out of the sky"',
  '"free and open"',
  'trade deficit',
  'military equipment',
  'strategc patience',
  'Pyongyng',
  'abductes',
  'Shinzo Abbe',
  'zzyzx quorble',
  '"sky out of the"',
  'Merkel',
];
