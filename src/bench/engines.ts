/**
 * Parallax's search beside Pagefind's (the search most static sites use), over the same built
 * site: Pagefind indexes the article pages of dist/ with its defaults (the whole <body>), and
 * both engines answer the same queries in the same Chromium. Measured per engine: hit rate on
 * the labelled queries (tests/fixtures/search/queries.json), bytes a first and a later query
 * download, and latency per query. Pagefind is a devDependency used here only, never by the site.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { EvalQuery } from '../lib/search/eval.ts';

const run = promisify(execFile);

export const ENGINES = ['parallax', 'pagefind'] as const;
export type Engine = (typeof ENGINES)[number];

export interface EngineResult {
  /** Labelled queries asked (those without filters: Pagefind's index has none) and how many landed. */
  n: number;
  hit1: number;
  hit3: number;
  /** Bytes (gzip, as a host sends them) fetched by the first query on a fresh page: code and index. */
  firstBytes: number;
  /** Median over the latency queries of the bytes each fetched after the first. */
  laterBytes: number;
  /** Per latency query and run, timed in the page: ms from asking to results on screen (Parallax: form submitted, results drawn) or in hand with excerpts (Pagefind's API: not drawn). */
  latencies: number[];
}

/** Runs the Pagefind CLI over dist/ (article pages only); its files go to dist/pagefind/. Returns ms taken. */
export async function buildPagefind(root: string, dist: string): Promise<number> {
  const start = performance.now();
  await run(join(root, 'node_modules', '.bin', 'pagefind'), ['--site', dist, '--glob', 'articles/*/index.html'], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return performance.now() - start;
}

/** Bytes of a fetched file as sent compressed: Pagefind's index and wasm files are gzip already. */
function sentBytes(dist: string, url: string, cache: Map<string, number>): number {
  const path = decodeURIComponent(new URL(url).pathname);
  let size = cache.get(path);
  if (size === undefined) {
    const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
    if (!existsSync(file) || !statSync(file).isFile()) size = 0;
    else if (/\.(pf_\w+|pagefind)$/.test(file)) size = statSync(file).size;
    else size = gzipSync(readFileSync(file), { level: 6 }).length;
    cache.set(path, size);
  }
  return size;
}

/** What counts as a search download for each engine (the page itself does not). */
const isDownload: Record<Engine, (url: string) => boolean> = {
  parallax: (url) => /\/(data\/search|_astro\/)/.test(new URL(url).pathname),
  pagefind: (url) => new URL(url).pathname.includes('/pagefind/'),
};

/** The article id of a result URL (…/articles/<id>/). */
const articleOf = (url: string): string => /\/articles\/([^/]+)\/?/.exec(url)?.[1] ?? url;

/** Asks one engine one query in an open page: the ranked article ids, and the ms it took, timed in the page. */
async function ask(page: Page, engine: Engine, query: string): Promise<{ ranked: string[]; ms: number }> {
  if (engine === 'pagefind')
    return page.evaluate(async (q) => {
      const pagefind = (window as unknown as { __pagefind: PagefindApi }).__pagefind;
      const start = performance.now();
      const found = await pagefind.search(q);
      // A results page shows ten results, each with its title and excerpt: load those.
      const shown = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
      return { ranked: shown.map((d) => d.url), ms: performance.now() - start };
    }, query);
  return page.evaluate(async (q) => {
    const root = document.querySelector('parallax-search') as HTMLElement;
    const input = root.querySelector('input[name="q"]') as HTMLInputElement;
    const form = root.querySelector('form') as HTMLFormElement;
    const results = document.querySelector('#search-results') as HTMLElement;
    input.value = q;
    const start = performance.now();
    await new Promise<void>((done) => {
      const observer = new MutationObserver(() => {
        if (results.hasAttribute('aria-busy')) return;
        observer.disconnect();
        done();
      });
      observer.observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
      form.requestSubmit();
    });
    const ms = performance.now() - start;
    const ranked = [...results.querySelectorAll<HTMLElement>('li.search-result')].map((li) => li.dataset.article ?? '');
    return { ranked, ms };
  }, query);
}

interface PagefindApi {
  init(): Promise<void>;
  search(query: string): Promise<{ results: Array<{ data(): Promise<{ url: string }> }> }>;
}

/** A fresh page ready to search: Parallax's search page, or a plain same-origin page with Pagefind imported. */
async function openEngine(browser: Browser, url: string, engine: Engine) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched: Array<{ url: string }> = [];
  page.on('requestfinished', (request) => fetched.push({ url: request.url() }));
  if (engine === 'parallax') await page.goto(`${url}search/`);
  else {
    // robots.txt: same origin, no Content-Security-Policy to stop Pagefind's wasm.
    await page.goto(`${url}robots.txt`);
    await page.evaluate(async (src) => {
      const pagefind = (await import(src)) as PagefindApi;
      (window as unknown as { __pagefind: PagefindApi }).__pagefind = pagefind;
    }, `${url}pagefind/pagefind.js`);
  }
  return { context, page, fetched };
}

