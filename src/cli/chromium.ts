/**
 * The one way this project starts a browser: Debian's Chromium (playwright-core ships none),
 * headless, with the flags that keep it from phoning home. Used by the browser tests, the
 * Lighthouse audit and the benchmark.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A missing browser is a failure, never a skip: on CI the image must provide it; on a
 * developer machine the message says how to install it.
 */
export function requireChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.env.CI === 'true')
    throw new Error(
      `Chromium not found at ${CHROMIUM} on CI: the CI image must install the "chromium" package ` +
        '(apt-get install chromium) before the browser tests run.',
    );
  throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`sudo apt-get install chromium\``);
}

/** Launches headless Chromium for one process's use. */
export async function launchBrowser(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
