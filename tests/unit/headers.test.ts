import { describe, expect, it } from 'vitest';
import { headerPatternMatches, headersFor, parseCsp, parseHeadersFile } from '../../src/lib/headers.ts';

describe('parseHeadersFile', () => {
  const rules = parseHeadersFile(
    ['# comment', '/*', '  X-A: 1', '  # indented comment', '', '/data/*', '  X-B: two words', '  X-A: 2'].join('\n'),
  );

  it('reads paths, headers and skips comments', () => {
    expect(rules).toEqual([
      { path: '/*', headers: [['X-A', '1']] },
      {
        path: '/data/*',
        headers: [
          ['X-B', 'two words'],
          ['X-A', '2'],
        ],
      },
    ]);
  });

  it('merges every matching rule', () => {
    expect(headersFor(rules, '/')).toEqual({ 'X-A': '1' });
    expect(headersFor(rules, '/data/quotes.json')).toEqual({ 'X-A': '1, 2', 'X-B': 'two words' });
  });

  it('rejects a header line outside a path block', () => {
    expect(() => parseHeadersFile('  X-A: 1')).toThrow(/line 1/);
  });
});

describe('headerPatternMatches', () => {
  it.each([
    ['/*', '/anything/at/all', true],
    ['/articles/:id/', '/articles/x/', true],
    ['/articles/:id/', '/articles/x/y/', false],
    ['/a.b', '/aXb', false],
  ])('%s ~ %s: %s', (pattern, path, matches) => {
    expect(headerPatternMatches(pattern, path)).toBe(matches);
  });
});

describe('parseCsp', () => {
  it('maps directives to sources, lower-cased, first one wins', () => {
    const policy = parseCsp("default-src 'self'; IMG-SRC 'self' data:;; img-src *");
    expect([...policy]).toEqual([
      ['default-src', ["'self'"]],
      ['img-src', ["'self'", 'data:']],
    ]);
  });
});
