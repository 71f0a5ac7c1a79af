import { describe, expect, it } from 'vitest';
import { estimateEms, ogCardSvg, ogImageUrl, ogKeyFor, ogTypeFor, wrapText } from '../../src/lib/og.ts';

describe('ogKeyFor / ogImageUrl / ogTypeFor', () => {
  it.each([
    ['/', '/', 'site', '/og/site.png'],
    ['/articles/', '/', 'site', '/og/site.png'],
    ['/articles/npr-x/', '/', 'articles/npr-x', '/og/articles/npr-x.png'],
    ['/topics/trade/', '/', 'topics/trade', '/og/topics/trade.png'],
    ['/topics/trade/tokyo-2017/by/abe/', '/', 'topics/trade', '/og/topics/trade.png'],
    ['/parallax/articles/npr-x/', '/parallax/', 'articles/npr-x', '/parallax/og/articles/npr-x.png'],
    ['/parallax/', 'parallax', 'site', '/parallax/og/site.png'],
    ['/parallax/404/', '/parallax/', 'site', '/parallax/og/site.png'],
  ])('%s under %s → %s', (path, base, key, url) => {
    expect(ogKeyFor(path, base)).toBe(key);
    expect(ogImageUrl(ogKeyFor(path, base), base)).toBe(url);
  });

  it('calls article pages articles and everything else a website', () => {
    expect(ogTypeFor('/p/articles/a/', '/p/')).toBe('article');
    expect(ogTypeFor('/p/articles/', '/p/')).toBe('website');
    expect(ogTypeFor('/p/topics/a/', '/p/')).toBe('website');
  });
});

describe('wrapText', () => {
  it('keeps every line within the width and all the words in order', () => {
    const text = 'Trump says Japan would shoot North Korean missiles out of sky if it bought U.S. weaponry';
    const lines = wrapText(text, 16, 10);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(estimateEms(line)).toBeLessThanOrEqual(16);
  });

  it('ends the last allowed line with an ellipsis when words are left over', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 6, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
  });

  it('puts an over-long word on its own line rather than dropping it', () => {
    expect(wrapText('Supercalifragilistic', 3, 2)).toEqual(['Supercalifragilistic']);
  });
});

describe('ogCardSvg', () => {
  const svg = ogCardSvg({
    site: 'Parallax',
    kicker: 'NPR · 6 November 2017',
    title: 'Abe & Trump <talk> "trade"',
    summary: 'A dek',
    note: '3 quotations',
    bars: [
      { color: '#a23b72', label: 'NPR', weight: 2 },
      { color: '#0b5cad', label: 'Nikkei', weight: 1 },
      { color: '#b8460b', label: 'Reuters', weight: 0 },
    ],
  });

  it('is a 1200×630 SVG with the text escaped', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="630"/);
    for (const part of ['Abe &amp; Trump', '&lt;talk&gt;', '&quot;trade&quot;']) expect(svg).toContain(part);
    expect(svg).not.toMatch(/<talk>|& /);
    expect(svg).toContain('PARALLAX');
    expect(svg).toContain('A dek');
  });

  it('draws the colour strip in proportion, spanning the width, without empty bars', () => {
    const strip = [...svg.matchAll(/<rect x="(\d+)" y="0" width="(\d+)" height="24" fill="(#\w+)"/g)];
    expect(strip.map((m) => [Number(m[1]), Number(m[2]), m[3]])).toEqual([
      [0, 800, '#a23b72'],
      [800, 400, '#0b5cad'],
    ]);
  });

  it('names no font file and fetches nothing', () => {
    expect(svg).not.toMatch(/url\(|@import|@font-face|href=/);
  });
});
