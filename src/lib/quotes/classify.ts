import { normalizeText } from './attribute.ts';
import { maskQuotes, paragraphAt, sentenceRanges } from './extract.ts';
import type {
  ArticleText,
  AttributedQuote,
  ClassifiedQuote,
  Paragraph,
  QuoteOverride,
  QuoteSpan,
  TopicDefinition,
} from './types.ts';
import { append } from './collections.ts';

/**
 * Places each quote under zero or more topics.
 *
 * Topic `terms` are specific vocabulary ("missile", "tariff", "abduct*"); `context` cues are
 * weaker ("North Korea"). Texts are read from narrowest to widest and the FIRST step where
 * anything matches decides. In the quote's own words every topic named counts; around it a
 * topic must hold more than half of the leading topic's matches, or tie with it (so one
 * "threatened" does not make a paragraph about tariffs, imports and trade a security one).
 * What a concessive phrase sets aside ("Despite the tension over trade, …") is not counted.
 * A topic's `ambiguous` words ("threat", "war", "economic") count only where the quote's
 * paragraph or the one before it names the topic unambiguously ("a tariff threat" is trade).
 *   1. terms in the quote itself (a fragment's only together with its clause: invoked
 *      "national security" under a trade law), then its clause (the narration between the
 *      commas, semicolons, dashes or "and"/"but" around it: `a "free, fair and reciprocal"
 *      trade relationship`), its sentence, its paragraph; then, unless the paragraph is small
 *      talk (`smallTalk` words, no topic named: the golf, the dinner), its section heading;
 *   2. context cues in the narration (never inside quotes) of its clause, sentence, paragraph
 *      — the reporter's own framing ("On North Korea, Trump said ...");
 *   3. no topic when the paragraph changes the subject: it says much (OFF_TOPIC_WORDS
 *      meaningful narration words) and names no topic (the golf, the banquet, the "bromance")
 *      — unless it refers back ("this issue");
 *   4. the running topic: terms, then narration context cues, of the previous paragraph of the
 *      same section, reading further back (up to LOOK_BACK) only through paragraphs that are
 *      little more than a quote; a previous paragraph that changed the subject gives no topic;
 *   5. context cues inside the quote, then inside the paragraph's other quotes;
 *   6. outside any section, terms in the article's lead paragraph, which states what the story
 *      is about (a section whose heading names no topic, "Dinner at Trump Tower", is not).
 * Terms match case-insensitively as whole words or phrases, with simple inflections
 * (missile/missiles, threaten/threatened, ally/allies); a trailing * matches any ending
 * (abduct* → abductee, abduction). An override's `topics` replace the result.
 */
export function classifyQuotes(
  article: ArticleText,
  quotes: AttributedQuote[],
  topics: TopicDefinition[],
  overrides: QuoteOverride[] = [],
  smallTalk: string[] = [],
): ClassifiedQuote[] {
  const topicOverrides = checkTopicOverrides(article, quotes, overrides, topics);
  const matchers = topics.map((t) => ({
    id: t.id,
    strong: compileTerms(t.terms),
    weak: compileTerms(t.context ?? []),
    ambiguous: compileTerms(t.ambiguous ?? []),
  }));
  const masked = maskedParagraphs(article.paragraphs, quotes);
  const reader = new SectionReader(article.paragraphs, masked, matchers, compileTerms(smallTalk));
  return quotes.map((quote) => {
    const override = topicOverrides.get(normalizeText(quote.text));
    if (override?.topics) return { ...quote, topics: [...override.topics] };
    return {
      ...quote,
      topics: decide(contextLevels(article.paragraphs, masked, quote), matchers, reader, quote).topics,
    };
  });
}

interface Matcher {
  id: string;
  strong: RegExp | null;
  weak: RegExp | null;
  /** Terms that count only where `scope` also holds one of the topic's terms or cues. */
  ambiguous: RegExp | null;
}

/**
 * Topics whose cues a text holds. Around the quote, a topic must hold more than half of the
 * leading topic's matches (or tie with it); in the quote's own words every topic named counts.
 * A topic's ambiguous terms ("threat", "war") count when the paragraph the text belongs to
 * (`scope`) also names the topic unambiguously: a "tariff threat" or a "trade war" is not security.
 */
