/**
 * Calendar expressions of narration, resolved to days: "on Wednesday", "in January", "Nov. 14",
 * "23 August", "September 2017", "in 2016". A date without a year is the latest one on or before
 * the article's publication day (a reporter dates what has happened from the day they write).
 * Pure: the publication day is an argument, never the clock.
 */
import { addDays, toIsoDay } from '../dates.ts';
import { TIME_WORDS } from './lexicon.ts';

/** A span of calendar days, YYYY-MM-DD, both ends included. */
export interface DaySpan {
  first: string;
  last: string;
}

/** A calendar expression found in a text: where, its words, and the days it names. */
export interface DateMention extends DaySpan {
  start: number;
  end: number;
  text: string;
  /** A day of the week: only ever a day of the week before publication. */
  weekday: boolean;
}

/** January … December, in order. */
export const MONTHS = [...TIME_WORDS].slice(7);
const WEEKDAYS = [...TIME_WORDS].slice(0, 7); // Monday … Sunday
/** Month names and their abbreviations ("Sept.", "Nov"), lower case, to a month index 0–11. */
const MONTH_INDEX = new Map<string, number>(
  MONTHS.flatMap((name, i) => {
    const lower = name.toLowerCase();
    return [[lower, i] as const, [lower.slice(0, 3), i] as const, ...(i === 8 ? [['sept', i] as const] : [])];
  }),
);
const MONTH_WORD = `(?:${[...MONTH_INDEX.keys()].sort((a, b) => b.length - a.length).join('|')})`;
const ORDINAL_DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
/** "November 14, 2017", "Nov. 14", "September 2017", "September", "14 November 2017", "14th of November". */
const MONTH_DATE = new RegExp(
  String.raw`\b(?:${ORDINAL_DAY}(?:\s+of)?\s+)?(${MONTH_WORD})\b(?![-‐])\.?(?:\s+${ORDINAL_DAY}\b)?(?:,?\s+((?:19|20)\d\d)\b)?`,
  'giu',
);
const WEEKDAY = new RegExp(String.raw`\b(${WEEKDAYS.join('|')})(?:['’]s)?\b`, 'gu');
/** A year on its own: "in 2016", "a 2015 statement" (not a decade: "the 1970s"). */
const YEAR = /\b((?:19|20)\d\d)\b(?!s|['’]s)/gu;

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

/** Every calendar expression of `text` (masked narration), resolved against the publication day. */
export function dateMentions(text: string, published: string): DateMention[] {
  const pub = new Date(`${published}T00:00:00Z`);
  const found: DateMention[] = [];
  const taken = (start: number, end: number) => found.some((f) => start < f.end && f.start < end);
  for (const m of text.matchAll(MONTH_DATE)) {
    const month = MONTH_INDEX.get(m[2]!.toLowerCase())!;
    // "May" is also a modal verb: only a capitalised May with a day or year beside it, or after "in"/"last", is a month
    if (
      /^may$/i.test(m[2]!) &&
      (m[2] !== 'May' || !(m[1] || m[3] || m[4] || /\b(?:in|last|since|of)\s+$/.test(text.slice(0, m.index))))
    )
      continue;
    if (m[2] !== m[2]!.replace(/^\p{Ll}/u, (c) => c.toUpperCase())) continue; // a month name is capitalised
    const dayOfMonth = Number(m[1] ?? m[3] ?? 0);
    const explicitYear = m[4] ? Number(m[4]) : undefined;
    let year = explicitYear ?? pub.getUTCFullYear();
    // no year: a month is the latest on or before publication; a day, the nearest (within half a year
    // ahead, it is a day to come: "elect a president on May 9")
    const ahead = (utc(year, month, dayOfMonth || 1).getTime() - pub.getTime()) / 86_400_000;
    if (explicitYear === undefined && ahead > 0 && !(dayOfMonth && ahead <= 183)) year -= 1;
    if (explicitYear === undefined && dayOfMonth && ahead < -183) year += 1;
    const first = dayOfMonth ? utc(year, month, dayOfMonth) : utc(year, month, 1);
    const last = dayOfMonth ? first : utc(year, month + 1, 0);
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      first: toIsoDay(first),
      last: toIsoDay(last),
      weekday: false,
    });
  }
  for (const m of text.matchAll(WEEKDAY)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const back = (pub.getUTCDay() - ((WEEKDAYS.indexOf(m[1]!) + 1) % 7) + 7) % 7; // Sunday is getUTCDay() 0
    const date = addDays(published, -back);
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0], first: date, last: date, weekday: true });
  }
  // New Year's Day: the latest 1 January ("his New Year's Day address", "at the start of the year")
  for (const m of text.matchAll(/\bNew\s+Year['’]s(?:\s+Day)?\b|\b(?:start|beginning|turn)\s+of\s+the\s+year\b/gu)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const first = `${pub.getUTCFullYear()}-01-01`;
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0], first, last: first, weekday: false });
  }
  for (const m of text.matchAll(YEAR)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      first: `${m[1]}-01-01`,
      last: `${m[1]}-12-31`,
      weekday: false,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}
