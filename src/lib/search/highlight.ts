/**
 * Turns a passage and what matched in it into plain segments a renderer wraps in <mark>:
 * no markup is produced here, so the text can only ever become text nodes.
 */
import { escapeRegExp, fold } from './text.ts';

export interface Segment {
  text: string;
  hit: boolean;
}

/** An inclusive character range [start, end] (both ends marked). */
export type Range = readonly [number, number];

export interface HighlightOptions {
  /** Ranges to mark (the query's word matches), inclusive; may overlap. */
  ranges?: ReadonlyArray<Range>;
  /** Words or phrases to mark wherever a word starts with them, ignoring case, accents and quote style. */
  terms?: readonly string[];
  /** Trim a longer text to about this many characters around its first hit, with ellipses. */
  maxLength?: number;
}

export const ELLIPSIS = '…';

/** Sorts ranges and merges those that overlap or touch ([0,3] + [4,6] → [0,6]); drops empty and reversed ones. */
export function mergeRanges(ranges: ReadonlyArray<Range>, length = Infinity): Array<[number, number]> {
  const sorted = ranges
    .map(([s, e]): [number, number] => [Math.max(0, Math.floor(s)), Math.min(length - 1, Math.floor(e))])
    .filter(([s, e]) => e >= s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * Where each term occurs at the start of a word, case-, accent- and quote-style-insensitively
 * (fold keeps offsets, so they are offsets into `text`). Whitespace in a term matches any run of it.
 */
export function termRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const folded = fold(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    const pattern = fold(term).trim().split(/\s+/).filter(Boolean).map(escapeRegExp).join('\\s+');
    if (!pattern) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}`, 'gu');
    for (const match of folded.matchAll(re))
      if (match[0]) ranges.push([match.index, match.index + match[0].length - 1]);
  }
  return ranges;
}

/** The window [start, end) of about maxLength characters to show, on word boundaries, starting a little before `focus`. */
function snippetWindow(text: string, focus: [number, number] | undefined, maxLength: number): [number, number] {
  if (text.length <= maxLength) return [0, text.length];
  const lead = focus ? Math.min(Math.floor(maxLength / 3), 80) : 0;
  let start = focus ? Math.max(0, focus[0] - lead) : 0;
  // Prefer to show the end of the text rather than leave the window short.
  start = Math.min(start, Math.max(0, text.length - maxLength));
  if (focus) start = Math.min(start, focus[0]);
  if (start > 0) {
    const space = text.slice(start, focus ? focus[0] : text.length).search(/\s/);
    if (space >= 0) start += space + 1;
  }
  let end = Math.min(text.length, Math.max(start + maxLength, focus ? focus[1] + 1 : 0));
  if (end < text.length) {
    const cut = text.slice(start, end).search(/\s\S*$/);
    const floor = focus ? focus[1] + 1 - start : 1;
    if (cut >= floor) end = start + cut;
  }
  return [start, end];
}

/**
 * Splits `text` into marked and unmarked segments. Ranges and term matches are merged
 * (overlapping or adjacent ones become one mark); with maxLength, a long text is cut to a
 * snippet around the first mark, "…" standing for what was cut.
 */
export function highlight(text: string, options: HighlightOptions = {}): Segment[] {
  const marks = mergeRanges([...(options.ranges ?? []), ...termRanges(text, options.terms ?? [])], text.length);
  const [start, end] = options.maxLength ? snippetWindow(text, marks[0], options.maxLength) : [0, text.length];

  const segments: Segment[] = [];
  const push = (value: string, hit: boolean) => {
    if (!value) return;
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) last.text += value;
    else segments.push({ text: value, hit });
  };
  if (start > 0) push(ELLIPSIS, false);
  let at = start;
  for (const [s, e] of marks) {
    const from = Math.max(s, start);
    const to = Math.min(e + 1, end);
    if (to <= from) continue;
    push(text.slice(at, from), false);
    push(text.slice(from, to), true);
    at = to;
  }
  push(text.slice(at, end), false);
  if (end < text.length) push(ELLIPSIS, false);
  // The ellipses stand for the cut; the spaces beside them add nothing.
  const first = segments[0];
  if (start > 0 && first && !first.hit) first.text = first.text.replace(/^…\s+/, ELLIPSIS);
  const last = segments[segments.length - 1];
  if (end < text.length && last && !last.hit) last.text = last.text.replace(/\s+…$/, ELLIPSIS);
  return segments;
}
