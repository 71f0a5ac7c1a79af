import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleFromMarkdown } from '../../../src/lib/quotes/evaluate.ts';
import type { GoldQuote } from '../../../src/lib/quotes/evaluate.ts';
import type { ArticleText, Person, TopicDefinition } from '../../../src/lib/quotes/types.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const synthetic = join(root, 'tests', 'fixtures', 'quotes', 'synthetic');

/** A synthetic fixture article by file name (without .md). */
export function fixtureArticle(name: string): ArticleText {
  return articleFromMarkdown(name, readFileSync(join(synthetic, `${name}.md`), 'utf8'));
}

/** The small people list the synthetic fixtures are written against. */
export function fixturePeople(): Person[] {
  return JSON.parse(readFileSync(join(synthetic, 'people.json'), 'utf8')) as Person[];
}

export function contentPeople(): Person[] {
  return JSON.parse(readFileSync(join(root, 'content', 'people.json'), 'utf8')) as Person[];
}

/** The small-talk words of content/vocabulary.json. */
export function contentSmallTalk(): string[] {
  const lists = JSON.parse(readFileSync(join(root, 'content', 'vocabulary.json'), 'utf8')) as Array<{
    id: string;
    terms: string[];
  }>;
  return lists.find((l) => l.id === 'small-talk')?.terms ?? [];
}

export function contentTopics(): TopicDefinition[] {
  return JSON.parse(readFileSync(join(root, 'content', 'topics.json'), 'utf8')) as TopicDefinition[];
}

/** The five real articles (content/articles/*.md), in file-name order. */
export function realArticles(): ArticleText[] {
  return articlesIn(join(root, 'content', 'articles'));
}

export function articlesIn(dir: string): ArticleText[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => articleFromMarkdown(f.replace(/\.md$/, ''), readFileSync(join(dir, f), 'utf8')));
}

export function realGold(): GoldQuote[] {
  return (
    JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'quotes', 'gold.json'), 'utf8')) as { quotes: GoldQuote[] }
  ).quotes;
}

/** The held-out sets' folder names (heldout, heldout2, …), in order. */
export function heldOutSets(): string[] {
  return readdirSync(synthetic, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^heldout\d*$/.test(d.name))
    .map((d) => d.name)
    .sort((a, b) => Number(a.slice(7) || 1) - Number(b.slice(7) || 1));
}

/** A held-out set: its articles, gold, and people (content people plus its own). */
export function heldOut(dir: string): {
  articles: ArticleText[];
  gold: GoldQuote[];
  people: Person[];
} {
  const base = join(synthetic, dir);
  return {
    articles: articlesIn(base),
    gold: (JSON.parse(readFileSync(join(base, 'gold.json'), 'utf8')) as { quotes: GoldQuote[] }).quotes,
    people: [...contentPeople(), ...(JSON.parse(readFileSync(join(base, 'people.json'), 'utf8')) as Person[])],
  };
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
