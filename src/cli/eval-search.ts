/**
 * `npm run eval:search`: measures search quality (hit@1, hit@3) on the labelled queries in
 * tests/fixtures/search/queries.json, over the real articles, with the shipped tuning.
 *
 *   --sweep     also try other settings (word forms off, section headings not indexed, other exactness weights)
 *   --verbose   list every query with what came back
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { paragraphsFromMarkdown } from '../lib/markdown.ts';
import { formatSummary, judge, summarize } from '../lib/search/eval.ts';
import type { EvalOutcome, EvalQuery } from '../lib/search/eval.ts';
import { DEFAULT_TUNING, EXACTNESS, searchIndex } from '../lib/search/query.ts';
import type { SearchTuning } from '../lib/search/query.ts';
import { buildSearchRecords } from '../lib/search/records.ts';
import type { SearchData, SearchSource, SearchSourceArticle, SearchSourceQuote } from '../lib/search/records.ts';

const root = new URL('../../', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));

/** The frontmatter's top-level scalar fields (all the eval needs; nested lists are skipped). */
function frontmatter(source: string): { fields: Record<string, string>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  const fields: Record<string, string> = {};
  if (!match) return { fields, body: source };
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    const field = /^([A-Za-z_][\w-]*):\s*(.+?)\s*$/.exec(line);
    if (!field) continue;
    const raw = field[2] as string;
    fields[field[1] as string] = raw.startsWith('"')
      ? (JSON.parse(raw) as string)
      : raw.startsWith("'")
        ? raw.slice(1, -1).replace(/''/g, "'")
        : raw;
  }
  return { fields, body: source.slice(match[0].length) };
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;

function loadArticles(): SearchSourceArticle[] {
  const outlets = new Map(readJson<Array<{ id: string; name: string }>>('content/outlets.json').map((o) => [o.id, o]));
  const events = new Map(readJson<Array<{ id: string; start: string }>>('content/events.json').map((e) => [e.id, e]));
  const dir = join(root, 'content/articles');
  const articles = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((file) => {
      const { fields, body } = frontmatter(readFileSync(join(dir, file), 'utf8'));
      const outlet = outlets.get(fields.outlet ?? '') ?? { id: fields.outlet ?? '', name: fields.outlet ?? '' };
      return {
        id: basename(file, '.md'),
        title: fields.title ?? '',
        dek: fields.dek,
        outlet,
        published: fields.published ?? '',
        event: { id: fields.event ?? '' },
        paragraphs: paragraphsFromMarkdown(body),
      };
    });
  // The corpus's order: newest event, newest article, headline.
  const start = (a: SearchSourceArticle) => events.get(a.event.id)?.start ?? '';
  return articles.sort(
    (a, b) =>
      start(b).localeCompare(start(a)) || b.published.localeCompare(a.published) || a.title.localeCompare(b.title),
  );
}

/** Quotes from the quote engine, when it and its content files exist; otherwise headline/paragraph records only. */
async function loadQuotes(
  articles: SearchSourceArticle[],
): Promise<Pick<SearchSource, 'quotes' | 'people'> & { note: string }> {
  const engine = join(root, 'src/lib/quotes/index.ts');
  const files = ['content/people.json', 'content/topics.json'];
  if (!existsSync(engine) || files.some((f) => !existsSync(join(root, f))))
    return { note: 'quote engine or people/topics not present: headline, dek and paragraph records only' };
  try {
    const { buildQuoteCorpus } = (await import(engine)) as {
      buildQuoteCorpus: (...args: unknown[]) => { quotes: SearchSourceQuote[] };
    };
    const people = readJson<Array<{ id: string; name: string }>>(files[0] as string);
    const topics = readJson<unknown[]>(files[1] as string);
    const texts = articles.map((a) => ({
      id: a.id,
      outlet: a.outlet.id,
      event: a.event.id,
      title: a.title,
      paragraphs: a.paragraphs,
    }));
    // Frontmatter quote overrides are not read here (nested YAML); the engine's own attribution stands.
    const { quotes } = buildQuoteCorpus(texts, people, topics, {});
    return { quotes, people, note: `${quotes.length} quotes from the quote engine (without frontmatter overrides)` };
  } catch (error) {
    return { note: `quote engine failed (${(error as Error).message}): headline, dek and paragraph records only` };
  }
}

const articles = loadArticles();
const quoted = await loadQuotes(articles);
const data = buildSearchRecords({ articles, ...quoted });
const queries = readJson<EvalQuery[]>('tests/fixtures/search/queries.json');

function evaluate(tuning: SearchTuning = DEFAULT_TUNING, over: SearchData = data): EvalOutcome[] {
  return queries.map((query) => judge(query, searchIndex(over, query.q, query.filters ?? {}, tuning)));
}

console.log(
  `Search eval: ${queries.length} queries, ${articles.length} articles, ${data.records.length} records (${quoted.note}).\n`,
);
const outcomes = evaluate();
console.log(formatSummary(summarize(outcomes)));

const misses = outcomes.filter((o) => !o.hit1 || !o.hit3);
for (const o of args.has('--verbose') ? outcomes : misses) {
  const mark = o.hit1 ? 'ok  ' : o.hit3 ? '@3  ' : 'MISS';
  console.log(
    `${mark} [${o.query.type}] ${JSON.stringify(o.query.q)} → ${o.ranked.slice(0, 3).join(', ') || '(nothing)'}`,
  );
}

if (args.has('--sweep')) {
  console.log('\nSweep (nomatch: no-match queries correctly empty; noise/q: unexpected articles per query):');
  const row = (label: string, tuning: SearchTuning = DEFAULT_TUNING, over: SearchData = data) => {
    const s = summarize(evaluate(tuning, over));
    const nm = s.byType.nomatch;
    return [
      label.padEnd(36),
      `hit@1 ${s.overall.hit1}/${s.overall.n}`,
      `hit@3 ${s.overall.hit3}/${s.overall.n}`,
      `passage@1 ${s.overall.passage1}/${s.overall.anchored}`,
      `nomatch ${nm ? `${nm.hit1}/${nm.n}` : '-'}`,
      `noise/q ${(s.overall.noise / s.overall.n).toFixed(2)}`,
    ].join('  ');
  };
  const withoutHeadings = { ...data, records: data.records.filter((r) => r.kind !== 'heading') };
  const rows = [
    row('shipped'),
    row('word forms off', { ...DEFAULT_TUNING, forms: false }),
    row('section headings not indexed', DEFAULT_TUNING, withoutHeadings),
    row('forms off, headings not indexed', { ...DEFAULT_TUNING, forms: false }, withoutHeadings),
    ...[0, 0.3, 1, 2].map((exactness) =>
      row(`exactness ${exactness} (shipped ${EXACTNESS})`, { ...DEFAULT_TUNING, exactness }),
    ),
  ];
  console.log(rows.join('\n'));
}
