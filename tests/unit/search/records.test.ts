import { describe, expect, it } from 'vitest';
import { buildSearchRecords, hasTopic, paragraphOf, recordWords } from '../../../src/lib/search/records.ts';
import { SOURCE } from './fixtures.ts';

describe('buildSearchRecords', () => {
  const data = buildSearchRecords(SOURCE);

  it('has headline, dek, quote and paragraph records with ids and anchors', () => {
    const records = data.records.filter((r) => r.article === 'quote-patience');
    expect(records.map((r) => [r.id, r.kind, r.anchor ?? null])).toEqual([
      ['quote-patience--title', 'headline', null],
      ['quote-patience--dek', 'headline', null],
      ['quote-patience--q2-1', 'quote', 'q2-1'],
      ['quote-patience--q2-2', 'quote', 'q2-2'],
      ['quote-patience--p1', 'paragraph', 'p1'],
      ['quote-patience--p2', 'paragraph', 'p2'],
      ['quote-patience--p3', 'paragraph', 'p3'],
    ]);
  });

  it('keeps the paragraphs that hold quotes, so body text is searchable in full', () => {
    expect(data.records.find((r) => r.id === 'quote-patience--p2')?.text).toContain(
      'The era of strategic patience is over.',
    );
  });

  it('names the speaker of a quote, and leaves unattributed quotes without one', () => {
    expect(data.records.find((r) => r.id === 'quote-patience--q2-2')?.speaker).toBe('Donald Trump');
    expect(data.records.find((r) => r.id === 'exact-yokota--q1-1')).not.toHaveProperty('speaker');
  });

  it('files a quote under its own topics and a paragraph under those of the quotes it holds', () => {
    const record = (id: string) => data.records.find((r) => r.id === id);
    expect(record('quote-patience--q2-2')?.topics).toEqual(['security']);
    expect(record('quote-patience--p2')?.topics).toEqual(['security']);
    expect(record('exact-yokota--p1')?.topics).toEqual(['abductions']);
    // No quote in it: no topic, even though its article has one.
    expect(record('quote-patience--p1')).not.toHaveProperty('topics');
    expect(record('quote-patience--title')).not.toHaveProperty('topics');
    expect(hasTopic(record('quote-patience--p2')!, 'security')).toBe(true);
    expect(hasTopic(record('quote-patience--p1')!, 'security')).toBe(false);
    expect(hasTopic(record('quote-patience--p1')!, undefined)).toBe(true);
  });

  it('finds a quote by the words of its speaker too', () => {
    const quote = data.records.find((r) => r.id === 'quote-patience--q2-2')!;
    expect(recordWords(quote)).toEqual(expect.arrayContaining(['strategic', 'donald', 'trump']));
  });

  it('keeps article metadata once, in a table, with the topics of its quotes', () => {
    expect(data.articles['quote-patience']).toEqual({
      title: 'Trump talks trade',
      outlet: 'npr',
      outletName: 'NPR',
      published: '2017-11-06',
      event: 'tokyo-2017',
      topics: ['security'],
    });
    expect(data.articles['accents']?.topics).toEqual([]);
    for (const record of data.records) expect(Object.keys(record).sort()).not.toContain('title');
  });

  it('keeps ids unique', () => {
    const ids = data.records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('works without quotes or people', () => {
    const bare = buildSearchRecords({ articles: SOURCE.articles });
    expect(bare.records.some((r) => r.kind === 'quote')).toBe(false);
    expect(bare.records.filter((r) => r.kind === 'paragraph')).toHaveLength(
      SOURCE.articles.reduce((n, a) => n + a.paragraphs.length, 0),
    );
  });
});

describe('paragraphOf', () => {
  it('reads the paragraph from an anchor', () => {
    expect(paragraphOf('p3')).toBe(3);
    expect(paragraphOf('q12-2')).toBe(12);
    expect(paragraphOf(undefined)).toBeNull();
    expect(paragraphOf('speaker-abe')).toBeNull();
  });
});
