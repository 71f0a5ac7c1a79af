/**
 * The quote engine's word lists, in one place: extract, attribute and classify read them from here.
 * Each list says what it is for; word forms come from a conjugator (compromise), not from listing them.
 */
import nlp from 'compromise';

/** A list of words, one string: the form this file keeps its lists in. */
const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/));

/**
 * Verbs that report speech, as their base forms. Every finite form ("say", "says", "said") is a speech
 * verb (`SPEECH_VERBS`) and the -ing form a speech participle (`SPEECH_PARTICIPLES`), derived below.
 */
const SPEECH_VERB_BASES = (
  'say tell add note ask stress declare explain remark reply respond insist argue warn announce write tweet ' +
  'state continue recall report acknowledge concede admit suggest pledge vow urge emphasize emphasise observe ' +
  'comment claim predict promise assure repeat speak joke quip caution affirm reaffirm reveal boast complain ' +
  'confirm conclude counter describe call refer label dub express convey deride hail mock praise lament scoff ' +
  'muse recount protest grumble exclaim retort interject shout murmur mutter whisper quote recount maintain ' +
  'contend assert allege estimate predict answer plead sigh cry deny'
)
  .trim()
  .split(/\s+/);

/** Verbs whose base and -s forms are far more often nouns in news prose ("the state", "no mood for jokes"): only their past tense reports speech. */
const NOUN_LIKE_BASES = words(
  'state report note comment claim promise vow pledge counter label joke quote estimate cry sigh answer protest tweet praise reply remark lament shout whisper murmur retort quip boast',
);

interface Conjugation {
  Infinitive?: string;
  PastTense?: string;
  PresentTense?: string;
  Gerund?: string;
}

function conjugate(base: string): Conjugation {
  const doc = nlp(base);
  doc.tag('Verb'); // a bare word is read as a noun ("lament", "protest") unless told otherwise
  const forms = (doc.verbs().conjugate()[0] ?? {}) as Conjugation;
  return { ...forms, ...CONJUGATOR_FIXES[base] };
}

/** Forms the conjugator gets wrong (checked by the lexicon's unit test). */
const CONJUGATOR_FIXES: Record<string, Conjugation> = {
  deride: { PastTense: 'derided' },
  murmur: { Gerund: 'murmuring' },
};

const CONJUGATED = new Map(SPEECH_VERB_BASES.map((base) => [base, conjugate(base)]));

/** Finite forms of the speech verbs: "say", "says", "said", "lament", "laments", "lamented". */
export const SPEECH_VERBS = new Set(
  [...CONJUGATED].flatMap(([base, forms]) =>
    [...(NOUN_LIKE_BASES.has(base) ? [] : [base, forms.PresentTense]), forms.PastTense]
      .filter((form): form is string => form !== undefined && form !== '')
      .flatMap(bothSpellings),
  ),
);

/** British and American spellings of a doubled final l: "labelled" and "labeled", "labelling" and "labeling". */
function bothSpellings(form: string): string[] {
  const m = /^(.*[aeiou])(l{1,2})(ed|ing)$/.exec(form);
  return m ? [`${m[1]}l${m[3]}`, `${m[1]}ll${m[3]}`] : [form];
}

/** Participles that carry the main clause's speaker ("..., Trump said, calling it a "disaster""). */
export const SPEECH_PARTICIPLES = new Set(
  [...CONJUGATED.values()].flatMap((forms) => (forms.Gerund ? bothSpellings(forms.Gerund) : [])),
);

/** Auxiliary and modal verbs (a clause has begun; `are calling` is a finite verb). */
export const AUXILIARIES = new Set(
  "is are was were be been am will would can could shall should may might must do does did has have had won’t won't".split(
    ' ',
  ),
);
export const FUNCTION_WORDS = words(
  'a an the of to for with in on at by from into about his her their its our my your this that these those',
);
export const SUBJECT_PRONOUNS = words('i we you they he she it');
export const SUBORDINATORS = words(
  'where which who whom whose that when whereas if because while although though since unless until',
);

