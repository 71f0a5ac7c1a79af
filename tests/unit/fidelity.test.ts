/**
 * Fidelity: every article file says exactly what its raw capture says.
 *
 * For each of the five articles the capture named by `source` (tests/fixtures/sources, with the
 * README that says which is which and what is page furniture) is split into blocks, page furniture
 * is removed by the rules in tests/fixtures/furniture.ts, and what is left must equal, block for
 * block and in order, the article as the site renders it: headline, dek, then the `##` headings and
 * paragraphs of the body (rendered to plain text by the site's own paragraphsFromMarkdown), the
 * first paragraph with its dateline opening put back. Both copies are checked: content/articles
 * (what the site shows) and tests/fixtures/quotes/five-articles (the pinned copy the quote gold test
 * reads, so adding or correcting an article never changes what the hand labels are scored against).
 *
 * Nothing is read while the file is collected. A missing capture fails one test, which names it;
 * the tests that need it are skipped with the same name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { diffArrays } from 'diff';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestContext } from 'vitest';
import { contrastRatio, hue } from '../../src/lib/colour.ts';
import { paragraphsFromMarkdown } from '../../src/lib/markdown.ts';
import { articleBlocks, classify, RULES } from '../fixtures/furniture.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SOURCES = join(ROOT, 'tests', 'fixtures', 'sources');
const ARTICLES = join(ROOT, 'content', 'articles');
const PINNED = join(ROOT, 'tests', 'fixtures', 'quotes', 'five-articles');

/** The running test: one that needs a missing capture is skipped, and the presence test below fails. */
let running: TestContext | undefined;
beforeEach((context) => {
  running = context;
});

/** A file the tests need; a missing one is named, and a missing capture fails one test only. */
function read(file: string): string {
  if (!existsSync(file)) {
    const missing = `missing test fixture ${relative(ROOT, file)}`;
    if (file.startsWith(SOURCES) && running)
      running.skip(`${missing} (the failing test "the captures are all in tests/fixtures/sources" names it)`);
    throw new Error(missing);
  }
  return readFileSync(file, 'utf8');
}
const readJsonFile = <T>(file: string): T => JSON.parse(read(file)) as T;
const markdownFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.md'));

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
const outlets = (): Outlet[] => readJsonFile<Outlet[]>(join(ROOT, 'content', 'outlets.json'));
const events = (): Event[] => readJsonFile<Event[]>(join(ROOT, 'content', 'events.json'));

