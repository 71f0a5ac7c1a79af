import { describe, expect, it } from 'vitest';
import { extractQuotes, spanText } from '../../../src/lib/quotes/extract.ts';
import type { ArticleText, ExtractedQuote } from '../../../src/lib/quotes/types.ts';
import { articleOf, fixtureArticle, realArticles } from './fixtures.ts';

const texts = (quotes: ExtractedQuote[]) => quotes.map((q) => q.text);
const inParagraph = (quotes: ExtractedQuote[], index: number) => quotes.filter((q) => q.spans[0]?.paragraph === index);
function pair(list: ExtractedQuote[]): [ExtractedQuote, ExtractedQuote] {
  const [a, b] = list;
  if (!a || !b) throw new Error(`expected two quotes, got ${list.length}`);
  return [a, b];
}
function one(list: ExtractedQuote[]): ExtractedQuote {
  const [a] = list;
  if (!a) throw new Error('expected a quote');
  return a;
}

function expectExactSpans(article: ArticleText, quotes: ExtractedQuote[]) {
  for (const q of quotes) {
    expect(q.spans.map((s) => spanText(article.paragraphs, s)).join('\n\n')).toBe(q.text);
    for (const s of q.spans) expect(s.end).toBeGreaterThan(s.start);
  }
}

describe('extractQuotes on the nasty fixture', () => {
  const article = fixtureArticle('extraction');
  const quotes = extractQuotes(article);

  it('gives exact offsets for every quote', () => {
    expectExactSpans(article, quotes);
  });

  it('never reads apostrophes as quotation marks', () => {
    // Abe’s, '80s, ’80s, Japan’s, hasn't, sides’, Abe's: no quotes in paragraph 1
    expect(inParagraph(quotes, 1)).toEqual([]);
  });

  it('keeps nested single quotes and apostrophes inside the double-quoted text', () => {
    expect(texts(inParagraph(quotes, 2))).toEqual(["We're going to use 'maximum pressure,' as Abe's team says,"]);
  });

  it('splits a quotation broken by its attribution into parts of one utterance', () => {
    const [a, b] = pair(inParagraph(quotes, 3));
    expect([a.text, b.text]).toEqual(['No one likes conflict,', 'But we must act,']);
    expect(a.anchor).toBe('q3-1');
    expect(b.anchor).toBe('q3-2');
    expect(b.utterance).toBe(a.anchor);
  });

  it('keeps an em dash inside the quote and does not glue "X" and "Y"', () => {
    const [a, b] = pair(inParagraph(quotes, 4));
    expect(a.text).toBe('a disaster — a total disaster');
    expect(b.text).toBe('unfair.');
    expect(b.utterance).toBe(b.anchor);
  });

  it('finds quotes at the very start and end of a paragraph', () => {
    expect(texts(inParagraph(quotes, 5))).toEqual(['Quote at the start,', 'quote at the end.']);
  });

  it('drops an unclosed mark without swallowing the rest of the paragraph or the next one', () => {
    expect(texts(inParagraph(quotes, 6))).toEqual(['this one does']);
    expect(inParagraph(quotes, 7)).toEqual([]);
    expect(quotes.some((q) => q.spans.some((s) => s.paragraph === 7))).toBe(false);
  });

  it('reads a three-paragraph quotation as one quote with three spans, anchored in its first paragraph', () => {
    const q = one(inParagraph(quotes, 8));
    expect(q.anchor).toBe('q8-1');
    expect(q.spans.map((s) => s.paragraph)).toEqual([8, 9, 10]);
    expect(q.text).toBe('First paragraph of a long quote.\n\nSecond paragraph of it.\n\nThird paragraph, ending here,');
    expect(inParagraph(quotes, 9)).toEqual([]);
  });

  it('never lets a quote cross into a paragraph that does not continue it', () => {
    expect(inParagraph(quotes, 11)).toEqual([]);
    expect(quotes.some((q) => q.spans.some((s) => s.paragraph === 12))).toBe(false);
  });

  it('joins a continuation paragraph whose opening mark is missing when it closes the quote', () => {
    const q = one(inParagraph(quotes, 13));
    expect(q.spans.map((s) => s.paragraph)).toEqual([13, 14]);
    expect(q.text).toBe('An opening with its continuation mark missing.\n\nThe quote goes on here and closes.');
  });

  it('ignores inch marks and handles curly quotes inside brackets', () => {
    expect(texts(inParagraph(quotes, 15))).toEqual(['stylus.', 'Brackets around a quote']);
  });

  it('treats two fragments joined by one narrator verb as one utterance', () => {
    const [a, b] = pair(inParagraph(quotes, 16));
    expect(b.utterance).toBe(a.anchor);
  });

  it('never searches headings', () => {
    expect(quotes.some((q) => q.text.includes('quoted'))).toBe(false);
  });

  it('numbers anchors per paragraph', () => {
    expect(quotes.map((q) => q.anchor)).toEqual([
      'q2-1',
      'q3-1',
      'q3-2',
      'q4-1',
      'q4-2',
      'q5-1',
      'q5-2',
      'q6-1',
      'q8-1',
      'q13-1',
      'q15-1',
      'q15-2',
      'q16-1',
      'q16-2',
    ]);
  });
});

