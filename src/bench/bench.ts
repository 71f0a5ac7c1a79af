/**
 * `npm run bench`: how the site scales, from five articles to five thousand.
 *
 *   --sizes 5,50,500,5000   corpus sizes (articles)
 *   --runs 3                timed runs per measurement (medians are reported)
 *   --seed parallax         corpus seed (src/bench/corpus.ts)
 *   --skip-browser          no Chromium measurements
 *   --out docs/benchmarks.md  where the report goes (between its bench markers; "-" for none)
 *   --timeout 1800          seconds before a build is abandoned (larger sizes are then skipped)
 *   --cpu-prof              one extra, untimed build per size under `node --cpu-prof`; prints its hot spots
 *   --keep                  keep the temporary projects (their paths are printed)
 *   --dist a,b              build nothing: compare the search of already built sites (each a dist/ folder),
 *                           Parallax and Pagefind, run after run in turn (an A/B on one machine at one time)
 *
 * For each size it generates a synthetic corpus, writes it into a temporary copy of the project
 * (src/, public/, config, content/{people,topics}.json; node_modules linked entry by entry so the
 * copy's caches stay its own), runs `astro build` as a child process (wall time, pages per second,
 * peak RSS from /usr/bin/time -v or /proc), times the quote engine's stages in-process, measures
 * dist/ and the search files, and in Chromium the time to the first search and per-query latency;
 * then it indexes the article pages with Pagefind and compares the two searches (src/bench/engines.ts).
 * One machine, one benchmark at a time: nothing here runs in parallel.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateCorpus } from './corpus.ts';
import { buildPagefind, compareEngines, ENGINES, hasPagefind } from './engines.ts';
import type { Engine, EngineResult as SearchEngineResult } from './engines.ts';
import type { EvalQuery } from '../lib/search/eval.ts';
import type { BenchCorpus } from './corpus.ts';
import { paragraphsFromMarkdown } from '../lib/markdown.ts';
import { alignQuotes } from '../lib/quotes/align.ts';
import { attributeQuotes } from '../lib/quotes/attribute.ts';
import { classifyQuotes } from '../lib/quotes/classify.ts';
import { extractQuotes } from '../lib/quotes/extract.ts';
import type { ArticleText } from '../lib/quotes/types.ts';
import { serve } from '../cli/serve.ts';
import { ASTRO_BIN, buildEnv, readBaseContent, ROOT, writeCorpusProject } from '../cli/project-copy.ts';
import { quoteId } from '../lib/quotes/ids.ts';
import { FIRST_QUERY, QUERIES, SETTLE_MS } from './queries.ts';

const TIME_BIN = '/usr/bin/time';
/** node_modules entries a build writes into (caches): the copy gets its own, empty. */
const MARK_START = '<!-- bench:start -->';
const PAGEFIND_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }
).version;
const MARK_END = '<!-- bench:end -->';

// ---------------------------------------------------------------------------------------------
// Small helpers

