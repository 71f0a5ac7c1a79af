/**
 * An editor's corrections (an article's frontmatter `quotes:` list), checked once against the quotes the
 * engine found and the people and topics that exist, and looked up by a quote's text.
 */
import type { ArticleText, Person, QuoteOverride, TopicDefinition } from './types.ts';

/** Whitespace-insensitive form of a quote's text, for matching overrides. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The overrides by normalised text. Each must name a quote of the article and, where it gives them, a
 * known person and known topics; the error names the override by its place in the list.
 */
export function overridesByText(
  article: ArticleText,
  quotes: Array<{ text: string }>,
  overrides: QuoteOverride[],
  known: { people?: Person[]; topics?: TopicDefinition[] },
): Map<string, QuoteOverride> {
  const texts = new Set(quotes.map((q) => normalizeText(q.text)));
  const people = known.people && new Set(known.people.map((p) => p.id));
  const topics = known.topics && new Set(known.topics.map((t) => t.id));
  const map = new Map<string, QuoteOverride>();
  for (const [i, o] of overrides.entries()) {
    const where = `quotes[${i}]`;
    if (!texts.has(normalizeText(o.text)))
      throw new Error(`${where}.text: no quotation in article "${article.id}" has the text "${o.text}"`);
    if (people && o.speaker !== undefined && o.speaker !== null && !people.has(o.speaker))
      throw new Error(
        `${where}.speaker: unknown person "${o.speaker}" for the quote "${o.text}" in article "${article.id}"`,
      );
    for (const id of topics ? (o.topics ?? []) : [])
      if (!topics!.has(id))
        throw new Error(`${where}.topics: unknown topic "${id}" for the quote "${o.text}" in article "${article.id}"`);
    map.set(normalizeText(o.text), o);
  }
  return map;
}
