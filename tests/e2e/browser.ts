/**
 * Shared browser plumbing for the e2e tests: one way to reach the run's Chromium, one way to watch
 * what a page does (errors, failed requests, requests to other origins), and the list of
 * pages to visit (the sitemap when the build has one, else every HTML file of the build).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { allPages, BASE, DIST } from '../build/dist.ts';

export { BASE, DIST };

/** Throws with a helpful message when the build under test lacks a file. */
export function requireBuilt(relativePath: string): void {
  if (!existsSync(join(DIST, relativePath)))
    throw new Error(`No ${relativePath} in ${DIST}: build the site first (npx astro build).`);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True for a URL a page may load: same machine, or not a network URL at all (data:, blob:, about:). */
export function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (!/^(https?|wss?):$/.test(protocol)) return true;
  return LOOPBACK.has(hostname) || hostname.endsWith('.localhost');
}

/** What a page did while a test watched it. */
export interface Watch {
  page: Page;
  /** Every request URL, in order. */
  requests: string[];
  /** console.error messages. */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections. */
  pageErrors: string[];
  /** Requests that failed at the network level or got an HTTP error status ("url → reason"). */
  failedRequests: string[];
  /** Requests to anything but this machine. */
  foreignRequests: string[];
  /** Messages of alert/confirm/prompt dialogs (dismissed). */
  dialogs: string[];
  /** Console and page errors together (a live array, like the others). */
  errors: string[];
  /** Everything above that should be empty on a healthy page, as readable lines. */
  problems(): string[];
}

export interface WatchOptions {
  /** HTTP error statuses that are expected for a URL (e.g. the 404 page's own document). */
  expectedStatus?: (url: string, status: number) => boolean;
}

/** Starts recording a page's console errors, page errors, failed and foreign requests and dialogs. */
export function watch(page: Page, options: WatchOptions = {}): Watch {
  const expected = options.expectedStatus ?? (() => false);
  const w: Watch = {
    page,
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    foreignRequests: [],
    dialogs: [],
    errors: [],
    problems() {
      return [
        ...w.consoleErrors.map((m) => `console error: ${m}`),
        ...w.pageErrors.map((m) => `page error: ${m}`),
        ...w.failedRequests.map((m) => `failed request: ${m}`),
        ...w.foreignRequests.map((m) => `request to another origin: ${m}`),
      ];
    },
  };
  // Chromium reports a resource's HTTP error as a console error too; an expected one is not a problem.
  const expectedErrorUrls = new Set<string>();
  page.on('request', (request) => {
    const url = request.url();
    w.requests.push(url);
    if (!isLoopback(url)) w.foreignRequests.push(url);
  });
  page.on('requestfailed', (request) => {
    w.failedRequests.push(`${request.url()} → ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (response) => {
    const status = response.status();
    if (status < 400) return;
    if (expected(response.url(), status)) expectedErrorUrls.add(response.url());
    else w.failedRequests.push(`${response.url()} → HTTP ${status}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    if (url && expectedErrorUrls.has(url) && /status of 4\d\d/.test(message.text())) return;
    w.consoleErrors.push(message.text());
    w.errors.push(message.text());
  });
  page.on('pageerror', (error) => {
    w.pageErrors.push(error.message);
    w.errors.push(error.message);
  });
  page.on('dialog', (dialog) => {
    w.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return w;
}

/**
 * The site's pages as URL paths (base included): the sitemap's when the build has one
 * (sitemap-index.xml preferred), otherwise every HTML file of the build. The 404 page is
 * never in a sitemap, so it is added as "404.html" when it exists.
 */
export function sitePages(): string[] {
  if (!existsSync(join(DIST, 'index.html'))) return []; // the tests' beforeAll says "build first"
  const fromSitemap = sitemapPages();
  const pages = fromSitemap ?? allPages();
  const notFound = `${BASE}404.html`;
  if (existsSync(join(DIST, '404.html')) && !pages.includes(notFound)) pages.push(notFound);
  return [...new Set(pages)].sort();
}

/** Where the page list came from, for test titles. */
export const pagesSource = (): string =>
  existsSync(join(DIST, 'sitemap-index.xml'))
    ? 'sitemap-index.xml'
    : existsSync(join(DIST, 'sitemap.xml'))
      ? 'sitemap.xml'
      : 'every HTML file of the build';

function sitemapPages(): string[] | null {
  const entry = ['sitemap-index.xml', 'sitemap.xml'].find((name) => existsSync(join(DIST, name)));
  if (!entry) return null;
  const out: string[] = [];
  const seen = new Set<string>();
  const read = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const xml = readFileSync(join(DIST, name), 'utf8');
    const locs = [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => decodeXml(m[1]!));
    const isIndex = /<sitemapindex[\s>]/.test(xml);
    for (const loc of locs) {
      const path = new URL(loc, 'http://site').pathname;
      if (isIndex) read(path.startsWith(BASE) ? path.slice(BASE.length) : path.replace(/^\//, ''));
      else out.push(path);
    }
  };
  read(entry);
  if (out.length === 0) throw new Error(`${entry} in ${DIST} lists no pages`);
  return out;
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
