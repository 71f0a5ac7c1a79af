import { describe, expect, it } from 'vitest';
import { addDays, formatDay, formatDayRange, isCalendarDate, toIsoDay } from '../../src/lib/dates.ts';

describe('isCalendarDate', () => {
  it.each(['2017-11-06', '2018-06-07', '2016-02-29', '2020-02-29', '2000-02-29'])('accepts %s', (d) =>
    expect(isCalendarDate(d)).toBe(true),
  );
  it.each([
    '2017-02-29',
    '2017-02-30',
    '2017-13-01',
    '2017-00-10',
    '2017-11-31',
    '1900-02-29',
    '2017-1-6',
    '06/11/2017',
    '2017-11-06T00:00:00Z',
    '2017-11-06T00:00',
    '',
  ])('rejects %j', (d) => expect(isCalendarDate(d)).toBe(false));
});

describe('addDays', () => {
  it('moves across month, year and leap-day boundaries, both ways', () => {
    expect(addDays('2017-11-06', -7)).toBe('2017-10-30');
    expect(addDays('2017-12-31', 1)).toBe('2018-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('2018-06-07', 0)).toBe('2018-06-07');
  });
});

describe('day formatting', () => {
  it('keeps the calendar day whatever the time zone', () => {
    expect(toIsoDay(new Date(Date.UTC(2017, 10, 6)))).toBe('2017-11-06');
    expect(formatDay('2017-11-06')).toBe('6 November 2017');
  });
});

describe('day ranges', () => {
  it.each([
    ['2018-06-07', '2018-06-07', '7 June 2018'],
    ['2017-11-05', '2017-11-07', '5–7 November 2017'],
    ['2017-11-30', '2017-12-02', '30 November – 2 December 2017'],
    ['2017-12-30', '2018-01-02', '30 December 2017 – 2 January 2018'],
    ['2017-11-05', '2018-11-07', '5 November 2017 – 7 November 2018'],
  ])('%s to %s reads %j', (start, end, expected) => {
    const { start: from, end: to, separator } = formatDayRange(start, end);
    expect(to === null ? from : `${from}${separator}${to}`).toBe(expected);
  });

  it('returns the parts for separate <time> elements', () => {
    expect(formatDayRange('2017-11-05', '2017-11-07')).toEqual({ start: '5', end: '7 November 2017', separator: '–' });
    expect(formatDayRange('2018-06-07', '2018-06-07')).toEqual({ start: '7 June 2018', end: null, separator: '' });
  });
});
