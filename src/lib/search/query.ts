/**
 * Search over the records: parse the reader's query, compile it against the index's vocabulary
 * (match.ts: each word with its forms, prefixes and near spellings), grade every passage that
 * holds the words, rank, filter, and group by article. Pure, and needs no search library: the
 * shards (shards.ts) narrow the records to a few articles, and this module ranks what is left.
 */
import { QUALITY } from './forms.ts';
import type { Quality } from './forms.ts';
import { byCodeUnit, compileQuery, matchUnit } from './match.ts';
import type { CompiledUnit, TermMatch } from './match.ts';
import { hasTopic, paragraphOf, recordWords } from './records.ts';
import type { RecordKind, SearchArticle, SearchData, SearchRecord } from './records.ts';
import { escapeRegExp, fold, wordsOf } from './text.ts';
import type { Word } from './text.ts';

import { parseQuery } from './parse.ts';
import type { ParsedQuery } from './parse.ts';

export { matchTerm } from './match.ts';
export type { TermMatch } from './match.ts';
export { parseQuery } from './parse.ts';
export type { ParsedQuery } from './parse.ts';

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
  /** How far the passage is from a perfect match (0 = perfect, 1 = no match); see `distanceOf`. */
  distance: number;
  /** Whether every term and phrase was found as whole words (no typo, no prefix). */
  exact: boolean;
  /** Character ranges of record.text to highlight, inclusive [start, end]. */
  ranges: Array<[number, number]>;
  /** Ranges of record.speaker to highlight, when the quote was found by its speaker's name. */
  speakerRanges?: Array<[number, number]>;
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
  /** Anchor of the first of those further passages in reading order (absent: the top of the article). */
  next?: string;
  /** No one passage holds every word: `hits` are passages that hold them between them. Ranked below the rest. */
  partial?: boolean;
}

/** A query word found only through near spellings (a typo, or a word the articles do not use). */
export interface SimilarWords {
  term: string;
  /** The words found instead, most frequent first. */
  words: string[];
}

export interface SearchResults {
  query: ParsedQuery;
  filters: SearchFilters;
  /** Articles in ranked order. */
  groups: SearchGroup[];
  /** Matching passages over all groups (shown or not). */
  passages: number;
  /** Query words with no exact or prefix match anywhere, and the near spellings that matched instead. */
  similar: SimilarWords[];
}

export interface SearchTuning {
  /** Passages shown per article. */
  perArticle: number;
  /** Whether a word also matches its other forms (off only to measure what they add: eval:search --sweep). */
  forms?: boolean;
  /** Weight of the words' match quality in `relevance` (default EXACTNESS). */
  exactness?: number;
}

export const DEFAULT_TUNING: SearchTuning = { perArticle: 3 };

/**
 * Re-ranking weights. relevance = (1 − distance) + exactness × mean term quality + FIELD_BONUS[kind].
 * Exactness outweighs the field: an exact word in the body (1.6) beats a prefix (≤ 1.55) or a typo
 * (< 1.43) in a headline; for equal matches a headline (+0.25) beats a section heading (+0.15), a
 * quote (+0.1) and body text.
 */
export const EXACTNESS = 0.6;
const FIELD_BONUS: Record<RecordKind, number> = { headline: 0.25, heading: 0.15, quote: 0.1, paragraph: 0 };

export function relevance(distance: number, meanQuality: number, kind: RecordKind, exactness = EXACTNESS): number {
  return 1 - distance + exactness * meanQuality + FIELD_BONUS[kind];
}

/**
 * How far a passage is from a perfect match, 0 to 1: short passages and exact words are closest.
 * The Fuse.js formula the ranking was tuned with (Fuse ranked the results until the shards made
 * it unnecessary): base ^ (field weight × 1/√words), base the mean of the words' distances (a
 * tiny ε when all are exact), so among equal matches a shorter passage ranks higher.
 */
