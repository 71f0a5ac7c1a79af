import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { heldOutDirs, readFiveArticles, readLabelledSet, SYNTHETIC } from '../../../src/cli/labelled-sets.ts';
import type { LabelledSet } from '../../../src/cli/labelled-sets.ts';
import { readBaseContent } from '../../../src/cli/project-copy.ts';
import { articleFromMarkdown } from '../../../src/lib/quotes/evaluate.ts';
import type { GoldQuote } from '../../../src/lib/quotes/evaluate.ts';
import type { ArticleText, Person, TopicDefinition } from '../../../src/lib/quotes/types.ts';

const root = join(import.meta.dirname, '..', '..', '..');

/** A synthetic fixture article by file name (without .md). */
export function fixtureArticle(name: string): ArticleText {
  return articleFromMarkdown(name, readFileSync(join(SYNTHETIC, `${name}.md`), 'utf8'));
}

/** The small people list the synthetic fixtures are written against. */
export function fixturePeople(): Person[] {
  return JSON.parse(readFileSync(join(SYNTHETIC, 'people.json'), 'utf8')) as Person[];
}

export function contentPeople(): Person[] {
  return JSON.parse(readFileSync(join(root, 'content', 'people.json'), 'utf8')) as Person[];
}

/** The small-talk words of content/vocabulary.json. */
export function contentSmallTalk(): string[] {
  return readBaseContent().smallTalk;
}

export function contentTopics(): TopicDefinition[] {
  return JSON.parse(readFileSync(join(root, 'content', 'topics.json'), 'utf8')) as TopicDefinition[];
}

/** The five real articles (content/articles/*.md), in file-name order. */
export function realArticles(): ArticleText[] {
  return readFiveArticles([]).articles;
}

export function realGold(): GoldQuote[] {
  return readFiveArticles([]).gold;
}

/** The held-out sets' folder names (heldout, heldout2, …), in order. */
export function heldOutSets(): string[] {
  return heldOutDirs().map((dir) => basename(dir));
}

/** A held-out set: its articles, gold, and people (content people plus its own). */
export function heldOut(name: string): LabelledSet {
  return readLabelledSet(join(SYNTHETIC, name), contentPeople());
}

/** An article built from plain paragraphs (for one-off cases). */
export function articleOf(
  id: string,
  texts: Array<string | { heading: string }>,
  event = 'test-event',
  outlet = 'test',
): ArticleText {
  const paragraphs: ArticleText['paragraphs'] = [];
  let heading: string | null = null;
  for (const t of texts) {
    if (typeof t !== 'string') heading = t.heading;
    else paragraphs.push({ index: paragraphs.length + 1, id: `p${paragraphs.length + 1}`, text: t, heading });
  }
  return { id, outlet, event, title: id, paragraphs };
}