/** Abbreviations whose final period does not end a sentence. */
export const ABBREVIATIONS = words(
  'mr mrs ms dr st gen gov sen rep rev fr lt col sgt capt prof jan feb mar apr jun jul aug sep sept oct nov dec inc co corp ltd no vs etc jr sr',
);

export const PREPOSITIONS = new Set(
  'with to from by for of about against at on in into toward towards between among than like over under behind before after upon via alongside including despite without onto through across beside besides'.split(
    ' ',
  ),
);
export const OBJECT_VERBS = new Set(
  'met meet meets meeting thanked thank thanks backed back backs assured assure assures told tell tells urged urge asked ask invited invite praised pressed joined welcomed greeted visited criticized criticised blamed congratulated called accompanied hosted warned reminded supported support supports replace replaced succeeded defeated'.split(
    ' ',
  ),
);
export const DETERMINERS = new Set('the a an this that these those'.split(' '));
export const TITLE_WORDS = new Set(
  'leader president prime minister premier spokesman spokeswoman spokesperson secretary correspondent senator chief cabinet foreign ministry deputy vice finance press counterpart adviser advisor reporter envoy ambassador general representative official'.split(
    ' ',
  ),
);
export const NP_DETERMINERS = new Set(
  'a an the one another some several two three four its his her their our this that these those many other'.split(' '),
);
export const CLAUSE_WORDS = new Set(
  'and but or that which who whom whose what while whereas because although though when if as since so after before'.split(
    ' ',
  ),
);
export const SUBORDINATE_OPENERS = new Set(
  'when after before if as while although though because since once until unless'.split(' '),
);
export const PARENTHETICAL_OPENERS = new Set(
  'who whom whose which with for in on at after before during from like unlike'.split(' '),
);

export const SENTENCE_OPENERS = new Set(
  'The A An But And Or So Yet Still Then Now Also When If As After Before While Since Though Although Meanwhile Later Earlier Today Yesterday On In At For With By From Neither Either Both'.split(
    ' ',
  ),
);

/**
 * Days and months: capitalised, but never part of a name. "On Monday Shinzo Abe told …" opens
 * with a time adverbial, not with someone called "Monday Abe" governed by "On".
 */
export const TIME_WORDS = new Set(
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'.split(
    ' ',
  ),
);

/** Words that may stand before a bare surname without making it someone else's name. */
export const NAME_PREFIXES = new Set(
  'Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. President Prime Minister Premier Chancellor Secretary Leader Chairman Chief Gen. General Sen. Senator Rep. Gov. Governor Emperor Empress King Queen Prince Princess Pope Rev Rev. Father Pastor Bishop'.split(
    ' ',
  ),
);

/** How many paragraphs before its own a pronoun or a bare title may point back into. */
export const REACH = 2;

/** Titles that name one office-holder (not "official", "diplomat" or "source", which anyone may be). */
export const SPECIFIC_ROLES = new Set(
  'spokesman spokeswoman spokesperson secretary minister negotiator adviser advisor representative envoy ambassador president premier leader chairman correspondent commissioner economist analyst director'.split(
    ' ',
  ),
);

/** A capitalised word, a comma, then "the" or a possessive: where an appositive description may start. */
export const APPOSITIVE_HINT = /\p{Lu}[\p{L}.'’-]*,\s+(?:the|\p{Lu}[\p{L}.]*['’]s)\s/u;

/** Nouns that head a role description: "the top government spokesman", "Japan's chief negotiator". */
export const ROLE_NOUNS = new Set([...SPECIFIC_ROLES, 'official', 'diplomat', 'chief', 'aide']);

/** "He released a statement on Friday.": what follows is the statement. */
export const STATEMENT =
  /\b(?:released|issued|put out|posted|read out|gave)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,2}?statement\b/iu;

/** Verbs of thinking: with the speech verbs, what makes a sentence a paraphrase of someone's view. */
export const COGNITION_VERBS = new Set('thinks thought believes believed expects expected fears feared'.split(' '));

