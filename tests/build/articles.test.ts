import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { paragraphsFromMarkdown } from '../../src/lib/markdown.ts';
import { $, $$, fileFor, page, ROOT, text } from './dist.ts';
import { bylineText } from '../../src/lib/byline.ts';

const articles = inject('builtArticles');
const sources = () => readdirSync(join(ROOT, 'content/articles')).filter((f) => f.endsWith('.md'));

function markdownOf(id: string) {
  return parseFrontmatter(readFileSync(join(ROOT, 'content/articles', `${id}.md`), 'utf8'));
}

describe('dist/data/articles.json', () => {
  it('lists every article in content/ once, with the documented fields', () => {
    expect(articles.length, 'articles in dist/data/articles.json (run npm run build first)').toBeGreaterThan(0);
    expect(articles.map((a) => a.id).sort()).toEqual(
      sources()
        .map((f) => f.replace(/\.md$/, ''))
        .sort(),
    );
    for (const article of articles) {
      expect(Object.keys(article).sort()).toEqual(
        ['event', 'id', 'outlet', 'outletName', 'published', 'source', 'title', 'url'].sort(),
      );
      expect(article.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(fileFor(article.url), article.url).not.toBeNull();
    }
  });

  it('orders articles newest event first, then newest article', () => {
    const events = JSON.parse(readFileSync(join(ROOT, 'content/events.json'), 'utf8')) as {
      id: string;
      start: string;
    }[];
    const start = new Map(events.map((e) => [e.id, e.start]));
    const keys = articles.map((a) => `${start.get(a.event)} ${a.published}`);
    expect(new Set(articles.map((a) => a.event)).size, 'articles of more than one event').toBeGreaterThan(1);
    expect(keys).toEqual([...keys].sort().reverse());
  });
});

describe.each(articles)('the page of $id', (article) => {
  let tree: ReturnType<typeof page>;
  let frontmatter: ReturnType<typeof markdownOf>['frontmatter'];
  let content: string;
  beforeAll(() => {
    tree = page(article.url);
    ({ frontmatter, content } = markdownOf(article.id));
  });

  it('shows headline, outlet, date, event and the source capture', () => {
    expect(text($('h1', tree))).toBe(article.title);
    expect($(`time[datetime="${article.published}"]`, tree)).toBeTruthy();
    const header = text($('.article-header', tree));
    expect(header).toContain(article.outletName);
    if (frontmatter.byline) expect(header).toContain(bylineText(frontmatter.byline));
    if (frontmatter.dateline) expect(header).toContain(frontmatter.dateline);
    if (frontmatter.dek) expect(text($('.dek', tree))).toBe(frontmatter.dek);
    if (article.source) expect(text($('.source-note', tree))).toContain(article.source);
  });

  it('renders the body word for word, every paragraph with a stable id', () => {
    const expected = paragraphsFromMarkdown(content);
    const rendered = $$('.article-body > p', tree);
    expect(rendered.map((p) => p.properties.id)).toEqual(expected.map((p) => p.id));
    expect(rendered.map((p) => text(p))).toEqual(expected.map((p) => p.text));
  });
});

describe('the home page', () => {
  it('links every article, newest event first', () => {
    const tree = page('/');
    const hrefs = $$('a', tree).map((a) => String(a.properties.href));
    const positions = articles.map((a) => hrefs.indexOf(a.url));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe('the 404 page', () => {
  it('exists and links home', () => {
    const tree = page('/404.html');
    expect(text($('h1', tree))).toMatch(/not found/i);
    expect($('a[href="/"]', tree)).toBeTruthy();
  });
});
