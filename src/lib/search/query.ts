/**
 * Search over the prebuilt records: parse the reader's query, ask Fuse for candidates,
 * re-rank them with an explicit score, filter, and group by article. Pure: Fuse is passed
 * in (the browser loads it lazily), and the result is plain data for any renderer.
 */
import type Fuse from 'fuse.js';
import type { FuseIndex, IFuseOptions } from 'fuse.js';
import { FUSE_OPTIONS } from './options.ts';
import { hasTopic, paragraphOf, recordWords } from './records.ts';
import type { RecordKind, SearchArticle, SearchData, SearchRecord } from './records.ts';
import { allowedEdits, editDistance, findWholeWord, fold, wordsOf } from './text.ts';
import type { Word } from './text.ts';

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
  /**
   * The last term when nothing follows it (no space, no closing quote): the reader may still be
   * typing it, so it also matches the start of a word from two letters on (others from three).
   */
  prefix: string | null;
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
  /** Drop a Fuse candidate unless every term matches a word (exactly, as a prefix, or within allowedEdits typos). */
  requireWordMatch: boolean;
}

export const DEFAULT_TUNING: SearchTuning = { perArticle: 3, requireWordMatch: true };

/** Longest query read, and most words: bitap's cost grows with pattern length. */
const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 12;

/**
 * Splits a query into exact phrases ("…", straight or curly quotes; an unclosed quote runs
 * to the end, so a phrase being typed already narrows) and loose terms, and tells which term,
 * if any, is still being typed (`prefix`).
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
  let last = '';
  for (const raw of rest.split(/\s+/)) {
    // Edge punctuation goes ("abe," → abe); inner apostrophes and hyphens stay (japan's, f-35a).
    const term = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    last = term;
    if (term.length >= 2 && !terms.includes(term)) terms.push(term);
  }
  const kept = terms.slice(0, MAX_WORDS - Math.min(phrases.length, MAX_WORDS));
  // Still being typed: the text ends in the word itself (not a space, a closing quote or punctuation).
  const open = last.length >= 2 && text.endsWith(last) && kept.includes(last);
  return { phrases: phrases.slice(0, MAX_WORDS), terms: kept, prefix: open ? last : null };
}

/**
 * The Fuse extended-search string: each phrase as an include-match ('"…"), each term as a
 * quoted fuzzy token ("…") so characters such as ! ^ = $ are never read as operators.
 */
export function toFuseQuery(query: Pick<ParsedQuery, 'phrases' | 'terms'>): string {
  // A possessive is optional ("abe's" finds "Abe"): Fuse looks for the word without it.
  return [...query.phrases.map((p) => `'"${p}"`), ...query.terms.map((t) => `"${t.replace(/'s$/, '')}"`)].join(' ');
}

/** How well one term matched a passage: decides the exactness part of the score ("stem": "japan's" found as "Japan"). */
const QUALITY = { exact: 1, stem: 0.8, prefix: 0.5, fuzzy: 0.3, none: 0 } as const;
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

export interface TermMatch {
  quality: Quality;
  ranges: Array<[number, number]>;
}

export interface MatchOptions {
  /** The term is still being typed (ParsedQuery.prefix): it may match the start of a word from two letters. */
  typing?: boolean;
  /** Whether the index holds this word exactly: a word it holds is never matched fuzzily ("pence" is not "peace"). */
  known?: (word: string) => boolean;
}

const NONE: TermMatch = { quality: 'none', ranges: [] };
/** Most characters between the words of a hyphenated or dotted term ("U.S.-Japan": ".-"). */
const MAX_JOIN = 3;

/** How well text word `word` matches query word `part` (the last of its term when `last`), or null. */
function partQuality(word: string, part: string, last: boolean, fuzzy: boolean, options: MatchOptions): Quality | null {
  if (word === part) return 'exact';
  // A single letter ("s" of "U.S.") only ever matches itself, and only beside the rest of its term.
  if (part.length < 2) return null;
  if (last && word.startsWith(part) && part.length >= (options.typing ? 2 : 3)) return 'prefix';
  if (!fuzzy || options.known?.(part)) return null;
  const max = allowedEdits(part.length);
  return max > 0 && editDistance(word, part, max) <= max ? 'fuzzy' : null;
}

