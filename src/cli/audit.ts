/**
 * `npm run audit`: Lighthouse on the built site, served from a loopback port the way a static
 * host would (with the response headers of public/_headers, as Netlify and Cloudflare Pages
 * send them). Audits the home page, a topic, an article and a search with results, as a phone
 * and as a desktop, prints the four category scores per page and form factor, and exits
 * non-zero when any score is below 90 (listing the audits that cost points).
 *
 *   --no-build        audit the existing build in --dir instead of building a fresh copy
 *   --dir <folder>    the build to audit with --no-build (default: dist)
 *   --base <path>     base path to build and serve under (default: /)
 *   --no-headers      serve as the bare test server does (no _headers, no-store, no gzip)
 *   --only <mobile|desktop>   one form factor
 *   --json <file>     also write the scores and the audits below 100 as JSON
 *   --keep            keep the build it made (dist-audit/) afterwards
 *
 * Nothing leaves the machine: Chromium resolves no host name but localhost and sends any other
 * request to a closed proxy port, and every request Lighthouse saw is checked to be loopback.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import type { Config, Flags, Result } from 'lighthouse';
import { CHROMIUM_ARGS } from './chromium.ts';
import { serve } from './serve.ts';
import { headersFor, parseHeadersFile } from '../lib/headers.ts';
import { normalizeBase } from '../lib/urls.ts';

const ROOT = resolve(new URL('../../', import.meta.url).pathname);
const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const SHORT: Record<(typeof CATEGORIES)[number], string> = {
  performance: 'perf',
  accessibility: 'a11y',
  'best-practices': 'best',
  seo: 'seo',
};
const THRESHOLD = 90;
/** Where the default run builds: a folder of its own, so it never overwrites dist/ under someone's feet. */
const AUDIT_OUT = 'dist-audit';

const CHROME_FLAGS = [
  '--headless',
  ...CHROMIUM_ARGS,
  // No way off the machine: no host name resolves but localhost (loopback IPs need none), and
  // anything else would go to a proxy on a closed loopback port (loopback itself bypasses it).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  '--proxy-server=http://127.0.0.1:9',
];

interface Target {
  label: string;
  /** Path under the base, with query. */
  path: string;
}

interface Row {
  target: Target;
  formFactor: 'mobile' | 'desktop';
  url: string;
  scores: Record<string, number | null>;
  /** Audits below 100 per category: title, score (0–1), and whether it counts toward the score. */
  losses: Record<
    string,
    { id: string; title: string; score: number; weighted: boolean; display?: string | undefined }[]
  >;
  /** How many requests the page made, and those that did not go to loopback (must be none). */
  requests: number;
  offLoopback: string[];
}

function fail(message: string): never {
  console.error(`audit: ${message}`);
  process.exit(2);
}

const { values: options } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    dir: { type: 'string' },
    base: { type: 'string', default: '/' },
    'no-headers': { type: 'boolean', default: false },
    only: { type: 'string' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const base = normalizeBase(options.base ?? '/');
const formFactors = (options.only ? [options.only] : ['mobile', 'desktop']) as Row['formFactor'][];
if (formFactors.some((f) => f !== 'mobile' && f !== 'desktop')) fail('--only takes mobile or desktop');
if (!existsSync(CHROME_PATH)) fail(`no Chromium at ${CHROME_PATH} (set CHROME_PATH, or apt-get install chromium)`);

const build = !options['no-build'];
const dir = resolve(ROOT, build ? AUDIT_OUT : (options.dir ?? 'dist'));

/** Text responses a static host compresses. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg\+xml)/;

/**
 * Serves `dir` under the base on 127.0.0.1 (src/cli/serve.ts) behind a small proxy that
 * answers the way Netlify and Cloudflare Pages do: the headers _headers gives each path, their
 * default revalidating Cache-Control instead of the test server's no-store, gzip for text.
 */
async function start(): Promise<{ origin: string; close: () => Promise<void> }> {
  const files = await serve(dir, { base });
  if (options['no-headers']) return files;
  const headersFile = join(dir, '_headers');
  const proxy = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    // Read per request: the server starts before the build that writes the file.
    const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
    const upstream = httpRequest(
      `${files.origin}${req.url ?? '/'}`,
      { method: req.method, headers: req.headers },
      (r) => {
        const headers: Record<string, string | string[] | undefined> = {
          ...r.headers,
          'cache-control': 'public, max-age=0, must-revalidate',
        };
        for (const [name, value] of Object.entries(headersFor(rules, path))) headers[name.toLowerCase()] = value;
        const gzip =
          COMPRESSIBLE.test(String(r.headers['content-type'] ?? '')) &&
          /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) &&
          req.method !== 'HEAD';
        if (gzip) {
          headers['content-encoding'] = 'gzip';
          headers.vary = 'Accept-Encoding';
          delete headers['content-length'];
        }
        res.writeHead(r.statusCode ?? 502, headers);
        (gzip ? r.pipe(createGzip()) : r).pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const { port } = proxy.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise<void>((done) => proxy.close(() => done()));
      await files.close();
    },
  };
}

