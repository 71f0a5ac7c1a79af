/**
 * An editor's corrections (an article's frontmatter `quotes:` list), checked once against the quotes the
 * engine found and the people and topics that exist, and looked up by a quote's text.
 */
import type { ArticleText, Evidence, Person, QuoteOverride, TopicDefinition } from './types.ts';

/** What an editor decided is certain: the evidence of an overridden speaker or topic list. */
export const OVERRIDDEN: Evidence = {
  keys: ['override'],
  because: "an editor's override in the article's frontmatter",
};

/** Whether a decision is an editor's (OVERRIDDEN): certain, never calibrated nor reviewed. */
export const isOverridden = (evidence: Evidence): boolean => evidence.keys[0] === OVERRIDDEN.keys[0];

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
  const list = (ids: Set<string>) => [...ids].sort().join(', ');
  for (const [i, o] of overrides.entries()) {
    const field = (name: string) => `article "${article.id}": field "quotes[${i}].${name}"`;
    if (!texts.has(normalizeText(o.text))) throw new Error(`${field('text')}: no quotation has the text "${o.text}"`);
    if (people && o.speaker !== undefined && o.speaker !== null && !people.has(o.speaker))
      throw new Error(`${field('speaker')}: unknown person "${o.speaker}" (known: ${list(people)})`);
    for (const id of topics ? (o.topics ?? []) : [])
      if (!topics!.has(id)) throw new Error(`${field('topics')}: unknown topic "${id}" (known: ${list(topics!)})`);
    map.set(normalizeText(o.text), o);
  }
  return map;
}
