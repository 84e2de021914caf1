/**
 * `build(key)` worked out once per key object and kept as long as the key lives: a document's indexes, a knowledge
 * base's caches, built on first use by whichever stage asks first.
 */
export function memoizedPer<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = build(key);
      cache.set(key, value);
    }
    return value;
  };
}
