/**
 * npm run eval:quotes [-- --verbose]
 * Scores the quote engine against hand labels: the five articles in content/articles, and,
 * separately, three held-out sets of synthetic articles in other outlets' styles
 * (tests/fixtures/quotes/synthetic/heldout, heldout2, heldout3), each with its own gold and extra people.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleFromMarkdown, formatScores, scoreQuotes } from '../lib/quotes/evaluate.ts';
import type { GoldQuote, QuoteScores } from '../lib/quotes/evaluate.ts';
import { buildQuoteCorpus } from '../lib/quotes/index.ts';
import type { Person, TopicDefinition } from '../lib/quotes/types.ts';

const root = join(import.meta.dirname, '..', '..');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;

function score(articleDir: string, goldPath: string, people: Person[], topics: TopicDefinition[]): QuoteScores {
  const files = readdirSync(join(root, articleDir))
    .filter((f) => f.endsWith('.md'))
    .sort();
  const articles = files.map((f) =>
    articleFromMarkdown(f.replace(/\.md$/, ''), readFileSync(join(root, articleDir, f), 'utf8')),
  );
  const { quotes } = buildQuoteCorpus(articles, people, topics);
  return scoreQuotes(readJson<{ quotes: GoldQuote[] }>(goldPath).quotes, quotes);
}

const people = readJson<Person[]>('content/people.json');
const topics = readJson<TopicDefinition[]>('content/topics.json');
const heldOut = (dir: string) =>
  score(dir, `${dir}/gold.json`, [...people, ...readJson<Person[]>(`${dir}/people.json`)], topics);
const columns = [
  { label: 'five articles', scores: score('content/articles', 'tests/fixtures/quotes/gold.json', people, topics) },
  { label: 'held-out 1 (Osaka)', scores: heldOut('tests/fixtures/quotes/synthetic/heldout') },
  { label: 'held-out 2 (Hanoi)', scores: heldOut('tests/fixtures/quotes/synthetic/heldout2') },
  { label: 'held-out 3 (Tokyo)', scores: heldOut('tests/fixtures/quotes/synthetic/heldout3') },
];

console.log(formatScores(columns));
if (process.argv.includes('--verbose')) {
  for (const { label, scores } of columns) {
    console.log(`\n${label}: ${scores.errors.length} disagreement(s)`);
    for (const e of scores.errors) console.log(`  ${e}`);
  }
}
