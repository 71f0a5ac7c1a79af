/** Counts and lists in running English, shared by every page that prints them. */

/** "1 quote", "3 quotes", "1,200 articles"; `many` for a plural that is not `one` + "s". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c"; with `serial`, "a, b, and c". */
export function listOf(items: readonly string[], conjunction: 'and' | 'or' = 'and', serial = false): string {
  if (items.length < 3) return items.join(` ${conjunction} `);
  return `${items.slice(0, -1).join(', ')}${serial ? ',' : ''} ${conjunction} ${items.at(-1)}`;
}
