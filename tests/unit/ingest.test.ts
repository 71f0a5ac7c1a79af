/**
 * The editor's workflow, `npm run article:add`: the pure planning in src/lib/ingest.ts and the
 * CLI in src/cli/add-article.ts run for real against a temporary copy of content/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  articleSlug,
  bodyParagraphs,
  detectDateline,
  escapeMarkdown,
  findOutlet,
  type IngestContext,
  type IngestRequest,
  MAX_SLUG_LENGTH,
  newOutlet,
  OUTLET_PALETTE,
  type OutletRecord,
  planIngest,
  slugify,
} from '../../src/lib/ingest.ts';
import { contrastRatio } from '../../src/lib/colour.ts';
import { paragraphsFromMarkdown } from '../../src/lib/markdown.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'src', 'cli', 'add-article.ts');

const OUTLETS: OutletRecord[] = [
  {
    id: 'npr',
    name: 'NPR',
    shortName: 'NPR',
    kind: 'Public radio',
    homepage: 'https://www.npr.org/',
    color: '#a23b72',
  },
  { id: 'nikkei', name: 'Nikkei Asian Review', shortName: 'Nikkei', kind: 'Business daily', color: '#0b5cad' },
  { id: 'reuters', name: 'Reuters', shortName: 'Reuters', kind: 'News agency', color: '#b8460b' },
];
const CONTEXT: IngestContext = {
  outlets: OUTLETS,
  events: [{ id: 'tokyo-2017' }, { id: 'washington-2018' }],
  existingArticleIds: ['reuters-trump-says-japan-would-shoot'],
};

const REUTERS_CAPTURE = `Trump says Japan would shoot North Korean missiles 'out of sky'
TOKYO (Reuters) - U.S. President Donald Trump said on Monday that Japan would shoot North Korean missiles “out of the sky”.

Abe, for his part, said Tokyo would shoot down missiles “if necessary”.
`;

function request(overrides: Partial<IngestRequest> = {}): IngestRequest {
  return {
    captureName: 'reuters.txt',
    captureText: REUTERS_CAPTURE,
    outlet: 'Reuters',
    title: "Trump says Japan would shoot North Korean missiles 'out of sky'",
    date: '2017-11-06',
    event: 'tokyo-2017',
    ...overrides,
  };
}

/** The plain text the site will show for a Markdown body. */
const rendered = (markdown: string): string[] =>
  paragraphsFromMarkdown(parseFrontmatter(markdown).content).map((p) => p.text);

describe('detectDateline', () => {
  it('finds the "CITY -- " form', () => {
    expect(detectDateline('TOKYO -- The U.S. and Japanese leaders seek to showcase')).toEqual({
      dateline: 'TOKYO',
      agency: null,
      opening: 'TOKYO -- ',
      rest: 'The U.S. and Japanese leaders seek to showcase',
    });
    expect(detectDateline('NEW YORK -- Shares rose.')?.dateline).toBe('NEW YORK');
    expect(detectDateline('WASHINGTON, D.C. -- It was.')?.dateline).toBe('WASHINGTON, D.C.');
  });

  it('finds the "CITY (Agency) - " form', () => {
    expect(detectDateline('TOKYO (Reuters) - U.S. President Donald Trump said')).toEqual({
      dateline: 'TOKYO',
      agency: 'Reuters',
      opening: 'TOKYO (Reuters) - ',
      rest: 'U.S. President Donald Trump said',
    });
    expect(detectDateline('SEOUL (AP) -- Officials said')?.agency).toBe('AP');
  });

  it('leaves ordinary openings alone', () => {
    expect(detectDateline('President Trump on Monday pledged')).toBeNull();
    expect(detectDateline('Trump was replying to a question that was posed to Abe - namely')).toBeNull();
    expect(detectDateline('Tokyo -- lower case is not a dateline')).toBeNull();
    expect(detectDateline('TOKYO --')).toBeNull();
  });
});

