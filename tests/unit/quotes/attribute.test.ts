import { describe, expect, it } from 'vitest';
import { attributeQuotes } from '../../../src/lib/quotes/attribute.ts';
import { extractQuotes } from '../../../src/lib/quotes/extract.ts';
import { buildQuoteCorpus } from '../../../src/lib/quotes/index.ts';
import { suggestEntry } from '../../../src/lib/quotes/suggest.ts';
import type { AttributedQuote } from '../../../src/lib/quotes/types.ts';
import { articleOf, contentPeople, fixtureArticle, fixturePeople, realArticles, realGold } from './fixtures.ts';

describe('attributeQuotes on the attribution fixture', () => {
  const article = fixtureArticle('attribution');
  const quotes = attributeQuotes(article, extractQuotes(article), fixturePeople());
  const byText = (text: string): AttributedQuote => {
    const q = quotes.find((x) => x.text === text);
    if (!q) throw new Error(`no quote "${text}"`);
    return q;
  };
  const who = (text: string) => [byText(text).speaker, byText(text).attribution];

  it('reads "said Trump" inversions', () => {
    expect(who('We will win,')).toEqual(['trump', 'post']);
  });

  it('resolves a pronoun to the subject, skipping the person met', () => {
    expect(who('excellent.')).toEqual(['trump', 'pronoun']); // President Trump met Shinzo Abe. He said ...
    expect(who('It was a great honor,')).toEqual(['abe', 'pronoun']); // Abe later thanked the president. ... he said
  });

  it('resolves titles through aliases', () => {
    expect(who('Prices are too high,')).toEqual(['abe', 'alias']); // the Japanese premier told reporters
    expect(who('The prime minister is going to be buying,')).toEqual(['trump', 'alias']); // the president said
    expect(who('totally destroy')).toEqual(['trump', 'alias']); // The U.S. leader ... has vowed to
  });

  it('sees past a time adverbial and an appositive to the subject ("On Monday Shinzo Abe, the host, told")', () => {
    expect(who('no going back')).toEqual(['abe', 'pre']);
  });

  it('reads "according to" and "through an interpreter"', () => {
    expect(who('pre-eminent')).toEqual(['trump', 'according-to']);
    expect(who('No one likes conflict,')).toEqual(['abe', 'post']);
  });

  it('finds a "spokesman" who is a she, and her pronoun in the next paragraph', () => {
    expect(who('complex.')).toEqual(['hua', 'pre']); // past the aside "in response to Abe's comments"
    expect(who('We hope for calm,')).toEqual(['hua', 'pronoun']);
  });

  it('never takes a speaker from inside the quote', () => {
    expect(who('Trump is wrong about this,')).toEqual(['abe', 'post']);
  });

  it('continues the speaker into a bare quote paragraph right after an attributed quote', () => {
    expect(who('We make the best equipment.')).toEqual(['trump', 'continuation']);
  });

  it('leaves the speaker unknown when the text does not say', () => {
    expect(who('The talks will continue,')).toEqual([null, 'none']); // said a government official
    expect(who('disaster')).toEqual([null, 'none']); // scare quote in narration
    expect(who('Nobody can tell who said this.')).toEqual([null, 'none']); // bare paragraph after narration
    expect(who('free and open')).toEqual([null, 'none']); // both Abe and Trump
  });

  it('names a speaker nobody listed, and never gives their words to a listed person of the same surname', () => {
    expect(who('hard to bridge.')[0]).toBe('duyeon-kim'); // Duyeon Kim is not Kim Jong Un
  });

  it('gives a fragment to the subject of its sentence', () => {
    expect(who('100 percent')).toEqual(['abe', 'pre']);
    expect(who('we will see what happens.')).toEqual(['trump', 'pre']);
  });

  it('takes a colon introduction from the previous paragraph for a multi-paragraph quote', () => {
    expect(who('Trump praised the automakers.\n\nAirplanes are a different story, Trump says.')).toEqual([
      'horsley',
      'pre',
    ]);
  });
});

