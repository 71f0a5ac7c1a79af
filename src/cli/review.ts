/**
 * npm run review [-- --article <id>] [-- --limit <n>] [-- --below <confidence>] [-- --json] [-- --dir <articles dir>]
 * The decisions an editor should check, least confident first: the quote in its sentence, the article and
 * paragraph, the decision, the evidence in plain words, and the frontmatter override that settles it.
 * Reads content/ as the build does (the articles' own overrides included: an overridden decision is
 * certain and leaves the queue). `--json` prints a JSON array of
 * {quote, field, value, confidence, evidence, override, article, paragraph, text, sentence}.
 * By default every decision under 0.9 is listed; `--below 1` lists every decision the engine made itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { articleFromMarkdown } from '../lib/quotes/evaluate.ts';
import { buildQuoteCorpus } from '../lib/quotes/index.ts';
import { reviewQueue } from '../lib/quotes/review.ts';
import type { QuoteOverride } from '../lib/quotes/types.ts';
import { readBaseContent, ROOT } from './project-copy.ts';

const args = process.argv.slice(2);
/** A usage error: one line naming the option, no stack trace. */
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) fail(`--${name} needs a value`);
  return value;
};
const number = (name: string, value: string | undefined, max = Infinity) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > max) fail(`--${name}: "${value}" is not a number from 0 to ${max}`);
  return n;
};

const dir = resolve(option('dir') ?? join(ROOT, 'content', 'articles'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort();
const overrides: Record<string, QuoteOverride[]> = {};
const articles = files.map((file) => {
  const id = file.slice(0, -3);
  const source = readFileSync(join(dir, file), 'utf8');
  const { frontmatter } = parseFrontmatter(source);
  if (Array.isArray(frontmatter.quotes)) overrides[id] = frontmatter.quotes as QuoteOverride[];
  return articleFromMarkdown(id, source);
});
const article = option('article');
if (article !== undefined && !articles.some((a) => a.id === article))
  fail(`--article: no article "${article}" in ${dir} (known: ${articles.map((a) => a.id).join(', ')})`);

const { people, topics, smallTalk } = readBaseContent();
const corpus = buildQuoteCorpus(articles, people, topics, overrides, smallTalk);
const items = reviewQueue(corpus, articles, corpus.speakers, {
  article,
  below: number('below', option('below'), 1) ?? 0.9,
  limit: number('limit', option('limit')),
});

if (args.includes('--json')) {
  console.log(JSON.stringify(items, null, 2));
} else if (items.length === 0) {
  console.log('Nothing to review: every decision in scope is at or above the confidence bar.');
} else {
  const nameOf = new Map(corpus.speakers.map((p) => [p.id, p.name]));
  const show = (value: string | null | string[], field: string) =>
    field === 'speaker'
      ? value === null
        ? 'nobody named'
        : `${nameOf.get(value as string) ?? value} (${value})`
      : field === 'topics'
        ? (value as string[]).join(', ') || 'no topic'
        : (value as string[]).length > 1
          ? `one utterance with ${(value as string[]).length - 1} other article(s)' quote(s): ${(value as string[]).join(', ')}`
          : 'quoted by this article alone';
  for (const [n, item] of items.entries()) {
    console.log(
      `${n + 1}. ${item.confidence.toFixed(2)}  ${item.field}  ${item.article}, paragraph ${item.paragraph} (${item.quote})`,
    );
    console.log(`   in:       ${item.sentence}`);
    console.log(`   decision: ${show(item.value, item.field)}`);
    console.log(`   why:      ${item.evidence}`);
    console.log(`   override (under quotes: in ${item.article}.md):`);
    for (const line of item.override.split('\n')) console.log(`     ${line}`);
    console.log('');
  }
  console.log(`${items.length} decision(s) to review.`);
}
