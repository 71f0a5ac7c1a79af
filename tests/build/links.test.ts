/**
 * The one link checker: every internal link, asset and #fragment of a build resolves to a
 * file of that build, for the build under test (dist/, or DIST_DIR / DIST_BASE) and for a
 * sub-path build (/parallax/) this test makes itself, where every internal URL must also
 * stay under the base.
 *
 * Checked: href/src/srcset/action/poster/data of HTML elements (a, area, link, script,
 * img, source, iframe, video, audio, track, embed, object, form), data-*-url attributes
 * (URLs handed to scripts), og:/twitter: image and URL metadata, url() and @import in CSS
 * (files, <style> elements and style attributes), import specifiers in built JS, <loc> and
 * <link> in XML files (sitemaps, feed), "url"/"href" fields of JSON files, robots.txt's
 * Sitemap line. Absolute URLs count as internal when they are on the site's own origin
 * (the canonical URL's); URLs to other origins are the budgets test's business.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild } from '../../src/cli/project-copy.ts';
import { BASE, DIST, ROOT } from './dist.ts';

const SUBPATH_DIR = 'dist-subpath';
const SUBPATH_BASE = '/parallax/';

interface Build {
  dir: string;
  base: string;
}

interface Reference {
  /** Where it was found: a URL path of the build plus what held it. */
  from: string;
  /** The reference as written. */
  raw: string;
  /** The URL it is resolved against. */
  against: string;
  /** A page (any file or folder index will do) or a resource (must be a file). */
  kind: 'page' | 'resource';
}

interface Report {
  files: number;
  checked: number;
  problems: string[];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/** The URL path (base included) a file of the build is served at. */
const urlOf = (build: Build, file: string) => build.base + relative(build.dir, file).split('\\').join('/');

/** The file a static host serves for a URL path, or null (mirrors src/cli/serve.ts). */
function fileFor(build: Build, pathname: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!path.startsWith(build.base)) return null;
  const local = join(build.dir, path.slice(build.base.length));
  if (!local.startsWith(build.dir)) return null;
  if (existsSync(local) && statSync(local).isFile()) return local;
  // A folder without its trailing slash only works through a redirect (trailingSlash: 'always').
  if (!path.endsWith('/')) return null;
  const index = join(local, 'index.html');
  return existsSync(index) ? index : null;
}

const SKIP_SCHEME = /^(mailto|tel|data|blob|about|sms):/i;

/** URLs inside CSS text: url(...) and @import "...". */
function cssUrls(css: string): string[] {
  const out: string[] = [];
  const stripped = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of stripped.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi))
    out.push(m[1] ?? m[2] ?? m[3] ?? '');
  for (const m of stripped.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) out.push(m[1] ?? m[2] ?? '');
  return out.filter((u) => u && !u.startsWith('#'));
}