/** What a possessive names as someone's words: "Trump's complaint", "Abe's own remarks". */
export const SPEECH_NOUN =
  /^['’]s?\s+(?:\p{Ll}+\s+)?(?:complaint|claim|remark|remarks|comment|comments|warning|promise|pledge|vow|statement|words|message|assertion|insistence|tweet|accusation|description|argument|plea|boast|answer|reply|response|line|lines|phrase|refrain|quip|joke|request|appeal|demand|assurance|toast)(?![\p{L}])/u;

/**
 * Nouns for someone an article does not name: "a Japanese official", "one diplomat", "a cattleman" —
 * any role noun, and the people a story meets on the way.
 */
export const UNNAMED_NOUNS = [
  ...ROLE_NOUNS,
  ...(
    'source person member lawmaker officer executive expert professor resident protester farmer relative guest ' +
    'reporter senator legislator worker voter man woman rancher fisher driver student owner vendor shopkeeper ' +
    'teacher nurse veteran retiree villager commuter passenger tourist visitor dealer trader banker lawyer activist ' +
    'campaigner demonstrator volunteer neighbor neighbour'
  ).split(' '),
];

export const POSSESSIVE_DETERMINERS = new Set('my our your his her their its'.split(' '));

/** Lower-case words a sentence's subject may follow: adverbs and conjunctions ("then Trump said", "so Abe"). */
export const SUBJECT_OPENERS = new Set(
  'also then later now earlier again meanwhile still yet today yesterday tomorrow once first finally instead nor either neither both even only said'.split(
    ' ',
  ),
);

/**
 * Capitalised words that name an organisation, a body or a place, never a person: a run of capitalised
 * words holding one ("U.S. Embassy", "Keio University", "Liberal Democratic Party") is no one's name.
 */
export const ORGANISATION_WORDS = words(`
  ministry embassy university institute institution party house agency news corp corporation inc co ltd bank
  council command forces force department office committee commission group company association federation union
  times post journal network service services fund center centre foundation school college hospital court
  parliament congress senate diet cabinet government administration assembly board bureau authority club
  team camp campaign league airlines airways motors motor industries holdings securities research capital partners press tv radio
  daily weekly herald tribune wire review monitor broadcasting television channel nations summit treaty
  agreement act bill war strait sea island islands peninsula prefecture province state states city republic kingdom
  empire dynasty palace hall airport station street avenue square park bridge tower building club stadium
`);

/**
 * Capitalised words that begin or sit in a run without being anyone's name: nationalities, directions,
 * words a headline or a sentence capitalises.
 */
export const NON_NAME_WORDS = words(`
  japanese american korean chinese russian british french german european asian western eastern u.s. us uk un
  north south east west northern southern pacific atlantic democrats republicans democrat republican liberal
  conservative communist socialist it he she they we i his her their our its there here this that these those
  what when where why how who after before during since until while however but and or so yet also
  emperor empress crown imperial majesty royal highness excellency
`);

/** Words that carry no content of their own: what alignment, wording shifts and topic reading leave out. */
export const STOPWORDS = new Set(
  (
    'a an the and or but nor of to in on at for with from by as into onto about over than then so if is are was were be been being am ' +
    'it its that this these those there here their theirs they them we us our ours i me my you your yours he him his she her hers ' +
    'will would can could shall should may might must do does did done have has had not no very also just all any some out up ' +
    'what which who whom whose when where why how because while said says say going get got let per much more most such own same ' +
    'other again too only now well even still yet ok s t re ve ll d m dont doesnt didnt isnt arent wasnt werent wont cant couldnt ' +
    'wouldnt shouldnt im youre theyre weve ive hes shes thats whats lets'
  ).split(' '),
);

/** Titles abbreviated with a full stop that ends no sentence: "Mr.", "Gov.", "the Rev.". */
export const TITLE_ABBREVIATIONS = /^(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Rev|Fr|Prof)$/;
