import { readFrontmatter } from '../frontmatter.ts';
import { paragraphsFromMarkdown } from '../markdown.ts';
import { nameKey } from './names.ts';
import type { ArticleText, Person, Quote, QuoteKind } from './types.ts';

/** One hand-labelled quotation (tests/fixtures/quotes/gold.json). */
export interface GoldQuote {
  article: string;
  /** Exactly the text between the marks (multi-paragraph: parts joined by a blank line). */
  text: string;
  /**
   * A listed person's id (content/people.json or the set's people.json); for someone the article names
   * who is not listed, their full name as printed ("Sakie Yokota"); null when the article names nobody.
   */
  speaker: string | null;
  topics: string[];
  kind: QuoteKind;
  /** Quotes with the same group report the same utterance. */
  group: string;
  /** Said before the event, by the article's own account; absent where a set is not labelled for it. */
  earlier?: boolean;
  note?: string;
}

export interface Ratio {
  hit: number;
  total: number;
  /** hit / total; 1 when there is nothing to count. */
  value: number;
}

export interface QuoteScores {
  gold: number;
  predicted: number;
  matched: number;
  extraction: { precision: Ratio; recall: Ratio };
  /**
   * accuracy over matched quotes (null = null counts); precision/recall treat null as abstaining;
   * `listed` and `unlisted`: accuracy over the quotes whose true speaker is / is not in people.json;
   * `unlistedToListed`: quotes of an unlisted speaker given to a listed person.
   */
  speaker: {
    accuracy: Ratio;
    precision: Ratio;
    recall: Ratio;
    listed: Ratio;
    unlisted: Ratio;
    unlistedToListed: number;
  };
  /** exact set match over matched quotes, plus micro precision/recall over (quote, topic) pairs. */
  topics: { exact: Ratio; precision: Ratio; recall: Ratio };
  kind: { accuracy: Ratio };
  /** Over pairs of matched quotes: same statement (predicted) vs same group (gold). */
  alignment: { precision: Ratio; recall: Ratio };
  /** Earlier remarks, over the matched quotes whose gold says `earlier` (none: every ratio 0/0). */
  earlier: { accuracy: Ratio; precision: Ratio; recall: Ratio };
  /** Human-readable disagreements, for --verbose. */
  errors: string[];
}

function ratio(hit: number, total: number): Ratio {
  return { hit, total, value: total === 0 ? 1 : hit / total };
}

/** What scoring reads of a quote: the engine's, or a second annotator's labels (labelsAsQuotes). */
export type ScoredQuote = Pick<
  Quote,
  'id' | 'article' | 'anchor' | 'text' | 'speaker' | 'attribution' | 'topics' | 'kind' | 'statement'
> &
  Partial<Pick<Quote, 'earlier' | 'earlierCue'>>;

/**
 * A second annotator's labels in the engine's shape, so scoreQuotes measures how far two people
 * agree with the same arithmetic it uses for the engine: a group is a statement, and there is no
 * attribution method to report.
 */
export function labelsAsQuotes(labels: GoldQuote[]): ScoredQuote[] {
  return labels.map((l, i) => ({
    id: `${l.article}--label-${i + 1}`,
    article: l.article,
    anchor: `label-${i + 1}`,
    text: l.text,
    speaker: l.speaker,
    attribution: 'none',
    topics: l.topics,
    kind: l.kind,
    statement: `${l.group}`,
    ...(l.earlier === undefined ? {} : { earlier: l.earlier }),
  }));
}

/**
 * Whether the engine's speaker is the gold one: the same id, or — for a gold speaker given by name —
 * a found person of that name (folded: accents, honorifics, initials; or one name holding the other's words).
 */
