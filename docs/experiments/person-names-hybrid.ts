// The regex + structure person finder measured by person-names.ts: capitalised runs of the narration, kept as
// persons on structural evidence (a title, an apposition, a speech verb) and, optionally, compromise's lexicon.
// Kept apart from the measurement so that the engine can lift it as it stands.
import nlp from 'compromise';

/** A name a finder found: its text and its offsets in the paragraph. */
export type Span = { text: string; start: number; end: number };
export type Finder = (text: string) => Span[];
export const TITLES = String.raw`(?:U\.S\.|US|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|President|Vice President|Prime Minister|Premier|Chancellor|Chief Cabinet Secretary|(?:Foreign|Defense|Defence|Finance|Trade|Economy) Minister|Minister|Secretary|Senator|Sen|Rep|Ambassador|Governor|Gov|Emperor|Chairman|Leader)\.?`;

/** A span with edge punctuation trimmed (compromise's offsets include a trailing comma). */
export function span(text: string, start: number, end: number): Span {
  while (start < end && /[\s“”"‘’'(]/u.test(text[start]!)) start++;
  while (end > start && /[\s,.;:!?“”"()]/u.test(text[end - 1]!) && !/\b\p{Lu}\.$/u.test(text.slice(start, end))) end--;
  return { text: text.slice(start, end), start, end };
}

export const SPEECH = String.raw`(?:said|says|told|added|asked|noted|stated|wrote|explained|argued|insisted|warned|declared|replied|stressed|tweeted|acknowledged|recalled|continued|urged|remarked|announced|according to)`;
const ROLE = String.raw`(?:spokes(?:man|woman|person)|minister|secretary|president|premier|leader|professor|analyst|economist|official|director|researcher|chairman|chairwoman|chief|head|ambassador|envoy|adviser|advisor|lawmaker|senator|governor|mayor|correspondent|reporter|editor|executive|diplomat|negotiator|representative|fellow|member|farmer|worker|owner|resident|student|teacher|mother|father|daughter|son|wife|husband|veteran|manager|founder|lecturer|expert|strategist|activist|survivor|commentator)s?`;
// A capitalised word: initials ("U.S.", "H.W."), or a word with hyphens, whose full stop is kept only after an
// abbreviation, so that a run stops at the end of a sentence ("Lighthizer. Japan").
const CAP_WORD = String.raw`(?:(?:\p{Lu}\.)+|\p{Lu}[\p{L}'’]*(?:-\p{L}+)*(?:(?<=\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Gov|Sen|Rep|Prof|Gen))\.)?)`;
const CAP_RUN = new RegExp(`${CAP_WORD}(?: (?:${CAP_WORD}|(?:de|van|von|bin|Lo)(?= \\p{Lu})))*`, 'gu');
// prettier-ignore
const TITLE_ANY = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|President|Prime|Minister|Secretary|Senator|Sen|Rep|Ambassador|Governor|Gov|Emperor|Chairman|Leader|Chancellor|Premier|Representative|Spokesman|Spokeswoman)\.?$/u;
// prettier-ignore
const CLOSED_CLASS = /^(?:The|A|An|But|And|Or|So|In|On|At|Of|For|With|From|By|To|As|When|While|After|Before|Since|If|That|This|These|Those|Both|Then|Yet|Asked|Speaking|Meanwhile|According|It|He|She|They|We|I|His|Her|Their|Our)$/u;
// prettier-ignore
const ORG_HEAD = /(?:^| )(?:Ministry|Office|Department|Committee|Council|Agreement|Partnership|Party|Agency|House|Force|Forces|Times|News|Post|Group|Bank|Association|Institute|University|Center|Centre|Commission|Administration|Court|Union|Summit|Treaty|Diet)$/u;
const TITLE_BEFORE = new RegExp(`\\b(?:${ROLE}|Mr|Mrs|Ms|Dr)\\.?,? $`, 'iu'); // "leader Kim", "North Korea's leader, Kim"
const AFTER_EVIDENCE = new RegExp(`^(?:,? who\\b|, \\d{1,3},|, [^,.;“”"]{0,60}?\\b${ROLE}\\b)`, 'u');
export const SPEAKER_AFTER = new RegExp(`^[’']?s?(?:, [^,“”"]{1,100},)? ${SPEECH}\\b`, 'u');
export const SPEAKER_BEFORE = new RegExp(`\\b${SPEECH} (?:(?:the )?${TITLES} )*$`, 'u');

type Lexicon = Record<string, string | string[]>;
const lexicon = (nlp as unknown as { model(): { one: { lexicon: Lexicon } } }).model().one.lexicon;
const FOR = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Honorific', 'Person']);
// Compromise stores one coarse tag per word: nouns are Singular/Plural/Uncountable, hence more than the brief's "Noun".
const AGAINST = new Set(['Place', 'Country', 'City', 'Region', 'Organization', 'Month', 'WeekDay', 'Noun', 'Singular',
  'Plural', 'Uncountable', 'Demonym', 'SportsTeam', 'Date', 'Timezone', 'Currency']); // prettier-ignore
const tagsOf = (w: string): string[] => [lexicon[w.toLowerCase().replace(/[’']s$/u, '')] ?? []].flat();

export function hybrid(useLexicon: boolean): Finder {
  return (text) => {
    const out: Span[] = [];
    for (const m of text.matchAll(CAP_RUN)) {
      const words = m[0].replace(/[’']s$|\.$/u, '').split(' ');
      let start = m.index;
      // Drop sentence-initial closed-class words, everything up to the last title ("U.S. Trade Representative"), a
      // possessive's owner ("Japan’s Mr. Abe") and the department after "Secretary of" ("State Rex Tillerson").
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      let titled = /(?:Secretary|Minister|Ministry|Department) of $/u.test(before);
      for (let k = 0; k < words.length; k++) {
        const w = words[k]!;
        const title = TITLE_ANY.test(w);
        const department = k === 0 && titled;
        const owner = k < words.length - 1 && /[’']s$/u.test(w);
        if (title || department || owner || CLOSED_CLASS.test(w) || (k === 0 && w === 'U.S.'))
          start = m.index + words.slice(0, k + 1).join(' ').length + 1;
        titled ||= title;
      }
      const s = span(text, start, m.index + words.join(' ').length);
      // One-letter runs and runs headed by an organisation noun ("Foreign Ministry", "White House") are not persons.
      if (s.end <= s.start || /^\p{Lu}\.?$/u.test(s.text) || ORG_HEAD.test(s.text)) continue;
      const after = text.slice(s.end, s.end + 120);
      let evidence = titled || TITLE_BEFORE.test(before) || AFTER_EVIDENCE.test(after);
      evidence ||= SPEAKER_AFTER.test(after) || SPEAKER_BEFORE.test(text.slice(Math.max(0, s.start - 60), s.start));
      if (useLexicon) {
        const tags = [s.text, ...s.text.split(' ')].map(tagsOf); // the whole run first: "North Korea" is a Country
        const named = tags.some((t) => t.some((x) => FOR.has(x)));
        // A run with no name-like word and a place/organisation/common-noun word is not a person ("White House").
        if (!named && tags.some((t) => t.some((x) => AGAINST.has(x)))) continue;
        evidence ||= named;
      }
      if (evidence) out.push(s);
    }
    return out;
  };
}
