import { describe, expect, it } from 'vitest';
import { describeSite, NAMED_AT_MOST } from '../../src/lib/site-description.ts';

const TOKYO = { title: 'Trump–Abe summit in Tokyo', start: '2017-11-05' };
const WASHINGTON = { title: 'Trump–Abe meeting at the White House', start: '2018-06-07' };

describe('describeSite', () => {
  it('names the newsrooms and the events, oldest event first, each once', () => {
    expect(
      describeSite('Parallax', {
        outlets: ['Reuters', 'NPR', 'Nikkei Asian Review', 'Nikkei Asian Review'],
        events: [WASHINGTON, TOKYO, TOKYO],
      }),
    ).toBe(
      'Parallax lines up the quotations Nikkei Asian Review, NPR and Reuters used in their coverage of the ' +
        'Trump–Abe summit in Tokyo and the Trump–Abe meeting at the White House, statement by statement, and shows ' +
        'how the wording differs.',
    );
  });

  it(`counts past ${NAMED_AT_MOST} newsrooms or events, with the span of years`, () => {
    const outlets = ['A', 'B', 'C', 'D'];
    const events = [
      TOKYO,
      WASHINGTON,
      { title: 'G20 in Osaka', start: '2019-06-28' },
      { title: 'X', start: '2020-01-01' },
    ];
    expect(describeSite('Parallax', { outlets, events })).toContain(
      'the quotations 4 newsrooms used in their coverage of 4 events from 2017 to 2020,',
    );
  });

  it('follows the content: a new outlet appears without a code change', () => {
    const text = describeSite('Parallax', { outlets: ['NPR', 'The Japan Times'], events: [TOKYO] });
    expect(text).toContain('NPR and The Japan Times used in their coverage of the Trump–Abe summit in Tokyo,');
  });
});