export function sameSpeaker(
  engine: string | null,
  gold: string | null,
  listed: Set<string>,
  names: Map<string, string>,
): boolean {
  if (engine === gold) return true;
  if (engine === null || gold === null || listed.has(gold) || listed.has(engine)) return false;
  if (nameKey(names.get(engine) ?? engine) === nameKey(gold)) return true;
  const a = nameKey(names.get(engine) ?? engine).split(' ');
  const b = nameKey(gold).split(' ');
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length > 1 && short.every((w) => long.includes(w));
}

/**
 * Scores the engine's corpus against gold labels. Quotes match on article id and exact text. `people`
 * are the listed people and the people the engine found (`listed: false`), to match speakers by name.
 */
export function scoreQuotes(
  gold: GoldQuote[],
  quotes: ScoredQuote[],
  people: Array<Pick<Person, 'id' | 'name'> & { listed?: boolean }> = [],
): QuoteScores {
  const listedIds = new Set(people.filter((p) => p.listed !== false).map((p) => p.id));
  const names = new Map(people.map((p) => [p.id, p.name]));
  // with no people given, every named gold speaker counts as listed (a second annotator's ids)
  const isListed = (id: string) => people.length === 0 || listedIds.has(id);
  const errors: string[] = [];
  const unused = new Set(quotes);
  const pairs: Array<{ g: GoldQuote; q: ScoredQuote }> = [];
  for (const g of gold) {
    const q = [...unused].find((x) => x.article === g.article && x.text === g.text);
    if (q === undefined) {
      errors.push(`missed   ${g.article}: "${short(g.text)}"`);
      continue;
    }
    unused.delete(q);
    pairs.push({ g, q });
  }
  for (const q of unused) errors.push(`extra    ${q.article} ${q.anchor}: "${short(q.text)}"`);

  let listedRight = 0;
  let listedTotal = 0;
  let unlistedRight = 0;
  let unlistedTotal = 0;
  let unlistedToListed = 0;
  let speakerRight = 0;
  let speakerNamed = 0;
  let speakerNamedRight = 0;
  let goldNamed = 0;
  let topicExact = 0;
  let topicHit = 0;
  let topicPredicted = 0;
  let topicGold = 0;
  let kindRight = 0;
  const earlier = { right: 0, labelled: 0, predicted: 0, gold: 0, both: 0 };
  for (const { g, q } of pairs) {
    const where = `${q.article} ${q.anchor} "${short(q.text)}"`;
    const right = sameSpeaker(q.speaker, g.speaker, listedIds, names);
    if (right) speakerRight += 1;
    else errors.push(`speaker  ${where}: ${q.speaker} (${q.attribution}), gold ${g.speaker}`);
    if (q.speaker !== null) speakerNamed += 1;
    if (q.speaker !== null && right) speakerNamedRight += 1;
    if (g.speaker !== null && isListed(g.speaker)) {
      listedTotal += 1;
      if (right) listedRight += 1;
    } else if (g.speaker !== null) {
      unlistedTotal += 1;
      if (right) unlistedRight += 1;
      if (q.speaker !== null && isListed(q.speaker)) unlistedToListed += 1;
    }
    if (g.speaker !== null) goldNamed += 1;
    const predicted = new Set(q.topics);
    const wanted = new Set(g.topics);
    const hits = [...predicted].filter((t) => wanted.has(t)).length;
    topicHit += hits;
    topicPredicted += predicted.size;
    topicGold += wanted.size;
    if (hits === predicted.size && hits === wanted.size) topicExact += 1;
    else errors.push(`topics   ${where}: [${[...predicted]}], gold [${[...wanted]}]`);
    if (q.kind === g.kind) kindRight += 1;
    else errors.push(`kind     ${where}: ${q.kind}, gold ${g.kind}`);
    if (g.earlier !== undefined) {
      const said = q.earlier === true;
      earlier.labelled += 1;
      if (said === g.earlier) earlier.right += 1;
      else errors.push(`earlier  ${where}: ${said}${q.earlierCue ? ` ("${q.earlierCue}")` : ''}, gold ${g.earlier}`);
      if (said) earlier.predicted += 1;
      if (g.earlier) earlier.gold += 1;
      if (said && g.earlier) earlier.both += 1;
    }
  }

  let together = 0;
  let predictedTogether = 0;
  let goldTogether = 0;
  for (const [a, x] of pairs.entries()) {
    for (const y of pairs.slice(a + 1)) {
      const inGold = x.g.group === y.g.group;
      const inEngine = x.q.statement === y.q.statement;
      if (inGold) goldTogether += 1;
      if (inEngine) predictedTogether += 1;
      if (inGold && inEngine) together += 1;
      if (inGold !== inEngine)
        errors.push(
          `${inEngine ? 'aligned ' : 'apart   '} ${x.q.id} "${short(x.q.text, 30)}" / ${y.q.id} "${short(y.q.text, 30)}"`,
        );
    }
  }

  return {
    gold: gold.length,
    predicted: quotes.length,
    matched: pairs.length,
    extraction: { precision: ratio(pairs.length, quotes.length), recall: ratio(pairs.length, gold.length) },
    speaker: {
      accuracy: ratio(speakerRight, pairs.length),
      precision: ratio(speakerNamedRight, speakerNamed),
      recall: ratio(speakerNamedRight, goldNamed),
      listed: ratio(listedRight, listedTotal),
      unlisted: ratio(unlistedRight, unlistedTotal),
      unlistedToListed,
    },
    topics: {
      exact: ratio(topicExact, pairs.length),
      precision: ratio(topicHit, topicPredicted),
      recall: ratio(topicHit, topicGold),
    },
    kind: { accuracy: ratio(kindRight, pairs.length) },
    alignment: { precision: ratio(together, predictedTogether), recall: ratio(together, goldTogether) },
    earlier: {
      accuracy: ratio(earlier.right, earlier.labelled),
      precision: ratio(earlier.both, earlier.predicted),
      recall: ratio(earlier.both, earlier.gold),
    },
    errors,
  };
}