function dominant(matchers: Matcher[], text: string, key: 'strong' | 'weak', all = false, scope = text): string[] {
  const namedHere = key === 'strong' ? topicsNamed(matchers, scope) : new Set<string>();
  // an ambiguous word keeps its topic unless the neighbourhood names another topic and not this one
  const counts = matchers.map((m) => ({
    id: m.id,
    n:
      countMatches(m[key], text) +
      (key === 'strong' && m.ambiguous && (namedHere.has(m.id) || namedHere.size === 0)
        ? countMatches(m.ambiguous, text)
        : 0),
  }));
  const top = Math.max(0, ...counts.map((c) => c.n));
  if (top === 0) return [];
  return counts.filter((c) => (all ? c.n > 0 : c.n * 2 > top || c.n === top)).map((c) => c.id);
}

const namedCache = new WeakMap<Matcher[], Map<string, Set<string>>>();

/** The topics whose unambiguous terms or cues a text holds (cached: one paragraph is asked about many times). */
function topicsNamed(matchers: Matcher[], scope: string): Set<string> {
  let cache = namedCache.get(matchers);
  if (!cache) namedCache.set(matchers, (cache = new Map()));
  let named = cache.get(scope);
  if (!named) {
    named = new Set(
      matchers.filter((m) => countMatches(m.strong, scope) > 0 || countMatches(m.weak, scope) > 0).map((m) => m.id),
    );
    if (cache.size > 5_000) cache.clear();
    cache.set(scope, named);
  }
  return named;
}

/** "Despite the tension over trade, …": what a concessive phrase sets aside is not what the sentence is about. */
const CONCESSIVE = /(?<![\p{L}])(?:despite|in spite of|notwithstanding|aside from|apart from)(?![\p{L}])[^,;.!?]*/giu;

const globalForms = new WeakMap<RegExp, RegExp>();

const counted = new WeakMap<RegExp, Map<string, number>>();

/** Matches of a topic's pattern in a text, concessive phrases set aside (cached: paragraphs are read for every quote in them). */
function countMatches(re: RegExp | null, text: string): number {
  if (re === null || text === '') return 0;
  let global = globalForms.get(re);
  if (!global) globalForms.set(re, (global = new RegExp(re.source, 'giu')));
  let cache = counted.get(re);
  if (!cache) counted.set(re, (cache = new Map()));
  let n = cache.get(text);
  if (n === undefined) {
    n = text.replace(CONCESSIVE, ' ').match(global)?.length ?? 0;
    if (cache.size > 20_000) cache.clear();
    cache.set(text, n);
  }
  return n;
}

function decide(
  c: Levels,
  matchers: Matcher[],
  reader: SectionReader,
  quote: AttributedQuote,
): { topics: string[]; step: string } {
  // ambiguous terms need the topic named in the paragraph or the one before it
  const around = `${c.previous}\n\n${c.paragraph}`;
  const steps: Array<[string, string, 'strong' | 'weak', string]> = [
    ['quote', c.quote, 'strong', around],
    ['clause', c.clause, 'strong', around],
    ['sentence', c.sentence, 'strong', around],
    ['clause-narration', c.clauseNarration, 'weak', ''],
    ['sentence-narration', c.sentenceNarration, 'weak', ''],
    ['paragraph', c.paragraph, 'strong', around],
    ['heading', c.heading, 'strong', `${c.heading}\n\n${around}`],
    ['paragraph-narration', c.paragraphNarration, 'weak', ''],
  ];
  // a short phrase's own words are read with its clause: invoked "national security" under a trade law
  if (quote.kind === 'fragment') steps.shift();
  const first = quote.spans[0]!.paragraph;
  for (const [step, text, key, scope] of steps) {
    // small talk with no topic named in its paragraph is "other", whatever its section heading says
    if (step === 'heading' && reader.smallTalkOnly(first)) return { topics: [], step: 'small talk' };
    const found = dominant(matchers, text, key, step === 'quote', scope);
    if (found.length > 0) return { topics: found, step };
  }
  // a paragraph that says much and names no topic is about something else (the golf, the dinner)
  if (reader.offTopic(first)) return { topics: [], step: 'off-topic paragraph' };
  const inherited = reader.inherited(first, new Set(quote.spans.map((s) => s.paragraph)));
  if (inherited && inherited.topics.length > 0) return inherited;
  const weakInQuote = dominant(matchers, c.quote, 'weak');
  if (weakInQuote.length > 0) return { topics: weakInQuote, step: 'quote-weak' };
  const weakInParagraph = dominant(matchers, c.paragraph, 'weak');
  if (weakInParagraph.length > 0) return { topics: weakInParagraph, step: 'paragraph-weak' };
  // after a change of subject, only the quote's own paragraph could have named a topic
  if (inherited) return inherited;
  // a section whose heading names no topic ("Dinner at Trump Tower") is not what the lead is about
  if (c.heading !== '') return { topics: [], step: 'none' };
  const lead = dominant(matchers, c.lead, 'strong');
  return { topics: lead, step: lead.length ? 'lead' : 'none' };
}

