/** Reading the built site the way a browser would: by URL, parsed into a tree. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import type { Statement } from '../../src/lib/quotes/types.ts';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

export const ROOT = new URL('../..', import.meta.url).pathname;
/** The build under test: `dist/` unless DIST_DIR points elsewhere (the sub-path build). */
export const DIST = process.env.DIST_DIR ? join(ROOT, process.env.DIST_DIR) : join(ROOT, 'dist');
/** The base path that build was made with. */
export const BASE = process.env.DIST_BASE ?? '/';

const cache = new Map<string, Root>();

/** The file a static host serves for a site-relative URL (without the base), or null. */
export function fileFor(urlPath: string): string | null {
  const path = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '');
  if (!path.startsWith(BASE)) return null;
  const local = join(DIST, path.slice(BASE.length));
  if (existsSync(local) && statSync(local).isFile()) return local;
  const index = join(local, 'index.html');
  return existsSync(index) ? index : null;
}

export function readJson<T>(name: string): T {
  const file = join(DIST, 'data', `${name}.json`);
  if (!existsSync(file)) throw new Error(`No data/${name}.json in ${DIST}: build the site first (npm run build).`);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The parsed page at a site-relative URL path (base included); throws if there is none. */
export function page(urlPath: string): Root {
  const file = fileFor(urlPath);
  if (!file)
    throw new Error(
      existsSync(join(DIST, 'index.html')) ? `no page at ${urlPath}` : `No build in ${DIST}: run npm run build first.`,
    );
  let tree = cache.get(file);
  if (!tree) {
    tree = fromHtml(readFileSync(file, 'utf8'));
    cache.set(file, tree);
  }
  return tree;
}

export const $ = (selector: string, tree: Root | Element) => select(selector, tree);
export const $$ = (selector: string, tree: Root | Element) => selectAll(selector, tree);
export const text = (node: Root | Element | undefined) => (node ? toString(node) : '');

/** Every HTML file of the build as a site-relative URL path (with the base). */
export function allPages(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) out.push(BASE + relative(DIST, full).replace(/index\.html$/, ''));
    }
  };
  walk(DIST);
  return out.sort();
}

/** The ids present on a page, for checking #fragments. */
export function idsOn(tree: Root): Set<string> {
  return new Set($$('[id]', tree).map((el) => String(el.properties.id)));
}

export interface ArticleRecord {
  id: string;
  title: string;
  outlet: string;
  outletName: string;
  event: string;
  published: string;
  source: string | null;
  url: string;
}

export interface QuoteRecord {
  id: string;
  article: string;
  outlet: string;
  event: string;
  speaker: string | null;
  speakerName: string | null;
  text: string;
  kind: 'full' | 'fragment';
  topics: string[];
  statement: string;
  /** Said before the event, by the article's own account. */
  earlier: boolean;
  url: string;
  speakerConfidence: number;
  topicsConfidence: number;
}

/** statements.json carries the engine's Statement as it is. */
export type StatementRecord = Statement;
