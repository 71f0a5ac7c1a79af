import type { Element } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import { $, $$, fileFor, page, type QuoteRecord, readJson, type StatementRecord, text } from './dist.ts';

let quotes: QuoteRecord[];
let statements: StatementRecord[];

beforeAll(() => {
  quotes = readJson<QuoteRecord[]>('quotes');
  statements = readJson<StatementRecord[]>('statements');
});
const TOPICS = ['security', 'trade', 'abductees'];

/** The quotes a topic page must show: those of every statement under the topic. */
function quotesOf(topic: string): QuoteRecord[] {
  const ids = new Set(statements.filter((s) => s.topics.includes(topic)).map((s) => s.id));
  return quotes.filter((q) => ids.has(q.statement));
}

function columnOf(cell: Element): string | undefined {
  return cell.properties.dataOutlet as string | undefined;
}

describe.each(TOPICS)('the %s topic page', (topic) => {
  let tree: ReturnType<typeof page>;
  beforeAll(() => {
    tree = page(`/topics/${topic}/`);
  });

  it('shows every quote of the topic exactly once, in its outlet column and its statement row', () => {
    const expected = quotesOf(topic);
    expect(expected.length).toBeGreaterThan(0);
    for (const quote of expected) {
      const shown = $$(`[data-quote="${quote.id}"]`, tree);
      expect(shown, quote.id).toHaveLength(1);
      const row = $(`tr[data-statement="${quote.statement}"]`, tree)!;
      expect(row, quote.statement).toBeTruthy();
      const cell = $$('td', row).find((td) => $(`[data-quote="${quote.id}"]`, td));
      expect(cell, quote.id).toBeTruthy();
      expect(columnOf(cell!)).toBe(quote.outlet);
      expect(text($('blockquote', shown[0]!))).toBe(quote.text);
    }
    expect($$('[data-quote]', tree)).toHaveLength(expected.length);
  });

  it('is a real table: caption, column headers with scope, a header naming each row', () => {
    for (const table of $$('table.comparison', tree)) {
      expect(text($('caption', table))).not.toBe('');
      const heads = $$('thead th', table);
      expect(heads.every((th) => th.properties.scope === 'col')).toBe(true);
      for (const row of $$('tbody tr', table)) {
        // the heading row of the earlier remarks' row group spans the table
        if ($('th[scope="rowgroup"]', row)) {
          expect(Number($('th', row)!.properties.colSpan)).toBe(heads.length);
          continue;
        }
        expect($('th[scope="row"]', row)).toBeTruthy();
        // One cell per outlet column plus the differences column.
        expect($$('td', row)).toHaveLength(heads.length - 1);
      }
    }
  });

  it('says plainly when an outlet did not quote a statement', () => {
    for (const row of $$('tr[data-statement]', tree)) {
      const statement = statements.find((s) => s.id === row.properties.dataStatement)!;
      for (const cell of $$('td[data-outlet]', row)) {
        const quoted = statement.outlets.includes(String(cell.properties.dataOutlet));
        expect(/Not quoted$/.test(text(cell).trim()), String(row.properties.dataStatement)).toBe(!quoted);
        // Each cell names its outlet too, for the stacked phone layout where the headers are out of view.
        const outlet = String(cell.properties.dataOutlet);
        expect(text($('.cell-label', cell)), outlet).toContain(
          text($(`thead th[data-outlet="${outlet}"]`, tree)).trim(),
        );
      }
    }
  });

  it('puts the statements most outlets quoted first, per event and row group', () => {
    for (const group of $$('table.comparison tbody', tree)) {
      const counts = $$('tr[data-statement]', group).map(
        (row) => statements.find((s) => s.id === row.properties.dataStatement)!.outlets.length,
      );
      expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    }
  });

  it('shows earlier remarks apart, after what was said at the event, under "Quoted from earlier remarks"', () => {
    for (const table of $$('table.comparison', tree)) {
      const groups = $$('tbody', table);
      for (const [i, group] of groups.entries()) {
        const heading = $('th[scope="rowgroup"]', group);
        const earlier = heading !== null && heading !== undefined;
        if (earlier) expect(text(heading).trim()).toMatch(/^Quoted from earlier remarks\b/);
        if (earlier) expect(i).toBe(groups.length - 1);
        for (const row of $$('tr[data-statement]', group))
          expect(statements.find((s) => s.id === row.properties.dataStatement)!.earlier, text($('th', row))).toBe(
            earlier,
          );
      }
    }
  });

  it('marks wording differences with <ins>/<del> where versions differ', () => {
    const multi = statements.filter((s) => s.topics.includes(topic) && s.outlets.length > 1);
    if (multi.length === 0) return;
    const diffs = $$('tr[data-statement] td.diffs', tree);
    expect(diffs.some((td) => $('ins, del', td))).toBe(true);
  });

  it('opens with the number of quotes per outlet', () => {
    const numbers = text($('.numbers', tree));
    const expected = quotesOf(topic);
    for (const outlet of new Set(expected.map((q) => q.outlet))) {
      const n = expected.filter((q) => q.outlet === outlet).length;
      expect(numbers).toMatch(new RegExp(`${n} quotes?`));
    }
  });

  it('says whose words they are, speaker by speaker, then the totals', () => {
    const line = text($('.numbers .whose', tree));
    const expected = quotesOf(topic);
    const counts = new Map<string, number>();
    for (const q of expected)
      counts.set(q.speakerName ?? 'Unattributed', (counts.get(q.speakerName ?? 'Unattributed') ?? 0) + 1);
    const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n}`);
    for (const part of parts) expect(line).toContain(part);
    const rows = new Set(expected.map((q) => q.statement)).size;
    expect(line).toMatch(new RegExp(`\\d \\(${expected.length} quotes in ${rows} statements\\)$`));
  });
});

describe('filtered topic views', () => {
  it('exist for every filter link, without JavaScript, and show only matching statements', () => {
    for (const topic of TOPICS) {
      const tree = page(`/topics/${topic}/`);
      for (const link of $$('nav.filter a', tree)) {
        const href = String(link.properties.href);
        expect(fileFor(href), href).not.toBeNull();
        const view = page(href);
        const match = /\/topics\/[^/]+\/(?:([^/]+)\/)?(?:by\/([^/]+)\/)?$/.exec(href)!;
        const [, event, speaker] = match;
        for (const row of $$('tr[data-statement]', view)) {
          const statement = statements.find((s) => s.id === row.properties.dataStatement)!;
          if (event && event !== 'by') expect(statement.event).toBe(event);
          if (speaker) expect(statement.speaker ?? 'unattributed').toBe(speaker);
        }
      }
    }
  });
});

describe('the event page', () => {
  it('lists the earlier remarks the articles quoted in their own row group, apart from what was said at the event', () => {
    const tree = page('/events/tokyo-2017/');
    const [table] = $$('table.comparison', tree);
    expect(table).toBeTruthy();
    const groups = $$('tbody', table!);
    const earlierGroup = groups.at(-1)!;
    expect(text($('th[scope="rowgroup"]', earlierGroup)).trim()).toMatch(/^Quoted from earlier remarks\b/);
    const shownEarlier = new Set(
      $$('tr[data-statement]', earlierGroup).map((row) => String(row.properties.dataStatement)),
    );
    const wanted = statements.filter((s) => s.event === 'tokyo-2017' && s.earlier).map((s) => s.id);
    expect(wanted.length).toBeGreaterThan(0);
    expect([...shownEarlier].sort()).toEqual([...wanted].sort());
    // "samurai" and "rocket man" are among them, and not among the rows of the event itself
    for (const words of ['samurai', 'rocket man']) {
      const quote = quotes.find((q) => q.text === words)!;
      expect(shownEarlier.has(quote.statement), words).toBe(true);
      for (const group of groups.slice(0, -1))
        expect($$('tr[data-statement]', group).map((r) => r.properties.dataStatement)).not.toContain(quote.statement);
    }
  });
});
