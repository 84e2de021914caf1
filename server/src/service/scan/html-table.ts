import type { Table, TableCell } from './types';
import { tableCell } from './markdown-table';

/** `<table>`, `<tr>`, `<td>`/`<th>`, `<caption>` and their closing tags, any case, with attributes. */
const TAG = /<(\/?)(table|tr|td|th|caption|thead|tbody|tfoot)\b[^>]*>/gi;

export interface HtmlTableBlock {
  table: Table;
  /** Offset just past `</table>` (the end of the text when it is not closed). */
  end: number;
  /** Spans of cell and caption contents: prose for the later stages. */
  contents: { start: number; end: number }[];
}

/**
 * Reads an HTML table starting at `start` (at its `<table`), as Word and Google Docs exports write them into
 * Markdown: rows of `<td>`/`<th>` cells, a `<caption>`. Tolerant: a cell or row left unclosed ends at the next one.
 * Linear in the table's length; a nested table ends the outer one's reading (its cells are read as the outer's).
 */
export function readHtmlTable(text: string, start: number): HtmlTableBlock | undefined {
  TAG.lastIndex = start;
  const opening = TAG.exec(text);
  if (!opening || opening.index !== start || opening[1] !== '' || opening[2].toLowerCase() !== 'table') return undefined;
  const rows: TableCell[][] = [];
  const contents: { start: number; end: number }[] = [];
  let row: TableCell[] | undefined;
  let cellStart = -1;
  let captionStart = -1;
  let caption: Table['caption'];
  let headerRow = false;
  let firstRowHeader = false;
  let end = text.length;
  let cellColumns = 1;
  const closeCell = (at: number) => {
    if (cellStart < 0) return;
    const cell = tableCell(text, cellStart, at);
    if (cellColumns > 1) cell.columns = cellColumns;
    (row ??= []).push(cell);
    if (cell.end > cell.start) contents.push({ start: cell.start, end: cell.end });
    cellStart = -1;
  };
  const closeRow = (at: number) => {
    closeCell(at);
    if (row && row.length > 0) {
      if (rows.length === 0) firstRowHeader = headerRow;
      rows.push(row);
    }
    row = undefined;
    headerRow = false;
  };
  for (let tag = TAG.exec(text); tag; tag = TAG.exec(text)) {
    const closing = tag[1] === '/';
    const name = tag[2].toLowerCase();
    if (name === 'caption') {
      if (!closing) captionStart = tag.index + tag[0].length;
      else if (captionStart >= 0) {
        const cell = tableCell(text, captionStart, tag.index);
        caption = { start: cell.start, end: cell.end, text: cell.text };
        if (cell.end > cell.start) contents.push({ start: cell.start, end: cell.end });
        captionStart = -1;
      }
    } else if (name === 'td' || name === 'th') {
      closeCell(tag.index);
      if (!closing) {
        cellStart = tag.index + tag[0].length;
        const colspan = /\bcolspan\s*=\s*["']?(\d{1,2})/i.exec(tag[0]);
        cellColumns = colspan ? Number(colspan[1]) : 1;
        if (name === 'th') headerRow = true;
      }
    } else if (name === 'tr') {
      closeRow(tag.index);
    } else if (name === 'table') {
      closeRow(tag.index);
      end = tag.index + tag[0].length;
      break;
    }
  }
  if (end === text.length) closeRow(text.length);
  return { table: { start, end, rows, hasHeader: firstRowHeader, ...(caption ? { caption } : {}) }, end, contents };
}
