/**
 * Every HTML page of the build passes the W3C Nu Html Checker (vnu.jar from the vnu-jar
 * package, run with Java) with zero errors. One JVM for all pages: starting Java costs
 * more than checking a page.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPages, DIST, fileFor, ROOT } from './dist.ts';

const VNU = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/** Runs vnu once over `files`; resolves with its messages (it writes its JSON report to stderr). */
function vnu(files: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) =>
      reject(
        new Error(
          `Could not run Java for the Nu Html Checker (${error.message}): install a JRE 11+ (sudo apt-get install default-jre-headless).`,
        ),
      ),
    );
    child.on('close', (code) => {
      // Exit status is 1 when a document has errors; the report is what counts.
      const json = stderr.slice(stderr.indexOf('{"'));
      try {
        resolve((JSON.parse(json) as { messages: VnuMessage[] }).messages);
      } catch {
        reject(new Error(`vnu exited with ${code} without a JSON report:\n${stderr}\n${stdout}`.slice(0, 4000)));
      }
    });
  });
}

const where = (m: VnuMessage) => {
  const file = m.url ? relative(DIST, new URL(m.url).pathname) : '?';
  return `${file}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}`;
};

describe('HTML validity (W3C Nu Html Checker)', () => {
  const pages = allPages();
  const files = pages.map((url) => fileFor(url)!);
  // A page known to be broken goes in with the real ones, so a checker that silently checks
  // nothing (wrong arguments, a changed report format) cannot pass the test.
  const scratch = mkdtempSync(join(tmpdir(), 'parallax-vnu-'));
  const canary = join(scratch, 'canary.html');
  let messages: VnuMessage[] = [];

  beforeAll(async () => {
    writeFileSync(
      canary,
      '<!doctype html><html lang="en"><head><title>x</title></head><body><p id="a" id="a"></p></body></html>',
    );
    messages = await vnu([...files, canary]);
  }, 120_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('checks every page of the build', () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(files.every(Boolean)).toBe(true);
    expect(messages.some((m) => m.url && new URL(m.url).pathname === canary && m.type === 'error')).toBe(true);
  });

  it('finds zero errors', () => {
    const errors = messages
      .filter((m) => m.type !== 'info' && !(m.url && new URL(m.url).pathname === canary))
      .map(
        (m) =>
          `${where(m)} ${m.type === 'error' ? '' : `[${m.type}] `}${m.message}${m.extract ? `\n    ${m.extract.replace(/\n/g, '⏎')}` : ''}`,
      );
    expect(errors, `${errors.length} error(s):\n${errors.join('\n')}`).toEqual([]);
  });
});
