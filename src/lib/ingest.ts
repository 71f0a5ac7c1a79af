/**
 * Turning an editor's plain-text capture into an article entry (`npm run article:add`).
 *
 * Pure: no file system, no process, no clock. src/cli/add-article.ts reads the capture and the
 * collection files, calls `planIngest`, and writes what it returns (or prints its refusals).
 *
 * The body rule is the site's rule: every paragraph of the capture reaches the page word for
 * word. So the only changes made to the text are
 *   - lines of one paragraph are joined with a single space (surrounding whitespace trimmed);
 *   - a leading paragraph (or line) equal to the headline, and then one equal to the dek, is
 *     dropped, since the page already shows them;
 *   - a dateline opening ("TOKYO -- ", "TOKYO (Reuters) - ") moves to the `dateline` field;
 *   - Markdown-significant characters are backslash-escaped, so the rendered text is the input.
 */

import { isCalendarDate } from './dates.ts';
import { writeArticleFile } from './frontmatter.ts';
import type { ArticleFrontmatter } from './frontmatter.ts';

/** Re-exported for src/lib/bench/corpus.ts, which imports it from here; its home is colour.ts. */

/** An entry of content/outlets.json. */
export interface OutletRecord {
  id: string;
  name: string;
  shortName: string;
  kind: string;
  homepage?: string;
  color: string;
}

/** The part of an entry of content/events.json that ingest needs. */
export interface EventRef {
  id: string;
}

/** An entry of content/events.json. */
export interface EventRecord extends EventRef {
  title: string;
  /** YYYY-MM-DD */
  start: string;
  /** YYYY-MM-DD */
  end: string;
  place: string;
  summary: string;
}

/** What the editor asked for (CLI flags plus the capture). */
export interface IngestRequest {
  /** File name of the capture; becomes the `source` field. */
  captureName: string;
  /** Full text of the capture. */
  captureText: string;
  /** Outlet name, short name or id; a new outlet is created when none matches. */
  outlet: string;
  title: string;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  /** Event id (must exist in content/events.json). */
  event: string;
  byline?: string;
  /**
   * Dateline. When given it wins over a detected opening; an opening naming the same city is
   * still removed from the text, any other is left in place. An empty string means "no dateline":
   * the first paragraph is kept exactly as it is.
   */
  dateline?: string;
  dek?: string;
}

/** The state of the content directory that ingest has to respect. */
export interface IngestContext {
  outlets: readonly OutletRecord[];
  events: readonly EventRef[];
  /** Ids (file names without .md) of the articles that already exist. */
  existingArticleIds: Iterable<string>;
}

export interface IngestPlan {
  ok: true;
  /** Article id = file name without `.md`. */
  articleId: string;
  /** Full file content: frontmatter and body. */
  markdown: string;
  /** Body paragraphs as plain text (what the page will show), in order. */
  paragraphs: string[];
  dateline: string | null;
  outlet: OutletRecord;
  /** True when `outlet` is new and `outlets` must be written back. */
  outletAdded: boolean;
  /** The outlets collection after the ingest (same array contents when nothing was added). */
  outlets: OutletRecord[];
}

export interface IngestRefusal {
  ok: false;
  /** One sentence per problem, each naming what is wrong. */
  errors: string[];
}

export type IngestResult = IngestPlan | IngestRefusal;

/** Longest article slug produced from a title (outlet prefix included), before a uniqueness suffix. */
export const MAX_SLUG_LENGTH = 60;

/**
 * Colours for outlets, every one at least 4.5:1 (WCAG AA, normal text) on white.
 * The first three are the seed outlets' (NPR, Nikkei, Reuters); new outlets get the first unused one.
 * Hues follow the Okabe–Ito colour-blind-safe palette, darkened to reach AA.
 */
export const OUTLET_PALETTE: readonly string[] = [
  '#a23b72', // reddish purple
  '#0b5cad', // blue
  '#b8460b', // vermillion
  '#006e4f', // bluish green
  '#7a5c00', // dark yellow
  '#6b3fa0', // violet
  '#0e6e8c', // sky blue, darkened
  '#2e6b1f', // green
  '#8a4b08', // brown
  '#4d5b9e', // slate blue
];

// ---------------------------------------------------------------------------------------------
// Text

const collapse = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/**
 * The capture's paragraphs as lists of lines: blocks separated by blank (whitespace-only) lines,
 * every line trimmed. CRLF and a byte-order mark are tolerated.
 */