describe('bodyParagraphs', () => {
  it('splits on blank lines and joins the lines of a paragraph with a space', () => {
    expect(bodyParagraphs('One line\nand its continuation.  \n\n\n  Second.\r\n \r\nThird.')).toEqual([
      'One line and its continuation.',
      'Second.',
      'Third.',
    ]);
  });

  it('does not repeat a first paragraph equal to the title', () => {
    expect(bodyParagraphs('The Headline\n\nText.', { title: 'The Headline' })).toEqual(['Text.']);
    expect(bodyParagraphs('The  Headline \n\nText.', { title: 'The Headline' })).toEqual(['Text.']);
    expect(bodyParagraphs('Text.\n\nThe Headline', { title: 'The Headline' })).toEqual(['Text.', 'The Headline']);
  });

  it('drops a title line run straight into the first paragraph', () => {
    expect(bodyParagraphs('The Headline\nTOKYO -- Text.\n\nMore.', { title: 'The Headline' })).toEqual([
      'TOKYO -- Text.',
      'More.',
    ]);
  });

  it('drops a dek that follows the title', () => {
    expect(bodyParagraphs('Head\n\nDek line\n\nText.', { title: 'Head', dek: 'Dek line' })).toEqual(['Text.']);
  });
});

describe('escapeMarkdown', () => {
  const tricky = [
    '# not a heading',
    '## nor this',
    '> not a quote',
    '- not a list',
    '+ not a list',
    '* not a list',
    '1. not a list',
    '2017) not a list either',
    '---',
    '***',
    '___',
    '===',
    '| a | b |',
    'emphasis *like this* and _this_ and **this**',
    'snake_case_words and 2*3*4',
    'a [link](https://example.com) and [military options] and ![image](x.png)',
    'html <b>bold</b> and <https://example.com> and <!-- comment -->',
    'entities &amp; &#169; &#x2014; and AT&T and R&D',
    'code `like this` and ``this``',
    'a backslash \\ and \\* and C:\\Users\\ and trailing \\',
    'tildes ~~struck~~ and ~~~',
    '```',
    'quotes “curly” ‘single’ "straight" \'single\' -- and — and – stay',
    'Trump was replying to a question that was posed to Abe - namely',
    '$69 billion, 100% and 81.2% said',
    'non\u00a0breaking\u00a0spaces',
    '[^1] footnote-like',
    'http://example.com/path_with_underscores',
  ];

  it.each(tricky)('renders %j as itself', (text) => {
    expect(rendered(escapeMarkdown(text))).toEqual([text]);
  });

  it('leaves ordinary prose untouched', () => {
    const prose =
      'Abe, for his part, said Tokyo would shoot down missiles “if necessary”. Japan’s $69 billion - 12-day trip.';
    expect(escapeMarkdown(prose)).toBe(prose);
  });

  it('renders every paragraph of a whole body as itself', () => {
    const markdown = tricky.map(escapeMarkdown).join('\n\n');
    expect(rendered(markdown)).toEqual(tricky);
  });
});

describe('slugs', () => {
  it('slugifies to lower-case ASCII words', () => {
    expect(slugify("Trump says Japan would shoot North Korean missiles 'out of sky'")).toBe(
      'trump-says-japan-would-shoot-north-korean-missiles-out-of-sky',
    );
    expect(slugify('Abe’s “pressure” — still on?')).toBe('abes-pressure-still-on');
    expect(slugify('Le Monde diplomatique: été')).toBe('le-monde-diplomatique-ete');
    expect(slugify('日本経済新聞')).toBe('');
  });

  it('takes whole words of the title up to the length limit', () => {
    const slug = articleSlug(
      'reuters',
      "Trump says Japan would shoot North Korean missiles 'out of sky' if it bought U.S. weaponry",
      '2017-11-06',
      [],
    );
    expect(slug).toBe('reuters-trump-says-japan-would-shoot-north-korean-missiles');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  });

  it('is made unique against existing articles', () => {
    expect(articleSlug('npr', 'Short title', '2017-11-06', ['npr-short-title'])).toBe('npr-short-title-2');
    expect(articleSlug('npr', 'Short title', '2017-11-06', ['npr-short-title', 'npr-short-title-2'])).toBe(
      'npr-short-title-3',
    );
  });

  it('falls back to the date for a title without Latin letters or digits', () => {
    expect(articleSlug('nikkei', '日本経済新聞', '2017-11-06', [])).toBe('nikkei-2017-11-06');
  });

  it('cuts a single over-long word', () => {
    expect(articleSlug('npr', 'x'.repeat(100), '2017-11-06', [])).toHaveLength(MAX_SLUG_LENGTH);
  });
});

