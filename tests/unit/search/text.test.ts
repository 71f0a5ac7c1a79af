import { describe, expect, it } from 'vitest';
import { allowedEdits, editDistance, findWholeWord, fold, wordsOf } from '../../../src/lib/search/text.ts';
import { countTokens } from '../../../src/lib/search/query.ts';

describe('fold', () => {
  it('lower-cases, strips accents and straightens quotes and dashes, keeping the length', () => {
    const samples = ['Tōkyō Café', 'Japan’s “maximum pressure”', 'Trump–Abe — İstanbul', 'naïve façade', 'ÅNGSTRÖM'];
    for (const sample of samples) expect(fold(sample)).toHaveLength(sample.length);
    expect(fold('Tōkyō Café')).toBe('tokyo cafe');
    expect(fold('Japan’s “maximum pressure”')).toBe('japan\'s "maximum pressure"');
    expect(fold('Trump–Abe — İstanbul')).toBe('trump-abe - istanbul');
  });

  it('leaves characters alone whose fold would change the length', () => {
    expect(fold('😀 x')).toBe('😀 x');
  });

  it('folds every UTF-16 code unit alone, to one code unit, whatever stands around it', () => {
    // Offsets into folded text are offsets into the original: no code unit may grow or shrink,
    // or fold differently beside others (toLowerCase would turn a final Σ into ς).
    for (let code = 0; code < 0x10000; code++) {
      const unit = String.fromCharCode(code);
      const alone = fold(unit);
      expect(alone.length, `U+${code.toString(16)}`).toBe(1);
      if (fold(`AΣ${unit}b`) !== `aσ${alone}b`)
        expect(fold(`AΣ${unit}b`), `U+${code.toString(16)}`).toBe(`aσ${alone}b`);
    }
    expect(fold('ΟΔΥΣΣΕΥΣ `x´')).toBe("οδυσσευσ 'x'");
  });
});

describe('wordsOf', () => {
  it('gives runs of letters and digits with offsets', () => {
    expect(wordsOf("japan's f-35a")).toEqual([
      { text: 'japan', start: 0, end: 5 },
      { text: 's', start: 6, end: 7 },
      { text: 'f', start: 8, end: 9 },
      { text: '35a', start: 10, end: 13 },
    ]);
  });
});

describe('findWholeWord', () => {
  it('finds whole words and phrases only', () => {
    expect(findWholeWord('abe was able, abe.', 'abe')).toEqual([
      [0, 3],
      [14, 17],
    ]);
    expect(findWholeWord('the era of  strategic\npatience', 'strategic patience')).toEqual([[12, 30]]);
    expect(findWholeWord("japan's policy", 'japan')).toEqual([[0, 5]]);
    expect(findWholeWord('f-35a jets', 'f-35a')).toEqual([[0, 5]]);
    expect(findWholeWord('anything', '')).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts substitutions, insertions, deletions and transpositions', () => {
    expect(editDistance('yokata', 'yokota', 2)).toBe(1);
    expect(editDistance('maxmum', 'maximum', 2)).toBe(1);
    expect(editDistance('lighthiser', 'lighthizer', 2)).toBe(1);
    expect(editDistance('strategc', 'strategic', 2)).toBe(1);
    expect(editDistance('teh', 'the', 2)).toBe(1);
  });

  it('gives up past the maximum', () => {
    expect(editDistance('merkel', 'market', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('allowedEdits', () => {
  it('forgives nothing in short words, one typo up to 7 letters, two from 8', () => {
    expect([3, 4, 7, 8, 12].map(allowedEdits)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe('countTokens', () => {
  it('counts what splitting on whitespace gives, without splitting', () => {
    for (const text of [
      '',
      ' ',
      'one',
      ' two  words ',
      'a\u00a0b\u2003c\u3000d',
      '“quote,”\n\nnext paragraph',
      '\t\r\nx\ufeffy',
    ])
      expect(countTokens(text), JSON.stringify(text)).toBe(text.split(/\s+/).filter(Boolean).length);
  });
});
