import { AUXILIARIES, maskQuotes, SPEECH_PARTICIPLES, SPEECH_VERBS, sentenceRanges, wordsOf } from './extract.ts';
import type {
  ArticleText,
  AttributedQuote,
  AttributionMethod,
  ExtractedQuote,
  Paragraph,
  Person,
  QuoteOverride,
  QuoteSpan,
} from './types.ts';
import { append } from './collections.ts';

/**
 * Says who spoke each quote, using only the people in `people`.
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
  const speakerOverrides = checkOverrides(article, quotes, overrides, people);
  const reader = new NarrationReader(article, quotes, people);
  const done = new Map<string, AttributedQuote>();
  const results: AttributedQuote[] = [];
  for (const quote of quotes) {
    const override = speakerOverrides.get(normalizeText(quote.text));
    let found: Found;
    if (override && override.speaker !== undefined) found = { speaker: override.speaker, method: 'override' };
    else if (quote.utterance !== quote.anchor && done.has(quote.utterance))
      found = { speaker: done.get(quote.utterance)!.speaker, method: 'continuation' };
    else found = reader.speakerOf(quote, done) ?? { speaker: null, method: 'none' };
    if (found.speaker === null && found.method !== 'override') found = { speaker: null, method: 'none' };
    const attributed: AttributedQuote = { ...quote, speaker: found.speaker, attribution: found.method };
    done.set(quote.anchor, attributed);
    results.push(attributed);
  }
  return results;
}

/** Whitespace-insensitive form of a quote's text, for matching overrides. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Overrides must name an extracted quote and a known person; returns them by text. */
function checkOverrides(
  article: ArticleText,
  quotes: ExtractedQuote[],
  overrides: QuoteOverride[],
  people: Person[],
): Map<string, QuoteOverride> {
  const texts = new Set(quotes.map((q) => normalizeText(q.text)));
  const ids = new Set(people.map((p) => p.id));
  const map = new Map<string, QuoteOverride>();
  for (const o of overrides) {
    if (!texts.has(normalizeText(o.text)))
      throw new Error(`quotes: no quotation in article "${article.id}" has the text "${o.text}"`);
    if (o.speaker !== undefined && o.speaker !== null && !ids.has(o.speaker))
      throw new Error(`quotes: unknown speaker "${o.speaker}" for the quote "${o.text}" in article "${article.id}"`);
    map.set(normalizeText(o.text), o);
  }
  return map;
}

// ---------------------------------------------------------------------------

interface Found {
  speaker: string | null;
  method: AttributionMethod;
}

type Pronoun = 'he' | 'she' | 'they';

interface Mention {
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

const PREPOSITIONS = new Set(
  'with to from by for of about against at on in into toward towards between among than like over under behind before after upon via alongside including despite without onto through across beside besides'.split(
    ' ',
  ),
);
const OBJECT_VERBS = new Set(
  'met meet meets meeting thanked thank thanks backed back backs assured assure assures told tell tells urged urge asked ask invited invite praised pressed joined welcomed greeted visited criticized criticised blamed congratulated called accompanied hosted warned reminded supported support supports replace replaced succeeded defeated'.split(
    ' ',
  ),
);
const DETERMINERS = new Set('the a an this that these those'.split(' '));
const TITLE_WORDS = new Set(
  'leader president prime minister premier spokesman spokeswoman spokesperson secretary correspondent senator chief cabinet foreign ministry deputy vice finance press counterpart adviser advisor reporter envoy ambassador general representative official'.split(
    ' ',
  ),
);
const NP_DETERMINERS = new Set(
  'a an the one another some several two three four its his her their our this that these those many other'.split(' '),
);
const CLAUSE_WORDS = new Set(
  'and but or that which who whom whose what while whereas because although though when if as since so after before'.split(
    ' ',
  ),
);
const SUBORDINATE_OPENERS = new Set(
  'when after before if as while although though because since once until unless'.split(' '),
);
const PARENTHETICAL_OPENERS = new Set(
  'who whom whose which with for in on at after before during from like unlike'.split(' '),
);

interface Alias {
  re: RegExp;
  person: Person;
  named: boolean;
  /** A one-word name ("Trump", "Kim"), which another person's full name can end with. */
  surname: boolean;
}

const SENTENCE_OPENERS = new Set(
  'The A An But And Or So Yet Still Then Now Also When If As After Before While Since Though Although Meanwhile Later Earlier Today Yesterday On In At For With By From Neither Either Both'.split(
    ' ',
  ),
);

/**
 * Days and months: capitalised, but never part of a name. "On Monday Shinzo Abe told …" opens
 * with a time adverbial, not with someone called "Monday Abe" governed by "On".
 */
const TIME_WORDS = new Set(
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'.split(
    ' ',
  ),
);