const KEY_WEIGHT: Record<RecordKind, number> = { headline: 1 / 2, heading: 1 / 2, quote: 1 / 3, paragraph: 1 / 6 };
/** A word's distance by how it matched: a typo is about one letter in four wrong; another form, a suffix. */
const WORD_DISTANCE: Record<Quality, number> = { exact: 0, stem: 0, prefix: 0, form: 0.1, fuzzy: 0.25, none: 1 };

export function distanceOf(kind: RecordKind, tokens: number, qualities: readonly Quality[]): number {
  const norm = Math.round(1000 / Math.sqrt(Math.max(1, tokens))) / 1000;
  const base = qualities.reduce((sum, q) => sum + WORD_DISTANCE[q], 0) / Math.max(1, qualities.length);
  return Math.pow(base || Number.EPSILON, KEY_WEIGHT[kind] * norm);
}

/** Whether an article passes the filters (empty filter values pass everything). */
export function passesFilters(meta: SearchArticle, filters: SearchFilters): boolean {
  return (
    (!filters.outlet || meta.outlet === filters.outlet) &&
    (!filters.event || meta.event === filters.event) &&
    (!filters.topic || meta.topics.includes(filters.topic))
  );
}

/** The filters that are set. */
export function cleanFilters(filters: SearchFilters): SearchFilters {
  return {
    ...(filters.outlet ? { outlet: filters.outlet } : {}),
    ...(filters.event ? { event: filters.event } : {}),
    ...(filters.topic ? { topic: filters.topic } : {}),
  };
}

/** The words the records are found by, sorted (what the sharded index's manifest lists). */
const vocabularies = new WeakMap<readonly SearchRecord[], string[]>();
export function vocabularyOf(records: readonly SearchRecord[]): string[] {
  let words = vocabularies.get(records);
  if (!words) {
    words = [...new Set(records.flatMap(recordWords))].sort(byCodeUnit);
    vocabularies.set(records, words);
  }
  return words;
}

interface Folded {
  text: string;
  speaker: string;
}

interface Prepared extends Folded {
  words: Word[];
  speakerWords: Word[];
  /** Whitespace-separated tokens of text and speaker (the distance's length norm). */
  tokens: number;
}

/**
 * A record's folded text and speaker, then (once it holds a query word) their words, kept while
 * the record is: the browser searches the same records query after query.
 */
const foldedRecords = new WeakMap<SearchRecord, Folded>();
const prepared = new WeakMap<SearchRecord, Prepared>();

function foldRecord(record: SearchRecord): Folded {
  let entry = foldedRecords.get(record);
  if (entry === undefined) {
    entry = { text: fold(record.text), speaker: fold(record.speaker ?? '') };
    foldedRecords.set(record, entry);
  }
  return entry;
}

/** Whether a code unit is whitespace (what /\s/ matches). */
function isSpace(code: number): boolean {
  return code <= 0x20
    ? code === 0x20 || (code >= 0x09 && code <= 0x0d)
    : code >= 0xa0 &&
        (code === 0xa0 ||
          code === 0x1680 ||
          (code >= 0x2000 && code <= 0x200a) ||
          code === 0x2028 ||
          code === 0x2029 ||
          code === 0x202f ||
          code === 0x205f ||
          code === 0x3000 ||
          code === 0xfeff);
}

/** Whitespace-separated tokens of a text (text.split(/\s+/) without the empty ones), counted without splitting. */
export function countTokens(text: string): number {
  let n = 0;
  let inToken = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inToken) n++;
    inToken = !space;
  }
  return n;
}

function prepare(record: SearchRecord): Prepared {
  let entry = prepared.get(record);
  if (entry === undefined) {
    const { text, speaker } = foldRecord(record);
    entry = {
      text,
      words: wordsOf(text),
      speaker,
      speakerWords: wordsOf(speaker),
      tokens: countTokens(record.text) + countTokens(record.speaker ?? ''),
    };
    prepared.set(record, entry);
  }
  return entry;
}

