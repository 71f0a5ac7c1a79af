/**
 * What the search page downloads: one record per searchable passage (headline, dek,
 * quote, body paragraph) and one small table of article metadata the records point into.
 */
import { fold, wordsOf } from './text.ts';
import { quoteId } from '../quotes/ids.ts';

/** Which part of an article a record holds; decides its weight and how it is shown. */
export type RecordKind = 'headline' | 'heading' | 'quote' | 'paragraph';

/** One searchable passage. */
export interface SearchRecord {
  /** Unique: "<article>--title", "<article>--dek", "<article>--h3" (the heading over p3), "<article>--p3", "<article>--q3-1". */
  id: string;
  /** Article id (a key of SearchData.articles). */
  article: string;
  /**
   * In-page anchor to link to: a paragraph id ("p3"; for a section heading, its first paragraph's)
   * or a quote anchor ("q3-1"); absent for the headline and dek.
   */
  anchor?: string;
  kind: RecordKind;
  /** Plain text as the reader sees it (a multi-paragraph quote keeps its "\n\n"). */
  text: string;
  /** For quotes: the speaker's display name, when the quote is attributed. Searchable, so a name finds its quotes. */
  speaker?: string;
  /**
   * Topics the passage is filed under, for the topic filter: a quote's own; a paragraph's are
   * those of the quotes it holds. Absent when none (headlines and paragraphs without quotes).
   */
  topics?: string[];
}

/** The metadata a result shows for its article, stored once instead of on every record. */
export interface SearchArticle {
  title: string;
  outlet: string;
  outletName: string;
  /** YYYY-MM-DD. */
  published: string;
  event: string;
  /** Union of its quotes' topic ids, sorted. */
  topics: string[];
}

export interface SearchData {
  /** Article id → metadata, in the corpus's order (the tie-break order of results). */
  articles: Record<string, SearchArticle>;
  records: SearchRecord[];
}

/** The parts of a corpus article the records need. */
export interface SearchSourceArticle {
  id: string;
  title: string;
  dek?: string | undefined;
  outlet: { id: string; name: string };
  published: string;
  event: { id: string };
  /** Body paragraphs in reading order, each with the section heading it stands under, if any. */
  paragraphs: ReadonlyArray<{ id: string; text: string; heading?: string | null }>;
}

/** The parts of a corpus quote the records need. */
export interface SearchSourceQuote {
  article: string;
  anchor: string;
  text: string;
  speaker: string | null;
  topics: readonly string[];
}

export interface SearchSource {
  articles: readonly SearchSourceArticle[];
  quotes?: readonly SearchSourceQuote[];
  people?: ReadonlyArray<{ id: string; name: string }>;
}

/**
 * Records for every headline, dek, quote and paragraph, article by article in the input's
 * order. Paragraphs that hold quotes keep their own record, so body text is searchable in full.
 */
export function buildSearchRecords(source: SearchSource): SearchData {
  const names = new Map((source.people ?? []).map((p) => [p.id, p.name]));
  const quotesByArticle = new Map<string, SearchSourceQuote[]>();
  for (const quote of source.quotes ?? []) {
    const list = quotesByArticle.get(quote.article) ?? [];
    list.push(quote);
    quotesByArticle.set(quote.article, list);
  }

  const articles: Record<string, SearchArticle> = {};
  const records: SearchRecord[] = [];
  for (const article of source.articles) {
    const quotes = quotesByArticle.get(article.id) ?? [];
    articles[article.id] = {
      title: article.title,
      outlet: article.outlet.id,
      outletName: article.outlet.name,
      published: article.published,
      event: article.event.id,
      topics: [...new Set(quotes.flatMap((q) => q.topics))].sort(),
    };
    records.push({ id: `${article.id}--title`, article: article.id, kind: 'headline', text: article.title });
    if (article.dek)
      records.push({ id: `${article.id}--dek`, article: article.id, kind: 'headline', text: article.dek });
    // A paragraph is about what the quotes it holds are about.
    const paragraphTopics = new Map<string, Set<string>>();
    for (const quote of quotes) {
      const speaker = quote.speaker ? (names.get(quote.speaker) ?? quote.speaker) : undefined;
      records.push({
        id: quoteId(article.id, quote.anchor),
        article: article.id,
        anchor: quote.anchor,
        kind: 'quote',
        text: quote.text,
        ...(speaker ? { speaker } : {}),
        ...topicsField(quote.topics),
      });
      const n = paragraphOf(quote.anchor);
      if (n === null) continue;
      const set = paragraphTopics.get(`p${n}`) ?? new Set<string>();
      for (const topic of quote.topics) set.add(topic);
      paragraphTopics.set(`p${n}`, set);
    }
    let section: string | null = null;
    for (const paragraph of article.paragraphs) {
      // A section heading is searchable ("ABDUCTEES"), linked to the first paragraph under it.
      if (paragraph.heading && paragraph.heading !== section)
        records.push({
          id: `${article.id}--h${paragraphOf(paragraph.id) ?? paragraph.id}`,
          article: article.id,
          anchor: paragraph.id,
          kind: 'heading',
          text: paragraph.heading,
        });
      section = paragraph.heading ?? null;
      records.push({
        id: `${article.id}--${paragraph.id}`,
        article: article.id,
        anchor: paragraph.id,
        kind: 'paragraph',
        text: paragraph.text,
        ...topicsField(paragraphTopics.get(paragraph.id) ?? []),
      });
    }
  }
  return { articles, records };
}

const topicsField = (topics: Iterable<string>): { topics?: string[] } => {
  const list = [...new Set(topics)].sort();
  return list.length ? { topics: list } : {};
};

/** Whether a record is filed under the topic (no topic: every record is). */
export function hasTopic(record: SearchRecord, topic: string | undefined): boolean {
  return !topic || !!record.topics?.includes(topic);
}

/** The words a record is found by (folded, two characters or more, each once): its text's and its speaker's. */
export function recordWords(record: SearchRecord): string[] {
  return indexWords(record.speaker ? `${record.text}\n${record.speaker}` : record.text);
}

/** The words of a text the index holds (folded, two characters or more, each once). */
export function indexWords(text: string): string[] {
  return [...new Set(wordsOf(fold(text)).map((w) => w.text))].filter((w) => w.length >= 2);
}

/** Paragraph number a record's anchor points into: "p3" → 3, "q3-1" → 3, none → null. */
export function paragraphOf(anchor: string | undefined): number | null {
  const match = anchor ? /^[pq](\d+)(?:-\d+)?$/.exec(anchor) : null;
  return match ? Number(match[1]) : null;
}
