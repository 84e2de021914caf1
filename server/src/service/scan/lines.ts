/** Line boundaries of a text: `starts[i]` is where line i begins, `ends[i]` where its content ends (before `\r\n` / `\n`). */
export interface LineIndex {
  /** Only the first `count` entries are lines. */
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

/** Indexes the lines of `text`. The index is valid until the next call (its arrays are reused). */
export function indexLines(text: string): LineIndex {
  // Sized for ~32 characters a line, grown if needed; `indexOf` finds each newline at memchr speed. The arrays of the
  // previous call are reused (fresh large typed arrays cost page faults and zeroing): an index is only valid until
  // the next call, which suits the scanners, which are synchronous and drop it when they finish.
  let starts = pooledStarts;
  let ends = pooledEnds;
  let capacity = starts.length;
  const expected = Math.max(16, (text.length >> 5) + 1);
  if (capacity < expected) {
    capacity = expected;
    starts = new Int32Array(capacity);
    ends = new Int32Array(capacity);
  }
  let count = 0;
  let start = 0;
  for (;;) {
    if (count === capacity) {
      capacity *= 2;
      starts = grown(starts, capacity);
      ends = grown(ends, capacity);
    }
    const newline = text.indexOf('\n', start);
    starts[count] = start;
    if (newline < 0) {
      ends[count++] = text.length;
      break;
    }
    ends[count++] = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    start = newline + 1;
  }
  pooledStarts = starts;
  pooledEnds = ends;
  return { starts, ends, count };
}

let pooledStarts = new Int32Array(0);
let pooledEnds = new Int32Array(0);

function grown(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(capacity);
  copy.set(array);
  return copy;
}