describe('what the article itself says about people', () => {
  const speakersOf = (paragraphs: string[]) => {
    const article = articleOf('a', paragraphs);
    return attributeQuotes(article, extractQuotes(article), contentPeople()).map((q) => [q.text, q.speaker]);
  };

  // [what the case shows, the article's paragraphs, [quote, speaker] for every quote in it]
  const cases: Array<[string, string[], Array<[string, string | null]>]> = [
    [
      'learns a description given in apposition and finds it again, with another determiner',
      [
        'Chief Cabinet Secretary Yoshihide Suga, the top government spokesman, told reporters the talks went well.',
        `"There is no gap whatsoever between us," Japan's top government spokesman said later.`,
      ],
      [['There is no gap whatsoever between us,', 'suga']],
    ],
    [
      'does not learn a description two people are given',
      [
        'Yoshihide Suga, the government spokesman, spoke first. Taro Kono, the government spokesman, spoke next.',
        '"We agree," the government spokesman said.',
      ],
      [['We agree,', null]],
    ],
    [
      'reads a title no alias knows as the person the sentence before was about',
      [
        'In Tokyo, Chief Cabinet Secretary Yoshihide Suga praised the outcome. "It produced results," the top government spokesman said.',
      ],
      [['It produced results,', 'suga']],
    ],
    [
      'reads "the spokesman" after "a spokesman" as someone unnamed',
      [
        'Suga praised the outcome, and a spokesman for the ministry spoke later. "It produced results," the spokesman said.',
      ],
      [['It produced results,', null]],
    ],
    [
      'reads a quote inside an aside by the aside’s own speech verb',
      [
        'The talks, which officials are calling "FFR" for short, will be led by Abe and Trump.',
        'Abe, who called it "a good deal" on Monday, left for Tokyo.',
      ],
      [
        ['FFR', null],
        ['a good deal', 'abe'],
      ],
    ],
    [
      'gives a participle clause its own subject ("with Trump later praising …")',
      ['Abe and Trump played golf, with Trump later praising the prime minister as "a very good golfer."'],
      [['a very good golfer.', 'trump']],
    ],
    [
      'resolves a pronoun to the main clause’s subject of the sentence before, not a reported one',
      [
        `The U.S. president also said Abe had promised to buy more. "Shinzo said to me, 'We want to buy,' and that's good," he said.`,
      ],
      [["Shinzo said to me, 'We want to buy,' and that's good,", 'trump']],
    ],
    [
      'reads "expressed his …" as speech',
      [
        'Mr. Abe, who has made the abductions a signature cause, expressed his "gratitude to the president," according to an official.',
      ],
      [['gratitude to the president,', 'abe']],
    ],
    [
      'gives a quote alone in its paragraph to the person the paragraph before paraphrased',
      [
        'Yoshihide Suga, speaking in Tokyo, said the deal was a start.',
        '"It is only the first stage.',
        '"More will follow."',
      ],
      [['It is only the first stage.\n\nMore will follow.', 'suga']],
    ],
    [
      'reads an attribution after a quote that ends in an exclamation',
      ['"Shinzo is a great friend!" Mr. Trump wrote on Twitter after the round.'],
      [['Shinzo is a great friend!', 'trump']],
    ],
    [
      'gives a pronoun whose antecedent is someone unnamed to nobody',
      [
        'Trump met Abe at the White House.',
        'Asked about it, a Japanese official laughed. "He has strong hands too," he said.',
      ],
      [['He has strong hands too,', null]],
    ],
    [
      'follows a pronoun back to the name it stands for',
      [
        'Abe arrived with a plan. He was careful not to criticise the pact, from which Trump withdrew. "I am fully aware of the decision," he said.',
      ],
      [['I am fully aware of the decision,', 'abe']],
    ],
    [
      'gives a quote to the person whose complaint or promise it is',
      [
        `Currency never came up, according to an official, despite Trump's complaint that Japan and China "play the money market".`,
      ],
      [['play the money market', 'trump']],
    ],
    [
      'gives what "the media call" something to nobody',
      ['It was the latest round of what the Japanese media call "golf diplomacy" for Abe and Trump.'],
      [['golf diplomacy', null]],
    ],
    [
      "reads a pronoun in a clause about someone's speech as that person",
      ['Abe spoke first.', `Trump's speech, in which he warned he would "totally destroy North Korea", drew gasps.`],
      [['totally destroy North Korea', 'trump']],
    ],
    [
      'reads a lower-case description before a name as part of the name, not a verb',
      ['Tokyo governor Yoshihide Suga said of the rioters: "They are criminals."'],
      [['They are criminals.', 'suga']],
    ],
    [
      'gives "a Trump aide" and "a source close to the prime minister" to nobody',
      ['"He loved it," a Trump aide told reporters.', '"He looked happy," a source close to the prime minister said.'],
      [
        ['He loved it,', null],
        ['He looked happy,', null],
      ],
    ],
    [
      "reads the possessor of a sentence's subject as the antecedent of the next sentence's pronoun",
      [
        'Kono spoke to the press.',
        `Mr. Trump's trade rhetoric has been harsh. He has called the pact "a horrible deal."`,
      ],
      [['a horrible deal.', 'trump']],
    ],
    [
      'gives a quote after "… released a statement." to whoever released it',
      ['Taro Kono released a statement on Friday.', '"We ask for understanding."'],
      [['We ask for understanding.', 'kono']],
    ],
    [
      'sees the subject of a "that" clause past its appositive',
      ['His complaint was that Taro Kono, the host, had told reporters that Japan "will not be pushed around".'],
      [['will not be pushed around', 'kono']],
    ],
    [
      'gives a so-called phrase to nobody',
      ['The talks showed the so-called "bromance" since Mr. Trump took office.'],
      [['bromance', null]],
    ],
    [
      'does not take the object of a verb for the subject of a scare quote',
      ['The visit was choreographed to flatter the president, in what commentators have called a "bromance".'],
      [['bromance', null]],
    ],
    [
      'takes a name before its own verb for the subject a pronoun goes back to ("the same phrase Trump used")',
      [
        'Abe told reporters it was "an honour" to host the summit.',
        'It was the same phrase Trump used at the border, when he told Kim the crossing had been "a great honor."',
      ],
      [
        ['an honour', 'abe'],
        ['a great honor.', 'trump'],
      ],
    ],
    [
      'reads a pronoun back to the main clause of the sentence before, past its opening clause',
      [
        'Abe spoke first.',
        "Asked whether he would impose tariffs, Trump didn't rule it out.",
        '"We\'ll see what happens," he said.',
        'Mr Abe came with proposals. He did not reproach his host over the pact from which Mr Trump withdrew.',
        '"I am fully aware of the decision," he said.',
      ],
      [
        ["We'll see what happens,", 'trump'],
        ['I am fully aware of the decision,', 'abe'],
      ],
    ],
    [
      'reads past a passive speech verb to the speaker, and never takes "he" for an object',
      [
        'On Sunday, Trump wrote on Twitter about trade.',
        'At the press conference he went further, saying results could be announced "probably in August," which fueled talk of a deal.',
      ],
      [['probably in August,', 'trump']],
    ],
    [
      'does not take a speech word after a possessive for a verb ("the North\'s repeated launches")',
      [
        'Abe said the North\'s repeated launches showed that its threat had "entered a new stage" and that Tokyo must "stand together."',
      ],
      [
        ['entered a new stage', 'abe'],
        ['stand together.', 'abe'],
      ],
    ],
    [
      'gives a bare quote paragraph to the person whose view the paragraph before reports, whatever verbs follow',
      [
        'Taro Kono said the tests should worry Tokyo more than the reaction suggested.',
        '"These look like new systems that fly low."',
        'Suga thinks Pyongyang chose its moment with care.',
        '"They are testing the alliance as much as the missile."',
      ],
      [
        ['These look like new systems that fly low.', 'kono'],
        ['They are testing the alliance as much as the missile.', 'suga'],
      ],
    ],
    [
      "reads a participle clause set off by commas as the sentence subject's words, not as an aside",
      [
        'Trump spoke first.',
        'In an interview the next day he repeated himself, calling the drills "very provocative", words often heard from Pyongyang.',
      ],
      [['very provocative', 'trump']],
    ],
    [
      'gives a quote after a colon to the subject of the clause before it, whatever its verb',
      [
        'Trump told reporters the two men had "a great relationship," and when questions turned to trade, Abe cut in: "We will get there."',
      ],
      [
        ['a great relationship,', 'trump'],
        ['We will get there.', 'abe'],
      ],
    ],
    [
      'gives a quote paragraph after "Trump\'s reply … was restrained:" to Trump',
      ["Trump's reply, read from a card, was uncharacteristically restrained:", '"We are honored to be here."'],
      [['We are honored to be here.', 'trump']],
    ],
    [
      'takes the subject of a comparison\'s own clause ("than Trump had") for a pronoun to go back to',
      [
        'Abe spoke first.',
        'It was a lighter mood than Trump had carried into the weekend. A day earlier he had tweeted that he would never call Kim "short and fat".',
      ],
      [['short and fat', 'trump']],
    ],
    [
      "gives what critics deride something as to nobody, and an unnamed cattleman's words to nobody",
      [
        'The bet rests on the rapport Mr Abe has cultivated, a courtship critics deride as "golf diplomacy".',
        'Abe spoke first. A cattleman at the sale barn, who asked that his name not be used, was blunter. "Beef gets a break, fine," he said.',
      ],
      [
        ['golf diplomacy', null],
        ['Beef gets a break, fine,', null],
      ],
    ],
    [
      'does not take the person a quote after a colon speaks of for the "he" who said it',
      [
        "Mr Trump's side of the ledger is less sentimental.",
        'At his press conference he returned the compliment and then presented the bill: Mr Abe was "a great friend", he said.',
      ],
      [['a great friend', 'trump']],
    ],
    [
      'does not read a new clause after a quote ("…," and Abe told) as its attribution',
      [
        'Trump assured reporters the problem "will be solved," and Abe told his own press corps that Tokyo would "take the lead."',
      ],
      [
        ['will be solved,', 'trump'],
        ['take the lead.', 'abe'],
      ],
    ],
    [
      "gives a person's favourite line to that person",
      ['Mr Abe\'s favourite line dates from August: "Japan and the United States are 100 percent together."'],
      [['Japan and the United States are 100 percent together.', 'abe']],
    ],
    [
      'gives the words of a statement that pledged something to nobody, and a person that said something to that person',
      [
        'Kim signed a statement that pledged to "work toward complete denuclearization" and little else.',
        'It was Abe that said "never again" first.',
      ],
      [
        ['work toward complete denuclearization', null],
        ['never again', 'abe'],
      ],
    ],
  ];

  it.each(cases)('%s', (_, paragraphs, expected) => {
    expect(speakersOf(paragraphs)).toEqual(expected);
  });

  it("reads a bare title as the one other holder of that office just named, not as the alias's owner", () => {
    const modi = { id: 'modi', name: 'Narendra Modi', role: 'Prime Minister of India', pronoun: 'he' as const };
    const people = [...contentPeople(), { ...modi, aliases: ['Modi', 'Narendra Modi'] }];
    const speakers = (paragraphs: string[]) => {
      const article = articleOf('a', paragraphs);
      return attributeQuotes(article, extractQuotes(article), people).map((q) => q.speaker);
    };
    expect(speakers(['Modi spoke in Hindi.', '"We will stand together," the prime minister said.'])).toEqual(['modi']);
    // Abe named too: the title stays his; a deputy prime minister holds another office
    expect(speakers(['Modi and Abe spoke.', '"We will stand together," the prime minister said.'])).toEqual(['abe']);
    expect(speakers(['Taro Aso spoke first.', '"We will stand together," the prime minister said.'])).toEqual(['abe']);
  });
});

