/**
 * The search page in a real browser (Debian's Chromium through playwright-core), against
 * the built site in dist/ (`npx astro build` first; DIST_DIR / DIST_BASE for a sub-path build).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BASE, requireBuilt, watch } from './browser.ts';
import type { Watch } from './browser.ts';
import { connectBrowser } from './connect.ts';

const NPR = 'npr-trump-japan-visit-2017';
const REUTERS = 'reuters-shoot-missiles-2017';
const PREVIEW = 'nikkei-alliance-preview-2017';
const STILL_ON = 'nikkei-pressure-still-on-2018';

/** The served site: its origin, and its URL with the base path. */
const server = { origin: '', url: '' };
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  requireBuilt('search/index.html');
  let connected;
  ({ browser, ...connected } = await connectBrowser());
  Object.assign(server, connected);
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Opens a page of the site (path relative to the base) and records requests, errors and dialogs.
 * `clock`: the page's timers run on a clock the test can stop (see pauseClock).
 */
async function open(path = 'search/', { clock = false } = {}): Promise<Watch> {
  context = await browser.newContext();
  if (clock) await context.clock.install();
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

/**
 * Waits until the results and the status are up to date: the element marks the results aria-busy
 * from keystroke to render, and the status (a live region) while its update waits for a pause in typing.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const results = document.querySelector('#search-results');
    const status = document.querySelector('#search-status');
    return !!results && !!status && !results.hasAttribute('aria-busy') && !status.hasAttribute('aria-busy');
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

/** Every passage shown is a quote filed under `topic` or a paragraph holding one (per data/quotes.json). */
async function expectOnTopic(page: Page, topic: string): Promise<void> {
  const quotes: Array<{ url: string; topics: string[] }> = await page.evaluate(
    async (url) => (await fetch(url)).json(),
    `${BASE}data/quotes.json`,
  );
  const onTopic = new Set<string>();
  for (const quote of quotes.filter((q) => q.topics.includes(topic))) {
    const [path, anchor] = quote.url.split('#') as [string, string];
    onTopic.add(`${path}#${anchor}`);
    onTopic.add(`${path}#p${/^q(\d+)-/.exec(anchor)?.[1]}`);
  }
  const hrefs = await page
    .locator('#search-results .search-passage a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) expect(onTopic, href).toContain(href);
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

/**
 * Stops the page's clock (installed by open's `clock`): from here its timers, the search's debounce
 * and its quiet time among them, fire only when the test moves time on (clock.runFor) or resumes it.
 * The page then sees the reader's pace the test describes, however slow the machine is.
 */
async function pauseClock(page: Page): Promise<void> {
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
}

const isData = (url: string) => /search-(records|index)\.json/.test(url);
const scripts = (urls: string[]) => urls.filter((u) => /\.m?js(\?|$)/.test(u));

describe('search page: loading', () => {
  it('works as a plain form and fetches neither the search engine nor its data before the reader interacts', async () => {
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
    // The search engine arrives as its own chunk, only now.
    const lazy = scripts(requests).filter((u) => !before.has(u));
    expect(lazy.some((u) => /shards/i.test(new URL(u).pathname))).toBe(true);
    expect([...before].some((u) => /shards/i.test(new URL(u).pathname))).toBe(false);
  });

  it('explains that search needs JavaScript, above the form and the fold, with links to browse instead', async () => {
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 667 } });
    const page = await context.newPage();
    await page.goto(`${server.url}search/`);
    const notice = page.locator('parallax-search .search-noscript');
    expect(await notice.textContent()).toMatch(/Search needs JavaScript/);
    expect((await notice.innerText()).replace(/\s+/g, ' ')).toContain('listed by topic, and');
    await expect(page.locator(`.search-noscript a[href="${BASE}topics/"]`).count()).resolves.toBe(1);
    await expect(page.locator(`.search-noscript a[href="${BASE}articles/"]`).count()).resolves.toBe(1);
    const box = (await notice.boundingBox())!;
    const form = (await page.locator('parallax-search form').boundingBox())!;
    expect(box.y).toBeLessThan(form.y);
    expect(box.y + box.height).toBeLessThanOrEqual(667);
    // No empty space reserved for results that cannot come.
    expect(await page.locator('#search-results').evaluate((ol) => getComputedStyle(ol).minHeight)).toBe('0px');
  });

  it('reserves the results’ space from the first paint when the script runs, so they shift nothing', async () => {
    const { page } = await open();
    const minHeight = await page
      .locator('#search-results')
      .evaluate((ol) => parseFloat(getComputedStyle(ol).minHeight));
    expect(minHeight).toBe(page.viewportSize()!.height);
  });

  it('says it is loading while the search data is on its way', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/search-index\.json/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}search/`);
    await input(page).focus(); // starts the load
    await input(page).pressSequentially('Kono', { delay: 10 });
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent === 'Loading search…');
    expect(await page.locator('#search-results').getAttribute('aria-busy')).toBe('true');
    release();
    await settled(page);
    expect(await status(page)).toMatch(/^\d+ articles? for “Kono”/);
    expect(await resultIds(page)).toContain(PREVIEW);
  });
});

describe('search page: layout and keyboard', () => {
  for (const width of [320, 375]) {
    it(`does not scroll sideways on a ${width} px phone, even with a long event name`, async () => {
      context = await browser.newContext({ viewport: { width, height: 640 } });
      const page = await context.newPage();
      await page.goto(`${server.url}search/?q=pressure`);
      await page.waitForSelector('#search-results > li');
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        select: document.querySelector('#search-event')!.getBoundingClientRect().right,
      }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      expect(widths.select).toBeLessThanOrEqual(widths.client);
    });
  }

  it('"/" focuses the page’s own search box on the search page, whose header has none to reload it', async () => {
    const { page } = await open('search/?q=Kono&outlet=nikkei');
    await page.waitForSelector('#search-results > li');
    await settled(page);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    expect(await input(page).inputValue()).toBe('Kono');
    expect(await page.locator('#site-search-input').isVisible()).toBe(false);
    // Elsewhere the header's box is there, and "/" goes to it.
    await page.goto(`${server.url}topics/`);
    expect(await page.locator('#site-search-input').isVisible()).toBe(true);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
  });
});

describe('search page: searching', () => {
  it('shows results grouped by article as the reader types, with highlighted passages linking to their anchors', async () => {
    const { page, errors } = await open();
    await type(page, 'Lighthizer');
    expect(await resultIds(page)).toContain(PREVIEW);
    const result = page.locator(`#search-results > li[data-article="${PREVIEW}"]`);
    expect(await result.locator('h2 a').getAttribute('href')).toBe(`${BASE}articles/${PREVIEW}/`);
    expect(await result.locator('time').getAttribute('datetime')).toBe('2017-11-05');
    expect(await result.locator('.outlet').textContent()).toBe('Nikkei Asian Review');
    expect(await marks(page)).toContain('Lighthizer');
    const hrefs = await result.locator('.search-passage a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`${BASE}articles/${PREVIEW}/#p13`);
    expect(await status(page)).toMatch(/\d+ articles? for “Lighthizer”/);
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

  it('finds other forms of a word, marked as written, and a section heading', async () => {
    const { page } = await open();
    await type(page, 'kidnapped');
    expect(await resultIds(page)).toEqual(expect.arrayContaining([NPR, REUTERS]));
    expect((await marks(page)).map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['kidnappings']));
    await type(page, 'emperor abductees');
    expect((await resultIds(page))[0]).toBe(REUTERS);
    expect(await page.locator('#search-results .search-passage-label').first().textContent()).toBe('Section');
  });

  it('finds an exact phrase only where it appears word for word', async () => {
    const { page } = await open();
    await type(page, '"out of the sky"');
    expect((await resultIds(page)).sort()).toEqual([NPR, REUTERS].sort());
    for (const mark of await marks(page)) expect(mark.toLowerCase()).toBe('out of the sky');
    await type(page, '"sky out of the"');
    expect(await resultIds(page)).toEqual([]);
    // No filter is set, so there is none to clear.
    expect(await status(page)).toBe('No results for “"sky out of the"”. Check the spelling.');
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

    // Topics: every passage left is a quote filed under the chosen topic, or a paragraph holding one.
    const topics = await page
      .locator('#search-topic option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(topics[0]).toBe('');
    const topic = topics.includes('security') ? 'security' : topics[1];
    if (!topic) return; // no quote is filed under any topic yet
    await choose(page, 'topic', topic);
    expect(await resultIds(page)).not.toEqual([]);
    await expectOnTopic(page, topic);
  });

  it('filters by topic passage by passage, not article by article', async () => {
    const { page } = await open('search/?q=golf&topic=abductees');
    await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '').length > 0);
    await settled(page);
    // Every article has abductee quotes, but no golf passage is one or holds one.
    expect(await resultIds(page)).toEqual([]);
    await type(page, 'trade');
    await choose(page, 'topic', 'trade');
    expect((await resultIds(page)).length).toBeGreaterThan(0);
    await expectOnTopic(page, 'trade');
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
    expect(await resultIds(page)).toContain(PREVIEW);
  });

  it('submitting the form searches at once and adds a history entry', async () => {
    const { page } = await open('search/', { clock: true });
    await type(page, 'Suga');
    // Enter comes before the typing's debounce would have fired, however long the machine takes between the two.
    await pauseClock(page);
    await input(page).fill('Bolton');
    await input(page).press('Enter');
    await page.clock.resume();
    await settled(page);
    expect(params(page).get('q')).toBe('Bolton');
    expect(await resultIds(page)).toContain('nikkei-pressure-still-on-2018');
    await back(page, 'q', 'Suga');
    expect(await input(page).inputValue()).toBe('Suga');
    expect(await resultIds(page)).toContain('nikkei-maximum-pressure-2017');
  });

  it('announces one count when the reader pauses, never "No results" for a word half-typed', async () => {
    const { page } = await open('search/', { clock: true });
    await input(page).focus();
    await pauseClock(page);
    await page.evaluate(() => {
      const log: Array<{ status: string; items: number }> = [];
      (window as unknown as { searchLog: typeof log }).searchLog = log;
      const status = document.querySelector('#search-status')!;
      const results = document.querySelector('#search-results')!;
      const record = () => log.push({ status: status.textContent ?? '', items: results.children.length });
      new MutationObserver(record).observe(status, { childList: true, characterData: true, subtree: true });
      new MutationObserver(record).observe(results, { childList: true });
    });
    // 250 ms of the page's time between keys: past the search's debounce, so every keystroke is searched,
    // and short of its quiet time, so nothing is announced until the reader stops.
    for (const key of 'maximum pressure') {
      await input(page).press(key === ' ' ? 'Space' : key);
      await page.clock.runFor(250);
    }
    await page.clock.resume();
    await settled(page);
    const log = await page.evaluate(
      () => (window as unknown as { searchLog: Array<{ status: string; items: number }> }).searchLog,
    );
    const said = [...new Set(log.map((l) => l.status))].filter((t) => t && t !== 'Loading search…');
    expect(said).toEqual([expect.stringMatching(/^\d+ articles for “maximum pressure”/)]);
    expect(log.some((l) => /No results/.test(l.status))).toBe(false);
    // Once results show, the list never empties while the reader types on.
    const first = log.findIndex((l) => l.items > 0);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(log.slice(first).every((l) => l.items > 0)).toBe(true);
  });

  it('asks for more than one letter, and treats a lone quote or punctuation as nothing typed', async () => {
    const { page } = await open();
    await type(page, 'm');
    expect(await status(page)).toMatch(/^Keep typing/);
    expect(await resultIds(page)).toEqual([]);
    for (const q of ['"', '?!']) {
      await type(page, q);
      expect(await status(page)).toBe('');
      expect(await resultIds(page)).toEqual([]);
    }
  });

  it('quotes a long or bidi-laden query back isolated and cut short, after the filters hint only when one is set', async () => {
    const { page } = await open();
    const long = `${'zzyzx '.repeat(20)}end`;
    await type(page, long);
    const echoed = await page.locator('#search-status bdi').textContent();
    expect(echoed).toMatch(/…$/);
    expect(echoed!.length).toBeLessThanOrEqual(61);
    expect(await status(page)).not.toContain('filters');

    await type(page, 'abc\u202Ezzyzx');
    expect(await page.locator('#search-status bdi').textContent()).toBe('abczzyzx');
    expect(await status(page)).toMatch(/^No results for “abczzyzx”\. Check the spelling\.$/);
    await choose(page, 'outlet', 'npr');
    expect(await status(page)).toMatch(/clear the filters\.$/);
  });

  it('highlights whole words for apostrophes and hyphens, never a lone letter', async () => {
    const { page } = await open();
    await type(page, "Japan's");
    const found = await marks(page);
    expect(found.length).toBeGreaterThan(0);
    for (const mark of found) expect(mark).toMatch(/^Japan(['’]s)?$/);
    await type(page, 'U.S.-Japan');
    expect(await marks(page)).toEqual(['U.S.-Japan']);
  });

  it('does not swap a real name for a near spelling, and says when it shows near spellings only', async () => {
    const { page } = await open();
    await type(page, 'Pence');
    expect((await marks(page)).every((m) => m === 'Pence')).toBe(true);
    await type(page, 'Moon');
    expect(await status(page)).toMatch(/^No exact match for “Moon”; showing similar words: soon\./);
  });

  it('finds a person’s quotes by their name, marked in the quote’s label', async () => {
    const { page } = await open();
    await type(page, 'Kono');
    const label = page.locator(`#search-results .search-passage[data-kind="quote"] .search-passage-label`).first();
    expect(await label.textContent()).toBe('Quote · Taro Kono');
    expect(await label.locator('mark').allTextContents()).toEqual(['Kono']);
    await type(page, 'Hua');
    expect(await page.locator('#search-results .search-passage[data-kind="quote"] mark').allTextContents()).toContain(
      'Hua',
    );
  });

  it('links "more matches" to the first match not shown', async () => {
    const { page } = await open();
    await type(page, 'trade');
    const result = page.locator('#search-results > li', { has: page.locator('.search-more') }).first();
    const shown = await result.locator('.search-passage a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const more = await result.locator('.search-more a').getAttribute('href');
    expect(more).toMatch(/#[pq]\d+/);
    expect(shown).not.toContain(more);
  });

  it('finds an article whose words are in different passages, after those with all in one', async () => {
    const { page } = await open();
    await type(page, 'Abe golf');
    const ids = await resultIds(page);
    expect(ids[0]).toBe('nikkei-maximum-pressure-2017');
    expect(ids).toContain(STILL_ON);
    const spread = page.locator(`#search-results > li[data-article="${STILL_ON}"]`);
    expect(await spread.locator('.search-partial').count()).toBe(1);
    expect(await spread.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['Abe', 'golf']));
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
            'parallax-search img, parallax-search script, parallax-search svg, #search-results i, #search-status :not(bdi)',
          ).length,
      );
      expect(injected).toBe(0);
      // The status quotes the query back as the text of a <bdi>, and nothing else of it.
      const echoed = await page.locator('#search-status bdi').allTextContents();
      expect(echoed).toEqual([query.trim()]);
      const status = await page.locator('#search-status').textContent();
      expect(status).toContain(query.trim());
      const hrefs = await page
        .locator('#search-results a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      for (const href of hrefs) expect(href.startsWith(`${BASE}articles/`)).toBe(true);
      await page.waitForLoadState('networkidle'); // anything injected has loaded, or failed, and fired its handler
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
