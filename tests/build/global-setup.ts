/**
 * Once per build-test run: the lists the test files make one test per item of (every page of
 * the build, every article), read here so no test file reads dist/ while it is being collected.
 * Without a build both lists are empty and the tests that need them say "build first".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { allPages, type ArticleRecord, DIST, readJson } from './dist.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Every HTML file of the build as a URL path (base included); [] without a build. */
    builtPages: string[];
    /** dist/data/articles.json; [] without a build. */
    builtArticles: ArticleRecord[];
  }
}

export default function setup(project: TestProject): void {
  const built = existsSync(join(DIST, 'index.html'));
  project.provide('builtPages', built ? allPages() : []);
  project.provide('builtArticles', built ? readJson<ArticleRecord[]>('articles') : []);
}
