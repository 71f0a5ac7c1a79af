// A/B of the quote engine's cost per article: npx node docs/experiments/engine-ab.ts <checkout A> <checkout B> [sets]
// (`sets`: a pattern of held-out folder names, e.g. '^heldout([2-9]|1\d|2\d)?$' for sets 1-29)
// Runs buildQuoteCorpus of each checkout on every labelled set of this one, alternating A and B in one process
// (so both see the same machine load), and prints each one's median milliseconds per article and the ratio B/A.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Build = (articles: unknown[], people: unknown[], topics: unknown[], o: object, s: string[]) => unknown;
const HERE = join(import.meta.dirname, '..', '..');
const SYN = join(HERE, 'tests/fixtures/quotes/synthetic');
const [a, b, only = '^heldout\\d*$'] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: engine-ab.ts <checkout A> <checkout B>');
const load = async (repo: string) => ({
  build: ((await import(join(repo, 'src/lib/quotes/index.ts'))) as { buildQuoteCorpus: Build }).buildQuoteCorpus,
  parse: (
    (await import(join(repo, 'src/lib/quotes/evaluate.ts'))) as {
      articleFromMarkdown: (id: string, md: string) => unknown;
    }
  ).articleFromMarkdown,
});
const engines = [await load(a), await load(b)];
const people = JSON.parse(readFileSync(join(HERE, 'content/people.json'), 'utf8')) as unknown[];
const topics = JSON.parse(readFileSync(join(HERE, 'content/topics.json'), 'utf8')) as unknown[];
const sets = readdirSync(SYN)
  .filter((d) => /^heldout\d*$/.test(d) && new RegExp(only).test(d))
  .map((d) => {
    const dir = join(SYN, d);
    const own = readdirSync(dir).includes('people.json')
      ? (JSON.parse(readFileSync(join(dir, 'people.json'), 'utf8')) as unknown[])
      : [];
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    return {
      files: files.map((f) => [f.replace(/\.md$/, ''), readFileSync(join(dir, f), 'utf8')] as const),
      people: [...people, ...own],
    };
  });
const articles = sets.reduce((n, s) => n + s.files.length, 0);
const times: number[][] = [[], []];
for (let run = 0; run < 15; run++) {
  for (const [k, engine] of engines.entries()) {
    const parsed = sets.map((s) => ({ articles: s.files.map(([id, md]) => engine.parse(id, md)), people: s.people }));
    const start = performance.now();
    for (const s of parsed) engine.build(s.articles, s.people, topics, {}, []);
    times[k]!.push((performance.now() - start) / articles);
  }
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const [ma, mb] = [median(times[0]!), median(times[1]!)];
console.log(`${articles} articles, 15 alternating runs each (extract, attribute, classify, align; parsing excluded)`);
console.log(`A ${a}: median ${ma.toFixed(2)} ms/article`);
console.log(`B ${b}: median ${mb.toFixed(2)} ms/article`);
console.log(`B/A: ×${(mb / ma).toFixed(2)}`);
