/** Dates as the site shows and stores them: calendar days, "YYYY-MM-DD", no time zone. */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day written as YYYY-MM-DD (2017-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The calendar day of a date parsed as UTC midnight (YAML dates are), as YYYY-MM-DD. */
export function toIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The calendar day `days` after `isoDay` (before it when negative). */
export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return toIsoDay(date);
}

/** One formatter for every call: constructing an Intl.DateTimeFormat costs about a millisecond. */
const LONG_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "6 November 2017": the long form readers see. */
export function formatDay(isoDay: string): string {
  return LONG_DAY.format(new Date(`${isoDay}T00:00:00Z`));
}

const DAY_ONLY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', timeZone: 'UTC' });
const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** The two ends of a span of days as readers see them, and what goes between them. */
export interface DayRange {
  /** The first day, shortened where the last day's text carries its month and year: "5", "30 November". */
  start: string;
  /** The last day in full, or null when the span is a single day. */
  end: string | null;
  /** What separates the two: "–" between bare days, " – " otherwise, "" for a single day. */
  separator: string;
}

/**
 * A span of days in its compact long form: "5–7 November 2017" (same month),
 * "30 November – 2 December 2017" (same year), "30 December 2017 – 2 January 2018" (otherwise),
 * "7 June 2018" (one day). Parts, so each end can sit in its own <time datetime>.
 */
export function formatDayRange(startDay: string, endDay: string): DayRange {
  const full = formatDay(startDay);
  if (endDay === startDay) return { start: full, end: null, separator: '' };
  const start = new Date(`${startDay}T00:00:00Z`);
  const end = new Date(`${endDay}T00:00:00Z`);
  const sameYear = start.getUTCFullYear() === end.getUTCFullYear();
  const sameMonth = sameYear && start.getUTCMonth() === end.getUTCMonth();
  if (sameMonth) return { start: DAY_ONLY.format(start), end: formatDay(endDay), separator: '–' };
  if (sameYear) return { start: DAY_MONTH.format(start), end: formatDay(endDay), separator: ' – ' };
  return { start: full, end: formatDay(endDay), separator: ' – ' };
}