describe('parts of one utterance', () => {
  const utterances = (paragraphs: string[]) => {
    const quotes = extractQuotes(articleOf('u', paragraphs));
    return quotes.map((q) => quotes.findIndex((x) => x.anchor === q.utterance));
  };

  it('links a split quotation whose attribution has a title ("Mr. Trump told reporters …")', () => {
    expect(
      utterances(['"We will start talks," Mr. Trump told reporters as he sat beside Mr. Abe. "But now they want to."']),
    ).toEqual([0, 0]);
  });

  it('links a first part that ends in a nested quote', () => {
    expect(
      utterances([`"They say, 'Come back into TPP,' and I say, 'I like bilateral,'" Trump said. "I like one-on-one."`]),
    ).toEqual([0, 0]);
  });

  it('links a split in the middle of a sentence', () => {
    expect(utterances(['"I have waited 40 years," she said, "and I don\'t know how many more I have."'])).toEqual([
      0, 0,
    ]);
  });

  it('links a second part that runs on over paragraphs', () => {
    expect(
      utterances([
        '"I don\'t blame them," the president said. "I blame our people.',
        '"Now we will have a fair deal."',
      ]),
    ).toEqual([0, 0]);
  });

  it('keeps two sentences of narration between quotes apart', () => {
    expect(utterances(['"We agree," Abe said. Trump nodded. "It is done."'])).toEqual([0, 1]);
  });
});

describe('quote kinds', () => {
  const kindOf = (paragraph: string) => one(extractQuotes(articleOf('k', [paragraph]))).kind;

  it('calls a sentence of speech full', () => {
    expect(kindOf('"We will not stand for that," Trump said.')).toBe('full');
    expect(kindOf('Abe said: "Over the two days, we agreed."')).toBe('full');
    expect(kindOf('"Yes," Trump told reporters.')).toBe('full');
  });

  it('calls a long clause with a verb full, even in lower case', () => {
    expect(kindOf('Trump declared that "the era of strategic patience is over."')).toBe('full');
    // short, but a clause with its own subject
    expect(kindOf('Trump said some think it was a violation, but "I see it differently."')).toBe('full');
    expect(kindOf('He told them that "it\'s my priority too."')).toBe('full');
    expect(kindOf('The daily ran the headline "Abe wins reprieve on car tariffs" online.')).toBe('full');
  });

  it('calls short phrases and scare quotes fragments', () => {
    expect(kindOf('He pledged to fight the "menace" of North Korea.')).toBe('fragment');
    expect(kindOf('He stuck to his "America First" mantra.')).toBe('fragment');
    expect(kindOf('They are in "100 percent" agreement.')).toBe('fragment');
    expect(kindOf('Kim perhaps "wants to get attention."')).toBe('fragment'); // a predicate without its subject
    expect(kindOf('He called it "Abe\'s doctrine" again.')).toBe('fragment');
    expect(kindOf('Tokyo calls it a "Trade Agreement on Goods" instead.')).toBe('fragment');
    expect(kindOf('Abe called the tests "a clear violation of U.N. Security Council resolutions".')).toBe('fragment');
    expect(kindOf('He decried "the dangerous aggressions of the regime in North Korea."')).toBe('fragment');
    expect(kindOf('She said the situation was "already extremely complex, sensitive and weak".')).toBe('fragment');
  });

  it('calls a quote that goes on with the narration’s sentence a fragment, however long', () => {
    // an auxiliary: the subject is the reporter's
    expect(kindOf('He said Abe "will shoot them out of the sky when he completes the purchase".')).toBe('fragment');
    expect(kindOf('Officials said Washington "is in the process of reviewing its policies on climate".')).toBe(
      'fragment',
    );
    // a predicate whose subject the narration gives
    expect(kindOf('Hua said Beijing "supports the US and North Korea in keeping up dialogue".')).toBe('fragment');
    // a subordinate clause of the reporter's verb
    expect(kindOf('Macron insisted "that we won\'t make small concessions, not even symbolic ones."')).toBe('fragment');
    // a capital makes it a sentence of its own again
    expect(kindOf('He said: "Will we shoot them out of the sky? Yes."')).toBe('full');
  });
});