describe('outlets', () => {
  it('matches an existing outlet by name, short name or id, ignoring case', () => {
    expect(findOutlet(OUTLETS, 'nikkei asian review')?.id).toBe('nikkei');
    expect(findOutlet(OUTLETS, 'NIKKEI')?.id).toBe('nikkei');
    expect(findOutlet(OUTLETS, 'reuters')?.id).toBe('reuters');
    expect(findOutlet(OUTLETS, 'The Japan Times')).toBeUndefined();
  });

  it('creates a new outlet with a unique id and the first unused palette colour', () => {
    const outlet = newOutlet('The Japan Times', OUTLETS);
    expect(outlet).toEqual({
      id: 'the-japan-times',
      name: 'The Japan Times',
      shortName: 'The Japan Times',
      kind: 'News outlet',
      color: OUTLET_PALETTE[3],
    });
    expect(newOutlet('NPR!', OUTLETS).id).toBe('npr-2');
  });

  it('has a palette of distinct colours that all reach 4.5:1 on white', () => {
    expect(new Set(OUTLET_PALETTE.map((c) => c.toLowerCase())).size).toBe(OUTLET_PALETTE.length);
    for (const color of OUTLET_PALETTE) expect(contrastRatio(color), color).toBeGreaterThanOrEqual(4.5);
  });
});