describe('split quotations', () => {
  it('gives later parts the first part’s speaker', () => {
    const article = articleOf('split', [
      'Abe met Trump on Monday.',
      '"No one likes conflict," the Japanese premier said through an interpreter. "But we must act."',
    ]);
    const quotes = attributeQuotes(article, extractQuotes(article), fixturePeople());
    expect(quotes.map((q) => [q.speaker, q.attribution])).toEqual([
      ['abe', 'alias'],
      ['abe', 'continuation'],
    ]);
  });
});

describe('overrides', () => {
  const article = fixtureArticle('attribution');
  const extracted = extractQuotes(article);

  it('set the speaker, or deliberately none', () => {
    const quotes = attributeQuotes(article, extracted, fixturePeople(), [
      { text: 'disaster', speaker: 'trump' },
      { text: 'We will win,', speaker: null },
    ]);
    expect(quotes.find((q) => q.text === 'disaster')).toMatchObject({ speaker: 'trump', attribution: 'override' });
    expect(quotes.find((q) => q.text === 'We will win,')).toMatchObject({ speaker: null, attribution: 'override' });
  });

  it('throw when the text is not a quote, naming the text and the quotes field', () => {
    expect(() =>
      attributeQuotes(article, extracted, fixturePeople(), [{ text: 'not in the article', speaker: 'abe' }]),
    ).toThrow(/quotes.*"not in the article"/);
  });

  it('throw on an unknown speaker', () => {
    expect(() =>
      attributeQuotes(article, extracted, fixturePeople(), [{ text: 'disaster', speaker: 'nobody' }]),
    ).toThrow(/field "quotes\[0\]\.speaker": unknown person "nobody"/);
  });
});

