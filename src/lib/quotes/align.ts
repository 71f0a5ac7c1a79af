import { diffWords } from 'diff';
import porter2 from 'wink-porter2-stemmer';
import type { DiffPart, Evidence, PlacedQuote, Statement } from './types.ts';
import { append } from './collections.ts';
import { STOPWORDS } from './lexicon.ts';
import { OVERRIDDEN } from './overrides.ts';

/**
 * Two quotes (different articles, same event, compatible speakers) report the same utterance when:
 * - the smaller one has at most SHORT_QUOTE content words (a fragment such as "100 percent",
 *   "out of the sky"), both sides have the same known speaker (a phrase nobody is said to have
 *   said, such as officials' name "FFR" for the talks or North Korea's "war games" beside Trump's,
 *   is a term, not that person's utterance), and it appears word for word inside the other, or
 *   all its content words (at least two) do;
 * - otherwise: they share at least MIN_SHARED content words, and those make up at least
 *   CONTAINMENT of the smaller quote's content words — or CONTAINMENT_UNATTRIBUTED when one
 *   side has no known speaker, since then nothing but the words vouches for the match.
 * Content words are lower-cased, Porter2-stemmed, stopword-free tokens, with "U.S."/"US"/
 * "United States" → one token, "100%" → "100 percent", "co-operation" → "cooperation".
 *
 * CONTAINMENT = 0.55 was set by measurement on the five articles: every true cross-outlet pair
 * scores ≥ 0.64 (the lowest: Abe's maritime-order line in two translations, 7 of 11), every false
 * one ≤ 0.40 (an unnamed official's "100% with Japan" against Abe's "100% together", 4 of 10).
 */
export const CONTAINMENT = 0.55;
export const CONTAINMENT_UNATTRIBUTED = 0.8;
export const MIN_SHARED = 3;
export const SHORT_QUOTE = 3;
/** A content word found in more than this share of an event's quotes does not make candidates. */
export const COMMON_TOKEN_SHARE = 0.1;
const COMMON_TOKEN_FLOOR = 6;

export interface AlignOptions {
  /** Compare every pair instead of blocking by shared rare words (for tests). */
  exhaustive?: boolean;
  /**
   * Editors' groupings by quote id: "alone", or the id of a quote whose statement it joins (its
   * frontmatter override's statement "s-<that quote id>"). Such a quote joins no group by its words.
   */
  fixed?: Map<string, 'alone' | { with: string }>;
}

/** A share of a smaller quote's content words another quote holds, below the bar, that makes a near miss worth a look. */
export const NEAR_MISS = 0.4;

/** A statement before the calibration reads its evidence (index.ts adds the confidence). */
export type AlignedStatement = Omit<Statement, 'confidence'>;

