import { beforeAll, describe, expect, it } from 'vitest';
import { $$, type ArticleRecord, idsOn, page, type QuoteRecord, readJson, type StatementRecord, text } from './dist.ts';

let articles: ArticleRecord[];
let quotes: QuoteRecord[];
let statements: StatementRecord[];
let articleById: Map<string, ArticleRecord>;

beforeAll(() => {
  articles = readJson<ArticleRecord[]>('articles');
  quotes = readJson<QuoteRecord[]>('quotes');
  statements = readJson<StatementRecord[]>('statements');
  articleById = new Map(articles.map((a) => [a.id, a]));
});

describe('dist/data/quotes.json', () => {
  it('has quotes from every article, with the documented fields', () => {
    expect(new Set(quotes.map((q) => q.article))).toEqual(new Set(articles.map((a) => a.id)));
    for (const quote of quotes) {
      expect(Object.keys(quote).sort()).toEqual(
        [
          'article',
          'earlier',
          'event',
          'id',
          'kind',
          'outlet',
          'speaker',
          'speakerName',
          'speakerListed',
          'speakerConfidence',
          'topicsConfidence',
          'statement',
          'text',
          'topics',
          'url',
        ].sort(),
      );
      expect(['full', 'fragment']).toContain(quote.kind);
      expect(quote.speaker === null).toBe(quote.speakerName === null);
    }
    expect(new Set(quotes.map((q) => q.id)).size).toBe(quotes.length);
  });

  it('says how sure the engine is of each speaker and topic list, and is certain of what an editor overrode', () => {
    for (const quote of quotes)
      for (const confidence of [quote.speakerConfidence, quote.topicsConfidence]) {
        expect(confidence).toBeGreaterThan(0);
        expect(confidence).toBeLessThanOrEqual(1);
      }
    // nikkei-pressure-still-on-2018 overrides the topics of Abe's offer to normalise relations
    const overridden = quotes.find((q) => q.text.startsWith('Japan ... is prepared to settle the unfortunate past'))!;
    expect(overridden.topics).toEqual([]);
    expect(overridden.topicsConfidence).toBe(1);
    // a name right after the quote is surer than a quote no attribution names
    const plain = quotes.find((q) => q.text === 'The era of strategic patience is over.' && q.outlet === 'npr');
    expect(plain?.speakerConfidence).toBeGreaterThan(0.9);
    expect(new Set(quotes.map((q) => q.speakerConfidence)).size).toBeGreaterThan(3);
  });

  it('carries each quote exactly as it stands in its article, at its anchor', () => {
    for (const quote of quotes) {
      const article = articleById.get(quote.article)!;
      expect(quote.outlet).toBe(article.outlet);
      expect(quote.event).toBe(article.event);
      const tree = page(article.url);
      const body = $$('.article-body > p', tree).map(text).join('\n\n');
      // Exact substring of the article text (multi-paragraph quotes keep their paragraph break).
      const parts = quote.text.split('\n\n');
      for (const part of parts) expect(body, quote.id).toContain(part);
      const anchor = decodeURIComponent(quote.url.split('#')[1] ?? '');
      const marked = $$(`.article-body [data-quote="${anchor}"]`, tree).map(text);
      expect(marked.join('\n\n'), quote.id).toBe(quote.text);
      expect(idsOn(tree).has(anchor), quote.id).toBe(true);
    }
  });

  it('describes every marked quote by its speaker, for assistive technology', () => {
    for (const article of articles) {
      const tree = page(article.url);
      const ids = idsOn(tree);
      for (const el of $$('.article-body .quote', tree)) {
        const describedBy = String(el.properties.ariaDescribedBy);
        expect(ids.has(describedBy), `${article.id} ${describedBy}`).toBe(true);
      }
    }
  });
});

describe('earlier remarks in dist/data', () => {
  /** The five articles' quotes the articles report as said before the event (issue 13). */
  const KNOWN: Array<[string, string]> = [
    ['reuters-shoot-missiles-2017', 'samurai'],
    ['reuters-shoot-missiles-2017', 'totally destroy'],
    ['reuters-shoot-missiles-2017', 'rocket man'],
    ['npr-trump-japan-visit-2017', 'disaster.'],
    ['npr-trump-japan-visit-2017', 'meaningless'],
  ];

  it('gives every quote and statement `earlier`, true or false', () => {
    for (const quote of quotes) expect(typeof quote.earlier, quote.id).toBe('boolean');
    for (const statement of statements) expect(typeof statement.earlier, statement.id).toBe('boolean');
  });

  it('marks the five articles’ earlier remarks, and what was said at the summit not', () => {
    for (const [article, text] of KNOWN) {
      const quote = quotes.find((q) => q.article === article && q.text === text);
      expect(quote?.earlier, `${article}: ${text}`).toBe(true);
    }
    const atSummit = quotes.find((q) => q.text === 'We will not stand for that,');
    expect(atSummit?.earlier).toBe(false);
  });

  it('calls a statement earlier exactly when all its quotes are', () => {
    const quoteById = new Map(quotes.map((q) => [q.id, q]));
    for (const s of statements) expect(s.earlier).toBe(s.quotes.every((id) => quoteById.get(id)!.earlier));
  });
});

describe('dist/data/statements.json', () => {
  it('puts every quote in exactly one statement, and agrees with quotes.json', () => {
    const quoteById = new Map(quotes.map((q) => [q.id, q]));
    const seen = new Set<string>();
    for (const statement of statements) {
      expect(statement.quotes.length).toBeGreaterThan(0);
      for (const id of statement.quotes) {
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
        const quote = quoteById.get(id)!;
        expect(quote.statement).toBe(statement.id);
        expect(quote.event).toBe(statement.event);
      }
      const members = statement.quotes.map((id) => quoteById.get(id)!);
      expect(statement.outlets).toEqual([...new Set(members.map((q) => q.outlet))].sort());
      expect([...statement.topics].sort()).toEqual([...new Set(members.flatMap((q) => q.topics))].sort());
      expect(statement.confidence).toBeGreaterThan(0);
      expect(statement.confidence).toBeLessThanOrEqual(1);
    }
    expect(seen.size).toBe(quotes.length);
  });

  it('aligns the statements the outlets share', () => {
    const byText = (fragment: string) => quotes.filter((q) => q.text.toLowerCase().includes(fragment));
    // At least the first edition's outlets (an added article may quote it too).
    const patience = byText('strategic patience').filter((q) => q.event === 'tokyo-2017');
    expect([...new Set(patience.map((q) => q.outlet))]).toEqual(expect.arrayContaining(['npr', 'nikkei', 'reuters']));
    expect(new Set(patience.map((q) => q.statement)).size).toBe(1);
    // 2017's "maximum pressure" and 2018's are different statements.
    const pressure = byText('maximum pressure');
    expect([...new Set(pressure.map((q) => q.event))]).toEqual(
      expect.arrayContaining(['tokyo-2017', 'washington-2018']),
    );
    for (const q of pressure) expect(statements.find((s) => s.id === q.statement)!.event).toBe(q.event);
  });
});
