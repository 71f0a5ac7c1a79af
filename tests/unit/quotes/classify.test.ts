import { describe, expect, it } from 'vitest';
import { attributeQuotes } from '../../../src/lib/quotes/attribute.ts';
import { classifyQuotes, compileTerms } from '../../../src/lib/quotes/classify.ts';
import { extractQuotes } from '../../../src/lib/quotes/extract.ts';
import type { ArticleText, TopicDefinition } from '../../../src/lib/quotes/types.ts';
import { articleOf, contentTopics, fixturePeople } from './fixtures.ts';

const topics: TopicDefinition[] = [
  {
    id: 'security',
    title: 'Security',
    description: 'Weapons and the military.',
    terms: ['missile', 'military', 'threaten', 'ally', 'war'],
    context: ['North Korea'],
  },
  { id: 'trade', title: 'Trade', description: 'Trade.', terms: ['trade', 'tariff', 'import', 'economy'] },
  { id: 'abductees', title: 'Abductees', description: 'Abductions.', terms: ['abduct*', 'send them back'] },
];

function classify(article: ArticleText, overrides = [] as Parameters<typeof classifyQuotes>[3]) {
  const attributed = attributeQuotes(article, extractQuotes(article), fixturePeople());
  return classifyQuotes(article, attributed, topics, overrides);
}
const topicsOf = (article: ArticleText) => classify(article).map((q) => [q.text, q.topics]);

describe('term matching', () => {
  const re = (terms: string[]) => compileTerms(terms)!;

  it('matches whole words and phrases, case-insensitively', () => {
    expect(re(['war']).test('a trade War')).toBe(true);
    expect(re(['war']).test('two warships')).toBe(false);
    expect(re(['import']).test('it is important')).toBe(false);
    expect(re(['send them back']).test('would SEND THEM BACK soon')).toBe(true);
  });

  it('tolerates simple inflections and * endings', () => {
    expect(re(['missile']).test('missiles')).toBe(true);
    expect(re(['threaten']).test('it threatened peace')).toBe(true);
    expect(re(['ally']).test('our allies')).toBe(true);
    expect(re(['tariff']).test('tariffs')).toBe(true);
    expect(re(['abduct*']).test('the abductees')).toBe(true);
    expect(re(['abduct*']).test('abduction issue')).toBe(true);
  });

  it('compiles nothing from no terms', () => {
    expect(compileTerms([])).toBeNull();
  });
});

describe('the quote decides first, then ever wider context', () => {
  it('uses the quote itself over its sentence', () => {
    const article = articleOf('a', ['"Missiles are coming," Trump said as trade talks began.']);
    expect(topicsOf(article)).toEqual([['Missiles are coming,', ['security']]]);
  });

  it('uses the clause around a fragment before the rest of the sentence', () => {
    const article = articleOf('a', [
      'Trump vowed military resolve against the "menace" of the regime and said he hoped for a "free, fair and reciprocal" trade relationship.',
    ]);
    expect(topicsOf(article)).toEqual([
      ['menace', ['security']],
      ['free, fair and reciprocal', ['trade']],
    ]);
  });

  it('uses the sentence, then the paragraph, then the section heading', () => {
    const article = articleOf('a', [
      { heading: 'Regional security and military matters' },
      'Abe said the talks were "good." Japan will buy military jets.',
      '"We will see," Abe said.',
    ]);
    expect(topicsOf(article)).toEqual([
      ['good.', ['security']], // paragraph
      ['We will see,', ['security']], // heading
    ]);
  });

  it('lets weak context cues decide only when no term matches anywhere near', () => {
    const article = articleOf('a', ['On North Korea, Abe said: "We will see."']);
    expect(topicsOf(article)).toEqual([['We will see.', ['security']]]);
    const withTerm = articleOf('a', ['On North Korea and trade, Abe said: "We will see."']);
    expect(topicsOf(withTerm)).toEqual([['We will see.', ['trade']]]);
  });

  it('falls back to the previous paragraph of the same section, then to the lead', () => {
    const article = articleOf('a', [
      'Japan and the U.S. argued over tariffs on Monday.',
      'The talks went on for hours.',
      'Abe discussed the abductions with Trump.',
      '"It was a long day," Abe said.',
      'The leaders then spoke to the press for an hour at the palace.',
      'Nothing more was said.',
      'Reporters waited outside.',
      '"We will meet again," Trump said.',
    ]);
    expect(topicsOf(article)).toEqual([
      ['It was a long day,', ['abductees']], // previous paragraph
      ['We will meet again,', ['trade']], // nothing near it: the lead says what the story is about
    ]);
  });

  it('does not take the lead’s topic into a section whose heading names none', () => {
    const article = articleOf('a', [
      'Japan and the U.S. argued over tariffs on Monday.',
      { heading: 'Dinner at Trump Tower' },
      '"We had a great dinner," Trump said.',
    ]);
    expect(topicsOf(article)).toEqual([['We had a great dinner,', []]]);
  });

  it('reads a short phrase with its clause, and sets aside what a concessive phrase mentions', () => {
    const article = articleOf('a', [
      'Washington invoked "national security" under a trade law to justify tariffs on cars.',
      'Abe and Trump went on to discuss missiles.',
      'Despite the tension over trade, the two men joked about "the old days" together.',
    ]);
    expect(topicsOf(article)).toEqual([
      ['national security', ['trade']],
      ['the old days', ['security']], // the running topic, not the trade it sets aside
    ]);
  });

  it('returns no topic when nothing matches', () => {
    expect(topicsOf(articleOf('a', ['"Hello," Abe said.']))).toEqual([['Hello,', []]]);
  });

  it('keeps every topic that matches at the deciding level', () => {
    const article = articleOf('a', ['"It is a lot of trade and a lot of military," Trump said.']);
    expect(topicsOf(article)[0]?.[1]).toEqual(['security', 'trade']);
  });
});

