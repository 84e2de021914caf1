import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidOpenTextDocumentNotification, HoverRequest, type MarkupContent, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
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

test('the workspace .pharmalens.json (shared with the CLI) sets severities for the server too', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-config-'));
  writeFileSync(path.join(folder, '.pharmalens.json'), JSON.stringify({ severity: { 'affinity.unit-slip': 'off' } }));
  const server = await startServer({ rootUri: pathToFileURL(folder).href });
  const published: PublishDiagnosticsParams[] = [];
  server.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
  });
  try {
    const uri = pathToFileURL(path.join(folder, 'paper.md')).href;
    const text = 'Amitriptyline binds SERT with a Ki of 3.45 µM [@x]. Its Ki at NET was 1330 nM [@x].\n';
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    for (let attempt = 0; attempt < 200 && !published.some((params) => params.uri === uri); attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
    const codes = published.find((params) => params.uri === uri)?.diagnostics.map((diagnostic) => diagnostic.code);
    assert.deepEqual(codes, ['affinity.decimal-slip']);
  } finally {
    await server.stop();
  }
});

test('hover settings reach the server through workspace/configuration, at start and on change', async () => {
  let hoverSection: unknown = { sections: { affinities: false } };
  const server = await startServer({ capabilities: { workspace: { configuration: true } } }, (connection) => {
    connection.onRequest('workspace/configuration', () => [{ hover: hoverSection }]);
  });
  try {
    const uri = pathToFileURL('/virtual/hover-settings.md').href;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Amitriptyline binds SERT.\n' } });
    const card = async () => {
      const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
      return (hover?.contents as MarkupContent).value;
    };
    let text = await card();
    for (let attempt = 0; attempt < 100 && /\| Target \|/.test(text); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      text = await card();
    }
    assert.doesNotMatch(text, /\| Target \|/, 'the affinity table is left out');
    assert.match(text, /Amitriptyline/);
    hoverSection = { layout: 'full', maxAffinityRows: 3 };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    for (let attempt = 0; attempt < 100 && !/\| Target \|/.test(text); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      text = await card();
    }
    assert.equal(text.split('\n').filter((line) => line.startsWith('| ') && !/^\| (Target|---)/.test(line)).length, 3);
    assert.match(text, /more rows? not shown/);
  } finally {
    await server.stop();
  }
});

test('a client that declares the entry command gets cards linking the whole entry; a malformed command name is ignored', async () => {
  for (const [entryCommand, linked] of [['pharmalens.openKnowledgeBaseEntry', true], ['x;rm -rf /', false], [42, false]] as const) {
    const server = await startServer({ initializationOptions: { entryCommand } });
    try {
      const uri = pathToFileURL('/virtual/entry-link.md').href;
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Amitriptyline binds SERT.\n' } });
      const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
      const card = (hover?.contents as MarkupContent).value;
      const link = /\]\(command:pharmalens\.openKnowledgeBaseEntry\?([^)]+)\)/.exec(card);
      assert.equal(Boolean(link), linked, card);
      if (link) assert.deepEqual(JSON.parse(decodeURIComponent(link[1])), [uri, { line: 0, character: 0 }]);
      assert.doesNotMatch(card, /\]\(command:(?!pharmalens\.openKnowledgeBaseEntry\?)/);
    } finally {
      await server.stop();
    }
  }
});
