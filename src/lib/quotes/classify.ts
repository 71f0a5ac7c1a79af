import { STOPWORDS } from './lexicon.ts';
import { normalizeText, OVERRIDDEN, overridesByText } from './overrides.ts';
import { sentenceRanges } from './clauses.ts';
import { maskQuotes, paragraphAt } from './extract.ts';
import type {
  ArticleText,
  AttributedQuote,
  ClassifiedQuote,
  Evidence,
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
 * A topic's `ambiguous` words ("threat", "war", "economic") count unless the quote's paragraph
 * or the one before it names another topic and not this one ("a tariff threat" is trade); its
 * `paired` words ("families") count only where its own terms stand there too ("abducted").
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
  const topicOverrides = overridesByText(article, quotes, overrides, { topics });
  const masked = maskedParagraphs(article.paragraphs, quotes);
  const reader = new TopicReader(article.paragraphs, masked, matchersFor(topics), smallTalkPattern(smallTalk));
  return quotes.map((quote) => {
    const override = topicOverrides.get(normalizeText(quote.text));
    if (override?.topics) return { ...quote, topics: [...override.topics], topicsEvidence: OVERRIDDEN };
    const { topics: found, evidence } = reader.decide(contextLevels(article.paragraphs, masked, quote), quote);
    return { ...quote, topics: found, topicsEvidence: evidence };
  });
}

interface Matcher {
  id: string;
  strong: RegExp | null;
  weak: RegExp | null;
  /** Terms that count only where the neighbourhood names no other topic instead. */
  ambiguous: RegExp | null;
  /** Terms that count only where the neighbourhood names this topic by its own terms. */
  paired: RegExp | null;
}

/**
 * The topics' patterns, compiled once per topics list and small-talk list, not once per article: a
 * topic's terms make a large pattern, and the engine compiles other patterns per article (people's
 * names) that would push these out of the regular-expression cache.
 */
const MATCHERS = new WeakMap<TopicDefinition[], Matcher[]>();
function matchersFor(topics: TopicDefinition[]): Matcher[] {
  let matchers = MATCHERS.get(topics);
  if (!matchers)
    MATCHERS.set(
      topics,
      (matchers = topics.map((t) => ({
        id: t.id,
        strong: globalOf(compileTerms(t.terms)),
        weak: globalOf(compileTerms(t.context ?? [])),
        ambiguous: globalOf(compileTerms(t.ambiguous ?? [])),
        paired: globalOf(compileTerms(t.paired ?? [])),
      }))),
    );
  return matchers;
}
const SMALL_TALK = new WeakMap<string[], RegExp | null>();
function smallTalkPattern(terms: string[]): RegExp | null {
  if (!SMALL_TALK.has(terms)) SMALL_TALK.set(terms, compileTerms(terms)); // used with .test: not global
  return SMALL_TALK.get(terms)!;
}
/** The global form of a pattern, for counting its matches with String.match. */
function globalOf(re: RegExp | null): RegExp | null {
  return re && new RegExp(re.source, 'giu');
}

/** "Despite the tension over trade, …": what a concessive phrase sets aside is not what the sentence is about. */
const CONCESSIVE = /(?<![\p{L}])(?:despite|in spite of|notwithstanding|aside from|apart from)(?![\p{L}])[^,;.!?]*/giu;

/** Narration words that carry meaning: no stop words, attribution words or one- and two-letter words. */
const FILLER = new Set([
  ...STOPWORDS,
  ...'told tells added adds noted asked according after before during since until one two three first last later earlier both each'.split(
    ' ',
  ),
]);

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

/**
 * One article's topic decisions. It counts topic words in the texts around each quote and
 * remembers the counts, since every quote of a paragraph reads the same paragraph texts.
 */
class TopicReader {
  private byIndex: Map<number, Paragraph>;
  private masked: Map<number, string>;
  private matchers: Matcher[];
  private smallTalk: RegExp | null;
  private counts = new Map<RegExp, Map<string, number>>();
  private named = new Map<string, Set<string>>();

  constructor(paragraphs: Paragraph[], masked: Map<number, string>, matchers: Matcher[], smallTalk: RegExp | null) {
    this.byIndex = new Map(paragraphs.map((p) => [p.index, p]));
    this.masked = masked;
    this.matchers = matchers;
    this.smallTalk = smallTalk;
  }

