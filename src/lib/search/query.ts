/**
 * Search over the prebuilt records: parse the reader's query, ask Fuse for candidates,
 * re-rank them with an explicit score, filter, and group by article. Pure: Fuse is passed
 * in (the browser loads it lazily), and the result is plain data for any renderer.
 */
import type Fuse from 'fuse.js';
import type { FuseIndex, IFuseOptions } from 'fuse.js';
import { FUSE_OPTIONS } from './options.ts';
import { paragraphOf } from './records.ts';
import type { RecordKind, SearchArticle, SearchData, SearchRecord } from './records.ts';
import { allowedEdits, editDistance, findWholeWord, fold, wordsOf } from './text.ts';

/** The Fuse class (the module's default export), injected so this module never loads it. */
export type FuseClass = typeof Fuse;
export type SearchFuse = Fuse<SearchRecord>;
/** What `Fuse.createIndex(...).toJSON()` gives: the build's search-index.json. */
export type SerializedIndex = ReturnType<FuseIndex<SearchRecord>['toJSON']>;

/** The reader's query, folded (lower case, no accents, straight quotes). */
export interface ParsedQuery {
  /** Text between double quotes: must appear word for word. */
  phrases: string[];
  /** The other words: each must appear, typos forgiven. */
  terms: string[];
}

export interface SearchFilters {
  outlet?: string | undefined;
  event?: string | undefined;
  topic?: string | undefined;
}

/** One matching passage. */
export interface SearchHit {
  record: SearchRecord;
  /** Relevance after re-ranking (higher is better); see `relevance`. */
  score: number;
  /** Fuse's own score (0 = perfect, 1 = no match). */
  fuseScore: number;
  /** Whether every term and phrase was found as whole words (no typo, no prefix). */
  exact: boolean;
  /** Character ranges of record.text to highlight, inclusive [start, end] like Fuse's `indices`. */
  ranges: Array<[number, number]>;
}

/** One article and its matching passages. */
export interface SearchGroup {
  article: string;
  meta: SearchArticle;
  /** Its best passage's score: the article's rank. */
  score: number;
  /** The passages to show, best first. */
  hits: SearchHit[];
  /** Further matching passages not in `hits`. */
  more: number;
}

export interface SearchResults {
  query: ParsedQuery;
  filters: SearchFilters;
  /** Articles in ranked order. */
  groups: SearchGroup[];
  /** Matching passages over all groups (shown or not). */
  passages: number;
}

export interface SearchTuning {
  /** Passages shown per article. */
  perArticle: number;
  /** Drop a Fuse candidate unless every term matches a word (exactly, as a prefix, or within allowedEdits typos). */
  requireWordMatch: boolean;
}

export const DEFAULT_TUNING: SearchTuning = { perArticle: 3, requireWordMatch: true };

/** Longest query read, and most words: bitap's cost grows with pattern length. */
const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 12;

/**
 * Splits a query into exact phrases ("…", straight or curly quotes; an unclosed quote runs
 * to the end, so a phrase being typed already narrows) and loose terms.
 */
export function parseQuery(input: string): ParsedQuery {
  // fold() maps curly quotes to " and apostrophes to ', and lower-cases.
  const text = fold(input.slice(0, MAX_QUERY_LENGTH)).replace(/[|\\]/g, ' ');
  const phrases: string[] = [];
  const rest = text.replace(/"([^"]*)(?:"|$)/g, (_, phrase: string) => {
    const clean = phrase.replace(/\s+/g, ' ').trim();
    if (clean && !phrases.includes(clean)) phrases.push(clean);
    return ' ';
  });
  const terms: string[] = [];
  for (const raw of rest.split(/\s+/)) {
    // Edge punctuation goes ("abe," → abe); inner apostrophes and hyphens stay (japan's, f-35a).
    const term = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (term.length >= 2 && !terms.includes(term)) terms.push(term);
  }
  return {
    phrases: phrases.slice(0, MAX_WORDS),
    terms: terms.slice(0, MAX_WORDS - Math.min(phrases.length, MAX_WORDS)),
  };
}

/**
 * The Fuse extended-search string: each phrase as an include-match ('"…"), each term as a
 * quoted fuzzy token ("…") so characters such as ! ^ = $ are never read as operators.
 */
export function toFuseQuery(query: ParsedQuery): string {
  return [...query.phrases.map((p) => `'"${p}"`), ...query.terms.map((t) => `"${t}"`)].join(' ');
}

/** How well one term matched a passage: decides the exactness part of the score. */
const QUALITY = { exact: 1, prefix: 0.5, fuzzy: 0.3, none: 0 } as const;
type Quality = keyof typeof QUALITY;

