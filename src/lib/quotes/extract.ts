import { wordsOf } from './clauses.ts';
import {
  ABBREVIATIONS,
  AUXILIARIES,
  FUNCTION_WORDS,
  SPEECH_VERBS,
  SUBJECT_PRONOUNS,
  SUBORDINATORS,
} from './lexicon.ts';
import type { ArticleText, ExtractedQuote, Paragraph, QuoteKind, QuoteSpan } from './types.ts';

/**
 * Finds every quotation in an article's body paragraphs.
 *
 * Marks: the article's own family, decided from the whole article (`markFamily`): double marks
 * (straight " and curly “ ”, low-9 „, in any mix: “…," pairs too), single marks (British style:
 * ‘…’ or '…', told apart from apostrophes: don't, Abe's, '80s, rock 'n' roll, the Koreas'), or
 * guillemets (« … »). Marks of the other families are text inside the quote (nested quotations),
 * except guillemets, which are never apostrophes: outside the article's own quotes they quote too.
 *
 * Pairing: each mark is read as opening or closing from its neighbours (an opening mark
 * follows whitespace, the start, or an opening bracket/dash/colon and is followed by text;
 * a closing mark is the mirror image); ambiguous marks take whatever the scan needs. An
 * opening mark met while a quote is already open means the earlier one was never closed:
 * it is dropped, so one bad mark cannot swallow the rest of the paragraph.
 *
 * Quotes never cross paragraphs, except the multi-paragraph convention: a paragraph
 * ends with its quote still open and the next paragraph starts with a fresh opening mark
 * (or, tolerating a missing continuation mark, has a closing mark before any opening one).
 */
export function extractQuotes(article: ArticleText): ExtractedQuote[] {
  const family = markFamily(article.paragraphs);
  let raw = pairQuotes(article.paragraphs, family);
  if (family !== 'guillemet') {
    // guillemets are never apostrophes: a «translated phrase» in a double- or single-mark article is a
    // quotation too, unless it stands inside one of the article's own quotes (nested)
    const within = (s: QuoteSpan) =>
      raw.some((q) => q.some((t) => t.paragraph === s.paragraph && t.start <= s.start && s.end <= t.end));
    const guillemets = pairQuotes(article.paragraphs, 'guillemet').filter((spans) => !within(spans[0]!));
    if (guillemets.length)
      raw = [...raw, ...guillemets].sort((a, b) => a[0]!.paragraph - b[0]!.paragraph || a[0]!.start - b[0]!.start);
  }
  const byParagraph = new Map<number, number>();
  const quotes: ExtractedQuote[] = [];
  for (const spans of raw) {
    const first = spans[0]!;
    const n = (byParagraph.get(first.paragraph) ?? 0) + 1;
    byParagraph.set(first.paragraph, n);
    const anchor = `q${first.paragraph}-${n}`;
    const text = spans.map((s) => spanText(article.paragraphs, s)).join('\n\n');
    const paragraph = paragraphAt(article.paragraphs, first.paragraph);
    quotes.push({ anchor, text, spans, kind: quoteKind(text, paragraph.text, first.start), utterance: anchor });
  }
  linkUtterances(article.paragraphs, quotes);
  return quotes;
}

// ---------------------------------------------------------------------------
// Shared text helpers (used by attribution and classification too)
// ---------------------------------------------------------------------------

/** The paragraph with this 1-based index. */
export function paragraphAt(paragraphs: Paragraph[], index: number): Paragraph {
  const paragraph = paragraphs.find((p) => p.index === index) ?? paragraphs[index - 1];
  if (!paragraph) throw new Error(`no paragraph ${index}`);
  return paragraph;
}

/** The characters a span covers. */
export function spanText(paragraphs: Paragraph[], span: QuoteSpan): string {
  return paragraphAt(paragraphs, span.paragraph).text.slice(span.start, span.end);
}

/**
 * The paragraph text with every quote's characters replaced by X/x/0 (same length, marks
 * kept, a quote's final . ! ? kept), so narration can be searched without reading quoted words.
 */
