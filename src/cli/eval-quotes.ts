/**
 * npm run eval:quotes [-- --verbose] [-- --by-set] [-- --agreement] [-- --set <dir> ...]
 * Scores the quote engine against hand labels: the five articles in content/articles, and,
 * separately, every held-out set of synthetic articles in other outlets' styles
 * (tests/fixtures/quotes/synthetic/heldout*; src/cli/labelled-sets.ts reads them).
 * `--set <dir>` scores only the named folders (a set being written, outside the tree); `--by-set`
 * prints one row per set instead of one column. `--agreement` compares, for the sets a second annotator
 * labelled (second-labels.json), that annotator with gold and the engine with each, and scores the
 * engine on the quotes the two annotators label alike. `--write-floors` writes each held-out set's
 * figures to tests/fixtures/quotes/floors.json, the floors the unit tests hold each set to (earlier
 * remarks only for the sets whose gold labels them). Earlier remarks are also printed pooled.
 */
import { writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  formatRatio,
  formatScores,
  formatScoresByCorpus,
  labelsAsQuotes,
  scoreOnAgreement,
  scoreQuotes,
} from '../lib/quotes/evaluate.ts';
import { buildQuoteCorpus } from '../lib/quotes/index.ts';
import { heldOutDirs, readFiveArticles, readLabelledSet } from './labelled-sets.ts';
import type { LabelledSet } from './labelled-sets.ts';
import { readBaseContent, ROOT } from './project-copy.ts';

const { people, topics, smallTalk } = readBaseContent();
const engine = ({ articles, people: listed }: LabelledSet) => buildQuoteCorpus(articles, listed, topics, {}, smallTalk);
const engineQuotes = (set: LabelledSet) => engine(set).quotes;
const score = (set: LabelledSet) => {
  const { quotes, speakers } = engine(set);
  return { label: set.label, scores: scoreQuotes(set.gold, quotes, speakers) };
};

const args = process.argv.slice(2);
const named = args.flatMap((a, i) => (args[i - 1] === '--set' ? [resolve(a)] : []));
const sets = named.length
  ? named.map((dir) => readLabelledSet(dir, people))
  : [readFiveArticles(people), ...heldOutDirs().map((dir) => readLabelledSet(dir, people))];

if (args.includes('--agreement')) {
  const labelled = sets.flatMap((set) =>
    set.second ? [{ set, second: set.second.quotes, engine: engineQuotes(set) }] : [],
  );
  if (!labelled.length) throw new Error('--agreement: no set has a second-labels.json');
  const rows = labelled.flatMap(({ set, second, engine }) => [
    { label: `${set.label}: second annotator vs gold`, scores: scoreQuotes(set.gold, labelsAsQuotes(second)) },
    { label: `${set.label}: engine vs gold`, scores: scoreQuotes(set.gold, engine) },
    { label: `${set.label}: engine vs second annotator`, scores: scoreQuotes(second, engine) },
  ]);
  console.log(formatScoresByCorpus(rows));
  console.log('\nThe engine on the quotes both annotators label alike (right / agreed):');
  for (const { set, second, engine } of labelled) {
    const a = scoreOnAgreement(set.gold, second, engine);
    console.log(
      `  ${set.label}: speaker ${formatRatio(a.speaker)} · topics ${formatRatio(a.topics)} · kind ${formatRatio(a.kind)}`,
    );
  }
  process.exit(0);
}

if (args.includes('--write-floors')) {
  const floor = (value: number) => Math.floor(value * 1000) / 1000; // as printed, never above the measurement
  const floors = Object.fromEntries(
    heldOutDirs().map((dir) => {
      const { scores: s } = score(readLabelledSet(dir, people));
      const figures = {
        speaker: s.speaker.accuracy.value,
        topics: s.topics.exact.value,
        kind: s.kind.accuracy.value,
        alignmentPrecision: s.alignment.precision.value,
        alignmentRecall: s.alignment.recall.value,
        // earlier remarks: only where the set's gold labels them
        ...(s.earlier.accuracy.total
          ? {
              earlierAccuracy: s.earlier.accuracy.value,
              earlierPrecision: s.earlier.precision.value,
              earlierRecall: s.earlier.recall.value,
            }
          : {}),
      };
      return [basename(dir), Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, floor(v)]))];
    }),
  );
  const path = join(ROOT, 'tests', 'fixtures', 'quotes', 'floors.json');
  writeFileSync(path, `${JSON.stringify(floors, null, 2)}\n`);
  console.log(`wrote ${path}`);
  process.exit(0);
}

const columns = sets.map(score);
console.log(args.includes('--by-set') ? formatScoresByCorpus(columns) : formatScores(columns));
// earlier remarks over every held-out set labelled for them, pooled (the five articles apart)
const pooled = columns
  .filter((c) => c.label !== 'five articles' && c.scores.earlier.accuracy.total > 0)
  .map((c) => c.scores.earlier);
if (pooled.length) {
  const sum = (get: (e: (typeof pooled)[number]) => { hit: number; total: number }) => {
    const hit = pooled.reduce((n, e) => n + get(e).hit, 0);
    const total = pooled.reduce((n, e) => n + get(e).total, 0);
    return formatRatio({ hit, total, value: total ? hit / total : 1 });
  };
  console.log(
    `\nEarlier remarks, ${pooled.length} held-out sets labelled for them, pooled: precision ${sum((e) => e.precision)}` +
      ` · recall ${sum((e) => e.recall)} · accuracy ${sum((e) => e.accuracy)}`,
  );
}
if (args.includes('--verbose')) {
  for (const { label, scores } of columns) {
    console.log(`\n${label}: ${scores.errors.length} disagreement(s)`);
    for (const e of scores.errors) console.log(`  ${e}`);
  }
}