/**
 * Re-ranking weights. relevance = (1 − fuseScore) + EXACTNESS × mean term quality + FIELD_BONUS[kind].
 * Exactness outweighs the field: an exact word in the body (1.6) beats a prefix (≤ 1.55) or a typo
 * (< 1.43) in a headline; for equal matches a headline (+0.25) beats a quote (+0.1) beats body text.
 */
const EXACTNESS = 0.6;
const FIELD_BONUS: Record<RecordKind, number> = { headline: 0.25, quote: 0.1, paragraph: 0 };

export function relevance(fuseScore: number, meanQuality: number, kind: RecordKind): number {
  return 1 - fuseScore + EXACTNESS * meanQuality + FIELD_BONUS[kind];
}

interface TermMatch {
  quality: Quality;
  ranges: Array<[number, number]>;
}

/** Best word-level match of one term in folded text: exact word, then word prefix, then a word within allowedEdits. */
export function matchTerm(folded: string, term: string): TermMatch {
  const exact = findWholeWord(folded, term);
  if (exact.length) return { quality: 'exact', ranges: exact.map(([s, e]) => [s, e - 1]) };
  const parts = wordsOf(term);
  if (parts.length > 1) {
    // "indo-pacfic", "japan's": each part must match on its own; the term is as good as its worst part.
    const matches = parts.map((part) => matchTerm(folded, part.text));
    const worst = matches.reduce<Quality>((q, m) => (QUALITY[m.quality] < QUALITY[q] ? m.quality : q), 'exact');
    return worst === 'none'
      ? { quality: 'none', ranges: [] }
      : { quality: worst, ranges: matches.flatMap((m) => m.ranges) };
  }
  if (parts.length === 0) return { quality: 'none', ranges: [] };
  const words = wordsOf(folded);
  if (term.length >= 3) {
    const prefixed = words.filter((w) => w.text.startsWith(term));
    if (prefixed.length) return { quality: 'prefix', ranges: prefixed.map((w) => [w.start, w.end - 1]) };
  }
  const max = allowedEdits(term.length);
  if (max === 0) return { quality: 'none', ranges: [] };
  const near = words.filter((w) => editDistance(w.text, term, max) <= max);
  if (near.length) return { quality: 'fuzzy', ranges: near.map((w) => [w.start, w.end - 1]) };
  return { quality: 'none', ranges: [] };
}

/** Whether an article passes the filters (empty filter values pass everything). */
export function passesFilters(meta: SearchArticle, filters: SearchFilters): boolean {
  return (
    (!filters.outlet || meta.outlet === filters.outlet) &&
    (!filters.event || meta.event === filters.event) &&
    (!filters.topic || meta.topics.includes(filters.topic))
  );
}

/** Serialises the records' index at build time (so the browser does not build it). */
export function buildSearchIndex(FuseCtor: FuseClass, records: readonly SearchRecord[]): SerializedIndex {
  return FuseCtor.createIndex(FUSE_OPTIONS.keys, records).toJSON();
}

/** A Fuse over the records with the prebuilt index. */
export function createFuse(
  FuseCtor: FuseClass,
  data: SearchData,
  index: SerializedIndex,
  options: IFuseOptions<SearchRecord> = FUSE_OPTIONS,
): SearchFuse {
  return new FuseCtor(data.records, options, FuseCtor.parseIndex<SearchRecord>(index));
}

/** Folded record texts, kept while the record is (the browser searches the same records query after query). */
const foldedTexts = new WeakMap<SearchRecord, string>();
function foldedText(record: SearchRecord): string {
  let folded = foldedTexts.get(record);
  if (folded === undefined) {
    folded = fold(record.text);
    foldedTexts.set(record, folded);
  }
  return folded;
}

/** Scores one Fuse candidate against the parsed query, or null when a phrase or word is missing. */
function scoreHit(
  record: SearchRecord,
  fuseScore: number,
  query: ParsedQuery,
  tuning: SearchTuning,
): (SearchHit & { covers: Set<string> }) | null {
  const folded = foldedText(record);
  const ranges: Array<[number, number]> = [];
  const covers = new Set<string>();
  let quality = 0;
  let exact = true;
  for (const phrase of query.phrases) {
    const found = findWholeWord(folded, phrase);
    if (!found.length) return null; // a phrase must appear, whole words only
    for (const [s, e] of found) ranges.push([s, e - 1]);
    covers.add(`"${phrase}"`);
    quality += QUALITY.exact;
  }
  for (const term of query.terms) {
    const match = matchTerm(folded, term);
    if (match.quality === 'none' && tuning.requireWordMatch) return null;
    if (match.quality !== 'exact') exact = false;
    if (match.quality !== 'none') covers.add(term);
    ranges.push(...match.ranges);
    quality += QUALITY[match.quality];
  }
  const mean = quality / (query.phrases.length + query.terms.length);
  return { record, fuseScore, score: relevance(fuseScore, mean, record.kind), exact, ranges, covers };
}

