import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleFromMarkdown } from '../../src/lib/quotes/evaluate.ts';
import { buildQuoteCorpus } from '../../src/lib/quotes/index.ts';
const root = join(import.meta.dirname, '..', '..');
const people0 = JSON.parse(readFileSync(join(root, 'content/people.json'), 'utf8'));
const topics = JSON.parse(readFileSync(join(root, 'content/topics.json'), 'utf8'));
const small = JSON.parse(readFileSync(join(root, 'content/vocabulary.json'), 'utf8'))[0].terms;
const sets: Array<[string, string, string]> = [
  ['five', join(root, 'content/articles'), join(root, 'tests/fixtures/quotes/gold.json')],
];
const syn = join(root, 'tests/fixtures/quotes/synthetic');
for (const d of readdirSync(syn)) if (/^heldout\d*$/.test(d)) sets.push([d, join(syn, d), join(syn, d, 'gold.json')]);
const out: string[] = [];
for (const [name, dir, goldPath] of sets) {
  const extra = name === 'five' ? [] : JSON.parse(readFileSync(join(dir, 'people.json'), 'utf8'));
  const arts = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => articleFromMarkdown(f.replace(/\.md$/, ''), readFileSync(join(dir, f), 'utf8')));
  const { quotes } = buildQuoteCorpus(arts, [...people0, ...extra], topics, {}, small);
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')).quotes;
  for (const g of gold) {
    const q = quotes.find((x) => x.article === g.article && x.text === g.text);
    if (!q) continue;
    const a = arts.find((x) => x.id === g.article)!;
    const p = a.paragraphs.find((x) => x.index === q.spans[0]!.paragraph)!;
    const prev = a.paragraphs.find((x) => x.index === p.index - 1 && x.heading === p.heading);
    const prev2 = a.paragraphs.find((x) => x.index === p.index - 2 && x.heading === p.heading);
    out.push(
      JSON.stringify({
        set: name,
        article: g.article,
        text: q.text,
        kind: q.kind,
        para: p.text,
        prev: prev?.text ?? '',
        prev2: prev2?.text ?? '',
        heading: p.heading ?? '',
        lead: a.paragraphs[0]?.text ?? '',
        title: a.title,
        engine: q.topics,
        gold: g.topics,
      }),
    );
  }
}
writeFileSync(join(import.meta.dirname, 'topicdata.jsonl'), out.join('\n') + '\n');
console.log(out.length);
