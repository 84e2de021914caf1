/** Line boundaries of a text: `starts[i]` is where line i begins, `ends[i]` where its content ends (before `\r\n` / `\n`). */
export interface LineIndex {
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

export function indexLines(text: string): LineIndex {
  let count = 1;
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) count++;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  let start = 0;
  for (let line = 0; line < count - 1; line++) {
    const newline = text.indexOf('\n', start);
    starts[line] = start;
    ends[line] = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    start = newline + 1;
  }
  starts[count - 1] = start;
  ends[count - 1] = text.length;
  return { starts, ends, count };
}
