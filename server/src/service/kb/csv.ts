/** The knowledge-base sources' delimited text (GtoPdb CSV, DrugCentral TSV, curated CSV), read with csv-parse. */
import { parse } from 'csv-parse/sync';

export class SourceFormatError extends Error {
  constructor(readonly source: string, readonly line: number, problem: string) {
    super(`${source}:${line}: ${problem}`);
    this.name = 'SourceFormatError';
  }
}

export interface Row {
  /** 1-based line number where the record starts in the source text. */
  line: number;
  cells: string[];
}

export interface Table {
  source: string;
  header: string[];
  rows: Row[];
}

/** `Invalid Record Length: expect 2, got 3 on line 2` and its kind, in the reader's words. */
function problemOf(error: Error & { code?: string }, header: number | undefined): { line?: number; problem: string } {
  const lineOf = (pattern: RegExp) => Number(pattern.exec(error.message)?.[1]) || undefined;
  if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const found = /got (\d+)/.exec(error.message)?.[1];
    return { line: lineOf(/on line (\d+)/), problem: `expected ${header} fields, found ${found}` };
  }
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return { line: lineOf(/at line (\d+)/), problem: 'unterminated quoted field' };
  return { line: lineOf(/line (\d+)/), problem: error.message.replace(/ (?:on|at) line \d+.*$/, '') };
}

/**
 * Parses delimited text with a header row (csv-parse, RFC 4180 quotes). Lines starting with `#` (also a quoted
 * `"# GtoPdb Version…"` banner) and blank lines are skipped. Every data row must have as many cells as the header:
 * the first that does not throws, naming its line.
 */
export function parseDelimited(text: string, source: string, delimiter = ','): Table {
  const body = text.replace(/^\uFEFF/, '');
  const quotedBanner = /^"#[^\n]*\n/.test(body);
  let records: { record: string[]; raw: string }[];
  try {
    records = parse(body, {
      delimiter,
      from_line: quotedBanner ? 2 : 1,
      comment: '#',
      comment_no_infix: true,
      relax_quotes: true,
      skip_empty_lines: true,
      raw: true,
    }) as unknown as typeof records;
  } catch (error) {
    const header = body.split('\n', quotedBanner ? 2 : 1).pop()?.split(delimiter).length;
    const { line, problem } = problemOf(error as Error & { code?: string }, header);
    throw new SourceFormatError(source, line ?? 1, problem);
  }
  const data = records.filter(({ record }) => !(record.length === 1 && record[0].trim() === ''));
  const [headerRecord, ...rows] = data;
  if (!headerRecord) throw new SourceFormatError(source, 1, 'no header row');
  // Each record's line is where its raw text starts in the file (skipped comment and blank lines included).
  let cursor = 0;
  let line = 1;
  const startLine = (raw: string): number => {
    const start = body.indexOf(raw, cursor);
    for (let index = cursor; index < start; index++) if (body.charCodeAt(index) === 10) line++;
    cursor = start;
    return line;
  };
  const lines = data.map(({ raw }) => startLine(raw));
  return { source, header: headerRecord.record.map((h) => h.trim()), rows: rows.map((row, index) => ({ line: lines[index + 1], cells: row.record })) };
}

/** Returns a getter for the named columns; throws naming the file when a column is missing. */
export function columns<const Names extends readonly string[]>(
  table: Table,
  names: Names,
): (row: Row, name: Names[number]) => string {
  const index = new Map<string, number>();
  for (const name of names) {
    const at = table.header.indexOf(name);
    if (at < 0) throw new SourceFormatError(table.source, 1, `missing column "${name}" (header: ${table.header.join(', ')})`);
    index.set(name, at);
  }
  return (row, name) => row.cells[index.get(name)!].trim();
}

/** Splits a `|`-joined multi-valued field, dropping empty parts. */
export function splitMulti(value: string): string[] {
  return value
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
