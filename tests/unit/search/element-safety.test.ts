import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The island renders reader input; a static guard complements the browser tests in tests/e2e/search.test.ts.
const source = readFileSync(new URL('../../../src/components/search-element.ts', import.meta.url), 'utf8');
const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');

describe('search element source', () => {
  it('never writes HTML strings into the page', () => {
    for (const api of [
      'innerHTML',
      'outerHTML',
      'insertAdjacentHTML',
      'document.write',
      'createContextualFragment',
      'DOMParser',
    ])
      expect(code).not.toContain(api);
  });

  it('quotes the reader’s words back only inside a created <bdi>, as its text', () => {
    expect(code).toContain("el('bdi', undefined, part.echo)");
    expect(code).not.toMatch(/status\.textContent\s*=/);
  });

  it('loads the search engine only through a dynamic import, and no search library', () => {
    expect(code).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+['"][^'"]*shards\.ts['"]/m);
    expect(code).toContain("import('../lib/search/shards.ts')");
    expect(code).not.toContain('fuse');
  });

  it('builds no URL from a hard-coded root', () => {
    expect(code).not.toMatch(/['"`]\/(articles|data|search)\b/);
  });
});
