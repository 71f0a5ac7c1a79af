/**
 * npm run article:add -- <capture.txt> --outlet "<outlet name>" --title "<headline>" \
 *   --date YYYY-MM-DD --event <event id> [--byline "..."] [--dateline "..."] [--dek "..."] \
 *   [--content-dir <dir>]
 *
 * Adds an article to the content from a plain-text capture of it (paragraphs separated by blank
 * lines, page furniture already removed). Writes content/articles/<slug>.md and, for an outlet
 * not seen before, appends it to content/outlets.json. Refuses, writing nothing and exiting
 * non-zero, when anything is wrong. The decisions are made by src/lib/ingest.ts; this file only
 * does the I/O.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type EventRef, type IngestRequest, type OutletRecord, planIngest } from '../lib/ingest.ts';

const USAGE = `Usage: npm run article:add -- <capture.txt> --outlet "<outlet name>" --title "<headline>"
         --date YYYY-MM-DD --event <event id>
         [--byline "..."] [--dateline "..."] [--dek "..."] [--content-dir <dir>]

  <capture.txt>   plain text of the article; paragraphs separated by blank lines
  --outlet        outlet name or short name (a new outlet is added to outlets.json)
  --title         headline, exactly as published
  --date          publication date, a real date written YYYY-MM-DD
  --event         id of an event in content/events.json
  --byline        author(s), as credited
  --dateline      place of the dateline; default: taken from a "CITY -- " or
                  "CITY (Agency) - " opening of the first paragraph; "" for none
  --dek           subheadline
  --content-dir   content directory (default: the project's content/)`;

const REQUIRED = ['outlet', 'title', 'date', 'event'] as const;

function refuse(problems: string[], showUsage = false): never {
  for (const problem of problems) console.error(`article:add: ${problem}`);
  console.error('article:add: nothing was written.');
  if (showUsage) console.error(`\n${USAGE}`);
  process.exit(1);
}

function readJsonArray<T>(file: string, problems: string[]): T[] {
  if (!existsSync(file)) {
    problems.push(`${file} does not exist`);
    return [];
  }
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (Array.isArray(data)) return data as T[];
    problems.push(`${file} is not a JSON array`);
  } catch (error) {
    problems.push(`${file} is not valid JSON (${(error as Error).message})`);
  }
  return [];
}

function main(argv: string[]): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        outlet: { type: 'string' },
        title: { type: 'string' },
        date: { type: 'string' },
        event: { type: 'string' },
        byline: { type: 'string' },
        dateline: { type: 'string' },
        dek: { type: 'string' },
        'content-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    refuse([(error as Error).message], true);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }

  const problems: string[] = [];
  if (positionals.length === 0) problems.push('missing the capture file (the first argument)');
  if (positionals.length > 1) {
    problems.push(
      `expected one capture file, got ${positionals.length}: ${positionals.join(', ')} (quote values with spaces)`,
    );
  }
  for (const flag of REQUIRED) {
    if (values[flag] === undefined) problems.push(`missing required flag --${flag}`);
  }

  // `npm run` starts scripts in the package root; paths are meant relative to where the editor typed them.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const capturePath = positionals.length === 1 && positionals[0] ? resolve(cwd, positionals[0]) : undefined;
  let captureText = '';
  if (capturePath) {
    if (!existsSync(capturePath) || !statSync(capturePath).isFile()) {
      problems.push(`capture file not found: ${positionals[0]}`);
    } else {
      captureText = readFileSync(capturePath, 'utf8');
    }
  }

  const contentDir = values['content-dir']
    ? resolve(cwd, values['content-dir'])
    : resolve(import.meta.dirname, '..', '..', 'content');
  const articlesDir = join(contentDir, 'articles');
  const outletsFile = join(contentDir, 'outlets.json');
  const events = readJsonArray<EventRef>(join(contentDir, 'events.json'), problems);
  const outlets = readJsonArray<OutletRecord>(outletsFile, problems);
  if (problems.length > 0)
    refuse(
      problems,
      problems.some((p) => p.startsWith('missing')),
    );

  const existingArticleIds = existsSync(articlesDir)
    ? readdirSync(articlesDir)
        .filter((f) => /\.mdx?$/.test(f))
        .map((f) => f.replace(/\.mdx?$/, ''))
    : [];

  const request: IngestRequest = {
    captureName: basename(capturePath ?? ''),
    captureText,
    outlet: values.outlet ?? '',
    title: values.title ?? '',
    date: values.date ?? '',
    event: values.event ?? '',
    ...(values.byline !== undefined ? { byline: values.byline } : {}),
    ...(values.dateline !== undefined ? { dateline: values.dateline } : {}),
    ...(values.dek !== undefined ? { dek: values.dek } : {}),
  };
  const plan = planIngest(request, { outlets, events, existingArticleIds });
  if (!plan.ok) refuse(plan.errors);

  mkdirSync(articlesDir, { recursive: true });
  const articleFile = join(articlesDir, `${plan.articleId}.md`);
  // 'wx': never overwrite an article, even one that appeared since the directory was listed.
  writeFileSync(articleFile, plan.markdown, { flag: 'wx' });
  if (plan.outletAdded) writeFileSync(outletsFile, `${JSON.stringify(plan.outlets, null, 2)}\n`);

  const shown = (file: string): string => relative(cwd, file) || file;
  const count = plan.paragraphs.length;
  console.log(`Wrote ${shown(articleFile)} (${count} paragraph${count === 1 ? '' : 's'}).`);
  console.log(plan.dateline ? `Dateline: ${plan.dateline}` : 'Dateline: none');
  if (plan.outletAdded) {
    console.log(
      `Added outlet "${plan.outlet.name}" to ${shown(outletsFile)} as "${plan.outlet.id}" (colour ${plan.outlet.color}); ` +
        'review its kind and add a homepage there.',
    );
  }
}

main(process.argv.slice(2));