/** Groups quotes into statements: one utterance as one or more outlets quoted it. */
export function alignQuotes(
  quotes: PlacedQuote[],
  options: AlignOptions = {},
): { quotes: Array<PlacedQuote & { statement: string }>; statements: AlignedStatement[] } {
  const profiles = quotes.map(profile);
  const sets = new DisjointSets(quotes.length);
  // parts of one utterance belong together
  const utteranceOwner = new Map<string, number>();
  quotes.forEach((q, i) => {
    const key = `${q.article}\u0000${q.utterance}`;
    const owner = utteranceOwner.get(key);
    if (owner === undefined) utteranceOwner.set(key, i);
    else sets.union(owner, i);
  });
  const fixed = options.fixed ?? new Map<string, 'alone' | { with: string }>();
  const indexOf = new Map(quotes.map((q, i) => [q.id, i]));
  for (const [id, how] of fixed) if (how !== 'alone') sets.union(indexOf.get(id)!, indexOf.get(how.with)!);
  const pairs = (options.exhaustive ? allPairs(profiles) : blockedPairs(profiles)).filter(
    ([a, b]) => !fixed.has(quotes[a]!.id) && !fixed.has(quotes[b]!.id),
  );
  const edges: Array<{ a: number; b: number; score: number }> = [];
  const near: Array<{ a: number; b: number; share: number }> = [];
  for (const [a, b] of pairs) {
    const score = matchScore(profiles[a]!, profiles[b]!);
    if (score > 0) edges.push({ a, b, score });
    else {
      const share = closeness(profiles[a]!, profiles[b]!);
      if (share >= NEAR_MISS) near.push({ a, b, share });
    }
  }
  edges.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  const speakers = new Map<number, Set<string>>();
  quotes.forEach((q, i) => {
    const root = sets.find(i);
    if (!speakers.has(root)) speakers.set(root, new Set());
    if (q.speaker) speakers.get(root)!.add(q.speaker);
  });
  // what each group's joining rests on: its weakest link, and whether a match was refused for its speakers
  const weakest = new Map<number, number>();
  const refused = new Set<number>();
  for (const { a, b, score } of edges) {
    const ra = sets.find(a);
    const rb = sets.find(b);
    if (ra === rb) continue;
    const merged = new Set([...speakers.get(ra)!, ...speakers.get(rb)!]);
    if (merged.size > 1) {
      // never chain two people's words into one statement
      refused.add(a).add(b);
      continue;
    }
    const link = Math.min(score, weakest.get(ra) ?? 1, weakest.get(rb) ?? 1);
    const root = sets.union(ra, rb);
    speakers.set(root, merged);
    weakest.set(root, link);
  }
  const closest = new Map<number, number>();
  for (const { a, b, share } of near) {
    if (sets.find(a) === sets.find(b)) continue;
    for (const i of [a, b]) closest.set(sets.find(i), Math.max(closest.get(sets.find(i)) ?? 0, share));
  }
  for (const i of refused) closest.set(sets.find(i), 1);
  // whom other articles of each event quote: a statement quoted once, by someone they quote too, may be a match missed
  const quotedAt = new Map<string, Set<string>>();
  const at = (q: PlacedQuote) => `${q.event}\u0000${q.speaker}`;
  for (const q of quotes) if (q.speaker) quotedAt.set(at(q), (quotedAt.get(at(q)) ?? new Set()).add(q.article));
  const elsewhere = (members: PlacedQuote[]) =>
    members.some((q) => q.speaker && [...(quotedAt.get(at(q)) ?? [])].some((a) => a !== q.article));
  return buildStatements(quotes, sets, (root, members) =>
    members.some((q) => fixed.has(q.id))
      ? OVERRIDDEN
      : groupingEvidence(members, weakest.get(root), closest.get(root), elsewhere(members)),
  );
}

/**
 * What a grouping rests on: how many outlets, the weakest match that joined them (the share of the smaller
 * quote's content words the other holds), and the closest quote left out — a near miss, or a match refused
 * because the two sides name different speakers.
 */
function groupingEvidence(
  members: PlacedQuote[],
  link: number | undefined,
  missed: number | undefined,
  quotedElsewhere: boolean,
): Evidence {
  const articles = new Set(members.map((q) => q.article)).size;
  const shape = articles > 1 ? 'grouped' : 'alone';
  const strength =
    link === undefined
      ? 'no-link'
      : link >= 1
        ? 'word-for-word'
        : link >= 0.8
          ? 'close'
          : link >= 0.65
            ? 'fair'
            : 'loose';
  const miss = missed === undefined ? 'no-near-miss' : missed >= 1 ? 'refused' : 'near-miss';
  const speaker = !members.some((q) => q.speaker !== null)
    ? 'no-speaker'
    : quotedElsewhere
      ? 'speaker-quoted-elsewhere'
      : 'speaker-quoted-here-only';
  const keys = [
    shape,
    `${shape}/${strength}`,
    `${shape}/${strength}/${miss}`,
    `${shape}/${strength}/${miss}/${speaker}`,
  ];
  const parts = [
    articles > 1
      ? `${articles} articles' versions joined${link === undefined ? '' : `; the weakest match shares ${Math.round(link * 100)}% of the shorter version's content words`}`
      : 'quoted by one article only',
  ];
  if (missed !== undefined && missed < 1)
    parts.push(`another article's quote shares ${Math.round(missed * 100)}% of the words but was left apart`);
  if (missed !== undefined && missed >= 1)
    parts.push('a matching quote was left apart because it names another speaker');
  if (speaker === 'no-speaker') parts.push('nobody is named as its speaker');
  if (speaker === 'speaker-quoted-elsewhere' && articles === 1)
    parts.push('other articles of the event quote the same speaker: one of theirs may be this utterance');
  return { keys, because: parts.join('; ') };
}

/** The pairs of quotes (by index) that alignment compares: blocked by shared rare words, or all of them. */
export function candidatePairs(quotes: PlacedQuote[], options: AlignOptions = {}): Array<[number, number]> {
  const profiles = quotes.map(profile);
  return options.exhaustive ? allPairs(profiles) : blockedPairs(profiles);
}

