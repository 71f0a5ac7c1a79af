import { describe, expect, it } from 'vitest';
import { groupedBy } from '../../src/lib/compare.ts';

describe('groupedBy', () => {
  const items = [
    { id: 'a', tags: ['x', 'y'] },
    { id: 'b', tags: ['y'] },
    { id: 'c', tags: ['x', 'x'] },
  ];

  it('groups items under every key they give, in their order, once per key', () => {
    const byTag = groupedBy(items, 'tag', (i) => i.tags);
    expect([...byTag.keys()]).toEqual(['x', 'y']);
    expect(byTag.get('x')?.map((i) => i.id)).toEqual(['a', 'c']);
    expect(byTag.get('y')?.map((i) => i.id)).toEqual(['a', 'b']);
    expect(groupedBy(items, 'id', (i) => i.id).get('b')).toEqual([items[1]]);
  });

  it('computes a grouping once per list and name', () => {
    let calls = 0;
    const key = (i: { id: string }) => (calls++, i.id);
    const first = groupedBy(items, 'counted', key);
    expect(groupedBy(items, 'counted', key)).toBe(first);
    expect(calls).toBe(items.length);
    expect(groupedBy([...items], 'counted', key)).not.toBe(first);
  });
});
