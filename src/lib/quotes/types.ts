/**
 * The quote engine's vocabulary. Pure data: no Astro, no clock, no I/O.
 *
 * Flow: ArticleText --extract--> ExtractedQuote[] --attribute--> AttributedQuote[]
 *       --classify--> ClassifiedQuote[] --align (across articles)--> Statement[]
 */

/** One block of article body text as the reader sees it (plain text, no markup). */
export interface Paragraph {
  /** 1-based position among the body's paragraphs (headings are not counted). */
  index: number;
  /** Stable DOM id of the paragraph on the article page, e.g. "p3". */
  id: string;
  /** Plain text of the paragraph, exactly as rendered. */
  text: string;
  /** Text of the nearest preceding section heading, or null before the first one. */
  heading: string | null;
}

/** The parts of an article the engine reads. */
export interface ArticleText {
  /** Article id (the content entry id / slug). */
  id: string;
  /** Outlet id. */
  outlet: string;
  /** Event id. */
  event: string;
  /** Headline (never searched for quotes). */
  title: string;
  /** Body paragraphs in reading order. */
  paragraphs: Paragraph[];
  /** Publication day, YYYY-MM-DD: calendar words without a year ("in January", "Wednesday") are dated from it. */
  published?: string;
  /** The event's first and last days, YYYY-MM-DD, when known: a remark dated before `start` is an earlier one. */
  eventDates?: { start: string; end: string };
}

/** A speaker, from content/people.json. */
export interface Person {
  /** Stable id, e.g. "trump". */
  id: string;
  /** Canonical display name, e.g. "Donald Trump". */
  name: string;
  /** Role at the time of the coverage, e.g. "President of the United States". */
  role: string;
  /** Pronoun used for this person in running text. */
  pronoun: 'he' | 'she' | 'they';
  /** Other ways articles name this person: surnames, titles, descriptions ("the president", "the Japanese premier"). */
  aliases: string[];
}

/** A topic, from content/topics.json. Its terms live in content, not in code. */
export interface TopicDefinition {
  id: string;
  title: string;
  description: string;
  /** Words and phrases that place a quote under this topic (case-insensitive, whole words). */
  terms: string[];
  /**
   * Weaker cues ("North Korea", "Pyongyang"): they place a quote under this topic only when no
   * topic's `terms` match anywhere around the quote.
   */
  context?: string[];
  /**
   * Words that name the topic unless the text around them names another topic and not this one
   * ("threat", "pressure", "war"): a "tariff threat" or a "trade war" in a paragraph about cars is
   * not security.
   */
  ambiguous?: string[];
  /**
   * Words that name the topic only where one of its `terms` stands in the quote's paragraph or the one
   * before ("families", "relatives", "bring them back": abductees beside "abducted", anything elsewhere).
   */
  paired?: string[];
}

/** An editor's correction for one quote, from the article's frontmatter `quotes:` list. */
export interface QuoteOverride {
  /** The quote text exactly as it stands between the quotation marks. */
  text: string;
  /** Person id to attribute it to, or null to mark it deliberately unattributed. */
  speaker?: string | null;
  /** Topic ids that replace the classifier's choice. */
  topics?: string[];
  /**
   * "alone": the quote reports an utterance no other article's quote does; or a statement id ("s-<quote id>"):
   * the quote reports that statement's utterance. Replaces the alignment's grouping for this quote.
   */
  statement?: string;
}

/** The span of a quote inside one paragraph: offsets into Paragraph.text. */
export interface QuoteSpan {
  /** Paragraph.index. */
  paragraph: number;
  /** Offset of the first character after the opening mark. */
  start: number;
  /** Offset of the closing mark (exclusive end of the quoted text). */
  end: number;
}

export type QuoteKind = 'full' | 'fragment';

