import { alignQuotes } from './align.ts';
import { attributeArticle } from './attribute.ts';
import { classifyQuotes } from './classify.ts';
import { confidenceOf } from './confidence.ts';
import { findEarlierRemarks } from './earlier.ts';
import { extractQuotes } from './extract.ts';
import { quoteId } from './ids.ts';
import type { FoundPerson } from './names.ts';
import { normalizeText } from './overrides.ts';
import type {
  ArticleText,
  ClassifiedQuote,
  Person,
  PlacedQuote,
  Quote,
  QuoteOverride,
  Statement,
  TopicDefinition,
} from './types.ts';

export { alignQuotes, diffVersions, matchTokens } from './align.ts';
export { attributeQuotes } from './attribute.ts';
export { classifyQuotes } from './classify.ts';
export { confidenceOf } from './confidence.ts';
export { findEarlierRemarks } from './earlier.ts';
export type { EarlierFinding } from './earlier.ts';
export { extractQuotes } from './extract.ts';
export { quoteId } from './ids.ts';
export { nameKey, personId } from './names.ts';
export type { FoundPerson } from './names.ts';
export type * from './types.ts';

/** One article's quotes: found, attributed and classified; and the people it names that `people` does not list. */
export function analyzeArticle(
  article: ArticleText,
  people: Person[],
  topics: TopicDefinition[],
  overrides: QuoteOverride[] = [],
  smallTalk: string[] = [],
): { quotes: ClassifiedQuote[]; found: FoundPerson[] } {
  const { quotes, found } = attributeArticle(article, extractQuotes(article), people, overrides);
  return { quotes: classifyQuotes(article, quotes, topics, overrides, smallTalk), found };
}

/**
 * Editors' groupings (an override's `statement`), by quote id, each checked: "alone", or a statement id
 * "s-<quote id>" naming a quote of the same event in another article.
 */
function statementOverrides(
  articles: ArticleText[],
  quotes: PlacedQuote[],
  overridesByArticle: Record<string, QuoteOverride[]>,
): Map<string, 'alone' | { with: string }> {
  const fixed = new Map<string, 'alone' | { with: string }>();
  const byId = new Map(quotes.map((q) => [q.id, q]));
  const byText = new Map(quotes.map((q) => [`${q.article}\u0000${normalizeText(q.text)}`, q]));
  for (const article of articles) {
    for (const [i, o] of (overridesByArticle[article.id] ?? []).entries()) {
      if (o.statement === undefined) continue;
      const field = `article "${article.id}": field "quotes[${i}].statement"`;
      // analyzeArticle has checked every override's text (overridesByText): it names a quote of the article
      const quote = byText.get(`${article.id}\u0000${normalizeText(o.text)}`)!;
      if (o.statement === 'alone') {
        fixed.set(quote.id, 'alone');
        continue;
      }
      const target = byId.get(o.statement.replace(/^s-/, ''));
      if (!o.statement.startsWith('s-') || !target)
        throw new Error(`${field}: "${o.statement}" is neither "alone" nor a statement id (s-<quote id>, quotes.json)`);
      if (target.event !== quote.event || target.article === quote.article)
        throw new Error(
          `${field}: statement "${o.statement}" is not another article's quote of event "${quote.event}"`,
        );
      fixed.set(quote.id, { with: target.id });
    }
  }
  return fixed;
}

/** A speaker of the corpus: a listed person, or one the articles name (found: `listed` false). */
export interface Speaker extends Person {
  listed: boolean;
  /** How each article that quotes them describes them, in its own words (found people only). */
  descriptions: Array<{ article: string; text: string }>;
}

/** Every article's quotes, placed in the corpus and grouped into statements across outlets. */
export function buildQuoteCorpus(
  articles: ArticleText[],
  people: Person[],
  topics: TopicDefinition[],
  overridesByArticle: Record<string, QuoteOverride[]> = {},
  smallTalk: string[] = [],
): { quotes: Quote[]; statements: Statement[]; speakers: Speaker[] } {
  const found = new Map<string, Speaker>();
  const placed = articles.flatMap((article) => {
    const analysis = analyzeArticle(article, people, topics, overridesByArticle[article.id] ?? [], smallTalk);
    const speaking = new Set(analysis.quotes.map((q) => q.speaker));
    // a found person's id is made from the name folded (names.ts), so one person quoted by two outlets is one id
    for (const person of analysis.found.filter((p) => speaking.has(p.id))) {
      const known = found.get(person.id) ?? { ...person, aliases: [], descriptions: [] };
      known.aliases = [...new Set([...known.aliases, ...person.aliases])];
      if (person.name.length > known.name.length) known.name = person.name;
      if (!known.role) known.role = person.role;
      if (person.pronoun !== 'they') known.pronoun = person.pronoun;
      if (person.role) known.descriptions.push({ article: article.id, text: person.role });
      found.set(person.id, known);
    }
    const earlier = findEarlierRemarks(article, analysis.quotes);
    return analysis.quotes.map((quote) => {
      const { earlier: isEarlier, cue } = earlier.get(quote.anchor) ?? { earlier: false };
      return {
        ...quote,
        id: quoteId(article.id, quote.anchor),
        article: article.id,
        outlet: article.outlet,
        event: article.event,
        earlier: isEarlier,
        ...(cue === undefined ? {} : { earlierCue: cue }),
      };
    });
  });
  const listed: Speaker[] = people.map((p) => ({ ...p, listed: true, descriptions: [] }));
  const aligned = alignQuotes(placed, { fixed: statementOverrides(articles, placed, overridesByArticle) });
  const isEarlier = new Map(aligned.quotes.map((q) => [q.id, q.earlier]));
  return {
    quotes: aligned.quotes.map((q) => ({
      ...q,
      speakerConfidence: confidenceOf('speaker', q.speakerEvidence),
      topicsConfidence: confidenceOf('topics', q.topicsEvidence),
    })),
    // a statement is an earlier remark when every outlet quoted it as one
    statements: aligned.statements.map((s) => ({
      ...s,
      confidence: confidenceOf('statement', s.evidence),
      earlier: s.quotes.every((id) => isEarlier.get(id) === true),
    })),
    speakers: [...listed, ...[...found.values()].sort((a, b) => a.id.localeCompare(b.id))],
  };
}
