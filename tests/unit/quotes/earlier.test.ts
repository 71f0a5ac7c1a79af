import { describe, expect, it } from 'vitest';
import { findEarlierRemarks } from '../../../src/lib/quotes/earlier.ts';
import { extractQuotes } from '../../../src/lib/quotes/extract.ts';
import { buildQuoteCorpus } from '../../../src/lib/quotes/index.ts';
import type { ArticleText } from '../../../src/lib/quotes/types.ts';
import { articleOf, contentPeople, contentSmallTalk, contentTopics, realArticles } from './fixtures.ts';

/** The engine's finding for each quote of a one-article fixture, by quote text. */
function earlierOf(article: ArticleText): Map<string, { earlier: boolean; cue?: string }> {
  const quotes = extractQuotes(article);
  const found = findEarlierRemarks(article, quotes);
  return new Map(quotes.map((q) => [q.text, found.get(q.anchor)!]));
}

/** A story of a summit on Monday 6 November 2017 (its first day 5 November), published the same day. */
function summit(...paragraphs: string[]): ArticleText {
  return {
    ...articleOf('summit', paragraphs),
    published: '2017-11-06',
    eventDates: { start: '2017-11-05', end: '2017-11-07' },
  };
}

describe('findEarlierRemarks', () => {
  it('marks a remark dated before the event, not one dated within it or after it', () => {
    const found = earlierOf(
      summit(
        'In a press conference on Wednesday, Abe said, "We will analyze the situation."',
        '"We stand together," Trump said on Monday.',
        'Trump said on Nov. 14 he would "report back" to Congress.',
        'Trump signed an order in January calling the pact a "disaster."',
      ),
    );
    expect(found.get('We will analyze the situation.')).toEqual({ earlier: true, cue: 'Wednesday' });
    expect(found.get('We stand together,')?.earlier).toBe(false);
    expect(found.get('report back')?.earlier).toBe(false); // a date after the event
    expect(found.get('disaster.')).toEqual({ earlier: true, cue: 'January' });
  });

  it('reads "last year" in the attribution, never inside the quote', () => {
    const found = earlierOf(
      summit(
        'Last year, Abe said the pact would be "meaningless" without the U.S.',
        '"Last year we failed, and this year we will not," Abe said.',
      ),
    );
    expect(found.get('meaningless')).toEqual({ earlier: true, cue: 'Last year' });
    expect(found.get('Last year we failed, and this year we will not,')).toEqual({ earlier: false });
  });

  it('tells a perfect that reports earlier occasions from a standing position and from "said"', () => {
    const found = earlierOf(
      summit(
        'Trump has repeatedly said that Japan should pay "a lot more."',
        'Trump has called the pact "a disaster waiting to happen."',
        'Governor Ige has said an employee "pushed the wrong button."',
        'Trump said Japan was "a great ally."',
        'Trump has rattled allies with his vow to "totally destroy" the North.',
      ),
    );
    expect(found.get('a lot more.')).toEqual({ earlier: true, cue: 'has repeatedly said' });
    expect(found.get('a disaster waiting to happen.')).toEqual({ earlier: true, cue: 'has called' });
    expect(found.get('pushed the wrong button.')?.earlier).toBe(false);
    expect(found.get('a great ally.')?.earlier).toBe(false);
    expect(found.get('totally destroy')).toEqual({ earlier: true, cue: 'has rattled allies with his vow' });
  });

  it('carries the paragraph’s earlier speech to a quote of its own sentence, until another time is named', () => {
    const found = earlierOf(
      summit(
        'In a speech to the United Nations in September, Trump turned on Pyongyang. "Rocket Man is on a suicide mission," he said. "We will have no choice."',
        'Sakie Yokota told this newspaper last year that she had "no time left for patience". On Monday she sounded softer. "He listened," she said.',
      ),
    );
    expect(found.get('Rocket Man is on a suicide mission,')).toEqual({ earlier: true, cue: 'September' });
    expect(found.get('We will have no choice.')?.earlier).toBe(true); // the same utterance
    expect(found.get('no time left for patience')).toEqual({ earlier: true, cue: 'last year' });
    expect(found.get('He listened,')?.earlier).toBe(false);
  });

  it('names earlier occasions, and leaves a time of the reported content or a relative clause alone', () => {
    const found = earlierOf(
      summit(
        'Trump was asked about a quote from a recent interview in which he called Japan a "samurai" nation.',
        'Bolton told reporters on Sunday that the missiles fired earlier this month were "a violation."',
        '"It is regrettable," Abe said of the launches, which the ministry has described since last year as ballistic.',
      ),
    );
    expect(found.get('samurai')).toEqual({ earlier: true, cue: 'from a recent interview' });
    expect(found.get('a violation.')?.earlier).toBe(false);
    expect(found.get('It is regrettable,')?.earlier).toBe(false);
  });

  it('without the event’s dates, dates a remark against the publication day and leaves the week before it to the event', () => {
    const plain = (text: string) => ({ ...articleOf('wire', [text]), published: '2019-05-28' });
    expect(earlierOf(plain('"We disagree," Bolton said on Saturday.')).get('We disagree,')?.earlier).toBe(false);
    expect(earlierOf(plain('"We disagree," Bolton said on May 2.')).get('We disagree,')?.earlier).toBe(true);
    expect(earlierOf(plain('"We disagree," Bolton said in April.')).get('We disagree,')?.earlier).toBe(true);
    expect(
      earlierOf(plain('Talks will resume in July, when "all options" are open, Bolton said.')).get('all options')
        ?.earlier,
    ).toBe(false);
  });

  it('leaves a so-called term and an article without dates to the quote’s own words', () => {
    const found = earlierOf(articleOf('x', ['Seoul left the so-called "whitelist" in August, a spokesman said.']));
    expect(found.get('whitelist')?.earlier).toBe(false);
  });
});

describe('buildQuoteCorpus and earlier remarks', () => {
  const { quotes, statements } = buildQuoteCorpus(
    realArticles(),
    contentPeople(),
    contentTopics(),
    {},
    contentSmallTalk(),
  );

  it('gives every quote `earlier`, and the cue of each earlier one', () => {
    for (const q of quotes) {
      expect(typeof q.earlier).toBe('boolean');
      expect(q.earlierCue !== undefined).toBe(q.earlier);
    }
  });

  it('marks the five articles’ earlier remarks (issue 13) and a statement only when all its quotes are', () => {
    const earlier = quotes.filter((q) => q.earlier).map((q) => q.text.replace(/[.,]$/, ''));
    for (const text of ['samurai', 'totally destroy', 'rocket man', 'disaster', 'meaningless'])
      expect(earlier).toContain(text);
    const byId = new Map(quotes.map((q) => [q.id, q]));
    for (const s of statements) expect(s.earlier).toBe(s.quotes.every((id) => byId.get(id)?.earlier === true));
  });
});
