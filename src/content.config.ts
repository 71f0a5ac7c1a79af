import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { defineCollection, reference } from 'astro:content';
import { isCalendarDate, toIsoDay } from './lib/dates.ts';

/** A calendar day: YAML may hand us a Date (unquoted) or a string (quoted); both become "YYYY-MM-DD". */
const day = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? toIsoDay(value) : value),
  z.string().refine(isCalendarDate, { message: 'must be a real calendar date written YYYY-MM-DD' }),
);

const nonEmpty = z.string().trim().min(1, { message: 'must not be empty' });

/** A news article, word for word, as Markdown with frontmatter (content/articles/*.md). */
const articles = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/articles' }),
  schema: z.object({
    /** Headline exactly as the outlet published it. */
    title: nonEmpty,
    /** Subheadline, where the outlet ran one. */
    dek: nonEmpty.optional(),
    /** Outlet id (content/outlets.json); a typo fails the build. */
    outlet: reference('outlets'),
    /** Author line as published, e.g. "Scott Neuman"; wire copy may have none. */
    byline: nonEmpty.optional(),
    /** City the story was filed from, e.g. "TOKYO". */
    dateline: nonEmpty.optional(),
    /** Day of publication, YYYY-MM-DD. */
    published: day,
    /** Event id (content/events.json) the article reports. */
    event: reference('events'),
    /** File name of the raw capture (tests/fixtures/sources for the first five) the text was copied from; null when added without one. */
    source: z
      .string()
      .regex(/^[\w.-]+\.txt$/, { message: 'must be a capture file name such as 000_5e942213fc7ae62f.txt' })
      .nullable()
      .default(null),
    /** Editors' corrections for single quotes: the quote text, and the speaker and/or topics to use instead. */
    quotes: z
      .array(
        z.strictObject({
          /** The quote exactly as it stands between the quotation marks. */
          text: nonEmpty,
          /** Person id (content/people.json), or null for "deliberately unattributed". */
          speaker: z.string().nullable().optional(),
          /** Topic ids (content/topics.json) replacing the classifier's choice. */
          topics: z.array(z.string()).optional(),
          /** "alone", or the id of the statement (s-…, quotes.json) the quote reports: replaces the alignment's grouping. */
          statement: z.string().optional(),
        }),
      )
      .default([]),
  }),
});

/** A newsroom (content/outlets.json). */
const outlets = defineCollection({
  loader: file('./content/outlets.json'),
  schema: z.object({
    /** Full name, e.g. "Nikkei Asian Review". */
    name: nonEmpty,
    /** Name for narrow columns, e.g. "Nikkei". */
    shortName: nonEmpty,
    /** What kind of outlet it is, e.g. "International news agency". */
    kind: nonEmpty,
    /** The outlet's home page. */
    homepage: z.url().optional(),
    /** Its colour across the site (hex), chosen to reach 4.5:1 contrast on white. */
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a hex colour like #1a5fb4' }),
  }),
});

/** A news event the articles report (content/events.json). */
const events = defineCollection({
  loader: file('./content/events.json'),
  schema: z
    .object({
      /** Name, e.g. "Trump–Abe summit in Tokyo". */
      title: nonEmpty,
      /** First day, YYYY-MM-DD. */
      start: day,
      /** Last day, YYYY-MM-DD (same as start for one-day events). */
      end: day,
      /** Where it happened. */
      place: nonEmpty,
      /** One line on what happened. */
      summary: nonEmpty,
    })
    .refine((event) => event.start <= event.end, { message: 'end must not be before start', path: ['end'] }),
});

/** A topic the quotes are sorted under; its terms decide which quotes belong (content/topics.json). */
const topics = defineCollection({
  loader: file('./content/topics.json'),
  schema: z.object({
    /** Name, e.g. "Security". */
    title: nonEmpty,
    /** One sentence on what the topic covers. */
    description: nonEmpty,
    /** Words and phrases that place a quote under the topic (case-insensitive, whole words). */
    terms: z.array(nonEmpty).min(1),
    /** Weaker cues ("North Korea") that count only in the reporter's words around a quote. */
    context: z.array(nonEmpty).default([]),
    /** Words that name the topic unless the text around them names only another topic ("threat", "war"). */
    ambiguous: z.array(nonEmpty).default([]),
    /** Words that name the topic only beside one of its `terms` nearby ("families" beside "abducted"). */
    paired: z.array(nonEmpty).default([]),
  }),
});

/** A person quoted in the articles (content/people.json). */
const people = defineCollection({
  loader: file('./content/people.json'),
  schema: z.object({
    /** Canonical name, e.g. "Shinzo Abe". */
    name: nonEmpty,
    /** Role at the time of the coverage. */
    role: nonEmpty,
    /** Pronoun the articles use for the person (resolves "he said"). */
    pronoun: z.enum(['he', 'she', 'they']),
    /** Other names the articles use: surname, titles, descriptions ("the Japanese premier"). */
    aliases: z.array(nonEmpty).default([]),
  }),
});

/** Word lists the quote engine reads besides the topics (content/vocabulary.json); "small-talk" is required. */
const vocabulary = defineCollection({
  loader: file('./content/vocabulary.json'),
  schema: z.object({
    /** What the list is for and how the engine uses it. */
    description: nonEmpty,
    /** Words and phrases, matched like topic terms (case-insensitive, whole words, * for any ending). */
    terms: z.array(nonEmpty).min(1),
  }),
});

export const collections = { articles, outlets, events, topics, people, vocabulary };
