/**
 * Text folding shared by the index, the query and the highlighter. Every fold maps one
 * UTF-16 code unit to one, so an offset into folded text is the same offset in the original.
 */

/** Curly and typographic single quotes/apostrophes and primes, folded to ' . */
const SINGLE_QUOTES = '\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4';
/** Curly and typographic double quotes, folded to " . */
const DOUBLE_QUOTES = '\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB';
/** Hyphens and dashes, folded to - ("Trump–Abe" is found by "trump-abe"). */
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212';
/** Non-breaking and other fixed-width spaces. */
const SPACES = '\u00A0\u2007\u202F';
const COMBINING = /^\p{M}+$/u;

const charCache = new Map<string, string>();

/**
 * One code unit straightened (quotes, dashes, spaces), or lower-cased and stripped of its accent,
 * or left alone if that would change its length.
 */
function foldChar(ch: string): string {
  let folded = charCache.get(ch);
  if (folded !== undefined) return folded;
  if (SINGLE_QUOTES.includes(ch)) folded = "'";
  else if (DOUBLE_QUOTES.includes(ch)) folded = '"';
  else if (DASHES.includes(ch)) folded = '-';
  else if (SPACES.includes(ch)) folded = ' ';
  else {
    const decomposed = ch.normalize('NFD');
    const base = decomposed.length > 1 && COMBINING.test(decomposed.slice(1)) ? (decomposed[0] as string) : ch;
    const lower = base.toLowerCase();
    folded = lower.length === 1 ? lower : base;
  }
  charCache.set(ch, folded);
  return folded;
}

/** What foldChar changes beyond ASCII lower case: every non-ASCII code unit, and the backtick. */
const SPECIAL = /[`\u0080-\uffff]/g;

/**
 * Lower-cases, strips diacritics and straightens quotes, apostrophes and dashes,
 * keeping the length (so match and highlight offsets stay valid on the original text).
 * The special code units are folded one by one, then ASCII is lower-cased: foldChar leaves only
 * code units whose lower case is themselves or longer (İ is folded to i first), which toLowerCase keeps.
 */
export function fold(text: string): string {
  return text.replace(SPECIAL, foldChar).toLowerCase();
}

/** A word of folded text and where it stands. */
export interface Word {
  text: string;
  start: number;
  /** Exclusive. */
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The runs of letters and digits in `text` ("Japan's F-35A" → japan, s, f, 35a when folded). */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD))
    words.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  return words;
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiled whole-word patterns by needle: a query tests the same few needles against every passage. */
const wholeWordCache = new Map<string, RegExp | null>();

function wholeWordPattern(needle: string): RegExp | null {
  let re = wholeWordCache.get(needle);
  if (re === undefined) {
    const pattern = needle.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
    re = pattern ? new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'gu') : null;
    if (wholeWordCache.size > 500) wholeWordCache.clear();
    wholeWordCache.set(needle, re);
  }
  return re;
}

/**
 * Every occurrence of `needle` in `haystack` that starts and ends on a word boundary
 * (both already folded), as [start, end) pairs. Runs of whitespace in the needle match any whitespace.
 */
export function findWholeWord(haystack: string, needle: string): Array<[number, number]> {
  const re = wholeWordPattern(needle);
  if (!re) return [];
  const found: Array<[number, number]> = [];
  for (const match of haystack.matchAll(re)) found.push([match.index, match.index + match[0].length]);
  return found;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition), giving up
 * once it must exceed `max` (returns max + 1 then).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(6 * width);
  // Three rows of one buffer, reused: the vocabulary scan calls this for thousands of words a query.
  let prevPrev = 0;
  let prev = width;
  let row = 2 * width;
  for (let j = 0; j < width; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[row] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (rows[prev + j] as number) + 1,
        (rows[row + j - 1] as number) + 1,
        (rows[prev + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (rows[prevPrev + j - 2] as number) + 1);
      rows[row + j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return rows[prev + b.length] as number;
}

let rows = new Int32Array(96);

/** Typos forgiven in a word of this length: none below 4 letters, one up to 7, two from 8. */
export function allowedEdits(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}
