import {
  blankParentheticals,
  groupSubject,
  mainClauseStart,
  phraseEnd,
  sentenceAt,
  sentenceRanges,
  wordsOf,
} from './clauses.ts';
import { DASH_ASIDE_WORDS, maskQuotes } from './extract.ts';
import {
  AUXILIARIES,
  CLAUSE_WORDS,
  COGNITION_VERBS,
  NP_DETERMINERS,
  POSSESSIVE_DETERMINERS,
  REACH,
  SPECIFIC_ROLES,
  SPEECH_NOUN,
  SPEECH_PARTICIPLES,
  SPEECH_VERBS,
  STATEMENT,
} from './lexicon.ts';
import {
  appositiveAliases,
  compileAliases,
  findMentions,
  isCompound,
  unnamedSubject,
  type Mention,
  type Pronoun,
} from './mentions.ts';
import type {
  ArticleText,
  AttributedQuote,
  AttributionMethod,
  ExtractedQuote,
  Evidence,
  Paragraph,
  Person,
  QuoteOverride,
  QuoteSpan,
} from './types.ts';
import { append } from './collections.ts';
import { normalizeText, OVERRIDDEN, overridesByText } from './overrides.ts';

export { normalizeText } from './overrides.ts';
import { familyNamesOf, findPeople, nameKey, type FoundPerson } from './names.ts';

/**
 * Says who spoke each quote: the people in `people`, and those the article names that nobody listed (names.ts).
 *
 * Rules, first match wins (all read narration only — words inside quotes never name a speaker):
 * 1. override from the article's `quotes:` list;
 * 2. a later part of a split quotation inherits the first part's speaker;
 * 3. post-attribution right after the quote: `"...," Trump said` / `said Trump` / `he noted`
 *    (also after an exclamation that ends the sentence: `"… a great friend!" Mr Trump wrote`);
 * 4. pre-attribution: the last speech verb before the quote in its sentence and that verb's
 *    subject (`Abe said: "..."`, `He said Abe "will..."`; `..., calling it a "disaster"` and
 *    `X and said "..."` take the sentence's subject, `with Trump later praising …` its own);
 *    a quote inside an aside takes the aside's (`the talks, which officials are calling "FFR",`
 *    → nobody on the list; `Abe, who called it "a good deal",` → Abe);
 * 5. a possessor's words (`Trump's complaint that Japan and China "play the money market"`),
 *    then `according to the president`;
 * 6. a quote that is a whole sentence: the subject of the sentence before it in the paragraph,
 *    or of a previous paragraph ending in a colon (`As NPR's Scott Horsley reports from Tokyo:`),
 *    or — for a quote that opens its paragraph after a paragraph with no quotes — the speaker
 *    that paragraph paraphrased (`Whitfield … said the head start would shrink.`),
 *    or — for a paragraph that is nothing but the quote — the speaker of the quote that ended
 *    the previous paragraph with its attribution;
 * 7. a fragment inside a sentence whose subject is one person (`Abe said the two leaders are in
 *    "100 percent" agreement`, `the U.S. president stuck to his "America First" mantra`).
 * A definite title no alias knows, right after a sentence about a named person, is that person
 * (`Suga praised … "…," Japan's top government spokesman said`).
 * A so-called phrase is nobody's words. An attribution whose subject is nobody on the list (`said a Japanese government official`,
 * `what commentators have called`),
 * a joint subject (`both Abe and Trump`) or no rule at all gives speaker null.
 * Pronouns resolve to the latest person of that pronoun named as a subject (not as an object
 * such as `talks with Abe` or `to flatter the president`) earlier in the paragraph or the two
 * before it. Besides the aliases in `people`, a description the article gives someone in
 * apposition (`Yoshihide Suga, the top government spokesman,`) names that person for the rest
 * of the article (`Japan's top government spokesman said`).
 */
export function attributeQuotes(
  article: ArticleText,
  quotes: ExtractedQuote[],
  people: Person[],
  overrides: QuoteOverride[] = [],
): AttributedQuote[] {
  return attributeArticle(article, quotes, people, overrides).quotes;
}

/** The quotes with their speakers, and the people the article names that `people` does not list. */
export function attributeArticle(
  article: ArticleText,
  quotes: ExtractedQuote[],
  people: Person[],
  overrides: QuoteOverride[] = [],
): { quotes: AttributedQuote[]; found: FoundPerson[] } {
  const speakerOverrides = overridesByText(article, quotes, overrides, { people });
  const reader = new NarrationReader(article, quotes, people);
  const done = new Map<string, AttributedQuote>();
  const results: AttributedQuote[] = [];
  for (const quote of quotes) {
    const override = speakerOverrides.get(normalizeText(quote.text));
    let found: Found;
    if (override && override.speaker !== undefined)
      found = { speaker: override.speaker, method: 'override', evidence: OVERRIDDEN };
    else if (quote.utterance !== quote.anchor && done.has(quote.utterance)) {
      const part = done.get(quote.utterance)!;
      const keys = part.speakerEvidence?.keys ?? [];
      found = {
        speaker: part.speaker,
        method: 'continuation',
        evidence: {
          keys: ['utterance', ...keys.slice(0, 3).map((k) => `utterance/${k}`)],
          because: `the rest of a quotation split by its attribution (its first part: ${part.speakerEvidence?.because ?? part.attribution})`,
        },
      };
    } else found = reader.speakerOf(quote, done);
    if (found.speaker === null && found.method !== 'override') found = { ...found, speaker: null, method: 'none' };
    const attributed: AttributedQuote = {
      ...quote,
      speaker: found.speaker,
      attribution: found.method,
      speakerEvidence: found.evidence,
    };
    done.set(quote.anchor, attributed);
    results.push(attributed);
  }
  return { quotes: results, found: reader.found };
}

// ---------------------------------------------------------------------------

interface Found {
  speaker: string | null;
  method: AttributionMethod;
  /** Set once, where a decision leaves the cascade (speakerOf). */
  evidence?: Evidence;
}

/**
 * What one speaker decision went through, written by the rules as they read, for its evidence: the words
 * that named the speaker and how they name them, and how far back a pronoun's person stood.
 */
interface Trace {
  mention?: string;
  kind?: 'name' | 'surname' | 'shared-surname' | 'title' | 'office-holder' | 'description' | 'pronoun';
  /** A pronoun's person: named in the same sentence, the sentence before, 1 or 2 paragraphs back, through another pronoun. */
  distance?: string;
  antecedent?: string;
  /** Which reading of the narration around a whole-sentence quote named the speaker. */
  via?: string;
}

/** Conjunctions that open a subordinate clause with a subject of its own. */
const SUBORDINATORS = 'as|when|while|after|before|because|since|although|though|until|once';
/** A subordinate clause's opening, whose own subject an "and said" later in it goes on with. */
const SUBORDINATE_AND = new RegExp(`(?<![\\p{L}])(?:${SUBORDINATORS})\\s`, 'giu');
/** A conjunction right before a name: the name opens a clause of its own ("after Abe called"). */
const SUBORDINATE_BEFORE = new RegExp(`(?<![\\p{L}])(?:${SUBORDINATORS})\\s+$`, 'iu');