export function captureBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** Drops `text` from the start of the blocks: a whole first block, or the first line of it. */
function dropLeading(blocks: string[][], text: string | undefined): string[][] {
  const first = blocks[0];
  if (!text || !first) return blocks;
  const wanted = collapse(text);
  if (collapse(first.join(' ')) === wanted) return blocks.slice(1);
  if (first.length > 1 && collapse(first[0] ?? '') === wanted) return [first.slice(1), ...blocks.slice(1)];
  return blocks;
}

/**
 * Body paragraphs of a capture: lines of a block joined with a space; a first paragraph (or first
 * line, when the capture runs the headline straight into the text) equal to the title is dropped,
 * then likewise one equal to the dek.
 */
export function bodyParagraphs(text: string, opts: { title?: string; dek?: string } = {}): string[] {
  let blocks = captureBlocks(text);
  blocks = dropLeading(blocks, opts.title);
  blocks = dropLeading(blocks, opts.dek);
  return blocks.map((lines) => lines.join(' '));
}

export interface DatelineMatch {
  /** The city, e.g. "TOKYO". */
  dateline: string;
  /** Agency named in parentheses, e.g. "Reuters", or null for the "CITY -- " form. */
  agency: string | null;
  /** The exact opening that was matched, e.g. "TOKYO (Reuters) - ". */
  opening: string;
  /** The paragraph without its opening. */
  rest: string;
}

/** An all-capitals place name: "TOKYO", "NEW YORK", "ST. LOUIS", "WASHINGTON, D.C.". */
const CITY = String.raw`[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*)*(?:, [A-Z][A-Za-z.]*)?`;
const DATELINE_DASHES = new RegExp(String.raw`^(${CITY}) -- (?=\S)`, 'u');
const DATELINE_AGENCY = new RegExp(String.raw`^(${CITY}) \(([^()]{1,40})\) --? (?=\S)`, 'u');

/** Detects a dateline opening, "CITY -- " or "CITY (Agency) - ", at the start of a paragraph. */
export function detectDateline(paragraph: string): DatelineMatch | null {
  const agency = DATELINE_AGENCY.exec(paragraph);
  if (agency) {
    const opening = agency[0];
    return { dateline: agency[1] ?? '', agency: agency[2] ?? null, opening, rest: paragraph.slice(opening.length) };
  }
  const dashes = DATELINE_DASHES.exec(paragraph);
  if (dashes) {
    const opening = dashes[0];
    return { dateline: dashes[1] ?? '', agency: null, opening, rest: paragraph.slice(opening.length) };
  }
  return null;
}

/**
 * Backslash-escapes what CommonMark (and GFM, should it be switched on) would read as markup, so
 * that the rendered plain text of the result equals `text`. Expects text without leading
 * indentation (the capture's lines are trimmed).
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      // Inline: backslash escapes, code spans, emphasis, links/images/footnotes, HTML and
      // autolinks, strikethrough and ~~~ fences.
      .replace(/[\\`*_[\]<~]/g, '\\$&')
      // Character references: only an "&" that would start one.
      .replace(/&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)/g, '\\&')
      // Block starts, per line: ATX heading, block quote, bullet list / thematic break, setext
      // underline, table row, ordered list ("1." / "1)").
      .replace(/^([#>+=|-])/gm, '\\$1')
      .replace(/^(\d{1,9})([.)])/gm, '$1\\$2')
  );
}

/** Lower-case ASCII slug: letters and digits separated by single hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `base`, or `base-2`, `base-3`, ... whichever is not taken. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * Article id: outlet id, a hyphen, then as many whole words of the slugified title as fit in
 * MAX_SLUG_LENGTH characters; made unique against `taken`. A title with no Latin letters or
 * digits falls back to the date.
 */
export function articleSlug(outletId: string, title: string, date: string, taken: Iterable<string>): string {
  const words = slugify(title).split('-').filter(Boolean);
  let slug = outletId;
  for (const word of words) {
    const next = `${slug}-${word}`;
    if (next.length > MAX_SLUG_LENGTH) {
      if (slug === outletId) slug = next.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
      break;
    }
    slug = next;
  }
  if (slug === outletId) slug = `${outletId}-${date}`;
  return uniqueId(slug, taken);
}

// ---------------------------------------------------------------------------------------------
// Outlets

