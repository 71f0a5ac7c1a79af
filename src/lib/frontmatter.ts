/**
 * An article file's frontmatter, read and written in one place: the `---` block of top-level
 * scalars that content/articles/*.md open with, in the collection's key order.
 *
 * Reading is deliberately shallow (the build's YAML parser reads the real thing through the content
 * collection): tools and checks that need a field as the editor wrote it, before YAML turns
 * 2017-02-30 into a March date, read it here. Writing produces what `npm run article:add` and the
 * benchmark's generated corpora write. Nested values (a `quotes:` list of overrides) are skipped.
 */

/** The fields an article's frontmatter carries, as strings (dates as YYYY-MM-DD). */
export interface ArticleFrontmatter {
  title: string;
  dek?: string;
  outlet: string;
  byline?: string;
  dateline?: string;
  published: string;
  event: string;
  /** File name of the raw capture; null for an article with none (written `source: null`). */
  source: string | null;
}

export interface FrontmatterFile {
  /** Top-level scalars by key: unquoted, with `null` and `~` read as null. */
  fields: Record<string, string | null>;
  /** Everything after the closing `---` line. */
  body: string;
}

const BLOCK = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** One YAML scalar as written: "double-quoted" (JSON's escapes), 'single-quoted', null, or bare. */
function scalar(raw: string): string | null {
  if (raw.startsWith('"')) {
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  }
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  return raw === 'null' || raw === '~' ? null : raw;
}

/** The frontmatter's top-level scalars and the body; null when the file opens with no `---` block. */
export function readFrontmatter(source: string): FrontmatterFile | null {
  const match = BLOCK.exec(source);
  if (!match) return null;
  const fields: Record<string, string | null> = {};
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    const field = /^([A-Za-z_][\w-]*):[ \t]*(.*?)\s*$/.exec(line);
    if (!field?.[1] || !field[2]) continue; // a comment, a nested value or its parent key
    fields[field[1]] = scalar(field[2]);
  }
  return { fields, body: source.slice(match[0].length) };
}

/** A YAML double-quoted string (JSON strings are valid YAML). */
const quoted = (value: string): string => JSON.stringify(value);

/** An id written bare when YAML would read it back as the same string, quoted otherwise. */
function idScalar(value: string): string {
  const plain = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(value);
  const reserved = /^(?:true|false|null|yes|no|on|off|y|n)$/.test(value);
  return plain && !reserved ? value : quoted(value);
}

/** An article file: its frontmatter (keys in the collection's order, empty optional fields left out), then `body`. */
export function writeArticleFile(fields: ArticleFrontmatter, body: string): string {
  const lines = ['---', `title: ${quoted(fields.title)}`];
  if (fields.dek) lines.push(`dek: ${quoted(fields.dek)}`);
  lines.push(`outlet: ${idScalar(fields.outlet)}`);
  if (fields.byline) lines.push(`byline: ${quoted(fields.byline)}`);
  if (fields.dateline) lines.push(`dateline: ${quoted(fields.dateline)}`);
  lines.push(`published: ${fields.published}`, `event: ${idScalar(fields.event)}`);
  lines.push(`source: ${fields.source === null ? 'null' : quoted(fields.source)}`, '---', '');
  return `${lines.join('\n')}\n${body.trimEnd()}\n`;
}
