/**
 * Throwaway copies of the project, and `astro build` run in them as a child process: shared by
 * the benchmark (src/cli/bench.ts) and the build tests that build something other than dist/.
 *
 * A copy gets src/, public/, the config files and whatever content its caller writes. Its
 * node_modules is a real folder of links, entry by entry, so the caches Astro and Vite keep
 * there (node_modules/.astro holds the content layer's data store) are the copy's own: copies
 * that build side by side never read one another's content.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(new URL('../../', import.meta.url).pathname);
export const ASTRO_BIN = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** Caches that live in node_modules and belong to each build, never shared. */
const OWN_CACHES = new Set(['.astro', '.vite', '.vite-temp', '.vitest-cache', '.cache']);

/** A fresh temporary copy of the project without content/; returns its path. */
export function copyProject(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of ['src', 'public']) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  for (const file of ['astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(ROOT, file), join(dir, file));
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (OWN_CACHES.has(entry)) continue;
    symlinkSync(join(ROOT, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  return dir;
}

/**
 * This process's environment for a child `astro build`: without what Vitest adds (Vite would
 * take BASE_URL=/, MODE=test etc. for the child's import.meta.env and quietly build every URL
 * without the base) and without the site settings unless the caller passes them.
 */
export function buildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(BASE_URL|MODE|DEV|PROD|SSR|TEST|NODE_ENV|OUT_DIR|SITE_URL|BASE_PATH)$/.test(key) || key.startsWith('VITEST'))
      delete env[key];
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}
