/**
 * How the built site presents itself to crawlers, feed readers and link previews: canonical
 * URLs, robots.txt, the sitemap, the RSS feed and Open Graph / Twitter card metadata, all
 * under the build's origin and base path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { $, $$, BASE, DIST, fileFor, page, text } from './dist.ts';

const is404 = (url: string) => /\/404(\.html|\/)?$/.test(url);
/** Pages with an address of their own; the 404 page is served at whatever URL is missing. */
const pages = inject('builtPages').filter((url) => !is404(url));
const notFound = inject('builtPages').filter(is404);
const articles = inject('builtArticles');
const read = (name: string) => readFileSync(join(DIST, name), 'utf8');
const attr = (tree: Root, selector: string, name = 'content') => {
  const el = $(selector, tree);
  return el ? String(el.properties[name] ?? '') : undefined;
};
/** The build's public origin plus base path, read off the home page's canonical link. */
let HOME: URL;
beforeAll(() => {
  HOME = new URL(attr(page(BASE), 'link[rel="canonical"]', 'href') ?? '');
});
/** A site-relative URL as the file it names, or null; absolute URLs must be on this site. */
const local = (url: string) => {
  const absolute = new URL(url, HOME);
  expect(absolute.origin, url).toBe(HOME.origin);
  return fileFor(absolute.pathname);
};

describe('canonical URLs', () => {
  it('point the home page at the origin plus base path', () => {
    expect(HOME.pathname).toBe(BASE);
    expect(HOME.protocol).toMatch(/^https?:$/);
  });

  it.each(notFound)('%s has none and asks not to be indexed (it stands in for any missing URL)', (url) => {
    const tree = page(url);
    expect($('link[rel="canonical"]', tree)).toBeFalsy();
    expect($('meta[property="og:url"]', tree)).toBeFalsy();
    expect(attr(tree, 'meta[name="robots"]')).toBe('noindex');
  });

  it.each(pages)('%s names itself, absolute, under the base', (url) => {
    const canonical = attr(page(url), 'link[rel="canonical"]', 'href')!;
    expect(new URL(canonical).href).toBe(canonical);
    expect(new URL(canonical).origin).toBe(HOME.origin);
    const expected = url.endsWith('.html') ? url.replace(/\.html$/, '/') : url;
    expect(new URL(canonical).pathname).toBe(expected);
  });
});

describe('the site icon', () => {
  it.each(inject('builtPages'))(
    '%s carries it inline: no request for an icon file, not even after the URL changes',
    (url) => {
      const icons = $$('head link[rel~="icon"]', page(url));
      expect(icons).toHaveLength(1);
      const href = String(icons[0]?.properties.href ?? '');
      expect(href).toMatch(/^data:image\/svg\+xml,/);
      const svg = decodeURIComponent(href.slice(href.indexOf(',') + 1));
      expect(
        fromHtml(svg, { fragment: true, space: 'svg' }).children.some(
          (n) => n.type === 'element' && n.tagName === 'svg',
        ),
      ).toBe(true);
    },
  );
});

