import { escapeMarkdown, markdownTable as table } from '../service/index';
import type { AffinityTableRow } from '../protocol';

/** The columns of `pharmalens table`: the service's affinity-table rows, with the file they come from. */
export const TABLE_COLUMNS = [
  'file', 'line', 'compound', 'target', 'measure', 'value', 'valueNm', 'valueHighNm', 'verdict', 'code',
  'referenceRange', 'referenceLowNm', 'referenceHighNm', 'sources',
] as const;

export type TableRow = Record<(typeof TABLE_COLUMNS)[number], string>;

function text(value: number | string | undefined): string {
  return value === undefined ? '' : String(value);
}

function tableRow(file: string, row: AffinityTableRow): TableRow {
  return {
    file,
    line: String(row.line),
    compound: text(row.compound),
    target: text(row.target),
    measure: row.measure,
    value: row.text,
    valueNm: text(row.valueNm),
    valueHighNm: text(row.valueHighNm),
    verdict: row.verdict,
    code: text(row.code),
    referenceRange: text(row.referenceRange?.text),
    referenceLowNm: text(row.referenceRange?.lowNm),
    referenceHighNm: text(row.referenceRange?.highNm),
    sources: row.sources.join('; '),
  };
}

/** One row per affinity statement of every file, in reading order. */
export function tableRows(files: readonly { file: string; rows: readonly AffinityTableRow[] }[]): TableRow[] {
  return files.flatMap(({ file, rows }) => rows.map((row) => tableRow(file, row)));
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; lines end with CRLF. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvTable(rows: readonly TableRow[]): string {
  const lines = [TABLE_COLUMNS.join(','), ...rows.map((row) => TABLE_COLUMNS.map((column) => csvField(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** A Markdown pipe table; cells escaped (pipes, emphasis, line breaks) as the service's Markdown tables are. */
export function markdownTable(rows: readonly TableRow[]): string {
  const body = rows.map((row) => TABLE_COLUMNS.map((column) => escapeMarkdown(row[column])));
  return `${table([...TABLE_COLUMNS], body)}\n`;
}
