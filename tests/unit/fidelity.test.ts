/**
 * Fidelity: every article file says exactly what its raw capture says.
 *
 * For each content/articles/*.md the capture named by `source` (in ../shared/sources, next to the
 * repo) is split into blocks, page furniture is removed by the rules in tests/fixtures/furniture.ts,
 * and what is left must equal, block for block and in order, the article as the site renders it:
 * headline, dek, then the `##` headings and paragraphs of the body (rendered to plain text by the
 * site's own paragraphsFromMarkdown), the first paragraph with its dateline opening put back.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { diffArrays } from 'diff';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/lib/ingest.ts';
import { paragraphsFromMarkdown } from '../../src/lib/markdown.ts';
import { articleBlocks, classify, RULES } from '../fixtures/furniture.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SOURCES = resolve(ROOT, '..', 'shared', 'sources');
const ARTICLES = join(ROOT, 'content', 'articles');

/** The five articles and the facts their frontmatter must carry (see the brief and sources/README.md). */
const EXPECTED: Record<string, Expected> = {
  'npr-trump-japan-visit-2017': {
    source: '000_5e942213fc7ae62f.txt',
    outlet: 'npr',
    event: 'tokyo-2017',
    dateline: undefined,
    headings: ['Regional security', 'Bilateral trade', 'Japanese abducted by North Korea'],
  },
  'nikkei-maximum-pressure-2017': {
    source: '001_93a7519b9ac10e75.txt',
    outlet: 'nikkei',
    event: 'tokyo-2017',
    dateline: 'TOKYO',
    headings: ['Not fair, not open'],
  },
  'nikkei-alliance-preview-2017': {
    source: '002_b077f9a99e6e8b9c.txt',
    outlet: 'nikkei',
    event: 'tokyo-2017',
    dateline: 'TOKYO',
    headings: ['US trade representative brings up free trade agreement'],
  },
  'reuters-shoot-missiles-2017': {
    source: '003_da171bd8df068cf2.txt',
    outlet: 'reuters',
    event: 'tokyo-2017',
    dateline: 'TOKYO',
    headings: ['TRADE DEFICITS', 'EMPEROR, ABDUCTEES'],
  },
  'nikkei-pressure-still-on-2018': {
    source: '004_a9271e2531e3d7b2.txt',
    outlet: 'nikkei',
    event: 'washington-2018',
    dateline: 'WASHINGTON',
    headings: [],
  },
};

interface Expected {
  source: string;
  outlet: string;
  event: string;
  dateline: string | undefined;
  /** The capture's section headings, which must be the article's `##` headings. */
  headings: string[];
}

const FRONTMATTER_KEYS = ['title', 'dek', 'outlet', 'byline', 'dateline', 'published', 'event', 'source', 'quotes'];

/** Agencies whose dateline reads "CITY (Agency) - "; everyone else's reads "CITY -- ". */
const AGENCY_DATELINE: Record<string, string> = { reuters: 'Reuters' };

function datelineOpening(outlet: string, dateline: string): string {
  const agency = AGENCY_DATELINE[outlet];
  return agency ? `${dateline} (${agency}) - ` : `${dateline} -- `;
}

interface Outlet {
  id: string;
  name: string;
  color: string;
}
interface Event {
  id: string;
  start: string;
  end: string;
}
const outlets = JSON.parse(readFileSync(join(ROOT, 'content', 'outlets.json'), 'utf8')) as Outlet[];
const events = JSON.parse(readFileSync(join(ROOT, 'content', 'events.json'), 'utf8')) as Event[];

