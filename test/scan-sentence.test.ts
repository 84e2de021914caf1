import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tableAround } from '../server/src/service/scan/sentence';
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
