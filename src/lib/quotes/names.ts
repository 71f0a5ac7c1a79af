/**
 * People an article names who are not in content/people.json: "Sakie Yokota, the mother of …",
 * "U.S. Embassy spokesman Daniel Reyes", "Kenji Ito, who runs a noodle shop". Each becomes a Person
 * for this article (not listed), with a stable id made from the name and the article's own description.
 *
 * A capitalised run of words in the narration is a person's name when the text treats it as one — a
 * title or honorific right before it, a description in apposition after it, a relative "who", or a
 * speech verb it is the subject of — and no word of it is, to compromise's lexicon, a place, an
 * organisation or a date. The lexicon also counts a known first name as evidence. Reading only the
 * narration (quotes masked) keeps quoted words from naming anyone.
 */
import nlp from 'compromise';
import { wordsOf } from './clauses.ts';
import {
  AUXILIARIES,
  CLAUSE_WORDS,
  FUNCTION_WORDS,
  NAME_PREFIXES,
  PREPOSITIONS,
  NON_NAME_WORDS,
  ORGANISATION_WORDS,
  SENTENCE_OPENERS,
  SPEECH_VERBS,
  TIME_WORDS,
  TITLE_WORDS,
  UNNAMED_NOUNS,
} from './lexicon.ts';
import type { Person } from './types.ts';

/** A person the article names and content/people.json does not list. */
export interface FoundPerson extends Person {
  listed: false;
  /** `role`: how the article describes them, in its own words ("the mother of Megumi Yokota"), or "". */
}

/** The words compromise's lexicon knows, with their tags (one lookup a word, no parsing). */
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon;

const tagsOf = (word: string): string[] => {
  const tags = LEXICON[word.toLowerCase()];
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
};

/** Lexicon tags that make a capitalised word no part of a person's name. */
const NOT_A_NAME = new Set([
  'Place',
  'Country',
  'City',
  'Region',
  'Organization',
  'Month',
  'WeekDay',
  'Date',
  'Demonym',
  'Currency',
  'Determiner',
  'Pronoun',
  'Preposition',
  'Conjunction',
  'Adverb',
]);
const FIRST_NAME = new Set(['FirstName', 'MaleName', 'FemaleName']);

/** A romanised Korean name: family name, then a hyphenated given name ("Lee Chun-sik"). */
const KOREAN_NAME = /^\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+-\p{Ll}+$/u;

/** Initials that name a country or a body, not a person: "U.S.", "U.N.". */
const COUNTRY_INITIALS = /^(?:U\.S\.(?:A\.)?|U\.K\.|U\.N\.|E\.U\.|D\.C\.)$/;

