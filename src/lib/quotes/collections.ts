/** Adds `value` to the list under `key`, creating it: in place, so building an index stays linear. */
export function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
