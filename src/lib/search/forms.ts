/**
 * Which indexed words a query word matches, and how well: itself, its other forms (the same
 * Porter2 stem, the stemmer the quote engine aligns with), words it begins, near spellings.
 * The one place that grades a match: the shards use it to rule articles in or out, query.ts to
 * find and mark the words in a passage, so the two never disagree.
 */
import porter2 from 'wink-porter2-stemmer';
import { allowedEdits, editDistance } from './text.ts';

/**
 * What a query word found, best first, and what it counts for in the ranking (query.ts's relevance).
 * `stem`: the word without the query's possessive ("japan's" found as "Japan"). `form`: another
 * word of the same stem ("negotiate" found as "negotiations"), ranked below the word itself and
 * above a prefix or a typo.
 */
export const QUALITY = { exact: 1, stem: 0.8, form: 0.7, prefix: 0.5, fuzzy: 0.3, none: 0 } as const;
export type Quality = keyof typeof QUALITY;

/** Qualities in ascending order (for "the worst part of a term"). */
export const RANKS: readonly Quality[] = ['none', 'fuzzy', 'prefix', 'form', 'stem', 'exact'];

const stems = new Map<string, string>();

/** A folded word's Porter2 stem (numbers are their own stem). */
export function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = /^\p{N}/u.test(word) ? word : porter2(word);
    if (stems.size > 20_000) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/** First index in the sorted `words` not below `word`. */
export function lowerBound(words: readonly string[], word: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid] as string) < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the sorted `words` hold `word`. */
export function holds(words: readonly string[], word: string): boolean {
  return words[lowerBound(words, word)] === word;
}

/** Words shorter than this have no other forms (Porter2 leaves them alone; "us" is not "use"). */
const MIN_FORM_LENGTH = 3;

/**
 * Indexes of the other words of the sorted `words` with `word`'s stem. A word's stem is its start
 * but for the last letter or so ("happy" → "happi", "negotiate" → "negoti"), so only the words
 * beginning with the stem less its last letter are stemmed.
 */
export function formsOf(words: readonly string[], word: string): number[] {
  if (word.length < MIN_FORM_LENGTH) return [];
  const stem = stemOf(word);
  const root = stem.slice(0, Math.max(2, stem.length - 1));
  const out: number[] = [];
  for (let i = lowerBound(words, root); i < words.length && (words[i] as string).startsWith(root); i++) {
    const other = words[i] as string;
    if (other !== word && other.length >= MIN_FORM_LENGTH && stemOf(other) === stem) out.push(i);
  }
  return out;
}

export interface MatchOptions {
  /** Phrase words: the word itself only. */
  exactOnly?: boolean;
  /** The last word of a term: it may be the start of a longer word (from 3 letters, or 2 when `typing`). */
  prefix?: boolean;
  /** The word is still being typed (ParsedQuery.prefix). */
  typing?: boolean;
  /** Match other forms of the word (on by default; off only to measure what forms add). */
  forms?: boolean;
}

/**
 * The vocabulary words (by index) one query word matches, each with its best quality: itself;
 * its other forms; as a prefix; within allowedEdits typos — only when the vocabulary holds
 * neither the word nor another form of it ("pence" is never "peace"), and then the typo's
 * other forms too ("negotaitions" finds "negotiating").
 */
export function vocabularyMatches(
  words: readonly string[],
  term: string,
  options: MatchOptions = {},
): Map<number, Quality> {
  const found = new Map<number, Quality>();
  const at = lowerBound(words, term);
  const known = words[at] === term;
  if (known) found.set(at, 'exact');
  if (options.exactOnly) return found;
  const forms = options.forms === false ? [] : formsOf(words, term);
  for (const i of forms) found.set(i, 'form');
  if (options.prefix && term.length >= (options.typing ? 2 : 3))
    for (let i = known ? at + 1 : at; i < words.length && (words[i] as string).startsWith(term); i++)
      if (!found.has(i)) found.set(i, 'prefix');
  const max = known || forms.length ? 0 : allowedEdits(term.length);
  if (max > 0) {
    const near: number[] = [];
    words.forEach((word, i) => {
      if (!found.has(i) && Math.abs(word.length - term.length) <= max && editDistance(word, term, max) <= max)
        near.push(i);
    });
    for (const i of near) {
      found.set(i, 'fuzzy');
      if (options.forms !== false)
        for (const j of formsOf(words, words[i] as string)) if (!found.has(j)) found.set(j, 'fuzzy');
    }
  }
  return found;
}