  /** The topics of one quote (steps in the doc comment of classifyQuotes), with the evidence they rest on. */
  decide(c: Levels, quote: AttributedQuote): { topics: string[]; evidence: Evidence } {
    const d = this.decision(c, quote);
    return { topics: d.topics, evidence: this.evidence(d, quote, c) };
  }

  private decision(c: Levels, quote: AttributedQuote): Decision {
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
    const none = (step: string): Decision => ({ step, topics: [], text: '', key: 'strong', scope: '' });
    if (this.smallTalkQuote(c.quote)) return none('small-talk');
    for (const [step, text, key, scope] of steps) {
      // small talk with no topic named in its paragraph is "other", whatever its section heading says
      if (step === 'heading' && this.smallTalkOnly(first)) return none('small-talk');
      const found = this.dominant(text, key, step === 'quote', scope);
      if (found.length > 0) return { step, topics: found, text, key, scope };
    }
    // a paragraph that says much and names no topic is about something else (the golf, the dinner)
    if (this.offTopic(first)) return none('off-topic');
    const inherited = this.inherited(first, new Set(quote.spans.map((s) => s.paragraph)));
    if (inherited && inherited.topics.length > 0) return { step: 'carried', ...inherited };
    const weakInQuote = this.dominant(c.quote, 'weak');
    if (weakInQuote.length > 0)
      return { step: 'quote-cue', topics: weakInQuote, text: c.quote, key: 'weak', scope: '' };
    const weakInParagraph = this.dominant(c.paragraph, 'weak');
    if (weakInParagraph.length > 0)
      return { step: 'paragraph-cue', topics: weakInParagraph, text: c.paragraph, key: 'weak', scope: '' };
    // after a change of subject, only the quote's own paragraph could have named a topic
    if (inherited) return none('subject-changed');
    // a section whose heading names no topic ("Dinner at Trump Tower") is not what the lead is about
    if (c.heading !== '') return none('section-off-topic');
    const lead = this.dominant(c.lead, 'strong');
    return lead.length ? { step: 'lead', topics: lead, text: c.lead, key: 'strong', scope: c.lead } : none('nothing');
  }

  /**
   * A decision as evidence: the step that decided, whether other topics were named there and lost, how
   * many cue words carried it, and the words themselves for the editor.
   */
  private evidence(d: Decision, quote: AttributedQuote, c: Levels): Evidence {
    const place = STEP_WORDS[d.step] ?? d.step;
    const count = d.topics.length === 0 ? 'none' : d.topics.length === 1 ? 'one' : 'several';
    // a second opinion: the topics the quote's paragraph and the one before name, quotes and all
    const second = this.dominant(`${c.previous}\n\n${c.paragraph}`, 'strong');
    const opinion =
      second.length === 0
        ? 'around-silent'
        : second.length === d.topics.length && second.every((t) => d.topics.includes(t))
          ? 'around-agrees'
          : d.topics.some((t) => second.includes(t))
            ? 'around-partly'
            : 'around-differs';
    // whether the quote's own words hold any topic's cue, however weak: a topic read only from around it is a guess
    const own = this.matchers.some((m) =>
      [m.strong, m.weak, m.ambiguous, m.paired].some((re) => this.count(re, c.quote) > 0),
    )
      ? 'cue-in-quote'
      : 'no-cue-in-quote';
    if (d.topics.length === 0) {
      const keys = [
        d.step,
        `${d.step}/${opinion}`,
        `${d.step}/${opinion}/${own}`,
        `${d.step}/${opinion}/${own}/${quote.kind}`,
      ];
      const around = second.length ? `; the paragraph names ${second.join(' and ')}` : '';
      return { keys, because: `no topic: ${place}${around}` };
    }
    const tally = this.tally(d.text, d.key, d.scope);
    const losers = tally.filter((t) => t.n > 0 && !d.topics.includes(t.id));
    const cues = tally.filter((t) => d.topics.includes(t.id)).reduce((sum, t) => sum + t.n, 0);
    const contest = losers.length ? 'contested' : 'clear';
    const strength = cues > d.topics.length ? 'several-cues' : 'one-cue';
    const keys = [
      d.step,
      `${d.step}/${opinion}`,
      `${d.step}/${opinion}/${own}`,
      `${d.step}/${opinion}/${own}/${count}-${contest}`,
      `${d.step}/${opinion}/${own}/${count}-${contest}/${strength}`,
    ];
    const words = (ids: string[]) => ids.map((id) => `"${this.cueWord(id, d.text, d.key) ?? id}" (${id})`).join(', ');
    let because = `${words(d.topics)} ${place}`;
    if (d.step === 'carried' && d.from !== undefined)
      because = `no topic word in the quote or its paragraph; ${words(d.topics)} carried over from paragraph ${d.from}`;
    if (losers.length) because += `; also named there, fewer times: ${words(losers.map((l) => l.id))}`;
    if (opinion === 'around-differs' || opinion === 'around-partly')
      because += `; the text around it (this paragraph and the one before) leans to ${second.join(' and ')}`;
    return { keys, because };
  }

