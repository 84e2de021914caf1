import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { AFFINITY_TABLE_REQUEST, type AffinityTableRow } from '../server/src/protocol';
import { projectRoot, startServer, type RunningServer } from './helpers/server';

let server: RunningServer;

before(async () => {
  server = await startServer();
});

after(() => server.stop());

test('pharmalens/affinityTable returns the open manuscript\'s statements with their verdicts', async () => {
  const file = path.join(projectRoot, 'test/e2e/fixture/misquote.md');
  const uri = pathToFileURL(file).href;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(file, 'utf8') },
  });
  const rows = await server.connection.sendRequest<AffinityTableRow[]>(AFFINITY_TABLE_REQUEST, { uri });
  assert.equal(rows.length, 1);
  const [row] = rows;
  assert.deepEqual(
    { line: row.line, text: row.text, target: row.target, measure: row.measure, valueNm: row.valueNm, verdict: row.verdict, code: row.code },
    { line: 3, text: '3.45 µM', target: 'SERT', measure: 'Ki', valueNm: 3450, verdict: 'finding', code: 'affinity.unit-slip' },
  );
  assert.match(row.compound ?? '', /amitriptyline/i);
  assert.ok(row.referenceRange && row.referenceRange.lowNm < 10, JSON.stringify(row.referenceRange));
  assert.ok(row.sources.length > 0);
});

test('pharmalens/affinityTable answers [] for a document that is not open', async () => {
  const rows = await server.connection.sendRequest<AffinityTableRow[]>(AFFINITY_TABLE_REQUEST, { uri: 'file:///nowhere/closed.md' });
  assert.deepEqual(rows, []);
});
