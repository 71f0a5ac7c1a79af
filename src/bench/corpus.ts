/**
 * Synthetic corpora for the scale benchmark (`npm run bench`): N articles made by recombining
 * the real articles' paragraphs and quotations, spread over synthetic events and outlets, so
 * that — as in real coverage — the same utterance is quoted by several outlets of one event,
 * sometimes whole, sometimes as a fragment, sometimes with its wording changed.
 *
 * Pure and deterministic: the same base articles, size and seed give the same corpus, byte for
 * byte. No clock, no I/O, no Math.random.
 */
import { contrastRatio } from '../lib/colour.ts';
import { readFrontmatter, writeArticleFile } from '../lib/frontmatter.ts';
import { slugify } from '../lib/ingest.ts';
import type { ArticleFields, EventRecord, OutletRecord } from '../lib/ingest.ts';
import names from './names.json' with { type: 'json' };

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** A small seeded PRNG (mulberry32 over an FNV-1a hash of the seed). */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Integer in [min, max], both included. */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent stream derived from this seed and a label (stable whatever else is drawn). */
  fork(label: string): Random;
}

function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function createRandom(seed: string | number): Random {
  const label = String(seed);
  let state = hashSeed(label);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)] as (typeof items)[number];
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
    fork: (sub) => createRandom(`${label}/${sub}`),
  };
}

// ---------------------------------------------------------------------------------------------
// Content shapes (the same fields as content/*.json and the articles' frontmatter)

export type { EventRecord, OutletRecord };

/** An article's frontmatter, as ingest writes it; a generated article has no capture behind it. */
export type ArticleFrontmatter = Omit<ArticleFields, 'source'> & { source: string | null };

/** A real article: its id (file name), frontmatter fields and Markdown body. */
export interface BaseArticle extends ArticleFrontmatter {
  id: string;
  body: string;
}

export interface GeneratedArticle {
  id: string;
  frontmatter: ArticleFrontmatter;
  /** Markdown body: paragraphs and `## ` headings separated by blank lines. */
  body: string;
  /** Real article whose text this one is built on. */
  basedOn: string;
}

export interface BenchCorpus {
  articles: GeneratedArticle[];
  outlets: OutletRecord[];
  events: EventRecord[];
  /** What the generator did to the quotations it copied (for tests and the report). */
  stats: { quotes: number; fragments: number; reworded: number; inserted: number };
}

export interface BaseContent {
  articles: readonly BaseArticle[];
  outlets: readonly OutletRecord[];
  events: readonly EventRecord[];
}

export interface CorpusOptions {
  /** Number of articles. */
  size: number;
  seed: string | number;
  /** Mean articles per event (events grow with N, so each event stays the size of real coverage). Default 8. */
  articlesPerEvent?: number;
  /** Most outlets (the real ones included). Default 60. */
  maxOutlets?: number;
  /** Share of copied quotations cut down to a fragment. Default 0.12. */
  fragmentRate?: number;
  /** Share of copied quotations with a word changed or dropped. Default 0.12. */
  rewordRate?: number;
}

// ---------------------------------------------------------------------------------------------
// Reading and writing article files

/**
 * Parses an article file's frontmatter (top-level scalars: bare, "double-quoted" as JSON, or
 * 'single-quoted') and body. Nested lists such as `quotes:` overrides are skipped: a recombined
 * text would not contain the quotes they name.
 */
export function parseArticleFile(id: string, source: string): BaseArticle {
  const file = readFrontmatter(source);
  if (!file) throw new Error(`${id}: no frontmatter`);
  const fields = file.fields;
  const need = (name: string): string => {
    const value = fields[name];
    if (typeof value !== 'string' || !value) throw new Error(`${id}: frontmatter field "${name}" missing`);
    return value;
  };
  const optional = (name: string): { [key: string]: string } => {
    const value = fields[name];
    return typeof value === 'string' && value ? { [name]: value } : {};
  };
  return {
    id,
    title: need('title'),
    ...optional('dek'),
    outlet: need('outlet'),
    ...optional('byline'),
    ...optional('dateline'),
    published: need('published'),
    event: need('event'),
    source: typeof fields.source === 'string' ? fields.source : null,
    body: file.body.replace(/^\s+/, ''),
  };
}

