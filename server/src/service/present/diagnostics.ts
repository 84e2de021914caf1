import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { DEFAULT_SEVERITY, type CheckCode, type Finding, type Fix, type Severity } from '../check/types';
import type { Span } from '../scan/types';

export const DIAGNOSTIC_SOURCE = 'pharmalens';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticSettings {
  /** Per code: a severity, or `off`. */
  severity?: Partial<Record<CheckCode, Severity | 'off'>>;
}

/** What a quick fix needs, carried in the diagnostic so that any client can ask for the actions later. */
export interface DiagnosticData {
  code: CheckCode;
  fixes: { title: string; preferred?: boolean; edits: { range: Range; newText: string }[] }[];
}

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

function fixData(document: TextDocument, fix: Fix): DiagnosticData['fixes'][number] {
  return { title: fix.title, preferred: fix.preferred, edits: fix.edits.map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText })) };
}

export function toDiagnostic(document: TextDocument, finding: Finding, settings: DiagnosticSettings = {}): Diagnostic | undefined {
  const severity = settings.severity?.[finding.code] ?? DEFAULT_SEVERITY[finding.code];
  if (severity === 'off') return undefined;
  const data: DiagnosticData = { code: finding.code, fixes: finding.fixes.map((fix) => fixData(document, fix)) };
  return {
    range: toRange(document, finding.statement.span),
    severity: LSP_SEVERITY[severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
}
