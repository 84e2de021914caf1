import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bibliographyFindings, type DiagnosticSettings, type LanguageService, type ReportedFinding, type Severity, type StageFailure, type Verdict } from '../service/index';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readManuscript, type ReadManuscript } from '../node/manuscript-files';
import type { AffinityTableRow } from '../protocol';

/** 1-based, in UTF-16 code units as LSP counts them; the end is just past the last character. */
export interface FileRange {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export interface FileFinding extends FileRange {
  severity: Severity;
  code: string;
  message: string;
  fixes: { title: string; preferred?: boolean; edits: (FileRange & { newText: string })[] }[];
}

/** A recognized name, positions 1-based. */
export interface FileMention extends FileRange {
  kind: 'compound' | 'target';
  id: string;
  /** The knowledge base's name for it. */
  name: string;
  /** As written. */
  text: string;
}

/** A quoted affinity with how it was read and the verdict on it, positions 1-based. */
export interface FileStatement {
  line: number;
  character: number;
  text: string;
  compound: string | null;
  target: string | null;
  measure: string;
  scale: string;
  relation: string;
  value: number;
  valueHigh?: number;
  unit?: string;
  valueNm?: number;
  valueHighNm?: number;
  context: string;
  association: { compound: string | null; target: string | null; measure: string; unit: string | null };
  verdict: Verdict['kind'];
  code?: string;
  message?: string;
  factor?: number;
  reason?: string;
  referenceLowNm?: number;
  referenceHighNm?: number;
  references: { measure: string; valueNm: number; valueHighNm?: number; relation: string; species: string; conditions?: string; referenceId: string; grade: string; origin: string }[];
}

export interface FileReport {
  file: string;
  mentions: FileMention[];
  statements: FileStatement[];
  findings: FileFinding[];
  /** Stages that failed on this file (a bug): the CLI prints them on stderr and exits 2. */
  failures: StageFailure[];
  /** What the reader had to guess (an encoding): printed on stderr, and in SARIF as a tool notification. */
  warnings: string[];
}

/** A file's report (what --format json prints) and its affinity table (what `pharmalens table` prints). */
export interface AnalyzedFile {
  report: FileReport;
  table: AffinityTableRow[];
  /** The bibliography files the manuscript uses, as paths: the CLI checks each of them once. */
  bibliographies: string[];
}

function fileRange(document: TextDocument, span: { start: number; end: number }): FileRange {
  const start = document.positionAt(span.start);
  const end = document.positionAt(span.end);
  return { line: start.line + 1, character: start.character + 1, endLine: end.line + 1, endCharacter: end.character + 1 };
}

function verdictJson(verdict: Verdict): Pick<FileStatement, 'verdict' | 'code' | 'message' | 'factor' | 'reason' | 'referenceLowNm' | 'referenceHighNm' | 'references'> {
  const evidence = verdict.kind === 'finding' ? verdict.finding.evidence : verdict.kind === 'unchecked' ? undefined : verdict.evidence;
  return {
    verdict: verdict.kind,
    ...(verdict.kind === 'finding' ? { code: verdict.finding.code, message: verdict.finding.message, factor: verdict.finding.factor } : {}),
    ...(verdict.kind === 'consistent' || verdict.kind === 'within-spread' ? { factor: verdict.factor } : {}),
    ...(verdict.kind === 'unchecked' ? { reason: verdict.reason } : {}),
    ...(evidence ? { referenceLowNm: evidence.lowNm, referenceHighNm: evidence.highNm } : {}),
    references: (evidence?.records ?? []).map((record) => ({
      measure: record.measure, valueNm: record.valueNm, valueHighNm: record.valueHighNm, relation: record.relation, species: record.species,
      conditions: record.conditions, referenceId: record.referenceId, grade: record.grade, origin: record.origin,
    })),
  };
}

function fileFinding(document: TextDocument, finding: Pick<ReportedFinding, 'span' | 'severity' | 'code' | 'message' | 'fixes'>): FileFinding {
  return {
    ...fileRange(document, finding.span),
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      ...(fix.preferred ? { preferred: true } : {}),
      edits: fix.edits.map((edit) => ({ ...fileRange(document, edit.span), newText: edit.newText })),
    })),
  };
}

/** A `.bib` file's syntax errors and repeated keys, as a report with no mentions or statements. */
export function analyzeBibliography(file: string, text: string, settings: DiagnosticSettings, warning?: string): AnalyzedFile {
  const document = TextDocument.create(pathToFileURL(path.resolve(file)).href, 'bibtex', 1, text);
  const findings = bibliographyFindings(document, settings).map((finding) => fileFinding(document, finding));
  return { report: { file, mentions: [], statements: [], findings, failures: [], warnings: warning ? [warning] : [] }, table: [], bibliographies: [] };
}

/**
 * Reads (unless `source` gives it, as for standard input) and checks one manuscript: its mentions, affinity statements
 * and findings, positions 1-based.
 */
export function analyzeFile(service: LanguageService, file: string, settings: DiagnosticSettings, source: ReadManuscript = readManuscript(file)): AnalyzedFile {
  const { document, warning } = source;
  const analysis = service.analyze(document);
  const position = (offset: number) => {
    const at = document.positionAt(offset);
    return { line: at.line + 1, character: at.character + 1 };
  };
  const mentions = (analysis?.mentions ?? []).map((mention): FileMention => {
    const entity = mention.kind === 'compound' ? service.knowledgeBase.compound(mention.id) : service.knowledgeBase.target(mention.id);
    return { ...fileRange(document, mention), kind: mention.kind, id: mention.id, name: entity?.name ?? mention.id, text: mention.text };
  });
  const statements = (analysis?.checked ?? []).map(({ statement, verdict }): FileStatement => ({
    ...position(statement.span.start),
    text: statement.text,
    compound: statement.compound?.id ?? null,
    target: statement.target?.id ?? null,
    measure: statement.measure,
    scale: statement.scale,
    relation: statement.relation,
    value: statement.value,
    valueHigh: statement.valueHigh,
    unit: statement.unit,
    valueNm: statement.valueNm,
    valueHighNm: statement.valueHighNm,
    context: statement.context,
    association: { compound: statement.compound?.via ?? null, target: statement.target?.via ?? null, measure: statement.measureFrom, unit: statement.unitFrom ?? null },
    ...verdictJson(verdict),
  }));
  const findings = analysis ? service.findings(analysis, settings).map((finding) => fileFinding(document, finding)) : [];
  findings.sort((a, b) => a.line - b.line || a.character - b.character);
  const bibliographies = (analysis?.citations.bibliographies ?? []).flatMap(({ uri }) => (uri.startsWith('file:') ? [path.relative(process.cwd(), fileURLToPath(uri))] : []));
  return {
    report: { file, mentions, statements, findings, failures: analysis?.failures ?? [], warnings: warning ? [warning] : [] },
    table: analysis ? service.affinityTable(document, analysis) : [],
    bibliographies,
  };
}
