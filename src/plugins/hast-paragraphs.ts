import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { paragraphId } from '../lib/anchors.ts';
import type { Paragraph } from '../lib/quotes/types.ts';

const HEADING = /^h[1-6]$/;

/** A body paragraph with the `<p>` element it was read from. */
export interface HastParagraph extends Paragraph {
  element: Element;
}

/**
 * The body's top-level paragraphs in reading order, each with its section heading:
 * the HTML twin of `paragraphsFromMarkdown`, so both sides number paragraphs alike.
 */
export function hastParagraphs(tree: Root): HastParagraph[] {
  const paragraphs: HastParagraph[] = [];
  let heading: string | null = null;
  for (const node of tree.children) {
    if (node.type !== 'element') continue;
    if (HEADING.test(node.tagName)) {
      heading = toString(node);
    } else if (node.tagName === 'p') {
      const index = paragraphs.length + 1;
      paragraphs.push({ index, id: paragraphId(index), text: toString(node), heading, element: node });
    }
  }
  return paragraphs;
}