/**
 * A quick test every record holding some unit of the query passes: one of the unit's words, or a
 * word one part of it matches, standing alone in the folded text or speaker. Records that fail it
 * are skipped before their words are read (most passages of a candidate article hold no query word).
 * Null when some unit has no word to test (a phrase of punctuation): then every record is read.
 */
const screens = new WeakMap<readonly CompiledUnit[], RegExp | null>();
function screenOf(units: readonly CompiledUnit[]): RegExp | null {
  let screen = screens.get(units);
  if (screen !== undefined) return screen;
  const needles = new Set<string>();
  let open = false;
  for (const unit of units) {
    // Every part must match, so one part's words suffice: the part with the fewest.
    const part = unit.parts
      .map((p) => [p.part, ...p.byWord.keys()])
      .reduce<string[] | null>((best, words) => (!best || words.length < best.length ? words : best), null);
    if (!part) open = true;
    else for (const word of part) needles.add(word);
  }
  // ASCII letters and digits around the word, not \p{L}\p{N}: a weaker test, so still passed by
  // every whole-word match, and without the Unicode tables a browser would compile for every query.
  screen =
    open || !needles.size
      ? null
      : new RegExp(`(?<![a-z0-9])(?:${[...needles].map(escapeRegExp).join('|')})(?![a-z0-9])`);
  screens.set(units, screen);
  return screen;
}

/** Whether a record may hold some unit of the query (screenOf). */
export function mayMatch(record: SearchRecord, units: readonly CompiledUnit[]): boolean {
  const screen = screenOf(units);
  if (!screen) return true;
  const { text, speaker } = foldRecord(record);
  return screen.test(text) || (speaker !== '' && screen.test(speaker));
}

/** What one record gives one query unit (each phrase, then each term): in its text or its speaker's name. */
export interface UnitMatch extends TermMatch {
  speakerRanges: Array<[number, number]>;
}

interface ScoredHit extends SearchHit {
  units: UnitMatch[];
  /** The record's place in the records (ties go to the earlier). */
  position: number;
}

/** What a word found in a quote's speaker counts for, against the same match in its text. */
const SPEAKER_WEIGHT = 0.8;
const found = (unit: UnitMatch) => unit.quality !== 'none';
const NO_MATCH: UnitMatch = { quality: 'none', ranges: [], speakerRanges: [] };

/** Matches every compiled unit against a record; missing ones have quality 'none'. */
export function matchRecord(record: SearchRecord, units: readonly CompiledUnit[]): UnitMatch[] {
  const { text, words, speaker, speakerWords } = prepare(record);
  return units.map((unit) => {
    const match = matchUnit(text, words, unit);
    const byName = match.quality !== 'exact' && speaker ? matchUnit(speaker, speakerWords, unit) : NO_MATCH;
    return QUALITY[byName.quality] > QUALITY[match.quality]
      ? { quality: byName.quality, ranges: [], speakerRanges: byName.ranges }
      : { ...match, speakerRanges: [] };
  });
}

function scoreHit(record: SearchRecord, units: UnitMatch[], exactness: number, position: number): ScoredHit {
  // A name in the passage's own words is a little stronger than the name of who said it.
  const mean =
    units.reduce((sum, u) => sum + QUALITY[u.quality] * (u.speakerRanges.length ? SPEAKER_WEIGHT : 1), 0) /
    units.length;
  const distance = distanceOf(
    record.kind,
    prepare(record).tokens,
    units.map((u) => u.quality),
  );
  const speakerRanges = units.flatMap((u) => u.speakerRanges);
  return {
    record,
    distance,
    score: relevance(distance, mean, record.kind, exactness),
    exact: units.every((u) => u.quality === 'exact'),
    ranges: units.flatMap((u) => u.ranges),
    ...(speakerRanges.length ? { speakerRanges } : {}),
    units,
    position,
  };
}

