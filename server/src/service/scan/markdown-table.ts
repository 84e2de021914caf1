import * as chars from './chars';
import type { LineIndex } from './lines';
import type { Span, Table, TableCell } from './types';

const { Ch, isSpaceOrTab, skipSpacesAndTabs, trimEndOffset, trimStartOffset } = chars;

/** The raw (untrimmed) cell spans of a pipe-table row: leading/trailing pipes dropped, split on unescaped `|`. */
export function splitPipeRow(text: string, lineStart: number, lineEnd: number): Span[] {
  let start = skipSpacesAndTabs(text, lineStart, lineEnd);
  let end = trimEndOffset(text, start, lineEnd);
  if (start < end && text.charCodeAt(start) === Ch.Pipe) start++;
  if (end > start && text.charCodeAt(end - 1) === Ch.Pipe && text.charCodeAt(end - 2) !== Ch.Backslash) end--;
  const cells: Span[] = [];
  let cellStart = start;
  for (let position = start; position < end; position++) {
    const code = text.charCodeAt(position);
    if (code === Ch.Backslash) position++;
    else if (code === Ch.Pipe) {
      cells.push({ start: cellStart, end: position });
      cellStart = position + 1;
    }
  }
  cells.push({ start: cellStart, end });
  return cells;
}

export function lineHasPipe(text: string, lineStart: number, lineEnd: number): boolean {
  for (let position = lineStart; position < lineEnd; position++) if (text.charCodeAt(position) === Ch.Pipe) return true;
  return false;
}

/** The number of columns when the line is a delimiter row like `|---|:--:|`, else -1. */
export function delimiterRowColumns(text: string, lineStart: number, lineEnd: number): number {
  if (!lineHasPipe(text, lineStart, lineEnd)) return -1;
  const cells = splitPipeRow(text, lineStart, lineEnd);
  for (const cell of cells) if (!isDelimiterCell(text, cell.start, cell.end)) return -1;
  return cells.length;
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

export function tableCell(text: string, raw: Span): TableCell {
  const start = trimStartOffset(text, raw.start, raw.end);
  const end = trimEndOffset(text, start, raw.end);
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
  /** All cell spans (raw), for inline scanning. */
  cellSpans: Span[];
  /** The first line after the table. */
  nextLine: number;
}

/**
 * Reads a pipe table whose first line is `firstLine`: either a header row followed by a delimiter row, or (Pandoc's
 * headerless form) a delimiter row followed by body rows. Body rows run until a blank line or a line without `|`.
 */
export function readPipeTable(text: string, lines: LineIndex, firstLine: number, hasHeader: boolean): PipeTableBlock {
  const rows: TableCell[][] = [];
  const cellSpans: Span[] = [];
  const addRow = (line: number): void => {
    const raw = splitPipeRow(text, lines.starts[line]!, lines.ends[line]!);
    cellSpans.push(...raw);
    rows.push(raw.map((span) => tableCell(text, span)));
  };
  if (hasHeader) addRow(firstLine);
  const delimiterLine = hasHeader ? firstLine + 1 : firstLine;
  let line = delimiterLine + 1;
  while (line < lines.count) {
    const start = lines.starts[line]!;
    const end = lines.ends[line]!;
    if (trimStartOffset(text, start, end) === end || !lineHasPipe(text, start, end)) break;
    addRow(line);
    line++;
  }
  const tableStart = skipSpacesAndTabs(text, lines.starts[firstLine]!, lines.ends[firstLine]!);
  const lastLine = line - 1;
  const table: Table = {
    start: tableStart,
    end: trimEndOffset(text, tableStart, lines.ends[lastLine]!),
    rows,
    hasHeader,
  };
  return { table, cellSpans, nextLine: line };
}
