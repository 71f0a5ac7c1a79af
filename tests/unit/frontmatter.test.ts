import { describe, expect, it } from 'vitest';
import { readFrontmatter, writeArticleFile } from '../../src/lib/frontmatter.ts';
import type { ArticleFrontmatter } from '../../src/lib/frontmatter.ts';

const FIELDS: ArticleFrontmatter = {
  title: 'Trump says "out of sky" \\ again',
  dek: 'A dek',
  outlet: 'reuters',
  dateline: 'TOKYO',
  published: '2017-11-06',
  event: 'tokyo-2017',
  source: '003_da171bd8df068cf2.txt',
};

describe('writeArticleFile', () => {
  it('writes the keys in the collection’s order, strings quoted, ids bare, then the body', () => {
    expect(writeArticleFile(FIELDS, 'First.\n\nSecond.\n\n')).toBe(
      [
        '---',
        'title: "Trump says \\"out of sky\\" \\\\ again"',
        'dek: "A dek"',
        'outlet: reuters',
        'dateline: "TOKYO"',
        'published: 2017-11-06',
        'event: tokyo-2017',
        'source: "003_da171bd8df068cf2.txt"',
        '---',
        '',
        'First.',
        '',
        'Second.',
        '',
      ].join('\n'),
    );
  });

  it('quotes an id YAML would read as something else, and writes a missing source as null', () => {
    const file = writeArticleFile({ ...FIELDS, outlet: 'no', event: 'Tokyo 2017', source: null }, 'Text.');
    expect(file).toContain('outlet: "no"\n');
    expect(file).toContain('event: "Tokyo 2017"\n');
    expect(file).toContain('source: null\n');
  });
});

describe('readFrontmatter', () => {
  it('reads back what writeArticleFile wrote', () => {
    const read = readFrontmatter(writeArticleFile({ ...FIELDS, outlet: 'no' }, 'Body.'));
    expect(read).toEqual({ fields: { ...FIELDS, outlet: 'no' }, body: '\nBody.\n' });
  });

  it('reads a field as written (an impossible date stays a string), single quotes and null', () => {
    const read = readFrontmatter(
      "---\r\npublished: 2017-02-30\r\nbyline: 'O''Neil'\r\nsource: ~\r\nquotes:\r\n  - text: \"x\"\r\n---\r\nBody",
    );
    expect(read?.fields).toEqual({ published: '2017-02-30', byline: "O'Neil", source: null });
    expect(read?.body).toBe('Body');
  });

  it('is null for a file without a frontmatter block', () => {
    expect(readFrontmatter('No frontmatter.\n---\n')).toBeNull();
    expect(readFrontmatter('')).toBeNull();
  });
});
