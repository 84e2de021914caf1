import * as chars from './chars';
import type { IntList } from './int-list';
import type { LineIndex } from './lines';
import type { Table, TableCell } from './types';

const { Ch, isSpaceOrTab, skipSpacesAndTabs, trimEndOffset, trimStartOffset } = chars;

/**
 * The raw (untrimmed) cell spans of a pipe-table row: leading/trailing pipes dropped, split on unescaped `|`.
 * Written to `cells` (cleared first) as flattened [start, end) pairs; returns the number of cells.
 */
export function splitPipeRow(text: string, lineStart: number, lineEnd: number, cells: IntList): number {
  cells.length = 0;
  let start = skipSpacesAndTabs(text, lineStart, lineEnd);
  let end = trimEndOffset(text, start, lineEnd);
  if (start < end && text.charCodeAt(start) === Ch.Pipe) start++;
  if (end > start && text.charCodeAt(end - 1) === Ch.Pipe && text.charCodeAt(end - 2) !== Ch.Backslash) end--;
  let cellStart = start;
  for (let position = start; position < end; position++) {
    const code = text.charCodeAt(position);
    if (code === Ch.Backslash) position++;
    else if (code === Ch.Pipe) {
      cells.push(cellStart);
      cells.push(position);
      cellStart = position + 1;
    }
  }
  cells.push(cellStart);
  cells.push(end);
  return cells.length >> 1;
}

export function lineHasPipe(text: string, lineStart: number, lineEnd: number): boolean {
  for (let position = lineStart; position < lineEnd; position++) if (text.charCodeAt(position) === Ch.Pipe) return true;
  return false;
}

/** The number of columns when the line is a delimiter row like `|---|:--:|`, else -1. */
export function delimiterRowColumns(text: string, lineStart: number, lineEnd: number, scratch: IntList): number {
  if (!lineHasPipe(text, lineStart, lineEnd)) return -1;
  const count = splitPipeRow(text, lineStart, lineEnd, scratch);
  for (let cell = 0; cell < count; cell++)
    if (!isDelimiterCell(text, scratch.get(2 * cell), scratch.get(2 * cell + 1))) return -1;
  return count;
}

function isDelimiterCell(text: string, start: number, end: number): boolean {
  let position = skipSpacesAndTabs(text, start, end);
  const last = trimEndOffset(text, position, end);
  if (text.charCodeAt(position) === Ch.Colon) position++;
  let dashes = 0;
  while (position < last && text.charCodeAt(position) === Ch.Minus) {
    position++;
    dashes++;
  }
  if (position < last && text.charCodeAt(position) === Ch.Colon) position++;
  return dashes > 0 && position === last;
}

export function tableCell(text: string, rawStart: number, rawEnd: number): TableCell {
  const start = trimStartOffset(text, rawStart, rawEnd);
  const end = trimEndOffset(text, start, rawEnd);
  const cellText = text.slice(start, end);
  return { start, end, text: cellText.includes('\\|') ? cellText.replace(/\\\|/g, '|') : cellText };
}

/**
 * A caption line: Pandoc `Table: text` / `table: text` / `: text`, Quarto `: text {#tbl-id}`. The span covers the
 * caption text without the prefix and without a trailing attribute block.
 */
export function captionOnLine(text: string, lineStart: number, lineEnd: number): Table['caption'] | undefined {
  const start = skipSpacesAndTabs(text, lineStart, lineEnd);
  if (start - lineStart > 3) return undefined;
  let textStart: number;
  if (text.startsWith('Table:', start) || text.startsWith('table:', start)) textStart = start + 6;
  else if (text.charCodeAt(start) === Ch.Colon && (start + 1 === lineEnd || isSpaceOrTab(text.charCodeAt(start + 1))))
    textStart = start + 1;
  else return undefined;
  textStart = trimStartOffset(text, textStart, lineEnd);
  let textEnd = trimEndOffset(text, textStart, lineEnd);
  if (textEnd > textStart && text.charCodeAt(textEnd - 1) === Ch.RightBrace) {
    const attributeStart = text.lastIndexOf('{', textEnd - 1);
    if (attributeStart >= textStart) textEnd = trimEndOffset(text, textStart, attributeStart);
  }
  if (textEnd <= textStart) return undefined;
  return { start: textStart, end: textEnd, text: text.slice(textStart, textEnd) };
}

export interface PipeTableBlock {
  table: Table;
  /** The first line after the table. */
  nextLine: number;
}

/**
 * Reads a pipe table whose first line is `firstLine`: either a header row followed by a delimiter row, or (Pandoc's
 * headerless form) a delimiter row followed by body rows. Body rows run until a blank line or a line without `|`.
 * Every non-empty raw cell span is appended to `proseRanges` (flattened [start, end) pairs) for inline scanning.
 */
export function readPipeTable(
  text: string,
  lines: LineIndex,
  firstLine: number,
  hasHeader: boolean,
  proseRanges: IntList,
  scratch: IntList,
): PipeTableBlock {
  const rows: TableCell[][] = [];
  const starts = lines.starts;
  const ends = lines.ends;
  if (hasHeader) rows.push(readRow(text, starts[firstLine]!, ends[firstLine]!, proseRanges, scratch));
  const delimiterLine = hasHeader ? firstLine + 1 : firstLine;
  let line = delimiterLine + 1;
  while (line < lines.count) {
    const start = starts[line]!;
    const end = ends[line]!;
    if (trimStartOffset(text, start, end) === end || !lineHasPipe(text, start, end)) break;
    rows.push(readRow(text, start, end, proseRanges, scratch));
    line++;
  }
  const tableStart = skipSpacesAndTabs(text, starts[firstLine]!, ends[firstLine]!);
  const lastLine = line - 1;
  const table: Table = {
    start: tableStart,
    end: trimEndOffset(text, tableStart, ends[lastLine]!),
    rows,
    hasHeader,
  };
  return { table, nextLine: line };
}

function readRow(text: string, lineStart: number, lineEnd: number, proseRanges: IntList, scratch: IntList): TableCell[] {
  const count = splitPipeRow(text, lineStart, lineEnd, scratch);
  const row = new Array<TableCell>(count);
  for (let cell = 0; cell < count; cell++) {
    const start = scratch.get(2 * cell);
    const end = scratch.get(2 * cell + 1);
    if (end > start) {
      proseRanges.push(start);
      proseRanges.push(end);
    }
    row[cell] = tableCell(text, start, end);
  }
  return row;
}
