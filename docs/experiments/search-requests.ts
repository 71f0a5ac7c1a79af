// What a search request costs in Chromium, and how much of the bench's search latency is the automation's:
//   npx node docs/experiments/search-requests.ts <built dist/> [pages per run] [runs]
// A driver page of ours (served beside the dist, same origin) opens the search page in an iframe and runs the
// bench's latency protocol (src/bench/queries.ts: a first query, a pause, then the latency queries back to back, timed in
// the page from submit to results drawn), then times fetches: a tiny file one at a time and four at once, and a
// record pack (fetch, decode, JSON.parse apart). The same driver runs in Chromium launched bare (no DevTools
// protocol attached, as a reader's browser) and under Playwright (as the bench drives it), alternating.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIRST_QUERY, QUERIES, SETTLE_MS } from '../../src/bench/queries.ts';
import { CHROMIUM, CHROMIUM_ARGS, launchBrowser } from '../../src/cli/chromium.ts';
import { serve } from '../../src/cli/serve.ts';

const [dist, pagesArg = '3', runsArg = '2'] = process.argv.slice(2);
if (!dist) throw new Error('usage: search-requests.ts <built dist/> [pages per run] [runs]');

const driver = (pages: number) => `<!doctype html><body><script type="module">
const QUERIES = ${JSON.stringify(QUERIES)};
const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
async function protocol() {
  const frame = document.createElement('iframe');
  frame.src = '/search/';
  document.body.append(frame);
  await new Promise((done) => frame.addEventListener('load', done, { once: true }));
  const doc = frame.contentDocument;
  const input = doc.querySelector('parallax-search input[name="q"]');
  const form = doc.querySelector('parallax-search form');
  const results = doc.querySelector('#search-results');
  const ask = (q) => new Promise((done) => {
    input.value = q;
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (results.hasAttribute('aria-busy')) return;
      observer.disconnect();
      done(performance.now() - start);
    });
    observer.observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
    form.requestSubmit();
  });
  input.focus();
  await ask(${JSON.stringify(FIRST_QUERY)});
  await new Promise((done) => setTimeout(done, ${SETTLE_MS}));
  const ms = [];
  for (const q of QUERIES) ms.push(await ask(q));
  frame.remove();
  return ms;
}
async function fetches() {
  const time = async (f) => { const t = performance.now(); await f(); return performance.now() - t; };
  const one = [], four = [], pack = [], decode = [], parse = [];
  for (let i = 0; i < 20; i++) {
    one.push(await time(async () => (await fetch('/robots.txt?' + i)).text()));
    four.push(await time(() => Promise.all([1, 2, 3, 4].map(async (k) => (await fetch('/robots.txt?' + i + '-' + k)).text()))));
    let buffer, text;
    pack.push(await time(async () => (buffer = await (await fetch('/data/search/r/' + (i % 5) + '.json?' + i)).arrayBuffer())));
    decode.push(await time(() => (text = new TextDecoder().decode(buffer))));
    parse.push(await time(() => JSON.parse(text)));
  }
  return { one: median(one), four: median(four), pack: median(pack), decode: median(decode), parse: median(parse) };
}
const latencies = [];
for (let p = 0; p < ${pages}; p++) latencies.push(...(await protocol()));
await fetch('/result', { method: 'POST', body: JSON.stringify({ latencies, fetches: await fetches() }) });
</script>`;

let received: (body: string) => void = () => {};
const server = await serve(dist, {
  before: (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/driver.html') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(driver(Number(pagesArg)));
      return true;
    }
    if (path !== '/result') return false;
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => (response.end(), received(body)));
    return true;
  },
});
const url = `${server.url}driver.html`;

interface Result {
  latencies: number[];
  fetches: Record<'one' | 'four' | 'pack' | 'decode' | 'parse', number>;
}
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};
const report = (name: string, { latencies, fetches: f }: Result) =>
  console.log(
    `${name.padEnd(10)} search p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms` +
      ` | tiny file ${f.one.toFixed(1)} ms, four at once ${f.four.toFixed(1)} ms` +
      ` | record pack: fetch ${f.pack.toFixed(1)}, decode ${f.decode.toFixed(1)}, JSON.parse ${f.parse.toFixed(1)} ms`,
  );
const result = () => new Promise<string>((done) => (received = done));

for (let run = 0; run < Number(runsArg); run++) {
  const profile = join(tmpdir(), `search-requests-${process.pid}-${run}`);
  const got = result();
  const bare = spawn(CHROMIUM, ['--headless', ...CHROMIUM_ARGS, `--user-data-dir=${profile}`, url], {
    stdio: 'ignore',
  });
  report('bare', JSON.parse(await got) as Result);
  bare.kill();
  rmSync(profile, { recursive: true, force: true });

  const browser = await launchBrowser();
  const page = await (await browser.newContext()).newPage();
  const gotToo = result();
  await page.goto(url);
  report('playwright', JSON.parse(await gotToo) as Result);
  await browser.close();
}
await server.close();