/** Words of a name: a capitalised word (Jae-in, O'Brien, McDonald), or initials ("J.", "H.R."). */
const NAME_WORD = String.raw`(?:(?:\p{Lu}\.){2,3}|\p{Lu}\p{Ll}*\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}*(?:['’]\p{Lu}\p{Ll}+)?(?:-\p{L}\p{Ll}*)?|(?:\p{Lu}\.){1,3})`;
const SUFFIX = String.raw`(?:,?\s+(?:Jr\.|Sr\.|Jr|Sr|II|III|IV))`;
const NAME_RUN = new RegExp(
  `(?<![\\p{L}\\p{N}.'’-])${NAME_WORD}(?:\\s+${NAME_WORD}){0,5}${SUFFIX}?(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Relations and roles a description may name: "the mother of …", "a noodle-shop owner", "an analyst at …". */
const DESCRIPTION_NOUNS = new Set([
  ...UNNAMED_NOUNS,
  ...'mother father wife husband sister brother son daughter widow grandmother grandfather aunt uncle cousin friend head founder president chairman chairwoman ceo fellow scholar historian economist researcher author mayor governor lawmaker'.split(
    ' ',
  ),
]);

/** A title or honorific: "Secretary", "Mr", "spokesman". */
const isTitle = (word: string): boolean =>
  NAME_PREFIXES.has(word) || TITLES.has(word.toLowerCase()) || DESCRIPTION_NOUNS.has(word.toLowerCase());

/** Words a title never holds: articles, prepositions, conjunctions, auxiliaries. */
const TITLE_STOPS = new Set([...FUNCTION_WORDS, ...PREPOSITIONS, ...CLAUSE_WORDS, ...AUXILIARIES]);

/** Titles written before a name ("President Moon Jae-in", "Governor Yuriko Koike"). */
const TITLES = new Set(
  'president minister premier governor chancellor secretary senator ambassador chairman general mayor professor'.split(
    ' ',
  ),
);

const SHE_WORDS = new Set(
  'ms ms. mrs mrs. mother wife sister daughter widow grandmother aunt chairwoman spokeswoman'.split(' '),
);
const HE_WORDS = new Set('mr mr. father husband brother son grandfather uncle chairman spokesman'.split(' '));

interface Candidate {
  name: string;
  evidence: number;
  /** A title or honorific stood right before it once ("Emperor Naruhito", "Mr Ito"). */
  titled: boolean;
  description: string;
  pronoun: Person['pronoun'] | null;
}

/**
 * The people an article's narration names and `known` does not. `known` tests a name run against the
 * listed people's aliases; a run that is exactly a listed person's name is theirs, not a new person.
 */
export function findPeople(narration: string[], known: (name: string) => boolean): FoundPerson[] {
  const candidates = new Map<string, Candidate>();
  // a word the article also prints in lower case ("trade", "team") is a common word capitalised, not a name
  const common = new Set(narration.flatMap((text) => text.match(/(?<![\p{L}])\p{Ll}[\p{Ll}-]+/gu) ?? []));
  for (const text of narration) {
    for (const m of text.matchAll(NAME_RUN)) {
      const found = nameAt(text, m.index, m[0], common);
      if (!found || known(found.name)) continue;
      // "Donald Trump Jr.": the suffix keeps its full stop
      if (/(?:Jr|Sr)$/.test(found.name) && text.charAt(found.end) === '.') {
        found.name += '.';
        found.end += 1;
      }
      const key = nameKey(found.name);
      const previous = candidates.get(key);
      const evidence = personEvidence(text, found.start, found.end, found.name);
      if (!previous) {
        candidates.set(key, {
          name: found.name,
          evidence,
          titled: titled(text, found.start),
          description: evidence > 0 ? describe(text, found.start, found.end) : '',
          pronoun: pronounCue(text, found.start, found.end),
        });
        continue;
      }
      previous.evidence += evidence;
      previous.titled ||= titled(text, found.start);
      if (found.name.length > previous.name.length) previous.name = found.name;
      if (!previous.description && evidence > 0) previous.description = describe(text, found.start, found.end);
      previous.pronoun ??= pronounCue(text, found.start, found.end);
    }
  }
  const people: FoundPerson[] = [];
  const familyNames = new Set(
    [...candidates.values()].filter((c) => /\s/.test(c.name)).flatMap((c) => [...familyNamesOf(c.name)]),
  );
  for (const c of candidates.values()) {
    if (c.evidence <= 0) continue;
    // one word is a name only after a title ("Emperor Naruhito"), and not the family name of a full one found
    if (wordsOf(c.name).length < 2 && (!c.titled || familyNames.has(c.name))) continue;
    people.push(foundPerson(c));
  }
  return people;
}

/** A stable id from a name: "Sakie Yokota" → "sakie-yokota", "Kang Kyung-wha" → "kang-kyung-wha". */
export function personId(name: string): string {
  return nameKey(name).replace(/\s+/g, '-');
}

/**
 * A name folded for matching across articles: accents, case, honorifics, initials and suffix dots
 * ignored ("Mr. Daniel J. Reyes", "Daniel Reyes" → "daniel reyes").
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/^(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)+/i, '')
    .replace(/(?<![\p{L}])\p{Lu}\.\s*/gu, '') // middle initials
    .replace(/[.,]/g, '')
    .replace(/['’]/g, '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

/**
 * The words of a name that stand alone for its bearer: the last, and the first for names written family
 * name first (Moon Jae-in, Kim Yo Jong). A suffixed name has none: "Trump" alone is not Donald Trump Jr.
 */
export function familyNamesOf(name: string): Set<string> {
  if (SUFFIX_AT_END.test(name)) return new Set();
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  if (words.length < 2) return new Set(words);
  return new Set([words.at(-1)!, ...(/\.$/.test(words[0]!) ? [] : [words[0]!])]);
}

function foundPerson(c: Candidate): FoundPerson {
  const parts = c.name.replace(SUFFIX_AT_END, '').split(/\s+/);
  const suffixed = SUFFIX_AT_END.test(c.name);
  const first = parts[0]!;
  const last = parts.at(-1)!;
  const aliases = new Set([c.name]);
  if (!suffixed) {
    // a family name stands alone: the last word, and the first for names written family name first
    // (Moon Jae-in, Xi Jinping, Kim Yo Jong); where two people share one, the mentions decide (mentions.ts)
    for (const family of /\.$/.test(first) ? [last] : [last, first]) {
      aliases.add(family);
      for (const h of HONORIFICS) aliases.add(`${h} ${family}`);
    }
  }
  return {
    id: personId(c.name),
    name: c.name,
    role: c.description,
    pronoun: c.pronoun ?? 'they',
    aliases: [...aliases],
    listed: false,
  };
}

const HONORIFICS = ['Mr', 'Mr.', 'Ms', 'Ms.', 'Mrs', 'Mrs.', 'Dr', 'Dr.'];
const SUFFIX_AT_END = new RegExp(`${SUFFIX}$`, 'u');

/** The name in a capitalised run, past a sentence opener, titles and honorifics in front of it. */
function nameAt(
  text: string,
  index: number,
  run: string,
  common: Set<string>,
): { name: string; start: number; end: number } | undefined {
  const words = run.split(/\s+/);
  let skip = 0;
  while (skip < words.length) {
    const w = words[skip]!;
    if (/^(?:\p{Lu}\.)+$/u.test(w) && !COUNTRY_INITIALS.test(w)) break; // initials ("H.R.") start a name
    const lower = w.toLowerCase();
    if (NAME_PREFIXES.has(w) || SENTENCE_OPENERS.has(w) || TIME_WORDS.has(w)) {
      skip += 1;
      continue;
    }
    const placeOrTitle = TITLES.has(lower) || tagsOf(w).some((t) => NOT_A_NAME.has(t));
    if (placeOrTitle || NON_NAME_WORDS.has(lower) || DESCRIPTION_NOUNS.has(lower) || common.has(lower)) {
      skip += 1;
      continue;
    }
    break;
  }
  // "Defense Secretary Jim Mattis": the name starts after the last title in the run
  const lastTitle = words.findLastIndex((w) => isTitle(w));
  if (lastTitle >= skip && lastTitle < words.length - 1) skip = lastTitle + 1;
  const nameWords = words.slice(skip);
  if (nameWords.length === 0) return undefined;
  const firstNamed = tagsOf(nameWords[0]!).some((t) => FIRST_NAME.has(t));
  // a run that ends in "Embassy", "Ministry", "University", "Park" names an organisation or a place, whatever
  // comes first ("Park Sun-young" is a person: the word leads, it does not end the run)
  // — unless a known first name leads a two-word name: "Lena Park" is a person
  const organisation = ORGANISATION_WORDS.has(nameWords.at(-1)!.replace(/[.,]$/, '').toLowerCase());
  if (organisation && !(firstNamed && nameWords.length === 2)) return undefined;
  // a place or a month anywhere: no person's name
  for (const w of nameWords) {
    const bare = w.replace(/[.,]$/, '');
    const lower = bare.toLowerCase();
    if (NON_NAME_WORDS.has(lower) || common.has(lower)) return undefined;
    if (/^(?:Jr|Sr|II|III|IV)$/.test(bare) || (/^(?:\p{Lu}\.)+$/u.test(w) && !COUNTRY_INITIALS.test(w))) continue;
    // a place's name may be a family name too (Bolton, Sterling): after a known first name it is one
    if (tagsOf(bare).some((t) => NOT_A_NAME.has(t)) && !firstNamed) return undefined;
  }
  const name = nameWords.join(' ');
  const start = index + run.indexOf(name);
  return { name, start, end: start + name.length };
}

/** A title or honorific right before the name: "Emperor Naruhito", "Mr Ito", "President Moon". */
function titled(text: string, start: number): boolean {
  const prior = /([\p{L}.]+)\s+$/u.exec(text.slice(Math.max(0, start - 20), start))?.[1] ?? '';
  return NAME_PREFIXES.has(prior) || TITLES.has(prior.toLowerCase());
}

/** How strongly the text around a name treats it as a person's: titles, appositions, "who", speech. */
function personEvidence(text: string, start: number, end: number, name: string): number {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 60);
  let evidence = 0;
  const prior = /([\p{L}.]+)\s+$/u.exec(before)?.[1] ?? '';
  if (NAME_PREFIXES.has(prior)) evidence += 1; // "Mr Ito", "President Moon"
  if (
    /^,\s+(?:\d{1,3},|who\s|whose\s|(?:the|a|an)\s+(?:[\p{L}\p{N}'’-]+\s+){0,5}?[\p{L}-]+\s+(?:of|at|for|in|from|who)\s)/u.test(
      after,
    )
  )
    evidence += 1; // "Sakie Yokota, the mother of …", "Kenji Ito, who runs …", "Yoshiko Tanaka, 72,"
  // an apposition whose first words hold a role or a relation: ", an LDP lawmaker close to …", ", a 24-year-old student"
  const described =
    /^,\s+(?:the|a|an|(?:\p{Lu}[\p{L}.]*\s+)?\p{Lu}[\p{L}.]*['’]s)\s+((?:[\p{L}\p{N}'’-]+\s+){0,5}[\p{L}-]+)/u.exec(
      after,
    );
  if (described && wordsOf(described[1]!).some((w) => DESCRIPTION_NOUNS.has(w.toLowerCase()))) evidence += 1;
  // the subject of a speech verb after its apposition: "Hideo Kurosawa, an LDP lawmaker …, scoffed"
  const afterAside = /^,[^,;.]{1,160},\s+(\p{Ll}+)/u.exec(text.slice(end, end + 200))?.[1];
  if (afterAside && SPEECH_VERBS.has(afterAside)) evidence += 1;
  if (titleBefore(text, start)) evidence += 1;
  const next = /^\s+(\p{Ll}+)/u.exec(after)?.[1];
  const previousWord = /(\p{Ll}+)\s*$/u.exec(before)?.[1];
  if ((next && SPEECH_VERBS.has(next)) || (previousWord && SPEECH_VERBS.has(previousWord))) evidence += 1; // "Ito said", "said Ito"
  if (tagsOf(name.split(/\s+/)[0]!).some((t) => FIRST_NAME.has(t))) evidence += 1;
  // the name is itself the apposition of a role: "The plaintiffs' lawyer, Park Hyun-woo, said"
  const role = /(\p{Ll}+),\s*$/u.exec(before)?.[1];
  if (role && (DESCRIPTION_NOUNS.has(role) || TITLE_WORDS.has(role)) && /^,/.test(after)) evidence += 1;
  // a family name and a hyphenated given name, as Korean names are romanised: "Lee Chun-sik", "Park Hyun-woo"
  if (KOREAN_NAME.test(name)) evidence += 1;
  return evidence;
}

/** The article's own description of the person at [start, end): an apposition, a "who" clause, a title. */
function describe(text: string, start: number, end: number): string {
  const after = text.slice(end);
  const apposition =
    /^,\s+((?:the|a|an|who|whose|(?:\p{Lu}[\p{L}.]*\s+)?\p{Lu}[\p{L}.]*['’]s)\s[^,;.]*?|\d{1,3},\s+(?:the|a|an)\s[^,;.]*?)(?=[,;.]|$)/u.exec(
      after,
    )?.[1];
  if (apposition && apposition.length <= 100) return apposition.replace(/^\d{1,3},\s+/, '').trim();
  const title = titleBefore(text, start);
  if (title) return title;
  return '';
}

/** A title right before a name, "U.S. Embassy spokesman", "South Korean President": its last word a role. */
function titleBefore(text: string, start: number): string {
  const words = text
    .slice(Math.max(0, start - 60), start)
    .split(/\s+/)
    .filter(Boolean);
  const last = words.at(-1)?.toLowerCase() ?? '';
  if (!DESCRIPTION_NOUNS.has(last) && !TITLES.has(last)) return '';
  let k = words.length - 1;
  while (k > 0) {
    const w = words[k - 1]!;
    const modifier =
      /^(?:\p{Lu}[\p{L}.'’-]*|U\.S\.)$/u.test(w) &&
      !SENTENCE_OPENERS.has(w) &&
      !TIME_WORDS.has(w) &&
      !FUNCTION_WORDS.has(w.toLowerCase()) &&
      !/[,;:]$/.test(w);
    const lower = w.toLowerCase();
    // "national security adviser": lower-case nouns of the title, up to a verb, article or preposition
    const noun =
      /^\p{Ll}[\p{Ll}-]+$/u.test(w) && !TITLE_STOPS.has(lower) && !SPEECH_VERBS.has(lower) && !/(?:ed|ly)$/.test(lower);
    if (!modifier && !noun && !DESCRIPTION_NOUNS.has(lower)) break;
    if (words.length - k >= 5) break;
    k -= 1;
  }
  return words.slice(k).join(' ');
}

/** He or she, when the text says: an honorific, a relation ("mother", "son"), a gendered title. */
function pronounCue(text: string, start: number, end: number): Person['pronoun'] | null {
  // only words that describe the person: the title before the name and the head of an apposition after it
  // ("Sakie Yokota, the mother of …"), not a relative's ("Takuya Yokota, whose sister …")
  const title = wordsOf(
    titleBefore(text, start) || (/(\S+)\s+$/u.exec(text.slice(Math.max(0, start - 12), start))?.[1] ?? ''),
  );
  const apposition = /^,\s+(?:the|a|an|\d{1,3},\s+(?:the|a|an))\s+((?:[\p{L}\p{N}'’-]+\s+){0,3}[\p{L}-]+)/u.exec(
    text.slice(end, end + 60),
  )?.[1];
  const describing = [...title, ...wordsOf(apposition ?? '')].map((w) => w.toLowerCase());
  if (describing.some((w) => SHE_WORDS.has(w))) return 'she';
  if (describing.some((w) => HE_WORDS.has(w))) return 'he';
  // a family name first ("Kim Kwan-jin": the given name hyphenated) is no first name, whatever English makes of it
  const name = text.slice(start, end);
  if (KOREAN_NAME.test(name)) return null;
  const first = tagsOf(name.split(/\s+/)[0] ?? '');
  if (first.includes('FemaleName')) return 'she';
  if (first.includes('MaleName')) return 'he';
  return null;
}