/** The engine's accuracy on the quotes two annotators labelled alike, field by field. */
export interface AgreedScores {
  speaker: Ratio;
  topics: Ratio;
  kind: Ratio;
}

/**
 * Where two annotators (gold and a second labelling of the same quotes) agree on a field, how often
 * the engine gives that same answer: the part of the gold no one disputes. Quotes match on article
 * and exact text; a quote the engine did not find counts as wrong.
 */
export function scoreOnAgreement(gold: GoldQuote[], second: GoldQuote[], quotes: ScoredQuote[]): AgreedScores {
  type Labels = Pick<GoldQuote, 'speaker' | 'topics' | 'kind'>;
  const key = (q: { article: string; text: string }) => `${q.article}\u0000${q.text}`;
  const other = new Map(second.map((l) => [key(l), l]));
  const engine = new Map(quotes.map((q) => [key(q), q]));
  const score = (same: (a: Labels, b: Labels) => boolean): Ratio => {
    let agreed = 0;
    let right = 0;
    for (const g of gold) {
      const b = other.get(key(g));
      if (!b || !same(g, b)) continue;
      agreed += 1;
      const q = engine.get(key(g));
      if (q && same(g, q)) right += 1;
    }
    return ratio(right, agreed);
  };
  return {
    speaker: score((a, b) => a.speaker === b.speaker),
    topics: score((a, b) => a.topics.length === b.topics.length && a.topics.every((t) => b.topics.includes(t))),
    kind: score((a, b) => a.kind === b.kind),
  };
}

/** A ratio as the tables print it: "0.962 (51/53)". */
export function formatRatio(r: Ratio): string {
  return `${r.value.toFixed(3)} (${r.hit}/${r.total})`;
}