/** Module specifiers of built JS: static imports/exports and import(). */
function jsImports(js: string): string[] {
  const out: string[] = [];
  for (const m of js.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*${}\s,]+?\s*from\s*)?["'`]([^"'`]+)["'`]/g))
    out.push(m[1]!);
  for (const m of js.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) out.push(m[1]!);
  return [...new Set(out)].filter((s) => /^(\.{1,2}\/|\/)/.test(s));
}

const srcsetUrls = (srcset: string) =>
  srcset
    .split(/,\s+/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);

/** Every reference a page makes, with what kind of target it needs. */
function pageReferences(tree: Root, path: string): Reference[] {
  const refs: Reference[] = [];
  const add = (raw: unknown, kind: Reference['kind'], what: string) => {
    if (typeof raw === 'string' && raw.trim() !== '')
      refs.push({ from: `${path} ${what}`, raw: raw.trim(), against: path, kind });
  };
  for (const el of selectAll('a[href], area[href]', tree)) add(el.properties.href, 'page', `<${el.tagName} href>`);
  for (const el of selectAll('link[href]', tree)) {
    const rel = ([] as unknown[]).concat(el.properties.rel ?? []).map(String);
    const navigational = rel.some((r) =>
      ['canonical', 'alternate', 'next', 'prev', 'author', 'license', 'help'].includes(r),
    );
    add(
      el.properties.href,
      navigational && !rel.includes('alternate') ? 'page' : 'resource',
      `<link rel="${rel.join(' ')}">`,
    );
  }
  for (const el of selectAll('[src]', tree)) add(el.properties.src, 'resource', `<${el.tagName} src>`);
  for (const el of selectAll('[srcset], [imagesrcset]', tree)) {
    for (const url of srcsetUrls(String(el.properties.srcSet ?? el.properties.imageSrcSet ?? '')))
      add(url, 'resource', `<${el.tagName} srcset>`);
  }
  for (const el of selectAll('video[poster]', tree)) add(el.properties.poster, 'resource', '<video poster>');
  for (const el of selectAll('object[data]', tree)) add(el.properties.data, 'resource', '<object data>');
  for (const el of selectAll('form[action]', tree)) add(el.properties.action, 'page', '<form action>');
  for (const el of selectAll('meta[content]', tree)) {
    const name = String(el.properties.property ?? el.properties.name ?? '');
    if (/^(og|twitter):image(:url|:secure_url)?$/.test(name)) add(el.properties.content, 'resource', `<meta ${name}>`);
    if (name === 'og:url') add(el.properties.content, 'page', '<meta og:url>');
  }
  // URLs handed to scripts through data attributes (the search island's data-records-url etc.).
  for (const el of selectAll('*', tree) as Element[]) {
    for (const [key, value] of Object.entries(el.properties)) {
      if (/^data\w*(Url|Href)$/.test(key))
        add(value, /\.\w+$/.test(String(value)) ? 'resource' : 'page', `<${el.tagName} ${key}>`);
    }
  }
  for (const style of selectAll('style', tree))
    for (const url of cssUrls(toString(style))) add(url, 'resource', '<style> url()');
  for (const el of selectAll('[style]', tree))
    for (const url of cssUrls(String(el.properties.style))) add(url, 'resource', `<${el.tagName} style> url()`);
  return refs;
}

/** The site's own origin: the one the home page's canonical URL is on. */
function siteOrigin(build: Build): string {
  const home = join(build.dir, 'index.html');
  const canonical = existsSync(home) ? select('link[rel~="canonical"]', fromHtml(readFileSync(home, 'utf8'))) : null;
  const href = canonical?.properties.href;
  return new URL(typeof href === 'string' ? href : (process.env.SITE_URL ?? 'http://localhost:4321')).origin;
}

/** Checks a whole build; with `requireBase`, every internal URL must also start with the base. */
function check(build: Build, requireBase: boolean): Report {
  const origin = siteOrigin(build);
  const files = walk(build.dir);
  const refs: Reference[] = [];
  const trees = new Map<string, Root>();
  const treeOf = (file: string) => {
    let tree = trees.get(file);
    if (!tree) {
      tree = fromHtml(readFileSync(file, 'utf8'));
      trees.set(file, tree);
    }
    return tree;
  };
  const idsOf = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let set = idsOf.get(file);
    if (!set) {
      set = new Set(selectAll('[id]', treeOf(file)).map((el) => String(el.properties.id)));
      for (const el of selectAll('a[name]', treeOf(file))) set.add(String(el.properties.name));
      idsOf.set(file, set);
    }
    return set;
  };

  for (const file of files) {
    const url = urlOf(build, file);
    const add = (raw: string, kind: Reference['kind'], what: string) =>
      refs.push({ from: `${url} ${what}`, raw, against: url, kind });
    if (file.endsWith('.html')) {
      refs.push(...pageReferences(treeOf(file), url.replace(/index\.html$/, '')));
    } else if (file.endsWith('.css')) {
      for (const u of cssUrls(readFileSync(file, 'utf8'))) add(u, 'resource', 'url()');
    } else if (/\.m?js$/.test(file)) {
      for (const u of jsImports(readFileSync(file, 'utf8'))) add(u, 'resource', `import "${u}"`);
    } else if (file.endsWith('.xml')) {
      const xml = readFileSync(file, 'utf8');
      for (const m of xml.matchAll(/<(loc|link)>\s*([^<\s]+)\s*<\/\1>/g))
        add(m[2]!.replace(/&amp;/g, '&'), 'page', `<${m[1]}>`);
      for (const m of xml.matchAll(/<[\w:]+[^>]*\shref="([^"]+)"/g)) add(m[1]!.replace(/&amp;/g, '&'), 'page', 'href');
    } else if (file.endsWith('.json')) {
      const visit = (value: unknown, key: string) => {
        if (typeof value === 'string' && /^(url|href)$/i.test(key)) add(value, 'page', `"${key}"`);
        else if (Array.isArray(value)) value.forEach((v) => visit(v, key));
        else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
      };
      visit(JSON.parse(readFileSync(file, 'utf8')), '');
    } else if (file.endsWith('robots.txt')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/^Sitemap:\s*(\S+)/gim)) add(m[1]!, 'resource', 'Sitemap:');
    }
  }

  // The 404 page is shown at any missing address; its canonical (and og:url) name /404/, which
  // has no file of its own (tests/build/discovery.test.ts wants that canonical). Not a broken link.
  const notFound = `${build.base}404.html`;
  const notFoundSelf = new URL(`${build.base}404/`, origin).href;

  const problems: string[] = [];
  let checked = 0;
  for (const ref of refs) {
    if (ref.from.startsWith(`${notFound} `) && new URL(ref.raw, origin + ref.against).href === notFoundSelf) continue;
    if (SKIP_SCHEME.test(ref.raw)) continue;
    if (/^javascript:/i.test(ref.raw)) {
      problems.push(`${ref.from}: javascript: URL ${ref.raw}`);
      continue;
    }
    let target: URL;
    try {
      target = new URL(ref.raw, origin + ref.against);
    } catch {
      problems.push(`${ref.from}: unparseable URL ${ref.raw}`);
      continue;
    }
    if (target.origin !== origin) continue; // another site: not ours to resolve
    checked++;
    const say = (why: string) => problems.push(`${ref.from} → ${ref.raw}: ${why}`);
    if (requireBase && !target.pathname.startsWith(build.base)) {
      say(`outside the base ${build.base}`);
      continue;
    }
    const file = fileFor(build, target.pathname);
    if (!file) {
      say('no such file in the build');
      continue;
    }
    if (ref.kind === 'resource' && file.endsWith('index.html') && !target.pathname.endsWith('.html')) {
      say('a resource URL that only finds a page');
      continue;
    }
    const fragment = target.hash.slice(1);
    if (fragment && file.endsWith('.html') && fragment !== 'top') {
      let id: string;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        id = fragment;
      }
      if (!ids(file).has(id)) say(`no element with id "${id}" on ${urlOf(build, file)}`);
    }
  }
  return { files: files.length, checked, problems: [...new Set(problems)] };
}

function expectClean(report: Report) {
  expect(report.checked, 'the checker found almost nothing to check').toBeGreaterThan(100);
  expect(report.problems, `${report.problems.length} broken:\n${report.problems.slice(0, 80).join('\n')}`).toEqual([]);
}

describe(`links of the build under test (${relative(ROOT, DIST)}, base ${BASE})`, () => {
  it('every internal link, asset and #fragment resolves', () => {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error(`No build in ${DIST}: run npx astro build first.`);
    expectClean(check({ dir: DIST, base: BASE }, BASE !== '/'));
  });
});

describe(`links of a sub-path build (${SUBPATH_DIR}, base ${SUBPATH_BASE})`, () => {
  const dir = join(ROOT, SUBPATH_DIR);

  beforeAll(async () => {
    const { status, output } = await astroBuild(
      ROOT,
      { BASE_PATH: SUBPATH_BASE, OUT_DIR: `./${SUBPATH_DIR}` },
      180_000,
    );
    if (status !== 0) throw new Error(`astro build (BASE_PATH=${SUBPATH_BASE}) failed:\n${output.slice(-3000)}`);
  }, 200_000);

  it('every internal URL starts with the base, and every link, asset and #fragment resolves', () => {
    expectClean(check({ dir, base: SUBPATH_BASE }, true));
  });
});

describe('the link checker itself', () => {
  it('reports a missing page, a missing asset, a missing #fragment and a URL outside the base', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-links-'));
    try {
      mkdirSync(join(dir, 'a'));
      writeFileSync(join(dir, 'style.css'), 'body { background: url(missing.png); }');
      writeFileSync(
        join(dir, 'index.html'),
        `<!doctype html><link rel="canonical" href="http://example.test/base/"><link rel="stylesheet" href="/base/style.css">
        <a href="/base/a/">ok</a><a href="a/#here">ok</a><a href="/base/nowhere/">1</a><a href="/base/a/#gone">2</a>
        <a href="/a/">3</a><img src="/base/missing.svg" alt=""><a href="https://elsewhere.test/">fine</a>`,
      );
      writeFileSync(join(dir, 'a', 'index.html'), '<!doctype html><p id="here">x</p>');
      const report = check({ dir, base: '/base/' }, true);
      expect(report.problems.map((p) => p.replace(/^\S+ /, ''))).toEqual([
        '<a href> → /base/nowhere/: no such file in the build',
        '<a href> → /base/a/#gone: no element with id "gone" on /base/a/index.html',
        '<a href> → /a/: outside the base /base/',
        '<img src> → /base/missing.svg: no such file in the build',
        'url() → missing.png: no such file in the build',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
