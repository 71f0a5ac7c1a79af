/**
 * Bad content stops the build with a message naming the file and the field. Each case
 * builds a throwaway copy of the project whose content/ holds one broken article.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuild, copyProject, ROOT } from '../../src/cli/project-copy.ts';

// The pinned copy: an editor's correction to content/articles cannot turn a case's replace() into a no-op.
const GOOD_FILE = join(ROOT, 'tests/fixtures/quotes/five-articles/npr-trump-japan-visit-2017.md');
const made: string[] = [];

/** A copy of the project with `content/articles/` holding just `broken.md`. */
function projectWith(article: string): string {
  const dir = copyProject('parallax-bad-');
  made.push(dir);
  cpSync(join(ROOT, 'content'), join(dir, 'content'), {
    recursive: true,
    filter: (src) => !src.includes(`${join('content', 'articles')}/`),
  });
  writeFileSync(join(dir, 'content/articles/broken.md'), article);
  return dir;
}

/** Each case breaks the good article one way; every break must change it (or the case tests nothing). */
const cases: Array<[string, (good: string) => string, RegExp]> = [
  ['a missing title', (good) => good.replace(/^title: .*\n/m, ''), /broken[\s\S]*title/i],
  [
    'an impossible date',
    (good) => good.replace(/^published: .*$/m, 'published: 2017-02-30'),
    /broken\.md[\s\S]*published[\s\S]*2017-02-30/,
  ],
  ['a malformed date', (good) => good.replace(/^published: .*$/m, 'published: "6 Nov 2017"'), /broken[\s\S]*published/],
  ['an unknown outlet', (good) => good.replace(/^outlet: .*$/m, 'outlet: nrp'), /broken\.md[\s\S]*outlet[\s\S]*nrp/],
  [
    'an unknown event',
    (good) => good.replace(/^event: .*$/m, 'event: tokyo-2019'),
    /broken\.md[\s\S]*event[\s\S]*tokyo-2019/,
  ],
  ['an empty body', (good) => good.replace(/\n---\n[\s\S]*$/, '\n---\n\n'), /broken\.md[\s\S]*body/],
  [
    'a quote override that is not in the text',
    (good) =>
      good.replace(
        /^source: .*$/m,
        (line) => `${line}\nquotes:\n  - text: "We will never say this"\n    speaker: trump`,
      ),
    /broken\.md[\s\S]*quotes[\s\S]*We will never say this/,
  ],
  [
    'an override naming an unknown person',
    (good) =>
      good.replace(
        /^source: .*$/m,
        (line) => `${line}\nquotes:\n  - text: "We will not stand for that,"\n    speaker: nobody`,
      ),
    /broken\.md[\s\S]*quotes\[0\]\.speaker[\s\S]*nobody/,
  ],
];

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('a broken article stops the build', () => {
  it.concurrent.each(cases)('%s', { timeout: 240_000 }, async (_name, breakIt, message) => {
    const good = readFileSync(GOOD_FILE, 'utf8');
    const article = breakIt(good);
    expect(article).not.toBe(good);
    const result = await astroBuild(projectWith(article), {}, 180_000);
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toMatch(message);
  });

  it('while the unbroken copy builds', { timeout: 240_000 }, async () => {
    const result = await astroBuild(projectWith(readFileSync(GOOD_FILE, 'utf8')), {}, 180_000);
    expect(result.status, result.output).toBe(0);
  });
});