  /** The first word of a topic's vocabulary a text holds, as printed. */
  private cueWord(id: string, text: string, key: 'strong' | 'weak'): string | undefined {
    const m = this.matchers.find((x) => x.id === id);
    if (!m) return undefined;
    for (const re of key === 'strong' ? [m.strong, m.ambiguous, m.paired] : [m.weak]) {
      if (!re) continue;
      re.lastIndex = 0; // global (matchersFor): exec from the start, then leave it as count() expects
      const found = re.exec(text.replace(CONCESSIVE, (x) => ' '.repeat(x.length)));
      re.lastIndex = 0;
      if (found) return found[0];
    }
    return undefined;
  }

  /**
   * Topics whose cues a text holds. Around the quote, a topic must hold more than half of the
   * leading topic's matches (or tie with it); in the quote's own words (`all`) every topic named
   * counts. An ambiguous word keeps its topic unless `scope` names another topic and not this one:
   * a "tariff threat" or a "trade war" is not security.
   */
  private dominant(text: string, key: 'strong' | 'weak', all = false, scope = text): string[] {
    const counts = this.tally(text, key, scope);
    const top = Math.max(0, ...counts.map((c) => c.n));
    if (top === 0) return [];
    return counts.filter((c) => (all ? c.n > 0 : c.n * 2 > top || c.n === top)).map((c) => c.id);
  }

  /** Each topic's cue count in a text (dominant's arithmetic). */
  private tally(text: string, key: 'strong' | 'weak', scope = text): Array<{ id: string; n: number }> {
    const namedHere = key === 'strong' ? this.topicsNamed(scope) : new Set<string>();
    return this.matchers.map((m) => ({
      id: m.id,
      n:
        this.count(m[key], text) +
        (key === 'strong' && (namedHere.has(m.id) || namedHere.size === 0) ? this.count(m.ambiguous, text) : 0) +
        (key === 'strong' && namedHere.has(m.id) ? this.count(m.paired, text) : 0),
    }));
  }

  /** The topics whose unambiguous terms or cues a text holds. */
  private topicsNamed(text: string): Set<string> {
    let named = this.named.get(text);
    if (!named) {
      named = new Set(
        this.matchers.filter((m) => this.count(m.strong, text) > 0 || this.count(m.weak, text) > 0).map((m) => m.id),
      );
      this.named.set(text, named);
    }
    return named;
  }

  /** Matches of a pattern in a text, concessive phrases set aside. */
  private count(re: RegExp | null, text: string): number {
    if (re === null || text === '') return 0;
    let seen = this.counts.get(re);
    if (!seen) this.counts.set(re, (seen = new Map()));
    let n = seen.get(text);
    if (n === undefined) {
      n = text.replace(CONCESSIVE, ' ').match(re)?.length ?? 0; // `re` is global (matchersFor)
      seen.set(text, n);
    }
    return n;
  }

  /** The paragraph names a topic anywhere, quotes included: a quote that mentions North Korea is not small talk. */
  private cues(index: number): boolean {
    const p = this.byIndex.get(index);
    return p !== undefined && this.topicsNamed(p.text).size > 0;
  }