describe('the running topic and changes of subject', () => {
  it('keeps only the topics with at least half the leading topic’s matches', () => {
    const article = articleOf('a', [
      'The leaders also discussed trade, a sore point since Trump threatened tariffs on imports.',
      '"We are going to fix it," Trump said.',
    ]);
    // trade, tariffs, imports against one "threatened": a trade paragraph, not a security one
    expect(topicsOf(article)).toEqual([['We are going to fix it,', ['trade']]]);
  });

  it('reads back through paragraphs that are little more than a quote', () => {
    const article = articleOf('a', [
      'Abe and Trump spoke about missiles on Monday.',
      'Later the two leaders agreed to speed up trade talks.',
      '"We will fix it," Trump said. He predicted a deal.',
      '"We agreed to move fast," said Abe.',
    ]);
    expect(topicsOf(article)).toEqual([
      ['We will fix it,', ['trade']],
      ['We agreed to move fast,', ['trade']], // two back, through a paragraph carried by its quote
    ]);
  });

  it('gives no topic to a paragraph that says much and names none: the golf, the banquet', () => {
    const article = articleOf('a', [
      'Trump and Abe clashed over missiles and sanctions on Monday.',
      'The visit has been choreographed to flatter the guest, with a round of golf, a ringside seat at the sumo and a state banquet at the palace with the new emperor, in what local commentators have called a "bromance".',
      '"He enjoys it," said one diplomat.',
    ]);
    expect(topicsOf(article)).toEqual([
      ['bromance', []],
      ['He enjoys it,', []], // the paragraph before it changed the subject
    ]);
  });

  it('does not take a paragraph that refers back ("this issue") for a change of subject', () => {
    const article = articleOf('a', [
      'Trump complained about the trade deficit with Japan for many years.',
      'The two leaders discussed this issue again during their long golf game on Sunday, and after the round Abe told waiting reporters that he had held deep discussions on many issues including "difficult ones."',
    ]);
    expect(topicsOf(article)).toEqual([['difficult ones.', ['trade']]]);
  });
});