/** The outlet whose id, name or short name equals `name`, ignoring case and spacing. */
export function findOutlet(outlets: readonly OutletRecord[], name: string): OutletRecord | undefined {
  const wanted = collapse(name).toLowerCase();
  return outlets.find((o) =>
    [o.name, o.shortName, o.id].some((v) => typeof v === 'string' && collapse(v).toLowerCase() === wanted),
  );
}

/** A new outlet record for `name`: generated unique id, first unused palette colour. */
export function newOutlet(name: string, outlets: readonly OutletRecord[]): OutletRecord {
  const clean = collapse(name);
  const id = uniqueId(
    slugify(clean) || 'outlet',
    outlets.map((o) => o.id),
  );
  const used = new Set(outlets.map((o) => o.color.toLowerCase()));
  const color =
    OUTLET_PALETTE.find((c) => !used.has(c.toLowerCase())) ??
    OUTLET_PALETTE[outlets.length % OUTLET_PALETTE.length] ??
    '#000000';
  return { id, name: clean, shortName: clean, kind: 'News outlet', color };
}

// ---------------------------------------------------------------------------------------------
// Frontmatter and the whole plan

/** What ingest writes: an article always comes from a capture. */
export interface ArticleFields extends ArticleFrontmatter {
  source: string;
}

/** The article file: frontmatter (keys in the collection's order), then one paragraph per block. */
export function renderArticle(fields: ArticleFields, paragraphs: readonly string[]): string {
  return writeArticleFile(fields, paragraphs.map(escapeMarkdown).join('\n\n'));
}

const optional = (value: string | undefined): string | undefined => {
  const v = value === undefined ? undefined : collapse(value);
  return v ? v : undefined;
};

/**
 * Checks the request against the content and builds the article, or lists every reason to refuse.
 * Nothing is decided by I/O here; the caller writes `markdown` (and `outlets` if `outletAdded`).
 */
export function planIngest(request: IngestRequest, context: IngestContext): IngestResult {
  const errors: string[] = [];
  const title = collapse(request.title ?? '');
  const outletName = collapse(request.outlet ?? '');
  const dek = optional(request.dek);
  const byline = optional(request.byline);
  const source = request.captureName.trim();

  if (!title) errors.push('the title (--title) is empty');
  if (!outletName) errors.push('the outlet (--outlet) is empty');
  if (!source) errors.push('the capture has no file name');
  if (!isCalendarDate(request.date)) {
    errors.push(`--date "${request.date}" is not a real calendar date in the form YYYY-MM-DD`);
  }
  if (!context.events.some((e) => e.id === request.event)) {
    const known = context.events.map((e) => e.id).join(', ') || 'none';
    errors.push(`unknown event "${request.event}" (known events in content/events.json: ${known})`);
  }

  const paragraphs = bodyParagraphs(request.captureText, { title, dek });
  let dateline: string | null = null;
  const first = paragraphs[0];
  if (first !== undefined) {
    const detected = detectDateline(first);
    const given = request.dateline === undefined ? undefined : collapse(request.dateline);
    if (given === undefined) {
      if (detected) {
        dateline = detected.dateline;
        paragraphs[0] = detected.rest;
      }
    } else if (given !== '') {
      dateline = given;
      if (detected && detected.dateline.toLowerCase() === given.toLowerCase()) paragraphs[0] = detected.rest;
    }
  }
  if (paragraphs.length === 0 || paragraphs.every((p) => p.trim() === '')) {
    errors.push(
      `the capture "${source}" has no body text` +
        (title ? ' (besides the headline)' : '') +
        '; give the article text as paragraphs separated by blank lines',
    );
  }
  if (errors.length > 0) return { ok: false, errors };

  const existing = findOutlet(context.outlets, outletName);
  const outlet = existing ?? newOutlet(outletName, context.outlets);
  const outlets = existing ? [...context.outlets] : [...context.outlets, outlet];
  const articleId = articleSlug(outlet.id, title, request.date, context.existingArticleIds);
  const fields: ArticleFields = {
    title,
    outlet: outlet.id,
    published: request.date,
    event: request.event,
    source,
    ...(dek ? { dek } : {}),
    ...(byline ? { byline } : {}),
    ...(dateline ? { dateline } : {}),
  };
  return {
    ok: true,
    articleId,
    markdown: renderArticle(fields, paragraphs),
    paragraphs,
    dateline,
    outlet,
    outletAdded: !existing,
    outlets,
  };
}
