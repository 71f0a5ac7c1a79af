/**
 * Earlier remarks: which quotes an article reports as said before the event it covers ("samurai",
 * from a recent interview; a "disaster", in January; "meaningless", last year), from the article's
 * own cues in the narration around the quote (its quoted words are masked and never read):
 *
 * 1. a time before the event: a relative one ("last year", "weeks ago", "earlier this month", "at the
 *    time") or a calendar one ("in January", "Wednesday", "in 2016") that falls before the event's first
 *    day (without the event's dates, more than a week before publication);
 * 2. an aspect that puts the speaking before the story ("has called", "has long said", "had warned",
 *    "once said");
 * 3. an occasion that is not the event ("in a recent interview", "during his campaign", "at a rally").
 *
 * A cue counts in the quote's sentence, narration only; asides and a trailing relative clause ("…, which
 * the ministry has identified as …") are someone else's time. A sentence with no time of its own carries
 * the cue of the paragraph's earlier sentence about speaking, as a reader carries it. All parts of one
 * utterance share one answer.
 */
import { blankParentheticals, sentenceAt, sentenceRanges } from './clauses.ts';
import { maskQuotes } from './extract.ts';
import { SPEECH_PARTICIPLES, SPEECH_VERBS } from './lexicon.ts';
import type { ArticleText, ExtractedQuote, QuoteSpan } from './types.ts';
import { addDays } from '../dates.ts';
import { dateMentions, MONTHS } from './when.ts';

/** The engine's answer for one quote, and the words of the article it rests on (for an editor to check). */
export interface EarlierFinding {
  earlier: boolean;
  /** The narration's words that place the quote before the event ("last year", "has called"); absent when not earlier. */
  cue?: string;
}

/**
 * Without the event's dates, how many days before publication may still be the event's own: a
 * report of a four-day visit, or a week's reaction to a decision, names the days it covers.
 */
export const EVENT_WINDOW_DAYS = 7;

const NUMBER = String.raw`(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few|many|some|\d+)`;
const PERIOD = String.raw`(?:days?|nights?|weeks?|months?|years?|decades?)`;
const SEASON = String.raw`(?:spring|summer|autumn|fall|winter)`;
const MONTH = `(?:${MONTHS.join('|')})`;
const OCCASION = String.raw`(?:interview|letter|speech|address|remarks?|statements?|comments?|tweets?|posts?|op-ed|article|column|conversation|briefing|rally|appearance|visit|meeting|call|testimony|debate|vow|pledge|promise|warning|threat)`;

/** Past times a reporter names relative to the story: each is before the event by what it says. */
const RELATIVE_PAST = new RegExp(
  [
    String.raw`\blast\s+(?:year|month|week|decade|${SEASON}|${MONTH})\b`,
    String.raw`\b(?:before|ahead\s+of)\s+(?:(?:he|she|they)\s+(?:left|arrived|flew|departed|set\s+off|travell?ed|took\s+office)|(?:the|his|her|their|its)\s+(?:\p{L}+\s+)?(?:visit|trip|tour|summit|talks|meeting|arrival|departure|deployment|ruling|decision|launch|inauguration|election)s?)\b`,
    String.raw`\b(?:the\s+)?(?:year|month|week)\s+before\s+last\b`,
    String.raw`\b${NUMBER}\s+${PERIOD}\s+(?:ago|earlier|before)\b`,
    String.raw`\b(?:a|one)\s+(?:day|week|month|year)\s+(?:ago|earlier|before)\b`,
    String.raw`\bearlier\s+(?:this|that|in\s+the)\s+(?:week|month|year|${SEASON})\b`,
    String.raw`\bthe\s+(?:previous|prior|preceding)\s+(?:day|week|month|year|${SEASON})\b`,
    String.raw`\b(?:the\s+)?(?:day|week|month|year|night)\s+before\s+(?:the|his|her|their|its)\b`,
    String.raw`\bat\s+the\s+time\b`,
    String.raw`\bback\s+(?:then|in)\b`,
    String.raw`\b(?:previously|formerly)\b`,
  ].join('|'),
  'giu',
);

/** Occasions other than the event itself: an earlier one, or a past campaign's. */
const EARLIER_OCCASION = new RegExp(
  [
    // the occasion the words were said on: "from a recent interview", "in an earlier speech" (not "backed off his earlier statements")
    String.raw`\b(?:in|at|during|from|on|via|through)\s+(?:a|an|the|his|her|their|its|one)\s+(?:recent|earlier|previous|prior|past|former)\s+(?:\p{L}+\s+)?${OCCASION}\b`,
    String.raw`\bduring\s+(?:his|her|their|the|last\s+year['’]s)\s+(?:\p{L}+\s+){0,2}campaign\b`,
    String.raw`\bas\s+a\s+(?:presidential\s+)?candidate\b`,
  ].join('|'),
  'giu',
);

