import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const review = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'src', 'cli', 'review.ts'), ...args], { cwd: root, encoding: 'utf8' });

describe('npm run review', () => {
  it('prints the queue as JSON, least confident first, limited to N items, each with an override to paste', () => {
    const run = review('--json', '--limit', '5', '--below', '1');
    expect(run.status, run.stderr).toBe(0);
    const items = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(items).toHaveLength(5);
    const confidences = items.map((i) => i.confidence as number);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    for (const item of items) {
      expect(Object.keys(item)).toEqual(
        expect.arrayContaining(['quote', 'field', 'value', 'confidence', 'evidence', 'override']),
      );
      expect(['speaker', 'topics', 'statement']).toContain(item.field);
      expect(item.evidence).not.toBe('');
      expect(item.override).toMatch(/^- text: ".+"\n {2}(speaker|topics|statement): /);
    }
  });

  it('limits the queue to one article, and never lists what its frontmatter overrode', () => {
    const id = 'nikkei-pressure-still-on-2018';
    const run = review('--json', '--article', id, '--below', '1');
    expect(run.status, run.stderr).toBe(0);
    const items = JSON.parse(run.stdout) as Array<{ article: string; field: string; text: string }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.article === id)).toBe(true);
    // its frontmatter sets the topics of Abe's offer to normalise relations
    const offer = items.filter((i) => i.text.startsWith('Japan ... is prepared to settle'));
    expect(offer.map((i) => i.field)).not.toContain('topics');
  });

  it('prints readable items by default and stops on an unknown article, naming it', () => {
    const run = review('--limit', '1');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^1\. 0\.\d\d {2}(speaker|topics|statement) {2}\S+, paragraph \d+/);
    expect(run.stdout).toMatch(/ {3}why: {6}\S/);
    const bad = review('--article', 'nope');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--article: no article "nope"');
  });
});
