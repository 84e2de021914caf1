import { severityFromLsp, type DiagnosticData, type DiagnosticSettings, type LanguageService, type Severity, type StageFailure, type Verdict } from '../service/index';
import { readManuscript } from '../node/manuscript-files';
import type { Diagnostic } from 'vscode-languageserver-types';
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

export interface FileReport {
  file: string;
  mentions: Record<string, unknown>[];
  statements: Record<string, unknown>[];
  findings: FileFinding[];
  /** Stages that failed on this file (a bug): the CLI prints them on stderr and exits 2. */
  failures: StageFailure[];
}

/** A file's report (what --format json prints) and its affinity table (what `pharmalens table` prints). */
export interface AnalyzedFile {
  report: FileReport;
  table: AffinityTableRow[];
}

function fileRange(range: Diagnostic['range']): FileRange {
  return { line: range.start.line + 1, character: range.start.character + 1, endLine: range.end.line + 1, endCharacter: range.end.character + 1 };
}

function verdictJson(verdict: Verdict): Record<string, unknown> {
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

function findingOf(diagnostic: Diagnostic): FileFinding {
  const data = diagnostic.data as DiagnosticData | undefined;
  return {
    ...fileRange(diagnostic.range),
    severity: severityFromLsp(diagnostic.severity),
    code: String(diagnostic.code),
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    fixes: (data?.fixes ?? []).map((fix) => ({
      title: fix.title,
      ...(fix.preferred ? { preferred: true } : {}),
      edits: fix.edits.map((edit) => ({ ...fileRange(edit.range), newText: edit.newText })),
    })),
  };
}

/** Reads and checks one manuscript: its mentions, affinity statements and findings, positions 1-based. */
export function analyzeFile(service: LanguageService, file: string, settings: DiagnosticSettings): AnalyzedFile {
  const document = readManuscript(file);
  const analysis = service.analyze(document);
  const position = (offset: number) => {
    const at = document.positionAt(offset);
    return { line: at.line + 1, character: at.character + 1 };
  };
  const mentions = (analysis?.mentions ?? []).map((mention) => {
    const end = position(mention.end);
    const entity = mention.kind === 'compound' ? service.knowledgeBase.compound(mention.id) : service.knowledgeBase.target(mention.id);
    return {
      ...position(mention.start), endLine: end.line, endCharacter: end.character,
      kind: mention.kind, id: mention.id, name: entity?.name ?? mention.id, text: mention.text,
    };
  });
  const statements = (analysis?.checked ?? []).map(({ statement, verdict }) => ({
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
  const findings = analysis ? service.diagnostics(document, analysis, settings).map(findingOf) : [];
  findings.sort((a, b) => a.line - b.line || a.character - b.character);
  return { report: { file, mentions, statements, findings, failures: analysis?.failures ?? [] }, table: analysis ? service.affinityTable(document, analysis) : [] };
}
