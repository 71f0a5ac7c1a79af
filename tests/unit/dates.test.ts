import { describe, expect, it } from 'vitest';
import { formatDay, isCalendarDate, toIsoDay } from '../../src/lib/dates.ts';

describe('isCalendarDate', () => {
  it.each(['2017-11-06', '2018-06-07', '2016-02-29'])('accepts %s', (d) => expect(isCalendarDate(d)).toBe(true));
  it.each(['2017-02-30', '2017-13-01', '2017-00-10', '2017-1-6', '06/11/2017', '2017-11-06T00:00:00Z', ''])(
    'rejects %j',
    (d) => expect(isCalendarDate(d)).toBe(false),
  );
});

describe('day formatting', () => {
  it('keeps the calendar day whatever the time zone', () => {
    expect(toIsoDay(new Date(Date.UTC(2017, 10, 6)))).toBe('2017-11-06');
    expect(formatDay('2017-11-06')).toBe('6 November 2017');
  });
});
