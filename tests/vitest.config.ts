/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config, so component tests can render .astro files with the Container API.
// Three projects, one per stage of `npm test` (package.json's test:* scripts pick one with --project).
export default getViteConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], globalSetup: ['tests/build/global-setup.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // A hang guard, not a speed test: a page in a browser starved of CPU may take many seconds.
          testTimeout: 120_000,
          // One Chromium and one server for the whole run; files connect to them.
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
