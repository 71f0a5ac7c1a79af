/**
 * A query compiled against the index's vocabulary: for every word of every phrase and term, the
 * vocabulary words it matches and how well (forms.ts). The shards look those words up in the
 * postings to rule articles in or out; the scorer finds them in a passage's words to grade and
 * mark the match. One compilation per query, shared by both, so they cannot disagree.
 */
import { QUALITY, RANKS, vocabularyMatches } from './forms.ts';
import type { Quality } from './forms.ts';
import type { ParsedQuery } from './parse.ts';
import { findWholeWord, wordsOf } from './text.ts';
import type { Word } from './text.ts';

/** One word of a term or phrase, and the vocabulary words (by index) it matches. */
export interface CompiledPart {
  part: string;
  /** Empty for a one-letter word: it is not indexed and only ever matches itself. */
  matches: Map<number, Quality>;
  /** The same, by word. */
  byWord: Map<string, Quality>;
}

/** A phrase (found word for word) or a term (found word by word, each part graded). */
export interface CompiledUnit {
  text: string;
  phrase: boolean;
  parts: CompiledPart[];
  /** A term ending in 's: the possessive is optional ("japan's" finds "Japan", as 'stem'). */
  possessive: boolean;
}

export interface CompileOptions {
  /** Match other forms of a word (default true). */
  forms?: boolean;
}

function compilePart(
  vocabulary: readonly string[],
  part: string,
  options: Parameters<typeof vocabularyMatches>[2],
): CompiledPart {
  const matches = part.length < 2 ? new Map<number, Quality>() : vocabularyMatches(vocabulary, part, options);
  const byWord = new Map<string, Quality>();
  for (const [i, q] of matches) byWord.set(vocabulary[i] as string, q);
  return { part, matches, byWord };
}

/** Compiles one term ("typing": it is the word still being typed). */
export function compileTerm(
  vocabulary: readonly string[],
  term: string,
  typing = false,
  options: CompileOptions = {},
): CompiledUnit {
  const possessive = term.endsWith("'s");
  const parts = wordsOf(possessive ? term.slice(0, -2) : term).map((w) => w.text);
  return {
    text: term,
    phrase: false,
    possessive,
    parts: parts.map((part, i) =>
      compilePart(vocabulary, part, {
        prefix: i === parts.length - 1 && !possessive,
        typing: typing && i === parts.length - 1,
        forms: options.forms !== false,
      }),
    ),
  };
}

/** Compiled queries by vocabulary: the sharded search compiles each query twice (candidates, then ranking). */
const compiledCache = new WeakMap<readonly string[], Map<string, CompiledUnit[]>>();

/** Compiles the phrases (exact words) and terms of a parsed query, phrases first. */
export function compileQuery(
  vocabulary: readonly string[],
  query: ParsedQuery,
  options: CompileOptions = {},
): CompiledUnit[] {
  const key = JSON.stringify([query, options.forms !== false]);
  let cache = compiledCache.get(vocabulary);
  if (!cache) compiledCache.set(vocabulary, (cache = new Map()));
  let units = cache.get(key);
  if (!units) {
    if (cache.size > 50) cache.clear();
    units = compileUncached(vocabulary, query, options);
    cache.set(key, units);
  }
  return units;
}

function compileUncached(vocabulary: readonly string[], query: ParsedQuery, options: CompileOptions): CompiledUnit[] {
  return [
    ...query.phrases.map((phrase) => ({
      text: phrase,
      phrase: true,
      possessive: false,
      parts: wordsOf(phrase).map((w) => compilePart(vocabulary, w.text, { exactOnly: true })),
    })),
    ...query.terms.map((term) => compileTerm(vocabulary, term, term === query.prefix, options)),
  ];
}

export interface TermMatch {
  quality: Quality;
  /** Inclusive [start, end] character ranges. */
  ranges: Array<[number, number]>;
}

export const NONE: TermMatch = { quality: 'none', ranges: [] };
/** Most characters between the words of a hyphenated or dotted term ("U.S.-Japan": ".-"). */
const MAX_JOIN = 3;

/** Rank of each quality in RANKS (0: none), without searching the list for every word. */
const RANK = Object.fromEntries(RANKS.map((q, i) => [q, i])) as Record<Quality, number>;
const EXACT = RANK.exact;

function partRank(word: string, part: CompiledPart): number {
  if (word === part.part) return EXACT;
  const quality = part.byWord.get(word);
  return quality === undefined ? 0 : RANK[quality];
}

/**
 * Best match of one compiled unit in folded text (`words` its words). A phrase: word for word,
 * whole words. A term: its words as adjacent words of the text (hyphens, dots, apostrophes
 * between them: "U.S.-Japan"), the unit's quality being its worst part's; a one-letter part
 * ("s" of "U.S.") matches only itself beside the rest of its term.
 */
export function matchUnit(folded: string, words: readonly Word[], unit: CompiledUnit): TermMatch {
  if (unit.phrase) {
    const ranges = findWholeWord(folded, unit.text).map(([s, e]): [number, number] => [s, e - 1]);
    return ranges.length ? { quality: 'exact', ranges } : NONE;
  }
  const { parts, possessive } = unit;
  if (!parts.some((p) => p.part.length >= 2)) return NONE;
  const first = parts[0] as CompiledPart;
  let best = 0;
  let ranges: Array<[number, number]> | null = null;
  for (let i = 0; i + parts.length <= words.length; i++) {
    // Most words match nothing: test the first part before anything else.
    let worst = partRank((words[i] as Word).text, first);
    for (let j = 1; j < parts.length && worst > 0; j++) {
      const word = words[i + j] as Word;
      if (word.start - (words[i + j - 1] as Word).end > MAX_JOIN) worst = 0;
      else worst = Math.min(worst, partRank(word.text, parts[j] as CompiledPart));
    }
    if (worst === 0 || worst < best) continue;
    let end = (words[i + parts.length - 1] as Word).end;
    if (possessive && folded.startsWith("'s", end)) end += 2;
    else if (possessive) worst = Math.min(worst, RANK.stem); // without its 's
    if (worst < best) continue;
    if (worst > best || !ranges) ranges = [];
    best = worst;
    ranges.push([(words[i] as Word).start, end - 1]);
  }
  return best === 0 || !ranges ? NONE : { quality: RANKS[best] as Quality, ranges };
}

/** What a match counts for in the ranking. */
export const qualityValue = (quality: Quality): number => QUALITY[quality];

export interface MatchTermOptions {
  /** The term is still being typed: it may match the start of a word from two letters. */
  typing?: boolean;
  /** The index's sorted words (default: the text's own). A word it holds is never matched fuzzily. */
  vocabulary?: readonly string[];
  forms?: boolean;
}

/** Best word-level match of one term in folded text (compiles the term: for tests and one-off use). */
export function matchTerm(folded: string, term: string, options: MatchTermOptions = {}): TermMatch {
  const words = wordsOf(folded);
  const vocabulary =
    options.vocabulary ?? [...new Set(words.map((w) => w.text).filter((w) => w.length >= 2))].sort(byCodeUnit);
  return matchUnit(folded, words, compileTerm(vocabulary, term, options.typing, options));
}

/** Sorts by UTF-16 code unit, as the manifest's vocabulary is. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
