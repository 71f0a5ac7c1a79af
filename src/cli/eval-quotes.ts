/**
 * npm run eval:quotes [-- --verbose] [-- --by-set] [-- --set <dir> ...]
 * Scores the quote engine against hand labels: the five articles in content/articles, and,
 * separately, every held-out set of synthetic articles in other outlets' styles
 * (tests/fixtures/quotes/synthetic/heldout*; src/cli/labelled-sets.ts reads them).
 * `--set <dir>` scores only the named folders (a set being written, outside the tree); `--by-set`
 * prints one row per set instead of one column.
 */
import { resolve } from 'node:path';
import { formatScores, formatScoresByCorpus, scoreQuotes } from '../lib/quotes/evaluate.ts';
import { buildQuoteCorpus } from '../lib/quotes/index.ts';
import { heldOutDirs, readFiveArticles, readLabelledSet } from './labelled-sets.ts';
import type { LabelledSet } from './labelled-sets.ts';
import { readBaseContent } from './project-copy.ts';

const { people, topics, smallTalk } = readBaseContent();
const score = ({ label, articles, gold, people: speakers }: LabelledSet) => ({
  label,
  scores: scoreQuotes(gold, buildQuoteCorpus(articles, speakers, topics, {}, smallTalk).quotes),
});

const args = process.argv.slice(2);
const named = args.flatMap((a, i) => (args[i - 1] === '--set' ? [resolve(a)] : []));
const sets = named.length
  ? named.map((dir) => readLabelledSet(dir, people))
  : [readFiveArticles(people), ...heldOutDirs().map((dir) => readLabelledSet(dir, people))];
const columns = sets.map(score);

console.log(args.includes('--by-set') ? formatScoresByCorpus(columns) : formatScores(columns));
if (args.includes('--verbose')) {
  for (const { label, scores } of columns) {
    console.log(`\n${label}: ${scores.errors.length} disagreement(s)`);
    for (const e of scores.errors) console.log(`  ${e}`);
  }
}
