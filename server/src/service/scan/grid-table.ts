import * as chars from './chars';
import type { IntList } from './int-list';
import type { LineIndex } from './lines';
import { tableCell } from './markdown-table';
import type { Table, TableCell } from './types';

const { Ch, skipSpacesAndTabs, trimEndOffset } = chars;

export interface GridTableBlock {
  table: Table;
  /** The first line after the table. */
  nextLine: number;
}

/** `+-----+:----:+` or `+=====+=====+`: a border line of a Pandoc grid table (`=` under the header). */
export function gridBorderKind(text: string, lineStart: number, lineEnd: number): 'border' | 'header' | undefined {
  const start = skipSpacesAndTabs(text, lineStart, lineEnd);
  const end = trimEndOffset(text, start, lineEnd);
  if (end - start < 3 || text.charCodeAt(start) !== Ch.Plus || text.charCodeAt(end - 1) !== Ch.Plus) return undefined;
  let equals = false;
  for (let position = start + 1; position < end - 1; position++) {
    const code = text.charCodeAt(position);
    if (code === Ch.Equals) equals = true;
    else if (code !== Ch.Minus && code !== Ch.Plus && code !== Ch.Colon) return undefined;
  }
  return equals ? 'header' : 'border';
}

/**
 * Reads a Pandoc grid table whose top border is `firstLine`. The columns are where the top border has `+`; a cell may
 * run over several lines, so each line becomes a row of its own and `rowGroups` says which lines make one row. A line
 * whose cell has no `|` at a column's edge spans into the next column. Every non-empty cell span is appended to
 * `proseRanges` (flattened [start, end) pairs) for inline scanning.
 */
export function readGridTable(text: string, lines: LineIndex, firstLine: number, proseRanges: IntList): GridTableBlock | undefined {
  const topStart = lines.starts[firstLine]!;
  const topEnd = lines.ends[firstLine]!;
  const tableStart = skipSpacesAndTabs(text, topStart, topEnd);
  const indent = tableStart - topStart;
  const edges: number[] = [];
  for (let position = tableStart; position < trimEndOffset(text, tableStart, topEnd); position++) if (text.charCodeAt(position) === Ch.Plus) edges.push(position - topStart);
  if (edges.length < 2) return undefined;

  const rows: TableCell[][] = [];
  const rowGroups: number[] = [];
  let group = 0;
  let linesInGroup = 0;
  let hasHeader = false;
  let lastLine = firstLine;
  let line = firstLine + 1;
  for (; line < lines.count; line++) {
    const start = lines.starts[line]!;
    const end = lines.ends[line]!;
    const border = gridBorderKind(text, start, end);
    if (border) {
      if (border === 'header' && !hasHeader && rows.length > 0) hasHeader = true;
      if (linesInGroup > 0) group++;
      linesInGroup = 0;
      lastLine = line;
      continue;
    }
    if (text.charCodeAt(start + indent) !== Ch.Pipe) break;
    rows.push(readGridLine(text, start, end, edges, proseRanges));
    rowGroups.push(group);
    linesInGroup++;
    lastLine = line;
  }
  if (rows.length === 0) return undefined;
  const table: Table = { start: tableStart, end: trimEndOffset(text, tableStart, lines.ends[lastLine]!), rows, hasHeader, rowGroups };
  return { table, nextLine: lastLine + 1 };
}

/** The cells of one line, split at the column edges that hold a `|`. */
function readGridLine(text: string, lineStart: number, lineEnd: number, edges: readonly number[], proseRanges: IntList): TableCell[] {
  const cells: TableCell[] = [];
  let left = 0;
  while (left < edges.length - 1) {
    let right = left + 1;
    while (right < edges.length - 1 && (lineStart + edges[right] >= lineEnd || text.charCodeAt(lineStart + edges[right]) !== Ch.Pipe)) right++;
    const rawStart = Math.min(lineStart + edges[left] + 1, lineEnd);
    const rawEnd = Math.min(lineStart + edges[right], lineEnd);
    if (rawEnd > rawStart) {
      proseRanges.push(rawStart);
      proseRanges.push(rawEnd);
    }
    const cell = tableCell(text, rawStart, rawEnd);
    if (right - left > 1) cell.columns = right - left;
    cells.push(cell);
    left = right;
  }
  return cells;
}
