import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseBibtex } from '../cite/bibtex';
import { problemDiagnostic, reportProblem, type DiagnosticSettings, type Problem, type ReportedProblem } from './diagnostics';
import { BIBTEX_RULES } from '../cite/rules/index';

/**
 * A `.bib` file's syntax errors (each naming its line; the other entries are still used) and duplicate keys, at the
 * severities the settings give `bibtex.syntax` and `bibtex.duplicate-key`.
 */
export function bibliographyDiagnostics(document: TextDocument, settings: DiagnosticSettings = {}): Diagnostic[] {
  return bibliographyProblems(document).flatMap((problem) => problemDiagnostic(document, problem, settings) ?? []);
}

/** The same problems with their severities and spans, for the CLI. */
export function bibliographyFindings(document: TextDocument, settings: DiagnosticSettings = {}): ReportedProblem[] {
  return bibliographyProblems(document).flatMap((problem) => reportProblem(problem, settings) ?? []);
}

function bibliographyProblems(document: TextDocument): Problem[] {
  const text = document.getText();
  const parsed = parseBibtex(text);
  const context = { text, errors: parsed.errors, duplicates: parsed.duplicates, lineOf: (offset: number) => document.positionAt(offset).line + 1 };
  return BIBTEX_RULES.flatMap((rule) => rule.run(context));
}
