/**
 * npm run calibrate [-- --set <dir> ...] [-- --check]
 * With no --set: judges the engine's decisions on every labelled set (the five articles and the held-out
 * sets), writes the calibration table src/lib/quotes/calibration.json from them, and prints the
 * reliability table and the usefulness curve on those same sets (in-sample: the table was made from them).
 * `--set <dir>`: measures, without writing, on folders the table was not made from — a fresh blind batch;
 * that is the measurement the README reports. `--check`: fails when calibration.json is not what the
 * labelled sets give today (the engine changed and the table was not rewritten).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { confidenceOf, DECISION_KINDS, tabulate, type CalibrationTable } from '../lib/quotes/confidence.ts';
import { buildQuoteCorpus } from '../lib/quotes/index.ts';
import { formatReliability, judgeDecisions, type JudgedDecision } from '../lib/quotes/reliability.ts';
import { heldOutDirs, readFiveArticles, readLabelledSet, type LabelledSet } from './labelled-sets.ts';
import { readBaseContent, ROOT } from './project-copy.ts';

const TABLE = join(ROOT, 'src', 'lib', 'quotes', 'calibration.json');

/** Every decision the engine makes on the sets, judged against their gold labels. */
export function judgeSets(sets: LabelledSet[]): JudgedDecision[] {
  const { topics, smallTalk } = readBaseContent();
  return sets.flatMap((set) => {
    const corpus = buildQuoteCorpus(set.articles, set.people, topics, {}, smallTalk);
    return judgeDecisions(set.gold, corpus, corpus.speakers);
  });
}

/** The calibration table of judged decisions: each kind's records. */
function tableOf(decisions: JudgedDecision[]): CalibrationTable {
  return Object.fromEntries(
    DECISION_KINDS.map((kind) => [kind, tabulate(decisions.filter((d) => d.kind === kind))]),
  ) as CalibrationTable;
}

/** The calibration file's content for judged decisions. */
export function calibrationFile(decisions: JudgedDecision[], sets: string[]): string {
  const table = tableOf(decisions);
  const about =
    'Written by `npm run calibrate`: per decision kind and evidence key, [decisions, right] on the labelled sets listed. Do not edit by hand.';
  return `${JSON.stringify({ about, sets, table }, null, 1)}\n`;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const args = process.argv.slice(2);
  const { people } = readBaseContent();
  const named = args.flatMap((a, i) => (args[i - 1] === '--set' ? [resolve(a)] : []));
  if (args.includes('--cross')) {
    // leave one set out: each set's decisions read with a table made from all the others — how the table
    // does on sets it was not made from, for each prior weight
    const dirs = heldOutDirs();
    const perSet = [readFiveArticles(people), ...dirs.map((dir) => readLabelledSet(dir, people))].map((set) =>
      judgeSets([set]),
    );
    for (const weight of [1, 2, 4, 8, 16, 32, 64]) {
      const decisions = perSet.flatMap((mine, i) => {
        const others = perSet.filter((_, j) => j !== i).flat();
        const table = tableOf(others);
        return mine.map((d) => ({ ...d, confidence: confidenceOf(d.kind, d.evidence, table, weight) }));
      });
      console.log(`\nprior weight ${weight}, each set read with a table made from the ${perSet.length - 1} others:\n`);
      console.log(formatReliability(decisions));
    }
  } else if (named.length) {
    const decisions = judgeSets(named.map((dir) => readLabelledSet(dir, people)));
    console.log(`Measured on ${named.map((d) => relative(process.cwd(), d) || '.').join(', ')}:\n`);
    console.log(formatReliability(decisions));
  } else {
    const dirs = heldOutDirs();
    const decisions = judgeSets([readFiveArticles(people), ...dirs.map((dir) => readLabelledSet(dir, people))]);
    const content = calibrationFile(decisions, ['five articles', ...dirs.map((d) => relative(ROOT, d))]);
    if (args.includes('--check')) {
      if (readFileSync(TABLE, 'utf8') !== content) {
        console.error(`${relative(ROOT, TABLE)} is out of date: run npm run calibrate`);
        process.exit(1);
      }
      console.log(`${relative(ROOT, TABLE)} is current`);
    } else {
      writeFileSync(TABLE, content);
      console.log(`wrote ${relative(ROOT, TABLE)} from ${decisions.length} judged decisions`);
      // this process imported the table before it was rewritten: read the new one's confidences directly
      const table = (JSON.parse(content) as { table: CalibrationTable }).table;
      const rescored = decisions.map((d) => ({ ...d, confidence: confidenceOf(d.kind, d.evidence, table) }));
      console.log('\nIn-sample (the sets the table was made from):\n');
      console.log(formatReliability(rescored));
    }
  }
}
