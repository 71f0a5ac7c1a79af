/**
 * The reader's query as the engine reads it: exact phrases, loose terms, and the word still
 * being typed. Its own module, so the search page can tell an empty query from a real one
 * before the engine (query.ts and what it needs) has loaded.
 */
import { fold } from './text.ts';

/** The reader's query, folded (lower case, no accents, straight quotes). */
export interface ParsedQuery {
  /** Text between double quotes: must appear word for word. */
  phrases: string[];
  /** The other words: each must appear, typos forgiven. */
  terms: string[];
  /**
   * The last term when nothing follows it (no space, no closing quote): the reader may still be
   * typing it, so it also matches the start of a word from two letters on (others from three).
   */
  prefix: string | null;
}

/** Longest query read, and most words: each word is matched against the whole vocabulary. */
const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 12;

/**
 * Splits a query into exact phrases ("…", straight or curly quotes; an unclosed quote runs
 * to the end, so a phrase being typed already narrows) and loose terms, and tells which term,
 * if any, is still being typed (`prefix`).
 */
export function parseQuery(input: string): ParsedQuery {
  // fold() maps curly quotes to " and apostrophes to ', and lower-cases.
  const text = fold(input.slice(0, MAX_QUERY_LENGTH)).replace(/[|\\]/g, ' ');
  const phrases: string[] = [];
  const rest = text.replace(/"([^"]*)(?:"|$)/g, (_, phrase: string) => {
    const clean = phrase.replace(/\s+/g, ' ').trim();
    if (clean && !phrases.includes(clean)) phrases.push(clean);
    return ' ';
  });
  const terms: string[] = [];
  let last = '';
  for (const raw of rest.split(/\s+/)) {
    // Edge punctuation goes ("abe," → abe); inner apostrophes and hyphens stay (japan's, f-35a).
    const term = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    last = term;
    if (term.length >= 2 && !terms.includes(term)) terms.push(term);
  }
  const kept = terms.slice(0, MAX_WORDS - Math.min(phrases.length, MAX_WORDS));
  // Still being typed: the text ends in the word itself (not a space, a closing quote or punctuation).
  const open = last.length >= 2 && text.endsWith(last) && kept.includes(last);
  return { phrases: phrases.slice(0, MAX_WORDS), terms: kept, prefix: open ? last : null };
}
