/**
 * Performance budgets on the built files (dist/, or DIST_DIR / DIST_BASE): how much
 * JavaScript each page runs, how heavy the search page and its data are, how big every
 * HTML page is, and that no resource comes from another origin. Sizes are gzip (zlib's
 * default level 6, what hosts typically compress on the fly) in bytes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element } from 'hast';
import { describe, expect, inject, it } from 'vitest';
import { $, $$, BASE, DIST, fileFor, page, text } from './dist.ts';

/** The budgets, in gzip bytes. Raise one only with a reason next to it. */
export const BUDGETS = {
  /**
   * The one script every page may carry: the header's "/" shortcut (about 0.2 kB today).
   * Anything near 1 kB is no longer a keyboard shortcut; it belongs in an island on its own page.
   */
  sharedScript: 1_000,
  /**
   * Everything the search page runs: the shared script, the search element and the search engine
   * (imported lazily on first focus). 18.3 kB with Fuse.js (9.2 kB of it); without Fuse (the
   * shards rule articles out and our own scorer ranks the rest, issue #15) and with the Porter2
   * stemmer for word forms (1.7 kB) it is about 12 kB. 15 kB is about 0.3 s on a slow 3G link
   * (400 kbit/s), paid while the reader types the first word.
   */
  searchPageJs: 15_000,
  /**
   * data/search-index.json + data/search-records.json, fetched together on the search box's
   * first focus, before any result can show. 50 kB is about 1 s on a slow 3G link, the longest
   * a reader should wait for the first results. They were 24.6 kB as a whole Fuse index of five
   * articles (about 5 kB per article, so the budget held about ten); as the sharded manifest and
   * article table they are about 4.5 kB, and grow with the vocabulary, not the text.
   */
  searchData: 50_000,
  /**
   * Any HTML page, inline CSS included. 14 kB is what arrives in the first TCP round trip
   * (initial congestion window of 10 packets × 1460 B, less headers), so every page can start
   * rendering after one round trip. The largest page today, the security topic with every
   * event, is 9.2 kB. Past it: split the topic page by event (the filtered views exist).
   */
  htmlPage: 14_000,
} as const;

const gzip = (data: string | Buffer) => gzipSync(data).length;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

const pages = inject('builtPages');
const SEARCH = `${BASE}search/`;

/** A page's <script> elements: each as its src (resolved URL path) or its inline text. */
function scriptsOf(url: string): Array<{ src: string | null; code: string }> {
  return $$('script', page(url)).map((el) => {
    const src = el.properties.src;
    return typeof src === 'string'
      ? { src: new URL(src, `http://site${url}`).pathname, code: '' }
      : { src: null, code: text(el) };
  });
}

const fileText = (urlPath: string) => {
  const file = fileFor(urlPath);
  if (!file) throw new Error(`script ${urlPath} is not in the build`);
  return readFileSync(file);
};

/** Module specifiers a built script loads: static imports/exports and import(). */
function importsOf(code: string, from: string): string[] {
  const specs: string[] = [];
  for (const m of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*${}\s,]+?\s*from\s*)?["'`]([^"'`]+)["'`]/g))
    specs.push(m[1]!);
  for (const m of code.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) specs.push(m[1]!);
  return specs.filter((s) => /^(\.{1,2}\/|\/)/.test(s)).map((s) => new URL(s, `http://site${from}`).pathname);
}

/** Every JS file a page can load, following imports (lazy ones included) from its scripts and modulepreloads. */
function javascriptOf(url: string): { inline: string[]; files: Map<string, number> } {
  const inline: string[] = [];
  const files = new Map<string, number>();
  const queue: string[] = [];
  for (const script of scriptsOf(url)) {
    if (script.src) queue.push(script.src);
    else {
      inline.push(script.code);
      queue.push(...importsOf(script.code, url));
    }
  }
  for (const link of $$('link[rel~="modulepreload"][href]', page(url)))
    queue.push(new URL(String(link.properties.href), `http://site${url}`).pathname);
  while (queue.length) {
    const path = queue.shift()!;
    if (files.has(path)) continue;
    const content = fileText(path);
    files.set(path, gzip(content));
    queue.push(...importsOf(content.toString('utf8'), path));
  }
  return { inline, files };
}

/** The site's own origin, from the home page's canonical URL (absolute URLs there are not "another origin"). */
const ownOrigin = (() => {
  const href = $('link[rel~="canonical"]', page(BASE))?.properties.href;
  return new URL(typeof href === 'string' ? href : (process.env.SITE_URL ?? 'http://localhost:4321')).origin;
})();