  /** The text uses a small-talk word (the golf, the dinner; a "working dinner" is where business is done). */
  private mentionsSmallTalk(text: string): boolean {
    return (
      this.smallTalk !== null && this.smallTalk.test(text.replace(/\bworking\s+(?:breakfast|lunch|dinner)s?\b/giu, ' '))
    );
  }

  /** The paragraph is about the visit's social side (the golf, the dinner) and names no topic. */
  private smallTalkOnly(index: number): boolean {
    const p = this.byIndex.get(index);
    if (!p || !this.mentionsSmallTalk(p.text)) return false;
    return !this.cues(index) && !REFERS_BACK.test(this.masked.get(index) ?? '');
  }

  /** The quote's own words are the social side ("We've become very good friends") and name no topic, not even loosely. */
  private smallTalkQuote(text: string): boolean {
    if (!this.mentionsSmallTalk(text)) return false;
    return this.topicsNamed(text).size === 0 && this.matchers.every((m) => this.count(m.ambiguous, text) === 0);
  }

  private offTopic(index: number): boolean {
    const narration = this.masked.get(index) ?? '';
    return !this.cues(index) && !REFERS_BACK.test(narration) && meaningfulWords(narration) >= OFF_TOPIC_WORDS;
  }

  /** The topics of the nearest earlier paragraph of the section that has any, read through quote-only paragraphs. */
  private inherited(
    index: number,
    covered: Set<number>,
  ): Pick<Decision, 'topics' | 'text' | 'key' | 'scope' | 'from'> | undefined {
    const own = this.byIndex.get(index);
    for (let back = 1; back <= LOOK_BACK; back += 1) {
      const p = this.byIndex.get(index - back);
      if (!p || p.heading !== own?.heading) return undefined;
      if (covered.has(p.index)) continue;
      const before = this.byIndex.get(p.index - 1);
      const scope = before && before.heading === p.heading ? `${before.text}\n\n${p.text}` : p.text;
      const strong = this.dominant(p.text, 'strong', false, scope);
      if (strong.length > 0) return { topics: strong, text: p.text, key: 'strong', scope, from: p.index };
      const narration = this.masked.get(p.index) ?? '';
      const weak = this.dominant(narration, 'weak');
      if (weak.length > 0) return { topics: weak, text: narration, key: 'weak', scope: '', from: p.index };
      // the paragraph before changed the subject
      if (this.offTopic(p.index)) return { topics: [], text: '', key: 'strong', scope: '', from: p.index };
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

function maskedParagraphs(paragraphs: Paragraph[], quotes: AttributedQuote[]): Map<number, string> {
  const spans = new Map<number, QuoteSpan[]>();
  for (const q of quotes) for (const s of q.spans) append(spans, s.paragraph, s);
  return new Map(paragraphs.map((p) => [p.index, maskQuotes(p.text, spans.get(p.index) ?? [])]));
}

/** How one quote's topics were decided: the step, the text and cue strength it read, and for a carried topic, from where. */
interface Decision {
  step: string;
  topics: string[];
  text: string;
  key: 'strong' | 'weak';
  scope: string;
  from?: number;
}

/** Where each step of TopicReader.decision found its cue (or found none), in an editor's words. */
const STEP_WORDS: Record<string, string> = {
  quote: 'in the quote',
  clause: "in the quote's clause",
  sentence: "in the quote's sentence",
  'clause-narration': "in the reporter's framing of the quote's clause",
  'sentence-narration': "in the reporter's framing of its sentence",
  paragraph: "in the quote's paragraph",
  heading: 'in the section heading',
  'paragraph-narration': "in the reporter's framing of its paragraph",
  carried: 'carried over from an earlier paragraph',
  'quote-cue': 'a loose cue in the quote',
  'paragraph-cue': 'a loose cue in its paragraph',
  lead: "in the article's lead paragraph, which says what the story is about",
  'small-talk': 'the paragraph is small talk (the golf, the dinner) and names no topic',
  'off-topic': 'the paragraph says much and names no topic',
  'subject-changed': 'no topic word near it, and the paragraph before changed the subject',
  'section-off-topic': 'no topic word near it, and its section is about something else',
  nothing: 'no topic word in the quote, its paragraph or the article lead',
};

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