describe('planIngest', () => {
  it('builds the article: slug, frontmatter, dateline moved out, title not repeated', () => {
    const plan = planIngest(request({ byline: 'Linda Sieg', dek: 'Summit in Tokyo' }), CONTEXT);
    if (!plan.ok) throw new Error(plan.errors.join('; '));
    expect(plan.articleId).toBe('reuters-trump-says-japan-would-shoot-north-korean-missiles');
    expect(plan.outletAdded).toBe(false);
    expect(plan.dateline).toBe('TOKYO');
    expect(plan.markdown).toBe(
      [
        '---',
        `title: "Trump says Japan would shoot North Korean missiles 'out of sky'"`,
        'dek: "Summit in Tokyo"',
        'outlet: reuters',
        'byline: "Linda Sieg"',
        'dateline: "TOKYO"',
        'published: 2017-11-06',
        'event: tokyo-2017',
        'source: "reuters.txt"',
        '---',
        '',
        'U.S. President Donald Trump said on Monday that Japan would shoot North Korean missiles “out of the sky”.',
        '',
        'Abe, for his part, said Tokyo would shoot down missiles “if necessary”.',
        '',
      ].join('\n'),
    );
    const { frontmatter } = parseFrontmatter(plan.markdown);
    expect(frontmatter.title).toBe(request().title);
    expect(frontmatter.published).toEqual(new Date('2017-11-06T00:00:00Z'));
  });

  it('lets --dateline win; an opening naming another place stays in the text', () => {
    const same = planIngest(request({ dateline: 'Tokyo' }), CONTEXT);
    expect(same.ok && same.paragraphs[0]?.startsWith('U.S. President')).toBe(true);
    expect(same.ok && same.dateline).toBe('Tokyo');
    const other = planIngest(request({ dateline: 'OSAKA' }), CONTEXT);
    expect(other.ok && other.paragraphs[0]?.startsWith('TOKYO (Reuters) - U.S. President')).toBe(true);
    const none = planIngest(request({ dateline: '' }), CONTEXT);
    expect(none.ok && none.dateline).toBeNull();
    expect(none.ok && none.markdown).not.toContain('dateline:');
    expect(none.ok && none.paragraphs[0]?.startsWith('TOKYO (Reuters) - ')).toBe(true);
  });

  it('escapes Markdown so the rendered paragraphs equal the capture', () => {
    const text = '# One\n\n1. Two *three* [four](five)\n\n<b>six</b> & seven &amp; eight\n\n- nine';
    const plan = planIngest(request({ captureText: text, title: 'Something else' }), CONTEXT);
    if (!plan.ok) throw new Error(plan.errors.join('; '));
    expect(rendered(plan.markdown)).toEqual([
      '# One',
      '1. Two *three* [four](five)',
      '<b>six</b> & seven &amp; eight',
      '- nine',
    ]);
  });

  it('keeps YAML-hostile titles intact', () => {
    const title = 'Abe: "No #1 -- yet" \\ {ok}: [sic] & more';
    const plan = planIngest(request({ title, captureText: 'Text.' }), CONTEXT);
    if (!plan.ok) throw new Error(plan.errors.join('; '));
    expect(parseFrontmatter(plan.markdown).frontmatter.title).toBe(title);
  });

  it('adds an unknown outlet', () => {
    const plan = planIngest(request({ outlet: 'Kyodo News' }), CONTEXT);
    if (!plan.ok) throw new Error(plan.errors.join('; '));
    expect(plan.outletAdded).toBe(true);
    expect(plan.outlet.id).toBe('kyodo-news');
    expect(plan.outlets).toHaveLength(OUTLETS.length + 1);
    expect(plan.articleId.startsWith('kyodo-news-')).toBe(true);
    expect(plan.markdown).toContain('\noutlet: kyodo-news\n');
  });

  it.each<[string, Partial<IngestRequest>, RegExp]>([
    ['an unknown event', { event: 'paris-2019' }, /unknown event "paris-2019".*tokyo-2017, washington-2018/],
    ['an impossible date', { date: '2017-02-30' }, /--date "2017-02-30" is not a real calendar date/],
    ['a malformed date', { date: '6 Nov 2017' }, /--date "6 Nov 2017"/],
    [
      'an empty body',
      { captureText: "Trump says Japan would shoot North Korean missiles 'out of sky'\n\n  \n" },
      /has no body text/,
    ],
    ['a blank capture', { captureText: '' }, /has no body text/],
    ['an empty title', { title: '  ' }, /title \(--title\) is empty/],
    ['an empty outlet', { outlet: '' }, /outlet \(--outlet\) is empty/],
  ])('refuses %s', (_name, overrides, message) => {
    const plan = planIngest(request(overrides), CONTEXT);
    expect(plan.ok).toBe(false);
    expect(plan.ok ? [] : plan.errors).toContainEqual(expect.stringMatching(message));
  });

  it('reports every problem at once', () => {
    const plan = planIngest(request({ event: 'nope', date: '2017-02-30' }), CONTEXT);
    expect(plan.ok ? [] : plan.errors).toHaveLength(2);
  });
});

