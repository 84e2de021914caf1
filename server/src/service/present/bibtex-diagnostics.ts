import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseBibtex } from '../cite/bibtex';
import { problemDiagnostic, type DiagnosticSettings, type Problem } from './diagnostics';

/**
 * A `.bib` file's syntax errors (each naming its line; the other entries are still used) and duplicate keys, at the
 * severities the settings give `bibtex.syntax` and `bibtex.duplicate-key`.
 */
export function bibliographyDiagnostics(document: TextDocument, settings: DiagnosticSettings = {}): Diagnostic[] {
  const text = document.getText();
  const parsed = parseBibtex(text);
  const problems: Problem[] = [
    ...parsed.errors.map((error) => ({
      code: 'bibtex.syntax' as const,
      span: { start: error.offset, end: Math.min(error.offset + 1, text.length) },
      message: `${error.message} (line ${error.line}, column ${error.column}); the other entries are still used.`,
      fixes: [],
    })),
    ...parsed.duplicates.map((duplicate) => ({
      code: 'bibtex.duplicate-key' as const,
      span: duplicate.keySpan,
      message: `Duplicate key "${duplicate.key}": citations resolve to its first entry (line ${document.positionAt(duplicate.firstKeySpan.start).line + 1}).`,
      fixes: [],
    })),
  ];
  return problems.flatMap((problem) => problemDiagnostic(document, problem, settings) ?? []);
}
