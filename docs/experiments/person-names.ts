// Which library should find person names in news narration? Measures compromise, wink-nlp, retext-pos and a regex +
// structure hybrid (person-names-hybrid.ts) on held-out sets 1–31; gold = the persons an article names. See the .md.
// Run: cd /work/main && npx node docs/experiments/person-names.ts [--errors]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import type { ItemEntity } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import retextPos from 'retext-pos';
import { heldOutDirs, readLabelledSet } from '../../src/cli/labelled-sets.ts';
import { readBaseContent } from '../../src/cli/project-copy.ts';
import type { ArticleText, Person } from '../../src/lib/quotes/types.ts';
import { findPeople } from '../../src/lib/quotes/names.ts';
import { hybrid, span, SPEAKER_AFTER, SPEAKER_BEFORE, TITLES } from './person-names-hybrid.ts';
import type { Finder, Span } from './person-names-hybrid.ts';

type Origin = 'western' | 'eastAsian' | 'other';
/** raw: the forms as they stand in text, longest first ("Prime Minister Shinzo Abe", "Abe"); forms: normalised. */
type GoldPerson = { name: string; origin: Origin; raw: string[]; forms: string[] };

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordRe = (s: string, flags = 'u'): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])${esc(s)}(?![\\p{L}\\p{N}])`, flags);
const LEADING_TITLES = new RegExp(`^(?:${TITLES}\\s+)+`, 'u');
// The brief's matching rule: ignore titles and a possessive 's; compare case-insensitively, whole words.
// prettier-ignore
const normalise = (s: string): string => s.replace(/^[“”"‘’'(\s]+|[’']s$|[.,;:]+$/gu, '').replace(LEADING_TITLES, '').trim().toLowerCase();
const containsWords = (a: string, b: string): boolean => b !== '' && ` ${a} `.includes(` ${b} `);
const matches = (found: string, p: GoldPerson): boolean =>
  p.forms.some((g) => found === g || containsWords(found, g) || containsWords(g, found));

// ---------- gold ----------
type OriginFile = { eastAsian: string[]; other: string[]; unlisted: string[] };
const originPath = join(import.meta.dirname, 'person-names-origin.json');
const originFile = JSON.parse(readFileSync(originPath, 'utf8')) as OriginFile;
const bare = (name: string): Person => ({ id: name, name, role: '', pronoun: 'they', aliases: [] });
const originOf = (name: string): Origin =>
  originFile.eastAsian.includes(name) ? 'eastAsian' : originFile.other.includes(name) ? 'other' : 'western';

/** The persons of a set, deduplicated by name (ids repeat across sets with other names; names repeat under two ids). */
function goldPeople(people: Person[]): GoldPerson[] {
  const byName = new Map(people.map((p) => [p.name, p]));
  const words = (p: Person): string[] => p.name.split(/\s+/u);
  return [...byName.values()].map((p) => {
    // A capitalised alias counts only if it holds a word of the name ("Mr. Abe", not "Japan's leader"), and a bare
    // word shared with another listed person ("Kim", "Sato") names nobody in particular.
    const shared = (w: string): boolean => [...byName.values()].some((q) => q !== p && words(q).includes(w));
    const aliases = p.aliases.filter(
      (a) => /^\p{Lu}/u.test(a) && words(p).some((w) => wordRe(w).test(a)) && !(a.split(' ').length === 1 && shared(a)),
    );
    const raw = [...new Set([p.name, ...aliases])].sort((a, b) => b.length - a.length);
    return { name: p.name, origin: originOf(p.name), raw, forms: [...new Set(raw.map(normalise))].filter(Boolean) };
  });
}

type Case = { article: ArticleText; gold: GoldPerson[] };
const { people: contentPeople } = readBaseContent();
const cases: Case[] = [];
const everyone: Person[] = [];
const extraDirs = ['30', '31'].map((n) => `/work/devsets/heldout${n}`).filter((d) => existsSync(join(d, 'gold.json')));
for (const dir of [...heldOutDirs(), ...extraDirs]) {
  const set = readLabelledSet(dir, contentPeople);
  const ids = new Set(set.people.map((p) => p.id));
  // In devsets 30–31 a gold speaker that is not an id is an unlisted person's full name.
  const unlisted = set.gold.flatMap((g) => (g.speaker && !ids.has(g.speaker) ? [g.speaker] : []));
  const extra = [...new Set(unlisted)].map(bare);
  const all = goldPeople([...set.people, ...extra]);
  everyone.push(...set.people, ...extra);
  for (const article of set.articles) {
    const body = article.paragraphs.map((p) => p.text).join('\n');
    cases.push({ article, gold: all.filter((p) => p.raw.some((f) => wordRe(f).test(body))) });
  }
}

// Real persons an article may name without its set listing them (Robert Lighthizer in a set about missiles, Jared
// Kushner): listed in another set or hand-picked once from the finders' output. They count for the second precision.
const known = goldPeople([...everyone, ...originFile.unlisted.map(bare)]);

// ---------- the libraries ----------

const viaCompromise: Finder = (text) =>
  (nlp(text).people().json({ offset: true }) as { offset: { start: number; length: number } }[]).map((p) =>
    span(text, p.offset.start, p.offset.start + p.offset.length),
  );

const wink = winkNLP(model);
const its = wink.its;
const NOT_NAMES = new Set(['DATE', 'TIME', 'DURATION', 'CARDINAL', 'ORDINAL', 'MONEY', 'PERCENT', 'URL', 'EMAIL']);
const viaWink: Finder = (text) => {
  const doc = wink.readDoc(text);
  const values = doc.tokens().out(its.value);
  const pos = doc.tokens().out(its.pos);
  const spaces = doc.tokens().out(its.precedingSpaces);
  // wink is lossless (preceding spaces + token text rebuild the paragraph), so offsets are running sums.
  let at = 0;
  const starts = values.map((v, i) => ((at += spaces[i]!.length + v.length), at - v.length));
  // It has no PERSON type; its entities only rule tokens out ("Monday" is a PROPN inside a DATE).
  const blocked = new Set<number>();
  doc.entities().each((e: ItemEntity) => {
    if (!NOT_NAMES.has(e.out(its.type))) return;
    const [a, b] = e.out(its.span) as number[];
    for (let k = a!; k <= b!; k++) blocked.add(k);
  });
  const out: Span[] = [];
  for (let i = 0; i < values.length; i++) {
    if (pos[i] !== 'PROPN' || blocked.has(i)) continue;
    let j = i;
    // Extend over PROPNs (initials "J." are PROPN) and across a hyphen written without spaces ("Jae-in").
    for (;;) {
      if (pos[j + 1] === 'PROPN' && !blocked.has(j + 1)) j++;
      else if (values[j + 1] === '-' && spaces[j + 1] === '' && spaces[j + 2] === '' && j + 2 < values.length) j += 2;
      else break;
    }
    out.push(span(text, starts[i]!, starts[j]! + values[j]!.length));
    i = j;
  }
  return out;
};

type Offsets = { start: { offset?: number }; end: { offset?: number } };
type NlcstNode = { type: string; children?: NlcstNode[]; data?: { partOfSpeech?: string }; position?: Offsets };
const retext = unified().use(retextEnglish).use(retextPos);
const viaRetext: Finder = (text) => {
  const out: Span[] = [];
  const visit = (node: NlcstNode): void => {
    if (node.type !== 'SentenceNode') return node.children?.forEach(visit);
    let run: NlcstNode[] = [];
    // A maximal NNP/NNPS run; white space continues it, anything else (or the sentence's end) closes it.
    // Hyphenated words ("Jae-in") are one node already.
    for (const c of [...(node.children ?? []), undefined]) {
      if (c?.type === 'WordNode' && /^NNPS?$/u.test(c.data?.partOfSpeech ?? '')) run.push(c);
      else if (c?.type !== 'WhiteSpaceNode' && run.length) {
        out.push(span(text, run[0]!.position!.start.offset!, run.at(-1)!.position!.end.offset!));
        run = [];
      }
    }
  };
  visit(retext.runSync(retext.parse(text)) as NlcstNode);
  return out;
};

/** The engine's own finder, paragraph by paragraph: each person it finds, at the first place the name stands. */
function viaEngine(text: string): Span[] {
  return findPeople([text], () => false).flatMap((p) => {
    const at = text.indexOf(p.name);
    return at < 0 ? [] : [span(text, at, at + p.name.length)];
  });
}

// ---------- scoring ----------
const finders: [string, Finder][] = [
  ['compromise people()', viaCompromise],
  ['wink-nlp PROPN runs', viaWink],
  ['retext-pos NNP runs', viaRetext],
  ['hybrid, no lexicon', hybrid(false)],
  ['hybrid + compromise lexicon', hybrid(true)],
  ['the engine (src/lib/quotes/names.ts)', viaEngine],
];

/** Sentences that hold a quotation mark, as [start, end) ranges of the paragraph. */
function quoteSentences(text: string): [number, number][] {
  const cuts = [0, ...[...text.matchAll(/[.!?][”"’)]?\s+(?=[“"‘(]?\p{Lu})/gu)].map((m) => m.index + m[0].length)];
  const ranges = cuts.map((c, i): [number, number] => [c, cuts[i + 1] ?? text.length]);
  return ranges.filter(([a, b]) => /[“”"]/u.test(text.slice(a, b)));
}
/** The subject of a speech verb ("X said", "X, 72, said", "said Mr X") inside a sentence with a quotation. */
function isSpeakerSlot(text: string, s: Span, sentences: [number, number][]): boolean {
  const sentence = sentences.find(([a, b]) => s.start >= a && s.end <= b);
  if (!sentence) return false;
  const after = text.slice(s.end, sentence[1]);
  const before = text.slice(sentence[0], s.start);
  return SPEAKER_AFTER.test(after) || SPEAKER_BEFORE.test(before);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const pct = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(1) : '–');
const count = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
const top = (m: Map<string, number>, n: number): string =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k} ×${v}`).join('; '); // prettier-ignore