describe('attributeQuotes on the real articles', () => {
  it('agrees with the hand labels on at least 95% of quotes', () => {
    const gold = realGold();
    let right = 0;
    let total = 0;
    for (const article of realArticles()) {
      for (const q of attributeQuotes(article, extractQuotes(article), contentPeople())) {
        const g = gold.find((x) => x.article === article.id && x.text === q.text);
        if (!g) continue;
        total += 1;
        if (g.speaker === q.speaker) right += 1;
      }
    }
    expect(total).toBe(gold.length);
    expect(right / total).toBeGreaterThanOrEqual(0.95);
  });
});

describe('attributeQuotes in the open world: speakers nobody listed', () => {
  const speakers = (...paragraphs: string[]) => {
    const article = articleOf('open-world', paragraphs);
    return attributeQuotes(article, extractQuotes(article), contentPeople()).map((q) => q.speaker);
  };

  it('names a person from the text, with a stable id made from the name', () => {
    expect(
      speakers('U.S. Embassy spokesman Daniel Reyes said the visit was routine. "Nothing changes," Reyes said.'),
    ).toEqual(['daniel-reyes']);
    expect(speakers('"Business is slow," said Kenji Ito, who runs a noodle shop near the venue.')).toEqual([
      'kenji-ito',
    ]);
  });

  it('names a person set off as the apposition of a role, and a romanised Korean name, with no other cue', () => {
    expect(
      speakers('The plaintiffs\' lawyer, Park Hyun-woo, was in court. "Justice delayed is a wound," Park said.'),
    ).toEqual(['park-hyun-woo']);
    expect(
      speakers(
        'Only one of the four, Lee Chun-sik, is still alive.',
        'Lee, 94, sat outside the courthouse. "I am sad," he said.',
      ),
    ).toEqual(['lee-chun-sik']);
  });

  it('resolves a pronoun to the subject a reader would pick, not to a listed person named as an object', () => {
    expect(speakers('Xi Jinping spoke by phone with Trump on Tuesday. "We want peace," he said.')).toEqual([
      'xi-jinping',
    ]);
  });

  it('gives "he said" to whoever reports the sentence before (", Abe said."), not to its subject', () => {
    expect(
      speakers(
        'Trump raised the abductions at dinner with Kim on Wednesday, Abe said. "I will not let this chance slip," he said.',
      ),
    ).toEqual(['abe']);
  });

  it("gives a quote broken by a dash aside ('— Mr Kuwahara paused —') to the aside's subject", () => {
    expect(
      speakers(
        "Toru Kuwahara, an economist at Keio University, is less sure. 'If Tokyo wanted a trade war' — Mr Kuwahara paused — 'it could not have picked a worse moment.'",
      ),
    ).toEqual(['toru-kuwahara', 'toru-kuwahara']);
  });

  it('reads a dash aside typed as two hyphens, and a two-word name whose family name is also a place word', () => {
    expect(
      speakers(
        'Lee Mi-kyung, who runs a pub in Mapo, has watched her regulars go. "Business was fine until July" -- she glanced at the tables -- "and now look at it."',
      ),
    ).toEqual(['lee-mi-kyung', 'lee-mi-kyung']);
    expect(speakers('"Sanctions only bite if China enforces them," said Lena Park, who researches sanctions.')).toEqual(
      ['lena-park'],
    );
  });

  it('reads the subject of a clause opened by a conjunction ("a day after Abe called …"), not an object before "said"', () => {
    expect(
      speakers(
        'The visit came a day after Abe called the launches "extremely regrettable," a view Trump did not share.',
      ),
    ).toEqual(['abe']);
    expect(speakers('A Japanese official who accompanied Mr Abe said the mood was "very relaxed".')).toEqual([null]);
  });

  it('gives an interjected "he tweeted" to the person before, not to whom the reported words name', () => {
    expect(
      speakers(
        "On North Korea Mr Trump was breezier. Kim Jong Un's launches, he tweeted, were just 'small weapons'. Fine.",
      ),
    ).toEqual(['trump']);
    expect(speakers('Mr Trump suggested that Japan would pay; both, he said, would "help them greatly".')).toEqual([
      'trump',
    ]);
  });

  it('never gives "Mrs Abe said" to Shinzo Abe: an honorific that contradicts a person\'s pronoun names someone else', () => {
    expect(
      speakers(
        'Akie Abe, the wife of the prime minister, took Melania Trump to a museum. "It was lovely," Mrs Abe said.',
      ),
    ).toEqual(['akie-abe']);
    expect(speakers('The wives went to a museum. "It was lovely," Mrs Abe said.')).toEqual([null]);
  });

  it('does not read the family name of a Korean name as an English first name ("Kim" is no she)', () => {
    expect(
      speakers('Kim Kwan-jin, the national security adviser, briefed the cabinet. "The agreement stands," he said.'),
    ).toEqual(['kim-kwan-jin']);
  });

  it('reads initials run together as part of a name ("H.R. McMaster")', () => {
    expect(
      speakers(
        'Kim Kwan-jin spoke by phone with his U.S. counterpart, H.R. McMaster, on Sunday.',
        'McMaster, speaking on television, did not rule out talks. "The deal is in place," he said.',
      ),
    ).toEqual(['mcmaster']);
  });

  it('carries a speaker into a bare quote paragraph after a paragraph that ends with the last part of their words', () => {
    expect(
      speakers(
        '"For a pork producer, Japan is the market," said Dale Kessler, who raises hogs. "We have been losing sales."',
        '"Now we can at least compete on price."',
      ),
    ).toEqual(['dale-kessler', 'dale-kessler', 'dale-kessler']);
  });

  it('ends a sentence at a clock time before a capitalised word ("at 10:30 p.m. Abe spoke first")', () => {
    expect(
      speakers(
        'The two leaders appeared at Mar-a-Lago, Trump\'s private club, at about 10:30 p.m. Abe, reading from notes, spoke first. "It is intolerable," he said.',
      ),
    ).toEqual(['abe']);
  });

  it('takes "and called it" after a subordinate clause to that clause\'s subject, else to the sentence\'s', () => {
    expect(
      speakers(
        'On Tuesday Abe watched on television as President Trump shook Kim\'s hand and called their meeting "terrific."',
      ),
    ).toEqual(['trump']);
    expect(speakers('Abe backed Trump and called the plan "a breakthrough."')).toEqual(['abe']);
  });

  it('reads "he" after a bare title as the holder the passage names, and a title beside its alias owner as another', () => {
    expect(
      speakers(
        'Trump signed a trade deal with South Korean President Moon Jae-in. Moon, who had hosted Kim, carried a message to Trump. Speaking to reporters, the president said Kim wanted a summit "at an early date." "Kim hopes to move quickly," he said.',
      ),
    ).toEqual(['moon-jae-in', 'moon-jae-in']);
    expect(
      speakers(
        'South Korean President Moon Jae-in met Trump at the border.',
        'The president also praised Trump\'s "bold decision" on Sunday.',
      ),
    ).toEqual(['moon-jae-in']);
  });

  it('reads a bare title as the holder of that office the passage names', () => {
    expect(
      speakers('South Korean President Moon Jae-in met Trump in Seoul.', '"The door is open," the president said.'),
    ).toEqual(['moon-jae-in']);
    expect(
      speakers(
        "Kang Kyung-wha, South Korea's foreign minister, arrived on Friday.",
        '"We disagree," the foreign minister said.',
      ),
    ).toEqual(['kang-kyung-wha']);
    expect(speakers('Trump spoke in Tokyo.', '"We are ready," the president said.')).toEqual(['trump']);
  });

  it('keeps a shared family name and a suffix apart from the listed person', () => {
    expect(speakers('"The offer is welcome," Kim Yo Jong said.')).toEqual(['kim-yo-jong']);
    expect(speakers('"My father was right," Donald Trump Jr. said.')).toEqual(['donald-trump-jr']);
    expect(speakers('Sakie Yokota, the mother of Megumi Yokota, met Trump.', '"He listened," Yokota said.')).toEqual([
      'sakie-yokota',
    ]);
  });

  it('reads a speech verb in any of its forms', () => {
    expect(speakers('Abe spoke last, lamenting that "the clock is running out".')).toEqual(['abe']);
    expect(speakers('"Not again," Trump grumbled.')).toEqual(['trump']);
  });

  it('leaves a quote unattributed rather than give it to the nearest listed name', () => {
    expect(speakers('Trump met Abe. A senior official smiled. "It went well," he said.')).toEqual([null]);
  });
});

describe('promoting a found person to people.json', () => {
  const article = articleOf('promote', [
    'U.S. Embassy spokesman Daniel Reyes spoke on Monday. "Nothing changes," Reyes said.',
    '"We are ready," Trump said.',
  ]);
  const first = buildQuoteCorpus([article], contentPeople(), []);
  const found = first.speakers.filter((s) => !s.listed);

  it('suggests a ready-to-paste entry with the id the engine already uses', () => {
    expect(found.map((s) => suggestEntry(s, [article]))).toEqual([
      {
        id: 'daniel-reyes',
        name: 'Daniel Reyes',
        role: 'U.S. Embassy spokesman',
        pronoun: 'he',
        aliases: ['Daniel Reyes', 'Reyes'],
      },
    ]);
  });

  it('changes no quote id and no speaker id once pasted', () => {
    const promoted = [...contentPeople(), ...found.map((s) => suggestEntry(s, [article]))];
    const second = buildQuoteCorpus([article], promoted, []);
    expect(second.quotes.map((q) => [q.id, q.speaker])).toEqual(first.quotes.map((q) => [q.id, q.speaker]));
    expect(second.speakers.find((s) => s.id === 'daniel-reyes')?.listed).toBe(true);
  });
});
