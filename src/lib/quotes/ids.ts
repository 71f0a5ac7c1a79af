/** A quote's id across the corpus: its article's id and its anchor, stable while the article's text is. */
export function quoteId(article: string, anchor: string): string {
  return `${article}--${anchor}`;
}