const PREPOSITION_FIRST =
  /^\s*(?:with|to|about|on|for|of|by|in|at|from|after|before|during|over|through|into)(?![\p{L}])/iu;

/** Each rule of the cascade in the words an editor reads. */
const RULE_WORDS: Record<string, string> = {
  'so-called': "a so-called phrase: a name for something, nobody's words",
  post: 'the attribution right after the quote',
  pre: 'the subject of the speech verb before the quote',
  possessive: 'the person whose words the sentence says they are ("X\'s warning that …")',
  'according-to': 'the person after "according to"',
  'whole-sentence': 'the narration around a quote that is a sentence of its own',
  'sentence-subject': "the subject of the quote's sentence",
};
const VIA_WORDS: Record<string, string> = {
  'sentence-before': 'the subject of the sentence before it',
  colon: 'who introduces it at the end of the paragraph before (a colon)',
  paraphrase: 'the person the paragraph before reports, the quote going on with their words',
  'bare-continuation': 'the speaker of the quote that ends the paragraph before',
};

/** The text names nobody on purpose (a so-called phrase, "a Japanese official"): no later rule may guess. */
const NOBODY: Found = { speaker: null, method: 'none' };

/** One quote and where it stands: what every rule of the cascade reads. */
interface QuoteContext {
  quote: ExtractedQuote;
  /** The quotes attributed so far, by anchor (a continuation takes its first part's speaker). */
  done: Map<string, AttributedQuote>;
  /** The paragraph, opening span and sentence where the quote starts. */
  head: ParagraphView;
  first: QuoteSpan;
  headSentence: [number, number];
  /** The paragraph, closing span and sentence where it ends (the same for a one-paragraph quote). */
  tail: ParagraphView;
  last: QuoteSpan;
  tailSentence: [number, number];
}

interface ParagraphView {
  paragraph: Paragraph;
  /** Narration: quote contents masked. */
  masked: string;
  /** Narration with parentheticals (", who ...,", "(...)") blanked too. */
  plain: string;
  sentences: Array<[number, number]>;
  mentions: Mention[];
  quotes: ExtractedQuote[];
}

class NarrationReader {
  private views = new Map<number, ParagraphView>();
  private pronounOf = new Map<string, Pronoun>();
  private roleOf = new Map<string, string>();
  /** Descriptions the article gives two or more people: they name nobody. */
  private sharedDescriptions = new Set<string>();

  /** People the article names who are not listed: they speak like anyone else (names.ts). */
  readonly found: FoundPerson[];
  /** The words of each person's name that a mention may use alone for them (names.ts, familyNamesOf). */
  private familyNames = new Map<string, Set<string>>();
  /** Found people the article gives no he or she: a pronoun of either may mean them. */
  private anyPronoun = new Set<string>();
  private nameOf = new Map<string, string>();
  /** Family-name mentions settleSharedSurnames gave to one of two people who bear the name. */
  private settled = new Set<Mention>();
  /** The decision being made (speakerOf): what its evidence will say. */
  private trace: Trace = {};

  constructor(article: ArticleText, quotes: ExtractedQuote[], listed: Person[]) {
    const spansByParagraph = new Map<number, QuoteSpan[]>();
    const quotesByParagraph = new Map<number, ExtractedQuote[]>();
    for (const q of quotes) {
      for (const s of q.spans) append(spansByParagraph, s.paragraph, s);
      const first = q.spans[0]!.paragraph;
      append(quotesByParagraph, first, q);
    }
    const maskedOf = new Map(
      article.paragraphs.map((p) => [p.index, maskQuotes(p.text, spansByParagraph.get(p.index) ?? [])]),
    );
    const listedForms = listedNameKeys(listed);
    this.found = findPeople([...maskedOf.values()], (name) => listedForms.has(nameKey(name)));
    const people = [...listed, ...this.found];
    for (const p of people) this.pronounOf.set(p.id, p.pronoun);
    for (const p of people) this.roleOf.set(p.id, p.role);
    for (const p of people) this.nameOf.set(p.id, p.name);
    for (const p of this.found) if (p.pronoun === 'they') this.anyPronoun.add(p.id);
    for (const p of people) this.familyNames.set(p.id, familyNamesOf(p.name));
    const known = compileAliases(people);
    const learned = appositiveAliases([...maskedOf.values()], known, people);
    this.sharedDescriptions = learned.shared;
    const aliases = [...known, ...learned.aliases];
    for (const paragraph of article.paragraphs) {
      const masked = maskedOf.get(paragraph.index)!;
      const plain = blankParentheticals(masked);
      const sentences = sentenceRanges(masked);
      const mentions = findMentions(masked, plain, aliases);
      this.views.set(paragraph.index, {
        paragraph,
        masked,
        plain,
        sentences,
        mentions,
        quotes: quotesByParagraph.get(paragraph.index) ?? [],
      });
    }
    this.settleSharedSurnames();
    this.settleHonorifics();
  }

  /**
   * A family name two people named in the article share ("Kim" with Kim Jong Un and Kim Yo Jong named)
   * means the one of them named in full as a subject most recently in the passage (the paragraph and REACH before);
   * with neither there, the listed one, else the one the article names in full most often (nobody on a tie).
   * A family name only one person named in full bears is theirs, even where it is a listed person's alias.
   */
  private settleSharedSurnames(): void {
    const owners = new Map<string, Set<string>>();
    const fullMentions = new Map<string, number>();
    for (const view of this.views.values())
      for (const m of view.mentions)
        if (m.person && m.named && !m.surname) {
          fullMentions.set(m.person, (fullMentions.get(m.person) ?? 0) + 1);
          for (const word of this.familyNames.get(m.person) ?? [])
            if (m.words.includes(word)) owners.set(word, (owners.get(word) ?? new Set()).add(m.person));
        }
    const foundIds = new Set(this.found.map((p) => p.id));
    // the listed person first (an editor listed them as the story's figure), then the one named in full most often
    const salience = (id: string) => (fullMentions.get(id) ?? 0) + (foundIds.has(id) ? 0 : 1000);
    const salient = (ids: Set<string>): string | null => {
      const [first, second] = [...ids].map(salience).sort((a, b) => b - a);
      return first !== undefined && first !== second ? [...ids].find((id) => salience(id) === first)! : null;
    };
    // shared: two people named in full bear it, or one does and the alias's owner is not named at all
    // ("Kim said" after "Kim Seung-ho, a deputy minister" in a story that never names Kim Jong Un)
    const shared = (word: string, person: string | null) => {
      const bearers = owners.get(word);
      return bearers !== undefined && (bearers.size > 1 || (person !== null && !bearers.has(person)));
    };
    for (const view of this.views.values()) {
      for (const m of view.mentions) {
        if (!m.surname || !shared(m.surname, m.person)) continue;
        const candidates = owners.get(m.surname)!;
        let person: string | null = null;
        for (let p = view.paragraph.index; p >= view.paragraph.index - REACH && p >= 1 && person === null; p -= 1) {
          const full = (this.views.get(p)?.mentions ?? []).filter(
            (x) =>
              x.person &&
              !x.surname &&
              x.named &&
              !x.object &&
              !x.parenthetical &&
              candidates.has(x.person) &&
              (p < view.paragraph.index || x.end <= m.start),
          );
          person = full.at(-1)?.person ?? null;
        }
        m.person = person ?? salient(candidates);
        this.settled.add(m);
      }
    }
  }

