import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidOpenTextDocumentNotification, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { projectRoot, startServer } from './helpers/server';

test('extra knowledge-base files: relative to the workspace, a bad one reported by message, the good one used', async () => {
  const server = await startServer({
    rootUri: pathToFileURL(path.join(projectRoot, 'test/fixtures/kb')).href,
    initializationOptions: { knowledgeBaseFiles: ['extra-bad-json.json', 'extra-valid.json'] },
  });
  try {
    const uri = pathToFileURL('/virtual/lab.md').href;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: 'pharmalensamine binds SERT\n' } });
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.match((hover?.contents as MarkupContent).value, /Pharmalensamine\*\* — investigational/);
    for (let attempt = 0; attempt < 50 && server.messages.length === 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(server.messages.length, 1);
    assert.match(server.messages[0].message, /extra-bad-json\.json:4:3: invalid JSON/);
  } finally {
    await server.stop();
  }
});
