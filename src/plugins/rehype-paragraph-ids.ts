import type { Root } from 'hast';
import { hastParagraphs } from './hast-paragraphs.ts';

/**
 * Gives every top-level body paragraph a stable `id` ("p1", "p2", …) so that other pages
 * (topic tables, search results) can deep-link to it.
 */
export default function rehypeParagraphIds() {
  return (tree: Root): void => {
    for (const paragraph of hastParagraphs(tree)) {
      paragraph.element.properties.id = paragraph.id;
    }
  };
}
