import { describe, expect, it } from 'vitest';
import { ELLIPSIS, highlight, mergeRanges, termRanges } from '../../../src/lib/search/highlight.ts';
import type { Segment } from '../../../src/lib/search/highlight.ts';

/** Segments as a string with [marks], for readable expectations. */
const show = (segments: Segment[]) => segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');

describe('mergeRanges', () => {
  it('merges overlapping and adjacent ranges, sorted', () => {
    expect(
      mergeRanges([
        [6, 9],
        [0, 3],
        [2, 4],
        [5, 5],
      ]),
    ).toEqual([[0, 9]]);
    expect(
      mergeRanges([
        [0, 1],
        [3, 4],
      ]),
    ).toEqual([
      [0, 1],
      [3, 4],
    ]);
    expect(
      mergeRanges([
        [4, 6],
        [0, 3],
      ]),
    ).toEqual([[0, 6]]);
  });

  it('drops reversed ranges and clips to the text', () => {
    expect(
      mergeRanges(
        [
          [5, 2],
          [-3, 1],
          [8, 40],
        ],
        10,
      ),
    ).toEqual([
      [0, 1],
      [8, 9],
    ]);
  });
});

describe('highlight with ranges', () => {
  it('marks overlapping ranges once', () => {
    expect(
      show(
        highlight('maximum pressure on Pyongyang', {
          ranges: [
            [0, 6],
            [3, 15],
          ],
        }),
      ),
    ).toBe('[maximum pressure] on Pyongyang');
  });

  it('joins adjacent ranges into one mark', () => {
    const segments = highlight('strategic patience', {
      ranges: [
        [0, 8],
        [9, 9],
        [10, 17],
      ],
    });
    expect(segments).toEqual([{ text: 'strategic patience', hit: true }]);
  });

  it('keeps separate marks for words a space apart', () => {
    expect(
      show(
        highlight('strategic patience', {
          ranges: [
            [0, 8],
            [10, 17],
          ],
        }),
      ),
    ).toBe('[strategic] [patience]');
  });

  it('returns the whole text unmarked when nothing matched', () => {
    expect(highlight('No one likes conflict')).toEqual([{ text: 'No one likes conflict', hit: false }]);
    expect(highlight('')).toEqual([]);
  });
});

describe('highlight with terms', () => {
  it('ignores case and accents, keeping the original characters', () => {
    expect(show(highlight('Talks at a Café in Tōkyō', { terms: ['cafe', 'TOKYO'] }))).toBe(
      'Talks at a [Café] in [Tōkyō]',
    );
    expect(show(highlight('Talks at a cafe in Tokyo', { terms: ['Café', 'Tōkyō'] }))).toBe(
      'Talks at a [cafe] in [Tokyo]',
    );
  });

  it('matches curly and straight apostrophes either way', () => {
    expect(show(highlight('Japan’s policy', { terms: ["japan's"] }))).toBe('[Japan’s] policy');
    expect(show(highlight("Japan's policy", { terms: ['Japan’s'] }))).toBe("[Japan's] policy");
  });

  it('matches curly and straight double quotes either way', () => {
    expect(show(highlight('shoot them “out of the sky” soon', { terms: ['"out of the sky"'] }))).toBe(
      'shoot them [“out of the sky”] soon',
    );
    expect(show(highlight('the "menace" of North Korea', { terms: ['“menace”'] }))).toBe(
      'the ["menace"] of North Korea',
    );
  });

  it('marks a phrase across any whitespace, including a quote’s paragraph break', () => {
    expect(show(highlight('out of the\n\nsky', { terms: ['out of the sky'] }))).toBe('[out of the\n\nsky]');
  });

  it('only marks where a word starts', () => {
    expect(show(highlight('Abe was able to label it', { terms: ['abe'] }))).toBe('[Abe] was able to label it');
    expect(show(highlight('Lighthizer', { terms: ['lighth'] }))).toBe('[Lighth]izer');
  });

  it('treats regex characters in terms literally', () => {
    expect(show(highlight('costs $69 billion (a lot)', { terms: ['$69', '(a'] }))).toBe(
      'costs [$69] billion [(a] lot)',
    );
  });

  it('merges term matches with ranges', () => {
    expect(show(highlight('maximum pressure campaign', { ranges: [[0, 6]], terms: ['pressure'] }))).toBe(
      '[maximum] [pressure] campaign',
    );
    expect(show(highlight('maximum pressure campaign', { ranges: [[0, 7]], terms: ['pressure'] }))).toBe(
      '[maximum pressure] campaign',
    );
  });
});

