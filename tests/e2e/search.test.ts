/**
 * The search page in a real browser (Debian's Chromium through playwright-core), against
 * the built site in dist/ (`npx astro build` first; DIST_DIR / DIST_BASE for a sub-path build).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BASE, DIST, launchBrowser, requireBuilt, watch } from './browser.ts';
import type { Watch } from './browser.ts';
import { serve } from './serve.ts';
import type { StaticServer } from './serve.ts';

const NPR = 'npr-trump-japan-visit-2017';
const REUTERS = 'reuters-shoot-missiles-2017';
const PREVIEW = 'nikkei-alliance-preview-2017';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  requireBuilt('search/index.html');
  server = await serve(DIST, { base: BASE });
  browser = await launchBrowser();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page of the site (path relative to the base) and records requests, errors and dialogs. */
async function open(path = 'search/'): Promise<Watch> {
  context = await browser.newContext();
  const page = await context.newPage();
  const watched = watch(page);
  await page.goto(server.url + path);
  return watched;
}

const input = (page: Page) => page.locator('#search-input');
const resultIds = (page: Page) =>
  page.locator('#search-results > li').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.article));
const marks = (page: Page) => page.locator('#search-results mark').allTextContents();
const status = (page: Page) => page.locator('#search-status').textContent();
const params = (page: Page) => new URL(page.url()).searchParams;

/** Waits until the results are up to date (the element marks them aria-busy from keystroke to render). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const results = document.querySelector('#search-results');
    return !!results && !results.hasAttribute('aria-busy');
  });
}

/** Types into the search box and waits for the debounced search to render. */
async function type(page: Page, text: string): Promise<void> {
  await input(page).fill('');
  await input(page).pressSequentially(text, { delay: 10 });
  await settled(page);
  expect(params(page).get('q') ?? '').toBe(text.trim() ? text : '');
}

/** Picks a filter and waits for the results. */
async function choose(page: Page, filter: 'outlet' | 'event' | 'topic', value: string): Promise<void> {
  await page.locator(`#search-${filter}`).selectOption(value);
  await settled(page);
  expect(params(page).get(filter) ?? '').toBe(value);
}

/** Goes back in history and waits until the URL's `param` is `value` (null: absent) and the results are restored. */
async function back(page: Page, param: string, value: string | null): Promise<void> {
  await page.goBack();
  await page.waitForFunction(([p, v]) => new URL(location.href).searchParams.get(p as string) === v, [
    param,
    value,
  ] as const);
  await settled(page);
}

const isData = (url: string) => /search-(records|index)\.json/.test(url);
const scripts = (urls: string[]) => urls.filter((u) => /\.m?js(\?|$)/.test(u));

