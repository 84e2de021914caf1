/** Import of Tatsumi et al. 1997 Kd values (nM) at cloned human SERT, NET and DAT. */
import type { Relation } from '../../server/src/service/kb/types.js';
import { columns, parseDelimited, SourceFormatError } from '../../server/src/service/kb/csv.js';

export interface TransporterKd {
  line: number;
  drug: string;
  /** HGNC symbol of the transporter. */
  gene: 'SLC6A4' | 'SLC6A2' | 'SLC6A3';
  relation: Relation;
  valueNm: number;
  asWritten: string;
  /** The row's `source` cell, e.g. `Tatsumi1997`, `Wong2000`. */
  sourceKey: string;
}

const TRANSPORTER_COLUMNS = [
  ['hSERT_Kd_nM', 'SLC6A4'],
  ['hNET_Kd_nM', 'SLC6A2'],
  ['hDAT_Kd_nM', 'SLC6A3'],
] as const;

/** Reads `4.3`, `>100000`, `<1`; blank cells mean "not given" and yield no record. */
export function parseBoundedValue(cell: string): { relation: Relation; value: number } | undefined {
  const match = /^(>=|<=|>|<|~)?\s*([0-9]+(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?)$/i.exec(cell.replace(/,/g, ''));
  if (!match) return undefined;
  return { relation: (match[1] as Relation | undefined) ?? '=', value: Number(match[2]) };
}

export function importTatsumi(text: string, source: string): TransporterKd[] {
  const table = parseDelimited(text, source);
  const get = columns(table, ['drug', 'hSERT_Kd_nM', 'hNET_Kd_nM', 'hDAT_Kd_nM', 'source'] as const);
  const records: TransporterKd[] = [];
  for (const row of table.rows) {
    const drug = get(row, 'drug').toLowerCase();
    const sourceKey = get(row, 'source');
    if (!drug) throw new SourceFormatError(source, row.line, 'field "drug" is empty');
    if (!sourceKey) throw new SourceFormatError(source, row.line, 'field "source" is empty');
    for (const [column, gene] of TRANSPORTER_COLUMNS) {
      const cell = get(row, column);
      if (cell === '') continue;
      const parsed = parseBoundedValue(cell);
      if (!parsed) throw new SourceFormatError(source, row.line, `field "${column}" is not a number: ${JSON.stringify(cell)}`);
      records.push({ line: row.line, drug, gene, relation: parsed.relation, valueNm: parsed.value, asWritten: `${cell} nM`, sourceKey });
    }
  }
  return records;
}
