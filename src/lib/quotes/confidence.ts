/**
 * How sure the engine is of a decision, read from its evidence (types.ts, Evidence) and the calibration
 * table: for each circumstance, how often the engine's decision in it was right on the labelled sets
 * (calibration.json, written by `npm run calibrate`).
 *
 * The estimate starts from the decision kind's overall rate and walks the evidence's keys from general to
 * specific, each key's own record pulling the estimate toward its rate as far as its count allows
 * (a Beta prior of weight PRIOR_WEIGHT centred on the estimate so far): a circumstance seen twice moves
 * it a little, one seen fifty times decides it. An editor's override is certain.
 */
import calibration from './calibration.json' with { type: 'json' };
import { isOverridden } from './overrides.ts';
import type { Evidence } from './types.ts';

/** The decisions the engine makes, each with its evidence: a quote's speaker and topics, a statement's grouping. */
export const DECISION_KINDS = ['speaker', 'topics', 'statement'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Per decision kind, per evidence key: [decisions seen, decisions right]. */
export type CalibrationTable = Record<DecisionKind, Record<string, [number, number]>>;

/** How many decisions' worth of belief the estimate so far carries against a key's own record. */
export const PRIOR_WEIGHT = 4;

export const CALIBRATION = calibration.table as unknown as CalibrationTable;

/** The chance, 0 to 1, that a decision with this evidence is right. */
export function confidenceOf(
  kind: DecisionKind,
  evidence: Evidence | undefined,
  table = CALIBRATION,
  weight = PRIOR_WEIGHT,
): number {
  if (!evidence) return 0;
  if (isOverridden(evidence)) return 1;
  const records = table[kind] ?? {};
  const [n, right] = records['*'] ?? [0, 0];
  let p = (right + 1) / (n + 2);
  for (const key of evidence.keys) {
    const record = records[key];
    if (!record) break; // more specific keys than one never seen are not seen either
    p = (record[1] + weight * p) / (record[0] + weight);
  }
  return Math.round(p * 100) / 100;
}

/** The table's records of a list of decisions: every key of each decision's evidence, and '*' for all. */
export function tabulate(decisions: Array<{ evidence: Evidence; right: boolean }>): Record<string, [number, number]> {
  const records: Record<string, [number, number]> = {};
  const add = (key: string, right: boolean) => {
    const r = (records[key] ??= [0, 0]);
    r[0] += 1;
    if (right) r[1] += 1;
  };
  for (const d of decisions) {
    if (isOverridden(d.evidence)) continue;
    add('*', d.right);
    for (const key of d.evidence.keys) add(key, d.right);
  }
  return Object.fromEntries(Object.entries(records).sort(([a], [b]) => a.localeCompare(b)));
}
