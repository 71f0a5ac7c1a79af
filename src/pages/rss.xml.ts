/**
 * RSS 2.0 feed of the articles, newest first (linked from every page's head).
 * Links are absolute: the build's site origin plus the base path the URL module adds.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCorpus } from '../data/corpus.ts';
import { SITE, siteDescription, urls } from '../site.ts';

export const GET: APIRoute = async ({ site }) => {
  const corpus = await getCorpus();
  const absolute = (path: string) => new URL(path, site).href;
  const articles = [...corpus.articles].sort(
    (a, b) => b.published.localeCompare(a.published) || a.title.localeCompare(b.title),
  );
  return rss({
    title: SITE.name,
    description: await siteDescription(),
    site: absolute(urls.home()),
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: [
      '<language>en</language>',
      `<atom:link href="${absolute(urls.feed())}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items: articles.map((article) => ({
      title: article.title,
      link: absolute(urls.article(article.id)),
      pubDate: new Date(`${article.published}T00:00:00Z`),
      description: article.dek ?? article.paragraphs[0]?.text ?? '',
      categories: [article.outlet.name, article.event.title],
      ...(article.byline ? { customData: `<dc:creator>${escapeXml(article.byline)}</dc:creator>` } : {}),
    })),
  });
};

function escapeXml(value: string): string {
  return value.replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'));
}
