import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockAround, sentenceAround, tableAround } from '../server/src/service/scan/sentence';
import type { ScannedDocument, Table } from '../server/src/service/scan/types';

const table = (start: number, end: number): Table => ({ start, end, rows: [], hasHeader: false });

test('the table around a span: innermost first, nested and out-of-order tables, spans between tables', () => {
  const outer = table(100, 400);
  const inner = table(150, 200);
  const later = table(500, 600);
  const scanned = { tables: [later, inner, outer, table(0, 50)] } as unknown as ScannedDocument;
  assert.equal(tableAround(scanned, { start: 160, end: 170 }), inner);
  assert.equal(tableAround(scanned, { start: 250, end: 260 }), outer, 'after the inner table, still in the outer one');
  assert.equal(tableAround(scanned, { start: 520, end: 530 }), later);
  assert.equal(tableAround(scanned, { start: 450, end: 460 }), undefined);
  assert.equal(tableAround(scanned, { start: 390, end: 410 }), undefined, 'a span running out of a table is not in it');
  assert.equal(tableAround({ tables: [] } as unknown as ScannedDocument, { start: 1, end: 2 }), undefined);
});

/** The paragraph and sentence around a span found by scanning out from it: the model the indexed search must agree with. */
function scannedAround(text: string, span: { start: number; end: number }) {
  const before = text.lastIndexOf('\n\n', span.start);
  const after = text.indexOf('\n\n', span.end);
  const block = { start: before < 0 ? 0 : before, end: after < 0 ? text.length : after };
  const ends = /[.!?](\s|$)/g;
  let start = block.start;
  ends.lastIndex = block.start;
  for (let match = ends.exec(text); match && match.index < span.start && match.index < block.end; match = ends.exec(text)) start = match.index + 1;
  ends.lastIndex = span.end;
  const end = ends.exec(text);
  return { block, sentence: { start, end: end && end.index < block.end ? end.index + 1 : block.end } };
}

test('paragraph and sentence around a span: the indexed search agrees with scanning out from the span', () => {
  let seed = 11;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pieces = ['Ki 4.3 nM', '. ', '.', '!\n', '?', ' ', '\n', '\n\n', '\n\n\n', 'e.g. x', '4.3'];
  for (let round = 0; round < 300; round++) {
    let text = '';
    for (let count = random(30); count >= 0; count--) text += pieces[random(pieces.length)];
    const scanned = { text, masked: text, tables: [] } as unknown as ScannedDocument;
    for (let probe = 0; probe < 20; probe++) {
      const start = random(text.length + 1);
      const span = { start, end: Math.min(text.length, start + random(6)) };
      const expected = scannedAround(text, span);
      assert.deepEqual(blockAround(scanned, span), expected.block, JSON.stringify({ text, span }));
      assert.deepEqual(sentenceAround(scanned, span), expected.sentence, JSON.stringify({ text, span }));
    }
  }
});
