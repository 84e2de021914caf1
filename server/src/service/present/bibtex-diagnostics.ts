import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseBibtex } from '../cite/bibtex';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** A `.bib` file's syntax errors (each naming its line; the other entries are still used) and duplicate keys. */
export function bibliographyDiagnostics(document: TextDocument): Diagnostic[] {
  const text = document.getText();
  const parsed = parseBibtex(text);
  const at = (offset: number) => document.positionAt(offset);
  return [
    ...parsed.errors.map((error) => ({
      range: { start: at(error.offset), end: at(Math.min(error.offset + 1, text.length)) },
      severity: DiagnosticSeverity.Error,
      code: 'bibtex.syntax',
      source: DIAGNOSTIC_SOURCE,
      message: `${error.message} (line ${error.line}, column ${error.column}); the other entries are still used.`,
    })),
    ...parsed.duplicates.map((duplicate) => ({
      range: { start: at(duplicate.keySpan.start), end: at(duplicate.keySpan.end) },
      severity: DiagnosticSeverity.Warning,
      code: 'bibtex.duplicate-key',
      source: DIAGNOSTIC_SOURCE,
      message: `Duplicate key "${duplicate.key}": citations resolve to its first entry (line ${at(duplicate.firstKeySpan.start).line + 1}).`,
    })),
  ];
}