export function maskQuotes(text: string, spans: QuoteSpan[]): string {
  const chars = text.split('');
  for (const s of spans) {
    const inner = text.slice(s.start, s.end);
    const keepTail = /[.!?]+$/.exec(inner.trimEnd())?.[0].length ?? 0;
    const stop = s.start + inner.trimEnd().length - keepTail;
    for (let i = s.start; i < stop; i += 1) chars[i] = maskChar(chars[i] ?? ' ');
  }
  return chars.join('');
}

// keeps case and digits so sentence boundaries survive masking
function maskChar(ch: string): string {
  if (/\s/.test(ch)) return ch;
  if (/\p{Lu}/u.test(ch)) return 'X';
  if (/\p{N}/u.test(ch)) return '0';
  return 'x';
}

// ---------------------------------------------------------------------------
// Pairing
// ---------------------------------------------------------------------------

/**
 * The marks an article quotes with. American style quotes with double marks and nests single ones;
 * British style the reverse; some European outlets' English services use guillemets.
 */
export type MarkFamily = 'double' | 'single' | 'guillemet';

const FAMILY_MARKS: Record<MarkFamily, string> = { double: '"“”„', single: "'‘’", guillemet: '«»' };

/** Every character that can open or close a quotation, whatever the family. */
export const QUOTE_MARKS = '"“”„\'‘’«»';

/** A year cut to two digits: '80s, '19 — not a quotation opening on a number ('100 percent'). */
const YEAR_ELISION = /^\p{N}{2}s?(?![\p{L}\p{N}])/u;

/** Words written with a leading apostrophe: 'em, 'n', 'til, 'cause, 'tis, 'twas, 'round. */
const ELISIONS = /^(?:em|n|til|cause|tis|twas|round|nuff|bout)(?![\p{L}])/u;

type Role = 'open' | 'close' | 'either' | 'apostrophe';

interface Mark {
  at: number;
  char: string;
  role: Role;
}

const OPEN_BEFORE = /[\s([{\u2014\u2013\-/:]/; // what may precede an opening mark
const CLOSE_AFTER = /[\s.,;:!?)\]}\u2014\u2013\-\u2026]/; // what may follow a closing mark
const LETTER = /[\p{L}\p{N}]/u;

/**
 * Each mark of the family, read as opening or closing from its neighbours: an opening mark follows
 * whitespace, the start, or an opening bracket, dash or colon and is followed by text; a closing mark
 * is the mirror image. A single mark between letters (don't, Abe's) or before a number or an elided
 * word ('80s, rock 'n' roll) is an apostrophe.
 */
