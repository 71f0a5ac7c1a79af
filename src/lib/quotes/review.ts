/**
 * An editor's review queue: the engine's decisions on a corpus, least confident first, each with the
 * quote in its sentence, the decision, the evidence in plain words and the frontmatter override that
 * settles it (README, "Correcting the engine"). A decision an editor has overridden is certain and
 * never queued.
 */
import { sentenceRanges } from './clauses.ts';
import type { DecisionKind } from './confidence.ts';
import type { ArticleText, Person, Quote, Statement } from './types.ts';

export interface ReviewItem {
  /** The quote id (for a statement: its first quote). */
  quote: string;
  field: DecisionKind;
  /** The decision: a person id or null, a topic list, or the quote ids grouped as one utterance. */
  value: string | null | string[];
  confidence: number;
  /** Why, in plain words. */
  evidence: string;
  /** The lines to paste under `quotes:` in the article's frontmatter, as YAML. */
  override: string;
  article: string;
  /** 1-based body paragraph, as the article page numbers its anchors (#p3). */
  paragraph: number;
  /** The quote's text, and the sentence it stands in (ellipsed past LONG characters). */
  text: string;
  sentence: string;
}

export interface ReviewOptions {
  /** Only decisions on this article's quotes (a statement counts when any of its quotes is there). */
  article?: string;
  /** Only decisions below this confidence (default 1: every decision the engine made itself). */
  below?: number;
  /** At most this many items. */
  limit?: number;
}

const LONG = 240;

/** The queue: decisions below the bar, least confident first (ties in article and paragraph order). */
export function reviewQueue(
  corpus: { quotes: Quote[]; statements: Statement[] },
  articles: ArticleText[],
  people: Array<Pick<Person, 'id' | 'name'>>,
  options: ReviewOptions = {},
): ReviewItem[] {
  const below = options.below ?? 1;
  const byId = new Map(corpus.quotes.map((q) => [q.id, q]));
  const order = new Map(corpus.quotes.map((q, i) => [q.id, i]));
  const articleOf = new Map(articles.map((a) => [a.id, a]));
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const inScope = (q: Quote) => !options.article || q.article === options.article;
  const place = (q: Quote) => {
    const span = q.spans[0]!;
    const paragraph = articleOf.get(q.article)?.paragraphs.find((p) => p.index === span.paragraph);
    const text = paragraph?.text ?? q.text;
    const [a, b] = sentenceRanges(text).find(([x, y]) => x <= span.start - 1 && span.start - 1 < y) ?? [0, text.length];
    const sentence = text.slice(a, b).trim();
    return {
      article: q.article,
      paragraph: span.paragraph,
      text: q.text,
      sentence: sentence.length > LONG ? `${sentence.slice(0, LONG - 1)}…` : sentence,
    };
  };
  const items: Array<ReviewItem & { rank: number }> = [];
  for (const q of corpus.quotes) {
    if (!inScope(q)) continue;
    if (q.speakerConfidence < below)
      items.push({
        quote: q.id,
        field: 'speaker',
        value: q.speaker,
        confidence: q.speakerConfidence,
        evidence: q.speakerEvidence?.because ?? '',
        override: overrideYaml(q.text, `speaker: ${q.speaker ?? 'null'}`, speakerHint(q, nameOf)),
        ...place(q),
        rank: order.get(q.id)!,
      });
    if (q.topicsConfidence < below)
      items.push({
        quote: q.id,
        field: 'topics',
        value: q.topics,
        confidence: q.topicsConfidence,
        evidence: q.topicsEvidence?.because ?? '',
        override: overrideYaml(q.text, `topics: [${q.topics.join(', ')}]`, 'the topic ids that fit; [] for none'),
        ...place(q),
        rank: order.get(q.id)!,
      });
  }
  for (const s of corpus.statements) {
    const members = s.quotes.map((id) => byId.get(id)!);
    const mine = members.find(inScope);
    if (!mine || s.confidence >= below) continue;
    items.push({
      quote: mine.id,
      field: 'statement',
      value: s.quotes,
      confidence: s.confidence,
      evidence: s.evidence.because,
      override: overrideYaml(
        mine.text,
        `statement: ${s.quotes.length > 1 ? s.id : 'alone'}`,
        s.quotes.length > 1
          ? "this statement's id keeps the grouping; 'alone' takes the quote out of it"
          : "'alone' keeps it apart; another statement's id (s-…) joins it to that one",
      ),
      ...place(mine),
      rank: order.get(mine.id)!,
    });
  }
  items.sort((x, y) => x.confidence - y.confidence || x.rank - y.rank || x.field.localeCompare(y.field));
  return items.slice(0, options.limit ?? items.length).map(({ rank: _rank, ...item }) => item);
}

/** `- text: "…"` and the field, with a comment on what else it may say. */
function overrideYaml(text: string, field: string, hint: string): string {
  return `- text: ${JSON.stringify(text.replace(/\s+/g, ' ').trim())}\n  ${field} # ${hint}`;
}

function speakerHint(q: Quote, nameOf: Map<string, string>): string {
  const who = q.speaker ? `${nameOf.get(q.speaker) ?? q.speaker}; ` : '';
  return `${who}a person id of people.json, or null for nobody named`;
}