/** Words that may stand before a bare surname without making it someone else's name. */
const NAME_PREFIXES = new Set(
  'Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. President Prime Minister Premier Chancellor Secretary Leader Chairman Chief Gen. General Sen. Senator Rep. Gov. Governor Emperor King Queen Prince Princess'.split(
    ' ',
  ),
);

/** How many paragraphs before its own a pronoun or a bare title may point back into. */
const REACH = 2;

class NarrationReader {
  private views = new Map<number, ParagraphView>();
  private pronounOf = new Map<string, Pronoun>();
  private roleOf = new Map<string, string>();
  /** Descriptions the article gives two or more people: they name nobody. */
  private sharedDescriptions = new Set<string>();

  constructor(article: ArticleText, quotes: ExtractedQuote[], people: Person[]) {
    for (const p of people) this.pronounOf.set(p.id, p.pronoun);
    for (const p of people) this.roleOf.set(p.id, p.role);
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
  }

  speakerOf(quote: ExtractedQuote, done: Map<string, AttributedQuote>): Found | undefined {
    const first = quote.spans[0]!;
    const last = quote.spans.at(-1)!;
    const head = this.views.get(first.paragraph)!;
    const tail = this.views.get(last.paragraph)!;
    const headSentence = sentenceAt(head, first.start - 1);
    const tailSentence = sentenceAt(tail, last.end);
    // the so-called "bromance": a name for something, nobody's words
    if (/\bso-called\s*$/i.test(head.masked.slice(0, first.start - 1))) return { speaker: null, method: 'none' };
    return (
      this.postAttribution(tail, last, tailSentence, quote.text) ??
      this.preAttribution(head, first, headSentence) ??
      this.possessiveSpeech(head, first, headSentence) ??
      this.accordingTo(head, headSentence) ??
      this.wholeSentence(quote, head, first, headSentence, tail, last, tailSentence, done) ??
      this.sentenceSubjectFound(head, headSentence, 'pre')
    );
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
      if (two && isCompound(view, one!, two)) return { speaker: null, method: 'none' };
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
    if (!/[\p{L}\p{N}]/u.test(region)) return this.sentenceSubjectFound(view, sentence, 'pre'); // "X backed Y and said"
    const inside = view.mentions.filter(
      (m) => m.start >= clauseStart && m.end <= verbAt && !m.possessive && !m.parenthetical,
    );
    const subjects = inside.filter((m) => !m.object);
    const m = subjects.at(-1);
    if (m) {
      if (view.mentions.some((x) => x !== m && isCompound(view, x, m))) return { speaker: null, method: 'none' };
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
  private wholeSentence(
    quote: ExtractedQuote,
    head: ParagraphView,
    first: QuoteSpan,
    headSentence: [number, number],
    tail: ParagraphView,
    last: QuoteSpan,
    tailSentence: [number, number],
    done: Map<string, AttributedQuote>,
  ): Found | undefined {
    const startsSentence = !/[\p{L}\p{N}]/u.test(head.masked.slice(headSentence[0], first.start - 1));
    const endsSentence = !/[\p{L}\p{N}]/u.test(tail.masked.slice(last.end + 1, tailSentence[1]));
    if (!startsSentence || !endsSentence) return undefined;
    const index = head.sentences.indexOf(headSentence);
    if (index > 0) {
      const found = this.sentenceSubjectFound(head, head.sentences[index - 1]!, 'pre');
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
      if (reported) return { speaker: reported, method: 'continuation' };
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
      const attributedAfter = /[\p{L}]/u.test(previous.masked.slice(span.end + 1));
      if (prior && prior.speaker && endsParagraph && attributedAfter)
        return { speaker: prior.speaker, method: 'continuation' };
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
    if (two && isCompound(view, one, two)) return { speaker: null, method: 'none' };
    return this.resolve(view, one, method);
  }

  /** `reported`: a stretch of the pronoun's sentence that is the quote's own content, whose people it does not mean. */
  private resolve(
    view: ParagraphView,
    mention: Mention,
    method: AttributionMethod,
    reported?: [number, number],
  ): Found {
    if (mention.pronoun) {
      const person = this.resolvePronoun(view.paragraph.index, mention.start, mention.pronoun, 0, reported);
      return person ? { speaker: person, method: 'pronoun' } : { speaker: null, method: 'none' };
    }
    const kind: AttributionMethod =
      method === 'according-to' || method === 'continuation' || mention.named ? method : 'alias';
    return { speaker: this.titleHolder(view, mention) ?? mention.person, method: kind };
  }

  /**
   * A bare title ("the prime minister") means the one other holder of that title the article has just
   * named, when the alias's owner is not named there: in a passage about Modi, "the prime minister
   * said" is Modi. Looks back through the mention's paragraph and the two before it.
   */
  private titleHolder(view: ParagraphView, mention: Mention): string | null {
    if (mention.named || !mention.person) return null;
    const title = view.masked
      .slice(mention.start, mention.end)
      .replace(/^(?:the|a|an)\s+/i, '')
      .trim()
      .toLowerCase();
    if (!/^[\p{Ll} -]+$/u.test(title)) return null; // only a plain title, not "Japan's prime minister"
    const holders = new Set<string>();
    for (let p = view.paragraph.index; p >= view.paragraph.index - REACH && p >= 1; p -= 1) {
      for (const m of this.views.get(p)?.mentions ?? []) {
        if (!m.named || !m.person || (p === view.paragraph.index && m.end > mention.start)) continue;
        // the role must be that title ("Prime Minister of India"), not contain it ("Deputy Prime Minister")
        const role = (this.roleOf.get(m.person) ?? '').toLowerCase();
        if (role === title || role.startsWith(`${title} `)) holders.add(m.person);
      }
    }
    const [only, another] = [...holders];
    return only && !another && only !== mention.person ? only : null;
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
      const named = view.mentions.filter((m) => m.person && before(m) && this.pronounOf.get(m.person) === pronoun);
      const subject = (m: Mention) => !m.object && !m.possessive && !m.parenthetical;
      const subjects = named.filter(subject);
      const own = p === paragraphIndex ? view.sentences.find(([a, b]) => a <= position && position < b) : undefined;
      const outside = (m: Mention) => !reported || m.end <= reported[0] || m.start >= reported[1];
      const inOwn = own ? subjects.filter((m) => m.start >= own[0] && outside(m)) : [];
      if (inOwn.length > 0) return inOwn.at(-1)!.person;
      // "Trump's speech, in which he warned …": the possessor of the sentence's subject
      const owner = own ? named.find((m) => m.possessive && m.start >= own[0] && !m.object) : undefined;
      if (owner) return owner.person;
      for (const [a, b] of [...view.sentences].reverse()) {
        if (own && a >= own[0]) continue;
        if (p === paragraphIndex && a >= position) continue;
        const candidates = view.mentions.filter(
          (m) =>
            m.start >= a &&
            m.end <= b &&
            before(m) &&
            (subject(m) || (m.possessive && !m.object && !m.parenthetical)) && // "Mr Trump's rhetoric …"
            (m.person ? this.pronounOf.get(m.person) === pronoun : m.pronoun === pronoun),
        );
        // "Asked whether he would …, Trump didn't rule it out": the main clause's subject, past an opening clause
        const main = mainClauseStart(view.plain, a, b);
        const first = candidates.find((m) => m.start >= main) ?? candidates[0];
        const unnamed = unnamedSubject(view.masked, a, b);
        if (unnamed !== undefined && (!first || unnamed < first.start)) return null;
        if (!first) continue;
        if (first.person) return first.person;
        if (depth < 3) return this.resolvePronoun(p, first.start, pronoun, depth + 1);
      }
      if (fallback === null) fallback = named.at(-1)?.person ?? null;
    }
    return fallback;
  }
}

/** Where a noun phrase starting at `from` stops: the first , ; : ! ? or full stop (not an abbreviation's). */
function phraseEnd(text: string, from: number, limit: number): number {
  const slice = text
    .slice(from, limit)
    .replace(/(?:\p{L}\.){2,}/gu, (m) => m.replace(/\./g, '_'))
    .replace(/\b(Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov)\./g, '$1_');
  const stop = /[,.;:!?]/.exec(slice);
  return stop ? from + stop.index : limit;
}

function sentenceAt(view: ParagraphView, offset: number): [number, number] {
  return (
    view.sentences.find((s) => s[0] <= offset && offset < s[1]) ??
    view.sentences[view.sentences.length - 1] ?? [0, view.masked.length]
  );
}

/** Titles that name one office-holder (not "official", "diplomat" or "source", which anyone may be). */
const SPECIFIC_ROLES = new Set(
  'spokesman spokeswoman spokesperson secretary minister negotiator adviser advisor representative envoy ambassador president premier leader chairman correspondent commissioner economist analyst director'.split(
    ' ',
  ),
);

/** The words before a verb end in a plural common noun, the subject: "what Japanese commentators have". */
function groupSubject(region: string): boolean {
  const words = wordsOf(region).filter((w) => !AUXILIARIES.has(w.toLowerCase()) && !/ly$/.test(w));
  const last = words.at(-1);
  return last !== undefined && /^\p{Ll}{3,}[^s]s$/u.test(last) && !/(ss|us|is)$/.test(last);
}

/** Two mentions joined only by "and" (optionally after "both"): a joint subject. */
function isCompound(view: ParagraphView, a: Mention, b: Mention): boolean {
  const [x, y] = a.start < b.start ? [a, b] : [b, a];
  return /^\s*(and|&)\s*$/i.test(view.masked.slice(x.end, y.start));
}

function compileAliases(people: Person[]): Alias[] {
  const aliases: Alias[] = [];
  for (const person of people) {
    const nameWords = new Set(person.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)));
    const forms = new Set([person.name, ...person.aliases]);
    for (const form of forms) {
      const body = form
        .trim()
        .split(/\s+/)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"))
        .join('\\s+');
      const flags = /^\p{Ll}/u.test(form) ? 'giu' : 'gu';
      const re = new RegExp(`(?<![\\p{L}\\p{N}\\-])${body}(?![\\p{L}\\p{N}]|-\\p{L})`, flags);
      const named = form.split(/\s+/).some((w) => nameWords.has(w));
      const surname = /^\p{Lu}[\p{L}-]*$/u.test(form.trim());
      aliases.push({ re, person, named, surname });
    }
  }
  return aliases;
}

