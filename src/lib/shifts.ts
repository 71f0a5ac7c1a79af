/**
 * Phrases quoted at more than one event ("maximum pressure" in Tokyo 2017 and in
 * Washington 2018): the home page sets the two uses side by side to show how the line moved.
 */
import type { Quote } from './quotes/types.ts';

export interface PhraseUse {
  event: string;
  quote: Quote;
}

export interface Shift {
  /** The shared phrase, lower case, e.g. "maximum pressure". */
  phrase: string;
  /** One representative use per event, in the order of `eventOrder`. */
  uses: PhraseUse[];
}

const STOPWORDS = new Set(
  'a an and are as at be been but by do does for from had has have he her his i if in into is it its me my no not of on or our she so that the their them they this to us was we were what when which who will with would you your'.split(
    ' ',
  ),
);

/** Lower-cased words with straight apostrophes, so “Japan’s” and "Japan's" agree. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

/** Pairs of adjacent content words: the smallest unit that still means something on its own. */
function contentBigrams(text: string): Set<string> {
  const list = words(text);
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < list.length; i++) {
    const [a, b] = [list[i]!, list[i + 1]!];
    if (!STOPWORDS.has(a) && !STOPWORDS.has(b) && a.length > 2 && b.length > 2) bigrams.add(`${a} ${b}`);
  }
  return bigrams;
}

/**
 * Phrases that appear in quotes of at least two events, rarest first (a phrase in few
 * statements says more than "north korea"), at most `limit`, no two sharing a quote.
 */
export function findShifts(quotes: Quote[], eventOrder: string[], limit = 3): Shift[] {
  const uses = new Map<string, Map<string, Quote[]>>();
  const statementsWith = new Map<string, Set<string>>();
  for (const quote of quotes) {
    for (const bigram of contentBigrams(quote.text)) {
      const byEvent = uses.get(bigram) ?? new Map<string, Quote[]>();
      byEvent.set(quote.event, [...(byEvent.get(quote.event) ?? []), quote]);
      uses.set(bigram, byEvent);
      statementsWith.set(bigram, (statementsWith.get(bigram) ?? new Set()).add(quote.statement));
    }
  }
  const rank = (event: string) => eventOrder.indexOf(event);
  const candidates = [...uses]
    .filter(([, byEvent]) => byEvent.size >= 2)
    .map(([phrase, byEvent]) => ({
      phrase,
      spread: statementsWith.get(phrase)!.size,
      uses: [...byEvent]
        .sort(([a], [b]) => rank(a) - rank(b))
        .map(([event, list]) => ({ event, quote: representative(list) })),
    }))
    .sort((a, b) => a.spread - b.spread || a.phrase.localeCompare(b.phrase));
  const chosen: Shift[] = [];
  const usedQuotes = new Set<string>();
  for (const candidate of candidates) {
    if (candidate.uses.some((u) => usedQuotes.has(u.quote.id))) continue;
    candidate.uses.forEach((u) => usedQuotes.add(u.quote.id));
    chosen.push({ phrase: candidate.phrase, uses: candidate.uses });
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
