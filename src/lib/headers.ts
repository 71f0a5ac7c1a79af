/**
 * Reading the deployment's response headers: the `_headers` file format Netlify and Cloudflare
 * Pages share, and Content-Security-Policy strings. Used by the build tests and by the audit
 * CLI, which serves dist/ with these headers the way those hosts would. Pure.
 */

/** One block of a `_headers` file: a URL pattern and the headers sent for matching paths. */
export interface HeaderRule {
  /** URL pattern, e.g. "/*" or "/articles/:id/" (":name" = one segment, "*" = anything). */
  path: string;
  headers: [name: string, value: string][];
}

/**
 * Parses a `_headers` file: a pattern line starting at column 0, then indented `Name: value`
 * lines. `#` comment lines and blank lines are skipped.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ path: raw.trim(), headers: [] });
      continue;
    }
    const match = /^\s+([A-Za-z0-9-]+)\s*:\s*(.*?)\s*$/.exec(raw);
    const rule = rules.at(-1);
    if (!match || !rule) throw new Error(`_headers line ${i + 1}: expected "  Name: value" under a path: ${raw}`);
    rule.headers.push([match[1] ?? '', match[2] ?? '']);
  }
  return rules;
}

/** Whether a `_headers` pattern matches a URL path ("*" matches anything, ":name" one segment). */
export function headerPatternMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

/** The headers every matching rule adds for `path`, in file order (later rules add to earlier ones). */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules)
    if (headerPatternMatches(rule.path, path))
      for (const [name, value] of rule.headers) {
        const key = Object.keys(out).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
        out[key] = out[key] ? `${out[key]}, ${value}` : value;
      }
  return out;
}

/** A Content-Security-Policy as directive name → source list (names lower-cased, order kept). */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
