import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { paragraphId } from './anchors.ts';
import type { Paragraph } from './quotes/types.ts';

/**
 * The body's paragraphs as plain text, each with its section heading, in reading order.
 * The same walk as rehype-paragraph-ids makes over the rendered HTML, so indexes and ids agree.
 */
export function paragraphsFromMarkdown(markdown: string): Paragraph[] {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  return paragraphsFromBlocks(tree.children);
}

function paragraphsFromBlocks(blocks: RootContent[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let heading: string | null = null;
  for (const block of blocks) {
    if (block.type === 'heading') {
      heading = toString(block as Heading);
    } else if (block.type === 'paragraph') {
      const index = paragraphs.length + 1;
      paragraphs.push({ index, id: paragraphId(index), text: toString(block), heading });
    }
  }
  return paragraphs;
}