/**
 * Runs a query against a Fuse built by createFuse over `data.records`: candidates from Fuse,
 * re-ranked by `relevance`, filtered, grouped by article (article rank = its best passage).
 * An empty query with a filter lists the filtered articles by their headlines.
 */
export function searchIndex(
  fuse: SearchFuse,
  data: SearchData,
  input: string,
  filters: SearchFilters = {},
  tuning: SearchTuning = DEFAULT_TUNING,
): SearchResults {
  const query = parseQuery(input);
  const clean: SearchFilters = {
    ...(filters.outlet ? { outlet: filters.outlet } : {}),
    ...(filters.event ? { event: filters.event } : {}),
    ...(filters.topic ? { topic: filters.topic } : {}),
  };
  const order = new Map(Object.keys(data.articles).map((id, i) => [id, i]));
  const recordOrder = new Map(data.records.map((r, i) => [r.id, i]));

  if (!query.phrases.length && !query.terms.length) {
    if (!clean.outlet && !clean.event && !clean.topic) return { query, filters: clean, groups: [], passages: 0 };
    const groups: SearchGroup[] = [];
    for (const [id, meta] of Object.entries(data.articles)) {
      if (!passesFilters(meta, clean)) continue;
      const headline = data.records.find((r) => r.article === id && r.kind === 'headline');
      const hits = headline ? [{ record: headline, score: 0, fuseScore: 1, exact: false, ranges: [] }] : [];
      groups.push({ article: id, meta, score: 0, hits, more: 0 });
    }
    return { query, filters: clean, groups, passages: 0 };
  }

  const byArticle = new Map<string, Array<SearchHit & { covers: Set<string> }>>();
  for (const result of fuse.search(toFuseQuery(query))) {
    const record = result.item;
    const meta = data.articles[record.article];
    if (!meta || !passesFilters(meta, clean)) continue;
    const hit = scoreHit(record, result.score ?? 0, query, tuning);
    if (!hit) continue;
    const list = byArticle.get(record.article) ?? [];
    list.push(hit);
    byArticle.set(record.article, list);
  }

  const byScore = (a: SearchHit, b: SearchHit) =>
    b.score - a.score || (recordOrder.get(a.record.id) ?? 0) - (recordOrder.get(b.record.id) ?? 0);
  const groups: SearchGroup[] = [];
  let passages = 0;
  for (const [article, found] of byArticle) {
    // A paragraph adds nothing when a quote of the same paragraph already shows every word it matched.
    const quoteCovers = new Map<number, Set<string>>();
    for (const hit of found) {
      const n = paragraphOf(hit.record.anchor);
      if (hit.record.kind !== 'quote' || n === null) continue;
      const set = quoteCovers.get(n) ?? new Set<string>();
      for (const c of hit.covers) set.add(c);
      quoteCovers.set(n, set);
    }
    const kept = found.filter((hit) => {
      if (hit.record.kind !== 'paragraph') return true;
      const covered = quoteCovers.get(paragraphOf(hit.record.anchor) ?? -1);
      return !covered || [...hit.covers].some((c) => !covered.has(c));
    });
    kept.sort(byScore);
    const hits = kept.map(({ covers: _covers, ...hit }) => hit);
    passages += hits.length;
    groups.push({
      article,
      meta: data.articles[article] as SearchArticle,
      score: hits[0]?.score ?? 0,
      hits: hits.slice(0, tuning.perArticle),
      more: Math.max(0, hits.length - tuning.perArticle),
    });
  }
  groups.sort(
    (a, b) =>
      b.score - a.score ||
      b.hits.length + b.more - (a.hits.length + a.more) ||
      (order.get(a.article) ?? 0) - (order.get(b.article) ?? 0),
  );
  return { query, filters: clean, groups, passages };
}

/** One-shot search from the two JSON files (tests, the eval): builds the Fuse, then searchIndex. */
export function runSearch(
  FuseCtor: FuseClass,
  data: SearchData,
  index: SerializedIndex,
  input: string,
  filters: SearchFilters = {},
  options: IFuseOptions<SearchRecord> = FUSE_OPTIONS,
  tuning: SearchTuning = DEFAULT_TUNING,
): SearchResults {
  return searchIndex(createFuse(FuseCtor, data, index, options), data, input, filters, tuning);
}