describe('the CLI (src/cli/add-article.ts)', () => {
  let dir: string;
  let content: string;
  let capture: string;

  /** Every file under the temp dir with its content, to prove a refusal wrote nothing. */
  const snapshot = (): Record<string, string> => {
    const files: Record<string, string> = {};
    const walk = (d: string): void => {
      for (const name of readdirSync(d)) {
        const path = join(d, name);
        if (statSync(path).isDirectory()) walk(path);
        else files[relative(dir, path)] = readFileSync(path, 'utf8');
      }
    };
    walk(dir);
    return files;
  };

  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: dir, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  const required = (overrides: Record<string, string | null> = {}): string[] =>
    Object.entries({
      '--outlet': 'Reuters',
      '--title': "Trump says Japan would shoot North Korean missiles 'out of sky'",
      '--date': '2017-11-06',
      '--event': 'tokyo-2017',
      '--content-dir': content,
      ...overrides,
    }).flatMap(([flag, value]) => (value === null ? [] : [flag, value]));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-ingest-'));
    content = join(dir, 'content');
    for (const name of ['outlets.json', 'events.json', 'articles']) {
      cpSync(join(ROOT, 'content', name), join(content, name), { recursive: true });
    }
    capture = join(dir, '003_reuters.txt');
    writeFileSync(capture, REUTERS_CAPTURE);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs under a Node that strips types (the project pins Node 24)', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(23);
  });

  it('writes the article with valid frontmatter and the capture text', () => {
    const before = readdirSync(join(content, 'articles'));
    const outletsBefore = readFileSync(join(content, 'outlets.json'), 'utf8');
    const result = run(capture, ...required({ '--byline': 'Linda Sieg' }));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    const added = readdirSync(join(content, 'articles')).filter((f) => !before.includes(f));
    expect(added).toEqual(['reuters-trump-says-japan-would-shoot-north-korean-missiles.md']);
    expect(result.stdout).toContain(added[0]);
    const markdown = readFileSync(join(content, 'articles', added[0] ?? ''), 'utf8');
    const { frontmatter } = parseFrontmatter(markdown);
    expect(frontmatter).toEqual({
      title: "Trump says Japan would shoot North Korean missiles 'out of sky'",
      outlet: 'reuters',
      byline: 'Linda Sieg',
      dateline: 'TOKYO',
      published: new Date('2017-11-06T00:00:00Z'),
      event: 'tokyo-2017',
      source: '003_reuters.txt',
    });
    expect(rendered(markdown)).toEqual([
      'U.S. President Donald Trump said on Monday that Japan would shoot North Korean missiles “out of the sky”.',
      'Abe, for his part, said Tokyo would shoot down missiles “if necessary”.',
    ]);
    // A known outlet: outlets.json untouched.
    expect(readFileSync(join(content, 'outlets.json'), 'utf8')).toBe(outletsBefore);

    // The same article again gets a unique file name instead of overwriting.
    expect(run(capture, ...required()).status).toBe(0);
    expect(
      existsSync(join(content, 'articles', 'reuters-trump-says-japan-would-shoot-north-korean-missiles-2.md')),
    ).toBe(true);
  });

  it('appends a new outlet to outlets.json', () => {
    const result = run(capture, ...required({ '--outlet': 'Kyodo News' }));
    expect(result.status).toBe(0);
    const outlets = JSON.parse(readFileSync(join(content, 'outlets.json'), 'utf8')) as OutletRecord[];
    const kyodo = outlets.at(-1);
    expect(kyodo).toMatchObject({ id: 'kyodo-news', name: 'Kyodo News', shortName: 'Kyodo News', kind: 'News outlet' });
    expect(kyodo).not.toHaveProperty('homepage');
    expect(outlets.slice(0, -1).map((o) => o.color)).not.toContain(kyodo?.color);
    expect(contrastRatio(kyodo?.color ?? '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(existsSync(join(content, 'articles', 'kyodo-news-trump-says-japan-would-shoot-north-korean.md'))).toBe(true);
  });

  it.each<[string, () => string[], RegExp]>([
    ['an unknown event', () => [capture, ...required({ '--event': 'paris-2019' })], /unknown event "paris-2019"/],
    [
      'a date that is not a calendar date',
      () => [capture, ...required({ '--date': '2017-02-29' })],
      /not a real calendar date/,
    ],
    ['an empty body', () => [join(dir, 'empty.txt'), ...required()], /has no body text/],
    ['a missing capture file', () => [join(dir, 'nope.txt'), ...required()], /capture file not found: .*nope\.txt/],
    ['no capture file argument', () => [...required()], /missing the capture file/],
    ['a missing --title', () => [capture, ...required({ '--title': null })], /missing required flag --title/],
    ['a missing --event', () => [capture, ...required({ '--event': null })], /missing required flag --event/],
    [
      'a missing --outlet and --date',
      () => [capture, ...required({ '--outlet': null, '--date': null })],
      /--outlet\n(.|\n)*--date/,
    ],
    ['an unknown flag', () => [capture, ...required(), '--author', 'X'], /Unknown option '--author'/],
  ])('refuses %s, naming it, and writes nothing', (_name, args, message) => {
    writeFileSync(join(dir, 'empty.txt'), "Trump says Japan would shoot North Korean missiles 'out of sky'\n\n");
    const before = snapshot();
    const result = run(...args());
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('nothing was written');
    expect(snapshot()).toEqual(before);
  });
});
