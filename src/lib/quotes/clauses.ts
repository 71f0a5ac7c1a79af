/**
 * Sentence and clause structure of narration: where sentences, noun phrases, main clauses and asides
 * start and end. Reads masked text (quotes blanked), so quoted words never shape the narration.
 */
import {
  ABBREVIATIONS,
  AUXILIARIES,
  PARENTHETICAL_OPENERS,
  SUBORDINATE_OPENERS,
  TITLE_ABBREVIATIONS,
} from './lexicon.ts';

/** [start, end) offsets of the sentences in a (masked) paragraph. */
export function sentenceRanges(masked: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  const re = /[.!?]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked))) {
    let end = m.index + m[0].length;
    // a closing mark or bracket right after the stop belongs to the sentence
    while (end < masked.length && /["”’'»“)\]]/.test(masked.charAt(end))) end += 1;
    // (sticky patterns read at `end`, and only the word before the stop is read: no copy of the text's rest)
    if (end < masked.length && !at(NEXT_SENTENCE, masked, end)) continue;
    const before = masked.slice(Math.max(0, m.index - 40), m.index);
    // "at 10:30 p.m. Abe spoke first": a clock time ends the sentence before a capitalised word (not a time zone)
    const clock = /\b[ap]\.m$/i.test(before) && !at(TIME_ZONE, masked, end);
    if (m[0] === '.' && !clock && isAbbreviation(before)) continue;
    ranges.push([start, end]);
    start = end;
    while (start < masked.length && /\s/.test(masked.charAt(start))) start += 1;
  }
  if (start < masked.length && masked.slice(start).trim()) ranges.push([start, masked.length]);
  return ranges;
}

/** What opens a sentence after a stop: space, perhaps an opening mark or bracket, a capital or a digit. */
const NEXT_SENTENCE = /\s+["“‘'«„([]?[\p{Lu}\p{N}]/uy;
const TIME_ZONE = /\s+(?:[A-Z]{2,4}T|GMT|UTC)\b/y;

/** Whether a sticky pattern matches `text` at `index`. */
function at(re: RegExp, text: string, index: number): boolean {
  re.lastIndex = index;
  return re.test(text);
}

export function isAbbreviation(before: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  if (!word) return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true; // U.S, U.N, a.m
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Words (letters/digits with inner apostrophes and hyphens) of a text. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Where a noun phrase starting at `from` stops: the first , ; : ! ? or full stop (not an abbreviation's). */
export function phraseEnd(text: string, from: number, limit: number): number {
  const slice = text
    .slice(from, limit)
    .replace(/(?:\p{L}\.){2,}/gu, (m) => m.replace(/\./g, '_'))
    .replace(/\b(\p{L}+)\./gu, (m, w: string) => (TITLE_ABBREVIATIONS.test(w) ? `${w}_` : m));
  const stop = /[,.;:!?]/.exec(slice);
  return stop ? from + stop.index : limit;
}

/** The sentence holding `offset`, else the last one (or the whole text when there is none). */
export function sentenceAt(sentences: Array<[number, number]>, offset: number, length: number): [number, number] {
  return sentences.find((s) => s[0] <= offset && offset < s[1]) ?? sentences.at(-1) ?? [0, length];
}

/**
 * Where the main clause of the sentence [from, to) starts: after an opening subordinate or participle
 * clause and its comma ("When Trump and Abe met in Hamburg, …", "Asked whether he would …, Trump …").
 */
export function mainClauseStart(plain: string, from: number, to: number): number {
  const text = plain.slice(from, to);
  const opening = /^\s*(\p{L}+)/u.exec(text)?.[1] ?? '';
  const opens = SUBORDINATE_OPENERS.has(opening.toLowerCase()) || /^\p{Lu}\p{Ll}+(?:ed|ing)$/u.test(opening);
  const comma = text.indexOf(',');
  return opens && comma > 0 ? from + comma + 1 : from;
}

/** Blanks comma-, dash- and bracket-delimited asides: ", who had been critical of Tokyo,". */
export function blankParentheticals(masked: string): string {
  const chars = masked.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i += 1) if (chars[i] !== '"' && chars[i] !== '“' && chars[i] !== '”') chars[i] = ' ';
  };
  for (const m of masked.matchAll(/\([^()]*\)/g)) blank(m.index!, m.index! + m[0].length);
  for (const m of masked.matchAll(/\s[-\u2014\u2013]{1,2}\s[^-\u2014\u2013]+?\s[-\u2014\u2013]{1,2}\s/g))
    blank(m.index! + 1, m.index! + m[0].length - 1);
  const commas = [...masked.matchAll(/,/g)].map((m) => m.index!);
  for (const [k, from] of commas.entries()) {
    const to = commas[k + 1];
    if (to === undefined) break;
    const segment = masked.slice(from + 1, to);
    const first = /^\s*([\p{L}]+)/u.exec(segment)?.[1];
    if (!first || /[.!?]/.test(segment)) continue;
    const lower = first.toLowerCase();
    const participle = /ing$/.test(lower) && lower !== 'according';
    if (first === lower && (PARENTHETICAL_OPENERS.has(lower) || participle)) blank(from, to + 1);
    // an appositive after a name: "Justin Trudeau, the host, had told …"
    const named = /\p{Lu}[\p{L}.'’-]*$/u.test(masked.slice(0, from));
    const describes = /^(?:the|a|an)$/.test(first) || /^\p{Lu}[\p{L}.]*['’]s$/u.test(first);
    if (named && describes && (segment.match(/[\p{L}\p{N}]+/gu) ?? []).length <= 6) blank(from, to + 1);
  }
  return chars.join('');
}

/** The words before a verb end in a plural common noun, the subject: "what Japanese commentators have". */
export function groupSubject(region: string): boolean {
  const words = wordsOf(region).filter((w) => !AUXILIARIES.has(w.toLowerCase()) && !/ly$/.test(w));
  const last = words.at(-1);
  return last !== undefined && /^\p{Ll}{3,}[^s]s$/u.test(last) && !/(ss|us|is)$/.test(last);
}
