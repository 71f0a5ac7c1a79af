/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config, so component tests can render .astro files with the Container API.
// Which tests run is chosen by path on the command line (see package.json's test:* scripts).
export default getViteConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser tests share one Chromium per file; keep files from starving two cores.
    maxWorkers: 2,
  },
});
