/**
 * Throwaway copies of the project, and `astro build` run in them as a child process: shared by
 * the benchmark (src/bench/bench.ts) and the build tests that build something other than dist/.
 *
 * A copy gets src/, public/, the config files and whatever content its caller writes. Its
 * node_modules is a real folder of links, entry by entry, so the caches Astro and Vite keep
 * there (node_modules/.astro holds the content layer's data store) are the copy's own: copies
 * that build side by side never read one another's content.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArticleFile, serializeArticle } from '../bench/corpus.ts';
import type { BaseContent, BenchCorpus, EventRecord, OutletRecord } from '../bench/corpus.ts';
import type { Person, TopicDefinition } from '../lib/quotes/types.ts';

export const ROOT = resolve(new URL('../../', import.meta.url).pathname);
export const ASTRO_BIN = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** Caches that live in node_modules and belong to each build, never shared. */
const OWN_CACHES = new Set(['.astro', '.vite', '.vite-temp', '.vitest-cache', '.cache']);

/** A fresh temporary copy of the project without content/; returns its path. */
export function copyProject(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of ['src', 'public']) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  for (const file of ['astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(ROOT, file), join(dir, file));
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (OWN_CACHES.has(entry)) continue;
    symlinkSync(join(ROOT, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  return dir;
}

/**
 * This process's environment for a child `astro build`: without what Vitest adds (Vite would
 * take BASE_URL=/, MODE=test etc. for the child's import.meta.env and quietly build every URL
 * without the base) and without the site settings unless the caller passes them.
 */
export function buildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(BASE_URL|MODE|DEV|PROD|SSR|TEST|NODE_ENV|OUT_DIR|SITE_URL|BASE_PATH)$/.test(key) || key.startsWith('VITEST'))
      delete env[key];
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** The project's real content, as the synthetic corpus generator and the engine take it. */
export function readBaseContent(): {
  corpusBase: BaseContent;
  people: Person[];
  topics: TopicDefinition[];
  smallTalk: string[];
} {
  const json = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
  const dir = join(ROOT, 'content', 'articles');
  const articles = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parseArticleFile(f.slice(0, -3), readFileSync(join(dir, f), 'utf8')));
  return {
    corpusBase: {
      articles,
      outlets: json<OutletRecord[]>('content/outlets.json'),
      events: json<EventRecord[]>('content/events.json'),
    },
    people: json<Person[]>('content/people.json').map((p) => ({ ...p, aliases: p.aliases ?? [] })),
    topics: json<TopicDefinition[]>('content/topics.json'),
    smallTalk:
      json<Array<{ id: string; terms: string[] }>>('content/vocabulary.json').find((v) => v.id === 'small-talk')
        ?.terms ?? [],
  };
}

/** A copy of the project whose content/ holds a generated corpus (with the real people and topics). */
export function writeCorpusProject(corpus: BenchCorpus, prefix: string): string {
  const dir = copyProject(prefix);
  const content = join(dir, 'content');
  mkdirSync(join(content, 'articles'), { recursive: true });
  for (const file of ['people.json', 'topics.json', 'vocabulary.json'])
    cpSync(join(ROOT, 'content', file), join(content, file));
  writeFileSync(join(content, 'outlets.json'), `${JSON.stringify(corpus.outlets, null, 2)}\n`);
  writeFileSync(join(content, 'events.json'), `${JSON.stringify(corpus.events, null, 2)}\n`);
  for (const article of corpus.articles)
    writeFileSync(join(content, 'articles', `${article.id}.md`), serializeArticle(article));
  return dir;
}

/**
 * `astro build` in `cwd` as a child process, with `buildEnv(env)`; resolves with its exit status
 * (1 on a timeout) and everything it printed, so a caller can assert success or a failure message.
 */
export function astroBuild(
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 300_000,
): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [ASTRO_BIN, 'build'],
      {
        cwd,
        env: buildEnv({ NO_COLOR: '1', FORCE_COLOR: '0', ...env }),
        timeout: timeoutMs,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ status, output: `${stdout}\n${stderr}` });
      },
    );
  });
}
