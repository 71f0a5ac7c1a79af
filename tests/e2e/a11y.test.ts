/**
 * axe-core on every page of the site (the sitemap's, else every HTML file of the build),
 * in the light and the dark colour scheme: zero violations of WCAG 2.0/2.1/2.2 A and AA
 * and axe's best practices. Fix the component rather than disabling a rule; a rule that
 * must be disabled goes in DISABLED with the reason and a link.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, DIST, launchBrowser, pagesSource, requireBuilt, sitePages } from './browser.ts';
import { serve } from './serve.ts';
import type { StaticServer } from './serve.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Rules switched off, each with its reason and a link. None so far. */
const DISABLED: string[] = [];

const SCHEMES = ['light', 'dark'] as const;

let server: StaticServer;
let browser: Browser;
const contexts = new Map<(typeof SCHEMES)[number], BrowserContext>();
const tabs = new Map<(typeof SCHEMES)[number], Page>();

beforeAll(async () => {
  requireBuilt('index.html');
  server = await serve(DIST, { base: BASE });
  browser = await launchBrowser();
  for (const colorScheme of SCHEMES) {
    const context = await browser.newContext({ colorScheme, reducedMotion: 'reduce' });
    contexts.set(colorScheme, context);
    tabs.set(colorScheme, await context.newPage());
  }
});

afterAll(async () => {
  for (const context of contexts.values()) await context.close();
  await browser?.close();
  await server?.close();
});

const describeViolation = (v: Result) =>
  [
    `${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}`,
    ...v.nodes.slice(0, 5).map((n) => `  - ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n\s*/g, ' ') ?? ''}`),
    ...(v.nodes.length > 5 ? [`  … and ${v.nodes.length - 5} more`] : []),
  ].join('\n');

async function audit(scheme: (typeof SCHEMES)[number], path: string): Promise<string[]> {
  const page = tabs.get(scheme)!;
  await page.goto(server.origin + path, { waitUntil: 'load' });
  const builder = new AxeBuilder({ page }).withTags(TAGS);
  if (DISABLED.length) builder.disableRules(DISABLED);
  const { violations, passes } = await builder.analyze();
  // Zero violations only mean something if axe checked something.
  if (passes.length < 10) throw new Error(`axe ran only ${passes.length} passing rules on ${path} (${scheme})`);
  return violations.map(describeViolation);
}

const pages = sitePages();

describe(`accessibility (axe-core) of every page, from ${pagesSource()}`, () => {
  it('has pages to audit', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it.each(pages)('%s has no violations in light or dark scheme', async (path) => {
    const [light, dark] = await Promise.all(SCHEMES.map((scheme) => audit(scheme, path)));
    const report = [...light!.map((v) => `[light] ${v}`), ...dark!.map((v) => `[dark] ${v}`)];
    expect(report, report.join('\n')).toEqual([]);
  });
});
