/**
 * `npm test`: every stage of the suite in order, each announced and timed, then a summary.
 * A failing stage does not hide the rest: later stages still run, except those that need a
 * stage that failed (no build, nothing to check). Exits non-zero when any stage failed or
 * was not run.
 */
import { spawn } from 'node:child_process';

interface Stage {
  name: string;
  /** The npm script it runs. */
  script: string;
  /** A stage that must have passed first. */
  needs?: string;
}

const STAGES: Stage[] = [
  { name: 'lint', script: 'lint' },
  { name: 'types', script: 'check' },
  { name: 'unit', script: 'test:unit' },
  { name: 'build', script: 'build' },
  { name: 'build checks', script: 'test:build', needs: 'build' },
  { name: 'browser', script: 'test:e2e', needs: 'build' },
];

const run = (script: string): Promise<number> =>
  new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: 'inherit' });
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });

const seconds = (ms: number): string => `${Math.round(ms / 1000)} s`;

const results: Array<{ stage: Stage; outcome: 'passed' | 'FAILED' | 'not run'; ms: number }> = [];
const started = Date.now();
for (const [i, stage] of STAGES.entries()) {
  const blocker = stage.needs && results.find((r) => r.stage.name === stage.needs && r.outcome !== 'passed');
  if (blocker) {
    results.push({ stage, outcome: 'not run', ms: 0 });
    console.log(`\n▶ [${i + 1}/${STAGES.length}] ${stage.name}: not run, "${stage.needs}" failed`);
    continue;
  }
  console.log(`\n▶ [${i + 1}/${STAGES.length}] ${stage.name}: npm run ${stage.script}`);
  const t0 = Date.now();
  const code = await run(stage.script);
  const ms = Date.now() - t0;
  results.push({ stage, outcome: code === 0 ? 'passed' : 'FAILED', ms });
  console.log(`${code === 0 ? '✓' : '✗'} ${stage.name} ${code === 0 ? 'passed' : 'FAILED'} in ${seconds(ms)}`);
}

console.log('\nnpm test, stage by stage:');
for (const { stage, outcome, ms } of results)
  console.log(`  ${stage.name.padEnd(13)} ${outcome.padEnd(8)} ${outcome === 'not run' ? '' : seconds(ms)}`);
console.log(`  ${'total'.padEnd(13)} ${''.padEnd(8)} ${seconds(Date.now() - started)}`);
process.exitCode = results.every((r) => r.outcome === 'passed') ? 0 : 1;