function marksOf(text: string, family: MarkFamily): Mark[] {
  const marks: Mark[] = [];
  const chars = FAMILY_MARKS[family];
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (!chars.includes(ch)) continue;
    const prev = text[i - 1];
    const next = text[i + 1];
    const opensHere = prev === undefined || OPEN_BEFORE.test(prev) || QUOTE_MARKS.includes(prev);
    const closesHere = next === undefined || CLOSE_AFTER.test(next) || QUOTE_MARKS.includes(next);
    let role: Role;
    if (family === 'single') {
      const rest = text.slice(i + 1);
      if (prev !== undefined && next !== undefined && LETTER.test(prev) && LETTER.test(next)) role = 'apostrophe';
      else if (opensHere && (YEAR_ELISION.test(rest) || ELISIONS.test(rest))) {
        if (/^n['’]/.test(rest)) i += 2; // rock 'n' roll: both marks of the elided "and"
        continue;
      } else if (ch === '‘') role = !opensHere && closesHere ? 'close' : 'open';
      else role = opensHere && !closesHere ? 'open' : closesHere && !opensHere ? 'close' : 'either';
    } else if (ch === '«') role = 'open';
    else if (ch === '»') role = 'close';
    else if (ch === '“' || ch === '„')
      role = !opensHere && closesHere ? 'close' : 'open'; // trust curly marks unless plainly misdirected
    else if (ch === '”') role = opensHere && !closesHere ? 'open' : 'close';
    else role = opensHere && !closesHere ? 'open' : closesHere && !opensHere ? 'close' : 'either';
    if (role !== 'apostrophe') marks.push({ at: i, char: ch, role });
  }
  return marks;
}

/**
 * The family an article quotes with, decided from the article as a whole, not quote by quote: the
 * family with the most opening marks. Nested quotes are rarer than the quotes they sit in, so the
 * outer family wins even where a paragraph holds more inner marks than outer ones.
 */
export function markFamily(paragraphs: Paragraph[]): MarkFamily {
  const opens = (family: MarkFamily) =>
    paragraphs.reduce((n, p) => n + marksOf(p.text, family).filter((m) => m.role === 'open').length, 0);
  const counts: Array<[MarkFamily, number]> = [
    ['double', opens('double')],
    ['single', opens('single')],
    ['guillemet', opens('guillemet')],
  ];
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

interface Pending {
  spans: QuoteSpan[];
}

interface Open {
  start: number;
  char: string;
  carried: Pending | null;
  /** A straight quotation opened inside a curly one ("He said "no" to me"): its close is not ours. */
  nested: boolean;
}

function pairQuotes(paragraphs: Paragraph[], family: MarkFamily): QuoteSpan[][] {
  const quotes: QuoteSpan[][] = [];
  let pending: Pending | null = null;
  for (const paragraph of paragraphs) {
    const text = paragraph.text;
    const marks = marksOf(text, family);
    const lead = text.length - text.trimStart().length;
    let i = 0;
    // the quote open at the end of the previous paragraph, if this paragraph continues it
    let open: Open | null = null;
    if (pending) {
      const first = marks[0];
      if (first && first.at === lead && first.role !== 'close') {
        open = { start: first.at + 1, char: first.char, carried: pending, nested: false }; // continuation mark
        i = 1;
      } else if (first && first.role === 'close') {
        open = { start: lead, char: first.char, carried: pending, nested: false }; // continuation mark missing
      }
      pending = null;
    }
    for (const [k, mark] of marks.entries()) {
      if (k < i) continue;
      if (!open) {
        if (mark.role !== 'close') open = { start: mark.at + 1, char: mark.char, carried: null, nested: false };
        continue;
      }
      const straightInCurly = mark.char === '"' && open.char !== '"';
      if (straightInCurly && (open.nested || mark.role === 'open')) {
        open.nested = !open.nested; // a straight quotation nested in a curly one opens or closes
        continue;
      }
      if (mark.role === 'open') {
        open = { start: mark.at + 1, char: mark.char, carried: null, nested: false }; // the earlier mark was never closed
        continue;
      }
      // "the Koreas' talks": a single mark after an s that a later mark could close instead is a plural possessive
      if (family === 'single' && possessivePlural(text, mark, marks.slice(k + 1))) continue;
      const span: QuoteSpan = { paragraph: paragraph.index, start: open.start, end: mark.at };
      const spans = open.carried ? [...open.carried.spans, span] : [span];
      if (spans.some((s) => s.end > s.start && spanIsText(paragraphs, s))) quotes.push(spans);
      open = null;
    }
    if (open) {
      const end = text.trimEnd().length;
      if (end > open.start) {
        const span: QuoteSpan = { paragraph: paragraph.index, start: open.start, end };
        pending = { spans: open.carried ? [...open.carried.spans, span] : [span] };
      }
    }
  }
  return quotes;
}

/** `’` after an s and before a word, with another closing mark later and no opening one first. */
function possessivePlural(text: string, mark: Mark, later: Mark[]): boolean {
  if (text.charAt(mark.at - 1) !== 's' || !/^\s+[\p{L}\p{N}]/u.test(text.slice(mark.at + 1))) return false;
  const next = later[0];
  return next !== undefined && next.role !== 'open';
}

function spanIsText(paragraphs: Paragraph[], span: QuoteSpan): boolean {
  return /[\p{L}\p{N}]/u.test(spanText(paragraphs, span));
}

// ---------------------------------------------------------------------------
// Kind
// ---------------------------------------------------------------------------

/**
 * "full": a sentence of speech — it opens with a capital and is introduced as speech (it
 * starts the sentence, or follows a colon or comma: `said: "We...`), or it is a clause of
 * six or more words with a verb-like shape: a verb before any subordinate clause (`declared
 * that "the era of strategic patience is over."`), or it is a shorter clause that opens with
 * its own subject (`but "I see it differently."`, `that "it's my priority too."`), or a
 * headline's clause, a name and its verb (`the headline "Abe wins reprieve on car tariffs"`).
 * Everything else is a "fragment": short phrases and scare quotes ("menace", "100 percent",
 * "America First"), and words that go on with the narration's sentence, however long — a
 * predicate whose subject the narration gives (`said Beijing "supports the US and North Korea in
 * keeping up dialogue"`), a quote that opens in lower case with an auxiliary or a subordinator
 * (`Abe "will shoot them out of the sky when …"`, `insisted "that we won't make small concessions"`).
 */
export function quoteKind(text: string, paragraphText: string, start: number): QuoteKind {
  const trimmed = text.trim();
  const before = paragraphText.slice(0, Math.max(0, start - 1)).trimEnd();
  const introduced = before === '' || /[.!?:,]["”’')\]]*$/.test(before);
  if (introduced && /^[\p{Lu}\p{N}]/u.test(trimmed)) return 'full';
  const words = wordsOf(trimmed).map((w) => w.toLowerCase().replace(/’/g, "'"));
  // `the problem "will be solved,"`, `insisted "that we won't make concessions"`: the narration's sentence goes on
  if (/^\p{Ll}/u.test(trimmed) && (AUXILIARIES.has(words[0] ?? '') || SUBORDINATORS.has(words[0] ?? '')))
    return 'fragment';
  if (words.length >= 6 && hasMainVerb(words)) return 'full';
  if (words.length >= 3 && opensWithSubject(words) && hasMainVerb(words)) return 'full'; // but "I see it differently."
  if (words.length >= 4 && namedSubjectVerb(wordsOf(trimmed))) return 'full'; // the headline "Abe wins reprieve on car tariffs"
  return 'fragment';
}

/** A name, then a verb in its -s form: "Abe wins …", "Japan seeks …" (not "The …", "Trade Agreement …"). */
function namedSubjectVerb(words: string[]): boolean {
  const [name, verb] = words;
  if (!name || !verb || !/^\p{Lu}\p{Ll}+$/u.test(name) || FUNCTION_WORDS.has(name.toLowerCase())) return false;
  return !SENTENCE_STARTERS.has(name) && /^\p{Ll}{2,}[^su']s$/u.test(verb);
}

const SENTENCE_STARTERS = new Set(
  'The A An This That These Those In On At For With By From As If When While'.split(' '),
);

/** The words open with a subject pronoun, bare or contracted: "I see …", "it's my priority too". */
function opensWithSubject(words: string[]): boolean {
  const first = words[0] ?? '';
  return SUBJECT_PRONOUNS.has(first) || /^(i|we|you|they|he|she|it|that|there)'(m|re|ve|ll|d|s)$/.test(first);
}

function hasMainVerb(words: string[]): boolean {
  for (const [i, w] of words.entries()) {
    const next = words[i + 1];
    if (i > 0 && SUBORDINATORS.has(w)) return false;
    if (AUXILIARIES.has(w) || /n't$/.test(w) || /^(i|we|you|they|he|she|it)'(m|re|ve|ll|d)$/.test(w)) return true;
    if (/^(he|she|it|that|there)'s$/.test(w)) return true; // "it's", "there's": is or has, never a possessive
    if (SUBJECT_PRONOUNS.has(w) && next !== undefined && !SUBORDINATORS.has(next)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Utterances
// ---------------------------------------------------------------------------

/**
 * Parts of one utterance share its first part's anchor:
 * - a quotation split by its attribution: "No one likes conflict," he said. "But ..."
 *   (the first part starts its sentence and ends in punctuation, the words between are one
 *   short sentence with a speech verb ending in a full stop, the next part starts a new sentence,
 *   and may run on over paragraphs); or, mid-sentence, `"…," she said, "and …"`;
 * - two fragments glued by a single narrator word (a verb, not "and"): Pyongyang's "illegal ... tests"
 *   threatened "international peace".
 */
function linkUtterances(paragraphs: Paragraph[], quotes: ExtractedQuote[]): void {
  for (let k = 1; k < quotes.length; k += 1) {
    const a = quotes[k - 1]!;
    const b = quotes[k]!;
    const sa = a.spans.at(-1);
    const [sb] = b.spans;
    if (!sa || !sb || sa.paragraph !== sb.paragraph) continue; // b may run on over paragraphs
    const text = paragraphAt(paragraphs, sa.paragraph).text;
    const between = text.slice(sa.end + 1, sb.start - 1);
    if (/["“”„«»]/.test(between)) continue; // an unpaired double mark: the narration is not plain
    if (isAttributionBridge(text, a, between, b) || isGlue(a, between, b) || isDashAside(between, b))
      b.utterance = a.utterance;
  }
}

/** The longest aside between dashes that interrupts a quotation ("— he paused to check his phone as an alert arrived —"). */
export const DASH_ASIDE_WORDS = 12;

/**
 * "'If Tokyo wanted a trade war' — Mr Kuwahara paused — 'it could not …'": a short aside between dashes that
 * interrupts a quotation going on in lower case, whatever its verb, leaves one utterance.
 */
function isDashAside(between: string, b: ExtractedQuote): boolean {
  const aside = /^\s*(?:[\u2014\u2013]|--)((?:(?!--)[^\u2014\u2013])+)(?:[\u2014\u2013]|--)\s*$/u.exec(between)?.[1];
  if (!aside || /[.!?;]/.test(aside)) return false;
  const words = wordsOf(aside).length;
  return words > 0 && words <= DASH_ASIDE_WORDS && /^\p{Ll}/u.test(b.text.trimStart());
}

function isAttributionBridge(text: string, a: ExtractedQuote, between: string, b: ExtractedQuote): boolean {
  const sa = a.spans.at(-1)!;
  const before = text.slice(0, sa.start - 1).trimEnd();
  const startsSentence = before === '' || /[.!?]["”’')\]]*$/.test(before);
  const ending = a.text.trimEnd().replace(/['’"”]+$/, ''); // a nested quote closes first: "... I like bilateral,'"
  const endsPart = /[,.!?…\u2014\u2013-]$/.test(ending) || /^\s*,/.test(between);
  const bridge = between.trim();
  if (!startsSentence || !endsPart || !bridge) return false;
  // "I have waited 40 years," she said, "and I don't know ...": the sentence goes on inside the next part
  if (/,$/.test(bridge) && /,$/.test(ending) && /^\p{Ll}/u.test(b.text.trimStart())) {
    const words = wordsOf(bridge);
    return words.length > 0 && words.length <= 8 && words.some((w) => SPEECH_VERBS.has(w));
  }
  if (!/[.!?]$/.test(bridge)) return false;
  const inner = bridge.replace(/^[,.]\s*/, '').replace(/[.!?]$/, '');
  const unabbreviated = inner
    .replace(/\b(\p{L}\.)+/gu, '')
    .replace(/\b(\p{L}+)\./gu, (m, w: string) => (ABBREVIATIONS.has(w.toLowerCase()) ? w : m)); // "U.S.", "Mr."
  if (/[.!?:;]/.test(unabbreviated)) return false; // more than one sentence
  const words = wordsOf(inner); // speech verbs in lower case only ("United States" is no verb)
  if (words.length === 0 || words.length > 25) return false;
  if (!words.some((w) => SPEECH_VERBS.has(w))) return false;
  return /^[\p{Lu}\p{N}]/u.test(b.text.trimStart());
}

function isGlue(a: ExtractedQuote, between: string, b: ExtractedQuote): boolean {
  if (/[.!?]$/.test(a.text.trimEnd())) return false;
  const word = /^\s+(\p{Ll}+)\s+$/u.exec(between)?.[1];
  if (!word || /^(and|or|but|nor|as|than|to|of)$/.test(word)) return false; // "X" and "Y" are two things said
  return a.kind === 'fragment' && b.kind === 'fragment';
}
