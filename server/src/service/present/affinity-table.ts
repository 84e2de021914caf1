import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Evidence, Verdict } from '../check/types';
import type { AffinityStatement } from '../extract/types';
import type { IndexedKnowledgeBase } from '../kb/indexed';
import { formatConcentration, shortCitation } from '../kb/format';
import type { AffinityRecord } from '../kb/types';
import { escapeMarkdown, table } from './markdown';

/** The custom LSP request that returns a manuscript's affinity table. */
export const AFFINITY_TABLE_REQUEST = 'pharmalens/affinityTable';

export interface AffinityTableParams {
  uri: string;
}

export interface ReferenceRange {
  lowNm: number;
  highNm: number;
  /** As shown to a reader, e.g. `3.2–4.5 nM`. */
  text: string;
}

/** One quoted affinity in a manuscript, with what PharmaLens made of it. Plain data: no Markdown, no LSP types. */
export interface AffinityTableRow {
  /** 1-based line of the quoted value. */
  line: number;
  /** The value as written. */
  text: string;
  compound?: string;
  target?: string;
  measure: string;
  /** Absent when no unit is stated for the value. */
  valueNm?: number;
  valueHighNm?: number;
  verdict: Verdict['kind'];
  /** The diagnostic code of a finding. */
  code?: string;
  referenceRange?: ReferenceRange;
  /** Short citations of the references the verdict rests on, without repeats. */
  sources: string[];
}

function compoundName(kb: IndexedKnowledgeBase, statement: AffinityStatement): string | undefined {
  if (!statement.compound) return undefined;
  return kb.compound(statement.compound.id)?.name ?? statement.compound.id;
}

function targetName(kb: IndexedKnowledgeBase, statement: AffinityStatement): string | undefined {
  if (!statement.target) return undefined;
  const target = kb.target(statement.target.id);
  return target?.abbreviation || target?.name || statement.target.id;
}

function evidenceOf(verdict: Verdict): Evidence | undefined {
  if (verdict.kind === 'finding') return verdict.finding.evidence;
  return verdict.kind === 'unchecked' ? undefined : verdict.evidence;
}

function sourceLabel(kb: IndexedKnowledgeBase, record: AffinityRecord): string {
  const reference = kb.reference(record.referenceId);
  if (!reference || record.grade === 'database') return record.origin;
  return shortCitation(reference);
}

function referenceRange(evidence: Evidence): ReferenceRange {
  return { lowNm: evidence.lowNm, highNm: evidence.highNm, text: formatConcentration(evidence.lowNm, evidence.highNm) };
}

/** The rows of the affinity table: every statement read, in document order. */
export function affinityTableRows(
  kb: IndexedKnowledgeBase,
  document: TextDocument,
  checked: readonly { statement: AffinityStatement; verdict: Verdict }[],
): AffinityTableRow[] {
  return checked.map(({ statement, verdict }) => {
    const evidence = evidenceOf(verdict);
    const records = evidence?.records.filter((record) => !record.outlier) ?? [];
    return {
      line: document.positionAt(statement.span.start).line + 1,
      text: statement.text,
      compound: compoundName(kb, statement),
      target: targetName(kb, statement),
      measure: statement.measure,
      valueNm: statement.valueNm,
      valueHighNm: statement.valueHighNm,
      verdict: verdict.kind,
      code: verdict.kind === 'finding' ? verdict.finding.code : undefined,
      referenceRange: evidence ? referenceRange(evidence) : undefined,
      sources: [...new Set(records.map((record) => sourceLabel(kb, record)))],
    };
  });
}

const VERDICT_LABELS: Record<AffinityTableRow['verdict'], string> = {
  consistent: '✓ consistent',
  'within-spread': '≈ within spread',
  finding: '✗',
  unchecked: 'not checked',
};

function verdictLabel(row: AffinityTableRow): string {
  return row.verdict === 'finding' ? `${VERDICT_LABELS.finding} ${row.code ?? 'finding'}` : VERDICT_LABELS[row.verdict];
}

function valueLabel(row: AffinityTableRow): string {
  return row.valueNm === undefined ? 'unit not stated' : formatConcentration(row.valueNm, row.valueHighNm);
}

const COLUMNS = ['Line', 'Quoted', 'Compound', 'Target', 'Measure', 'Value (nM)', 'Verdict', 'Reference range', 'Sources'];

function cells(row: AffinityTableRow, verdict: string, value: string): string[] {
  return [String(row.line), row.text, row.compound ?? '', row.target ?? '', row.measure, value, verdict, row.referenceRange?.text ?? '', row.sources.join('; ')];
}

/** The table as a Markdown document, titled after the manuscript. */
export function affinityTableMarkdown(title: string, rows: readonly AffinityTableRow[]): string {
  const heading = `# Affinities in ${escapeMarkdown(title)}`;
  if (rows.length === 0) return `${heading}\n\nNo affinity statements found.\n`;
  const body = table(
    COLUMNS.map((column) => (column === 'Value (nM)' ? 'Value' : column)),
    rows.map((row) => cells(row, verdictLabel(row), valueLabel(row)).map(escapeMarkdown)),
  );
  return `${heading}\n\n${body}\n`;
}

function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** The table as CSV (RFC 4180, CRLF line ends), values in nM so that a spreadsheet can sort them. */
export function affinityTableCsv(rows: readonly AffinityTableRow[]): string {
  const header = [...COLUMNS.slice(0, 6), 'Value high (nM)', 'Verdict', 'Code', 'Reference low (nM)', 'Reference high (nM)', 'Sources'];
  const lines = rows.map((row) => [
    String(row.line),
    row.text,
    row.compound ?? '',
    row.target ?? '',
    row.measure,
    row.valueNm === undefined ? '' : String(row.valueNm),
    row.valueHighNm === undefined ? '' : String(row.valueHighNm),
    row.verdict,
    row.code ?? '',
    row.referenceRange ? String(row.referenceRange.lowNm) : '',
    row.referenceRange ? String(row.referenceRange.highNm) : '',
    row.sources.join('; '),
  ]);
  return [header, ...lines].map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}