  /**
   * "Mrs Abe said": an honorific that contradicts the person's pronoun names someone else — another bearer of
   * the family name the article names whose pronoun fits, else nobody known (never the listed man).
   */
  private settleHonorifics(): void {
    for (const view of this.views.values()) {
      for (const m of view.mentions) {
        if (!m.person) continue;
        const honorific = /(?<![\p{L}])(Mrs|Ms|Miss|Mr)\.?\s+$/u.exec(
          view.masked.slice(Math.max(0, m.start - 6), m.start),
        )?.[1];
        if (!honorific) continue;
        const implied: Pronoun = honorific === 'Mr' ? 'he' : 'she';
        const own = this.pronounOf.get(m.person);
        if (own === undefined || own === 'they' || own === implied) continue;
        const family = m.words.at(-1) ?? '';
        const other = [...this.familyNames].find(
          ([id, names]) =>
            id !== m.person && names.has(family) && [implied, 'they'].includes(this.pronounOf.get(id) ?? 'they'),
        )?.[0];
        m.person = other ?? null;
      }
    }
  }

  /** The rules in order, by name (RULE_WORDS); the first that names someone, or explicitly nobody, decides. */
  private readonly rules: ReadonlyArray<[string, (c: QuoteContext) => Found | undefined]> = [
    // the so-called "bromance": a name for something, nobody's words
    ['so-called', (c) => (/\bso-called\s*$/i.test(c.head.masked.slice(0, c.first.start - 1)) ? NOBODY : undefined)],
    ['post', (c) => this.postAttribution(c.tail, c.last, c.tailSentence, c.quote.text)],
    ['pre', (c) => this.preAttribution(c.head, c.first, c.headSentence)],
    ['possessive', (c) => this.possessiveSpeech(c.head, c.first, c.headSentence)],
    ['according-to', (c) => this.accordingTo(c.head, c.headSentence)],
    ['whole-sentence', (c) => this.wholeSentence(c)],
    // a fragment inside a sentence whose subject is one person: theirs
    ['sentence-subject', (c) => this.sentenceSubjectFound(c.head, c.headSentence, 'pre')],
  ];

  /** The speaker by the first rule that decides, with the evidence it rests on. */
  speakerOf(quote: ExtractedQuote, done: Map<string, AttributedQuote>): Found {
    const first = quote.spans[0]!;
    const last = quote.spans.at(-1)!;
    const head = this.views.get(first.paragraph)!;
    const tail = this.views.get(last.paragraph)!;
    const context: QuoteContext = {
      quote,
      done,
      head,
      first,
      headSentence: sentenceAt(head.sentences, first.start - 1, head.masked.length),
      tail,
      last,
      tailSentence: sentenceAt(tail.sentences, last.end, tail.masked.length),
    };
    for (const [name, rule] of this.rules) {
      this.trace = {};
      const found = rule(context);
      if (found) return { ...found, evidence: this.evidence(name, found, context) };
    }
    return { speaker: null, method: 'none', evidence: this.noRule(context) };
  }

  /** A rule's decision as evidence: the rule, how the words name the speaker, how far away, and who they are. */
  private evidence(rule: string, found: Found, c: QuoteContext): Evidence {
    const t = this.trace;
    const kind = found.speaker === null ? (t.kind === 'pronoun' ? 'pronoun' : 'nobody') : (t.kind ?? 'name');
    const where = t.distance ?? t.via ?? 'here';
    const who = found.speaker === null ? 'null' : this.found.some((p) => p.id === found.speaker) ? 'found' : 'listed';
    // others the passage names: the more people in play, the likelier the rule picked the wrong one
    const others = new Set(
      [c.head, this.views.get(c.head.paragraph.index - 1)]
        .flatMap((v) => v?.mentions ?? [])
        .flatMap((m) => (m.person && m.person !== found.speaker ? [m.person] : [])),
    ).size;
    const rivals = others === 0 ? 'no-one-else' : others === 1 ? 'one-other' : 'several-others';
    const second = this.nearestPerson(c);
    const opinion = second === null ? 'nearest-none' : second === found.speaker ? 'nearest-agrees' : 'nearest-differs';
    const keys = [
      rule,
      `${rule}/${opinion}`,
      `${rule}/${opinion}/${kind}`,
      `${rule}/${opinion}/${kind}/${rivals}`,
      `${rule}/${opinion}/${kind}/${rivals}/${where}/${who}`,
    ];
    const name = found.speaker === null ? 'nobody' : (this.nameOf.get(found.speaker) ?? found.speaker);
    const how = rule === 'whole-sentence' && t.via ? VIA_WORDS[t.via] : RULE_WORDS[rule];
    const words = t.mention ? `"${t.mention.trim()}"` : '';
    let because: string;
    if (found.speaker === null)
      because =
        kind === 'pronoun'
          ? `${how}: ${words}, whose person no earlier subject names`
          : `${how} names no one by name (someone unnamed, several people, or a name for something)`;
    else if (t.kind === 'pronoun')
      because = `${how}: ${words}, read as ${name}, named ${(t.distance ?? '').replace(/-/g, ' ')}${t.antecedent ? ` ("${t.antecedent.trim()}")` : ''}`;
    else if (t.kind === 'office-holder')
      because = `${how}: the title ${words}, read as its holder the passage names, ${name}`;
    else if (t.kind === 'shared-surname')
      because = `${how}: ${words}, a family name two people in the article bear, read as ${name}`;
    else if (t.kind === 'description')
      because = `${how}: ${words}, read as ${name}, the subject of the sentence before`;
    else because = `${how}: ${words || name}${words && !t.mention?.includes(name) ? ` (${name})` : ''}`;
    if (c.quote.kind === 'fragment' && rule !== 'post' && rule !== 'pre') because += '; the quote is a fragment';
    return { keys, because };
  }

  /**
   * A second opinion, as naive as a hurried reader's: the person named nearest the quote in its paragraph
   * (before it, or after it in its sentence), else the last person the paragraph before names as a subject.
   * Where the cascade and this reader disagree, one of them is wrong.
   */
  private nearestPerson(c: QuoteContext): string | null {
    const open = c.first.start - 1;
    const close = c.last.end + 1;
    const candidates = c.head.mentions
      .filter(
        (m) =>
          m.person &&
          !m.object &&
          (m.end <= open || (c.head === c.tail && m.start >= close && m.start < c.tailSentence[1])),
      )
      .map((m) => ({ person: m.person, distance: m.end <= open ? open - m.end : m.start - close }));
    const nearest = candidates.sort((a, b) => a.distance - b.distance)[0];
    if (nearest) return nearest.person;
    const before = this.views
      .get(c.head.paragraph.index - 1)
      ?.mentions.filter((m) => m.person && !m.object && !m.possessive);
    return before?.at(-1)?.person ?? null;
  }