export interface CompareOptions {
  /** The site's URL (the static server's), ending in /. */
  url: string;
  dist: string;
  /** Labelled queries; expected articles are matched through `basedOn` (a synthetic article → the real one it copies). */
  labelled: readonly EvalQuery[];
  basedOn?: ReadonlyMap<string, string>;
  /** The bench's latency queries, asked after a first query on each fresh page. */
  queries: readonly string[];
  firstQuery: string;
  runs: number;
  settleMs: number;
}

/** Both engines over one built site, one after the other, run by run (interleaved, so load hits both alike). */
export async function compareEngines(browser: Browser, options: CompareOptions): Promise<Record<Engine, EngineResult>> {
  const sizes = new Map<string, number>();
  const out = {} as Record<Engine, EngineResult>;
  for (const engine of ENGINES) out[engine] = { n: 0, hit1: 0, hit3: 0, firstBytes: 0, laterBytes: 0, latencies: [] };
  const later: Record<Engine, number[]> = { parallax: [], pagefind: [] };
  const bytes = (engine: Engine, urls: Array<{ url: string }>) =>
    [...new Set(urls.map((u) => u.url).filter(isDownload[engine]))].reduce(
      (n, u) => n + sentBytes(options.dist, u, sizes),
      0,
    );

  for (let r = 0; r < options.runs; r++)
    for (const engine of ENGINES) {
      const { context, page, fetched } = await openEngine(browser, options.url, engine);
      await ask(page, engine, options.firstQuery);
      if (r === 0) out[engine].firstBytes = bytes(engine, fetched);
      await page.waitForTimeout(options.settleMs);
      for (const query of options.queries) {
        const before = fetched.length;
        out[engine].latencies.push((await ask(page, engine, query)).ms);
        if (r === 0) later[engine].push(bytes(engine, fetched.slice(before)));
      }
      if (r === 0) {
        // Hit rate, on the same warm page: the labelled queries without filters.
        for (const query of options.labelled) {
          if (query.filters && Object.values(query.filters).some(Boolean)) continue;
          const ranked = (await ask(page, engine, query.q)).ranked.map(articleOf);
          const wanted = new Set(query.expect.map((e) => e.article));
          const real = (id: string) => options.basedOn?.get(id) ?? id;
          const hit = (k: number) =>
            wanted.size ? ranked.slice(0, k).some((id) => wanted.has(real(id))) : ranked.length === 0;
          out[engine].n += 1;
          out[engine].hit1 += Number(hit(1));
          out[engine].hit3 += Number(hit(3));
        }
      }
      await context.close();
    }
  for (const engine of ENGINES) {
    const sorted = [...later[engine]].sort((a, b) => a - b);
    out[engine].laterBytes = sorted[Math.floor(sorted.length / 2)] ?? 0;
  }
  return out;
}

/** Whether dist/ has a Pagefind index. */
export const hasPagefind = (dist: string): boolean =>
  existsSync(join(dist, 'pagefind')) && readdirSync(join(dist, 'pagefind')).includes('pagefind.js');
