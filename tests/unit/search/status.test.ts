import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/lib/search/query.ts';
import { echo, emptyStatus, MAX_ECHO, statusOf, statusText } from '../../../src/lib/search/status.ts';
import type { StatusPart, StatusResults } from '../../../src/lib/search/status.ts';

/** Results as the status sees them: `count` articles, complete unless a total is given. */
function results(q: string, count: number, more: Partial<StatusResults> = {}): StatusResults {
  return {
    query: parseQuery(q),
    groups: Array.from({ length: count }, () => ({})),
    passages: count,
    similar: [],
    total: count,
    complete: true,
    ...more,
  };
}
const say = (q: string, filtered: boolean, r: StatusResults) => statusText(statusOf(q, filtered, r));
const echoes = (parts: StatusPart[]) => parts.filter((p) => typeof p !== 'string');

describe('echo', () => {
  it('cuts a long query at 60 characters with an ellipsis, whole characters only', () => {
    const long = 'maximum pressure '.repeat(10);
    expect(echo(long).echo).toBe(`${long.slice(0, MAX_ECHO).trimEnd()}…`);
    expect(echo('Abe').echo).toBe('Abe');
    expect(echo('😀'.repeat(61)).echo).toBe(`${'😀'.repeat(60)}…`);
  });

  it('drops bidi controls, so a U+202E cannot reverse the sentence around it', () => {
    expect(echo('abc\u202Eevil\u202C \u2067x\u2069\u200F').echo).toBe('abcevil x');
  });
});

describe('statusOf', () => {
  it('says how many articles and passages matched, quoting the query as an echo part', () => {
    const parts = statusOf('Lighthizer', false, { ...results('Lighthizer', 1), passages: 2 });
    expect(statusText(parts)).toBe('1 article for “Lighthizer” (2 matching passages).');
    expect(echoes(parts)).toEqual([{ echo: 'Lighthizer' }]);
  });

  it('quotes back at most 60 characters of a long query', () => {
    const q = 'abe '.repeat(40);
    expect(say(q, false, results(q, 0))).toBe(`No results for “${echo(q).echo}”. Check the spelling.`);
    expect(echo(q).echo.length).toBeLessThanOrEqual(MAX_ECHO + 1);
  });

  it('suggests clearing the filters only when one is set, and fewer words only when there are several', () => {
    expect(say('zzyzx', false, results('zzyzx', 0))).toBe('No results for “zzyzx”. Check the spelling.');
    expect(say('zzyzx qq', false, results('zzyzx qq', 0))).toBe(
      'No results for “zzyzx qq”. Check the spelling or use fewer words.',
    );
    expect(say('zzyzx', true, results('zzyzx', 0))).toBe(
      'No results for “zzyzx” with these filters. Check the spelling or clear the filters.',
    );
    expect(say('"sky out of the"', true, results('"sky out of the"', 0))).toBe(
      'No results for “"sky out of the"” with these filters. Check the spelling or clear the filters.',
    );
    expect(say('zz qq', true, results('zz qq', 0))).toBe(
      'No results for “zz qq” with these filters. Check the spelling, use fewer words, or clear the filters.',
    );
  });

  it('says when only near spellings matched, and which', () => {
    const r = results('Moon', 3, { similar: [{ term: 'moon', words: ['soon'] }] });
    expect(say('Moon', false, r)).toBe(
      'No exact match for “Moon”; showing similar words: soon. 3 articles for “Moon” (3 matching passages).',
    );
    const two = results('strategc patince', 1, {
      similar: [
        { term: 'strategc', words: ['strategic'] },
        { term: 'patince', words: ['patience'] },
      ],
    });
    expect(say('strategc patince', false, two)).toMatch(
      /^No exact match for “strategc”, “patince”; showing similar words: strategic, patience\. /,
    );
  });

  it('says when articles hold the words only in different passages', () => {
    const r = results('Abe golf', 3, { groups: [{}, { partial: true }, { partial: true }] });
    expect(say('Abe golf', false, r)).toBe(
      '3 articles for “Abe golf” (3 matching passages). 1 has all the words in one passage.',
    );
    const none = results('Abe golf', 1, { groups: [{ partial: true }] });
    expect(say('Abe golf', false, none)).toMatch(/No one passage holds all the words\.$/);
  });

  it('describes filters-only results and partial results', () => {
    expect(say('', true, results('', 4))).toBe('4 articles match these filters.');
    expect(say('', true, results('', 0))).toBe('No articles match these filters.');
    expect(say('"', true, results('"', 2))).toBe('2 articles match these filters.');
    expect(say('', true, results('', 10, { total: 25, complete: false }))).toBe(
      'The first 10 of 25 articles that match these filters.',
    );
    expect(say('abe', false, results('abe', 10, { total: 40, complete: false }))).toBe(
      'The best 10 of up to 40 articles for “abe”. Add a word or a filter to narrow it down.',
    );
    expect(say('abe', false, results('abe', 0, { total: 40, complete: false }))).toMatch(/^Nothing yet for “abe”/);
  });
});

describe('emptyStatus', () => {
  it('says nothing for an empty box or mere punctuation, and to keep typing after one letter', () => {
    for (const q of ['', '   ', '"', '""', '--', '!?', "'"]) {
      expect(parseQuery(q).terms).toEqual([]);
      expect(emptyStatus(q), JSON.stringify(q)).toEqual([]);
    }
    expect(statusText(emptyStatus('m'))).toMatch(/^Keep typing/);
    expect(statusText(emptyStatus('m'))).not.toMatch(/No results/);
  });
});
