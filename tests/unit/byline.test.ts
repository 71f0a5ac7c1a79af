import { describe, expect, it } from 'vitest';
import { bylineText } from '../../src/lib/byline.ts';

describe('bylineText', () => {
  it('reads a plain byline as "By …"', () => {
    expect(bylineText('Scott Neuman')).toBe('By Scott Neuman');
  });
  it('credits contributors as contributors', () => {
    expect(bylineText('Ariana King (contributing)')).toBe('Ariana King contributed');
    expect(bylineText('Ariana King (Contributing) ')).toBe('Ariana King contributed');
  });
  it('has nothing to say for a missing or blank byline', () => {
    expect(bylineText(undefined)).toBeUndefined();
    expect(bylineText('  ')).toBeUndefined();
  });
});
