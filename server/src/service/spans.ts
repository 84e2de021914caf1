/** Binary searches over items sorted by position: the one place they are written. */

/**
 * The partition point of `count` items of which a prefix satisfies `before` (and no item after it does): the index of
 * the first item that does not.
 */
export function partitionPoint(count: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The index of the first item starting at or after `offset`; the items are sorted by start. */
export function firstStartingAt(items: readonly { start: number }[], offset: number): number {
  return partitionPoint(items.length, (index) => items[index].start < offset);
}

/** The index of the first item ending after `offset`; the items are sorted and do not overlap. */
export function firstEndingAfter(items: readonly { end: number }[], offset: number): number {
  return partitionPoint(items.length, (index) => items[index].end <= offset);
}

/** The items lying wholly inside `span`; the items are sorted by start. */
export function itemsWithin<T extends { start: number; end: number }>(items: readonly T[], span: { start: number; end: number }): T[] {
  const found: T[] = [];
  for (let index = firstStartingAt(items, span.start); index < items.length && items[index].start < span.end; index++) {
    if (items[index].end <= span.end) found.push(items[index]);
  }
  return found;
}

/** The index of `value` in the first `count` of an ascending sequence read through `at`, or -1. */
export function indexOfSorted(count: number, at: (index: number) => number, value: number): number {
  const index = partitionPoint(count, (candidate) => at(candidate) < value);
  return index < count && at(index) === value ? index : -1;
}