/** Narration words that carry meaning: no stopwords, speech verbs or one- and two-letter words. */
const FILLER = new Set(
  (
    'the and but for with from into onto about over than then that this these those there here their they them ' +
    'was were been being are has have had its his her hers him she who whom whose which what when where while ' +
    'would could should will shall may might must can also just not very said says told tells added adds noted ' +
    'asked according after before during since until one two three first last later earlier some such both each'
  ).split(' '),
);

function meaningfulWords(narration: string): number {
  return (narration.match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter(
    (w) => w.length > 2 && !FILLER.has(w.toLowerCase()) && !/^[Xx]+$/.test(w),
  ).length;
}

/** At least this many meaningful narration words with no topic cue make a paragraph off-topic. */
export const OFF_TOPIC_WORDS = 15;
/** A paragraph whose narration has at most this many meaningful words is a quote carried by its context. */
export const CARRIED_WORDS = 8;
/** "this issue", "the same matter": the paragraph goes on with the subject before it. */
const REFERS_BACK =
  /\b(?:this|that|these|those|the same)\s+(?:issues?|matters?|subjects?|topics?|questions?|problems?|disputes?|points?|areas?|fronts?|concerns?)\b/i;
/** How many paragraphs back a quote may look for the running topic. */
const LOOK_BACK = 3;

/** Reads paragraphs of one section backwards: the running topic, or a change of subject. */
class SectionReader {
  private paragraphs: Paragraph[];
  private masked: Map<number, string>;
  private matchers: Matcher[];
  private smallTalk: RegExp | null;

  constructor(paragraphs: Paragraph[], masked: Map<number, string>, matchers: Matcher[], smallTalk: RegExp | null) {
    this.paragraphs = paragraphs;
    this.masked = masked;
    this.matchers = matchers;
    this.smallTalk = smallTalk;
  }

  /** The paragraph is about the visit's social side (the golf, the dinner) and names no topic. */
  smallTalkOnly(index: number): boolean {
    const p = this.at(index);
    if (!p || this.smallTalk === null) return false;
    // a "working dinner" is where business is done
    const text = p.text.replace(/\bworking\s+(?:breakfast|lunch|dinner)s?\b/giu, ' ');
    if (!this.smallTalk.test(text)) return false;
    return !this.cues(index) && !REFERS_BACK.test(this.masked.get(index) ?? '');
  }

  private at(index: number): Paragraph | undefined {
    return this.paragraphs.find((p) => p.index === index);
  }

  private cues(index: number): boolean {
    const p = this.at(index);
    if (!p) return false;
    // a quote that mentions North Korea is not small talk, whoever's words frame it
    return this.matchers.some((m) => countMatches(m.strong, p.text) > 0 || countMatches(m.weak, p.text) > 0);
  }

  offTopic(index: number): boolean {
    const narration = this.masked.get(index) ?? '';
    return !this.cues(index) && !REFERS_BACK.test(narration) && meaningfulWords(narration) >= OFF_TOPIC_WORDS;
  }

  /** The topics of the nearest earlier paragraph of the section that has any, read through quote-only paragraphs. */
  inherited(index: number, covered: Set<number>): { topics: string[]; step: string } | undefined {
    const own = this.at(index);
    for (let back = 1; back <= LOOK_BACK; back += 1) {
      const p = this.at(index - back);
      if (!p || p.heading !== own?.heading) return undefined;
      if (covered.has(p.index)) continue;
      const before = this.at(p.index - 1);
      const scope = before && before.heading === p.heading ? `${before.text}\n\n${p.text}` : p.text;
      const strong = dominant(this.matchers, p.text, 'strong', false, scope);
      if (strong.length > 0) return { topics: strong, step: `previous-${back}` };
      const weak = dominant(this.matchers, this.masked.get(p.index) ?? '', 'weak');
      if (weak.length > 0) return { topics: weak, step: `previous-${back}-narration` };
      if (this.offTopic(p.index)) return { topics: [], step: `previous-${back} off-topic` };
      // only a paragraph that is little more than a quote passes the running topic on
      if (meaningfulWords(this.masked.get(p.index) ?? '') > CARRIED_WORDS) return undefined;
    }
    return undefined;
  }
}

/** A regular expression matching any of the terms, or null for none. */
export function compileTerms(terms: string[]): RegExp | null {
  const patterns = terms.filter((t) => t.trim()).map(termPattern);
  return patterns.length ? new RegExp(patterns.join('|'), 'iu') : null;
}

function termPattern(term: string): string {
  const words = term.trim().split(/\s+/);
  const parts = words.map((word, i) => {
    if (word.endsWith('*')) return `${escape(word.slice(0, -1))}[\\p{L}\\p{N}]*`;
    const exact = escape(word);
    if (i < words.length - 1) return exact;
    if (/e$/i.test(word)) return `(?:${exact}(?:s|d)?|${escape(word.slice(0, -1))}ing)`;
    if (/[^aeiou]y$/i.test(word)) return `(?:${exact}|${escape(word.slice(0, -1))}(?:ies|ied))`;
    return `${exact}(?:s|es|ed|ing)?`;
  });
  return `(?<![\\p{L}\\p{N}])${parts.join('[\\s\\-]+')}(?![\\p{L}\\p{N}])`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]");
}

