/**
 * Are the engine's confidences honest, and do they point an editor at its mistakes? Each decision the
 * engine makes on a labelled set — a quote's speaker, a quote's topics, a statement's grouping — is judged
 * right or wrong against the gold labels; the judged decisions make the calibration table (confidence.ts),
 * the reliability table (confidence bins against how often the decisions in them were right) and the
 * usefulness curve (how many of the wrong decisions an editor finds reviewing the least confident first).
 */
import { append } from './collections.ts';
import { DECISION_KINDS, type DecisionKind } from './confidence.ts';
import { isOverridden } from './overrides.ts';
import { sameSpeaker, type GoldQuote } from './evaluate.ts';
import type { Evidence, Person, Quote, Statement } from './types.ts';

export interface JudgedDecision {
  kind: DecisionKind;
  /** The quote (speaker, topics) or the statement's first quote (statement). */
  quote: string;
  evidence: Evidence;
  confidence: number;
  right: boolean;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The engine's decisions on the quotes gold labels too (matched on article and exact text), each judged.
 * A statement is right when its matched quotes are all of one gold group and no matched quote of that
 * group is elsewhere; a statement none of whose quotes gold labels is not judged.
 */
export function judgeDecisions(
  gold: GoldQuote[],
  corpus: { quotes: Quote[]; statements: Statement[] },
  people: Array<Pick<Person, 'id' | 'name'> & { listed?: boolean }>,
): JudgedDecision[] {
  const listed = new Set(people.filter((p) => p.listed !== false).map((p) => p.id));
  const names = new Map(people.map((p) => [p.id, p.name]));
  const byText = new Map<string, GoldQuote[]>();
  for (const g of gold) append(byText, `${g.article}\u0000${g.text}`, g);
  const goldOf = new Map<string, GoldQuote>();
  for (const q of corpus.quotes) {
    const g = byText.get(`${q.article}\u0000${q.text}`)?.shift();
    if (g) goldOf.set(q.id, g);
  }
  const decisions: JudgedDecision[] = [];
  for (const q of corpus.quotes) {
    const g = goldOf.get(q.id);
    if (!g) continue;
    if (q.speakerEvidence)
      decisions.push({
        kind: 'speaker',
        quote: q.id,
        evidence: q.speakerEvidence,
        confidence: q.speakerConfidence,
        right: sameSpeaker(q.speaker, g.speaker, listed, names),
      });
    if (q.topicsEvidence)
      decisions.push({
        kind: 'topics',
        quote: q.id,
        evidence: q.topicsEvidence,
        confidence: q.topicsConfidence,
        right: sameSet(q.topics, g.topics),
      });
  }
  // where each gold group's matched quotes went
  const statementOf = new Map(corpus.quotes.map((q) => [q.id, q.statement]));
  const homes = new Map<string, Set<string>>();
  for (const [id, g] of goldOf) homes.set(g.group, (homes.get(g.group) ?? new Set()).add(statementOf.get(id)!));
  for (const s of corpus.statements) {
    const groups = new Set(s.quotes.flatMap((id) => (goldOf.has(id) ? [goldOf.get(id)!.group] : [])));
    if (groups.size === 0) continue;
    const [group] = groups;
    decisions.push({
      kind: 'statement',
      quote: s.quotes[0]!,
      evidence: s.evidence,
      confidence: s.confidence,
      right: groups.size === 1 && homes.get(group!)!.size === 1,
    });
  }
  return decisions;
}

/** Confidence bins of the reliability table: [from, to). */
export const BINS: Array<[number, number]> = [
  [0, 0.5],
  [0.5, 0.7],
  [0.7, 0.8],
  [0.8, 0.9],
  [0.9, 0.95],
  [0.95, 1.01],
];

export interface ReliabilityRow {
  kind: DecisionKind;
  bin: [number, number];
  decisions: number;
  right: number;
  /** The decisions' mean confidence: what the engine claimed. */
  claimed: number;
}

/** Per decision kind and confidence bin: how many decisions, how many right, and what the engine claimed. */
export function reliability(decisions: JudgedDecision[]): ReliabilityRow[] {
  return DECISION_KINDS.flatMap((kind) =>
    BINS.map((bin) => {
      const inBin = decisions.filter((d) => d.kind === kind && d.confidence >= bin[0] && d.confidence < bin[1]);
      return {
        kind,
        bin,
        decisions: inBin.length,
        right: inBin.filter((d) => d.right).length,
        claimed: inBin.length ? inBin.reduce((sum, d) => sum + d.confidence, 0) / inBin.length : 0,
      };
    }),
  );
}

/**
 * The share of a kind's wrong decisions found by reviewing the least confident `share` of its decisions
 * (ties in confidence broken against the engine: a tie at the cut counts its errors in proportion).
 */
export function errorsCaught(decisions: JudgedDecision[], kind: DecisionKind, share: number): number {
  const mine = decisions.filter((d) => d.kind === kind && !isOverridden(d.evidence));
  const errors = mine.filter((d) => !d.right).length;
  if (errors === 0) return 1;
  const budget = share * mine.length;
  let caught = 0;
  let reviewed = 0;
  const levels = [...new Set(mine.map((d) => d.confidence))].sort((a, b) => a - b);
  for (const level of levels) {
    const at = mine.filter((d) => d.confidence === level);
    const wrong = at.filter((d) => !d.right).length;
    const room = budget - reviewed;
    if (room <= 0) break;
    const take = Math.min(1, room / at.length);
    caught += wrong * take;
    reviewed += at.length * take;
  }
  return caught / errors;
}

/** Reliability and usefulness as the README prints them. */
export function formatReliability(decisions: JudgedDecision[]): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const lines = [
    '| decision  | confidence  | decisions | right | observed | claimed |',
    '|-----------|-------------|----------:|------:|---------:|--------:|',
  ];
  for (const r of reliability(decisions)) {
    if (r.decisions === 0) continue;
    const bin = `${r.bin[0].toFixed(2)}–${Math.min(1, r.bin[1]).toFixed(2)}`;
    lines.push(
      `| ${r.kind.padEnd(9)} | ${bin.padEnd(11)} | ${String(r.decisions).padStart(9)} | ${String(r.right).padStart(5)} | ${(r.right / r.decisions).toFixed(2).padStart(8)} | ${r.claimed.toFixed(2).padStart(7)} |`,
    );
  }
  const shares = [0.1, 0.2, 0.3, 0.5];
  lines.push(
    '',
    '| decision  | wrong / all | ' + shares.map((s) => `caught in least confident ${pct(s)}`).join(' | ') + ' |',
  );
  lines.push(`|-----------|------------:|${shares.map(() => '---:').join('|')}|`);
  for (const kind of DECISION_KINDS) {
    const mine = decisions.filter((d) => d.kind === kind);
    const wrong = mine.filter((d) => !d.right).length;
    lines.push(
      `| ${kind.padEnd(9)} | ${`${wrong} / ${mine.length}`.padStart(11)} | ${shares.map((s) => pct(errorsCaught(decisions, kind, s))).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}
