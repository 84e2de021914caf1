/** A small delimited-text reader for the knowledge-base sources (GtoPdb CSV, DrugCentral TSV, curated CSV). */

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

interface RawRecord {
  line: number;
  cells: string[];
  /** True when the first cell was written in quotes (a quoted `"# GtoPdb Version…"` banner is still a comment). */
  firstQuoted: boolean;
}

/** Splits text into records, honouring RFC 4180 quotes (`""` escapes, delimiters and newlines inside quotes). */
function readRecords(text: string, delimiter: string, source: string): RawRecord[] {
  const records: RawRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let firstQuoted = false;
  let i = 0;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    records.push({ line: recordLine, cells, firstQuoted });
    cells = [];
    firstQuoted = false;
    recordLine = line;
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '#' && cell === '' && cells.length === 0) {
      // A comment line: skipped whole, so quotes inside it cannot open a field.
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
      line++;
      recordLine = line;
      continue;
    }
    if (ch === '"' && cell === '') {
      if (cells.length === 0) firstQuoted = true;
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new SourceFormatError(source, quoteLine, 'unterminated quoted field');
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        cell += q;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        throw new SourceFormatError(source, line, `unexpected character ${JSON.stringify(next)} after a closing quote`);
      }
      continue;
    }
    if (ch === delimiter) {
      endCell();
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      i++;
    } else if (ch === '\n') {
      line++;
      endRecord();
      i++;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

function isBlank(record: RawRecord): boolean {
  return record.cells.length === 1 && record.cells[0].trim() === '';
}

/** A quoted `"# GtoPdb Version: …"` banner (unquoted `#` lines never reach here). */
function isQuotedBanner(record: RawRecord): boolean {
  return record.firstQuoted && record.cells.length === 1 && record.cells[0].startsWith('#');
}

/**
 * Parses delimited text with a header row. Lines starting with `#` (also a quoted `"# GtoPdb Version…"` banner)
 * and blank lines are skipped. Every data row must have as many cells as the header.
 */
export function parseDelimited(text: string, source: string, delimiter = ','): Table {
  const records = readRecords(text.replace(/^\uFEFF/, ''), delimiter, source).filter((r) => !isBlank(r) && !isQuotedBanner(r));
  const [headerRecord, ...data] = records;
  if (!headerRecord) throw new SourceFormatError(source, 1, 'no header row');
  const header = headerRecord.cells.map((h) => h.trim());
  for (const record of data) {
    if (record.cells.length !== header.length) {
      throw new SourceFormatError(source, record.line, `expected ${header.length} fields, found ${record.cells.length}`);
    }
  }
  return { source, header, rows: data.map(({ line, cells }) => ({ line, cells })) };
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