describe('extractQuotes on the real articles', () => {
  const articles = realArticles();

  it('gives exact offsets everywhere', () => {
    for (const article of articles) expectExactSpans(article, extractQuotes(article));
  });

  it('reads NPR’s two-paragraph Horsley report as one quote', () => {
    const npr = articles.find((a) => a.id === 'npr-trump-japan-visit-2017')!;
    const horsley = extractQuotes(npr).find((q) => q.text.startsWith('Trump praised'))!;
    expect(horsley.spans).toHaveLength(2);
    expect(horsley.text.endsWith('American military hardware.')).toBe(true);
  });
});

describe('extractQuotes in every quotation style', () => {
  const styled = (...paragraphs: string[]) => articleOf('styles', paragraphs);
  const quotesOf = (...paragraphs: string[]) => texts(extractQuotes(styled(...paragraphs)));

  it('pairs a curly opening mark with a straight closing one, and the reverse', () => {
    expect(quotesOf('“I think that could happen," he said. "We are ready,” she said.')).toEqual([
      'I think that could happen,',
      'We are ready,',
    ]);
  });

  it('keeps a straight quotation nested in a curly one inside it', () => {
    expect(quotesOf('“He told me "no" twice,” Abe said.')).toEqual(['He told me "no" twice,']);
  });

  it('reads British style: single marks outside, double inside, apostrophes left alone', () => {
    const article = styled(
      "Abe's aides didn't expect it. 'We won't accept \"maximum pressure\" as a slogan,' he said.",
      "It was the biggest crowd since the '80s, rock 'n' roll and all. 'The Koreas' talks matter,' Kim said.",
      '‘It’s not over,’ Moon said, ‘and we don’t give up.’',
    );
    expect(texts(extractQuotes(article))).toEqual([
      'We won\'t accept "maximum pressure" as a slogan,',
      "The Koreas' talks matter,",
      'It’s not over,',
      'and we don’t give up.',
    ]);
  });

  it('reads a British quotation over two paragraphs', () => {
    const article = styled('‘The first part goes on', '‘and the second closes it,’ she said.');
    const [q] = extractQuotes(article);
    expect(q?.text).toBe('The first part goes on\n\nand the second closes it,');
    expect(q?.spans.map((s) => s.paragraph)).toEqual([1, 2]);
  });

  it('decides the outer mark from the whole article, not from one paragraph', () => {
    // a paragraph with one nested single quote in an American-style article stays double-quoted
    const article = styled(
      "\"He said 'go' and 'stop' and 'wait',\" Abe said.",
      '"Second," Trump said.',
      '"Third," Trump said.',
      '"Fourth," Abe said.',
    );
    expect(texts(extractQuotes(article))).toEqual([
      "He said 'go' and 'stop' and 'wait',",
      'Second,',
      'Third,',
      'Fourth,',
    ]);
  });

  it('reads guillemets and low-9 marks', () => {
    expect(quotesOf('«Nous sommes prêts», a-t-il dit. «We will "never" give up», Moon said.')).toEqual([
      'Nous sommes prêts',
      'We will "never" give up',
    ]);
    expect(quotesOf('„Wir sind bereit,“ sagte Merkel. „Gut“, sagte er.')).toEqual(['Wir sind bereit,', 'Gut']);
  });

  it('reads a «phrase» in guillemets in a double-mark article, but not one nested inside its quotes', () => {
    expect(
      quotesOf(
        'The paper warned that China «will never bow to pressure». "We heard «no» twice," Abe said. "Fine," he said.',
      ),
    ).toEqual(['will never bow to pressure', 'We heard «no» twice,', 'Fine,']);
  });

  it("tells a British quote opening on a number ('100 percent') from an elided year ('80s, '19)", () => {
    const article = styled(
      "America stood behind Japan '100 percent'. The crowd was the biggest since the '80s.",
      "'It is over,' he said of the '19 talks. 'Done.'",
    );
    expect(texts(extractQuotes(article))).toEqual(['100 percent', 'It is over,', 'Done.']);
  });

  it('keeps a quotation broken by dashes whole', () => {
    expect(quotesOf('"We will — and I say this plainly — never accept it," Abe said.')).toEqual([
      'We will — and I say this plainly — never accept it,',
    ]);
  });
});