/** Rows of the table in sources/README.md: file -> headline and publication date. */
function readmeTable(): Map<string, { outlet: string; headline: string; published: string }> {
  const rows = new Map<string, { outlet: string; headline: string; published: string }>();
  for (const line of read(join(SOURCES, 'README.md')).split('\n')) {
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

const captureOf = (id: string): string => read(join(SOURCES, (EXPECTED[id] as Expected).source));

describe('the captures', () => {
  it('are all in tests/fixtures/sources, one per article', () => {
    const present = existsSync(SOURCES) ? readdirSync(SOURCES).filter((f) => f.endsWith('.txt')) : [];
    const wanted = Object.values(EXPECTED).map((e) => e.source);
    expect(
      wanted.filter((f) => !present.includes(f)),
      `missing from ${relative(ROOT, SOURCES)}`,
    ).toEqual([]);
    expect(
      present.filter((f) => !wanted.includes(f)),
      'captures no article is checked against',
    ).toEqual([]);
    expect(existsSync(join(SOURCES, 'README.md')), `${relative(ROOT, SOURCES)}/README.md`).toBe(true);
  });

  it('each have exactly one article', () => {
    const named = markdownFiles(ARTICLES).map((f) => parseFrontmatter(read(join(ARTICLES, f))).frontmatter.source);
    for (const { source } of Object.values(EXPECTED))
      expect(
        named.filter((s) => s === source),
        source,
      ).toHaveLength(1);
  });

  it('every furniture rule matches something in the captures (no speculative rules)', () => {
    const used = new Set<string>();
    for (const id of Object.keys(EXPECTED)) {
      const title = parseFrontmatter(read(join(ARTICLES, `${id}.md`))).frontmatter.title as string;
      for (const block of classify(captureOf(id), title)) {
        for (const rule of RULES) if (rule.test(block, block.context)) used.add(rule.name);
      }
    }
    expect(RULES.map((r) => r.name).filter((name) => !used.has(name))).toEqual([]);
  });
});

describe('every article file', () => {
  // Editors may add articles from captures kept elsewhere (or none): those are checked by the schema;
  // a capture archived in tests/fixtures/sources must be one of the verified articles below.
  it('has only known frontmatter keys and a verified or external source', () => {
    const verified = Object.values(EXPECTED).map((e) => e.source);
    const problems: string[] = [];
    for (const file of markdownFiles(ARTICLES)) {
      const { frontmatter } = parseFrontmatter(read(join(ARTICLES, file)));
      const source = frontmatter.source as string | null | undefined;
      if (typeof source === 'string' && existsSync(join(SOURCES, source)) && !verified.includes(source))
        problems.push(`${file}: capture ${source} is archived but not verified`);
      for (const key of Object.keys(frontmatter).filter((k) => !FRONTMATTER_KEYS.includes(k)))
        problems.push(`${file}: unknown frontmatter key "${key}"`);
    }
    expect(problems).toEqual([]);
  });
});

describe.each(Object.entries(EXPECTED))('%s', (id, expected) => {
  const markdown = (): string => read(join(ARTICLES, `${id}.md`));

  it('exists, with frontmatter matching the sources README and the collections', () => {
    const fm = parseFrontmatter(markdown()).frontmatter as Record<string, unknown>;
    const row = readmeTable().get(expected.source);
    expect(row, 'row in tests/fixtures/sources/README.md').toBeDefined();
    expect(fm.source).toBe(expected.source);
    expect(fm.title).toBe(row?.headline);
    expect(fm.outlet).toBe(expected.outlet);
    expect(outlets().find((o) => o.id === fm.outlet)?.name).toBe(row?.outlet);
    expect(fm.event).toBe(expected.event);
    expect(fm.dateline).toBe(expected.dateline);
    // YAML reads a bare date as a Date; the site's schema does the same.
    expect(fm.published).toBeInstanceOf(Date);
    const published = (fm.published as Date).toISOString().slice(0, 10);
    expect(published).toBe(row?.published);
    const event = events().find((e) => e.id === fm.event);
    expect(event).toBeDefined();
    expect(published >= (event?.start ?? '') && published <= (event?.end ?? '')).toBe(true);
    if (expected.outlet === 'reuters') expect(fm.byline).toBeUndefined();
    else if (fm.byline !== undefined) expect(typeof fm.byline).toBe('string');
  });

  it('says exactly what the capture says, paragraph by paragraph', () => {
    expect(checkArticle(markdown(), captureOf(id), expected.headings)).toEqual([]);
  });

  it('has a pinned copy for the quote gold test that says exactly what the capture says too', () => {
    expect(checkArticle(read(join(PINNED, `${id}.md`)), captureOf(id), expected.headings)).toEqual([]);
  });
});

describe('the pinned copy (tests/fixtures/quotes/five-articles)', () => {
  it('holds the five articles and nothing else', () => {
    expect(markdownFiles(PINNED).sort()).toEqual(
      Object.keys(EXPECTED)
        .map((id) => `${id}.md`)
        .sort(),
    );
  });
});

describe('the fidelity check can fail', () => {
  const id = 'reuters-shoot-missiles-2017';
  const expected = EXPECTED[id] as Expected;
  const paragraph =
    'Trump also pressed Japan to lower its trade deficit with the United States and buy more U.S. military hardware.';
  const next = 'Abe, for his part, said Tokyo would shoot down missiles “if necessary”.';
  const check = (md: string): string[] => checkArticle(md, captureOf(id), expected.headings);
  // The pinned copy: a correction an editor makes to content/articles changes nothing here.
  const original = (): string => read(join(PINNED, `${id}.md`));

  it('the untouched article passes (baseline for the cases below)', () => {
    const markdown = original();
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
    const markdown = original();
    const bad = tamper(markdown);
    expect(bad).not.toBe(markdown);
    expect(check(bad).length).toBeGreaterThan(0);
  });

  it('rejects a link definition that swallows literal brackets ("[military options]")', () => {
    const nikkei = read(join(PINNED, 'nikkei-alliance-preview-2017.md'));
    const { headings } = EXPECTED['nikkei-alliance-preview-2017'] as Expected;
    const text = captureOf('nikkei-alliance-preview-2017');
    expect(nikkei).toContain('[military options]');
    expect(checkArticle(nikkei, text, headings)).toEqual([]);
    const problems = checkArticle(`${nikkei}\n[military options]: https://example.com/\n`, text, headings);
    expect(problems).toContainEqual(expect.stringContaining('inline markup (linkReference)'));
    expect(problems).toContainEqual(
      expect.stringContaining('not in the capture: The two leaders could discuss specific military options'),
    );
  });

  it('names what is missing and what was added', () => {
    const bad = original().replace(paragraph, 'Trump also pressed Japan to lower its trade deficit.');
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

  it('each reach 4.5:1 as text on white', () => {
    for (const { id, color } of outlets()) {
      expect(color, id).toMatch(/^#[0-9a-f]{6}$/i);
      expect(contrastRatio(color, '#ffffff'), `${id} (${color})`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('are clearly different hues', () => {
    const all = outlets();
    for (const [i, a] of all.entries()) {
      for (const b of all.slice(i + 1)) {
        const d = Math.abs(hue(a.color) - hue(b.color));
        expect(Math.min(d, 360 - d), `${a.id} vs ${b.id}`).toBeGreaterThanOrEqual(45);
      }
    }
  });
});