/**
 * Speech verbs after "has"/"have": their finite forms (only the past ones ever stand there) and the
 * two participles that differ from the past tense ("has written", "have spoken").
 */
const SPEECH_PAST = [...SPEECH_VERBS, 'written', 'spoken'].join('|');
/** Verbs that name or describe something in words: "has called the pact 'a disaster'" quotes a past description. */
const NAMING_VERBS = ['called', 'described', 'labelled', 'labeled', 'dubbed', 'branded', 'referred', 'likened'].join(
  '|',
);
/** Adverbs that put a perfect's speaking on occasions before now: "has repeatedly said", "has long called". */
const OCCASIONS_BEFORE = String.raw`(?:repeatedly|previously|often|frequently|once|before|in\s+the\s+past|long)`;
const ADVERBS = String.raw`(?:(?:\p{L}+ly|long|also|already|often|once|never|ever|even|before)\s+)*`;
/**
 * The present perfect of speaking, where it reports earlier occasions: a naming verb ("has called",
 * "has long described") or a speech verb with an adverb of past occasions ("has repeatedly said"). A bare
 * "has said", "has promised" or "has argued" is a standing position, as true today as when it was said;
 * a past perfect ("had asked") is before some other past moment of the story, not before the event.
 */
const PERFECT_SPEECH = new RegExp(
  String.raw`\b(?:has|have|['’]s|['’]ve)\s+(?:${ADVERBS}(?:${NAMING_VERBS})|${ADVERBS}${OCCASIONS_BEFORE}\s+${ADVERBS}(?:${SPEECH_PAST}))\b`,
  'giu',
);
/** "once said", "used to say": speaking on an occasion long past. */
const ONCE_SPEECH = new RegExp(
  String.raw`\bonce\s+(?:${SPEECH_PAST})\b|\bused\s+to\s+(?:say|call|describe|tell)\b`,
  'giu',
);
/** A plan, not a report: a date after these belongs to what will happen ("agreed to begin talks in July"). */
const FUTURE =
  /\b(?:will|would|shall|['’]ll|going\s+to|next|ahead|(?:expected|due|set|scheduled|plans?|planned|planning|agreed|aims?|hopes?|intends?|wants?)\s+to\s+\p{L}+)\b/iu;
/** Words of the narration that make a clause about somebody speaking. */
const SPEAKING = new RegExp(
  String.raw`\b(?:${[...SPEECH_VERBS, ...SPEECH_PARTICIPLES].join('|')}|${OCCASION}s?|conference|words|wrote)\b`,
  'iu',
);
/** An occasion noun right after a date dates it: "a September 2017 speech", "his 2016 campaign". */
const OCCASION_AFTER = new RegExp(String.raw`^\s*(?:\p{L}+\s+)?(?:${OCCASION}|campaign|conference)\b`, 'iu');
/** Words before a date that make it a bound of a span, not the day something was said: "since July". */
const SPAN_BOUND =
  /\b(?:until|till|by|from|through|before|after)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$|\bsince\b[^,;:]*$/iu;
/** Speech verbs in the past tense that do not end in -ed: the rest of a speech verb's forms report speaking now. */
const IRREGULAR_PAST = new Set(['said', 'told', 'wrote', 'spoke']);
const PRESENT_SPEECH = new RegExp(
  String.raw`\b(?:${[...SPEECH_VERBS].filter((v) => !/ed$/.test(v) && !IRREGULAR_PAST.has(v)).join('|')})\b`,
  'u',
);
/** The narration before a verb ends in a group of unnamed people: "critics in Tokyo have", "Japanese officials have". */
const GROUP_SUBJECT = /\b\p{L}{3,}[^sui\W]s(?:\s+(?:in|of|at|from)\s+[\p{Lu}][\p{L}.]*)?\s*$/u;

interface Cue {
  earlier: boolean;
  text: string;
}

interface Timeline {
  /** A day before this one is before the event. */
  before: string;
  /** A month (named without a day) ending before this day is before the event. */
  beforeMonth: string;
}

/** Nouns for an act of speaking named by its speaker's possessive: "his vow to …", "her dismissal of … as …". */
const SPOKEN_ACT = new RegExp(
  String.raw`\b(?:his|her|their)\s+(?:\p{L}+\s+)?(?:${OCCASION}s?|dismissal|description|characteri[sz]ation|words|boast|jibe|taunt|insult|threats?)\b`,
  'iu',
);
/** Any present perfect: with a spoken act in its clause, it reports speaking before the story ("has rattled allies with his vow to …"). */
const PRESENT_PERFECT = new RegExp(String.raw`\b(?:has|have)\s+${ADVERBS}\p{L}+(?:ed|en|wn|t)\b`, 'iu');

/**
 * The time a stretch of narration gives, if any: an earlier cue, or a time that is the event's own.
 * `narration` is the stretch with quotes masked and asides blanked; `original` the paragraph, from `offset`.
 */
function cueIn(
  narration: string,
  original: string,
  offset: number,
  timeline: Timeline,
  published?: string,
): Cue | undefined {
  const words = (start: number, end: number) => original.slice(offset + start, offset + end);
  for (const pattern of [RELATIVE_PAST, EARLIER_OCCASION, PERFECT_SPEECH, ONCE_SPEECH]) {
    pattern.lastIndex = 0;
    const m = pattern.exec(narration);
    // "critics have long warned", "commentators have dubbed": a group's refrain, no one's earlier remark
    if (m && pattern === PERFECT_SPEECH && GROUP_SUBJECT.test(narration.slice(0, m.index))) continue;
    if (m) return { earlier: true, text: words(m.index, m.index + m[0].length) };
  }
  const perfect = PRESENT_PERFECT.exec(narration);
  if (
    perfect &&
    SPOKEN_ACT.test(narration.slice(perfect.index)) &&
    !GROUP_SUBJECT.test(narration.slice(0, perfect.index))
  ) {
    const act = SPOKEN_ACT.exec(narration.slice(perfect.index))!;
    return { earlier: true, text: words(perfect.index, perfect.index + act.index + act[0].length) };
  }
  if (!published) return undefined;
  let during: Cue | undefined;
  for (const mention of dateMentions(narration, published)) {
    const before = narration.slice(0, mention.start);
    const after = narration.slice(mention.end);
    if (FUTURE.test(before) || SPAN_BOUND.test(before)) continue;
    const dated = OCCASION_AFTER.test(after);
    // a year alone dates a speaking only as "in 2016" or "a 2016 speech"; "the 1965 treaty" is a name
    if (/^\d{4}$/.test(mention.text) && !dated && !/\bin\s+$/i.test(before)) continue;
    // the date must date a speaking: in a sentence about one, or right before an occasion noun
    if (!dated && !SPEAKING.test(narration)) continue;
    const text = words(mention.start, mention.end);
    if (mention.last < (mention.first === mention.last ? timeline.before : timeline.beforeMonth))
      return { earlier: true, text };
    during ??= { earlier: false, text };
  }
  return during;
}

/**
 * A sentence's narration as far as it is the quote's: relative clauses that do not hold the quote
 * ("the man who moves into the White House on January 20th") and what a speech verb reports ("told
 * reporters on Saturday that the missiles fired earlier this month …") are other times than the quote's.
 */
/** Any speech verb, compiled once (it is long). */
const SPEECH_VERB_PATTERN = new RegExp(String.raw`\b(?:${[...SPEECH_VERBS].join('|')})\b`, 'giu');

function ownNarration(plain: string, quotes: Array<[number, number]>): string {
  const chars = plain.split('');
  const holdsQuote = (from: number, to: number) => quotes.some(([a, b]) => a < to && from < b);
  const blank = (from: number, to: number) => {
    if (holdsQuote(from, to)) return;
    for (let i = from; i < to; i += 1) if (chars[i] !== '"') chars[i] = ' ';
  };
  for (const m of plain.matchAll(/\b(?:who|whom|whose|which)\b[^,;:.!?—–]*/giu)) blank(m.index, m.index + m[0].length);
  for (const v of plain.matchAll(SPEECH_VERB_PATTERN)) {
    const that = /^[^,;:.!?]*?\bthat\b/iu.exec(plain.slice(v.index + v[0].length));
    if (!that) continue;
    const from = v.index + v[0].length + that[0].length;
    const stop = /[;.!?]/.exec(plain.slice(from));
    // what is reported is not when it was said, even around a quote inside it: blank all but the quote
    for (let i = from; i < (stop ? from + stop.index : plain.length); i += 1)
      if (!quotes.some(([a, b]) => a <= i && i < b) && chars[i] !== '"') chars[i] = ' ';
  }
  return chars.join('');
}

/** Where the event's days start: its first day, else a week before publication (see EVENT_WINDOW_DAYS) or the month of it. */
function timelineOf(article: ArticleText): Timeline | undefined {
  const start = article.eventDates?.start;
  if (start) return { before: start, beforeMonth: start };
  // without the event's dates, a month before the month of publication is before the event
  if (article.published)
    return {
      before: addDays(article.published, -EVENT_WINDOW_DAYS),
      beforeMonth: `${article.published.slice(0, 7)}-01`,
    };
  return undefined;
}

/** For each quote (by anchor), whether the article reports it as said before the event, and the cue. */
export function findEarlierRemarks(article: ArticleText, quotes: ExtractedQuote[]): Map<string, EarlierFinding> {
  const timeline = timelineOf(article) ?? { before: '0000-00-00', beforeMonth: '0000-00-00' };
  const spans = new Map<number, QuoteSpan[]>();
  for (const q of quotes) for (const s of q.spans) spans.set(s.paragraph, [...(spans.get(s.paragraph) ?? []), s]);
  const views = new Map(
    article.paragraphs.map((p) => {
      const masked = maskQuotes(p.text, spans.get(p.index) ?? []);
      return [p.index, { text: p.text, masked, plain: blankParentheticals(masked), sentences: sentenceRanges(masked) }];
    }),
  );

  /**
   * The cue of a sentence of a paragraph, read in its narration without asides, except the aside that
   * holds the quote ("Abe, who told parliament in a speech last year that North Korea posed "…", did not …").
   */
  const sentenceCue = (paragraph: number, sentence: [number, number], span?: QuoteSpan): Cue | undefined => {
    const view = views.get(paragraph)!;
    const from = sentence[0];
    let to = sentence[1];
    let plain = view.plain;
    if (span && plain.slice(span.start, span.end) !== view.masked.slice(span.start, span.end)) {
      let a = span.start;
      let b = span.end;
      while (a > from && /[\s"“”]/u.test(plain.charAt(a - 1))) a -= 1;
      while (b < to && /[\s"“”]/u.test(plain.charAt(b))) b += 1;
      plain = plain.slice(0, a) + view.masked.slice(a, b) + plain.slice(b);
    }
    // a relative clause after the quote is another time: "…," he said of the launches, which X has identified
    const after = span ? span.end : from;
    const relative = /,\s+(?:which|who|whom|whose|where)\b/u.exec(plain.slice(after, to));
    if (relative) to = after + relative.index;
    const quoted = (spans.get(paragraph) ?? []).map((q): [number, number] => [q.start - from, q.end - from]);
    return cueIn(ownNarration(plain.slice(from, to), quoted), view.text, from, timeline, article.published);
  };

  /**
   * A sentence with no time of its own takes the time of the paragraph's sentence before it that is about
   * speaking ("In a speech in September, Trump threatened … . "…," he said.") — unless a sentence between
   * names another time, quotes someone (its time went to its own quote), or reports speaking of its own.
   */
  const carried = (paragraph: number, sentence: [number, number]): Cue | undefined => {
    const view = views.get(paragraph)!;
    const before = view.sentences.filter(([, end]) => end <= sentence[0]).reverse();
    for (const s of before) {
      if ((spans.get(paragraph) ?? []).some((o) => o.start >= s[0] && o.start < s[1])) return undefined;
      const narration = view.plain.slice(s[0], s[1]);
      const cue = sentenceCue(paragraph, s);
      const speaks = SPEAKING.test(narration);
      if (cue?.earlier && speaks) return cue;
      if (cue || speaks || (article.published && dateMentions(narration, article.published).length > 0))
        return undefined;
    }
    return undefined;
  };

  const bySpan = (q: ExtractedQuote): EarlierFinding => {
    for (const span of q.spans) {
      const view = views.get(span.paragraph)!;
      // a so-called term is nobody's remark, earlier or not
      if (/\bso-called\s*\S?$/iu.test(view.masked.slice(0, span.start))) return { earlier: false };
      const sentence = sentenceAt(view.sentences, span.start, view.masked.length);
      // speaking in the present tense ("Many South Koreans reply that …") is now: nothing to carry
      const now = PRESENT_SPEECH.test(view.plain.slice(...sentence));
      const cue = sentenceCue(span.paragraph, sentence, span) ?? (now ? undefined : carried(span.paragraph, sentence));
      if (cue) return cue.earlier ? { earlier: true, cue: cue.text } : { earlier: false };
    }
    return { earlier: false };
  };

  const found = new Map(quotes.map((q) => [q.anchor, bySpan(q)]));
  // one utterance, one occasion: a cue by any of its parts holds for all
  const byUtterance = new Map<string, EarlierFinding>();
  for (const q of quotes) {
    const f = found.get(q.anchor)!;
    if (f.earlier && !byUtterance.get(q.utterance)?.earlier) byUtterance.set(q.utterance, f);
  }
  for (const q of quotes) {
    const shared = byUtterance.get(q.utterance);
    if (shared) found.set(q.anchor, shared);
  }
  return found;
}