describe('highlight snippets', () => {
  const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `word${from + i}`).join(' ');
  const long = `${words(40)} Lighthizer ${words(40, 40)}`;

  it('trims a long paragraph around the first hit, with ellipses on both sides', () => {
    const segments = highlight(long, { terms: ['lighthizer'], maxLength: 120 });
    const text = segments.map((s) => s.text).join('');
    expect(text.startsWith(ELLIPSIS)).toBe(true);
    expect(text.endsWith(ELLIPSIS)).toBe(true);
    expect(text.length).toBeLessThanOrEqual(122);
    expect(segments.filter((s) => s.hit)).toEqual([{ text: 'Lighthizer', hit: true }]);
    // Cut on word boundaries: every word shown is whole.
    for (const word of text.replaceAll(ELLIPSIS, '').split(/\s+/)) expect(word).toMatch(/^(word\d+|Lighthizer)$/);
    // Some context before the hit.
    expect(text.indexOf('Lighthizer')).toBeGreaterThan(20);
  });

  it('starts at the beginning when the hit is near it', () => {
    const text = highlight(`Lighthizer ${words(80)}`, { terms: ['lighthizer'], maxLength: 100 })
      .map((s) => s.text)
      .join('');
    expect(text.startsWith('Lighthizer')).toBe(true);
    expect(text.endsWith(ELLIPSIS)).toBe(true);
  });

  it('ends at the end when the hit is near it', () => {
    const text = highlight(`${words(80)} Lighthizer`, { terms: ['lighthizer'], maxLength: 100 })
      .map((s) => s.text)
      .join('');
    expect(text.startsWith(ELLIPSIS)).toBe(true);
    expect(text.endsWith('Lighthizer')).toBe(true);
  });

  it('shows the opening of the text when nothing matched', () => {
    const text = highlight(long, { maxLength: 60 })
      .map((s) => s.text)
      .join('');
    expect(text.startsWith('word0 ')).toBe(true);
    expect(text.endsWith(ELLIPSIS)).toBe(true);
  });

  it('leaves a short text whole', () => {
    expect(show(highlight('short text here', { terms: ['text'], maxLength: 100 }))).toBe('short [text] here');
  });

  it('keeps a hit longer than the snippet whole', () => {
    const start = words(10).length + 1;
    const segments = highlight(`${words(10)} ${'x'.repeat(50)} ${words(10)}`, {
      ranges: [[start, start + 49]],
      maxLength: 20,
    });
    expect(segments.find((s) => s.hit)?.text).toBe('x'.repeat(50));
  });

  it('clips ranges to the snippet', () => {
    const text = `${words(60)} Kono ${words(60)}`;
    const segments = highlight(text, { terms: ['kono', 'word119'], maxLength: 80 });
    // The snippet centres on the first hit; the later one falls outside and is not shown.
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['Kono']);
    expect(segments.map((s) => s.text).join('')).not.toContain('word119');
  });

  it('finds words in the highlight terms as text, never as markup', () => {
    const segments = highlight('<img src=x onerror=alert(1)>', { terms: ['<img'] });
    expect(segments).toEqual([
      { text: '<img', hit: true },
      { text: ' src=x onerror=alert(1)>', hit: false },
    ]);
  });
});

describe('termRanges', () => {
  it('gives inclusive ranges into the original text', () => {
    expect(termRanges('Abe and abe', ['ABE'])).toEqual([
      [0, 2],
      [8, 10],
    ]);
  });
});
