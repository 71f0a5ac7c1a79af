import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom, generateCorpus, parseArticleFile, serializeArticle } from '../../src/bench/corpus.ts';
import type { BaseContent, BenchCorpus } from '../../src/bench/corpus.ts';
import { isCalendarDate } from '../../src/lib/dates.ts';
import { contrastRatio } from '../../src/lib/colour.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const json = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;

const base: BaseContent = {
  articles: readdirSync(join(ROOT, 'content/articles'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parseArticleFile(f.slice(0, -3), readFileSync(join(ROOT, 'content/articles', f), 'utf8'))),
  outlets: json('content/outlets.json'),
  events: json('content/events.json'),
};

/** The text between each pair of quotation marks in a paragraph whose marks pair up. */
function quotations(body: string): string[] {
  const found: string[] = [];
  for (const block of body.split(/\n\n/)) {
    if ((block.match(/"/g) ?? []).length % 2) continue;
    for (const m of block.matchAll(/"([^"\n]+)"|“([^“”\n]+)”/g)) found.push((m[1] ?? m[2] ?? '').trim());
  }
  return found;
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

describe('createRandom', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = createRandom('x');
    const b = createRandom('x');
    const c = createRandom('y');
    const draws = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.next());
    const first = draws(a);
    expect(draws(b)).toEqual(first);
    expect(draws(c)).not.toEqual(first);
    for (const v of first) expect(v >= 0 && v < 1).toBe(true);
  });
});

describe('generateCorpus', () => {
  const corpus = generateCorpus(base, { size: 120, seed: 'test' });

  it('is deterministic from the seed, byte for byte', () => {
    const again = generateCorpus(base, { size: 120, seed: 'test' });
    const files = (c: BenchCorpus) => c.articles.map(serializeArticle);
    expect(files(again)).toEqual(files(corpus));
    expect(again.outlets).toEqual(corpus.outlets);
    expect(again.events).toEqual(corpus.events);
    const other = generateCorpus(base, { size: 120, seed: 'other' });
    expect(files(other)).not.toEqual(files(corpus));
  });

  it('makes exactly N articles, with unique ids, over outlets and events that grow with N', () => {
    for (const size of [1, 5, 50, 120]) {
      const c = size === 120 ? corpus : generateCorpus(base, { size, seed: 'test' });
      expect(c.articles).toHaveLength(size);
      expect(new Set(c.articles.map((a) => a.id)).size).toBe(size);
      expect(c.events.length).toBe(Math.ceil(size / 8));
    }
    expect(generateCorpus(base, { size: 0, seed: 'test' }).articles).toEqual([]);
    expect(corpus.outlets.length).toBeGreaterThan(base.outlets.length);
    // The real outlets are kept as they are.
    expect(corpus.outlets.slice(0, base.outlets.length)).toEqual(base.outlets);
  });

  it('writes frontmatter the content schema accepts, pointing at its own outlets and events', () => {
    const outlets = new Set(corpus.outlets.map((o) => o.id));
    const events = new Map(corpus.events.map((e) => [e.id, e]));
    for (const outlet of corpus.outlets) {
      expect(outlet.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(outlet.color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(contrastRatio(outlet.color)).toBeGreaterThanOrEqual(4.5);
      expect(() => new URL(outlet.homepage ?? 'https://x.example/')).not.toThrow();
    }
    for (const event of corpus.events) {
      expect(isCalendarDate(event.start) && isCalendarDate(event.end)).toBe(true);
      expect(event.start <= event.end).toBe(true);
      for (const field of [event.title, event.place, event.summary]) expect(field.trim()).not.toBe('');
    }
    for (const article of corpus.articles) {
      const file = serializeArticle(article);
      const parsed = parseArticleFile(article.id, file);
      expect(parsed.title.trim()).not.toBe('');
      expect(outlets.has(parsed.outlet)).toBe(true);
      expect(events.has(parsed.event)).toBe(true);
      expect(isCalendarDate(parsed.published)).toBe(true);
      expect(parsed.source).toBeNull();
      expect(file).toMatch(/^---\ntitle: "/);
      expect(file).toMatch(/\nsource: null\n---\n\n/);
      // Every other string field is a JSON (YAML double-quoted) string, so any character is safe.
      for (const line of file.split('\n---\n')[0]!.split('\n').slice(1)) {
        const [, key, value] = /^(\w+): (.*)$/.exec(line)!;
        if (['title', 'dek', 'byline', 'dateline'].includes(key!)) expect(() => JSON.parse(value!)).not.toThrow();
      }
      expect(parsed.body.split(/\n\n/).some((b) => !b.startsWith('#') && b.trim())).toBe(true);
      expect(parsed.body).toBe(article.body.trimEnd() + '\n');
    }
  });

  it('has each event covered by several outlets', () => {
    const byEvent = new Map<string, Set<string>>();
    for (const a of corpus.articles)
      byEvent.set(a.frontmatter.event, (byEvent.get(a.frontmatter.event) ?? new Set()).add(a.frontmatter.outlet));
    expect(byEvent.size).toBe(corpus.events.length);
    for (const outlets of byEvent.values()) expect(outlets.size).toBeGreaterThanOrEqual(2);
  });

  it('quotes the same utterance in several outlets of one event: whole, as fragments and reworded', () => {
    let shared = 0;
    let fragments = 0;
    let reworded = 0;
    const byEvent = new Map<string, Array<{ outlet: string; quotes: string[] }>>();
    for (const a of corpus.articles) {
      const list = byEvent.get(a.frontmatter.event) ?? [];
      list.push({ outlet: a.frontmatter.outlet, quotes: quotations(a.body) });
      byEvent.set(a.frontmatter.event, list);
    }
    for (const coverage of byEvent.values()) {
      const outletsOf = new Map<string, Set<string>>();
      for (const { outlet, quotes } of coverage)
        for (const q of quotes) outletsOf.set(q, (outletsOf.get(q) ?? new Set()).add(outlet));
      shared += [...outletsOf.values()].filter((o) => o.size >= 2).length;
      const all = [...outletsOf.keys()];
      for (const q of all) {
        const qWords = words(q);
        if (qWords.size < 3) continue;
        for (const other of all) {
          if (other === q || other.length <= q.length) continue;
          const outlets = outletsOf.get(q)!;
          const others = outletsOf.get(other)!;
          if ([...outlets].every((o) => others.has(o))) continue; // only across outlets
          const otherWords = words(other);
          const common = [...qWords].filter((w) => otherWords.has(w)).length;
          if (other.includes(q.replace(/[,.!?]$/, ''))) fragments++;
          else if (common >= qWords.size - 1 && qWords.size >= 5 && Math.abs(otherWords.size - qWords.size) <= 2)
            reworded++;
        }
      }
    }
    expect(shared, 'quotations printed word for word by two or more outlets of an event').toBeGreaterThan(50);
    expect(fragments, 'a fragment of another outlet’s quotation').toBeGreaterThan(5);
    expect(reworded, 'another outlet’s quotation with a word changed').toBeGreaterThan(5);
    expect(corpus.stats.fragments).toBeGreaterThan(0);
    expect(corpus.stats.reworded).toBeGreaterThan(0);
  });

  it('renames people outside people.json and renumbers, consistently within an event', () => {
    const text = corpus.articles.map((a) => a.body).join('\n');
    expect(text).not.toMatch(/\bLighthizer\b/);
    const real = base.articles.map((a) => a.body).join('\n');
    expect(real).toMatch(/\bLighthizer\b/);
  });
});