/**
 * How far below every passage holding all the query's words an article whose words are spread
 * over several passages ranks: more than the whole range of `relevance` (0 to 1.85).
 */
export const PARTIAL_PENALTY = 2;

/** Articles with the words in different passages are shown only when fewer articles than this hold them in one. */
export const PARTIAL_ONLY_BELOW = 10;

/** Query words matched only by near spellings in every hit, with the words that matched instead. */
function similarWords(query: ParsedQuery, hits: readonly ScoredHit[]): SimilarWords[] {
  const out: SimilarWords[] = [];
  query.terms.forEach((term, t) => {
    const i = query.phrases.length + t;
    const counts = new Map<string, number>();
    const count = (text: string, [s, e]: [number, number]) =>
      counts.set(text.slice(s, e + 1), (counts.get(text.slice(s, e + 1)) ?? 0) + 1);
    for (const hit of hits) {
      const unit = hit.units[i] as UnitMatch;
      if (unit.quality !== 'fuzzy') {
        if (unit.quality !== 'none') return;
        continue;
      }
      const { text, speaker } = prepare(hit.record);
      for (const range of unit.ranges) count(text, range);
      for (const range of unit.speakerRanges) count(speaker, range);
    }
    const words = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
    if (words.length) out.push({ term, words: words.slice(0, 3) });
  });
  return out;
}

/**
 * The articles that pass the filters, in table order, each shown by its headline: what a search
 * with filters and no words lists (here and in the sharded search).
 */
export function filteredArticles(articles: Record<string, SearchArticle>, filters: SearchFilters): SearchGroup[] {
  const groups: SearchGroup[] = [];
  for (const [id, meta] of Object.entries(articles)) {
    if (!passesFilters(meta, filters)) continue;
    const headline: SearchRecord = { id: `${id}--title`, article: id, kind: 'headline', text: meta.title };
    groups.push({
      article: id,
      meta,
      score: 0,
      hits: [{ record: headline, score: 0, distance: 1, exact: false, ranges: [] }],
      more: 0,
    });
  }
  return groups;
}

/** Each article's place in the table (the tie-break), kept while the table is. */
const orders = new WeakMap<Record<string, SearchArticle>, Map<string, number>>();
function orderOf(articles: Record<string, SearchArticle>): Map<string, number> {
  let order = orders.get(articles);
  if (!order) orders.set(articles, (order = new Map(Object.keys(articles).map((id, i) => [id, i]))));
  return order;
}

/**
 * Runs a query over `data.records`: every passage holding every word (or its forms, or near
 * spellings) is graded by `relevance`, filtered, and grouped by article (article rank = its best
 * passage). Then, for a query of several words and while few articles match whole, the articles
 * that hold the words only in different passages, ranked below. An empty query with a filter
 * lists the filtered articles by their headlines. `vocabulary` is the whole index's sorted words
 * (the records' own by default): it decides which words are typos and which forms exist.
 */