const rows: string[] = [];
const errors: string[] = [];
for (const [label, find] of finders) {
  let found = 0, right = 0, person = 0, slotsFound = 0, slotsRight = 0, slotsGold = 0, slotsHit = 0; // prettier-ignore
  const gold = { western: 0, eastAsian: 0, other: 0 };
  const hit = { western: 0, eastAsian: 0, other: 0 };
  const [wrong, missed, missedSlots] = [
    new Map<string, number>(),
    new Map<string, number>(),
    new Map<string, number>(),
  ];
  for (const { article, gold: people } of cases) {
    const names = new Set<string>();
    for (const p of article.paragraphs) {
      const spans = find(p.text);
      for (const s of spans) names.add(normalise(s.text));
      // Speaker position: gold mentions are the longest listed forms standing in a speaker slot.
      const sentences = quoteSentences(p.text);
      const taken: Span[] = [];
      for (const person of people)
        for (const f of person.raw)
          for (const m of p.text.matchAll(wordRe(f, 'gu'))) {
            const g = { text: f, start: m.index, end: m.index + f.length };
            if (taken.some((t) => t.start < g.end && g.start < t.end) || !isSpeakerSlot(p.text, g, sentences)) continue;
            taken.push(g);
            slotsGold++;
            const ok = spans.some((s) => s.start < g.end && g.start < s.end && matches(normalise(s.text), person));
            if (ok) slotsHit++;
            else count(missedSlots, f);
          }
      for (const s of spans.filter((x) => isSpeakerSlot(p.text, x, sentences))) {
        slotsFound++;
        if (people.some((person) => matches(normalise(s.text), person))) slotsRight++;
      }
    }
    names.delete('');
    for (const n of names) {
      found++;
      if (people.some((p) => matches(n, p))) right++;
      else if (known.some((p) => matches(n, p))) person++;
      else count(wrong, n);
    }
    for (const person of people) {
      gold[person.origin]++;
      if ([...names].some((n) => matches(n, person))) hit[person.origin]++;
      else count(missed, person.name);
    }
  }
  // Timing: one warm-up pass over every article, then seven timed passes; median over articles of their median.
  for (const { article } of cases) for (const p of article.paragraphs) find(p.text);
  const runs = cases.map(() => [] as number[]);
  for (let r = 0; r < 7; r++)
    cases.forEach(({ article }, i) => {
      const t0 = performance.now();
      for (const p of article.paragraphs) find(p.text);
      runs[i]!.push(performance.now() - t0);
    });
  const [allGold, allHit] = [gold, hit].map((o) => o.western + o.eastAsian + o.other) as [number, number];
  const cells = [pct(right, found), pct(right + person, found), pct(allHit, allGold), pct(hit.western, gold.western)];
  cells.push(pct(hit.eastAsian, gold.eastAsian), pct(slotsHit, slotsGold), pct(slotsRight, slotsFound));
  rows.push(`| ${label} | ${cells.join(' | ')} | ${median(runs.map(median)).toFixed(3)} |`);
  errors.push(`## ${label}\nnot a person (${found - right - person}): ${top(wrong, 25)}`);
  errors.push(`missed (${allGold - allHit}): ${top(missed, 15)}`);
  errors.push(`missed in speaker position (${slotsGold - slotsHit}): ${top(missedSlots, 12)}\n`);
}
const n = (o: Origin): number => cases.reduce((k, c) => k + c.gold.filter((p) => p.origin === o).length, 0);
console.log(
  `${cases.length} articles; gold persons in them: ${n('western')} Western, ${n('eastAsian')} East Asian, ${n('other')} other`,
);
const columns = ['precision (listed)', 'precision (any person)', 'recall', 'recall Western', 'recall East Asian'];
columns.push('speaker-position recall', 'speaker-position precision', 'ms / article (median)');
console.log(`| finder | ${columns.join(' | ')} |\n|---|${columns.map(() => '---:').join('|')}|\n${rows.join('\n')}`);
if (process.argv.includes('--errors')) console.log(`\n${errors.join('\n')}`);
