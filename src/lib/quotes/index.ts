import { alignQuotes } from './align.ts';
import { attributeQuotes } from './attribute.ts';
import { classifyQuotes } from './classify.ts';
import { extractQuotes } from './extract.ts';
import type {
  ArticleText,
  ClassifiedQuote,
  Person,
  Quote,
  QuoteOverride,
  Statement,
  TopicDefinition,
} from './types.ts';

export { alignQuotes, diffVersions, matchTokens } from './align.ts';
export { attributeQuotes } from './attribute.ts';
export { classifyQuotes } from './classify.ts';
export { extractQuotes } from './extract.ts';
export type * from './types.ts';

/** One article's quotes: found, attributed and classified. */
export function analyzeArticle(
  article: ArticleText,
  people: Person[],
  topics: TopicDefinition[],
  overrides: QuoteOverride[] = [],
  smallTalk: string[] = [],
): ClassifiedQuote[] {
  const attributed = attributeQuotes(article, extractQuotes(article), people, overrides);
  return classifyQuotes(article, attributed, topics, overrides, smallTalk);
}

/** Every article's quotes, placed in the corpus and grouped into statements across outlets. */
export function buildQuoteCorpus(
  articles: ArticleText[],
  people: Person[],
  topics: TopicDefinition[],
  overridesByArticle: Record<string, QuoteOverride[]> = {},
  smallTalk: string[] = [],
): { quotes: Quote[]; statements: Statement[] } {
  const placed = articles.flatMap((article) =>
    analyzeArticle(article, people, topics, overridesByArticle[article.id] ?? [], smallTalk).map((quote) => ({
      ...quote,
      id: `${article.id}--${quote.anchor}`,
      article: article.id,
      outlet: article.outlet,
      event: article.event,
    })),
  );
  return alignQuotes(placed);
}
