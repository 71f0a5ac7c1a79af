import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import ComparisonTable from '../../src/components/ComparisonTable.astro';
import type { Outlet } from '../../src/data/corpus.ts';
import { buildComparison } from '../../src/lib/compare.ts';
import type { Person, Quote, Statement } from '../../src/lib/quotes/types.ts';

const outlets: Outlet[] = [
  { id: 'npr', name: 'NPR', shortName: 'NPR', kind: 'Radio', color: '#b1361e' },
  { id: 'nikkei', name: 'Nikkei Asian Review', shortName: 'Nikkei', kind: 'Daily', color: '#1a5a96' },
  { id: 'reuters', name: 'Reuters', shortName: 'Reuters', kind: 'Agency', color: '#8a4b00' },
];
const people: Person[] = [{ id: 'trump', name: 'Donald Trump', role: 'President', pronoun: 'he', aliases: [] }];

function quote(outlet: string, text: string, statement: string, speaker: string | null = 'trump'): Quote {
  const anchor = `q1-${outlet.length}`;
  return {
    id: `${outlet}-story--${anchor}`,
    article: `${outlet}-story`,
    outlet,
    event: 'tokyo-2017',
    anchor,
    text,
    spans: [{ paragraph: 1, start: 0, end: text.length }],
    kind: 'full',
    utterance: anchor,
    speaker,
    attribution: 'post',
    topics: ['security'],
    statement,
    speakerConfidence: 0.9,
    topicsConfidence: 0.9,
  };
}

const quotes = [
  quote('npr', 'The era of strategic patience is over.', 's-1'),
  quote('reuters', 'era of tactical patience', 's-1'),
  quote('nikkei', '<script>alert(1)</script> & friends', 's-2', null),
];
const statements: Statement[] = [
  {
    id: 's-1',
    event: 'tokyo-2017',
    speaker: 'trump',
    quotes: [quotes[0]!.id, quotes[1]!.id],
    outlets: ['npr', 'reuters'],
    topics: ['security'],
    confidence: 0.9,
    evidence: { keys: ['grouped'], because: 'made by hand' },
  },
  {
    id: 's-2',
    event: 'tokyo-2017',
    speaker: null,
    quotes: [quotes[2]!.id],
    outlets: ['nikkei'],
    topics: ['security'],
    confidence: 0.9,
    evidence: { keys: ['alone'], because: 'made by hand' },
  },
];

/** The table of these statements, rendered and parsed. */
async function renderTable(of: Statement[], from: Quote[], caption: string, idPrefix: string) {
  const container = await AstroContainer.create();
  const html = await container.renderToString(ComparisonTable, {
    props: {
      caption,
      outlets,
      rows: buildComparison(of, (id) => from.find((q) => q.id === id)!, {}),
      person: (id: string) => people.find((p) => p.id === id)!,
      idPrefix,
    },
  });
  return fromHtml(html, { fragment: true });
}

let tree: ReturnType<typeof fromHtml>;
beforeAll(async () => {
  tree = await renderTable(statements, quotes, 'Security at the summit', 't');
});

describe('<ComparisonTable>', () => {
  it('is a captioned table with one scoped column per outlet', () => {
    expect(toString(select('caption', tree)!)).toBe('Security at the summit');
    const cols = selectAll('thead th[scope="col"]', tree).map((th) => toString(th));
    expect(cols).toEqual(['Statement', 'NPR', 'Nikkei Asian Review', 'Reuters', 'How the wording differs']);
  });

  it('lays each statement out in one row, each quote in its outlet’s column', () => {
    const rows = selectAll('tbody tr', tree);
    expect(rows.map((r) => r.properties.dataStatement)).toEqual(['s-1', 's-2']);
    const cells = selectAll('td[data-outlet]', rows[0]!);
    expect(cells.map((c) => c.properties.dataOutlet)).toEqual(['npr', 'nikkei', 'reuters']);
    expect(toString(select('blockquote', cells[0]!)!)).toBe('The era of strategic patience is over.');
    expect(toString(cells[1]!).trim()).toMatch(/^Nikkei Asian Review: Not quoted$/);
    expect(
      select('[data-quote="reuters-story--q1-7"] a[href="/articles/reuters-story/#q1-7"]', cells[2]!),
    ).toBeTruthy();
    expect(select('blockquote[cite="/articles/reuters-story/#q1-7"]', cells[2]!)).toBeTruthy();
    expect(toString(select('th[scope="row"]', rows[0]!)!)).toContain('Donald Trump');
  });

  it('shows the word-level difference with <del> and <ins>', () => {
    const diff = select('tr[data-statement="s-1"] td.diffs', tree)!;
    expect(toString(diff)).toContain('NPR → Reuters');
    expect(
      selectAll('del', diff)
        .map((d) => toString(d))
        .join(' '),
    ).toMatch(/strategic/);
    expect(
      selectAll('ins', diff)
        .map((d) => toString(d))
        .join(' '),
    ).toMatch(/tactical/);
    // What only the fuller version goes on to say is folded, not struck through.
    expect(toString(diff)).toContain('…');
    expect(toString(diff)).not.toMatch(/<del>[^<]*is over/);
  });

  it('prints quote text as text, never as markup', () => {
    const cell = select('tr[data-statement="s-2"] td[data-outlet="nikkei"]', tree)!;
    expect(select('script', cell)).toBeFalsy();
    expect(toString(select('blockquote', cell)!)).toBe('<script>alert(1)</script> & friends');
    expect(toString(select('th[scope="row"]', selectAll('tbody tr', tree)[1]!)!)).toContain('Unattributed');
  });
});

describe('<ComparisonTable> with an earlier remark', () => {
  it('puts it in a row group of its own, after the event’s rows, under "Quoted from earlier remarks"', async () => {
    const earlierQuote = { ...quote('reuters', 'samurai', 's-3'), kind: 'fragment' as const, earlier: true };
    const all = [...quotes, earlierQuote];
    const withEarlier: Statement[] = [
      { ...statements[0]!, earlier: false },
      {
        id: 's-3',
        event: 'tokyo-2017',
        speaker: 'trump',
        quotes: [earlierQuote.id],
        outlets: ['reuters'],
        topics: [],
        earlier: true,
        confidence: 0.9,
        evidence: { keys: ['alone'], because: 'made by hand' },
      },
      { ...statements[1]!, earlier: false },
    ];
    const table = await renderTable(withEarlier, all, 'At the summit', 'e');
    const groups = selectAll('tbody', table);
    expect(groups).toHaveLength(2);
    expect(selectAll('tr[data-statement]', groups[0]!).map((r) => r.properties.dataStatement)).toEqual(['s-1', 's-2']);
    const heading = select('th[scope="rowgroup"]', groups[1]!)!;
    expect(toString(heading)).toMatch(/^Quoted from earlier remarks/);
    expect(heading.properties.colSpan).toBe(5);
    expect(selectAll('tr[data-statement]', groups[1]!).map((r) => r.properties.dataStatement)).toEqual(['s-3']);
  });
});