/** The article as a content/articles/*.md file (strings as YAML double-quoted scalars, i.e. JSON). */
export function serializeArticle(article: GeneratedArticle): string {
  return writeArticleFile(article.frontmatter, article.body);
}

// ---------------------------------------------------------------------------------------------
// Vocabulary for synthetic names: data, each table with what it is for (names.json's "about")

const { CITIES, STATES, FIRST, SYLLABLES, OUTLET_PLACES, OUTLET_NOUNS, OUTLET_KINDS, EVENT_PATTERNS, RENAMED } =
  names as Omit<typeof names, 'CITIES'> & { CITIES: Array<[string, string]> };
const REWORDINGS: ReadonlyArray<[RegExp, string]> = names.REWORDINGS.map(([source, flags, to]) => [
  new RegExp(source as string, flags),
  to as string,
]);

// ---------------------------------------------------------------------------------------------
// Helpers

const DAY = 86_400_000;
const toDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function syntheticSurname(random: Random): string {
  const word = Array.from({ length: random.between(2, 3) }, () => random.pick(SYLLABLES)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function personName(random: Random): string {
  return `${random.pick(FIRST)} ${syntheticSurname(random)}`;
}

/** A dark, saturated colour that reaches 4.5:1 against white, as content.config.ts asks. */
function outletColor(random: Random): string {
  for (;;) {
    const h = random.next() * 360;
    const s = 0.55 + random.next() * 0.35;
    const l = 0.22 + random.next() * 0.16;
    const c = (1 - Math.abs(2 * l - 1)) * s;
    const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
    const m = l - c / 2;
    const [r, g, b] =
      h < 60
        ? [c, x, 0]
        : h < 120
          ? [x, c, 0]
          : h < 180
            ? [0, c, x]
            : h < 240
              ? [0, x, c]
              : h < 300
                ? [x, 0, c]
                : [c, 0, x];
    const hex = `#${[r, g, b]
      .map((v) =>
        Math.round((v + m) * 255)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
    if (contrastRatio(hex) >= 4.6) return hex;
  }
}

/** Blocks of a Markdown body: paragraphs and headings, separated by blank lines. */
function blocksOf(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
}

const isHeading = (block: string): boolean => block.startsWith('#');
/** Straight and curly double quotes in a block. */
const quoteMarks = (block: string): number => (block.match(/["“”]/g) ?? []).length;
/** A paragraph whose quotations all open and close inside it (safe to move or edit). */
const selfContained = (block: string): boolean =>
  !isHeading(block) &&
  (block.match(/"/g) ?? []).length % 2 === 0 &&
  (block.match(/“/g) ?? []).length === (block.match(/”/g) ?? []).length;
/** A closed quotation inside one paragraph: "…" or “…”. */
const QUOTATION = /"([^"\n]+)"|“([^“”\n]+)”/g;

// ---------------------------------------------------------------------------------------------
// The generator

interface Template {
  event: EventRecord;
  /** Real articles of the event, by id. */
  articles: BaseArticle[];
}

/** Renames and renumbers, consistent within one synthetic event. */
function eventSubstitutions(random: Random): (text: string) => string {
  const names = new Map<string, string>();
  for (const name of RENAMED) names.set(name, syntheticSurname(random));
  const states = new Map<string, string>([
    ['Texas', random.pick(STATES)],
    ['Florida', random.pick(STATES)],
  ]);
  for (const [from, to] of states) names.set(from, to);
  const pattern = new RegExp(
    `\\b(?:${[...names.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})\\b`,
    'g',
  );
  const numbers = new Map<string, string>();
  const renumber = (n: string): string => {
    let out = numbers.get(n);
    if (out === undefined) {
      const value = Number(n);
      out = value <= 2 ? n : String(Math.max(3, Math.round(value * (0.5 + random.next()))));
      numbers.set(n, out);
    }
    return out;
  };
  return (text) =>
    text
      .replace(pattern, (name) => names.get(name) ?? name)
      // 1–3 digit numbers standing alone (not years, not "F-35A", not "G7").
      .replace(/(?<![\w.,-])\d{1,3}(?![\w.,]\d|\w)/g, renumber);
}

/** A contiguous run of a quotation's words, keeping its closing punctuation. */
function fragmentOf(random: Random, inner: string): string | null {
  const words = inner.split(/\s+/).filter(Boolean);
  if (words.length < 7) return null;
  const length = random.between(3, Math.min(8, words.length - 3));
  const start = random.int(words.length - length + 1);
  const tail = /[,.!?]$/.exec(inner)?.[0] ?? '';
  const text = words
    .slice(start, start + length)
    .join(' ')
    .replace(/[,.;:!?]+$/, '');
  return text + tail;
}

/** The quotation with one word changed (a transcription or translation difference) or one short word dropped. */
function rewordingOf(random: Random, inner: string): string | null {
  const applicable = REWORDINGS.filter(([pattern]) => pattern.test(inner));
  if (applicable.length) {
    const [pattern, replacement] = random.pick(applicable);
    return inner.replace(pattern, replacement);
  }
  const words = inner.split(' ');
  const short = words
    .map((w, i) => ({ w, i }))
    .filter(({ w, i }) => i > 0 && i < words.length - 1 && /^[a-z]{1,4}$/.test(w));
  if (!short.length) return null;
  const drop = random.pick(short).i;
  return words.filter((_, i) => i !== drop).join(' ');
}

/** Generates the corpus. Throws if the base has no articles. */
export function generateCorpus(base: BaseContent, options: CorpusOptions): BenchCorpus {
  const size = Math.max(0, Math.floor(options.size));
  const perEvent = options.articlesPerEvent ?? 8;
  const maxOutlets = options.maxOutlets ?? 60;
  const fragmentRate = options.fragmentRate ?? 0.12;
  const rewordRate = options.rewordRate ?? 0.12;
  const root = createRandom(`parallax-bench:${options.seed}`);
  if (base.articles.length === 0) throw new Error('generateCorpus: no base articles');

  // Templates: the real events that have articles, in a stable order.
  const baseArticles = [...base.articles].sort((a, b) => a.id.localeCompare(b.id));
  const templates: Template[] = [...base.events]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((event) => ({
      event,
      articles: baseArticles.filter((a) => a.event === event.id),
    }))
    .filter((t) => t.articles.length > 0);
  if (!templates.length) throw new Error('generateCorpus: no base article belongs to a known event');

  // Outlets: the real ones, then synthetic ones; more coverage, more outlets (≈1.5·√N, capped).
  const outletRandom = root.fork('outlets');
  const outletCount = Math.max(base.outlets.length, Math.min(maxOutlets, Math.ceil(1.5 * Math.sqrt(size))));
  const outlets: OutletRecord[] = base.outlets.map((o) => ({ ...o }));
  const takenOutlets = new Set(outlets.map((o) => o.id));
  while (outlets.length < outletCount) {
    const place = outletRandom.pick(OUTLET_PLACES);
    const noun = outletRandom.pick(OUTLET_NOUNS);
    const name = `The ${place} ${noun}`;
    const id = slugify(`${place}-${noun}`);
    if (takenOutlets.has(id)) continue;
    takenOutlets.add(id);
    outlets.push({
      id,
      name,
      shortName: `${place} ${noun}`,
      kind: outletRandom.pick(OUTLET_KINDS),
      homepage: `https://${id}.example/`,
      color: outletColor(outletRandom),
    });
  }

  // Events: about `perEvent` articles each; sizes vary (2 to ~3× the mean) as real coverage does.
  const eventRandom = root.fork('events');
  const eventCount = size === 0 ? 0 : Math.max(1, Math.ceil(size / perEvent));
  const counts = Array.from({ length: eventCount }, () => Math.min(2, Math.floor(size / eventCount)));
  let left = size - counts.reduce((a, b) => a + b, 0);
  const weights = counts.map(() => 0.3 + eventRandom.next() * 1.7);
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((w / total) * left));
  shares.forEach((s, i) => (counts[i] = (counts[i] as number) + s));
  left -= shares.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % eventCount, left--) counts[i] = (counts[i] as number) + 1;

  const events: EventRecord[] = [];
  const articles: GeneratedArticle[] = [];
  const stats = { quotes: 0, fragments: 0, reworded: 0, inserted: 0 };
  const takenArticles = new Set<string>();

  for (let e = 0; e < eventCount; e++) {
    const random = root.fork(`event-${e}`);
    const template = templates[e % templates.length] as Template;
    const [city, country] = CITIES[(e * 7 + random.int(3)) % CITIES.length] as [string, string];
    const start = dayMs(template.event.start) + (e + 1) * 9 * DAY;
    const length = Math.round((dayMs(template.event.end) - dayMs(template.event.start)) / DAY);
    const startDay = toDay(start);
    const rename = eventSubstitutions(random);
    const event: EventRecord = {
      id: `ev${pad(e + 1, 4)}-${slugify(city)}`,
      title: `${random.pick(EVENT_PATTERNS).replace('{city}', city)}, ${startDay.slice(0, 4)}`,
      start: startDay,
      end: toDay(start + length * DAY),
      place: `${city}, ${country}`,
      summary: rename(template.event.summary),
    };
    events.push(event);

    // Outlets covering the event: different ones while they last.
    const covering = random.shuffle(outlets);
    const pool = template.articles.flatMap((a) =>
      blocksOf(a.body).filter((b) => selfContained(b) && quoteMarks(b) >= 2),
    );
    const n = counts[e] as number;
    for (let j = 0; j < n; j++) {
      const outlet = covering[j % covering.length] as OutletRecord;
      const source = template.articles[(j + e) % template.articles.length] as BaseArticle;
      const titleSource = random.chance(0.5) ? source : random.pick(template.articles);

      // Paragraphs: the source's, a few dropped, plus quote paragraphs from the event's other coverage.
      const own = blocksOf(source.body);
      const blocks = own.filter((b, i) => i === 0 || isHeading(b) || !random.chance(0.15));
      const others = pool.filter((b) => !own.includes(b));
      for (let k = others.length ? random.between(1, 3) : 0; k > 0; k--) {
        blocks.splice(random.between(1, blocks.length), 0, random.pick(others));
        stats.inserted++;
      }
      if (!blocks.some((b) => !isHeading(b))) blocks.push(own.find((b) => !isHeading(b)) ?? 'No text.');

      // Quotations: the same words as the other outlets, but now and then a fragment or a variant.
      const body = blocks
        .map((block) => {
          const text = rename(block);
          if (!selfContained(text)) return text;
          return text.replace(QUOTATION, (whole, straight?: string, curly?: string) => {
            const inner = straight ?? curly ?? '';
            stats.quotes++;
            const roll = random.next();
            let changed: string | null = null;
            if (roll < fragmentRate) {
              changed = fragmentOf(random, inner);
              if (changed) stats.fragments++;
            } else if (roll < fragmentRate + rewordRate) {
              changed = rewordingOf(random, inner);
              if (changed) stats.reworded++;
            }
            if (!changed) return whole;
            return straight !== undefined ? `"${changed}"` : `“${changed}”`;
          });
        })
        .join('\n\n');

      const published = toDay(start + random.int(length + 2) * DAY);
      const idBase = `${outlet.id}-${event.id}`;
      let id = idBase;
      for (let k = 2; takenArticles.has(id); k++) id = `${idBase}-${k}`;
      takenArticles.add(id);
      const dek = source.dek && random.chance(0.7) ? rename(source.dek) : undefined;
      const dateline = source.dateline || random.chance(0.5) ? city.toUpperCase() : undefined;
      const byline = random.chance(0.75) ? personName(random) : undefined;
      articles.push({
        id,
        basedOn: source.id,
        frontmatter: {
          title: rename(titleSource.title),
          ...(dek ? { dek } : {}),
          outlet: outlet.id,
          ...(byline ? { byline } : {}),
          ...(dateline ? { dateline } : {}),
          published,
          event: event.id,
          source: null,
        },
        body,
      });
    }
  }
  return { articles, outlets, events, stats };
}
