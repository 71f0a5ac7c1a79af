/**
 * axe-core on every page of the site (the sitemap's, else every HTML file of the build),
 * in the light and the dark colour scheme: zero violations of WCAG 2.0/2.1/2.2 A and AA
 * and axe's best practices. Fix the component rather than disabling a rule; a rule that
 * must be disabled goes in DISABLED with the reason and a link.
 *
 * Pages are audited side by side (it.concurrent, a few light-and-dark pairs of tabs of the run's
 * one Chromium), and each prints a line as it finishes.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectBrowser } from './connect.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Rules switched off, each with its reason and a link. None so far. */
const DISABLED: string[] = [];

const SCHEMES = ['light', 'dark'] as const;

let browser: Browser;
let origin: string;
const started = Date.now();
let done = 0;

beforeAll(async () => {
  ({ browser, origin } = await connectBrowser());
});

afterAll(async () => {
  await browser?.close();
});

const describeViolation = (v: Result) =>
  [
    `${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}`,
    ...v.nodes.slice(0, 5).map((n) => `  - ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n\s*/g, ' ') ?? ''}`),
    ...(v.nodes.length > 5 ? [`  … and ${v.nodes.length - 5} more`] : []),
  ].join('\n');

/** Pages audited at once: each holds a light and a dark tab, reused from page to page. */
const SLOTS = 3;
type Slot = Record<(typeof SCHEMES)[number], Page>;
const idle: Slot[] = [];
let made = 0;
const waiting: Array<(slot: Slot) => void> = [];

async function takeSlot(): Promise<Slot> {
  const free = idle.pop();
  if (free) return free;
  if (made < SLOTS) {
    made += 1;
    const tab = async (colorScheme: (typeof SCHEMES)[number]) =>
      (await browser.newContext({ colorScheme, reducedMotion: 'reduce' })).newPage();
    return { light: await tab('light'), dark: await tab('dark') };
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function giveBack(slot: Slot): void {
  const next = waiting.shift();
  if (next) next(slot);
  else idle.push(slot);
}

async function audit(page: Page, scheme: (typeof SCHEMES)[number], path: string): Promise<string[]> {
  await page.goto(origin + path, { waitUntil: 'load' });
  // Passing rules are counted, not listed node by node: that serialisation is most of axe's cost on a big table.
  const builder = new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] });
  if (DISABLED.length) builder.disableRules(DISABLED);
  const { violations, passes } = await builder.analyze();
  // Zero violations only mean something if axe checked something.
  if (passes.length < 10) throw new Error(`axe ran only ${passes.length} passing rules on ${path} (${scheme})`);
  return violations.map(describeViolation);
}

const pages = inject('sitePages');

describe(`accessibility (axe-core) of every page, from ${inject('pagesSource')}`, () => {
  it('has pages to audit', () => {
    expect(pages.length, 'pages in the build (run npm run build first)').toBeGreaterThan(10);
  });

  // A hang guard, not a speed test: on a starved machine a big topic page can take a minute.
  it.concurrent.each(pages)('%s has no violations in light or dark scheme', { timeout: 180_000 }, async (path) => {
    const slot = await takeSlot();
    let reports: string[][];
    try {
      reports = await Promise.all(SCHEMES.map((scheme) => audit(slot[scheme], scheme, path)));
    } finally {
      giveBack(slot);
    }
    const [light = [], dark = []] = reports;
    const report = [...light.map((v) => `[light] ${v}`), ...dark.map((v) => `[dark] ${v}`)];
    done += 1;
    const seconds = Math.round((Date.now() - started) / 1000);
    process.stdout.write(`axe: ${done}/${pages.length} pages (${seconds} s) ${path}\n`);
    expect(report, report.join('\n')).toEqual([]);
  });
});