export interface ExtractedQuote {
  /** Anchor on the article page, unique within the article, stable across builds: "q<paragraph>-<n>". */
  anchor: string;
  /**
   * Exactly the characters between the quotation marks. For a quote that runs over
   * several paragraphs, the spans' texts joined by "\n\n" (the continuation marks are not part of it).
   */
  text: string;
  /** One span per paragraph the quote covers (one for most quotes). */
  spans: QuoteSpan[];
  kind: QuoteKind;
  /**
   * Quotes of one utterance share this key (a quotation split by its attribution:
   * "No one likes conflict," he said. "But ..."). Equal to the first part's anchor.
   */
  utterance: string;
}

export type AttributionMethod =
  | 'override'
  | 'post' // "...," Trump said / said Trump
  | 'pre' // Abe said: "..." / Trump told reporters "..."
  | 'pronoun' // he said, after a named person
  | 'alias' // the president said / the Japanese premier said
  | 'according-to'
  | 'continuation' // a quote in the same utterance or a following bare quote paragraph
  | 'none';

/**
 * Why the engine decided as it did: the circumstances a confidence is read from (confidence.ts), and the
 * reason in words an editor checking the decision reads (`npm run review`).
 */
export interface Evidence {
  /**
   * The decision's circumstances, from general to specific: ["post", "post/name", "post/name/here",
   * "post/name/here/listed"]. The calibration table (calibration.json) holds how often each was right.
   */
  keys: string[];
  /** The reason in plain words: `"Trump said" right after the quote`. */
  because: string;
}

export interface AttributedQuote extends ExtractedQuote {
  /** Person id, or null when the text does not say who spoke. */
  speaker: string | null;
  /** How the speaker was found (for tests, eval and the curious reader). */
  attribution: AttributionMethod;
  /** What the speaker decision rests on (absent only on quotes made by hand, as in tests). */
  speakerEvidence?: Evidence;
}

export interface ClassifiedQuote extends AttributedQuote {
  /** Topic ids; empty means "other". */
  topics: string[];
  /** What the topic decision rests on (absent only on quotes made by hand). */
  topicsEvidence?: Evidence;
}

/** A quote placed in the corpus: the article's metadata plus the engine's findings. */
export interface Quote extends ClassifiedQuote {
  /** Globally unique id: "<article id>--<anchor>". */
  id: string;
  article: string;
  outlet: string;
  event: string;
  /** Statement id this quote belongs to. */
  statement: string;
  /** How likely the speaker is right, 0 to 1, calibrated on the labelled sets (1: an editor's override). */
  speakerConfidence: number;
  /** How likely the topics are right, 0 to 1, calibrated likewise. */
  topicsConfidence: number;
  /**
   * Whether the article reports the quote as said before the event ("in January", "has called").
   * buildQuoteCorpus sets it on every quote; optional so that quotes made elsewhere (tests, the bench) need not.
   */
  earlier?: boolean;
  /** The article's words that say so ("last year"), for an editor's review; absent when not earlier. */
  earlierCue?: string;
}

/** A quote placed in the corpus before alignment groups it and the calibration reads its evidence. */
export type PlacedQuote = Omit<Quote, 'statement' | 'speakerConfidence' | 'topicsConfidence'>;

/** A word-level difference between two versions of a statement. */
export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

/** One utterance as one or more outlets quoted it. */
export interface Statement {
  /** Stable id derived from its first quote: "s-<quote id>". */
  id: string;
  event: string;
  /** Person id, or null. */
  speaker: string | null;
  /** Quote ids, in corpus order. */
  quotes: string[];
  /** Outlet ids (unique, sorted). */
  outlets: string[];
  /** Union of its quotes' topics. */
  topics: string[];
  /** How likely the grouping is right (these quotes, and no others, report one utterance), 0 to 1. */
  confidence: number;
  /** What the grouping rests on. */
  evidence: Evidence;
  /** Every quote of it is an earlier remark (set by buildQuoteCorpus). */
  earlier?: boolean;
}
