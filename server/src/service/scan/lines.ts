/** Line boundaries of a text: `starts[i]` is where line i begins, `ends[i]` where its content ends (before `\r\n` / `\n`). */
export interface LineIndex {
  /** Only the first `count` entries are lines. */
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

export function indexLines(text: string): LineIndex {
  // Sized for ~40 characters a line, grown if needed; `indexOf` finds each newline at memchr speed.
  let capacity = Math.max(16, (text.length >> 5) + 1);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
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
  return { starts, ends, count };
}

function grown(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(capacity);
  copy.set(array);
  return copy;
}
