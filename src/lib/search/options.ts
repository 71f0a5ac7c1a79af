import type { IFuseOptions } from 'fuse.js';
import type { RecordKind, SearchRecord } from './records.ts';
import { fold } from './text.ts';

/**
 * The record's folded text under the key named for its kind, nothing under the others. A quote's
 * speaker is searched with its words (Fuse needs every word of a query within one key's value),
 * so "Kono" finds what Taro Kono said and "Kono trade" what he said about trade.
 */
const field = (kind: RecordKind) => (record: SearchRecord) =>
  record.kind !== kind ? null : fold(record.speaker ? `${record.text}\n${record.speaker}` : record.text);

/**
 * The one Fuse configuration, shared by the build (index) and the browser (search).
 * Chosen with `npm run eval:search -- --sweep` (64 queries in tests/fixtures/search/queries.json,
 * 5 articles, 215 records with the quote engine's 91 quotes, speakers searchable); the numbers beside each value
 * are from that run.
 */
export const FUSE_OPTIONS = {
  // One key per record kind, so Fuse's key weight ranks headline > quote > paragraph for equal
  // fuzzy matches; query.ts adds an explicit field bonus on top, since exact matches score 0 whatever the weight.
  keys: [
    { name: 'headline', weight: 3, getFn: field('headline') },
    { name: 'quote', weight: 2, getFn: field('quote') },
    { name: 'paragraph', weight: 1, getFn: field('paragraph') },
  ],
  // A name can sit anywhere in a long paragraph. Fuse's default (false) finds 36/64 at hit@1.
  ignoreLocation: true,
  // Fuse applies minMatchCharLength only while computing matches. The highlighted ranges come from
  // query.ts's word matching: bitap's indices for a typo mark scattered single letters.
  includeMatches: true,
  includeScore: true,
  // Fuse's score for a typo is errors / word length; 0.3 admits what query.ts forgives (one typo in
  // 4 letters = 0.25, two in 8 = 0.25). Measured hit@1: 0.1 → 57/64; 0.2–0.6 → 64/64 (the plateau),
  // but Fuse candidates per query grow 5.7 (0.3) → 11.4 (0.4) → 70.4 (0.6); without query.ts's word
  // gate, 0.3 lets 1 of 7 no-match queries through and 0.4 three.
  threshold: 0.3,
  // "Kim Jong Un": a two-letter word must match. 3 keeps those passages out of Fuse's results (query.ts's
  // per-word fallback still finds them: 64/64, but 3 is as good only by that detour); 1 or 2 give 64/64.
  minMatchCharLength: 2,
  // Space-separated words must all match, each fuzzily and in any order; '"…" carries an exact
  // phrase. Off (the whole query as one fuzzy pattern): 53/64 at hit@1.
  useExtendedSearch: true,
  // The text is folded (lower case, no accents, straight quotes) by getFn and the query parser,
  // keeping offsets, so Fuse's own diacritics stripping (which can shift them) stays off.
  isCaseSensitive: false,
  ignoreDiacritics: false,
} satisfies IFuseOptions<SearchRecord>;