const median = (values: number[]): number => {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Nearest-rank percentile. */
const percentile = (values: number[], p: number): number => {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
};

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

const gzipCache = new Map<string, number>();
/** gzip -6 size of a file (what a static host typically sends). */
function gzipSize(path: string): number {
  let size = gzipCache.get(path);
  if (size === undefined) {
    size = gzipSync(readFileSync(path), { level: 6 }).length;
    gzipCache.set(path, size);
  }
  return size;
}

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  sizes: number[];
  runs: number;
  seed: string;
  skipBrowser: boolean;
  out: string | null;
  timeout: number;
  cpuProf: boolean;
  keep: boolean;
  /** Built sites to compare instead of building corpora. */
  dists: string[];
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '5,50,500,5000' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: 'parallax' },
      'skip-browser': { type: 'boolean', default: false },
      out: { type: 'string', default: 'docs/benchmarks.md' },
      timeout: { type: 'string', default: '1800' },
      'cpu-prof': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      dist: { type: 'string', default: '' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(
      readFileSync(new URL(import.meta.url), 'utf8')
        .split('*/')[0]
        ?.replace(/^\/\*\*|^ \* ?/gm, ''),
    );
    process.exit(0);
  }
  const sizes = values.sizes
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  if (!sizes.length) throw new Error(`--sizes: no positive integers in "${values.sizes}"`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: "${values.runs}" is not a positive integer`);
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runs,
    seed: values.seed,
    skipBrowser: values['skip-browser'],
    out: values.out === '-' ? null : values.out,
    timeout: Number(values.timeout) || 1800,
    cpuProf: values['cpu-prof'],
    keep: values.keep,
    dists: values.dist
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => resolve(d)),
  };
}

// ---------------------------------------------------------------------------------------------
// The temporary project

function cleanBuild(dir: string): void {
  for (const path of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite', 'node_modules/.vite-temp'])
    rmSync(join(dir, path), { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// astro build as a child process

interface BuildRun {
  ok: boolean;
  timedOut: boolean;
  wallMs: number;
  /** Peak resident set size, bytes. */
  rss: number;
  log: string;
}

/** Peak RSS from /proc while the process runs (when /usr/bin/time is missing). */
function pollPeakRss(pid: number): { stop(): number } {
  let peak = 0;
  const read = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024);
    } catch {
      // gone
    }
  };
  const timer = setInterval(read, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

function runBuild(dir: string, index: number, timeoutS: number, nodeFlags: string[] = []): Promise<BuildRun> {
  cleanBuild(dir);
  const logFile = join(dir, `build-${index}.log`);
  const timeFile = join(dir, `build-${index}.time`);
  const useTime = existsSync(TIME_BIN);
  const command = useTime ? TIME_BIN : process.execPath;
  const args = [...(useTime ? ['-v', '-o', timeFile, process.execPath] : []), ...nodeFlags, ASTRO_BIN, 'build'];
  const fd = openSync(logFile, 'w');
  const started = performance.now();
  const child = spawn(command, args, { cwd: dir, env: buildEnv(), stdio: ['ignore', fd, fd], detached: true });
  const poll = useTime ? null : pollPeakRss(child.pid as number);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-(child.pid as number), 'SIGKILL'); // the group this build started, nothing else
    } catch {
      // already gone
    }
  }, timeoutS * 1000);
  return new Promise((done) => {
    child.on('exit', (code) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      closeSync(fd);
      let rss = poll?.stop() ?? 0;
      if (useTime && existsSync(timeFile)) {
        const max = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
        if (max) rss = Number(max[1]) * 1024;
      }
      const text = readFileSync(logFile, 'utf8');
      done({ ok: code === 0 && !timedOut, timedOut, wallMs, rss, log: text });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The quote engine, stage by stage, in this process

const STAGES = ['parse', 'extract', 'attribute', 'classify', 'align'] as const;
type Stage = (typeof STAGES)[number];

interface EngineResult {
  times: Record<Stage, number[]>;
  quotes: number;
  statements: number;
  multiOutlet: number;
}

function timeEngine(corpus: BenchCorpus, base: ReturnType<typeof readBaseContent>, runs: number): EngineResult {
  const times = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<Stage, number[]>;
  let counts = { quotes: 0, statements: 0, multiOutlet: 0 };
  // One untimed pass over a slice first, so the medians are not the JIT's warm-up.
  const warm = { ...corpus, articles: corpus.articles.slice(0, 20) };
  for (let run = -1; run < runs; run++) {
    const current = run < 0 ? warm : corpus;
    let t = performance.now();
    const lap = (stage: Stage) => {
      const now = performance.now();
      if (run >= 0) times[stage].push(now - t);
      t = now;
    };
    const texts: ArticleText[] = current.articles.map((a) => ({
      id: a.id,
      outlet: a.frontmatter.outlet,
      event: a.frontmatter.event,
      title: a.frontmatter.title,
      paragraphs: paragraphsFromMarkdown(a.body),
    }));
    lap('parse');
    const extracted = texts.map((a) => extractQuotes(a));
    lap('extract');
    const attributed = texts.map((a, i) => attributeQuotes(a, extracted[i] ?? [], base.people, []));
    lap('attribute');
    const classified = texts.map((a, i) => classifyQuotes(a, attributed[i] ?? [], base.topics, [], base.smallTalk));
    lap('classify');
    const placed = texts.flatMap((a, i) =>
      (classified[i] ?? []).map((q) => ({
        ...q,
        id: quoteId(a.id, q.anchor),
        article: a.id,
        outlet: a.outlet,
        event: a.event,
      })),
    );
    const aligned = alignQuotes(placed);
    lap('align');
    counts = {
      quotes: aligned.quotes.length,
      statements: aligned.statements.length,
      multiOutlet: aligned.statements.filter((s) => s.outlets.length > 1).length,
    };
  }
  return { times, ...counts };
}

// ---------------------------------------------------------------------------------------------
// dist/

interface DistResult {
  bytes: number;
  files: number;
  pages: number;
  /** Everything under dist/data/ whose path starts with "search". */
  searchRaw: number;
  searchGzip: number;
  searchFiles: number;
}

function measureDist(dist: string): DistResult {
  const files = walk(dist);
  const search = files.filter((f) => relative(join(dist, 'data'), f).startsWith('search'));
  return {
    bytes: files.reduce((n, f) => n + statSync(f).size, 0),
    files: files.length,
    pages: files.filter((f) => f.endsWith('.html')).length,
    searchRaw: search.reduce((n, f) => n + statSync(f).size, 0),
    searchGzip: search.reduce((n, f) => n + gzipSize(f), 0),
    searchFiles: search.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Chromium

interface BrowserResult {
  /** Navigation to the first result rendered, per run (ms). */
  firstSearch: number[];
  /** Query latencies over all runs (ms): submit to results rendered (aria-busy cleared). */
  latencies: number[];
  /** gzip bytes the first search fetched: the lazily loaded search engine chunk and the search data. */
  firstDownload: number;
  /** Per query on a fresh page: gzip bytes fetched for it (engine chunk + search data). */
  downloads: Map<string, number>;
  chromium: string;
}

/** Records, in the page, when the first search's results are rendered. */
const FIRST_RESULT_PROBE = `(() => {
  const check = () => {
    const status = document.querySelector('#search-status');
    const results = document.querySelector('#search-results');
    if (!status || !results || results.hasAttribute('aria-busy')) return;
    const text = (status.textContent || '').trim();
    if (!text || /^Loading/.test(text)) return;
    window.__benchFirstResult = performance.now();
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;

/** A fetch a search makes: the lazily loaded engine chunk (Fuse's, before issue #15) or search data. */
const isSearchDownload = (url: string): boolean => {
  const path = new URL(url).pathname;
  return /\/data\/search/.test(path) || /fuse|shards/i.test(path);
};

async function measureBrowser(dist: string, runs: number): Promise<BrowserResult> {
  // Loaded here, not at start-up: --skip-browser runs never load playwright.
  const { launchBrowser } = await import('../cli/chromium.ts');
  const server = await serve(dist);
  const browser = await launchBrowser();
  const localFile = (url: string) => join(dist, decodeURIComponent(new URL(url).pathname));
  const bytesOf = (urls: string[]) =>
    [...new Set(urls.filter(isSearchDownload))].reduce(
      (n, u) => n + (existsSync(localFile(u)) ? gzipSize(localFile(u)) : 0),
      0,
    );

  /** A fresh page that searched `query` from its URL; returns when the results are rendered. */
  const openSearch = async (query: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('requestfinished', (request) => fetched.push(request.url()));
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    await page.addInitScript(FIRST_RESULT_PROBE);
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(
      () => (window as { __benchFirstResult?: number }).__benchFirstResult !== undefined,
      null,
      {
        timeout: 300_000,
        polling: 50,
      },
    );
    const at = await page.evaluate(() => (window as unknown as { __benchFirstResult: number }).__benchFirstResult);
    return { context, page, fetched, at };
  };

  try {
    const firstSearch: number[] = [];
    const latencies: number[] = [];
    const perQuery = new Map<string, number[]>();
    let firstDownload = 0;
    for (let run = 0; run < runs; run++) {
      const { context, page, fetched, at } = await openSearch(FIRST_QUERY);
      firstSearch.push(at);
      if (run === 0) firstDownload = bytesOf(fetched);
      // A reader reads the first results before typing again: without this pause the next queries
      // compete with the page's own start-up work, which the first-search time already counts.
      await page.waitForTimeout(SETTLE_MS);
      const times = await page.evaluate(async (queries: string[]) => {
        const root = document.querySelector('parallax-search') as HTMLElement;
        const input = root.querySelector('input[name="q"]') as HTMLInputElement;
        const form = root.querySelector('form') as HTMLFormElement;
        const results = document.querySelector('#search-results') as HTMLElement;
        const out: number[] = [];
        for (const query of queries) {
          input.value = query;
          const rendered = new Promise<number>((done) => {
            const observer = new MutationObserver(() => {
              if (results.hasAttribute('aria-busy')) return;
              observer.disconnect();
              done(performance.now());
            });
            observer.observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
          });
          const start = performance.now();
          form.requestSubmit();
          out.push((await rendered) - start);
          await new Promise((r) => setTimeout(r, 30)); // layout and paint between queries
        }
        return out;
      }, QUERIES);
      latencies.push(...times);
      times.forEach((ms, i) => perQuery.set(QUERIES[i] as string, [...(perQuery.get(QUERIES[i] as string) ?? []), ms]));
      await context.close();
    }
    const downloads = new Map<string, number>();
    for (const query of QUERIES) {
      const { context, fetched } = await openSearch(query);
      downloads.set(query, bytesOf(fetched));
      await context.close();
    }
    log(
      `per query (median ms · gzip kB): ${QUERIES.map((q) => `${q} ${fmt.ms(median(perQuery.get(q) ?? []))} · ${fmt.kb(downloads.get(q) ?? 0)}`).join('; ')}`,
    );
    return { firstSearch, latencies, firstDownload, downloads, chromium: browser.version() };
  } finally {
    await browser.close();
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// CPU profile of one build

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Self time per function and per file from a .cpuprofile, top entries first. */
function summarizeProfile(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    startTime: number;
    endTime: number;
    samples: number[];
  };
  const perSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = (node.hitCount ?? 0) * perSample;
    if (!ms) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, 'node_modules/') || '(native)';
    const fn = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    byFile.set(where, (byFile.get(where) ?? 0) + ms);
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  const list = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${(v / 1000).toFixed(2).padStart(8)} s  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  return `profile ${file} (${(total / 1000).toFixed(1)} s)\nself time by function:\n${list(byFunction)}\nself time by file:\n${list(byFile)}`;
}

// ---------------------------------------------------------------------------------------------
// Report

interface SizeResult {
  size: number;
  outlets: number;
  events: number;
  engine: EngineResult;
  builds: BuildRun[];
  dist: DistResult | null;
  browser: BrowserResult | null;
  /** Parallax and Pagefind side by side over the same dist/. */
  engines: Record<Engine, SearchEngineResult> | null;
  /** 1-minute load average before each build (other work on the machine skews the times). */
  load: number[];
  note?: string;
}

const fmt = {
  ms: (v: number) => (Number.isNaN(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1)),
  s: (v: number) => (Number.isNaN(v) ? '–' : (v / 1000).toFixed(1)),
  mb: (v: number) => (Number.isNaN(v) ? '–' : (v / 1_048_576).toFixed(1)),
  kb: (v: number) => (Number.isNaN(v) ? '–' : (v / 1024).toFixed(v < 10_240 ? 1 : 0)),
  int: (v: number) => (Number.isNaN(v) ? '–' : Math.round(v).toLocaleString('en-US')),
  rate: (v: number) => (Number.isNaN(v) ? '–' : v.toFixed(1)),
};

interface Row {
  label: string;
  values: number[];
  format: (v: number) => string;
  /** Whether the growth column applies (costs: time, bytes, memory). */
  growth: boolean;
  /** Cells written out instead of formatted values. */
  cells?: string[];
}

/** Growth per 10× between consecutive sizes: (b/a)^(1/log10(nb/na)). Linear ≈ 10. */
function growthPer10x(sizes: number[], values: number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < sizes.length; i++) {
    const [a, b] = [values[i - 1] as number, values[i] as number];
    const decades = Math.log10((sizes[i] as number) / (sizes[i - 1] as number));
    out.push(a > 0 && b > 0 && decades > 0 ? (b / a) ** (1 / decades) : Number.NaN);
  }
  return out;
}

function rowsFor(results: SizeResult[]): Row[] {
  const ok = (r: SizeResult) => r.builds.filter((b) => b.ok);
  const buildMedian = (r: SizeResult, pick: (b: BuildRun) => number) =>
    ok(r).length ? median(ok(r).map(pick)) : Number.NaN;
  const stage = (s: Stage) => results.map((r) => median(r.engine.times[s]));
  const browser = (pick: (b: BrowserResult) => number) =>
    results.map((r) => (r.browser ? pick(r.browser) : Number.NaN));
  return [
    {
      label: 'outlets · events',
      values: results.map((r) => r.outlets),
      format: fmt.int,
      growth: false,
      cells: results.map((r) => `${r.outlets} · ${r.events}`),
    },
    { label: 'quotes (engine)', values: results.map((r) => r.engine.quotes), format: fmt.int, growth: false },
    {
      label: 'statements · quoted by >1 outlet',
      values: results.map((r) => r.engine.statements),
      format: fmt.int,
      growth: false,
      cells: results.map((r) => `${fmt.int(r.engine.statements)} · ${fmt.int(r.engine.multiOutlet)}`),
    },
    { label: 'pages built', values: results.map((r) => r.dist?.pages ?? Number.NaN), format: fmt.int, growth: true },
    {
      label: '**astro build, wall (s)**',
      values: results.map((r) => buildMedian(r, (b) => b.wallMs)),
      format: fmt.s,
      growth: true,
    },
    {
      label: 'pages built per second',
      values: results.map((r) => (r.dist ? r.dist.pages / (buildMedian(r, (b) => b.wallMs) / 1000) : Number.NaN)),
      format: fmt.rate,
      growth: false,
    },
    {
      label: 'load average before builds (max)',
      values: results.map((r) => (r.load.length ? Math.max(...r.load) : Number.NaN)),
      format: (v) => (Number.isNaN(v) ? '–' : v.toFixed(1)),
      growth: false,
    },
    {
      label: 'build peak RSS (MB)',
      values: results.map((r) => buildMedian(r, (b) => b.rss)),
      format: fmt.mb,
      growth: true,
    },
    ...STAGES.map((s) => ({ label: `engine: ${s} (ms)`, values: stage(s), format: fmt.ms, growth: true })),
    {
      label: 'engine: total (ms)',
      values: results.map((r) => STAGES.reduce((n, s) => n + median(r.engine.times[s]), 0)),
      format: fmt.ms,
      growth: true,
    },
    { label: 'dist/ size (MB)', values: results.map((r) => r.dist?.bytes ?? Number.NaN), format: fmt.mb, growth: true },
    {
      label: 'search files, raw (kB)',
      values: results.map((r) => r.dist?.searchRaw ?? Number.NaN),
      format: fmt.kb,
      growth: true,
    },
    {
      label: 'search files, gzip (kB)',
      values: results.map((r) => r.dist?.searchGzip ?? Number.NaN),
      format: fmt.kb,
      growth: true,
    },
    {
      label: 'first search downloads, gzip (kB)',
      values: browser((b) => b.firstDownload),
      format: fmt.kb,
      growth: true,
    },
    {
      label: '**one search downloads, gzip, max over queries (kB)**',
      values: browser((b) => Math.max(...b.downloads.values())),
      format: fmt.kb,
      growth: true,
    },
    { label: 'time to first search (ms)', values: browser((b) => median(b.firstSearch)), format: fmt.ms, growth: true },
    {
      label: 'query latency p50 (ms)',
      values: browser((b) => percentile(b.latencies, 50)),
      format: fmt.ms,
      growth: true,
    },
    {
      label: '**query latency p95 (ms)**',
      values: browser((b) => percentile(b.latencies, 95)),
      format: fmt.ms,
      growth: true,
    },
  ];
}

function renderTable(results: SizeResult[]): string {
  const sizes = results.map((r) => r.size);
  const header = ['articles', ...sizes.map((n) => n.toLocaleString('en-US')), 'growth per 10×'];
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`];
  for (const row of rowsFor(results)) {
    const cells = row.cells ?? row.values.map(row.format);
    const growth = row.growth
      ? growthPer10x(sizes, row.values)
          .map((g) => (Number.isNaN(g) ? '–' : `×${g.toFixed(g < 10 ? 1 : 0)}`))
          .join(' · ')
      : '';
    lines.push(`| ${row.label} | ${cells.join(' | ')} | ${growth} |`);
  }
  return lines.join('\n');
}

function machine(): string {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown CPU';
  const astro = (
    JSON.parse(readFileSync(join(ROOT, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string }
  ).version;
  return `${availableParallelism()} CPUs (nproc), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${model}; Node ${process.version}, Astro ${astro}`;
}

function targets(results: SizeResult[]): string {
  const lines: string[] = [];
  const buildAt = (n: number) => results.find((r) => r.size === n);
  const near1000 = buildAt(1000);
  if (near1000) {
    const wall = median(near1000.builds.filter((b) => b.ok).map((b) => b.wallMs));
    lines.push(
      `- 1,000 articles build in under 60 s: ${Number.isNaN(wall) ? 'no build' : `${fmt.s(wall)} s`} → ${wall < 60_000 ? 'met' : 'MISSED'}`,
    );
    if (near1000.browser) {
      const p95 = percentile(near1000.browser.latencies, 95);
      lines.push(
        `- search under 50 ms p95 per query at 1,000 articles: ${fmt.ms(p95)} ms → ${p95 < 50 ? 'met' : 'MISSED'}`,
      );
    }
  }
  const at5000 = buildAt(5000);
  if (at5000?.browser) {
    const max = Math.max(...at5000.browser.downloads.values());
    lines.push(
      `- a search downloads under 500 kB gzip at 5,000 articles: ${fmt.kb(max)} kB (max over the queries) → ${max < 500 * 1024 ? 'met' : 'MISSED'}`,
    );
  }
  const sizes = results.map((r) => r.size);
  const worst: string[] = [];
  for (const row of rowsFor(results).filter((r) => r.growth)) {
    const g = growthPer10x(sizes, row.values).filter((x) => !Number.isNaN(x));
    const last = g[g.length - 1];
    if (last !== undefined && last > 12) worst.push(`${row.label.replace(/\*/g, '')} ×${last.toFixed(0)}`);
  }
  lines.push(
    `- every stage at most linear in N (largest step's growth per 10× at most ×12: linear is ×10, run-to-run noise about ±2): ${worst.length ? `MISSED by ${worst.join('; ')}` : 'met'}`,
  );
  return lines.join('\n');
}

function report(results: SizeResult[], options: Options, command: string, date: string): string {
  const chromium = results.find((r) => r.browser)?.browser?.chromium;
  const notes = results.filter((r) => r.note).map((r) => `- ${r.size.toLocaleString('en-US')} articles: ${r.note}`);
  return [
    MARK_START,
    `Measured ${date} with \`${command}\` on ${machine()}${chromium ? `; Chromium ${chromium}` : ''}.`,
    '',
    `Medians of ${options.runs} runs (cold builds: dist/, .astro/ and caches removed before each). Engine stages run in-process on the same corpus. Query latency: ${QUERIES.length} fixed queries × ${options.runs} fresh pages (each ${SETTLE_MS} ms after its first search), form submit → results rendered (aria-busy cleared), fetching included. Downloads: gzip -6 of the lazily loaded engine chunk and the search data files a search fetched. Growth per 10×: (b/a)^(1/log10(N_b/N_a)) between neighbouring sizes; linear is ×10.`,
    '',
    renderTable(results),
    '',
    targets(results),
    ...(results.some((r) => r.engines)
      ? [
          '',
          `Parallax and Pagefind ${PAGEFIND_VERSION} over the same dist/ (Pagefind: its CLI over the article pages, defaults; queried through its JavaScript API on a same-origin page, the ten results' data loaded as a results page would). Hit rate: the ${LABELLED.filter((q) => !q.filters).length} labelled queries of tests/fixtures/search/queries.json without filters, a hit being an article built on an expected one (the corpus recombines the five real articles) in the top 1 or 3, or nothing for a no-match query. Bytes: gzip -6 of what the engine fetched (Pagefind's index and wasm files are gzip already: their size), for the first query on a fresh page, and the median over the latency queries after it. Latency: the ${QUERIES.length} latency queries × ${options.runs} fresh pages, engines in turn.`,
          '',
          renderEngines(results),
        ]
      : []),
    ...(notes.length ? ['', ...notes] : []),
    MARK_END,
  ].join('\n');
}

async function writeReport(path: string, block: string): Promise<void> {
  const file = resolve(ROOT, path);
  mkdirSync(join(file, '..'), { recursive: true });
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const start = previous.indexOf(MARK_START);
  const end = previous.indexOf(MARK_END);
  const next =
    start >= 0 && end > start
      ? previous.slice(0, start) + block + previous.slice(end + MARK_END.length)
      : `# Benchmarks\n\nWritten by \`npm run bench\` (src/bench/bench.ts) between the bench markers; notes outside them are kept.\n\n${block}\n`;
  // Formatted as `npm run lint` expects (aligned table columns), when Prettier is installed.
  let formatted = next;
  try {
    const prettier = await import('prettier');
    formatted = await prettier.format(next, { ...(await prettier.resolveConfig(file)), filepath: file });
  } catch (error) {
    log(`prettier: ${(error as Error).message}; writing the report unformatted`);
  }
  writeFileSync(file, formatted);
}

// ---------------------------------------------------------------------------------------------
// Parallax and Pagefind

const LABELLED = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/search/queries.json'), 'utf8')) as EvalQuery[];

async function sideBySide(
  dist: string,
  runs: number,
  basedOn?: ReadonlyMap<string, string>,
): Promise<Record<Engine, SearchEngineResult>> {
  const { launchBrowser } = await import('../cli/chromium.ts');
  const server = await serve(dist);
  const browser = await launchBrowser();
  try {
    return await compareEngines(browser, {
      url: server.url,
      dist,
      labelled: LABELLED,
      ...(basedOn ? { basedOn } : {}),
      queries: QUERIES,
      firstQuery: FIRST_QUERY,
      runs,
      settleMs: SETTLE_MS,
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

function describeEngines(engines: Record<Engine, SearchEngineResult>): string {
  return ENGINES.map((engine) => {
    const e = engines[engine];
    return `${engine}: hit@1 ${e.hit1}/${e.n}, hit@3 ${e.hit3}/${e.n}, first query ${fmt.kb(e.firstBytes)} kB, later ${fmt.kb(e.laterBytes)} kB, p50 ${fmt.ms(percentile(e.latencies, 50))} ms, p95 ${fmt.ms(percentile(e.latencies, 95))} ms`;
  }).join('; ');
}

/** The side-by-side table: one row per size and engine. */
function renderEngines(results: SizeResult[]): string {
  const rows = results.flatMap((r) =>
    r.engines
      ? ENGINES.map((engine) => {
          const e = (r.engines as Record<Engine, SearchEngineResult>)[engine];
          return [
            r.size.toLocaleString('en-US'),
            engine === 'parallax' ? 'Parallax' : 'Pagefind',
            `${e.hit1}/${e.n}`,
            `${e.hit3}/${e.n}`,
            fmt.kb(e.firstBytes),
            fmt.kb(e.laterBytes),
            fmt.ms(percentile(e.latencies, 50)),
            fmt.ms(percentile(e.latencies, 95)),
          ];
        })
      : [],
  );
  if (!rows.length) return '';
  const header = [
    'articles',
    'engine',
    'hit@1',
    'hit@3',
    'first query (kB)',
    'later query (kB)',
    'p50 (ms)',
    'p95 (ms)',
  ];
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** --dist: the search of already built sites, Parallax and Pagefind, compared run after run in turn. */
async function compareDists(options: Options): Promise<void> {
  for (const dist of options.dists)
    if (!hasPagefind(dist)) log(`${dist}: Pagefind indexed it in ${fmt.s(await buildPagefind(ROOT, dist))} s`);
  const all = new Map(options.dists.map((d) => [d, [] as Array<Record<Engine, SearchEngineResult>>]));
  for (let run = 0; run < options.runs; run++)
    for (const dist of options.dists) {
      const result = await sideBySide(dist, 1);
      all.get(dist)?.push(result);
      log(`run ${run + 1}, ${dist}: load ${loadavg()[0]?.toFixed(1)}; ${describeEngines(result)}`);
    }
  for (const [dist, results] of all) {
    const merged = Object.fromEntries(
      ENGINES.map((engine) => {
        const first = results[0]?.[engine] as SearchEngineResult;
        return [engine, { ...first, latencies: results.flatMap((r) => r[engine].latencies) }];
      }),
    ) as Record<Engine, SearchEngineResult>;
    console.log(`${dist} (${results.length} runs): ${describeEngines(merged)}`);
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  if (options.dists.length) {
    log(`machine: ${machine()}`);
    await compareDists(options);
    return;
  }
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, '');
  const base = readBaseContent();
  const results: SizeResult[] = [];
  let skipBuilds = false;
  log(`machine: ${machine()}`);
  for (const size of options.sizes) {
    const corpus = generateCorpus(base.corpusBase, { size, seed: options.seed });
    log(`${size} articles: ${corpus.outlets.length} outlets, ${corpus.events.length} events; writing the project`);
    const dir = writeCorpusProject(corpus, 'parallax-bench-');
    const result: SizeResult = {
      size,
      outlets: corpus.outlets.length,
      events: corpus.events.length,
      engine: timeEngine(corpus, base, options.runs),
      builds: [],
      dist: null,
      browser: null,
      engines: null,
      load: [],
    };
    log(
      `${size}: engine ${STAGES.map((s) => `${s} ${fmt.ms(median(result.engine.times[s]))} ms`).join(', ')}; ${result.engine.quotes} quotes, ${result.engine.statements} statements`,
    );
    results.push(result);
    try {
      if (skipBuilds) {
        result.note = 'not built: a smaller size already exceeded the build timeout';
        continue;
      }
      for (let run = 0; run < options.runs; run++) {
        result.load.push(loadavg()[0] ?? 0);
        const build = await runBuild(dir, run, options.timeout);
        result.builds.push(build);
        log(
          `${size}: build ${run + 1}/${options.runs}: ${build.ok ? 'ok' : build.timedOut ? 'TIMED OUT' : 'FAILED'} in ${fmt.s(build.wallMs)} s, peak RSS ${fmt.mb(build.rss)} MB`,
        );
        if (!build.ok) {
          if (!build.timedOut) log(build.log.split('\n').slice(-30).join('\n'));
          result.note = build.timedOut
            ? `the build did not finish within ${options.timeout} s`
            : `the build failed: ${build.log.split('\n').filter(Boolean).slice(-3).join(' / ')}`;
          if (build.timedOut) skipBuilds = true;
          break;
        }
      }
      if (result.builds.some((b) => b.ok)) {
        result.dist = measureDist(join(dir, 'dist'));
        log(
          `${size}: dist ${fmt.mb(result.dist.bytes)} MB, ${result.dist.pages} pages, search ${fmt.kb(result.dist.searchGzip)} kB gzip`,
        );
        if (!options.skipBrowser) {
          result.browser = await measureBrowser(join(dir, 'dist'), options.runs);
          log(
            `${size}: first search ${fmt.ms(median(result.browser.firstSearch))} ms, p50 ${fmt.ms(percentile(result.browser.latencies, 50))} ms, p95 ${fmt.ms(percentile(result.browser.latencies, 95))} ms, max download ${fmt.kb(Math.max(...result.browser.downloads.values()))} kB`,
          );
          const dist = join(dir, 'dist');
          log(`${size}: Pagefind indexed the article pages in ${fmt.s(await buildPagefind(ROOT, dist))} s`);
          const basedOn = new Map(corpus.articles.map((a) => [a.id, a.basedOn]));
          result.engines = await sideBySide(dist, options.runs, basedOn);
          log(`${size}: ${describeEngines(result.engines)}`);
        }
      }
      if (options.cpuProf && !skipBuilds) {
        const profDir = join(dir, 'cpu-prof');
        const build = await runBuild(dir, 99, options.timeout, ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
        const profiles = walk(profDir).filter((f) => f.endsWith('.cpuprofile'));
        const biggest = profiles.sort((a, b) => statSync(b).size - statSync(a).size)[0];
        if (build.ok && biggest) {
          const summary = summarizeProfile(biggest);
          const keep = join(ROOT, '.bench', `cpu-prof-${size}.cpuprofile`);
          mkdirSync(join(ROOT, '.bench'), { recursive: true });
          cpSync(biggest, keep);
          log(`${size}: ${summary.replace(biggest, keep)}`);
        }
      }
    } finally {
      if (options.keep) log(`${size}: kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    }
  }
  const date = new Date().toISOString().slice(0, 10);
  const block = report(results, options, command, date);
  console.log(
    block
      .split('\n')
      .filter((l) => !l.startsWith('<!--'))
      .join('\n'),
  );
  if (options.out) {
    await writeReport(options.out, block);
    log(`wrote ${options.out}`);
  }
}

await main();
