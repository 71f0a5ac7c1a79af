/**
 * The hand-labelled quote sets, read from disk: the five articles with tests/fixtures/quotes/gold.json,
 * and every held-out folder tests/fixtures/quotes/synthetic/heldout* (articles, gold.json with its
 * `label`, people.json with the speakers content/people.json lacks, and for some a second annotator's
 * second-labels.json). eval:quotes, the engine's unit tests and docs/experiments read them through here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { articleFromMarkdown } from '../lib/quotes/evaluate.ts';
import type { GoldQuote } from '../lib/quotes/evaluate.ts';
import type { ArticleText, Person } from '../lib/quotes/types.ts';
import { ROOT } from './project-copy.ts';

export const SYNTHETIC = join(ROOT, 'tests', 'fixtures', 'quotes', 'synthetic');

export interface LabelledSet {
  label: string;
  articles: ArticleText[];
  gold: GoldQuote[];
  /** Everyone the set's articles may quote: content/people.json plus the set's own. */
  people: Person[];
  /** A second annotator's labels of the same quotes (second-labels.json), made without seeing gold.json. */
  second?: { annotator: string; quotes: GoldQuote[] };
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** The Markdown articles of a folder, in file-name order. */
export function articlesIn(dir: string): ArticleText[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => articleFromMarkdown(f.replace(/\.md$/, ''), readFileSync(join(dir, f), 'utf8')));
}

/** The held-out folders (heldout, heldout2, …), in order, as absolute paths. */
export function heldOutDirs(): string[] {
  return readdirSync(SYNTHETIC, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^heldout\d*$/.test(d.name))
    .map((d) => d.name)
    .sort((a, b) => Number(a.slice(7) || 1) - Number(b.slice(7) || 1))
    .map((name) => join(SYNTHETIC, name));
}

/** A folder of articles with its gold.json and, if any, people.json. */
export function readLabelledSet(dir: string, people: Person[]): LabelledSet {
  const gold = readJson<{ label?: string; quotes: GoldQuote[] }>(join(dir, 'gold.json'));
  const own = existsSync(join(dir, 'people.json')) ? readJson<Person[]>(join(dir, 'people.json')) : [];
  const secondPath = join(dir, 'second-labels.json');
  return {
    label: gold.label ?? basename(dir),
    articles: articlesIn(dir),
    gold: gold.quotes,
    people: [...people, ...own],
    ...(existsSync(secondPath) ? { second: readJson<{ annotator: string; quotes: GoldQuote[] }>(secondPath) } : {}),
  };
}

/** The five articles of content/articles with their hand labels, and their events' dates as the build knows them. */
export function readFiveArticles(people: Person[]): LabelledSet {
  const events = readJson<Array<{ id: string; start: string; end: string }>>(join(ROOT, 'content', 'events.json'));
  const datesOf = new Map(events.map((e) => [e.id, { start: e.start, end: e.end }]));
  return {
    label: 'five articles',
    articles: articlesIn(join(ROOT, 'tests', 'fixtures', 'quotes', 'five-articles')).map((a) => {
      const eventDates = datesOf.get(a.event);
      return eventDates ? { ...a, eventDates } : a;
    }),
    gold: readJson<{ quotes: GoldQuote[] }>(join(ROOT, 'tests', 'fixtures', 'quotes', 'gold.json')).quotes,
    people,
  };
}
