/** Import of target_roles.csv: pathway and clinical roles of targets, each with its reference and evidence. */
import { columns, parseDelimited, SourceFormatError, splitMulti } from '../../server/src/service/kb/csv.js';

export interface TargetRoleRow {
  line: number;
  genes: string[];
  role: string;
  evidence: string;
  /** `true` when the evidence says the statement was read in the source. */
  confirmed: boolean;
  /** The reference as written in the CSV (mapped to a curated reference id by the build). */
  referenceText: string;
}

export function importTargetRoles(text: string, source: string): TargetRoleRow[] {
  const table = parseDelimited(text, source);
  const get = columns(table, ['target_gene', 'role', 'evidence', 'reference'] as const);
  return table.rows.map((row) => {
    const genes = splitMulti(get(row, 'target_gene'));
    const role = get(row, 'role');
    const evidence = get(row, 'evidence');
    if (genes.length === 0) throw new SourceFormatError(source, row.line, 'field "target_gene" is empty');
    if (!role) throw new SourceFormatError(source, row.line, 'field "role" is empty');
    if (!evidence) throw new SourceFormatError(source, row.line, 'field "evidence" is empty');
    return {
      line: row.line,
      genes,
      role,
      evidence,
      confirmed: /^confirmed/i.test(evidence),
      referenceText: get(row, 'reference'),
    };
  });
}
