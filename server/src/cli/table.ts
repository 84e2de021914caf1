import type { FileReport } from './analyze-file';

export const TABLE_COLUMNS = [
  'file', 'line', 'compound', 'target', 'measure', 'value', 'valueNm', 'verdict', 'code', 'referenceLowNm', 'referenceHighNm', 'sources',
] as const;

export type TableRow = Record<(typeof TABLE_COLUMNS)[number], string>;

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function sources(statement: Record<string, unknown>): string {
  const references = (statement.references as { referenceId?: string }[] | undefined) ?? [];
  return [...new Set(references.map((reference) => reference.referenceId).filter((id): id is string => !!id))].join('; ');
}

/** The value as the manuscript writes it: the statement's own text. */
function valueAsWritten(statement: Record<string, unknown>): string {
  return text(statement.text);
}

/** One row per affinity statement of every file, in reading order. */
export function tableRows(reports: readonly FileReport[]): TableRow[] {
  return reports.flatMap((report) =>
    report.statements.map((statement) => ({
      file: report.file,
      line: text(statement.line),
      compound: text(statement.compound),
      target: text(statement.target),
      measure: text(statement.measure),
      value: valueAsWritten(statement),
      valueNm: text(statement.valueNm),
      verdict: text(statement.verdict),
      code: text(statement.code),
      referenceLowNm: text(statement.referenceLowNm),
      referenceHighNm: text(statement.referenceHighNm),
      sources: sources(statement),
    })),
  );
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; lines end with CRLF. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvTable(rows: readonly TableRow[]): string {
  const lines = [TABLE_COLUMNS.join(','), ...rows.map((row) => TABLE_COLUMNS.map((column) => csvField(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** A Markdown cell: pipes and backslashes escaped, line breaks as spaces. */
function markdownCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function markdownTable(rows: readonly TableRow[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const lines = [line(TABLE_COLUMNS), line(TABLE_COLUMNS.map(() => '---')), ...rows.map((row) => line(TABLE_COLUMNS.map((column) => markdownCell(row[column]))))];
  return `${lines.join('\n')}\n`;
}