const cssUrls = (css: string) =>
  [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/url\(\s*["']?([^"')\s]+)|@import\s+["']([^"']+)/gi)].map(
    (m) => m[1] ?? m[2] ?? '',
  );

/** True for a URL that leaves the site: absolute (or protocol-relative) on another origin. */
const foreign = (url: string) => {
  if (!/^([a-z][a-z\d+.-]*:|\/\/)/i.test(url.trim())) return false;
  if (/^(data|blob):/i.test(url.trim())) return false;
  try {
    return new URL(url.trim(), ownOrigin).origin !== ownOrigin;
  } catch {
    return true;
  }
};

describe('JavaScript budget', () => {
  const home = scriptsOf(BASE);
  const shared = home[0];

  it(`pages other than search run at most one shared script, under ${kb(BUDGETS.sharedScript)} gzip`, () => {
    expect(home.length, `${BASE} has ${home.length} scripts`).toBeLessThanOrEqual(1);
    if (shared) {
      const size = shared.src ? gzip(fileText(shared.src)) : gzip(shared.code);
      expect(size, `shared script is ${kb(size)} gzip`).toBeLessThan(BUDGETS.sharedScript);
      // A shared external script must not pull anything else in.
      if (shared.src) expect(importsOf(fileText(shared.src).toString('utf8'), shared.src)).toEqual([]);
      else expect(importsOf(shared.code, BASE)).toEqual([]);
    }
    const offenders: string[] = [];
    for (const url of pages) {
      if (url === SEARCH) continue;
      const scripts = scriptsOf(url);
      const others = scripts.filter((s) => !shared || s.src !== shared.src || s.code !== shared.code);
      if (scripts.length > 1 || others.length > 0)
        offenders.push(`${url}: ${scripts.map((s) => s.src ?? `inline "${s.code.slice(0, 50)}…"`).join(', ')}`);
      expect($$('link[rel~="modulepreload"]', page(url)), url).toEqual([]);
    }
    expect(offenders, offenders.join('\n')).toEqual([]);
  });

  it(`the search page loads under ${kb(BUDGETS.searchPageJs)} gzip of JavaScript, lazy chunks included`, () => {
    expect(pages).toContain(SEARCH);
    const { inline, files } = javascriptOf(SEARCH);
    // The lazily imported engine chunk must be among what we counted, or the count is wrong.
    expect(
      [...files.keys()].some((path) => /shards/i.test(path)),
      [...files.keys()].join(', '),
    ).toBe(true);
    const total = inline.reduce((sum, code) => sum + gzip(code), 0) + [...files.values()].reduce((a, b) => a + b, 0);
    const detail = [...files].map(([path, size]) => `${path} ${kb(size)}`).join(', ');
    expect(total, `search page JS is ${kb(total)} gzip: ${inline.length} inline, ${detail}`).toBeLessThan(
      BUDGETS.searchPageJs,
    );
  });
});

describe('search data budget', () => {
  it(`search-index.json + search-records.json are under ${kb(BUDGETS.searchData)} gzip together`, () => {
    const sizes = ['search-index', 'search-records'].map((name) => {
      const file = join(DIST, 'data', `${name}.json`);
      expect(existsSync(file), file).toBe(true);
      return gzip(readFileSync(file));
    });
    const total = sizes[0]! + sizes[1]!;
    expect(total, `index ${kb(sizes[0]!)} + records ${kb(sizes[1]!)} = ${kb(total)} gzip`).toBeLessThan(
      BUDGETS.searchData,
    );
  });
});

describe('HTML budget', () => {
  it(`every page is under ${kb(BUDGETS.htmlPage)} gzip`, () => {
    expect(pages.length).toBeGreaterThan(10);
    const sizes = pages.map((url) => [url, gzip(readFileSync(fileFor(url)!))] as const);
    const over = sizes.filter(([, size]) => size >= BUDGETS.htmlPage).map(([url, size]) => `${url} ${kb(size)}`);
    expect(over, `over budget:\n${over.join('\n')}`).toEqual([]);
  });
});

describe('no resource from another origin', () => {
  /** Link relations that name a page rather than load something. */
  const NAVIGATIONAL = new Set(['canonical', 'alternate', 'author', 'license', 'help', 'next', 'prev', 'me', 'search']);

  it('no src/srcset/href of a resource, CSS url() or JS import points at another origin', () => {
    const found: string[] = [];
    for (const url of pages) {
      const tree = page(url);
      const check = (value: unknown, what: string) => {
        if (typeof value === 'string' && foreign(value)) found.push(`${url} ${what}: ${value}`);
      };
      for (const el of $$('[src]', tree)) check(el.properties.src, `<${el.tagName} src>`);
      for (const el of $$('[srcset], [imagesrcset]', tree))
        for (const candidate of String(el.properties.srcSet ?? el.properties.imageSrcSet).split(/,\s+/))
          check(candidate.trim().split(/\s+/)[0], `<${el.tagName} srcset>`);
      for (const el of $$('video[poster]', tree)) check(el.properties.poster, '<video poster>');
      for (const el of $$('object[data]', tree)) check(el.properties.data, '<object data>');
      for (const el of $$('link[href]', tree)) {
        const rel = ([] as unknown[]).concat(el.properties.rel ?? []).map(String);
        if (rel.length && rel.every((r) => NAVIGATIONAL.has(r))) continue;
        check(el.properties.href, `<link rel="${rel.join(' ')}">`);
      }
      for (const el of $$('style', tree)) for (const u of cssUrls(text(el))) check(u, '<style> url()');
      for (const el of $$('[style]', tree) as Element[])
        for (const u of cssUrls(String(el.properties.style))) check(u, `<${el.tagName} style> url()`);
      for (const el of $$('script', tree))
        if (!el.properties.src)
          for (const m of text(el).matchAll(/\bimport\s*\(?\s*["'`]([^"'`]+)/g)) check(m[1], 'inline import');
    }
    for (const path of allFiles(/\.css$/))
      for (const u of cssUrls(readFileSync(path, 'utf8'))) check2(path, u, 'url()');
    for (const path of allFiles(/\.m?js$/)) {
      const code = readFileSync(path, 'utf8');
      for (const m of code.matchAll(
        /(?:\bimport|\bexport)\s*(?:[\w*${}\s,]+?\s*from\s*)?["'`]([^"'`]+)["'`]|\bimport\(\s*["'`]([^"'`]+)/g,
      ))
        check2(path, m[1] ?? m[2] ?? '', 'import');
    }
    function check2(path: string, value: string, what: string) {
      if (foreign(value)) found.push(`${path.slice(DIST.length)} ${what}: ${value}`);
    }
    expect(found, found.join('\n')).toEqual([]);
  });
});

/** Every file of the build whose name matches. */
function allFiles(pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (pattern.test(entry.name)) out.push(full);
    }
  };
  walk(DIST);
  return out;
}