/** A capitalised word, a comma, then "the" or a possessive: where an appositive description may start. */
const APPOSITIVE_HINT = /\p{Lu}[\p{L}.'’-]*,\s+(?:the|\p{Lu}[\p{L}.]*['’]s)\s/u;

/** Nouns that head a role description: "the top government spokesman", "Japan's chief negotiator". */
const ROLE_NOUNS = new Set([...SPECIFIC_ROLES, 'official', 'diplomat', 'chief', 'aide']);

/**
 * Descriptions an article gives a named person in apposition — `Yoshihide Suga, the top government
 * spokesman, told …`, `Toshimitsu Motegi, Japan's chief negotiator, said …` — become that person's
 * aliases for this article, with "the" or any possessive in front (`Japan's top government spokesman
 * said`) and without a leading proper adjective (`the US national security adviser` → `the national
 * security adviser`). A description two people share, or that already names someone, is left out.
 */
function appositiveAliases(
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
    if (known.some((a) => new RegExp(a.re.source, a.re.flags.replace('g', '')).test(sample))) continue;
    const body = core
      .split(' ')
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+');
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:the|[\\p{Lu}][\\p{L}.]*['’]s)\\s+${body}(?![\\p{L}\\p{N}])`, 'giu');
    learned.push({ re, person, named: false, surname: false });
  }
  return { aliases: learned, shared };
}

