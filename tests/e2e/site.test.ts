/**
 * The whole site in a real browser (Debian's Chromium through playwright-core), against the
 * built site (dist/, or DIST_DIR / DIST_BASE for a sub-path build): every page type loads
 * cleanly, the header works from the keyboard, anchors land on their quote, the comparison
 * table scrolls inside its own box on a phone, and the dark scheme renders.
 * Screenshots for a human look go to /tmp/parallax-shots/ (outside the repo).
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type QuoteRecord, readJson } from '../build/dist.ts';
import { BASE, watch } from './browser.ts';
import type { Watch } from './browser.ts';
import { connectBrowser } from './connect.ts';

const SHOTS = '/tmp/parallax-shots';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let origin: string;
let browser: Browser;
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ browser, origin } = await connectBrowser());
  mkdirSync(SHOTS, { recursive: true });
});

afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a URL path (base included) in a fresh context and watches it from the first request. */
async function open(path: string, options: BrowserContextOptions = {}, expect404 = false): Promise<Watch> {
  const context = await browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  const target = origin + path;
  const watched = watch(page, { expectedStatus: (url, status) => expect404 && status === 404 && url === target });
  const response = await page.goto(target);
  expect(response?.status(), path).toBe(expect404 ? 404 : 200);
  await page.waitForLoadState('networkidle');
  return watched;
}

const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      className: typeof el?.className === 'string' ? el.className : '',
      href: el?.getAttribute('href') ?? null,
      inHeader: !!el?.closest('.site-header'),
      inNav: !!el?.closest('nav[aria-label="Main"]'),
      inMain: !!el?.closest('main'),
    };
  });

/** The focused element's outline, and whether the browser considers it :focus-visible. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return {
      focusVisible: el.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
    };
  });

const pages = inject('sitePages');

/** One URL per page type, from the sitemap (or the build); each type must exist. */
const PAGE_TYPES: Array<[string, RegExp]> = [
  ['home', /^$/],
  ['article list', /^articles\/$/],
  ['article', /^articles\/[^/]+\/$/],
  ['topic list', /^topics\/$/],
  ['topic', /^topics\/[^/]+\/$/],
  ['topic filtered by event', /^topics\/[^/]+\/(?!by\/)[^/]+\/$/],
  ['topic filtered by person', /^topics\/[^/]+\/by\/[^/]+\/$/],
  ['event list', /^events\/$/],
  ['event', /^events\/[^/]+\/$/],
  ['outlet list', /^outlets\/$/],
  ['outlet', /^outlets\/[^/]+\/$/],
  ['people list', /^people\/$/],
  ['person', /^people\/[^/]+\/$/],
  ['search', /^search\/$/],
];

const pick = (pattern: RegExp) => pages.find((p) => p.startsWith(BASE) && pattern.test(p.slice(BASE.length)));

describe('every page type loads cleanly', () => {
  it.each(PAGE_TYPES)('%s: no console error, failed request or request to another origin', async (type, pattern) => {
    const path = pick(pattern);
    expect(path, `no ${type} page among ${pages.length} pages`).toBeDefined();
    // On a phone, where sideways overflow shows first.
    const watched = await open(path!, { viewport: PHONE });
    if (type === 'search') {
      // The search island loads Fuse and the index on first focus: that must be clean too.
      await watched.page.locator('#search-input').focus();
      await watched.page.waitForResponse((r) => r.url().includes('search-index.json'));
      await watched.page.waitForLoadState('networkidle');
    }
    expect(await watched.page.locator('h1').count(), path).toBe(1);
    expect(watched.problems(), path).toEqual([]);
    expect(watched.dialogs).toEqual([]);
    const width = await watched.page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(width, `${path} scrolls sideways at ${PHONE.width}px`).toBeLessThanOrEqual(PHONE.width);
  });

  it('404: a missing address gets the not-found page, cleanly', async () => {
    const watched = await open(`${BASE}no-such-page/`, {}, true);
    expect(await watched.page.locator('h1').textContent()).toMatch(/not found/i);
    expect(watched.problems()).toEqual([]);
  });
});