describe('search page: loading', () => {
  it('works as a plain form and fetches neither Fuse nor the search data before the reader interacts', async () => {
    const { page, requests } = await open();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('form[role="search"] #search-input[name="q"]').count()).resolves.toBe(1);
    expect(await page.locator('label[for="search-input"]').textContent()).toMatch(/search/i);
    expect(requests.filter(isData)).toEqual([]);
    const before = new Set(scripts(requests));

    const loaded = page.waitForResponse((r) => r.url().includes('search-index.json'));
    await input(page).focus();
    await loaded;
    await page.waitForLoadState('networkidle');
    expect(
      requests
        .filter(isData)
        .map((u) => new URL(u).pathname)
        .sort(),
    ).toEqual([`${BASE}data/search-index.json`, `${BASE}data/search-records.json`]);
    // Fuse arrives as its own chunk, only now.
    const lazy = scripts(requests).filter((u) => !before.has(u));
    expect(lazy.some((u) => /fuse/i.test(new URL(u).pathname))).toBe(true);
    expect([...before].some((u) => /fuse/i.test(new URL(u).pathname))).toBe(false);
  });

  it('explains that search needs JavaScript, with links to browse instead', async () => {
    context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}search/`);
    expect(await page.locator('parallax-search .search-noscript').textContent()).toMatch(/Search needs JavaScript/);
    await expect(page.locator(`.search-noscript a[href="${BASE}topics/"]`).count()).resolves.toBe(1);
    await expect(page.locator(`.search-noscript a[href="${BASE}articles/"]`).count()).resolves.toBe(1);
  });
});

describe('search page: searching', () => {
  it('shows results grouped by article as the reader types, with highlighted passages linking to their anchors', async () => {
    const { page, errors } = await open();
    await type(page, 'Lighthizer');
    expect(await resultIds(page)).toEqual([PREVIEW]);
    const result = page.locator(`#search-results > li[data-article="${PREVIEW}"]`);
    expect(await result.locator('h2 a').getAttribute('href')).toBe(`${BASE}articles/${PREVIEW}/`);
    expect(await result.locator('time').getAttribute('datetime')).toBe('2017-11-05');
    expect(await result.locator('.outlet').textContent()).toBe('Nikkei Asian Review');
    expect(await marks(page)).toContain('Lighthizer');
    const hrefs = await result.locator('.search-passage a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`${BASE}articles/${PREVIEW}/#p13`);
    expect(await status(page)).toMatch(/1 article for “Lighthizer”/);
    expect(errors).toEqual([]);
  });

  it('forgives typos', async () => {
    const { page } = await open();
    await type(page, 'Yokata');
    expect(await resultIds(page)).toEqual(expect.arrayContaining([NPR, PREVIEW]));
    expect(await marks(page)).toContain('Yokota');
    await type(page, 'Lighthiser');
    expect((await resultIds(page))[0]).toBe(PREVIEW);
    await type(page, 'strategc patience');
    expect(await resultIds(page)).toEqual(expect.arrayContaining([NPR, REUTERS]));
    expect((await marks(page)).map((m) => m.toLowerCase())).toContain('strategic');
  });

  it('finds an exact phrase only where it appears word for word', async () => {
    const { page } = await open();
    await type(page, '"out of the sky"');
    expect((await resultIds(page)).sort()).toEqual([NPR, REUTERS].sort());
    for (const mark of await marks(page)) expect(mark.toLowerCase()).toBe('out of the sky');
    await type(page, '"sky out of the"');
    expect(await resultIds(page)).toEqual([]);
    expect(await status(page)).toBe(
      'No results for “"sky out of the"”. Check the spelling, use fewer words, or clear the filters.',
    );
  });

  it('narrows by outlet, event and topic, keeps them in the URL, and Back restores the previous state', async () => {
    const { page } = await open();
    await type(page, 'maximum pressure');
    const all = await resultIds(page);
    expect(all.length).toBeGreaterThan(1);

    await choose(page, 'outlet', 'reuters');
    expect(await resultIds(page)).toEqual([REUTERS]);

    await choose(page, 'event', 'washington-2018');
    expect(await resultIds(page)).toEqual([]);
    expect(await status(page)).toMatch(/^No results for “maximum pressure” with these filters/);

    await back(page, 'event', null);
    expect(await page.locator('#search-event').inputValue()).toBe('');
    expect(await page.locator('#search-outlet').inputValue()).toBe('reuters');
    expect(await resultIds(page)).toEqual([REUTERS]);

    await back(page, 'outlet', null);
    expect(await page.locator('#search-outlet').inputValue()).toBe('');
    expect(await input(page).inputValue()).toBe('maximum pressure');
    expect(await resultIds(page)).toEqual(all);

    // Topics: every article left has a quote filed under the chosen topic, and no other is dropped.
    const topics = await page
      .locator('#search-topic option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(topics[0]).toBe('');
    const topic = topics[1];
    if (!topic) return; // no quote is filed under any topic yet
    await choose(page, 'topic', topic);
    const table = await page.evaluate(
      async (url) => (await (await fetch(url)).json()).articles,
      `${BASE}data/search-records.json`,
    );
    const left = await resultIds(page);
    expect(all.filter((id) => table[id as string].topics.includes(topic))).toEqual(left);
  });

  it('restores a search from the URL on load and on reload', async () => {
    const { page, requests } = await open('search/?q=Kono&outlet=nikkei');
    await page.waitForSelector('#search-results > li');
    await settled(page);
    expect(await input(page).inputValue()).toBe('Kono');
    expect(await page.locator('#search-outlet').inputValue()).toBe('nikkei');
    expect(await resultIds(page)).toEqual([PREVIEW]);
    expect(requests.filter(isData)).toHaveLength(2); // a query in the URL loads at once

    await page.reload();
    await page.waitForSelector('#search-results > li');
    await settled(page);
    expect(await input(page).inputValue()).toBe('Kono');
    expect(await resultIds(page)).toEqual([PREVIEW]);
  });

  it('ignores a filter value the page does not offer', async () => {
    const { page } = await open('search/?q=Kono&outlet=nowhere');
    await page.waitForSelector('#search-results > li');
    await settled(page);
    expect(await page.locator('#search-outlet').inputValue()).toBe('');
    expect(await resultIds(page)).toEqual([PREVIEW]);
  });

  it('submitting the form searches at once and adds a history entry', async () => {
    const { page } = await open();
    await type(page, 'Suga');
    await input(page).fill('Bolton');
    await input(page).press('Enter');
    await settled(page);
    expect(params(page).get('q')).toBe('Bolton');
    expect(await resultIds(page)).toEqual(['nikkei-pressure-still-on-2018']);
    await back(page, 'q', 'Suga');
    expect(await input(page).inputValue()).toBe('Suga');
    expect(await resultIds(page)).toEqual(['nikkei-maximum-pressure-2017']);
  });

  it('moves through result links with the arrow keys, and Escape returns to the input', async () => {
    const { page } = await open();
    await type(page, 'abductees');
    const links = await page
      .locator('#search-results a[href]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(2);
    const focused = () =>
      page.evaluate(
        () => (document.activeElement as HTMLElement | null)?.getAttribute('href') ?? document.activeElement?.id,
      );

    await input(page).press('ArrowDown');
    expect(await focused()).toBe(links[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(links[1]);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(links[2]);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(links[1]);
    await page.keyboard.press('Escape');
    expect(await focused()).toBe('search-input');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('search-input');
  });
});

describe('search page: safety', () => {
  const hostile = [
    '<img src=x onerror=alert(1)>',
    '"><script>alert(1)</script>',
    'javascript:alert(1)',
    'Abe <i>x</i> \'"><svg onload=alert(1)>',
  ];

  for (const query of hostile) {
    it(`renders ${JSON.stringify(query)} as text, from the URL and from the keyboard`, async () => {
      const { page, dialogs, errors } = await open(`search/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '').length > 0);
      await settled(page);
      expect(await input(page).inputValue()).toBe(query);
      await type(page, query);
      const injected = await page.evaluate(
        () =>
          document.querySelectorAll(
            'parallax-search img, parallax-search script, parallax-search svg, #search-results i, #search-status *',
          ).length,
      );
      expect(injected).toBe(0);
      const status = await page.locator('#search-status').textContent();
      if (!(await resultIds(page)).length) expect(status).toContain(query.trim());
      const hrefs = await page
        .locator('#search-results a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      for (const href of hrefs) expect(href.startsWith(`${BASE}articles/`)).toBe(true);
      await page.waitForTimeout(200); // time for any injected handler to have fired
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  it('never asks another origin for anything', async () => {
    const { page, requests } = await open();
    await type(page, 'Akihito');
    await choose(page, 'outlet', 'reuters');
    await page.locator('#search-results .search-passage a').first().click({ timeout: 5_000 });
    await page.waitForURL(/\/articles\//);
    await page.waitForLoadState('networkidle');
    expect(requests.length).toBeGreaterThan(3);
    for (const url of requests) expect(new URL(url).origin).toBe(server.origin);
  });
});
