/**
 * The site's whole content, loaded once per build: the collections, validated across
 * each other (what zod cannot see), and the quote engine's findings over every article.
 * Pages read from here; nothing below src/lib knows about Astro.
 */
import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import { isCalendarDate } from '../lib/dates.ts';
import { readFrontmatter } from '../lib/frontmatter.ts';
import type { EventRecord } from '../lib/ingest.ts';
import { paragraphsFromMarkdown } from '../lib/markdown.ts';
import { buildQuoteCorpus, type Speaker } from '../lib/quotes/index.ts';
import type { Paragraph, Person, Quote, Statement, TopicDefinition } from '../lib/quotes/types.ts';

export interface Outlet {
  id: string;
  name: string;
  shortName: string;
  kind: string;
  homepage?: string | undefined;
  color: string;
}

export type Event = EventRecord;

export interface Article {
  id: string;
  title: string;
  dek?: string | undefined;
  outlet: Outlet;
  byline?: string | undefined;
  dateline?: string | undefined;
  published: string;
  event: Event;
  source: string | null;
  paragraphs: Paragraph[];
}

export interface Corpus {
  articles: Article[];
  outlets: Outlet[];
  events: Event[];
  topics: TopicDefinition[];
  /** Everyone quoted or listed: content/people.json, then the people the articles name (`listed: false`). */
  people: Speaker[];
  quotes: Quote[];
  statements: Statement[];
  article(id: string): Article;
  outlet(id: string): Outlet;
  event(id: string): Event;
  topic(id: string): TopicDefinition;
  person(id: string): Speaker;
  quote(id: string): Quote;
  statement(id: string): Statement;
}

/** A content error: names the file and the field, and stops the build. */
export class ContentError extends Error {
  constructor(file: string, field: string, problem: string) {
    super(`${file}: field "${field}": ${problem}`);
    this.name = 'ContentError';
  }
}

let corpus: Promise<Corpus> | undefined;

/** The corpus, computed on first use and shared by every page of the build. */
export function getCorpus(): Promise<Corpus> {
  corpus ??= loadCorpus();
  return corpus;
}

function indexBy<T extends { id: string }>(items: T[], what: string): (id: string) => T {
  const map = new Map(items.map((item) => [item.id, item]));
  return (id) => {
    const found = map.get(id);
    if (!found) throw new Error(`unknown ${what} "${id}"`);
    return found;
  };
}

async function loadCorpus(): Promise<Corpus> {
  const outlets: Outlet[] = (await getCollection('outlets')).map(({ id, data }) => ({ id, ...data }));
  const events: Event[] = (await getCollection('events')).map(({ id, data }) => ({ id, ...data }));
  const topics: TopicDefinition[] = (await getCollection('topics')).map(({ id, data }) => ({ id, ...data }));
  const people: Person[] = (await getCollection('people')).map(({ id, data }) => ({ id, ...data }));
  const smallTalk = (await getCollection('vocabulary')).find((v) => v.id === 'small-talk');
  if (!smallTalk) throw new ContentError('content/vocabulary.json', 'small-talk', 'the small-talk list is missing');
  const outletIds = new Set(outlets.map((o) => o.id));
  const eventIds = new Set(events.map((e) => e.id));
  const outlet = indexBy(outlets, 'outlet');
  const event = indexBy(events, 'event');

  const entries = await getCollection('articles');
  const articles: Article[] = [];
  const overrides: Record<string, NonNullable<(typeof entries)[number]['data']['quotes']>> = {};
  for (const entry of entries) {
    const file = entry.filePath ?? `content/articles/${entry.id}.md`;
    const { data } = entry;
    const known = (ids: Set<string>) => [...ids].sort().join(', ');
    if (!outletIds.has(data.outlet.id))
      throw new ContentError(file, 'outlet', `unknown outlet "${data.outlet.id}" (known: ${known(outletIds)})`);
    if (!eventIds.has(data.event.id))
      throw new ContentError(file, 'event', `unknown event "${data.event.id}" (known: ${known(eventIds)})`);
    checkRawDate(file, 'published');
    const paragraphs = paragraphsFromMarkdown(entry.body ?? '');
    if (paragraphs.length === 0) throw new ContentError(file, 'body', 'the article has no paragraphs of text');
    // overrides are checked by the engine, which alone knows the quotes (src/lib/quotes/overrides.ts)
    overrides[entry.id] = data.quotes;
    articles.push({
      id: entry.id,
      title: data.title,
      dek: data.dek,
      outlet: outlet(data.outlet.id),
      byline: data.byline,
      dateline: data.dateline,
      published: data.published,
      event: event(data.event.id),
      source: data.source,
      paragraphs,
    });
  }
  // Newest event first, then newest article, then headline: the order every list uses.
  articles.sort(
    (a, b) =>
      b.event.start.localeCompare(a.event.start) ||
      b.published.localeCompare(a.published) ||
      a.title.localeCompare(b.title),
  );
  events.sort((a, b) => b.start.localeCompare(a.start));

  let engine: { quotes: Quote[]; statements: Statement[]; speakers: Speaker[] };
  try {
    engine = buildQuoteCorpus(
      articles.map((a) => ({
        id: a.id,
        outlet: a.outlet.id,
        event: a.event.id,
        title: a.title,
        paragraphs: a.paragraphs,
        published: a.published,
        eventDates: { start: a.event.start, end: a.event.end },
      })),
      people,
      topics,
      overrides,
      smallTalk.data.terms,
    );
  } catch (error) {
    // The engine names the article id and the quote; point the editor at the file.
    const message = (error as Error).message;
    const culprit = entries.find((e) => message.includes(e.id));
    throw new Error(culprit?.filePath ? `${culprit.filePath}: ${message}` : message, { cause: error });
  }
  return {
    articles,
    outlets,
    events,
    topics,
    people: engine.speakers,
    quotes: engine.quotes,
    statements: engine.statements,
    article: indexBy(articles, 'article'),
    outlet,
    event,
    topic: indexBy(topics, 'topic'),
    person: indexBy(engine.speakers, 'person'),
    quote: indexBy(engine.quotes, 'quote'),
    statement: indexBy(engine.statements, 'statement'),
  };
}

/**
 * YAML silently rolls an impossible unquoted date (2017-02-30) over into March, so the
 * schema never sees it: read the line as the editor wrote it.
 */
function checkRawDate(file: string, field: string): void {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    return; // not on disk (a loader other than glob): the schema's check is all we have
  }
  const written = readFrontmatter(raw)?.fields[field];
  if (typeof written === 'string' && !isCalendarDate(written))
    throw new ContentError(file, field, `"${written}" is not a real calendar date written YYYY-MM-DD`);
}
