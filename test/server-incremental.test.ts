import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { projectRoot, startServer } from './helpers/server';
import { randomEdit, seededRandom } from './helpers/random-edits';

/** What a client compares: code, range, severity and message of each diagnostic. */
function shown(params: PublishDiagnosticsParams | undefined): string[] {
  return (params?.diagnostics ?? []).map((diagnostic) => `${String(diagnostic.code)} ${JSON.stringify(diagnostic.range)} ${diagnostic.severity} ${diagnostic.message}`);
}

test('typed edits through the server: the diagnostics of every version equal those of the same text opened afresh', async () => {
  const published = new Map<string, PublishDiagnosticsParams>();
  const waiters: { uri: string; version: number; resolve: () => void }[] = [];
  const server = await startServer({}, (connection) => {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      published.set(`${params.uri}@${params.version}`, params);
      for (const waiter of waiters.filter((candidate) => candidate.uri === params.uri && candidate.version === params.version)) waiter.resolve();
    });
  });
  const diagnosticsOf = (uri: string, version: number) =>
    published.has(`${uri}@${version}`) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ uri, version, resolve }));
  try {
    const text = readFileSync(path.join(projectRoot, 'examples/amitriptyline-review.md'), 'utf8') + readFileSync(path.join(projectRoot, 'test/fixtures/real/202_wikipedia_pimavanserin_pharmacodynamics.qmd'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '\n');
    const edited = 'file:///w/edited.md';
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: edited, languageId: 'markdown', version: 1, text } });
    await diagnosticsOf(edited, 1);
    const document = TextDocument.create(edited, 'markdown', 1, text);
    const random = seededRandom(4);
    for (let version = 2; version <= 25; version++) {
      const before = document.getText();
      const after = randomEdit(before, random);
      let start = 0;
      while (start < Math.min(before.length, after.length) && before[start] === after[start]) start++;
      let tail = 0;
      while (tail < Math.min(before.length, after.length) - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
      const change = { range: { start: document.positionAt(start), end: document.positionAt(before.length - tail) }, text: after.slice(start, after.length - tail) };
      TextDocument.update(document, [change], version);
      server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: edited, version }, contentChanges: [change] });
      await diagnosticsOf(edited, version);
      const fresh = `file:///w/fresh-${version}.md`;
      server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: fresh, languageId: 'markdown', version: 1, text: document.getText() } });
      await diagnosticsOf(fresh, 1);
      assert.deepEqual(shown(published.get(`${edited}@${version}`)), shown(published.get(`${fresh}@1`)), `version ${version}`);
      server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
    }
  } finally {
    await server.stop();
  }
});