  /** No rule decided: the evidence says whether anyone was named near the quote, which an editor would check. */
  private noRule(c: QuoteContext): Evidence {
    const near = [c.head, this.views.get(c.head.paragraph.index - 1)]
      .flatMap((v) => v?.mentions ?? [])
      .flatMap((m) => (m.person ? [this.nameOf.get(m.person) ?? m.person] : []));
    const names = [...new Set(near)];
    const around = names.length ? 'people-near' : 'nobody-near';
    return {
      keys: ['none', `none/${around}`, `none/${around}/${c.quote.kind}`],
      because: names.length
        ? `no attribution found; named nearby: ${names.slice(0, 4).join(', ')}`
        : 'no attribution found, and nobody is named in this paragraph or the one before',
    };
  }

  /** `"...," Trump said` / `"...," said a Japanese government official` / `"..." he noted`. */
  private postAttribution(
    view: ParagraphView,
    span: QuoteSpan,
    quoteSentence: [number, number],
    text: string,
  ): Found | undefined {
    let sentence = quoteSentence;
    let after = view.masked.slice(span.end + 1, Math.max(span.end + 1, sentence[1]));
    if (after.trim() === '' && /[!?]$/.test(text.trimEnd())) {
      // "… a great friend!" Mr Trump wrote: the exclamation ends the sentence, not the attribution
      const next = view.sentences.find(([a]) => a >= span.end + 1 && /^\s*$/.test(view.masked.slice(span.end + 1, a)));
      if (next) {
        sentence = [sentence[0], next[1]];
        after = view.masked.slice(span.end + 1, next[1]);
      }
    }
    // "'If Tokyo wanted a trade war' — Mr Kuwahara paused — 'it could not …'": a short aside between dashes that
    // breaks a quotation is about its speaker, whatever its verb
    const aside =
      /^\s*(?:[\u2014\u2013]|--)\s*((?:(?!--)[^\u2014\u2013]){1,100}?)\s*(?:[\u2014\u2013]|--)\s*["“‘'«]/u.exec(after);
    if (aside && wordsOf(aside[1]!).length <= DASH_ASIDE_WORDS) {
      const from = span.end + 1 + after.indexOf(aside[1]!);
      const subject = view.mentions.find(
        (m) => m.start >= from && m.end <= from + aside[1]!.length && !m.object && !m.possessive,
      );
      if (subject) return this.resolve(view, subject, 'post');
    }
    const endsClause = /[,.!?…\u2014\u2013-]$/.test(text.trimEnd()) || /^\s*,/.test(after);
    if (!endsClause) return undefined;
    const lead = /^[\s,]*/.exec(after)![0].length;
    const offset = span.end + 1 + lead;
    const rest = view.masked.slice(offset, Math.max(offset, sentence[1]));
    const words = [...rest.matchAll(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)];
    if (words.length === 0) return undefined;
    // inverted: said Trump / said a Japanese government official
    let vi = 0;
    while (vi < words.length - 1 && /^(also|then|later|again)$/i.test(words[vi]![0])) vi += 1;
    const lead0 = words[vi]!;
    if (SPEECH_VERBS.has(lead0[0]) && !/[,.;:!?]/.test(rest.slice(0, lead0.index))) {
      const npStart = offset + lead0.index! + lead0[0].length;
      const npEnd = phraseEnd(view.masked, npStart, sentence[1]);
      // `…," spoke with Trump by phone`: a prepositional phrase after the verb names whom it was said to, not who said it
      if (PREPOSITION_FIRST.test(view.masked.slice(npStart, npEnd))) return undefined;
      return this.nounPhraseSpeaker(view, npStart, npEnd, view.masked.slice(npStart, npEnd), 'post');
    }
    // `the problem "will be solved," and Abe told his own press corps …`: a new clause, not an attribution
    if (/^(?:and|but|while|whereas|although|though|yet)$/i.test(words[0]![0])) return undefined;
    // forward: Trump said / the Japanese premier said through an interpreter / he noted
    for (let k = 0; k < Math.min(words.length, 10); k += 1) {
      const word = words[k]!;
      if (!SPEECH_VERBS.has(word[0])) continue; // lower case only: "United States" is no verb
      if (k === 0) return undefined;
      const npEnd = offset + word.index!;
      if (phraseEnd(view.masked, offset, npEnd) < npEnd || /[()]/.test(view.masked.slice(offset, npEnd)))
        return undefined;
      // `presented the bill: Mr Abe was "a great friend", he said`: who is spoken of after the colon is not "he"
      const colon = view.masked.lastIndexOf(':', span.start - 1);
      const reported: [number, number] | undefined = colon >= sentence[0] ? [colon + 1, span.start - 1] : undefined;
      return this.nounPhraseSpeaker(view, offset, npEnd, view.masked.slice(offset, npEnd), 'post', reported);
    }
    return undefined;
  }

  /** The speaker a short noun phrase names: a person, a pronoun, or explicitly nobody on the list. */
  private nounPhraseSpeaker(
    view: ParagraphView,
    start: number,
    end: number,
    np: string,
    method: AttributionMethod,
    reported?: [number, number],
  ): Found | undefined {
    // "a Trump aide", "a source close to the prime minister": someone unnamed, whoever the phrase mentions
    if (/^\s*(?:a|an|one|another|some)\s/i.test(np)) return { speaker: null, method: 'none' };
    const inside = view.mentions.filter((m) => m.start >= start && m.end <= end && !m.possessive);
    if (inside.length > 0) {
      const [one, two] = inside;
      if (two && isCompound(view.masked, one!, two)) return { speaker: null, method: 'none' };
      return this.resolve(view, one!, method, reported);
    }
    const described = this.describedSpeaker(view, start, np);
    if (described) return described;
    const firstWord = /[\p{L}\p{N}]+/u.exec(np)?.[0].toLowerCase();
    if (firstWord && NP_DETERMINERS.has(firstWord)) return { speaker: null, method: 'none' };
    return undefined;
  }

  /**
   * A definite title no alias knows, right after a sentence about a named person, is that person
   * told another way: `Suga praised the outcome. "…," Japan's top government spokesman said.`
   * Not when an indefinite one came first ("a spokesman … the spokesman": someone unnamed), nor
   * when the title is in another listed person's role.
   */
  private describedSpeaker(view: ParagraphView, start: number, np: string): Found | undefined {
    const m = /^(?:the|[\p{Lu}][\p{L}.]*['’]s)\s+([\p{L}. -]+)$/u.exec(np.trim());
    const words = m?.[1]?.trim().split(/\s+/) ?? [];
    const head = words.at(-1)?.toLowerCase() ?? '';
    if (words.length === 0 || words.length > 5 || !SPECIFIC_ROLES.has(head)) return undefined;
    if (this.sharedDescriptions.has(words.join(' ').toLowerCase())) return { speaker: null, method: 'none' };
    const indefinite = new RegExp(`(?<![\\p{L}])(?:a|an|one)\\s+(?:[\\p{L}.'’-]+\\s+){0,3}${head}(?![\\p{L}])`, 'iu');
    const earlier = view.masked.slice(0, start) + (this.views.get(view.paragraph.index - 1)?.masked ?? '');
    if (indefinite.test(earlier)) return undefined;
    const previous = this.sentenceBefore(view, start);
    if (!previous) return undefined;
    const found = this.sentenceSubjectFound(previous.view, previous.sentence, 'alias');
    if (!found?.speaker) return undefined;
    // "America's president said" after a sentence about Trump: Trump, unless the passage names another
    // holder of that office and he holds none ("Japan's top government spokesman" after Suga holds it by description)
    const title = words.join(' ').toLowerCase();
    this.trace = { mention: np, kind: 'description' };
    if (holdsOffice(this.roleOf.get(found.speaker) ?? '', title)) return { speaker: found.speaker, method: 'alias' };
    const holder = this.officeHolder(view, start, title);
    if (holder) {
      this.trace.kind = 'office-holder';
      return { speaker: holder, method: 'alias' };
    }
    const titled = new RegExp(`(?<![\\p{L}])${head}(?![\\p{L}])`, 'iu');
    if ([...this.roleOf].some(([id, role]) => id !== found.speaker && titled.test(role))) return undefined;
    return { speaker: found.speaker, method: 'alias' };
  }

  /** The sentence before the one at `offset`: in the same paragraph, else the last of the paragraph before. */
  private sentenceBefore(
    view: ParagraphView,
    offset: number,
  ): { view: ParagraphView; sentence: [number, number] } | undefined {
    const index = view.sentences.findIndex(([a, b]) => a <= offset && offset < b);
    if (index > 0) return { view, sentence: view.sentences[index - 1]! };
    const before = this.views.get(view.paragraph.index - 1);
    const last = before?.sentences.at(-1);
    return before && last ? { view: before, sentence: last } : undefined;
  }

  /** The last speech verb before the quote in its sentence, and that verb's subject. */
  private preAttribution(view: ParagraphView, span: QuoteSpan, sentence: [number, number]): Found | undefined {
    const open = span.start - 1;
    if (open <= sentence[0]) return undefined;
    const aside = this.asideSpeaker(view, open);
    if (aside) return aside;
    const region = view.plain.slice(sentence[0], open);
    const colon = this.colonClauseSpeaker(view, sentence[0], open);
    if (colon) return colon;
    const words = [...region.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)];
    for (let k = words.length - 1; k >= 0; k -= 1) {
      const w = words[k]![0]; // lower case only: "United States" is no verb
      const at = sentence[0] + words[k]!.index!;
      const progressive = SPEECH_PARTICIPLES.has(w) && k > 0 && AUXILIARIES.has(words[k - 1]![0].toLowerCase());
      if (SPEECH_PARTICIPLES.has(w) && !progressive) {
        // "with Trump later praising the prime minister as ...": the participle's own subject
        const own = view.mentions.filter((m) => m.end <= at && !m.possessive).at(-1);
        const gap = own ? view.plain.slice(own.end, at) : '';
        if (own && /^\s+(?:\p{Ll}+ly\s+|later\s+|also\s+|then\s+)?$/u.test(gap)) return this.resolve(view, own, 'pre');
        return this.sentenceSubjectFound(view, sentence, 'pre');
      }
      if (!SPEECH_VERBS.has(w) && !progressive) continue;
      // "to say", "the calls", "his remarks", "the North's repeated launches": no verb of speech here
      const prev = words[k - 1]?.[0].toLowerCase() ?? '';
      if (/^(?:to|the|a|an)$|['’]s$/.test(prev) || POSSESSIVE_DETERMINERS.has(prev)) continue;
      // passive: "results could be announced", "what was described as": its subject did not speak
      if (!progressive && k > 0 && /^(?:be|been|being|is|are|was|were)$/i.test(words[k - 1]![0])) continue;
      return this.subjectOfVerb(
        view,
        sentence,
        at,
        words.slice(0, k).map((m) => ({ word: m[0], at: sentence[0] + m.index! })),
      );
    }
    return undefined;
  }

  /**
   * A colon introduces the quote and the clause before it has a person for its subject, whatever its verb:
   * `Duterte cut in: "Whoa, whoa."`, `Abe had one request: "…"`.
   */
  private colonClauseSpeaker(view: ParagraphView, from: number, open: number): Found | undefined {
    const before = view.plain.slice(from, open);
    if (!/:\s*$/.test(before)) return undefined;
    const boundary = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'));
    const start = from + boundary + 1;
    const subject = view.mentions.find(
      (m) => m.start >= start && m.end <= open && !m.object && !m.possessive && !m.parenthetical,
    );
    return subject ? this.resolve(view, subject, 'pre') : undefined;
  }

  /**
   * A quote inside an aside: `The talks, which officials are calling "FFR", will ...`,
   * `Abe, who called it "a good deal", said ...` — the aside's own speech verb and subject decide.
   */
  private asideSpeaker(view: ParagraphView, open: number): Found | undefined {
    let start = open; // walk back over the blanked aside to the narration it interrupts
    while (start > 0 && view.plain.charAt(start - 1) === ' ') start -= 1;
    while (start < open && view.plain.charAt(start) === view.masked.charAt(start)) start += 1;
    const aside = view.masked.slice(start, open).replace(/^[,(\s\u2014\u2013-]+/, '');
    start = open - aside.length;
    if (!/[\p{L}]/u.test(aside)) return undefined;
    const words = [...aside.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)];
    const verb = words.findLastIndex((m) => SPEECH_VERBS.has(m[0]) || SPEECH_PARTICIPLES.has(m[0]));
    // ", calling the exercises "very provocative", …": a participle clause, whose subject is the sentence's
    if (verb <= 0) return undefined;
    const opener = words[0]?.[0].toLowerCase();
    if (opener === 'who') {
      const antecedent = view.mentions.filter((m) => m.end <= start).at(-1);
      return antecedent ? this.resolve(view, antecedent, 'pre') : undefined;
    }
    const subjectEnd = start + words[verb]!.index!;
    const inside = view.mentions.filter((m) => m.start >= start && m.end <= subjectEnd && !m.possessive);
    if (inside.length > 0) return this.resolve(view, inside.at(-1)!, 'pre');
    const region = view.masked.slice(start, subjectEnd);
    return groupSubject(region) || NP_DETERMINERS.has(words[1]?.[0].toLowerCase() ?? '')
      ? { speaker: null, method: 'none' }
      : undefined;
  }

  private subjectOfVerb(
    view: ParagraphView,
    sentence: [number, number],
    verbAt: number,
    before: Array<{ word: string; at: number }>,
  ): Found | undefined {
    // the clause runs from the last clause word, punctuation or earlier speech verb to the verb
    let clauseStart = sentence[0];
    for (let k = before.length - 1; k >= 0; k -= 1) {
      const word = before[k]!;
      const w = word.word.toLowerCase();
      const gap = view.plain.slice(word.at + word.word.length, before[k + 1]?.at ?? verbAt);
      if (/[,;:\u2014\u2013(]/.test(gap)) {
        clauseStart = word.at + word.word.length;
        break;
      }
      if (CLAUSE_WORDS.has(w) || SPEECH_VERBS.has(word.word)) {
        clauseStart = word.at + word.word.length;
        if (w !== 'who' && w !== 'which' && w !== 'that') break;
        const antecedent = view.mentions.filter((m) => m.end <= word.at).pop();
        if (w !== 'who' && k === before.length - 1) {
          // the relative pronoun is the verb's subject: "a statement that pledged to …" is a document's words
          const adjacent = antecedent && /^[\s,]*$/.test(view.plain.slice(antecedent.end, word.at));
          return adjacent ? this.resolve(view, antecedent, 'pre') : { speaker: null, method: 'none' };
        }
        if (w !== 'that' && antecedent) return this.resolve(view, antecedent, 'pre');
        break;
      }
    }
    const region = view.plain.slice(clauseStart, verbAt);
    if (!/[\p{L}\p{N}]/u.test(region)) {
      // "X backed Y and said": the sentence's subject; but "…, as Trump shook Kim's hand and called it": the
      // subject of the subordinate clause the "and" goes on
      const head = view.plain.slice(sentence[0], clauseStart);
      const opener = /(?<![\p{L}])and\s*$/iu.test(head) ? [...head.matchAll(SUBORDINATE_AND)].at(-1) : undefined;
      const from = opener ? sentence[0] + opener.index + opener[0].length : -1;
      const prior = view.mentions.find(
        (m) => m.start >= from && m.end <= clauseStart && m.person && !m.object && !m.possessive && !m.parenthetical,
      );
      return opener && prior ? this.resolve(view, prior, 'pre') : this.sentenceSubjectFound(view, sentence, 'pre');
    }
    const inside = view.mentions.filter(
      (m) => m.start >= clauseStart && m.end <= verbAt && !m.possessive && !m.parenthetical,
    );
    // "a day after Abe called …": after a conjunction, the name right before the verb is its subject (not after a
    // verb: "an official who accompanied Mr Abe said")
    const subjects = inside.filter(
      (m) =>
        !m.object ||
        (/^\s*(?:\p{Ll}+ly\s+)?$/u.test(view.plain.slice(m.end, verbAt)) &&
          SUBORDINATE_BEFORE.test(view.plain.slice(Math.max(0, m.start - 12), m.start))),
    );
    const m = subjects.at(-1);
    if (m) {
      if (view.mentions.some((x) => x !== m && isCompound(view.masked, x, m))) return { speaker: null, method: 'none' };
      return this.resolve(view, m, 'pre');
    }
    const firstWord = /[\p{L}\p{N}]+/u.exec(region)?.[0].toLowerCase();
    if (firstWord && NP_DETERMINERS.has(firstWord)) return { speaker: null, method: 'none' }; // "a Japanese official said"
    if (groupSubject(region)) return { speaker: null, method: 'none' }; // "which officials are calling"
    return undefined;
  }

  /** `Trump's complaint two weeks earlier that Japan and China "play the money market"`: the possessor spoke. */
  private possessiveSpeech(view: ParagraphView, span: QuoteSpan, sentence: [number, number]): Found | undefined {
    const open = span.start - 1;
    const owner = view.mentions
      .filter((m) => m.possessive && m.start >= sentence[0] && m.end < open)
      .filter((m) => SPEECH_NOUN.test(view.masked.slice(m.end, Math.min(open, m.end + 40))))
      .at(-1);
    return owner ? this.resolve(view, owner, 'pre') : undefined;
  }

  private accordingTo(view: ParagraphView, sentence: [number, number]): Found | undefined {
    const text = view.plain.slice(sentence[0], sentence[1]);
    const m = /\baccording to\s+/i.exec(text);
    if (!m) return undefined;
    const start = sentence[0] + m.index + m[0].length;
    const end = phraseEnd(view.plain, start, sentence[1]);
    const found = this.nounPhraseSpeaker(view, start, end, view.plain.slice(start, end), 'according-to');
    if (found && found.speaker !== null && found.method !== 'pronoun')
      return { speaker: found.speaker, method: 'according-to' };
    return found;
  }

  /** A quote that is its own sentence takes its speaker from the narration around it. */
  private wholeSentence({
    quote,
    head,
    first,
    headSentence,
    tail,
    last,
    tailSentence,
    done,
  }: QuoteContext): Found | undefined {
    const startsSentence = !/[\p{L}\p{N}]/u.test(head.masked.slice(headSentence[0], first.start - 1));
    const endsSentence = !/[\p{L}\p{N}]/u.test(tail.masked.slice(last.end + 1, tailSentence[1]));
    if (!startsSentence || !endsSentence) return undefined;
    const index = head.sentences.indexOf(headSentence);
    if (index > 0) {
      const found = this.sentenceSubjectFound(head, head.sentences[index - 1]!, 'pre');
      this.trace.via = 'sentence-before';
      return found && found.speaker !== null ? found : undefined;
    }
    const previous = this.views.get(head.paragraph.index - 1);
    if (!previous || previous.sentences.length === 0) return undefined;
    const lastSentence = previous.sentences.at(-1)!;
    if (/:\s*$/.test(previous.masked.slice(lastSentence[0], lastSentence[1]))) {
      // "As NPR's Scott Horsley reports from Tokyo:" — the speaker of the colon's verb
      const end = { paragraph: previous.paragraph.index, start: lastSentence[1], end: lastSentence[1] };
      const found =
        this.preAttribution(previous, end, lastSentence) ??
        this.sentenceSubjectFound(previous, lastSentence, 'pre') ??
        this.possessiveSpeech(previous, end, lastSentence); // "Trump's reply, read from a card, was restrained:"
      this.trace.via = 'colon';
      return found && found.speaker !== null ? found : undefined;
    }
    // "Whitfield … said Australia's head start would shrink." then the quote, alone in its paragraph:
    // the paraphrase's speaker goes on
    const opensParagraph = !/[\p{L}\p{N}]/u.test(head.masked.slice(0, first.start - 1));
    if (opensParagraph && previous.quotes.length === 0) {
      const sentence = previous.masked.slice(lastSentence[0], lastSentence[1]);
      const reported =
        this.preAttribution(
          previous,
          { paragraph: previous.paragraph.index, start: lastSentence[1], end: lastSentence[1] },
          lastSentence,
        )?.speaker ??
        // "Whitcombe … said the tests should worry Tokyo more than the reaction suggested.", "Han … thinks
        // Pyongyang chose its moment": the sentence's own subject holds the view the quote goes on with
        (STATEMENT.test(sentence) || wordsOf(sentence).some((w) => SPEECH_VERBS.has(w) || COGNITION_VERBS.has(w))
          ? this.sentenceSubjectFound(previous, lastSentence, 'pre')?.speaker
          : undefined);
      if (reported) {
        this.trace.via = 'paraphrase';
        return { speaker: reported, method: 'continuation' };
      }
    }
    const bare =
      !/[\p{L}\p{N}]/u.test(head.masked.slice(0, first.start - 1)) &&
      quote.spans.length === 1 &&
      !/[\p{L}\p{N}]/u.test(head.masked.slice(last.end + 1));
    const before = previous.quotes.at(-1);
    const span = before?.spans[0];
    if (bare && before && span && before.spans.length === 1) {
      const prior = done.get(before.anchor);
      const closing = previous.sentences.find((s) => s[0] <= span.end && span.end < s[1]);
      const endsParagraph = closing === lastSentence;
      // the quote ends the paragraph with its attribution after it, or is the last part of an utterance the
      // paragraph attributed ("…," said Dale Kessler, who raises hogs. "We've been losing sales.")
      const attributedAfter = /[\p{L}]/u.test(previous.masked.slice(span.end + 1));
      const lastPart = before.utterance !== before.anchor && done.get(before.utterance)?.speaker === prior?.speaker;
      if (prior && prior.speaker && endsParagraph && (attributedAfter || lastPart)) {
        this.trace = { via: 'bare-continuation', mention: this.nameOf.get(prior.speaker) };
        return { speaker: prior.speaker, method: 'continuation' };
      }
    }
    return undefined;
  }

  /** The person who is the sentence's subject, if there is exactly one. */
  private sentenceSubjectFound(
    view: ParagraphView,
    sentence: [number, number],
    method: AttributionMethod,
  ): Found | undefined {
    const start = mainClauseStart(view.plain, sentence[0], sentence[1]); // "When Trump and Abe met in Hamburg, the president …"
    const candidates = view.mentions.filter(
      (m) => m.start >= start && m.end <= sentence[1] && !m.object && !m.possessive && !m.parenthetical,
    );
    const [one, two] = candidates;
    if (!one) return undefined;
    if (two && isCompound(view.masked, one, two)) return { speaker: null, method: 'none' };
    return this.resolve(view, one, method);
  }

  private hasPronoun(person: string, pronoun: Pronoun): boolean {
    return this.pronounOf.get(person) === pronoun || (pronoun !== 'they' && this.anyPronoun.has(person));
  }

  /** `reported`: a stretch of the pronoun's sentence that is the quote's own content, whose people it does not mean. */
  private resolve(
    view: ParagraphView,
    mention: Mention,
    method: AttributionMethod,
    reported?: [number, number],
  ): Found {
    const words = view.masked.slice(mention.start, mention.end);
    if (mention.pronoun) {
      this.trace = { ...this.trace, mention: words, kind: 'pronoun' };
      const person = this.resolvePronoun(view.paragraph.index, mention.start, mention.pronoun, 0, reported);
      return person ? { speaker: person, method: 'pronoun' } : { speaker: null, method: 'none' };
    }
    const kind: AttributionMethod =
      method === 'according-to' || method === 'continuation' || mention.named ? method : 'alias';
    const holder = this.titleHolder(view, mention);
    this.trace = {
      ...this.trace,
      mention: words,
      kind: holder
        ? 'office-holder'
        : !mention.named
          ? 'title'
          : this.settled.has(mention)
            ? 'shared-surname'
            : mention.surname
              ? 'surname'
              : 'name',
    };
    return { speaker: holder ?? mention.person, method: kind };
  }

  /**
   * A bare title ("the president", "the foreign minister") means the holder of that office the passage
   * named last — the mention's paragraph and the two before it — whoever's alias it is: after "South
   * Korean President Moon Jae-in", "the president said" is Moon. With no holder named there, the alias's owner.
   */
  private titleHolder(view: ParagraphView, mention: Mention): string | null {
    if (mention.named || !mention.person) return null;
    const title = view.masked
      .slice(mention.start, mention.end)
      .replace(/^(?:the|a|an)\s+/i, '')
      .trim()
      .toLowerCase();
    if (!/^[\p{Ll} -]+$/u.test(title)) return null; // only a plain title, not "Japan's prime minister"
    // "The president also praised Trump's 'bold decision'": a title in a sentence that names its alias's owner
    // otherwise is someone else — the other holder the passage names
    const sentence = view.sentences.find(([a, b]) => a <= mention.start && mention.start < b);
    const other = sentence
      ? view.mentions.find(
          (m) =>
            m !== mention && m.named && m.person === mention.person && m.start >= sentence[0] && m.end <= sentence[1],
        )
      : undefined;
    const latest = this.officeHolder(view, mention.start, title, other ? mention.person : undefined);
    return latest === mention.person ? null : latest;
  }

  /** The person a mention names: for a bare title, the holder of the office the passage means (titleHolder). */
  private personOf(view: ParagraphView, mention: Mention): string | null {
    return this.titleHolder(view, mention) ?? mention.person;
  }

  /**
   * The holder of an office the passage names last before `position` (its paragraph and REACH before),
   * a holder named as the subject outranking one named as an object ("Moon met Trump": Moon).
   */
  private officeHolder(view: ParagraphView, position: number, title: string, except?: string | null): string | null {
    for (let p = view.paragraph.index; p >= view.paragraph.index - REACH && p >= 1; p -= 1) {
      const holders = (this.views.get(p)?.mentions ?? []).filter(
        (m) =>
          m.named &&
          m.person &&
          m.person !== except &&
          !(p === view.paragraph.index && m.end > position) &&
          holdsOffice(this.roleOf.get(m.person) ?? '', title),
      );
      const latest = (holders.filter((m) => !m.object).at(-1) ?? holders.at(-1))?.person;
      if (latest) return latest;
    }
    return null;
  }

  /**
   * The person of this pronoun named as a subject before `position` (same or two previous
   * paragraphs): the latest in the pronoun's own sentence, else the first — the main clause's —
   * subject of the nearest earlier sentence that has one (`The U.S. president said Abe had promised …
   * "…," he said`: the president). That subject may be a pronoun itself (`He was careful … "…," he
   * said`: whoever the first "he" is), or someone unnamed (`a Japanese official laughed. "…," he
   * said`: nobody on the list).
   */
  private resolvePronoun(
    paragraphIndex: number,
    position: number,
    pronoun: Pronoun,
    depth = 0,
    reported?: [number, number],
  ): string | null {
    let fallback: string | null = null;
    for (let p = paragraphIndex; p >= paragraphIndex - REACH && p >= 1; p -= 1) {
      const view = this.views.get(p);
      if (!view) continue;
      const before = (m: Mention) => p < paragraphIndex || m.start < position;
      const named = view.mentions.filter((m) => m.person && before(m) && this.hasPronoun(m.person, pronoun));
      const subject = (m: Mention) => !m.object && !m.possessive && !m.parenthetical;
      const subjects = named.filter(subject);
      const own = p === paragraphIndex ? view.sentences.find(([a, b]) => a <= position && position < b) : undefined;
      const outside = (m: Mention) => !reported || m.end <= reported[0] || m.start >= reported[1];
      // "Kim's launches, he tweeted, were 'small weapons'": an interjected attribution's sentence is what was said,
      // and the people it names are spoken of, not speaking
      const interjected =
        own !== undefined &&
        /,\s*$/.test(view.masked.slice(own[0], position)) &&
        SPEECH_VERBS.has(/^\p{L}+\s+(\p{Ll}+)\s*,/u.exec(view.masked.slice(position))?.[1] ?? '');
      // … from the clause it interrupts on: "Trump suggested that they would pay; both, he said, would …" is Trump's
      const said = own && interjected ? own[0] + lastClauseBreak(view.masked.slice(own[0], position)) : undefined;
      const mine = (m: Mention) => own !== undefined && m.start >= own[0] && (said === undefined || m.end <= said);
      const inOwn = own ? subjects.filter((m) => mine(m) && outside(m)) : [];
      const note = (m: Mention, distance: string) => {
        this.trace.distance = distance;
        this.trace.antecedent = view.masked.slice(m.start, m.end);
      };
      if (inOwn.length > 0) {
        note(inOwn.at(-1)!, 'in-the-same-sentence');
        return this.personOf(view, inOwn.at(-1)!);
      }
      // "Trump's speech, in which he warned …": the possessor of the sentence's subject
      const owner = own
        ? (named.find((m) => m.possessive && mine(m) && !m.object) ??
          // "with Kim's New Year speech, in which he offered …": a possessor the sentence's only person
          named.find((m) => m.possessive && mine(m) && m.start < position && named.length === 1))
        : undefined;
      if (owner) {
        note(owner, 'in-the-same-sentence');
        return this.personOf(view, owner);
      }
      for (const [a, b] of [...view.sentences].reverse()) {
        if (own && a >= own[0]) continue;
        if (p === paragraphIndex && a >= position) continue;
        const candidates = view.mentions.filter(
          (m) =>
            m.start >= a &&
            m.end <= b &&
            before(m) &&
            (subject(m) || (m.possessive && !m.object && !m.parenthetical)) && // "Mr Trump's rhetoric …"
            (m.person ? this.hasPronoun(m.person, pronoun) : m.pronoun === pronoun),
        );
        // "Trump raised the abductions at dinner, Abe said.": the sentence is the reporter's, and so is the next "he said"
        const reporter = view.mentions.find(
          (m) =>
            m.start >= a &&
            m.end <= b &&
            before(m) &&
            m.person !== null &&
            pronoun !== 'they' &&
            this.hasPronoun(m.person, pronoun) &&
            reportsSentence(view.masked, a, m, b),
        );
        if (reporter) {
          note(reporter, p === paragraphIndex ? 'in-a-sentence-before' : 'a-paragraph-before');
          return this.personOf(view, reporter);
        }
        // "Asked whether he would …, Trump didn't rule it out": the main clause's subject, past an opening clause
        const main = mainClauseStart(view.plain, a, b);
        const first = candidates.find((m) => m.start >= main) ?? candidates[0];
        const unnamed = unnamedSubject(view.masked, a, b);
        if (unnamed !== undefined && (!first || unnamed < first.start)) return null;
        if (!first) {
          // "That is little comfort in Kagoshima, where Hiroshi Tokunaga raises calves.": with no person for the main
          // clause's subject, the subject of its aside
          const aside = view.mentions
            .filter(
              (m) =>
                m.start >= a &&
                m.end <= b &&
                before(m) &&
                m.parenthetical &&
                !m.object &&
                !m.possessive &&
                m.person !== null &&
                this.hasPronoun(m.person, pronoun),
            )
            .at(-1);
          const others = view.mentions.some((m) => m.start >= a && m.end <= b && m.person && !m.parenthetical);
          if (aside && pronoun !== 'they' && !others) {
            note(aside, p === paragraphIndex ? 'in-a-sentence-before' : 'a-paragraph-before');
            return this.personOf(view, aside);
          }
          continue;
        }
        const back = paragraphIndex - p;
        if (first.person) {
          note(first, back === 0 ? 'in-a-sentence-before' : back === 1 ? 'a-paragraph-before' : 'paragraphs-before');
          return this.personOf(view, first);
        }
        if (depth < 3) {
          const person = this.resolvePronoun(p, first.start, pronoun, depth + 1);
          this.trace.distance = 'through-another-pronoun';
          return person;
        }
      }
      if (fallback === null) {
        const last = named.filter((m) => !(said !== undefined && own && m.start >= said && m.start < own[1])).at(-1);
        if (last) note(last, 'only-as-an-object');
        fallback = last?.person ?? null;
      }
    }
    return fallback;
  }
}

/**
 * The sentence [start, end) closes with `, <mention> <speech verb> …` and nothing of weight after it: the mention is
 * who reports the whole sentence ("Trump raised it at dinner, Abe said.").
 */
function reportsSentence(masked: string, start: number, m: Mention, end: number): boolean {
  if (!/,\s*$/.test(masked.slice(start, m.start))) return false;
  const after = masked.slice(m.end, end);
  const words = wordsOf(after);
  const verb = words.findIndex((w) => SPEECH_VERBS.has(w));
  return verb >= 0 && verb <= 1 && !/[,;:]/.test(after) && words.length <= verb + 6;
}

/** Where the last clause of a text starts: after its last semicolon or colon (0 when it has none). */
function lastClauseBreak(text: string): number {
  return Math.max(text.lastIndexOf(';'), text.lastIndexOf(':')) + 1;
}

/** The folded forms of the listed people's names, once per people list (the same list for every article). */
function listedNameKeys(listed: Person[]): Set<string> {
  let keys = NAME_KEYS.get(listed);
  if (!keys)
    NAME_KEYS.set(listed, (keys = new Set(listed.flatMap((p) => [p.name, ...p.aliases]).map((f) => nameKey(f)))));
  return keys;
}
const NAME_KEYS = new WeakMap<Person[], Set<string>>();

/**
 * Whether a role is that office: "President of the United States" and "South Korean President" hold
 * "president"; "Deputy Prime Minister" and "former president" do not hold "prime minister" or "president".
 */
function holdsOffice(role: string, title: string): boolean {
  const r = role.toLowerCase();
  if (r === title || r.startsWith(`${title} `)) return true;
  const at = r.lastIndexOf(` ${title}`);
  if (at < 0 || !/^(?:$|[ ,])/.test(r.slice(at + title.length + 1))) return false;
  return !/(?:deputy|vice|former|ex-|acting|junior|state)\s*$/.test(r.slice(0, at));
}