/**
 * Best word-level match of one term in folded text: the term as a whole word; else its words as
 * adjacent words of the text (hyphens, dots and apostrophes between them: "U.S.-Japan", "indo-pacfic"),
 * each exact, the last one as a word prefix, or any of them within allowedEdits typos. A trailing
 * possessive is optional ("japan's" finds "Japan"); a one-letter word never matches on its own.
 */
export function matchTerm(folded: string, term: string, options: MatchOptions = {}): TermMatch {
  const exact = findWholeWord(folded, term);
  if (exact.length) return { quality: 'exact', ranges: exact.map(([s, e]) => [s, e - 1]) };
  const possessive = term.endsWith("'s");
  const parts = wordsOf(possessive ? term.slice(0, -2) : term).map((w) => w.text);
  if (!parts.some((p) => p.length >= 2)) return NONE;
  const words = wordsOf(folded);
  const chain = (fuzzy: boolean): TermMatch => {
    const ranks: Quality[] = ['fuzzy', 'prefix', 'stem', 'exact'];
    let best = -1;
    let ranges: Array<[number, number]> = [];
    for (let i = 0; i + parts.length <= words.length; i++) {
      let worst = 3;
      for (let j = 0; j < parts.length && worst >= 0; j++) {
        const word = words[i + j] as Word;
        if (j > 0 && word.start - (words[i + j - 1] as Word).end > MAX_JOIN) worst = -1;
        else {
          const q = partQuality(word.text, parts[j] as string, j === parts.length - 1 && !possessive, fuzzy, options);
          worst = q ? Math.min(worst, ranks.indexOf(q)) : -1;
        }
      }
      if (worst < 0 || worst < best) continue;
      let end = (words[i + parts.length - 1] as Word).end;
      if (possessive && folded.startsWith("'s", end)) end += 2;
      else if (possessive && worst > 2) worst = 2; // without its 's
      if (worst < best) continue;
      if (worst > best) ranges = [];
      best = worst;
      ranges.push([(words[i] as Word).start, end - 1]);
    }
    return best < 0 ? NONE : { quality: ranks[best] as Quality, ranges };
  };
  // Typos are looked for only when nothing matches better (editDistance is the costly part).
  const found = chain(false);
  return found.quality === 'none' ? chain(true) : found;
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

/** The words the records are found by, as a lookup (what the sharded index's manifest lists). */
const vocabularies = new WeakMap<readonly SearchRecord[], (word: string) => boolean>();
export function vocabularyOf(records: readonly SearchRecord[]): (word: string) => boolean {
  let known = vocabularies.get(records);
  if (!known) {
    const words = new Set(records.flatMap(recordWords));
    known = (word) => words.has(word);
    vocabularies.set(records, known);
  }
  return known;
}

/** Folded text and speaker, kept while the record is (the browser searches the same records query after query). */
const foldedTexts = new WeakMap<SearchRecord, [string, string]>();
function foldedOf(record: SearchRecord): [string, string] {
  let folded = foldedTexts.get(record);
  if (folded === undefined) {
    folded = [fold(record.text), fold(record.speaker ?? '')];
    foldedTexts.set(record, folded);
  }
  return folded;
}

/** What one record gives one query unit (each phrase, then each term): in its text or its speaker's name. */
interface UnitMatch extends TermMatch {
  speakerRanges: Array<[number, number]>;
}

interface ScoredHit extends SearchHit {
  units: UnitMatch[];
}

/** What a word found in a quote's speaker counts for, against the same match in its text. */
const SPEAKER_WEIGHT = 0.8;
const found = (unit: UnitMatch) => unit.quality !== 'none';
const inclusive = (ranges: Array<[number, number]>): Array<[number, number]> => ranges.map(([s, e]) => [s, e - 1]);

/** Matches every phrase and term against a record; missing ones have quality 'none'. */
function scoreHit(
  record: SearchRecord,
  fuseScore: number,
  query: ParsedQuery,
  known: (word: string) => boolean,
): ScoredHit {
  const [text, speaker] = foldedOf(record);
  const units: UnitMatch[] = [];
  for (const phrase of query.phrases) {
    // A phrase must appear word for word, whole words only.
    const ranges = inclusive(findWholeWord(text, phrase));
    const speakerRanges = ranges.length || !speaker ? [] : inclusive(findWholeWord(speaker, phrase));
    units.push({ quality: ranges.length || speakerRanges.length ? 'exact' : 'none', ranges, speakerRanges });
  }
  for (const term of query.terms) {
    const options = { typing: term === query.prefix, known };
    const match = matchTerm(text, term, options);
    const byName = match.quality !== 'exact' && speaker ? matchTerm(speaker, term, options) : NONE;
    units.push(
      QUALITY[byName.quality] > QUALITY[match.quality]
        ? { quality: byName.quality, ranges: [], speakerRanges: byName.ranges }
        : { ...match, speakerRanges: [] },
    );
  }
  // A name in the passage's own words is a little stronger than the name of who said it.
  const mean =
    units.reduce((sum, u) => sum + QUALITY[u.quality] * (u.speakerRanges.length ? SPEAKER_WEIGHT : 1), 0) /
    units.length;
  const speakerRanges = units.flatMap((u) => u.speakerRanges);
  return {
    record,
    fuseScore,
    score: relevance(fuseScore, mean, record.kind),
    exact: units.every((u) => u.quality === 'exact'),
    ranges: units.flatMap((u) => u.ranges),
    ...(speakerRanges.length ? { speakerRanges } : {}),
    units,
  };
}

/**
 * How far below every passage holding all the query's words an article whose words are spread
 * over several passages ranks: more than the whole range of `relevance` (0 to 1.85).
 */
export const PARTIAL_PENALTY = 2;

/** Articles with the words in different passages are looked for only when fewer articles than this hold them in one. */
export const PARTIAL_ONLY_BELOW = 10;

/** Query words matched only by near spellings in every hit, with the words that matched instead. */
function similarWords(query: ParsedQuery, hits: readonly ScoredHit[]): SimilarWords[] {
  const out: SimilarWords[] = [];
  query.terms.forEach((term, t) => {
    const i = query.phrases.length + t;
    const counts = new Map<string, number>();
    for (const hit of hits) {
      const unit = hit.units[i] as UnitMatch;
      if (unit.quality === 'exact' || unit.quality === 'prefix') return;
      if (unit.quality !== 'fuzzy') continue;
      const [text, speaker] = foldedOf(hit.record);
      for (const [s, e] of unit.ranges) counts.set(text.slice(s, e + 1), (counts.get(text.slice(s, e + 1)) ?? 0) + 1);
      for (const [s, e] of unit.speakerRanges)
        counts.set(speaker.slice(s, e + 1), (counts.get(speaker.slice(s, e + 1)) ?? 0) + 1);
    }
    const words = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
    if (words.length) out.push({ term, words: words.slice(0, 3) });
  });
  return out;
}

/**
 * Runs a query against a Fuse built by createFuse over `data.records`: candidates from Fuse,
 * re-ranked by `relevance`, filtered, grouped by article (article rank = its best passage).
 * Then, for a query of several words, the articles that hold them only in different passages,
 * ranked below. An empty query with a filter lists the filtered articles by their headlines.
 * `known` tells the words of the whole index (the records' own by default).
 */
export function searchIndex(
  fuse: SearchFuse,
  data: SearchData,
  input: string,
  filters: SearchFilters = {},
  tuning: SearchTuning = DEFAULT_TUNING,
  known: (word: string) => boolean = vocabularyOf(data.records),
): SearchResults {
  const query = parseQuery(input);
  const clean = cleanFilters(filters);
  const order = new Map(Object.keys(data.articles).map((id, i) => [id, i]));
  const recordOrder = new Map(data.records.map((r, i) => [r.id, i]));

  if (!query.phrases.length && !query.terms.length) {
    const groups: SearchGroup[] = [];
    if (clean.outlet || clean.event || clean.topic)
      for (const [id, meta] of Object.entries(data.articles)) {
        if (!passesFilters(meta, clean)) continue;
        const headline = data.records.find((r) => r.article === id && r.kind === 'headline');
        const hits = headline ? [{ record: headline, score: 0, fuseScore: 1, exact: false, ranges: [] }] : [];
        groups.push({ article: id, meta, score: 0, hits, more: 0 });
      }
    return { query, filters: clean, groups, passages: 0, similar: [] };
  }

  // The article's filters, and the topic filter on the passage itself (a quote's topics, or those of the quotes a paragraph holds).
  const passes = (record: SearchRecord) => {
    const meta = data.articles[record.article];
    return !!meta && passesFilters(meta, clean) && hasTopic(record, clean.topic);
  };
  const byArticle = new Map<string, ScoredHit[]>();
  for (const result of fuse.search(toFuseQuery(query))) {
    const record = result.item;
    if (!passes(record)) continue;
    const hit = scoreHit(record, result.score ?? 0, query, known);
    if (tuning.requireWordMatch && !hit.units.every(found)) continue;
    const list = byArticle.get(record.article) ?? [];
    list.push(hit);
    byArticle.set(record.article, list);
  }

  const byScore = (a: SearchHit, b: SearchHit) =>
    b.score - a.score || (recordOrder.get(a.record.id) ?? 0) - (recordOrder.get(b.record.id) ?? 0);
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
      hits: hits.slice(0, tuning.perArticle).map(({ units: _units, ...hit }) => hit),
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
  for (const [article, hits] of byArticle) addGroup(article, withoutRepeats(hits), false);

  // Several words that no one passage holds together: the articles holding each in some passage,
  // shown by the fewest passages that hold them all (best first), below every article above.
  // Only while whole matches are scarce (under a page of articles): the per-word searches it
  // needs cost as much again as the query, and below a full page they would not be seen.
  const units = query.phrases.length + query.terms.length;
  if (tuning.requireWordMatch && units > 1 && byArticle.size < PARTIAL_ONLY_BELOW) {
    const partial = new Map<string, Map<SearchRecord, number>>();
    const singles = [
      ...query.phrases.map((p) => ({ phrases: [p], terms: [] })),
      ...query.terms.map((t) => ({ phrases: [], terms: [t] })),
    ];
    for (const single of singles)
      for (const result of fuse.search(toFuseQuery(single))) {
        const record = result.item;
        if (byArticle.has(record.article) || !passes(record)) continue;
        const records = partial.get(record.article) ?? new Map<SearchRecord, number>();
        records.set(record, Math.min(records.get(record) ?? 1, result.score ?? 0));
        partial.set(record.article, records);
      }
    for (const [article, records] of partial) {
      const scored = [...records]
        .map(([record, fuseScore]) => scoreHit(record, fuseScore, query, known))
        .sort((a, b) => b.units.filter(found).length - a.units.filter(found).length || byScore(a, b));
      // A passage holding every word after all (Fuse's fuzzy score left it out of the search above).
      const whole = scored.filter((hit) => hit.units.every(found));
      if (whole.length) {
        addGroup(article, withoutRepeats(whole), false);
        continue;
      }
      const missing = new Set(Array.from({ length: units }, (_, i) => i));
      const picked: ScoredHit[] = [];
      for (const hit of scored) {
        if (!hit.units.some((u, i) => found(u) && missing.has(i))) continue;
        hit.units.forEach((u, i) => found(u) && missing.delete(i));
        picked.push({ ...hit, score: hit.score - PARTIAL_PENALTY });
      }
      if (!missing.size) addGroup(article, picked, true);
    }
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
