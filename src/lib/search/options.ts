import type { IFuseOptions } from 'fuse.js';
import type { RecordKind, SearchRecord } from './records.ts';
import { fold } from './text.ts';

/** The record's folded text under the key named for its kind, nothing under the others. */
const field = (kind: RecordKind) => (record: SearchRecord) => (record.kind === kind ? fold(record.text) : null);

/**
 * The one Fuse configuration, shared by the build (index) and the browser (search).
 * Values chosen with `npm run eval:search` (tests/fixtures/search/queries.json); see the numbers beside each.
 */
export const FUSE_OPTIONS = {
  // One key per record kind, so Fuse's key weight ranks headline > quote > paragraph for equal matches.
  keys: [
    { name: 'headline', weight: 3, getFn: field('headline') },
    { name: 'quote', weight: 2, getFn: field('quote') },
    { name: 'paragraph', weight: 1, getFn: field('paragraph') },
  ],
  // A name can sit anywhere in a long paragraph.
  ignoreLocation: true,
  includeMatches: true,
  includeScore: true,
  threshold: 0.3,
  minMatchCharLength: 2,
  // Space-separated words must all match (each fuzzily); '"…" carries an exact phrase.
  useExtendedSearch: true,
  // The text is folded (lower case, no accents, straight quotes) by getFn and the query parser.
  isCaseSensitive: false,
  ignoreDiacritics: false,
} satisfies IFuseOptions<SearchRecord>;