/** The pages to audit; the article is the first of the build's articles.json. */
function targets(): Target[] {
  const articlesFile = join(dir, 'data', 'articles.json');
  if (!existsSync(articlesFile)) fail(`no ${articlesFile}: is ${dir} a build of this site?`);
  const articles = JSON.parse(readFileSync(articlesFile, 'utf8')) as { id: string; url: string }[];
  const article = articles[0] ?? fail('articles.json lists no article');
  return [
    { label: 'home', path: '' },
    { label: 'topic: security', path: 'topics/security/' },
    {
      label: `article: ${article.id}`,
      path: article.url.startsWith(base) ? article.url.slice(base.length) : article.url,
    },
    { label: 'search: maximum pressure', path: 'search/?q=maximum%20pressure' },
  ];
}

async function audit(url: string, formFactor: Row['formFactor']): Promise<Result> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'error' });
  try {
    const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] };
    const config: Config | undefined = formFactor === 'desktop' ? desktopConfig : undefined;
    const result = await lighthouse(url, flags, config);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError)
      throw new Error(`${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

function summarise(lhr: Result, target: Target, formFactor: Row['formFactor']): Row {
  const scores: Row['scores'] = {};
  const losses: Row['losses'] = {};
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = category?.score == null ? null : Math.round(category.score * 100);
    losses[id] = (category?.auditRefs ?? []).flatMap((ref) => {
      const a = lhr.audits[ref.id];
      if (!a || a.score === null || a.score >= 1) return [];
      if (!['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode)) return [];
      return [{ id: a.id, title: a.title, score: a.score, weighted: ref.weight > 0, display: a.displayValue }];
    });
  }
  const requests = (lhr.audits['network-requests']?.details as { items?: { url?: string }[] } | undefined)?.items ?? [];
  const offLoopback = requests
    .map((r) => r.url ?? '')
    .filter((u) => /^(https?|wss?):/.test(u) && !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(u).hostname));
  return { target, formFactor, url: lhr.finalDisplayedUrl, scores, losses, requests: requests.length, offLoopback };
}

function table(rows: Row[]): string {
  const head = ['page', 'form', ...CATEGORIES.map((c) => SHORT[c])];
  const body = rows.map((r) => [
    r.target.label,
    r.formFactor,
    ...CATEGORIES.map((c) => (r.scores[c] == null ? '–' : String(r.scores[c]))),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function main() {
  let server: Awaited<ReturnType<typeof start>> | undefined;
  try {
    if (build) {
      // Start serving first so the build can name its real origin (canonical URLs, og:image).
      rmSync(dir, { recursive: true, force: true });
      server = await start();
      console.log(`audit: building into ${AUDIT_OUT}/ for ${server.origin}${base}`);
      const astro = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
      const run = spawnSync(process.execPath, [astro, 'build'], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          OUT_DIR: AUDIT_OUT,
          SITE_URL: server.origin,
          BASE_PATH: base,
          ASTRO_TELEMETRY_DISABLED: '1',
        },
      });
      if (run.status !== 0) fail(`astro build failed (exit ${run.status})`);
    } else {
      if (!existsSync(join(dir, 'index.html'))) fail(`no ${dir}/index.html: build first or drop --no-build`);
      server = await start();
    }
    const headersFile = join(dir, '_headers');
    console.log(
      options['no-headers'] || !existsSync(headersFile)
        ? 'audit: serving without _headers'
        : `audit: serving with the headers of ${headersFile.slice(ROOT.length + 1)}`,
    );
    const rows: Row[] = [];
    for (const target of targets())
      for (const formFactor of formFactors) {
        const url = `${server.origin}${base}${target.path}`;
        process.stdout.write(`audit: ${formFactor.padEnd(7)} ${url}\n`);
        rows.push(summarise(await audit(url, formFactor), target, formFactor));
      }

    console.log(`\n${table(rows)}\n`);
    let failed = false;
    for (const row of rows) {
      const below = CATEGORIES.filter((c) => (row.scores[c] ?? 0) < 100);
      for (const category of below) {
        const low = (row.scores[category] ?? 0) < THRESHOLD;
        failed ||= low;
        const audits = row.losses[category] ?? [];
        console.log(
          `${low ? 'FAIL' : 'note'} ${row.target.label} (${row.formFactor}) ${category} ${row.scores[category]}:`,
        );
        const show = (a: (typeof audits)[number]) =>
          `${a.title} [${a.id}] ${Math.round(a.score * 100)}${a.display ? ` (${a.display})` : ''}`;
        for (const a of audits.filter((a) => a.weighted)) console.log(`       - ${show(a)}`);
        for (const a of audits.filter((a) => !a.weighted)) console.log(`         (hint, not scored) ${show(a)}`);
        if (!audits.some((a) => a.weighted))
          console.log('       - no scored audit below 100 (rounding of weighted metrics)');
      }
      if (row.requests === 0) {
        failed = true;
        console.log(`FAIL ${row.target.label} (${row.formFactor}): Lighthouse recorded no requests`);
      }
      if (row.offLoopback.length) {
        failed = true;
        console.log(
          `FAIL ${row.target.label} (${row.formFactor}) requested off loopback: ${row.offLoopback.join(', ')}`,
        );
      }
    }
    if (options.json) writeFileSync(resolve(options.json), `${JSON.stringify(rows, null, 2)}\n`);
    console.log(
      failed
        ? `\naudit: a score is below ${THRESHOLD} (or a request left loopback)`
        : `\naudit: every score ≥ ${THRESHOLD}`,
    );
    process.exitCode = failed ? 1 : 0;
  } finally {
    await server?.close();
    if (build && !options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