/** The scores as a plain-text table, one column per scored corpus. */
export function formatScores(columns: Array<{ label: string; scores: QuoteScores }>): string {
  const rows: Array<[string, (s: QuoteScores) => Ratio]> = [
    ['extraction precision', (s) => s.extraction.precision],
    ['extraction recall', (s) => s.extraction.recall],
    ['speaker accuracy', (s) => s.speaker.accuracy],
    ['speaker precision (null = abstain)', (s) => s.speaker.precision],
    ['speaker recall (null = abstain)', (s) => s.speaker.recall],
    ['speaker accuracy, listed speakers', (s) => s.speaker.listed],
    ['speaker accuracy, unlisted speakers', (s) => s.speaker.unlisted],
    [
      'unlisted speakers given to a listed one',
      (s) => ({
        hit: s.speaker.unlistedToListed,
        total: s.speaker.unlisted.total,
        value: s.speaker.unlisted.total ? s.speaker.unlistedToListed / s.speaker.unlisted.total : 0,
      }),
    ],
    ['topics exact-set accuracy', (s) => s.topics.exact],
    ['topics micro precision', (s) => s.topics.precision],
    ['topics micro recall', (s) => s.topics.recall],
    ['kind accuracy', (s) => s.kind.accuracy],
    ['alignment pair precision', (s) => s.alignment.precision],
    ['alignment pair recall', (s) => s.alignment.recall],
    ['earlier accuracy (labelled quotes)', (s) => s.earlier.accuracy],
    ['earlier precision', (s) => s.earlier.precision],
    ['earlier recall', (s) => s.earlier.recall],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const widths = columns.map((c) =>
    Math.max(c.label.length, ...rows.map(([, get]) => formatRatio(get(c.scores)).length)),
  );
  const line = (name: string, cells: string[]) =>
    `| ${name.padEnd(width)} | ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(
      'metric',
      columns.map((c) => c.label),
    ),
    `|${'-'.repeat(width + 2)}|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    line(
      'quotes (gold / engine / matched)',
      columns.map((c) => `${c.scores.gold} / ${c.scores.predicted} / ${c.scores.matched}`),
    ),
    ...rows.map(([name, get]) =>
      line(
        name,
        columns.map((c) => formatRatio(get(c.scores))),
      ),
    ),
  ].join('\n');
}

/** The main figures with one row per scored corpus (for many corpora: the README's table). */
export function formatScoresByCorpus(columns: Array<{ label: string; scores: QuoteScores }>): string {
  const cell = (r: Ratio) => r.value.toFixed(3);
  const header = [
    'set',
    'quotes',
    'extraction P / R',
    'speaker',
    'listed',
    'unlisted',
    'unlisted → listed',
    'topics',
    'kind',
    'alignment P / R',
    'earlier P / R / acc',
  ];
  const rows = columns.map(({ label, scores: s }) => [
    label,
    String(s.gold),
    `${cell(s.extraction.precision)} / ${cell(s.extraction.recall)}`,
    cell(s.speaker.accuracy),
    s.speaker.listed.total ? cell(s.speaker.listed) : '–',
    s.speaker.unlisted.total ? cell(s.speaker.unlisted) : '–',
    String(s.speaker.unlistedToListed),
    cell(s.topics.exact),
    cell(s.kind.accuracy),
    `${cell(s.alignment.precision)} / ${cell(s.alignment.recall)}`,
    s.earlier.accuracy.total
      ? `${cell(s.earlier.precision)} / ${cell(s.earlier.recall)} / ${cell(s.earlier.accuracy)}`
      : '–',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The engine's view of one Markdown article file. */
export function articleFromMarkdown(id: string, source: string): ArticleText {
  const file = readFrontmatter(source);
  const data = file?.fields ?? {};
  return {
    id,
    outlet: data.outlet ?? '',
    event: data.event ?? '',
    title: data.title ?? '',
    paragraphs: paragraphsFromMarkdown(file?.body ?? source),
    ...(data.published ? { published: data.published } : {}),
  };
}

function short(text: string, max = 50): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