describe('ambiguous words and small talk', () => {
  const withAmbiguity: TopicDefinition[] = [
    { ...topics[0]!, ambiguous: ['threat', 'war', 'pressure'] },
    topics[1]!,
    topics[2]!,
  ];
  const classifyWith = (paragraphs: Parameters<typeof articleOf>[1], smallTalk: string[] = []) => {
    const article = articleOf('a', paragraphs);
    const attributed = attributeQuotes(article, extractQuotes(article), fixturePeople());
    return classifyQuotes(article, attributed, withAmbiguity, [], smallTalk).map((q) => [q.text, q.topics]);
  };

  it('counts an ambiguous word only where the topic is named near it', () => {
    expect(
      classifyWith([
        'The threat of car tariffs has not gone away, "for now," an official said.',
        'North Korea fired more missiles. Abe vowed to keep up the pressure on "all fronts."',
      ]),
    ).toEqual([
      ['for now,', ['trade']], // a tariff threat
      ['all fronts.', ['security']], // pressure beside missiles
    ]);
  });

  it('gives no topic to small talk, even under a topical heading, but not to a working dinner', () => {
    const smallTalk = ['golf*', 'dinner'];
    expect(
      classifyWith(
        [
          { heading: 'Trade' },
          'They played golf on Sunday, and Trump called Abe "a very good golfer."',
          'After a working dinner, Abe said the talks would go on "for months."',
        ],
        smallTalk,
      ),
    ).toEqual([
      ['a very good golfer.', []],
      ['for months.', ['trade']],
    ]);
  });

  it('gives no topic to a quote whose own words are small talk, in a paragraph about missiles, unless they name a topic', () => {
    const smallTalk = ['friend*', 'golf*', 'lunch'];
    expect(
      classifyWith(
        [
          'North Korea fired two missiles on Friday. "We have become very good friends, Shinzo," Trump said, and Abe called their bond "a true friendship."',
          'Trump said: "My friend Shinzo and I will never accept a nuclear North Korea."',
          'North Korea fired again. "Our friendship is a military strength," Abe said, and the threat of "another launch" hung over the golf.',
          'North Korea fired two missiles. "We had a long working lunch," Abe said.',
        ],
        smallTalk,
      ),
    ).toEqual([
      ['We have become very good friends, Shinzo,', []],
      ['a true friendship.', []],
      ['My friend Shinzo and I will never accept a nuclear North Korea.', ['security']], // names its topic
      ['Our friendship is a military strength,', ['security']], // a term of its own
      ['another launch', ['security']], // no small talk in the quote itself
      ['We had a long working lunch,', ['security']], // a working meal is where business is done
    ]);
  });
});

describe('overrides', () => {
  const article = articleOf('a', ['"Missiles are coming," Trump said.']);

  it('replace the topics', () => {
    expect(classify(article, [{ text: 'Missiles are coming,', topics: ['trade'] }])[0]?.topics).toEqual(['trade']);
  });

  it('throw on an unknown quote or topic', () => {
    expect(() => classify(article, [{ text: 'nope', topics: ['trade'] }])).toThrow(/quotes.*"nope"/);
    expect(() => classify(article, [{ text: 'Missiles are coming,', topics: ['sport'] }])).toThrow(
      /quotes\[0\]\.topics": unknown topic "sport"/,
    );
  });
});

describe('content/topics.json', () => {
  it('defines security, trade and abductees with titles, descriptions and terms', () => {
    const defined = contentTopics();
    expect(defined.map((t) => [t.id, t.title])).toEqual([
      ['security', 'Security'],
      ['trade', 'Trade'],
      ['abductees', 'Abductees'],
    ]);
    for (const t of defined) {
      expect(t.description.length).toBeGreaterThan(10);
      expect(t.terms.length).toBeGreaterThan(2);
    }
  });
});

describe('paired words: a topic only beside its own terms', () => {
  const topics: TopicDefinition[] = [
    {
      id: 'abductees',
      title: 'Abductees',
      description: 'Abducted citizens.',
      terms: ['abduct*'],
      paired: ['families'],
    },
    { id: 'trade', title: 'Trade', description: 'Trade.', terms: ['tariff*'] },
  ];
  const topicsIn = (...paragraphs: string[]) => {
    const article = articleOf('paired', paragraphs);
    return classifyQuotes(article, attributeQuotes(article, extractQuotes(article), fixturePeople()), topics).map(
      (q) => q.topics,
    );
  };

  it('counts "families" beside an abduction word', () => {
    expect(
      topicsIn('Relatives of those abducted in the 1970s met Trump.', '"The families are waiting," Abe said.'),
    ).toEqual([['abductees']]);
  });

  it('does not count "families" on its own', () => {
    expect(topicsIn('Farmers met Trump.', '"The families are waiting," Abe said.')).toEqual([[]]);
  });
});
