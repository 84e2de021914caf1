/** Line boundaries of a text: `starts[i]` is where line i begins, `ends[i]` where its content ends (before `\r\n` / `\n`). */
export interface LineIndex {
  starts: number[];
  ends: number[];
  count: number;
}

export function indexLines(text: string): LineIndex {
  const starts: number[] = [];
  const ends: number[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) break;
    starts.push(start);
    ends.push(newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline);
    start = newline + 1;
  }
  starts.push(start);
  ends.push(text.length);
  return { starts, ends, count: starts.length };
}