describe('keyboard', () => {
  const home = BASE;

  it('Tab reaches the skip link first, then the header and its navigation in order', async () => {
    const { page } = await open(home);
    await page.keyboard.press('Tab');
    const first = await active(page);
    expect(first.className).toContain('skip-link');
    expect(first.href).toBe('#main');

    const navLinks = await page
      .locator('nav[aria-label="Main"] a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(navLinks.length).toBeGreaterThan(0);
    const visited: Array<Awaited<ReturnType<typeof active>>> = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const now = await active(page);
      if (!now.inHeader) break;
      visited.push(now);
    }
    // Everything after the skip link, until focus leaves the header, is in the header; the nav links come in order.
    expect(visited.filter((v) => v.inNav).map((v) => v.href)).toEqual(navLinks);
  });

  it('the skip link moves focus to main, and the next Tab stays in the content', async () => {
    const { page } = await open(home);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await active(page)).toMatchObject({ tag: 'main', id: 'main' });
    expect(new URL(page.url()).hash).toBe('#main');
    await page.keyboard.press('Tab');
    expect((await active(page)).inMain).toBe(true);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`keyboard focus shows a visible ring (${colorScheme} scheme)`, async () => {
      const { page } = await open(home, { colorScheme });
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      // Skip link, brand, first nav link, and on to the header's search box.
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab');
        const ring = await focusRing(page);
        const where = JSON.stringify(await active(page));
        expect(ring.focusVisible, where).toBe(true);
        expect(ring.outlineStyle, where).not.toBe('none');
        expect(ring.outlineWidth, where).toBeGreaterThanOrEqual(2);
        expect(ring.outlineColor, where).not.toBe(background);
      }
    });
  }

  it('"/" focuses the header search box without typing a slash', async () => {
    const { page } = await open(`${BASE}topics/`);
    await page.keyboard.press('/');
    expect((await active(page)).id).toBe('site-search-input');
    expect(await page.locator('#site-search-input').inputValue()).toBe('');
  });

  it('"/" is an ordinary character while typing in an input', async () => {
    const { page } = await open(home);
    await page.locator('#site-search-input').focus();
    await page.keyboard.type('a/b');
    expect(await page.locator('#site-search-input').inputValue()).toBe('a/b');

    const search = await open(`${BASE}search/`);
    await search.page.locator('#search-input').focus();
    await search.page.keyboard.type('x/y');
    expect((await active(search.page)).id).toBe('search-input');
    expect(await search.page.locator('#search-input').inputValue()).toBe('x/y');
    expect(await search.page.locator('#site-search-input').inputValue()).toBe('');
  });
});

describe('quote anchors', () => {
  it('an article URL with a quote anchor scrolls to the quote and highlights it', async () => {
    const quotes = readJson<QuoteRecord[]>('quotes');
    expect(quotes.length).toBeGreaterThan(0);
    // The last quote of an article is the one furthest down: the page must scroll to show it.
    const article = quotes[0]!.article;
    const quote = quotes.filter((q) => q.article === article).at(-1)!;
    expect(quote.url).toMatch(new RegExp(`^${BASE}articles/${article}/#.+`));
    const { page } = await open(quote.url);
    const state = await page.evaluate(() => {
      const target = document.querySelector(':target') as HTMLElement | null;
      if (!target) return null;
      const rect = target.getBoundingClientRect();
      const style = getComputedStyle(target);
      return {
        id: target.id,
        top: rect.top,
        bottom: rect.bottom,
        docTop: rect.top + scrollY,
        scrollY,
        innerHeight,
        background: style.backgroundColor,
        outline: style.outlineStyle,
        body: getComputedStyle(document.body).backgroundColor,
      };
    });
    expect(state, `nothing is :target at ${quote.url}`).not.toBeNull();
    expect(state!.id).toBe(decodeURIComponent(quote.url.split('#')[1]!));
    // In the viewport: its top edge is on screen.
    expect(state!.top).toBeGreaterThanOrEqual(0);
    expect(state!.top).toBeLessThan(state!.innerHeight);
    if (state!.docTop > state!.innerHeight) expect(state!.scrollY).toBeGreaterThan(0);
    // Highlighted: a background of its own and an outline.
    expect(state!.background).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/);
    expect(state!.background).not.toBe(state!.body);
    expect(state!.outline).not.toBe('none');
  });
});