function findMentions(masked: string, plain: string, aliases: Alias[]): Mention[] {
  const found: Array<{ start: number; end: number; person: string | null; pronoun: Pronoun | null; named: boolean }> =
    [];
  for (const alias of aliases) {
    alias.re.lastIndex = 0;
    for (const m of masked.matchAll(alias.re)) {
      if (alias.surname && isOtherPersonsName(masked, m.index!)) continue; // "Duyeon Kim", "Melania Trump"
      found.push({
        start: m.index!,
        end: m.index! + m[0].length,
        person: alias.person.id,
        pronoun: null,
        named: alias.named,
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

/** "He released a statement on Friday.": what follows is the statement. */
const STATEMENT =
  /\b(?:released|issued|put out|posted|read out|gave)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,2}?statement\b/iu;

/** Verbs of thinking: with the speech verbs, what makes a sentence a paraphrase of someone's view. */
const COGNITION_VERBS = new Set('thinks thought believes believed expects expected fears feared'.split(' '));

/** What a possessive names as someone's words: "Trump's complaint", "Abe's own remarks". */
const SPEECH_NOUN =
  /^['’]s?\s+(?:\p{Ll}+\s+)?(?:complaint|claim|remark|remarks|comment|comments|warning|promise|pledge|vow|statement|words|message|assertion|insistence|tweet|accusation|description|argument|plea|boast|answer|reply|response|line|lines|phrase|refrain|quip|joke|request|appeal|demand|assurance|toast)(?![\p{L}])/u;

/**
 * Nouns for someone an article does not name: "a Japanese official", "one diplomat", "a cattleman" —
 * any role noun, and the people a story meets on the way.
 */
const UNNAMED_NOUNS = [
  ...ROLE_NOUNS,
  ...(
    'source person member lawmaker officer executive expert professor resident protester farmer relative guest ' +
    'reporter senator legislator worker voter man woman rancher fisher driver student owner vendor shopkeeper ' +
    'teacher nurse veteran retiree villager commuter passenger tourist visitor dealer trader banker lawyer activist ' +
    'campaigner demonstrator volunteer neighbor neighbour'
  ).split(' '),
];

/** "a Japanese official", "one diplomat": someone the article does not name, as a subject. */
const UNNAMED_PERSON = new RegExp(
  `(?<![\\p{L}])(?:a|an|one|another)\\s+(?:[\\p{L}'’.-]+\\s+){0,4}?` +
    `(?:${UNNAMED_NOUNS.join('|')}|(?:cattle|fisher|business|congress|sales|police|service)(?:man|men|woman|women))` +
    `s?(?![\\p{L}])`,
  'giu',
);

/** Where an unnamed person is the subject of the sentence [from, to) of the masked text, if one is. */
function unnamedSubject(masked: string, from: number, to: number): number | undefined {
  for (const m of masked.slice(from, to).matchAll(UNNAMED_PERSON)) {
    const at = from + m.index!;
    if (!isObject(masked, at)) return at;
  }
  return undefined;
}

/** A bare surname right after a capitalised given name that is no title: someone else's full name. */
function isOtherPersonsName(text: string, start: number): boolean {
  const m = /(\S+)[ \u00a0]$/u.exec(text.slice(0, start));
  const word = m?.[1];
  if (!m || !word || !/^\p{Lu}\p{Ll}+$/u.test(word) || NAME_PREFIXES.has(word) || TIME_WORDS.has(word)) return false;
  const earlier = text.slice(0, start - m[0].length).trimEnd();
  const opensSentence = earlier === '' || /[.!?:;"“”]$/.test(earlier);
  return !(opensSentence && SENTENCE_OPENERS.has(word));
}

/**
 * Where the main clause of the sentence [from, to) starts: after an opening subordinate or participle
 * clause and its comma ("When Trump and Abe met in Hamburg, …", "Asked whether he would …, Trump …").
 */
function mainClauseStart(plain: string, from: number, to: number): number {
  const text = plain.slice(from, to);
  const opening = /^\s*(\p{L}+)/u.exec(text)?.[1] ?? '';
  const opens = SUBORDINATE_OPENERS.has(opening.toLowerCase()) || /^\p{Lu}\p{Ll}+(?:ed|ing)$/u.test(opening);
  const comma = text.indexOf(',');
  return opens && comma > 0 ? from + comma + 1 : from;
}

/** A finite verb right after a mention: "the same phrase Trump used". */
function verbFollows(text: string, end: number): boolean {
  const next = /^\s+(\p{Ll}+)/u.exec(text.slice(end))?.[1];
  return next !== undefined && (AUXILIARIES.has(next) || SPEECH_VERBS.has(next) || /^\p{Ll}{2,}ed$/u.test(next));
}

/**
 * Walks back over titles and capitalised words to the word that governs the mention. A noun before
 * it describes it ("Hamburg mayor Olaf Scholz") unless a verb follows the mention: then the noun is
 * what the mention's own clause is about ("the same phrase Trump used"), and the mention its subject.
 */
function isObject(text: string, start: number, end = start): boolean {
  let i = start;
  for (;;) {
    const before = text.slice(0, i);
    const m = /([\p{L}\p{N}.'’-]+)(\s+)$/u.exec(before);
    if (!m) return false; // punctuation or the start: nothing governs it
    const word = m[1] ?? '';
    if (/[.]$/.test(word) && !/^(?:\p{L}\.)+$|^(Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov)\.$/u.test(word)) return false; // a sentence ended
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

const POSSESSIVE_DETERMINERS = new Set('my our your his her their its'.split(' '));

/** Lower-case words a sentence's subject may follow: adverbs and conjunctions ("then Trump said", "so Abe"). */
const SUBJECT_OPENERS = new Set(
  'also then later now earlier again meanwhile still yet today yesterday tomorrow once first finally instead nor either neither both even only said'.split(
    ' ',
  ),
);

/** Blanks comma-, dash- and bracket-delimited asides: ", who had been critical of Tokyo,". */
function blankParentheticals(masked: string): string {
  const chars = masked.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i += 1) if (chars[i] !== '"' && chars[i] !== '“' && chars[i] !== '”') chars[i] = ' ';
  };
  for (const m of masked.matchAll(/\([^()]*\)/g)) blank(m.index!, m.index! + m[0].length);
  for (const m of masked.matchAll(/\s[-\u2014\u2013]{1,2}\s[^-\u2014\u2013]+?\s[-\u2014\u2013]{1,2}\s/g))
    blank(m.index! + 1, m.index! + m[0].length - 1);
  const commas = [...masked.matchAll(/,/g)].map((m) => m.index!);
  for (const [k, from] of commas.entries()) {
    const to = commas[k + 1];
    if (to === undefined) break;
    const segment = masked.slice(from + 1, to);
    const first = /^\s*([\p{L}]+)/u.exec(segment)?.[1];
    if (!first || /[.!?]/.test(segment)) continue;
    const lower = first.toLowerCase();
    const participle = /ing$/.test(lower) && lower !== 'according';
    if (first === lower && (PARENTHETICAL_OPENERS.has(lower) || participle)) blank(from, to + 1);
    // an appositive after a name: "Justin Trudeau, the host, had told …"
    const named = /\p{Lu}[\p{L}.'’-]*$/u.test(masked.slice(0, from));
    const describes = /^(?:the|a|an)$/.test(first) || /^\p{Lu}[\p{L}.]*['’]s$/u.test(first);
    if (named && describes && (segment.match(/[\p{L}\p{N}]+/gu) ?? []).length <= 6) blank(from, to + 1);
  }
  return chars.join('');
}
