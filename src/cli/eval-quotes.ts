/**
 * npm run eval:quotes [-- --verbose] [-- --by-set] [-- --set <dir> ...]
 * Scores the quote engine against hand labels: the five articles in content/articles, and,
 * separately, every held-out set of synthetic articles in other outlets' styles
 * (tests/fixtures/quotes/synthetic/heldout*), each a folder of articles with its own gold.json
 * (`label`, `description`, `quotes`) and people.json (the speakers content/people.json lacks).
 * `--set <dir>` scores only the named folders (a set being written, outside the tree); `--by-set`
 * prints one row per set instead of one column.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { articleFromMarkdown, formatScores, formatScoresByCorpus, scoreQuotes } from '../lib/quotes/evaluate.ts';
import type { GoldQuote, QuoteScores } from '../lib/quotes/evaluate.ts';
import { buildQuoteCorpus } from '../lib/quotes/index.ts';
import type { Person, TopicDefinition } from '../lib/quotes/types.ts';
import { readBaseContent } from './project-copy.ts';

const root = join(import.meta.dirname, '..', '..');
const synthetic = join(root, 'tests', 'fixtures', 'quotes', 'synthetic');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

interface Gold {
  label?: string;
  quotes: GoldQuote[];
}

function score(articleDir: string, gold: GoldQuote[], people: Person[], topics: TopicDefinition[]): QuoteScores {
  const files = readdirSync(articleDir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const articles = files.map((f) =>
    articleFromMarkdown(f.replace(/\.md$/, ''), readFileSync(join(articleDir, f), 'utf8')),
  );
  return scoreQuotes(gold, buildQuoteCorpus(articles, people, topics, {}, smallTalk).quotes);
}

const people = readJson<Person[]>(join(root, 'content', 'people.json'));
const topics = readJson<TopicDefinition[]>(join(root, 'content', 'topics.json'));
const { smallTalk } = readBaseContent();

function heldOut(dir: string): { label: string; scores: QuoteScores } {
  const gold = readJson<Gold>(join(dir, 'gold.json'));
  const extra = existsSync(join(dir, 'people.json')) ? readJson<Person[]>(join(dir, 'people.json')) : [];
  return { label: gold.label ?? basename(dir), scores: score(dir, gold.quotes, [...people, ...extra], topics) };
}

const args = process.argv.slice(2);
const named = args.flatMap((a, i) => (args[i - 1] === '--set' ? [resolve(a)] : []));
const sets = readdirSync(synthetic, { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^heldout\d*$/.test(d.name))
  .map((d) => d.name)
  .sort((a, b) => Number(a.slice(7) || 1) - Number(b.slice(7) || 1))
  .map((name) => join(synthetic, name));

const columns = named.length
  ? named.map(heldOut)
  : [
      {
        label: 'five articles',
        scores: score(
          join(root, 'content', 'articles'),
          readJson<Gold>(join(root, 'tests', 'fixtures', 'quotes', 'gold.json')).quotes,
          people,
          topics,
        ),
      },
      ...sets.map(heldOut),
    ];

console.log(args.includes('--by-set') ? formatScoresByCorpus(columns) : formatScores(columns));
if (args.includes('--verbose')) {
  for (const { label, scores } of columns) {
    console.log(`\n${label}: ${scores.errors.length} disagreement(s)`);
    for (const e of scores.errors) console.log(`  ${e}`);
  }
}