describe('the comparison table on topic pages', () => {
  const topic = pick(/^topics\/security\/$/) ?? pick(/^topics\/[^/]+\/$/);

  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`${name} (${viewport.width}×${viewport.height}): reachable, readable without scrolling the page sideways`, async () => {
      expect(topic).toBeDefined();
      const { page, problems } = await open(topic!, { viewport });
      await page.screenshot({ path: `${SHOTS}/topic-security-${name}.png`, fullPage: true });
      await page.screenshot({ path: `${SHOTS}/topic-security-${name}-first-screen.png` });

      const region = page.locator('.table-scroll').first();
      await expect(region.count()).resolves.toBe(1);
      expect(await region.locator('table.comparison').count()).toBe(1);

      // Reachable by keyboard: Tab gets to the scroll box (a focusable region) …
      let reached = false;
      for (let i = 0; i < 150 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await region.evaluate((el) => el === document.activeElement);
      }
      expect(reached, 'Tab never reached the comparison table').toBe(true);
      expect(await region.isVisible()).toBe(true);

      const box = await region.evaluate((el) => ({
        overflowX: getComputedStyle(el).overflowX,
        scrollWidth: el.scrollWidth,
        clientWidth: el.clientWidth,
      }));
      expect(['auto', 'scroll']).toContain(box.overflowX);

      const labels = region.locator('td[data-outlet] .cell-label');
      if (name === 'phone') {
        // … on a phone the table stacks: it fits the screen, every cell says whose it is, and the
        // statement's header sits above its quotes.
        expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
        expect(await labels.first().isVisible()).toBe(true);
        const firstRow = region.locator('tbody tr').first();
        const [header, cell] = await Promise.all([
          firstRow.locator('th').boundingBox(),
          firstRow.locator('td').first().boundingBox(),
        ]);
        expect(cell!.y).toBeGreaterThanOrEqual(header!.y + header!.height - 1);
        expect(cell!.width).toBeGreaterThan(viewport.width * 0.7);
      } else {
        // … on a desktop, one column per outlet, side by side, the labels left to the headers.
        expect(await labels.first().isVisible()).toBe(false);
        const cells = region.locator('tbody tr').first().locator('td[data-outlet]');
        const boxes = await Promise.all((await cells.all()).map((c) => c.boundingBox()));
        expect(new Set(boxes.map((b) => Math.round(b!.y))).size).toBe(1);
      }

      const pageWidth = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement!.scrollWidth,
        innerWidth,
      }));
      expect(pageWidth.scrollWidth).toBeLessThanOrEqual(pageWidth.innerWidth);
      expect(problems()).toEqual([]);
    });
  }
});

describe('colour schemes', () => {
  it('the dark scheme renders: body background and text differ from the light scheme', async () => {
    const colours = async (colorScheme: 'light' | 'dark') => {
      const { page } = await open(BASE, { colorScheme, viewport: DESKTOP });
      await page.screenshot({ path: `${SHOTS}/home-${colorScheme}.png`, fullPage: true });
      return page.evaluate(() => {
        const style = getComputedStyle(document.body);
        return { background: style.backgroundColor, color: style.color };
      });
    };
    const light = await colours('light');
    const dark = await colours('dark');
    expect(dark.background).not.toBe(light.background);
    expect(dark.color).not.toBe(light.color);
    // Dark means dark: the background's luminance is low.
    const [r, g, b] = dark.background.match(/\d+/g)!.map(Number);
    expect(0.2126 * r! + 0.7152 * g! + 0.0722 * b!).toBeLessThan(80);
  });
});
