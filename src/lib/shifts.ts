/**
 * Phrases quoted at more than one event ("maximum pressure" in Tokyo 2017 and in
 * Washington 2018): the home page sets the two uses side by side to show how the line moved.
 */
import { STOPWORDS } from './quotes/lexicon.ts';
import type { Quote } from './quotes/types.ts';
import { append } from './quotes/collections.ts';

export interface PhraseUse {
  event: string;
  quote: Quote;
}

export interface Shift {
  /** The shared phrase, lower case, e.g. "maximum pressure". */
  phrase: string;
  /** The phrase as the first use prints it, e.g. "free, fair". */
  wording: string;
  /** One representative use per event, in the order of `eventOrder`. */
  uses: PhraseUse[];
}

/** Words with straight apostrophes, so “Japan’s” and "Japan's" agree (case kept: it tells names apart). */
function words(text: string): string[] {
  return text
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

const isName = (word: string) => /^\p{Lu}/u.test(word);

/**
 * Pairs of adjacent content words: the smallest unit that still means something on its own.
 * Contractions ("we're going") are talk, not a line; two capitalised words ("North Korea") are a name.
 */
function contentBigrams(text: string): Set<string> {
  const list = words(text);
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < list.length; i++) {
    const [a, b] = [list[i]!, list[i + 1]!];
    const [la, lb] = [a.toLowerCase(), b.toLowerCase()];
    if (STOPWORDS.has(la) || STOPWORDS.has(lb) || la.length < 3 || lb.length < 3) continue;
    if (la.includes("'") || lb.includes("'") || (isName(a) && isName(b))) continue;
    bigrams.add(`${la} ${lb}`);
  }
  return bigrams;
}

/**
 * Phrases that appear in quotes of at least two events, most quoted first (the line the
 * coverage kept coming back to), at most `limit`, no two sharing a quote.
 */
export function findShifts(quotes: Quote[], eventOrder: string[], limit = 3): Shift[] {
  const uses = new Map<string, Map<string, Quote[]>>();
  const count = new Map<string, number>();
  for (const quote of quotes) {
    for (const bigram of contentBigrams(quote.text)) {
      const byEvent = uses.get(bigram) ?? new Map<string, Quote[]>();
      append(byEvent, quote.event, quote);
      uses.set(bigram, byEvent);
      count.set(bigram, (count.get(bigram) ?? 0) + 1);
    }
  }
  const rank = (event: string) => eventOrder.indexOf(event);
  const candidates = [...uses]
    .filter(([, byEvent]) => byEvent.size >= 2)
    .map(([phrase, byEvent]) => ({
      phrase,
      uses: count.get(phrase)!,
      byEvent: [...byEvent]
        .sort(([a], [b]) => rank(a) - rank(b))
        .map(([event, list]) => ({ event, quote: representative(list) })),
    }))
    .sort((a, b) => b.uses - a.uses || a.phrase.localeCompare(b.phrase));
  const chosen: Shift[] = [];
  const usedQuotes = new Set<string>();
  for (const candidate of candidates) {
    if (candidate.byEvent.some((u) => usedQuotes.has(u.quote.id))) continue;
    candidate.byEvent.forEach((u) => usedQuotes.add(u.quote.id));
    chosen.push({
      phrase: candidate.phrase,
      wording: sharedWording(
        candidate.phrase,
        candidate.byEvent.map((u) => u.quote.text),
      ),
      uses: candidate.byEvent,
    });
    if (chosen.length === limit) break;
  }
  return chosen;
}

/** The use a reader learns most from: an attributed full quote before a bare fragment. */
function representative(list: Quote[]): Quote {
  return [...list].sort(
    (a, b) =>
      Number(b.speaker !== null) - Number(a.speaker !== null) ||
      Number(b.kind === 'full') - Number(a.kind === 'full') ||
      a.id.localeCompare(b.id),
  )[0]!;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)].map((m) => ({
    word: m[0].toLowerCase().replace(/’/g, "'"),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * The phrase as the first text prints it, grown word by word to either side for as long as every
 * text goes on with the same words: "free, fair" in two quotes that both say "free, fair and
 * reciprocal" is shown whole. Punctuation between the words is the first text's own.
 */
export function sharedWording(phrase: string, texts: string[]): string {
  const [a, b] = phrase.toLowerCase().replace(/’/g, "'").split(' ');
  const runs = texts.map((text) => {
    const list = tokens(text);
    const at = list.findIndex((t, i) => t.word === a && list[i + 1]?.word === b);
    return { text, list, at };
  });
  const first = runs[0];
  if (!first || runs.some((r) => r.at < 0)) return phrase;
  const same = (offset: number) => {
    const word = first.list[first.at + offset]?.word;
    return word !== undefined && runs.every((r) => r.list[r.at + offset]?.word === word);
  };
  let from = 0;
  while (same(from - 1)) from--;
  let to = 1;
  while (same(to + 1)) to++;
  return first.text.slice(first.list[first.at + from]!.start, first.list[first.at + to]!.end);
}