function checkTopicOverrides(
  article: ArticleText,
  quotes: AttributedQuote[],
  overrides: QuoteOverride[],
  topics: TopicDefinition[],
): Map<string, QuoteOverride> {
  const texts = new Set(quotes.map((q) => normalizeText(q.text)));
  const ids = new Set(topics.map((t) => t.id));
  const map = new Map<string, QuoteOverride>();
  for (const o of overrides) {
    if (!texts.has(normalizeText(o.text)))
      throw new Error(`quotes: no quotation in article "${article.id}" has the text "${o.text}"`);
    for (const id of o.topics ?? [])
      if (!ids.has(id))
        throw new Error(`quotes: unknown topic "${id}" for the quote "${o.text}" in article "${article.id}"`);
    map.set(normalizeText(o.text), o);
  }
  return map;
}

function maskedParagraphs(paragraphs: Paragraph[], quotes: AttributedQuote[]): Map<number, string> {
  const spans = new Map<number, QuoteSpan[]>();
  for (const q of quotes) for (const s of q.spans) append(spans, s.paragraph, s);
  return new Map(paragraphs.map((p) => [p.index, maskQuotes(p.text, spans.get(p.index) ?? [])]));
}

interface Levels {
  quote: string;
  clause: string;
  sentence: string;
  paragraph: string;
  heading: string;
  clauseNarration: string;
  sentenceNarration: string;
  paragraphNarration: string;
  previous: string;
  previousNarration: string;
  lead: string;
}

/** The texts around a quote, with and without the quoted words. */
function contextLevels(paragraphs: Paragraph[], masked: Map<number, string>, quote: AttributedQuote): Levels {
  const first = quote.spans[0]!;
  const paragraph = paragraphAt(paragraphs, first.paragraph);
  const narration = masked.get(paragraph.index) ?? paragraph.text;
  const sentence = sentenceRanges(narration).find(([a, b]) => a <= first.start - 1 && first.start - 1 < b) ?? [
    0,
    narration.length,
  ];
  const clause = clauseAround(narration, sentence, first, quote.spans.length === 1 ? first.end : narration.length);
  const covered = [...new Set(quote.spans.map((s) => s.paragraph))];
  const previous = paragraphs.find((p) => p.index === paragraph.index - 1);
  const samePart = previous && previous.heading === paragraph.heading && !covered.includes(previous.index);
  const lead = paragraphs[0] && paragraphs[0].index < paragraph.index - 1 ? paragraphs[0].text : '';
  return {
    quote: quote.text,
    clause: paragraph.text.slice(clause[0], clause[1]),
    sentence: paragraph.text.slice(sentence[0], sentence[1]),
    paragraph: covered.map((i) => paragraphAt(paragraphs, i).text).join('\n\n'),
    heading: paragraph.heading ?? '',
    clauseNarration: narration.slice(clause[0], clause[1]),
    sentenceNarration: narration.slice(sentence[0], sentence[1]),
    paragraphNarration: covered.map((i) => masked.get(i) ?? '').join('\n\n'),
    previous: samePart ? previous.text : '',
    previousNarration: samePart ? (masked.get(previous.index) ?? '') : '',
    lead,
  };
}

function clauseAround(narration: string, sentence: [number, number], span: QuoteSpan, end: number): [number, number] {
  const boundary = /[,;:()\u2014\u2013]|\s-\s|\b(?:and|but|while|whereas)\b/g;
  let start = sentence[0];
  let stop = sentence[1];
  for (const m of narration.slice(sentence[0], sentence[1]).matchAll(boundary)) {
    const at = sentence[0] + m.index!;
    if (at < span.start - 1) start = at + m[0].length;
    else if (at > end && at < stop) stop = at;
  }
  return [start, stop];
}