describe('robots.txt', () => {
  it('allows everything and points at the sitemap index under origin and base', () => {
    const robots = read('robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/\s*$/m);
    expect(robots).toContain(`Sitemap: ${new URL('sitemap-index.xml', HOME).href}\n`);
  });
});

describe('the sitemap', () => {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

  it('is an index of sitemaps on this site', () => {
    const index = locs(read('sitemap-index.xml'));
    expect(index.length).toBeGreaterThan(0);
    for (const loc of index) expect(existsSync(join(DIST, new URL(loc).pathname.slice(BASE.length))), loc).toBe(true);
  });

  it('lists every page but the 404, each once, at its canonical URL', () => {
    const index = locs(read('sitemap-index.xml'));
    const urls = index.flatMap((loc) => locs(read(new URL(loc).pathname.slice(BASE.length))));
    const canonicals = pages.map((url) => attr(page(url), 'link[rel="canonical"]', 'href'));
    expect(new Set(urls).size).toBe(urls.length);
    expect([...urls].sort()).toEqual([...canonicals].sort());
    expect(urls.some((u) => u.includes('404'))).toBe(false);
  });
});

describe('the RSS feed', () => {
  const xml = read('rss.xml');
  const feed = fromHtml(xml, { fragment: true, space: 'html' });
  const items = $$('item', feed);

  it('is linked from every page head', () => {
    for (const url of pages) {
      const link = $('head link[rel="alternate"][type="application/rss+xml"]', page(url));
      expect(link, url).toBeTruthy();
      expect(local(String(link!.properties.href)), url).toBe(join(DIST, 'rss.xml'));
    }
  });

  it('has one item per article, newest first, with absolute links, dates, description and categories', () => {
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><rss version="2\.0"/);
    expect(items).toHaveLength(articles.length);
    const dates = items.map((item) => new Date(text($('pubdate', item))).getTime());
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    for (const article of articles) {
      const item = items.find((i) => text($('title', i)) === article.title);
      expect(item, article.id).toBeTruthy();
      const link = xml.match(new RegExp(`<link>([^<]*/articles/${article.id}/)</link>`))?.[1];
      expect(link, article.id).toBe(new URL(article.url, HOME).href);
      expect(new Date(text($('pubdate', item!))).toISOString().slice(0, 10)).toBe(article.published);
      expect(text($('description', item!)).length, article.id).toBeGreaterThan(20);
      const categories = $$('category', item!).map((c) => text(c));
      expect(categories, article.id).toContain(article.outletName);
      expect(categories).toHaveLength(2);
    }
  });

  it('links the channel to the home page and itself', () => {
    expect(xml).toContain(`<link>${HOME.href}</link>`);
    expect(xml).toContain(`<atom:link href="${new URL('rss.xml', HOME).href}" rel="self"`);
  });
});

describe('link previews (Open Graph, Twitter)', () => {
  it.each(pages)('%s has the full set, with an absolute image that exists', async (url) => {
    const tree = page(url);
    const og = (name: string) => attr(tree, `meta[property="og:${name}"]`);
    const twitter = (name: string) => attr(tree, `meta[name="twitter:${name}"]`);
    for (const name of ['title', 'description', 'url', 'type', 'site_name', 'image', 'image:alt'])
      expect(og(name), `og:${name}`).toBeTruthy();
    expect(og('url')).toBe(attr(tree, 'link[rel="canonical"]', 'href'));
    expect(og('type')).toBe(/\/articles\/[^/]+\/$/.test(url) ? 'article' : 'website');
    expect(twitter('card')).toBe('summary_large_image');
    expect(twitter('image')).toBe(og('image'));
    const image = og('image')!;
    expect(new URL(image).href, 'absolute').toBe(image);
    const file = local(image);
    expect(file, image).toBeTruthy();
    const { width, height, format } = await sharp(file!).metadata();
    // Our cards say their size and type; an image a page passes in need not.
    if (og('image:width'))
      expect([width, height, format]).toEqual([Number(og('image:width')), Number(og('image:height')), 'png']);
  });

  it('gives each article and each topic its own 1200×630 card', () => {
    for (const article of articles) {
      const image = attr(page(article.url), 'meta[property="og:image"]')!;
      expect(image).toBe(new URL(`og/articles/${article.id}.png`, HOME).href);
    }
    const topic = attr(page(`${BASE}topics/security/`), 'meta[property="og:image"]');
    expect(topic).toBe(new URL('og/topics/security.png', HOME).href);
    expect(attr(page(BASE), 'meta[property="og:image"]')).toBe(new URL('og/site.png', HOME).href);
    expect(attr(page(BASE), 'meta[property="og:image:width"]')).toBe('1200');
    expect(attr(page(BASE), 'meta[property="og:image:height"]')).toBe('630');
  });
});