/** Word-level differences between two versions of a statement, ignoring case and quote-mark style. */
export function diffVersions(a: string, b: string): DiffPart[] {
  const na = plainMarks(a);
  const nb = plainMarks(b);
  const parts = diffWords(na, nb, { ignoreCase: true });
  let ia = 0;
  let ib = 0;
  const out: DiffPart[] = [];
  const take = (original: string, normalized: string, from: number, value: string, fold: boolean) => {
    const core = value.trim();
    const hay = fold ? normalized.toLowerCase() : normalized;
    const at = core ? hay.indexOf(fold ? core.toLowerCase() : core, from) : -1;
    if (at < 0) return { text: value, next: from };
    const lead = value.slice(0, value.indexOf(core));
    const trail = value.slice(value.indexOf(core) + core.length);
    return { text: lead + original.slice(at, at + core.length) + trail, next: at + core.length };
  };
  for (const part of parts) {
    if (part.added) {
      const t = take(b, nb, ib, part.value, false);
      ib = t.next;
      out.push({ value: t.text, added: true, removed: false });
    } else if (part.removed) {
      const t = take(a, na, ia, part.value, false);
      ia = t.next;
      out.push({ value: t.text, added: false, removed: true });
    } else {
      const t = take(b, nb, ib, part.value, false);
      ib = t.next;
      ia = take(a, na, ia, part.value, true).next;
      out.push({ value: t.text, added: false, removed: false });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------

interface Profile {
  article: string;
  event: string;
  speaker: string | null;
  /** All normalised tokens, in order (for word-for-word containment). */
  sequence: string[];
  /** Content words. */
  content: Set<string>;
}

/** Tokens for matching: marks and case folded, U.S./United States unified, plural endings stripped. */
export function matchTokens(text: string): string[] {
  const unified = text
    .normalize('NFKC')
    .replace(/["“”„]/g, ' ')
    .replace(/[‘’]/g, "'")
    .replace(/\bU\.\s?S\.(?:\s?A\.)?/g, ' unitedstates ')
    .replace(/\bUnited\s+States(?:\s+of\s+America)?\b/gi, ' unitedstates ')
    .replace(/\bUSA?\b/g, ' unitedstates ')
    .replace(/(\d)\s?%/g, '$1 percent')
    .replace(/\bper\s+cent\b/gi, 'percent')
    .toLowerCase()
    .replace(/(\p{L})-(?=\p{L})/gu, '$1')
    .replace(/'s\b/g, '')
    .replace(/'/g, '');
  return unified.match(/[\p{L}\p{N}]+/gu) ?? [];
}

const stems = new Map<string, string>();

/** Porter2 stems, so translations that differ in a word's form still share it ("frankly"/"frank", "negotiations"/"negotiate"). */
function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = /^\p{N}/u.test(word) ? word : porter2(word);
    if (stems.size < 200_000) stems.set(word, stemmed); // a vocabulary, not a leak
  }
  return stemmed;
}

function profile(q: PlacedQuote): Profile {
  const tokens = matchTokens(q.text);
  return {
    article: q.article,
    event: q.event,
    speaker: q.speaker,
    sequence: tokens.map(stem),
    content: new Set(tokens.filter((t) => !STOPWORDS.has(t)).map(stem)),
  };
}

/** Shared content words and their share of the smaller quote's (for measuring thresholds). */
export function contentOverlap(a: string, b: string): { shared: number; smaller: number; containment: number } {
  const { shared, smaller } = overlap(profileOfText(a), profileOfText(b));
  return { shared, smaller, containment: smaller ? shared / smaller : 0 };
}

/** How many of the smaller set's words the larger holds, and the smaller's size. */
function overlap(a: Set<string>, b: Set<string>): { shared: number; smaller: number } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const t of small) if (large.has(t)) shared += 1;
  return { shared, smaller: small.size };
}

function profileOfText(text: string): Set<string> {
  return new Set(
    matchTokens(text)
      .filter((t) => !STOPWORDS.has(t))
      .map(stem),
  );
}

/** Whether two quotes may report one utterance at all: different articles of one event. */
const comparable = (x: Profile, y: Profile): boolean => x.article !== y.article && x.event === y.event;

/** The share of the smaller quote's content words the other holds, with at least two shared (comparable quotes). */
function closeness(x: Profile, y: Profile): number {
  if (!comparable(x, y)) return 0;
  const { shared, smaller } = overlap(x.content, y.content);
  return shared >= 2 ? shared / smaller : 0;
}

/** How strongly two quotes look like the same utterance (0 = not at all). */
function matchScore(x: Profile, y: Profile): number {
  if (!comparable(x, y)) return 0;
  if (x.speaker && y.speaker && x.speaker !== y.speaker) return 0;
  const [small, large] = x.content.size <= y.content.size ? [x, y] : [y, x];
  if (small.content.size === 0) return 0;
  const { shared } = overlap(small.content, large.content);
  if (small.content.size <= SHORT_QUOTE) {
    // a short phrase is weak evidence: only one known speaker's words on both sides make an utterance
    // (North Korea's term "war games" is not Trump's "war games", nor officials' "FFR" anyone's)
    if (!x.speaker || !y.speaker) return 0;
    if (sameSequence(small.sequence, large.sequence) || containsRun(large.sequence, small.sequence)) return 1;
    return small.content.size >= 2 && shared === small.content.size ? 0.9 : 0;
  }
  if (shared < MIN_SHARED) return 0;
  const containment = shared / small.content.size;
  const needed = x.speaker && y.speaker ? CONTAINMENT : CONTAINMENT_UNATTRIBUTED;
  return containment >= needed ? containment : 0;
}

function sameSequence(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

function containsRun(hay: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function allPairs(profiles: Profile[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  profiles.forEach((x, a) => {
    profiles.forEach((y, b) => {
      if (a < b && x.event === y.event && x.article !== y.article) pairs.push([a, b]);
    });
  });
  return pairs;
}

/**
 * Candidate pairs from an inverted index of content words, per event. Words found in too many
 * quotes (more than COMMON_TOKEN_SHARE of the event, at least COMMON_TOKEN_FLOOR) are skipped,
 * except that every quote keeps its rarest word so none goes unindexed.
 */
function blockedPairs(profiles: Profile[]): Array<[number, number]> {
  const byEvent = new Map<string, number[]>();
  profiles.forEach((p, i) => append(byEvent, p.event, i));
  const seen = new Set<string>();
  const pairs: Array<[number, number]> = [];
  for (const members of byEvent.values()) {
    const postings = new Map<string, number[]>();
    for (const i of members) for (const t of profiles[i]!.content) append(postings, t, i);
    const frequency = (t: string) => postings.get(t)?.length ?? 0;
    const cap = Math.max(COMMON_TOKEN_FLOOR, Math.ceil(COMMON_TOKEN_SHARE * members.length));
    const indexed = new Map<string, number[]>();
    for (const i of members) {
      const tokens = [...profiles[i]!.content].sort((s, t) => frequency(s) - frequency(t));
      const rare = tokens.filter((t) => frequency(t) <= cap);
      for (const t of rare.length ? rare : tokens.slice(0, 1)) append(indexed, t, i);
    }
    for (const list of indexed.values()) {
      for (const [x, a] of list.entries()) {
        for (const b of list.slice(x + 1)) {
          if (profiles[a]!.article === profiles[b]!.article) continue;
          const key = `${a}:${b}`;
          if (seen.has(key)) continue;
          seen.add(key);
          pairs.push([a, b]);
        }
      }
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

function buildStatements(
  quotes: PlacedQuote[],
  sets: DisjointSets,
  evidenceOf: (root: number, members: PlacedQuote[]) => Evidence,
): { quotes: Array<PlacedQuote & { statement: string }>; statements: AlignedStatement[] } {
  const groups = new Map<number, PlacedQuote[]>();
  quotes.forEach((q, i) => {
    const root = sets.find(i);
    append(groups, root, q);
  });
  const statementOf = new Map<string, string>();
  const statements: AlignedStatement[] = [];
  // a group's root is its first member's index, so Map order is corpus order of first quotes
  for (const [root, members] of [...groups.entries()].sort((x, y) => x[0] - y[0])) {
    const first = members[0]!;
    const id = `s-${first.id}`;
    for (const q of members) statementOf.set(q.id, id);
    statements.push({
      id,
      event: first.event,
      speaker: members.map((q) => q.speaker).find((s) => s !== null) ?? null,
      quotes: members.map((q) => q.id),
      outlets: [...new Set(members.map((q) => q.outlet))].sort(),
      topics: [...new Set(members.flatMap((q) => q.topics))].sort(),
      evidence: evidenceOf(root, members),
    });
  }
  return { quotes: quotes.map((q) => ({ ...q, statement: statementOf.get(q.id) ?? `s-${q.id}` })), statements };
}

class DisjointSets {
  private parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let node = i;
    while (this.parent[node] !== node) node = this.parent[node] ?? node;
    return node;
  }
  /** Joins two sets; the smaller root index stays the root. */
  union(a: number, b: number): number {
    const ra = this.find(a);
    const rb = this.find(b);
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[drop] = keep;
    return keep;
  }
}

function plainMarks(text: string): string {
  return text
    .replace(/[“”„]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\u00a0/g, ' ');
}
