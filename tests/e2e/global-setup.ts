/**
 * Once per browser-test run: one headless Chromium, and the build under test served on a free
 * loopback port. Test files connect to that browser and open their own contexts, so files and
 * pages run in parallel without each launching a browser of its own. The page list is read here
 * too, so no test file reads the build while it is being collected.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from '../../src/cli/chromium.ts';
import { serve } from '../../src/cli/serve.ts';
import { BASE, DIST, pagesSource, sitePages } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where test files connect to the run's Chromium (chromium.connect). */
    chromiumEndpoint: string;
    /** The served build's origin (http://127.0.0.1:port), or '' when there is no build to serve. */
    siteOrigin: string;
    /** The site's pages as URL paths (base included), and where the list came from. */
    sitePages: string[];
    pagesSource: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  requireChromium();
  const browser = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  // Without a build the tests' beforeAll says "build first"; the browser is still there for them.
  const site = existsSync(join(DIST, 'index.html')) ? await serve(DIST, { base: BASE }) : null;
  project.provide('chromiumEndpoint', browser.wsEndpoint());
  project.provide('siteOrigin', site?.origin ?? '');
  project.provide('sitePages', sitePages());
  project.provide('pagesSource', pagesSource());
  return async () => {
    await site?.close();
    await browser.close();
  };
}
