/**
 * Who is named where: the people's aliases compiled to patterns, descriptions an article gives
 * someone in apposition, and each mention's grammatical role (subject, object, possessive, aside).
 */
import {
  APPOSITIVE_HINT,
  AUXILIARIES,
  CLAUSE_WORDS,
  DETERMINERS,
  NAME_PREFIXES,
  OBJECT_VERBS,
  POSSESSIVE_DETERMINERS,
  PREPOSITIONS,
  ROLE_NOUNS,
  SENTENCE_OPENERS,
  SPEECH_VERBS,
  SUBJECT_OPENERS,
  TIME_WORDS,
  TITLE_WORDS,
  UNNAMED_NOUNS,
  TITLE_ABBREVIATIONS,
} from './lexicon.ts';
import type { Person } from './types.ts';

export type Pronoun = 'he' | 'she' | 'they';

export interface Mention {
  start: number;
  end: number;
  /** Person id, or null for a pronoun. */
  person: string | null;
  pronoun: Pronoun | null;
  /** The mention uses the person's name (not a title such as "the president"). */
  named: boolean;
  possessive: boolean;
  /** Object of a preposition or verb, or a modifier ("the Trump administration"). */
  object: boolean;
  parenthetical: boolean;
  /** The family name, when the mention is one on its own ("Kim", "Trump"): another person may share it. */
  surname?: string;
  /** The capitalised words of the mention ("Kim Yo Jong"), for telling who shares a family name. */
  words: string[];
}

export interface Alias {
  re: RegExp;
  /** Lower-case text every match holds (one per form): a paragraph holding none is not scanned. */
  needles?: string[];
  person: Person;
  named: boolean;
  /** A one-word name ("Trump", "Kim"), which another person's full name can end with. */
  surname: boolean;
}

/** Two mentions joined only by "and" (optionally after "both"): a joint subject. */
export function isCompound(masked: string, a: Mention, b: Mention): boolean {
  const [x, y] = a.start < b.start ? [a, b] : [b, a];
  return /^\s*(and|&)\s*$/i.test(masked.slice(x.end, y.start));
}

/**
 * Each person's names and aliases as patterns: one alternation per kind of form (named or a title, a lone
 * family name or not, case-sensitive or not), longest form first, so a person costs a few scans of a
 * paragraph however many forms they have.
 */
export function compileAliases(people: Person[]): Alias[] {
  return people.flatMap((person) => {
    let compiled = COMPILED.get(person);
    if (!compiled) COMPILED.set(person, (compiled = compilePerson(person)));
    return compiled;
  });
}

/** A person's patterns, compiled once per person object: the listed people are the same in every article. */
const COMPILED = new WeakMap<Person, Alias[]>();

