/** A small made-up corpus for the search tests: each article isolates one ranking rule. */
import { buildSearchRecords } from '../../../src/lib/search/records.ts';
import type { SearchData, SearchSource, SearchSourceArticle } from '../../../src/lib/search/records.ts';

const outlets = {
  npr: { id: 'npr', name: 'NPR' },
  nikkei: { id: 'nikkei', name: 'Nikkei Asian Review' },
  reuters: { id: 'reuters', name: 'Reuters' },
};

/** A source article: paragraphs (text, or text under a section heading) get ids p1, p2…; the date follows the event. */
export function article(
  id: string,
  title: string,
  outlet: keyof typeof outlets,
  event: string,
  paragraphs: Array<string | { text: string; heading?: string }>,
  dek?: string,
): SearchSourceArticle {
  return {
    id,
    title,
    dek,
    outlet: outlets[outlet],
    published: event === 'tokyo-2017' ? '2017-11-06' : '2018-06-07',
    event: { id: event },
    paragraphs: paragraphs.map((p, i) => ({ id: `p${i + 1}`, ...(typeof p === 'string' ? { text: p } : p) })),
  };
}

export const SOURCE: SearchSource = {
  articles: [
    // Listed first so that corpus order never explains a ranking the tests expect.
    article('typo-yokota', 'Families meet the president', 'npr', 'tokyo-2017', [
      'The families of Megumi Yokata spoke to reporters.',
    ]),
    article('exact-yokota', 'Abductees remembered', 'reuters', 'tokyo-2017', [
      'Megumi Yokota was abducted in 1977.',
      'Her parents never gave up hope.',
    ]),
    article('body-pressure', 'Leaders meet in Washington', 'nikkei', 'washington-2018', [
      'The campaign of maximum pressure remains, officials said.',
    ]),
    article('headline-pressure', 'Maximum pressure stays on North Korea', 'nikkei', 'washington-2018', [
      'The two leaders met on Thursday.',
    ]),
    article('para-patience', 'Trump in Tokyo', 'reuters', 'tokyo-2017', [
      'Officials repeated that the era of strategic patience is over for the region.',
    ]),
    article(
      'quote-patience',
      'Trump talks trade',
      'npr',
      'tokyo-2017',
      [
        'Some talk of patience that is strategic in nature, and of trade.',
        '"We will not stand for that," Trump said. "The era of strategic patience is over."',
        'Talks on trade went on. Trade was discussed. More trade, trade, trade talks.',
      ],
      'The president tours Asia with a message on trade',
    ),
    article('accents', 'Café talks in Tōkyō', 'nikkei', 'tokyo-2017', [
      'The premier’s aides met at a café near the palace, “quietly”, on Monday.',
    ]),
  ],
  quotes: [
    {
      article: 'quote-patience',
      anchor: 'q2-1',
      text: 'We will not stand for that,',
      speaker: 'trump',
      topics: ['security'],
    },
    {
      article: 'quote-patience',
      anchor: 'q2-2',
      text: 'The era of strategic patience is over.',
      speaker: 'trump',
      topics: ['security'],
    },
    { article: 'exact-yokota', anchor: 'q1-1', text: 'abducted in 1977', speaker: null, topics: ['abductions'] },
  ],
  people: [{ id: 'trump', name: 'Donald Trump' }],
};

export function fixtureSearch(source: SearchSource = SOURCE): { data: SearchData } {
  // Round-trip through JSON, as the browser receives the records.
  return { data: JSON.parse(JSON.stringify(buildSearchRecords(source))) as SearchData };
}
