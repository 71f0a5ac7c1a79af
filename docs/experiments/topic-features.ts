// Writes topicdata.jsonl: per labelled quote, its text and context, the engine's topics and the gold topics.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { heldOutDirs, readFiveArticles, readLabelledSet } from '../../src/cli/labelled-sets.ts';
import { readBaseContent } from '../../src/cli/project-copy.ts';
import { buildQuoteCorpus } from '../../src/lib/quotes/index.ts';

const { people, topics, smallTalk } = readBaseContent();
const sets = [readFiveArticles(people), ...heldOutDirs().map((dir) => readLabelledSet(dir, people))];
const rows: string[] = [];
for (const set of sets) {
  const { quotes } = buildQuoteCorpus(set.articles, set.people, topics, {}, smallTalk);
  for (const g of set.gold) {
    const q = quotes.find((x) => x.article === g.article && x.text === g.text);
    const a = set.articles.find((x) => x.id === g.article);
    const p = q && a?.paragraphs.find((x) => x.index === q.spans[0]!.paragraph);
    if (!q || !a || !p) continue;
    const prev = a.paragraphs.find((x) => x.index === p.index - 1 && x.heading === p.heading);
    rows.push(
      JSON.stringify({
        set: set.label,
        text: q.text,
        kind: q.kind,
        para: p.text,
        prev: prev?.text ?? '',
        heading: p.heading ?? '',
        lead: a.paragraphs[0]?.text ?? '',
        title: a.title,
        engine: q.topics,
        gold: g.topics,
      }),
    );
  }
}
writeFileSync(join(import.meta.dirname, 'topicdata.jsonl'), `${rows.join('\n')}\n`);
console.log(`${rows.length} quotes`);
