/**
 * npm run people:suggest [-- <articles dir>]
 * Prints, for every speaker the articles name and content/people.json does not list, a people.json entry
 * ready to paste: the id the engine already gives them (so promoting a person changes no quote id and no
 * URL), the name, a role from the articles' own descriptions, the pronoun the articles use, and the
 * forms of the name the articles print.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildQuoteCorpus } from '../lib/quotes/index.ts';
import { suggestEntry } from '../lib/quotes/suggest.ts';
import type { Person } from '../lib/quotes/types.ts';
import { articlesIn } from './labelled-sets.ts';
import { readBaseContent, ROOT } from './project-copy.ts';

const dir = resolve(process.argv[2] ?? join(ROOT, 'content', 'articles'));
const { people, topics, smallTalk } = readBaseContent();
// a folder of its own (a held-out set) may list people of its own beside its articles
const own = join(dir, 'people.json');
const listed = existsSync(own) ? [...people, ...(JSON.parse(readFileSync(own, 'utf8')) as Person[])] : people;
const articles = articlesIn(dir);
const { speakers, quotes } = buildQuoteCorpus(articles, listed, topics, {}, smallTalk);
const unlisted = speakers.filter((s) => !s.listed);
if (unlisted.length === 0) {
  console.log(`Every speaker in ${dir} is in content/people.json.`);
} else {
  for (const speaker of unlisted) {
    const count = quotes.filter((q) => q.speaker === speaker.id).length;
    const where = [...new Set(speaker.descriptions.map((d) => d.article))].join(', ') || 'no description';
    console.log(`// ${speaker.name}: ${count} quote(s); described in ${where}`);
    console.log(`${JSON.stringify(suggestEntry(speaker, articles), null, 2)},`);
  }
}
