/**
 * The custom requests between the PharmaLens server and its clients (the VS Code extension, other editors, tests):
 * their names, parameters and results as plain data, and the helpers both sides use to show them. The one place both
 * the client and the server import; it imports no transport.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AffinityRecord, Compound, Reference, Target } from './service/kb/types';
import type { Verdict } from './service/check/types';
import { formatConcentration } from './service/kb/format';
import { escapeMarkdown, table } from './service/present/markdown';

export { isSkippedFolderName, languageIdOfPath } from './service/scan/languages';

// ---------- pharmalens/checkFiles ----------

/**
 * The custom LSP request that checks manuscripts on disk (or open) and publishes their diagnostics, so a whole
 * workspace shows in the Problems panel. Without `uris`, the server checks every manuscript under its workspace root.
 * Progress goes through the standard `workDoneToken`; the request honours cancellation between files.
 */
export const CHECK_FILES_REQUEST = 'pharmalens/checkFiles';

export interface CheckFilesParams {
  uris?: string[];
  workDoneToken?: string | number;
}

export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

export interface CheckFilesResult {
  /** Every manuscript checked, with its published diagnostics counted by severity. */
  files: ({ uri: string } & DiagnosticCounts)[];
  /** Files that could not be read or are not manuscripts, with the reason. */
  unreadable: { uri: string; message: string }[];
  /** True when the check was cancelled before every file was read. */
  cancelled: boolean;
}

export function diagnosticCounts(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  const counts: DiagnosticCounts = { errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 2) counts.warnings++;
    else if (diagnostic.severity === 3) counts.information++;
    else if (diagnostic.severity === 4) counts.hints++;
    else counts.errors++;
  }
  return counts;
}

/** "2 errors, 1 warning in 3 of 12 manuscripts" — or "no problems in 12 manuscripts". */
export function checkSummary(result: CheckFilesResult): string {
  const total = (key: keyof DiagnosticCounts) => result.files.reduce((sum, file) => sum + file[key], 0);
  const plural = (count: number, word: string, many = `${word}s`) => `${count} ${count === 1 ? word : many}`;
  const parts = [
    [total('errors'), 'error'],
    [total('warnings'), 'warning'],
    [total('information'), 'note'],
    [total('hints'), 'hint'],
  ]
    .filter(([count]) => (count as number) > 0)
    .map(([count, word]) => plural(count as number, word as string));
  const manuscripts = plural(result.files.length, 'manuscript');
  const withProblems = result.files.filter((file) => file.errors + file.warnings + file.information + file.hints > 0).length;
  const found = parts.length === 0 ? `no problems in ${manuscripts}` : `${parts.join(', ')} in ${withProblems} of ${manuscripts}`;
  const unreadable = result.unreadable.length > 0 ? `; ${plural(result.unreadable.length, 'file')} could not be read` : '';
  return `${found}${unreadable}${result.cancelled ? ' (cancelled before the end)' : ''}`;
}

// ---------- pharmalens/affinityTable ----------

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

const VERDICT_LABELS: Record<AffinityTableRow['verdict'], string> = {
  consistent: '✓ consistent',
  'within-spread': '≈ within spread',
  finding: '✗',
  unchecked: 'not checked',
};

function verdictLabel(row: AffinityTableRow): string {
  return row.verdict === 'finding' ? `${VERDICT_LABELS.finding} ${row.code ?? 'finding'}` : VERDICT_LABELS[row.verdict];
}

/** A row's value as the table shows it (`3.45 µM`), or that no unit is stated. */
export function tableValueLabel(row: AffinityTableRow): string {
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
    rows.map((row) => cells(row, verdictLabel(row), tableValueLabel(row)).map(escapeMarkdown)),
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

// ---------- pharmalens/knowledgeBaseEntry ----------

/** The custom LSP request that returns the knowledge-base entry of the compound or target under the cursor. */
export const KNOWLEDGE_BASE_ENTRY_REQUEST = 'pharmalens/knowledgeBaseEntry';

export interface KnowledgeBaseEntryParams {
  uri: string;
  position: { line: number; character: number };
}

/** A compound or target as the knowledge base holds it, with its affinity records and the references they cite. Plain JSON. */
export type KnowledgeBaseEntry =
  | { kind: 'compound'; compound: Compound; affinities: AffinityRecord[]; references: Reference[] }
  | { kind: 'target'; target: Target; affinities: AffinityRecord[]; references: Reference[] };

// ---------- pharmalens/importGtopdb ----------

/** The request behind the command *Import GtoPdb Download…*: the server imports the files and writes the result. */
export const IMPORT_GTOPDB_REQUEST = 'pharmalens/importGtopdb';

export interface ImportGtopdbParams {
  /** Paths of interactions.csv and optionally ligands.csv, targets_and_families.csv. */
  files: string[];
  /** Path of the knowledge-base file to write. */
  out: string;
  /** The release, when the files have no banner naming it. */
  release?: string;
}

export interface ImportGtopdbResult {
  outFile: string;
  release: string;
  records: number;
  skippedRows: number;
  /** What was read and written, one line each. */
  summary: string[];
}
