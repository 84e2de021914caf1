import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clampedTextDocuments } from '../server/src/lsp/documents';

/** Offset of a position in `text`, clamped, computed by splitting lines by hand (independent of the library). */
function naiveOffset(text: string, line: number, character: number): number {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\r' && text[index + 1] === '\n') continue;
    if (text[index] === '\n' || text[index] === '\r') starts.push(index + 1);
  }
  const whole = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);
  if (whole(line) >= starts.length) return text.length;
  const start = starts[whole(line)];
  let end = whole(line) + 1 < starts.length ? starts[whole(line) + 1] : text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return Math.min(start + whole(character), end);
}

function apply(text: string, changes: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): string {
  const document = TextDocument.create('file:///p.md', 'markdown', 1, text);
  return clampedTextDocuments.update(document, changes, 2).getText();
}

const at = (line: number, character: number) => ({ line, character });

test('a change past the last line appends at the end, and the next valid change lands where the client means', () => {
  const original = '---\ntitle: Draft\n---\n\nIt blocks hERG.\n';
  const once = apply(original, [{ range: { start: at(9, 0), end: at(10, 0) }, text: '\n' }]);
  assert.equal(once, `${original}\n`);
  const document = TextDocument.create('file:///p.md', 'markdown', 1, original);
  clampedTextDocuments.update(document, [{ range: { start: at(9, 0), end: at(10, 0) }, text: '\n' }], 2);
  clampedTextDocuments.update(document, [{ range: { start: at(6, 0), end: at(6, 0) }, text: 'New line.\n' }], 3);
  assert.equal(document.getText(), `${original}\nNew line.\n`);
  assert.equal(document.lineCount, 8);
});

test('characters past a line end, negative, fractional or NaN numbers and reversed ranges are clamped', () => {
  assert.equal(apply('ab\ncd', [{ range: { start: at(0, 99), end: at(0, 99) }, text: 'X' }]), 'abX\ncd');
  assert.equal(apply('ab\ncd', [{ range: { start: at(-3, -1), end: at(0, 1) }, text: 'X' }]), 'Xb\ncd');
  assert.equal(apply('ab\ncd', [{ range: { start: at(1, Number.NaN), end: at(1, 1.7) }, text: 'X' }]), 'ab\nXd');
  assert.equal(apply('ab\ncd', [{ range: { start: at(1, 2), end: at(0, 1) }, text: 'X' }]), 'aX');
});

test('random changes, in and out of range, give the text a hand-written model gives', () => {
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pieces = ['', 'a', '\n', 'µM\n', '\r\n', 'x\ny\nz', '😀'];
  let text = 'one\ntwo\n\nthree';
  const document = TextDocument.create('file:///p.md', 'markdown', 1, text);
  for (let step = 0; step < 2000; step++) {
    const start = at(random(12) - 2, random(10) - 2);
    const end = at(start.line + random(3), random(10) - 2);
    const newText = pieces[random(pieces.length)];
    let from = naiveOffset(text, start.line, start.character);
    let to = naiveOffset(text, end.line, end.character);
    if (from > to) [from, to] = [to, from];
    text = text.slice(0, from) + newText + text.slice(to);
    clampedTextDocuments.update(document, [{ range: { start, end }, text: newText }], step + 2);
    assert.equal(document.getText(), text, `step ${step}`);
    if (text.length > 400) text = text.slice(0, 100);
    if (document.getText().length > 400) clampedTextDocuments.update(document, [{ text }], step + 2);
  }
});
