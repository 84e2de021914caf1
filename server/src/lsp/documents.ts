/**
 * The server's copies of open documents. A content change whose range lies outside the document (a line past the
 * last, a character past a line's end, a negative or non-integer number) is clamped to the document first: the
 * text-document library trusts ranges, and one past the last line corrupts its line table.
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument, type Position } from 'vscode-languageserver-textdocument';

function clampedPosition(document: TextDocument, position: Position): Position {
  const whole = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);
  const line = whole(position?.line);
  if (line >= document.lineCount) return document.positionAt(document.getText().length);
  return document.positionAt(document.offsetAt({ line, character: whole(position?.character) }));
}

export function clampedChange(document: TextDocument, change: TextDocumentContentChangeEvent): TextDocumentContentChangeEvent {
  if (!('range' in change) || !change.range) return { text: String(change.text ?? '') };
  const start = clampedPosition(document, change.range.start);
  const end = clampedPosition(document, change.range.end);
  const ordered = document.offsetAt(start) <= document.offsetAt(end) ? { start, end } : { start: end, end: start };
  return { range: ordered, text: String(change.text ?? '') };
}

export const clampedTextDocuments: TextDocumentsConfiguration<TextDocument> = {
  create: TextDocument.create,
  update: (document, changes, version) => {
    // Each change applies to the text the previous one left, so each is clamped against that text.
    let current = document;
    for (const change of changes) current = TextDocument.update(current, [clampedChange(current, change)], version);
    return current;
  },
};
