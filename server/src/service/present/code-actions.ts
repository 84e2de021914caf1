import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { DocumentFormat } from '../scan/types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './diagnostics';

function isOurs(diagnostic: Diagnostic): diagnostic is Diagnostic & { data: DiagnosticData } {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return diagnostic.source === DIAGNOSTIC_SOURCE && typeof data?.code === 'string' && Array.isArray(data.fixes);
}

/** A comment line above the diagnostic's line: `<!-- pharmalens-disable-next-line CODE -->` or `% pharmalens-disable-next-line CODE`. */
function suppressEdit(document: TextDocument, format: DocumentFormat, diagnostic: Diagnostic, code: string): TextEdit {
  const line = diagnostic.range.start.line;
  const indent = /^[ \t]*/.exec(lineText(document, line))?.[0] ?? '';
  const directive = `pharmalens-disable-next-line ${code}`;
  const comment = format === 'latex' ? `% ${directive}` : `<!-- ${directive} -->`;
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${comment}\n` };
}

function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
}

const TABLE_LINE = /^\s*\|/;

/** A Markdown pipe table's first and last lines, when `line` is in one: a comment line inside it would split it. */
function markdownTableLines(document: TextDocument, line: number): { first: number; last: number } | undefined {
  if (!TABLE_LINE.test(lineText(document, line))) return undefined;
  let first = line;
  while (first > 0 && TABLE_LINE.test(lineText(document, first - 1))) first--;
  let last = line;
  while (last + 1 < document.lineCount && TABLE_LINE.test(lineText(document, last + 1))) last++;
  return { first, last };
}

function suppressTableEdits(document: TextDocument, table: { first: number; last: number }, code: string): TextEdit[] {
  const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });
  const enable = `<!-- pharmalens-enable ${code} -->`;
  // A table on the last line of a file without a final newline: the comment goes on a line of its own after it.
  const endsDocument = table.last + 1 >= document.lineCount && !/\n$/.test(lineText(document, table.last));
  const end = document.positionAt(document.getText().length);
  return [
    { range: at(table.first), newText: `<!-- pharmalens-disable ${code} -->\n` },
    endsDocument ? { range: { start: end, end }, newText: `\n${enable}` } : { range: at(table.last + 1), newText: `${enable}\n` },
  ];
}

/** The quick fixes for PharmaLens diagnostics in the request, as plain WorkspaceEdits (no client-side commands). */
export function codeActionsFor(document: TextDocument, format: DocumentFormat, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics.filter(isOurs)) {
    for (const fix of diagnostic.data.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [document.uri]: fix.edits } },
      });
    }
    const table = format === 'markdown' ? markdownTableLines(document, diagnostic.range.start.line) : undefined;
    actions.push({
      title: table ? `Suppress ${diagnostic.data.code} in this table` : `Suppress ${diagnostic.data.code} on this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: table ? suppressTableEdits(document, table, diagnostic.data.code) : [suppressEdit(document, format, diagnostic, diagnostic.data.code)] } },
    });
  }
  return actions;
}
