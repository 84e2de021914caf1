import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { CitationCode, CitationProblem } from '../cite/document';
import { DEFAULT_SEVERITY, type CheckCode, type Finding, type Fix, type Severity } from '../check/types';
import type { Span } from '../scan/types';

export const DIAGNOSTIC_SOURCE = 'pharmalens';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export type DiagnosticCode = CheckCode | CitationCode;

const DEFAULT_CITATION_SEVERITY: Record<CitationCode, Severity> = {
  'citation.unresolved': 'warning',
  'citation.bibliography-missing': 'warning',
  'citation.missing': 'hint',
  'citation.source-mismatch': 'warning',
};

/** The severity a code has unless the settings say otherwise. */
export function defaultSeverity(code: DiagnosticCode): Severity {
  return code in DEFAULT_SEVERITY ? DEFAULT_SEVERITY[code as CheckCode] : DEFAULT_CITATION_SEVERITY[code as CitationCode];
}

export interface DiagnosticSettings {
  /** Per code: a severity, or `off`. */
  severity?: Partial<Record<DiagnosticCode, Severity | 'off'>>;
}

/** What a quick fix needs, carried in the diagnostic so that any client can ask for the actions later. */
export interface DiagnosticData {
  code: DiagnosticCode;
  fixes: { title: string; preferred?: boolean; edits: { range: Range; newText: string }[] }[];
}

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

function fixData(document: TextDocument, fix: Fix): DiagnosticData['fixes'][number] {
  return { title: fix.title, preferred: fix.preferred, edits: fix.edits.map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText })) };
}

interface Problem {
  code: DiagnosticCode;
  span: Span;
  message: string;
  fixes: Fix[];
}

function problemDiagnostic(document: TextDocument, problem: Problem, defaultSeverity: Severity, settings: DiagnosticSettings): Diagnostic | undefined {
  const severity = settings.severity?.[problem.code] ?? defaultSeverity;
  if (severity === 'off') return undefined;
  const data: DiagnosticData = { code: problem.code, fixes: problem.fixes.map((fix) => fixData(document, fix)) };
  return { range: toRange(document, problem.span), severity: LSP_SEVERITY[severity], code: problem.code, source: DIAGNOSTIC_SOURCE, message: problem.message, data };
}

export function toDiagnostic(document: TextDocument, finding: Finding, settings: DiagnosticSettings = {}): Diagnostic | undefined {
  return problemDiagnostic(document, { ...finding, span: finding.statement.span }, DEFAULT_SEVERITY[finding.code], settings);
}

export function citationDiagnostic(document: TextDocument, problem: CitationProblem, settings: DiagnosticSettings = {}): Diagnostic | undefined {
  return problemDiagnostic(document, problem, DEFAULT_CITATION_SEVERITY[problem.code], settings);
}
