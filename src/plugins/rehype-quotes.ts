import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { speakerNoteId } from '../lib/anchors.ts';
import { attributeQuotes } from '../lib/quotes/attribute.ts';
import { extractQuotes } from '../lib/quotes/extract.ts';
import type { AttributedQuote, Person, QuoteOverride } from '../lib/quotes/types.ts';
import { hastParagraphs } from './hast-paragraphs.ts';

export interface RehypeQuotesOptions {
  /** The `people` collection: who a quote can be attributed to. */
  people: Person[];
}

/** A stretch of one paragraph's text that belongs to a quote. */
interface Mark {
  start: number;
  end: number;
  quote: AttributedQuote;
  /** Whether this stretch opens the quote (and so carries its anchor id). */
  first: boolean;
}

/**
 * Marks every quotation in an article body in place: `<span class="quote" id="q3-1">`,
 * the anchor topic pages link to, described by the page's note on its speaker.
 * Runs the same extraction and attribution as the corpus, so anchors always agree.
 */
export default function rehypeQuotes(options: RehypeQuotesOptions) {
  const { people } = options;
  return (tree: Root, file: VFile): void => {
    const paragraphs = hastParagraphs(tree);
    if (paragraphs.length === 0) return;
    const overrides = (file.data.astro?.frontmatter?.quotes ?? []) as QuoteOverride[];
    const article = { id: file.stem ?? '', outlet: '', event: '', title: '', paragraphs };
    let quotes: AttributedQuote[];
    try {
      quotes = attributeQuotes(article, extractQuotes(article), people, overrides);
    } catch (error) {
      throw new Error(`${file.path}: ${(error as Error).message}`, { cause: error });
    }
    const marksByParagraph = new Map<number, Mark[]>();
    for (const quote of quotes) {
      quote.spans.forEach((span, i) => {
        const marks = marksByParagraph.get(span.paragraph) ?? [];
        marks.push({ start: span.start, end: span.end, quote, first: i === 0 });
        marksByParagraph.set(span.paragraph, marks);
      });
    }
    for (const paragraph of paragraphs) {
      const marks = marksByParagraph.get(paragraph.index);
      if (marks)
        markText(
          paragraph.element,
          marks.sort((a, b) => a.start - b.start),
          { offset: 0, anchored: new Set() },
        );
    }
  };
}

interface Walk {
  /** Characters of the paragraph's text consumed so far. */
  offset: number;
  /** Marks whose anchor id has been placed (a mark may cross inline elements). */
  anchored: Set<Mark>;
}

/** Wraps the parts of `element`'s text nodes that fall inside `marks`, depth first. */
function markText(element: Element, marks: Mark[], walk: Walk): void {
  const children: ElementContent[] = [];
  for (const child of element.children) {
    if (child.type === 'element') {
      markText(child, marks, walk);
      children.push(child);
      continue;
    }
    if (child.type !== 'text') {
      children.push(child);
      continue;
    }
    const from = walk.offset;
    const to = from + child.value.length;
    walk.offset = to;
    let cursor = from;
    for (const mark of marks) {
      const start = Math.max(mark.start, from);
      const end = Math.min(mark.end, to);
      if (start >= end) continue;
      if (start > cursor) children.push({ type: 'text', value: child.value.slice(cursor - from, start - from) });
      children.push(quoteElement(mark, child.value.slice(start - from, end - from), walk));
      cursor = end;
    }
    if (cursor < to) children.push({ type: 'text', value: child.value.slice(cursor - from) });
  }
  element.children = children;
}

function quoteElement(mark: Mark, text: string, walk: Walk): Element {
  const { quote } = mark;
  const anchored = mark.first && !walk.anchored.has(mark);
  if (anchored) walk.anchored.add(mark);
  return {
    type: 'element',
    tagName: 'span',
    properties: {
      className: ['quote'],
      ...(anchored ? { id: quote.anchor } : {}),
      dataQuote: quote.anchor,
      dataSpeaker: quote.speaker ?? 'unattributed',
      dataKind: quote.kind,
      ariaDescribedBy: [speakerNoteId(quote.speaker)],
    },
    children: [{ type: 'text', value: text }],
  };
}
