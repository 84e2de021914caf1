import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { CitationProblem } from '../cite/document';
import type { Finding, Fix, Severity } from '../check/types';
import { defaultSeverity, type DiagnosticCode } from '../rules';
import type { Span } from '../scan/types';

export const DIAGNOSTIC_SOURCE = 'pharmalens';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export type { DiagnosticCode } from '../rules';
export { defaultSeverity } from '../rules';

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

export interface Problem {
  code: DiagnosticCode;
  span: Span;
  message: string;
  fixes: Fix[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** A problem as reported: with the severity the settings give its code (or the code's default). Domain data, no LSP. */
export interface ReportedProblem extends Problem {
  severity: Severity;
}

/** The problem at the severity the settings give its code (never above `atMost`); `off` reports nothing. */
export function reportProblem(problem: Problem, settings: DiagnosticSettings = {}, atMost?: Severity): ReportedProblem | undefined {
  const configured = settings.severity?.[problem.code] ?? defaultSeverity(problem.code);
  if (configured === 'off') return undefined;
  const severity = atMost && SEVERITY_RANK[configured] < SEVERITY_RANK[atMost] ? atMost : configured;
  return { ...problem, severity };
}

/** A reported problem as an LSP diagnostic, its fixes in `data` for any client to ask for later. */
export function lspDiagnostic(document: TextDocument, problem: ReportedProblem): Diagnostic {
  const data: DiagnosticData = { code: problem.code, fixes: problem.fixes.map((fix) => fixData(document, fix)) };
  return { range: toRange(document, problem.span), severity: LSP_SEVERITY[problem.severity], code: problem.code, source: DIAGNOSTIC_SOURCE, message: problem.message, data };
}

/** A problem as a diagnostic, at the severity the settings give its code (or the code's default); `off` gives none. */
export function problemDiagnostic(document: TextDocument, problem: Problem, settings: DiagnosticSettings = {}, atMost?: Severity): Diagnostic | undefined {
  const reported = reportProblem(problem, settings, atMost);
  return reported ? lspDiagnostic(document, reported) : undefined;
}

/**
 * A finding as reported. One on an inferred reading (compound from the heading, unit from a caption) or resting on a
 * single published value is at most information, and its message says why.
 */
export function reportFinding(finding: Finding, settings: DiagnosticSettings = {}): ReportedProblem | undefined {
  const inferred = finding.assumed.length > 0;
  let message = finding.message;
  if (inferred) message += ` Read with the ${finding.assumed.map((assumption) => `${assumption.part} ${assumption.from}`).join(', the ')}: a guess, so information only.`;
  else if (finding.singleSource) message += ' One published value is on record for this pair, so how far laboratories differ is unknown: information only.';
  const capped = inferred || finding.singleSource ? 'information' : undefined;
  const atMost = finding.atMost === 'hint' ? 'hint' : (finding.atMost ?? capped);
  return reportProblem({ code: finding.code, span: finding.statement.span, message, fixes: finding.fixes }, settings, atMost);
}

export function toDiagnostic(document: TextDocument, finding: Finding, settings: DiagnosticSettings = {}): Diagnostic | undefined {
  const reported = reportFinding(finding, settings);
  return reported ? lspDiagnostic(document, reported) : undefined;
}

export function citationDiagnostic(document: TextDocument, problem: CitationProblem, settings: DiagnosticSettings = {}): Diagnostic | undefined {
  return problemDiagnostic(document, problem, settings);
}