/** Rows of the table in sources/README.md: file -> headline and publication date. */
function readmeTable(): Map<string, { outlet: string; headline: string; published: string }> {
  const rows = new Map<string, { outlet: string; headline: string; published: string }>();
  for (const line of readFileSync(join(SOURCES, 'README.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const file = cells[1] ?? '';
    if (!/\.txt$/.test(file)) continue;
    rows.set(file, { outlet: cells[2] ?? '', headline: cells[3] ?? '', published: (cells[4] ?? '').slice(0, 10) });
  }
  return rows;
}

const trimEnd = (s: string): string => s.replace(/\s+$/u, '');

interface RenderedArticle {
  frontmatter: Record<string, unknown>;
  /** Headline, dek, headings and paragraphs as the reader sees them, dateline opening restored. */
  blocks: string[];
  /** The `##` headings, in order. */
  headings: string[];
  /** Problems with the Markdown itself (blocks that are neither ## headings nor paragraphs, ...). */
  problems: string[];
}

/** The article as rendered text, in reading order, via the site's paragraph extraction. */
function renderArticle(markdown: string): RenderedArticle {
  const { frontmatter, content } = parseFrontmatter(markdown);
  const fm = frontmatter as Record<string, unknown>;
  const problems: string[] = [];

  // Headings and paragraphs in document order; anything else (lists, quotes, code, HTML,
  // rules) would mean the Markdown changed the text's shape.
  const tree = unified().use(remarkParse).parse(content) as Root;
  const sequence: { heading?: string; paragraph?: string }[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      if (node.depth !== 2) problems.push(`heading of level ${node.depth}: ${toString(node)}`);
      sequence.push({ heading: toString(node) });
    } else if (node.type === 'paragraph') {
      // Plain text only: emphasis, links, code or HTML would show the words differently.
      const markup = node.children.filter((child) => child.type !== 'text').map((child) => child.type);
      if (markup.length > 0) problems.push(`inline markup (${markup.join(', ')}) at line ${node.position?.start.line}`);
      sequence.push({ paragraph: toString(node) });
    } else {
      problems.push(`unexpected ${node.type} block at line ${node.position?.start.line}`);
    }
  }

  // The paragraphs must be exactly what the site extracts, with the section headings it sees.
  const site = paragraphsFromMarkdown(content);
  let heading: string | null = null;
  const mine: { text: string; heading: string | null }[] = [];
  for (const item of sequence) {
    if (item.heading !== undefined) heading = item.heading;
    else if (item.paragraph !== undefined) mine.push({ text: item.paragraph, heading });
  }
  if (JSON.stringify(site.map((p) => ({ text: p.text, heading: p.heading }))) !== JSON.stringify(mine)) {
    problems.push('paragraphsFromMarkdown disagrees with the document walk');
  }

  const blocks: string[] = [];
  if (typeof fm.title === 'string') blocks.push(fm.title);
  if (typeof fm.dek === 'string') blocks.push(fm.dek);
  let firstParagraph = true;
  for (const item of sequence) {
    if (item.heading !== undefined) {
      blocks.push(item.heading);
    } else if (item.paragraph !== undefined) {
      let text = item.paragraph;
      if (firstParagraph && typeof fm.dateline === 'string')
        text = datelineOpening(String(fm.outlet), fm.dateline) + text;
      firstParagraph = false;
      blocks.push(text);
    }
  }
  const headings = sequence.flatMap((item) => (item.heading === undefined ? [] : [item.heading]));
  return { frontmatter: fm, blocks, headings, problems };
}

/** Differences between the capture's article text and the article's, as readable lines. */
function compareBlocks(source: string[], article: string[]): string[] {
  const problems: string[] = [];
  for (const change of diffArrays(source.map(trimEnd), article.map(trimEnd))) {
    for (const value of change.value) {
      const shown = value.length > 100 ? `${value.slice(0, 100)}…` : value;
      if (change.removed) problems.push(`missing from the article: ${shown}`);
      else if (change.added) problems.push(`not in the capture: ${shown}`);
    }
  }
  return problems;
}

/**
 * Everything that keeps an article file from being its capture, word for word. [] when faithful.
 * `headings`: the capture's section headings (which the capture itself cannot mark as such).
 */
function checkArticle(markdown: string, capture: string, headings: readonly string[]): string[] {
  const article = renderArticle(markdown);
  if (JSON.stringify(article.headings) !== JSON.stringify(headings)) {
    article.problems.push(`headings ${JSON.stringify(article.headings)}, expected ${JSON.stringify(headings)}`);
  }
  const title = article.frontmatter.title;
  if (typeof title !== 'string') return [...article.problems, 'frontmatter has no title'];
  let source: string[];
  try {
    source = articleBlocks(capture, title);
  } catch (error) {
    return [...article.problems, (error as Error).message];
  }
  return [...article.problems, ...compareBlocks(source, article.blocks)];
}

const read = (file: string): string => readFileSync(file, 'utf8');
const articleFiles = readdirSync(ARTICLES).filter((f) => f.endsWith('.md'));
const captures = existsSync(SOURCES) ? readdirSync(SOURCES).filter((f) => f.endsWith('.txt')) : [];

describe('the captures', () => {
  it('are where the tests look for them (../shared/sources from the repo root)', () => {
    expect(existsSync(SOURCES), SOURCES).toBe(true);
    expect(captures.sort()).toEqual(
      Object.values(EXPECTED)
        .map((e) => e.source)
        .sort(),
    );
  });

  it('each have exactly one article', () => {
    const named = articleFiles.map((f) => parseFrontmatter(read(join(ARTICLES, f))).frontmatter.source);
    for (const capture of captures)
      expect(
        named.filter((s) => s === capture),
        capture,
      ).toHaveLength(1);
  });

  it('every furniture rule matches something in the captures (no speculative rules)', () => {
    const used = new Set<string>();
    for (const [id, expected] of Object.entries(EXPECTED)) {
      const title = parseFrontmatter(read(join(ARTICLES, `${id}.md`))).frontmatter.title as string;
      for (const block of classify(read(join(SOURCES, expected.source)), title)) {
        for (const rule of RULES) if (rule.test(block, block.context)) used.add(rule.name);
      }
    }
    expect(RULES.map((r) => r.name).filter((name) => !used.has(name))).toEqual([]);
  });
});

describe('every article file', () => {
  // Editors may add articles from captures kept elsewhere (or none): those are checked by the schema;
  // every capture archived in shared/sources must be one of the verified articles below.
  it.each(articleFiles)('%s has only known frontmatter keys and a verified or external source', (file) => {
    const { frontmatter } = parseFrontmatter(read(join(ARTICLES, file)));
    const source = frontmatter.source as string | null | undefined;
    if (typeof source === 'string' && existsSync(join(SOURCES, source)))
      expect(
        Object.values(EXPECTED).map((e) => e.source),
        `capture ${source}`,
      ).toContain(source);
    expect(Object.keys(frontmatter).filter((k) => !FRONTMATTER_KEYS.includes(k))).toEqual([]);
  });
});

describe.each(Object.entries(EXPECTED))('%s', (id, expected) => {
  const file = join(ARTICLES, `${id}.md`);
  const markdown = existsSync(file) ? read(file) : '';
  const capture = read(join(SOURCES, expected.source));

  it('exists, with frontmatter matching the sources README and the collections', () => {
    expect(markdown, file).not.toBe('');
    const fm = parseFrontmatter(markdown).frontmatter as Record<string, unknown>;
    const row = readmeTable().get(expected.source);
    expect(row, 'row in sources/README.md').toBeDefined();
    expect(fm.source).toBe(expected.source);
    expect(fm.title).toBe(row?.headline);
    expect(fm.outlet).toBe(expected.outlet);
    expect(outlets.find((o) => o.id === fm.outlet)?.name).toBe(row?.outlet);
    expect(fm.event).toBe(expected.event);
    expect(fm.dateline).toBe(expected.dateline);
    // YAML reads a bare date as a Date; the site's schema does the same.
    expect(fm.published).toBeInstanceOf(Date);
    const published = (fm.published as Date).toISOString().slice(0, 10);
    expect(published).toBe(row?.published);
    const event = events.find((e) => e.id === fm.event);
    expect(event).toBeDefined();
    expect(published >= (event?.start ?? '') && published <= (event?.end ?? '')).toBe(true);
    if (expected.outlet === 'reuters') expect(fm.byline).toBeUndefined();
    else if (fm.byline !== undefined) expect(typeof fm.byline).toBe('string');
  });

  it('says exactly what the capture says, paragraph by paragraph', () => {
    expect(checkArticle(markdown, capture, expected.headings)).toEqual([]);
  });
});

describe('the fidelity check can fail', () => {
  const expected = EXPECTED['reuters-shoot-missiles-2017'] as Expected;
  const markdown = read(join(ARTICLES, 'reuters-shoot-missiles-2017.md'));
  const capture = read(join(SOURCES, expected.source));
  const paragraph =
    'Trump also pressed Japan to lower its trade deficit with the United States and buy more U.S. military hardware.';
  const next = 'Abe, for his part, said Tokyo would shoot down missiles “if necessary”.';
  const check = (md: string): string[] => checkArticle(md, capture, expected.headings);

  it('the untouched article passes (baseline for the cases below)', () => {
    expect(markdown).toContain(paragraph);
    expect(markdown).toContain(next);
    expect(check(markdown)).toEqual([]);
  });

  const tampered: [string, (md: string) => string][] = [
    ['a changed word', (md) => md.replace(paragraph, paragraph.replace('lower', 'reduce'))],
    ['a dropped paragraph', (md) => md.replace(`${paragraph}\n\n`, '')],
    ['an added paragraph', (md) => md.replace(paragraph, `${paragraph}\n\nTrump also said the talks went very well.`)],
    [
      'two paragraphs swapped',
      (md) => md.replace(paragraph, '\u0000').replace(next, paragraph).replace('\u0000', next),
    ],
    ['a curly quote straightened', (md) => md.replace('“if necessary”', '"if necessary"')],
    ['a dropped section heading', (md) => md.replace('## TRADE DEFICITS\n\n', '')],
    ['a heading demoted to a paragraph (same words)', (md) => md.replace('## TRADE DEFICITS', 'TRADE DEFICITS')],
    ['a paragraph promoted to a heading (same words)', (md) => md.replace(paragraph, `## ${paragraph}`)],
    [
      'the dateline left in the text as well',
      (md) =>
        md.replace(
          '\nU.S. President Donald Trump said on Monday',
          '\nTOKYO (Reuters) - U.S. President Donald Trump said on Monday',
        ),
    ],
    ['a wrong dateline', (md) => md.replace('dateline: "TOKYO"', 'dateline: "OSAKA"')],
    ['a changed headline', (md) => md.replace("'out of sky'", "'out of the sky'")],
    [
      'Markdown that changes the rendered text',
      (md) => md.replace(paragraph, paragraph.replace('military hardware', '*military hardware*')),
    ],
    ['a paragraph turned into a list item', (md) => md.replace(paragraph, `- ${paragraph}`)],
  ];

  it.each(tampered)('rejects %s', (_name, tamper) => {
    const bad = tamper(markdown);
    expect(bad).not.toBe(markdown);
    expect(check(bad).length).toBeGreaterThan(0);
  });

  it('rejects a link definition that swallows literal brackets ("[military options]")', () => {
    const nikkei = read(join(ARTICLES, 'nikkei-alliance-preview-2017.md'));
    const { source, headings } = EXPECTED['nikkei-alliance-preview-2017'] as Expected;
    const text = read(join(SOURCES, source));
    expect(nikkei).toContain('[military options]');
    expect(checkArticle(nikkei, text, headings)).toEqual([]);
    const problems = checkArticle(`${nikkei}\n[military options]: https://example.com/\n`, text, headings);
    expect(problems).toContainEqual(expect.stringContaining('inline markup (linkReference)'));
    expect(problems).toContainEqual(
      expect.stringContaining('not in the capture: The two leaders could discuss specific military options'),
    );
  });

  it('names what is missing and what was added', () => {
    const bad = markdown.replace(paragraph, 'Trump also pressed Japan to lower its trade deficit.');
    expect(check(bad)).toEqual([
      `missing from the article: ${paragraph.slice(0, 100)}…`,
      'not in the capture: Trump also pressed Japan to lower its trade deficit.',
    ]);
  });
});

describe('outlet colours', () => {
  it('computes WCAG contrast ratios correctly (reference values)', () => {
    expect(contrastRatio('#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676')).toBeCloseTo(4.54, 2); // the classic lightest AA grey
    expect(contrastRatio('#777777')).toBeLessThan(4.5);
  });

  it.each(outlets.map((o) => [o.id, o.color] as const))('%s (%s) reaches 4.5:1 as text on white', (_id, color) => {
    expect(color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(contrastRatio(color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('are clearly different hues', () => {
    const hue = (hex: string): number => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
      const max = Math.max(r, g, b);
      const d = max - Math.min(r, g, b);
      const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return (h * 60 + 360) % 360;
    };
    const hues = outlets.map((o) => hue(o.color));
    for (let i = 0; i < hues.length; i++) {
      for (let j = i + 1; j < hues.length; j++) {
        const a = hues[i] ?? 0;
        const b = hues[j] ?? 0;
        const distance = Math.min(Math.abs(a - b), 360 - Math.abs(a - b));
        expect(distance, `${outlets[i]?.id} vs ${outlets[j]?.id}`).toBeGreaterThanOrEqual(45);
      }
    }
  });
});