export function searchIndex(
  data: SearchData,
  input: string,
  filters: SearchFilters = {},
  tuning: SearchTuning = DEFAULT_TUNING,
  vocabulary: readonly string[] = vocabularyOf(data.records),
): SearchResults {
  const query = parseQuery(input);
  const clean = cleanFilters(filters);
  if (!query.phrases.length && !query.terms.length) {
    const groups = clean.outlet || clean.event || clean.topic ? filteredArticles(data.articles, clean) : [];
    return { query, filters: clean, groups, passages: 0, similar: [] };
  }
  const compiled = compileQuery(vocabulary, query, { forms: tuning.forms });
  const order = orderOf(data.articles);
  const exactness = tuning.exactness ?? EXACTNESS;

  // Every passage that holds some word, by article: whole (all words) and partial (some).
  const whole = new Map<string, ScoredHit[]>();
  const some = new Map<string, ScoredHit[]>();
  for (const [position, record] of data.records.entries()) {
    const meta = data.articles[record.article];
    // The article's filters, and the topic filter on the passage itself (a quote's topics, or those of the quotes a paragraph holds).
    if (!meta || !passesFilters(meta, clean) || !hasTopic(record, clean.topic)) continue;
    if (!mayMatch(record, compiled)) continue;
    const units = matchRecord(record, compiled);
    if (!units.some(found)) continue;
    const target = units.every(found) ? whole : some;
    const list = target.get(record.article) ?? [];
    list.push(scoreHit(record, units, exactness, position));
    target.set(record.article, list);
  }

  const byScore = (a: ScoredHit, b: ScoredHit) => b.score - a.score || a.position - b.position;
  const groups: SearchGroup[] = [];
  const shown: ScoredHit[] = [];
  const addGroup = (article: string, hits: ScoredHit[], partial: boolean) => {
    hits.sort(byScore);
    shown.push(...hits);
    const hidden = hits.slice(tuning.perArticle);
    // "N more matches" leads to the first of them in reading order (a headline or dek: the top).
    const reading = (hit: SearchHit) => paragraphOf(hit.record.anchor) ?? 0;
    const next = hidden.reduce<ScoredHit | undefined>((a, b) => (!a || reading(b) < reading(a) ? b : a), undefined)
      ?.record.anchor;
    groups.push({
      article,
      meta: data.articles[article] as SearchArticle,
      score: hits[0]?.score ?? 0,
      hits: hits.slice(0, tuning.perArticle).map(({ units: _units, position: _position, ...hit }) => hit),
      more: hidden.length,
      ...(next ? { next } : {}),
      ...(partial ? { partial } : {}),
    });
  };
  // A paragraph adds nothing when a quote of the same paragraph already shows every word it matched.
  const withoutRepeats = (hits: ScoredHit[]) => {
    const quoteCovers = new Map<number, Set<number>>();
    for (const hit of hits) {
      const n = paragraphOf(hit.record.anchor);
      if (hit.record.kind !== 'quote' || n === null) continue;
      const set = quoteCovers.get(n) ?? new Set<number>();
      hit.units.forEach((u, i) => found(u) && set.add(i));
      quoteCovers.set(n, set);
    }
    return hits.filter((hit) => {
      if (hit.record.kind !== 'paragraph') return true;
      const covered = quoteCovers.get(paragraphOf(hit.record.anchor) ?? -1);
      return !covered || hit.units.some((u, i) => found(u) && !covered.has(i));
    });
  };
  for (const [article, hits] of whole) addGroup(article, withoutRepeats(hits), false);

  // Several words that no one passage holds together: the articles holding each in some passage,
  // shown by the fewest passages that hold them all (best first), below every article above.
  // Only while whole matches are scarce (under a page of articles): below a full page they would not be seen.
  const units = compiled.length;
  if (units > 1 && whole.size < PARTIAL_ONLY_BELOW)
    for (const [article, hits] of some) {
      if (whole.has(article)) continue;
      const scored = hits.sort((a, b) => b.units.filter(found).length - a.units.filter(found).length || byScore(a, b));
      const missing = new Set(Array.from({ length: units }, (_, i) => i));
      const picked: ScoredHit[] = [];
      for (const hit of scored) {
        if (!hit.units.some((u, i) => found(u) && missing.has(i))) continue;
        hit.units.forEach((u, i) => found(u) && missing.delete(i));
        picked.push({ ...hit, score: hit.score - PARTIAL_PENALTY });
      }
      if (!missing.size) addGroup(article, picked, true);
    }

  groups.sort(
    (a, b) =>
      b.score - a.score ||
      b.hits.length + b.more - (a.hits.length + a.more) ||
      (order.get(a.article) ?? 0) - (order.get(b.article) ?? 0),
  );
  const passages = groups.reduce((n, g) => n + g.hits.length + g.more, 0);
  return { query, filters: clean, groups, passages, similar: similarWords(query, shown) };
}
