/** For test files: the run's Chromium and site, started once by global-setup.ts (browser.ts stays free of vitest for src/cli/bench.ts). */
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { BASE, DIST } from '../build/dist.ts';

/**
 * The run's one Chromium (launched by global-setup.ts) and the built site it serves. Closing the
 * returned browser disconnects this file; the browser itself lives until the run ends.
 */
export async function connectBrowser(): Promise<{ browser: Browser; origin: string; url: string }> {
  const origin = inject('siteOrigin');
  if (!origin) throw new Error(`No index.html in ${DIST}: build the site first (npx astro build).`);
  const browser = await chromium.connect(inject('chromiumEndpoint'));
  return { browser, origin, url: `${origin}${BASE}` };
}
