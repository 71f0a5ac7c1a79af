import { describe, expect, it } from 'vitest';
import { listOf, plural } from '../../src/lib/words.ts';

describe('plural', () => {
  it('counts in the singular only for one', () => {
    expect(plural(1, 'quote')).toBe('1 quote');
    expect(plural(0, 'quote')).toBe('0 quotes');
    expect(plural(1200, 'article')).toBe('1,200 articles');
    expect(plural(2, 'more match', 'more matches')).toBe('2 more matches');
  });
});

describe('listOf', () => {
  it('joins one, two and many items', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['NPR'])).toBe('NPR');
    expect(listOf(['NPR', 'Reuters'], 'or')).toBe('NPR or Reuters');
    expect(listOf(['Nikkei', 'NPR', 'Reuters'])).toBe('Nikkei, NPR and Reuters');
    expect(listOf(['a', 'b', 'c'], 'or', true)).toBe('a, b, or c');
  });
});
