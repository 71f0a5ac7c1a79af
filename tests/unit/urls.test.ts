import { describe, expect, it } from 'vitest';
import { createUrls, normalizeBase } from '../../src/lib/urls.ts';

describe('normalizeBase', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['parallax', '/parallax/'],
    ['/parallax', '/parallax/'],
    ['/parallax//', '/parallax/'],
    ['/a/b/', '/a/b/'],
  ])('%j → %j', (input, expected) => expect(normalizeBase(input)).toBe(expected));
});

describe('createUrls', () => {
  it('builds every page URL under the root', () => {
    const urls = createUrls('/');
    expect(urls.home()).toBe('/');
    expect(urls.article('npr-x')).toBe('/articles/npr-x/');
    expect(urls.article('npr-x', 'q3-1')).toBe('/articles/npr-x/#q3-1');
    expect(urls.topic('trade')).toBe('/topics/trade/');
    expect(urls.topic('trade', { event: 'tokyo-2017' })).toBe('/topics/trade/tokyo-2017/');
    expect(urls.topic('trade', { speaker: 'abe' })).toBe('/topics/trade/by/abe/');
    expect(urls.topic('trade', { event: 'tokyo-2017', speaker: 'abe' })).toBe('/topics/trade/tokyo-2017/by/abe/');
    expect(urls.event('tokyo-2017')).toBe('/events/tokyo-2017/');
    expect(urls.outlet('npr')).toBe('/outlets/npr/');
    expect(urls.person('abe')).toBe('/people/abe/');
    expect(urls.data('quotes')).toBe('/data/quotes.json');
    expect(urls.asset('/favicon.svg')).toBe('/favicon.svg');
  });

  it('puts everything under a sub-path', () => {
    const urls = createUrls('/parallax');
    expect(urls.home()).toBe('/parallax/');
    expect(urls.article('a', 'p2')).toBe('/parallax/articles/a/#p2');
    expect(urls.search('trade')).toBe('/parallax/search/?q=trade');
    expect(urls.data('articles')).toBe('/parallax/data/articles.json');
  });

  it('encodes what it is given, so odd ids and queries cannot break out of the URL', () => {
    const urls = createUrls('/');
    expect(urls.article('a b/c')).toBe('/articles/a%20b%2Fc/');
    expect(urls.search('"x" & <y>')).toBe('/search/?q=%22x%22%20%26%20%3Cy%3E');
  });
});