function compilePerson(person: Person): Alias[] {
  const aliases: Alias[] = [];
  const nameWords = new Set(person.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)));
  const groups = new Map<
    string,
    { flags: string; named: boolean; surname: boolean; bodies: string[]; needles: string[] }
  >();
  for (const form of new Set([person.name, ...person.aliases])) {
    const body = form
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"))
      .join('\\s+');
    const flags = /^\p{Ll}/u.test(form) ? 'giu' : 'gu';
    const named = form.split(/\s+/).some((w) => nameWords.has(w));
    const surname = /^\p{Lu}[\p{L}-]*$/u.test(form.trim());
    const key = `${flags} ${named} ${surname}`;
    const group = groups.get(key) ?? { flags, named, surname, bodies: [], needles: [] };
    group.bodies.push(body);
    // the form's longest run without an apostrophe (which may print straight or curly)
    group.needles.push(
      form
        .toLowerCase()
        .split(/\s+|['’]/)
        .reduce((a, b) => (b.length > a.length ? b : a), ''),
    );
    groups.set(key, group);
  }
  for (const { flags, named, surname, bodies, needles } of groups.values()) {
    const alternation = bodies.sort((a, b) => b.length - a.length).join('|');
    const re = new RegExp(`(?<![\\p{L}\\p{N}\\-])(?:${alternation})(?![\\p{L}\\p{N}]|-\\p{L})`, flags);
    aliases.push({ re, needles: [...new Set(needles)], person, named, surname });
  }
  return aliases;
}

/**
 * Descriptions an article gives a named person in apposition — `Yoshihide Suga, the top government
 * spokesman, told …`, `Toshimitsu Motegi, Japan's chief negotiator, said …` — become that person's
 * aliases for this article, with "the" or any possessive in front (`Japan's top government spokesman
 * said`) and without a leading proper adjective (`the US national security adviser` → `the national
 * security adviser`). A description two people share, or that already names someone, is left out.
 */
export function appositiveAliases(
  maskedParagraphs: string[],
  known: Alias[],
  people: Person[],
): { aliases: Alias[]; shared: Set<string> } {
  const owners = new Map<string, Set<string>>();
  for (const masked of maskedParagraphs) {
    if (!APPOSITIVE_HINT.test(masked)) continue; // most paragraphs give nobody a description
    for (const mention of findMentions(masked, masked, known)) {
      if (!mention.person || !mention.named) continue;
      const m = /^,\s+(?:the|[\p{Lu}][\p{L}.]*['’]s)\s+([\p{L}. -]+?),/u.exec(masked.slice(mention.end));
      const words = m?.[1]?.trim().split(/\s+/) ?? [];
      if (words.length === 0 || words.length > 5 || !ROLE_NOUNS.has(words.at(-1)!.toLowerCase())) continue;
      const cores = [words.join(' ')];
      if (words.length > 1 && /^\p{Lu}/u.test(words[0]!)) cores.push(words.slice(1).join(' '));
      for (const core of cores) {
        const key = core.toLowerCase();
        if (!owners.has(key)) owners.set(key, new Set());
        owners.get(key)!.add(mention.person);
      }
    }
  }
  const byId = new Map(people.map((p) => [p.id, p]));
  const learned: Alias[] = [];
  const shared = new Set([...owners].filter(([, ids]) => ids.size > 1).map(([core]) => core));
  for (const [core, ids] of owners) {
    const person = ids.size === 1 ? byId.get([...ids][0]!) : undefined;
    if (!person) continue;
    const sample = `the ${core}`;
    if (known.some((a) => matchesFrom0(a.re, sample))) continue;
    const body = core
      .split(' ')
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+');
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:the|[\\p{Lu}][\\p{L}.]*['’]s)\\s+${body}(?![\\p{L}\\p{N}])`, 'giu');
    learned.push({ re, person, named: false, surname: false });
  }
  return { aliases: learned, shared };
}

/** Whether a global pattern matches a text, searched from its start and left ready for the next search. */
function matchesFrom0(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit;
}

export function findMentions(masked: string, plain: string, aliases: Alias[]): Mention[] {
  const found: Array<Omit<Mention, 'possessive' | 'object' | 'parenthetical'>> = [];
  const lower = masked.toLowerCase();
  for (const alias of aliases) {
    if (alias.needles && !alias.needles.some((n) => lower.includes(n))) continue;
    alias.re.lastIndex = 0;
    for (const m of masked.matchAll(alias.re)) {
      if (alias.surname && isOtherPersonsName(masked, m.index!)) continue; // "Duyeon Kim", "Melania Trump"
      found.push({
        start: m.index!,
        end: m.index! + m[0].length,
        person: alias.person.id,
        pronoun: null,
        named: alias.named,
        words: alias.person.name.split(/\s+/).filter((w) => m[0].includes(w)),
        ...(alias.surname ? { surname: m[0] } : {}),
      });
    }
  }
  for (const m of masked.matchAll(/(?<![\p{L}\p{N}])(he|she|they)(?![\p{L}\p{N}])/giu)) {
    found.push({
      start: m.index!,
      end: m.index! + m[0].length,
      person: null,
      pronoun: (m[1] ?? 'he').toLowerCase() as Pronoun,
      named: false,
      words: [],
    });
  }
  // longest match wins where forms overlap ("Prime Minister Shinzo Abe" over "Abe")
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const mentions: Mention[] = [];
  let reach = -1;
  for (const f of found) {
    if (f.start < reach) continue;
    reach = f.end;
    mentions.push({
      ...f,
      possessive: f.pronoun === null && /^['’]s?(?![\p{L}])/u.test(masked.slice(f.end)),
      object: f.pronoun === null && isObject(masked, f.start, f.end), // "he", "she", "they" are never objects ("him" is)
      parenthetical: plain.slice(f.start, f.end).trim() === '',
    });
  }
  return mentions;
}

/** "a Japanese official", "one diplomat": someone the article does not name, as a subject. */
export const UNNAMED_PERSON = new RegExp(
  `(?<![\\p{L}])(?:a|an|one|another)\\s+(?:[\\p{L}'’.-]+\\s+){0,4}?` +
    `(?:${UNNAMED_NOUNS.join('|')}|(?:cattle|fisher|business|congress|sales|police|service)(?:man|men|woman|women))` +
    `s?(?![\\p{L}])`,
  'giu',
);

/** Where an unnamed person is the subject of the sentence [from, to) of the masked text, if one is. */
export function unnamedSubject(masked: string, from: number, to: number): number | undefined {
  for (const m of masked.slice(from, to).matchAll(UNNAMED_PERSON)) {
    const at = from + m.index!;
    if (!isObject(masked, at)) return at;
  }
  return undefined;
}

/** A bare surname right after a capitalised given name that is no title: someone else's full name. */
export function isOtherPersonsName(text: string, start: number): boolean {
  const m = /(\S+)[ \u00a0]$/u.exec(text.slice(0, start));
  const word = m?.[1];
  if (!m || !word || !/^\p{Lu}\p{Ll}+$/u.test(word) || NAME_PREFIXES.has(word) || TIME_WORDS.has(word)) return false;
  const earlier = text.slice(0, start - m[0].length).trimEnd();
  const opensSentence = earlier === '' || /[.!?:;"“”]$/.test(earlier);
  return !(opensSentence && SENTENCE_OPENERS.has(word));
}

/** A finite verb right after a mention: "the same phrase Trump used". */
export function verbFollows(text: string, end: number): boolean {
  const next = /^\s+(\p{Ll}+)/u.exec(text.slice(end))?.[1];
  return next !== undefined && (AUXILIARIES.has(next) || SPEECH_VERBS.has(next) || /^\p{Ll}{2,}ed$/u.test(next));
}

/**
 * Walks back over titles and capitalised words to the word that governs the mention. A noun before
 * it describes it ("Hamburg mayor Olaf Scholz") unless a verb follows the mention: then the noun is
 * what the mention's own clause is about ("the same phrase Trump used"), and the mention its subject.
 */
export function isObject(text: string, start: number, end = start): boolean {
  let i = start;
  for (;;) {
    const before = text.slice(0, i);
    const m = /([\p{L}\p{N}.'’-]+)(\s+)$/u.exec(before);
    if (!m) return false; // punctuation or the start: nothing governs it
    const word = m[1] ?? '';
    if (/[.]$/.test(word) && !/^(?:\p{L}\.)+$/u.test(word) && !TITLE_ABBREVIATIONS.test(word.slice(0, -1)))
      return false; // a sentence ended
    if (TIME_WORDS.has(word)) return false; // "On Monday Abe …": the preposition governs the day
    const bare = word.toLowerCase().replace(/['’]s$/, '');
    if (bare === 'that') return false; // "said that Trudeau had …": a clause opens, its subject follows
    // "than Trump had carried": a comparison's own clause, whose subject the mention is
    if ((bare === 'than' || bare === 'as') && end > start && verbFollows(text, end)) return false;
    if (PREPOSITIONS.has(bare) || OBJECT_VERBS.has(bare) || DETERMINERS.has(bare)) return true;
    if (/^\p{Lu}/u.test(word) || TITLE_WORDS.has(bare) || POSSESSIVE_DETERMINERS.has(bare)) {
      i = before.length - m[0].length; // "met his counterpart Abe": what governs "his" governs Abe
      continue;
    }
    if (CLAUSE_WORDS.has(bare) || SUBJECT_OPENERS.has(bare) || SPEECH_VERBS.has(word) || /ly$/.test(bare)) return false;
    // a verb governs it ("to flatter the president", "interrupted Abe"); a noun describes it
    // ("Hamburg mayor Olaf Scholz"): walk on past the noun
    const beforeWord = /([\p{L}]+)\s+$/u.exec(before.slice(0, before.length - m[0].length))?.[1]?.toLowerCase();
    if (/(?:ed|ing)$/.test(bare) || beforeWord === 'to') return true;
    if (end > start && verbFollows(text, end)) return false;
    i = before.length - m[0].length;
  }
}
