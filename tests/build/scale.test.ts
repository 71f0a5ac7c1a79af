/**
 * Topic pages at a larger scale than the first edition: a synthetic corpus of many events
 * (src/bench/corpus.ts, the benchmark's generator) built in a throwaway copy. A view
 * across all events must stay bounded (the newest events in full, the rest as links) while
 * every quote of a topic is still shown, exactly once, on its event's view.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, readBaseContent, writeCorpusProject } from '../../src/cli/project-copy.ts';
import { generateCorpus } from '../../src/bench/corpus.ts';
import { plural } from '../../src/lib/words.ts';
import { EVENTS_PER_VIEW, ROWS_PER_EVENT } from '../../src/lib/compare.ts';
import { $, $$, idsOn, type QuoteRecord, type StatementRecord, text } from './dist.ts';

const ARTICLES = 160;
let dir = '';

/** The built page at a URL path of the copy (its base is "/"). */
function page(urlPath: string): Root {
  const file = join(dir, 'dist', urlPath, 'index.html');
  if (!existsSync(file)) throw new Error(`no page at ${urlPath}`);
  return fromHtml(readFileSync(file, 'utf8'));
}
const json = <T>(name: string): T => JSON.parse(readFileSync(join(dir, 'dist/data', `${name}.json`), 'utf8')) as T;

beforeAll(async () => {
  const corpus = generateCorpus(readBaseContent().corpusBase, { size: ARTICLES, seed: 'scale-test' });
  dir = writeCorpusProject(corpus, 'parallax-scale-');
  const { status, output } = await astroBuild(dir);
  if (status !== 0) throw new Error(`build of ${ARTICLES} articles failed:\n${output}`);
}, 320_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`topic pages over ${ARTICLES} synthetic articles`, () => {
  const topics = ['security', 'trade', 'abductees'];

  it.each(topics)('%s: the view across events shows the newest events in full and lists the rest', (topic) => {
    const statements = json<StatementRecord[]>('statements').filter((s) => s.topics.includes(topic));
    const allEvents = JSON.parse(readFileSync(join(dir, 'content/events.json'), 'utf8')) as { id: string }[];
    const events = allEvents.filter((e) => statements.some((s) => s.event === e.id));
    expect(events.length, 'the corpus should have more events than one view shows').toBeGreaterThan(EVENTS_PER_VIEW);
    const tree = page(`/topics/${topic}/`);
    const tables = $$('table', tree);
    expect(tables).toHaveLength(EVENTS_PER_VIEW);
    for (const table of tables)
      expect($$('tbody tr[data-statement]', table).length).toBeLessThanOrEqual(ROWS_PER_EVENT);
    // Every other event is one link away, from a list the filter bar points to.
    const earlier = $('#earlier-events', tree);
    expect(earlier, 'an "Earlier events" heading').toBeTruthy();
    const listed = $$('.earlier a', tree).map((a) => String(a.properties.href));
    const shownEvents = $$('section[aria-labelledby^="event-"]', tree).map((s) =>
      String(s.properties.ariaLabelledBy).replace(/^event-/, ''),
    );
    expect(shownEvents).toHaveLength(EVENTS_PER_VIEW);
    for (const event of events) {
      const inline = shownEvents.includes(event.id);
      expect(inline || listed.includes(`/topics/${topic}/${event.id}/`), event.id).toBe(true);
    }
    expect(shownEvents.length + listed.length).toBe(events.length);
    // The numbers at the top count the whole topic, not just the events shown.
    const quotes = statements.reduce((n, s) => n + s.quotes.length, 0);
    expect(text($('.whose', tree))).toContain(
      `(${plural(quotes, 'quote')} in ${plural(statements.length, 'statement')}`,
    );
  });

  it.each(topics)('%s: every quote appears exactly once on its event view, which links few events', (topic) => {
    const statements = json<StatementRecord[]>('statements').filter((s) => s.topics.includes(topic));
    const quotes = json<QuoteRecord[]>('quotes');
    const ids = new Set(statements.map((s) => s.id));
    const byEvent = Map.groupBy(
      quotes.filter((q) => ids.has(q.statement)),
      (q) => q.event,
    );
    const earlierEvents = idsOn(page(`/topics/${topic}/`)).has('earlier-events');
    for (const [event, list] of byEvent) {
      const tree = page(`/topics/${topic}/${event}/`);
      // one pass over the page's quotes, not one query per quote
      const shown = Map.groupBy($$('[data-quote]', tree), (el) => String(el.properties.dataQuote));
      for (const quote of list) expect(shown.get(quote.id), quote.id).toHaveLength(1);
      expect(shown.size).toBe(list.length);
      const eventLinks = $$('nav[aria-label="Filter by event"] a', tree);
      // "All events", the newest events, this one, and one link to the rest.
      expect(eventLinks.length).toBeLessThanOrEqual(EVENTS_PER_VIEW + 3);
      const more = eventLinks.find((a) => String(a.properties.href).endsWith('#earlier-events'));
      if (more) expect(earlierEvents).toBe(true);
    }
  });

  it('keeps every topic page small enough to read, whatever the archive holds', () => {
    // Bounded by EVENTS_PER_VIEW × ROWS_PER_EVENT rows plus one link per event: security, the
    // largest, measures about 65 kB per event table on this corpus (388 kB in all). A page that
    // listed the whole archive would be several times this.
    for (const topic of topics) {
      const size = statSync(join(dir, 'dist/topics', topic, 'index.html')).size;
      expect(size, topic).toBeLessThan(EVENTS_PER_VIEW * 75_000);
    }
  });
});
