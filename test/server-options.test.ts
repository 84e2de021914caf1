import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type MarkupContent,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';

const root = path.resolve(__dirname, '..');

test('extra knowledge-base files: relative to the workspace, a bad one reported by message, the good one used', async () => {
  const server = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const messages: ShowMessageParams[] = [];
  connection.onNotification('window/showMessage', (message: ShowMessageParams) => {
    messages.push(message);
  });
  connection.listen();
  try {
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(path.join(root, 'test/fixtures/kb')).href,
      capabilities: {},
      workspaceFolders: null,
      initializationOptions: { knowledgeBaseFiles: ['extra-bad-json.json', 'extra-valid.json'] },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    const uri = pathToFileURL('/virtual/lab.md').href;
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: 'pharmalensamine binds SERT\n' } });
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.match((hover?.contents as MarkupContent).value, /Pharmalensamine\*\* — investigational/);
    for (let attempt = 0; attempt < 50 && messages.length === 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(messages.length, 1);
    assert.match(messages[0].message, /extra-bad-json\.json:4:3: invalid JSON/);
  } finally {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    connection.dispose();
  }
});
