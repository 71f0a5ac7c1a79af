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
 * anything matches decides (every topic matching at that step is kept):
 *   1. terms in the quote itself, then its clause (the narration between the commas,
 *      semicolons, dashes or "and"/"but" around it: `a "free, fair and reciprocal" trade
 *      relationship`), its sentence, its paragraph, its section heading;
 *   2. context cues in the narration (never inside quotes) of its clause, sentence, paragraph
 *      — the reporter's own framing ("On North Korea, Trump said ...");
 *   3. terms, then narration context cues, in the previous paragraph of the same section;
 *   4. context cues inside the quote (a passing mention of "North Korea");
 *   5. terms in the article's lead paragraph, which states what the story is about.
 * Terms match case-insensitively as whole words or phrases, with simple inflections
 * (missile/missiles, threaten/threatened, ally/allies); a trailing * matches any ending
 * (abduct* → abductee, abduction). An override's `topics` replace the result.
 */
export function classifyQuotes(
  article: ArticleText,
  quotes: AttributedQuote[],
  topics: TopicDefinition[],
  overrides: QuoteOverride[] = [],
): ClassifiedQuote[] {
  const topicOverrides = checkTopicOverrides(article, quotes, overrides, topics);
  const matchers = topics.map((t) => ({
    id: t.id,
    strong: compileTerms(t.terms),
    weak: compileTerms(t.context ?? []),
  }));
  const masked = maskedParagraphs(article.paragraphs, quotes);
  return quotes.map((quote) => {
    const override = topicOverrides.get(normalizeText(quote.text));
    if (override?.topics) return { ...quote, topics: [...override.topics] };
    const c = contextLevels(article.paragraphs, masked, quote);
    const steps: Array<[string, 'strong' | 'weak']> = [
      [c.quote, 'strong'],
      [c.clause, 'strong'],
      [c.sentence, 'strong'],
      [c.paragraph, 'strong'],
      [c.heading, 'strong'],
      [c.clauseNarration, 'weak'],
      [c.sentenceNarration, 'weak'],
      [c.paragraphNarration, 'weak'],
      [c.previous, 'strong'],
      [c.previousNarration, 'weak'],
      [c.quote, 'weak'],
      [c.lead, 'strong'],
    ];
    for (const [text, key] of steps) {
      const found = matchers.filter((m) => m[key] !== null && m[key]!.test(text)).map((m) => m.id);
      if (found.length > 0) return { ...quote, topics: found };
    }
    return { ...quote, topics: [] };
  });
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
