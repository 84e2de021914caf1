import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { ConfigurationRequest, DidOpenTextDocumentNotification, InlayHintRequest, type InlayHint } from 'vscode-languageserver-protocol/node';
import { KNOWLEDGE_BASE_ENTRY_REQUEST, type KnowledgeBaseEntry } from '../server/src/protocol';
import { startServer, type RunningServer } from './helpers/server';

const uri = pathToFileURL('/virtual/hints.md').href;
const text = 'Amitriptyline binds the serotonin transporter (SERT) with a Ki of 3.45 nM.\n';
const wholeDocument = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };

async function openManuscript(server: RunningServer): Promise<void> {
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
}

async function inlayHints(server: RunningServer): Promise<InlayHint[]> {
  return (await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: wholeDocument })) ?? [];
}

test('inlay hints are off by default and the server says it provides them', async () => {
  const server = await startServer();
  try {
    assert.ok(server.initialized.capabilities.inlayHintProvider);
    await openManuscript(server);
    assert.deepEqual(await inlayHints(server), []);
  } finally {
    await server.stop();
  }
});

test('inlay hints enabled through initializationOptions show the pKi after the quoted Ki', async () => {
  const server = await startServer({ initializationOptions: { inlayHints: { enabled: true } } });
  try {
    await openManuscript(server);
    const hints = await inlayHints(server);
    assert.deepEqual(hints, [{ position: { line: 0, character: text.indexOf(' nM.') + 3 }, label: 'pKi 8.46', paddingLeft: true }]);
  } finally {
    await server.stop();
  }
});

test('pharmalens.inlayHints.enabled is read through workspace/configuration', async () => {
  let asked = false;
  const server = await startServer({ capabilities: { workspace: { configuration: true } } }, (connection) =>
    connection.onRequest(ConfigurationRequest.type, (params) => {
      asked = true;
      return params.items.map(() => ({ inlayHints: { enabled: true } }));
    }),
  );
  try {
    for (let attempt = 0; attempt < 100 && !asked; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(asked, 'the server asked for its settings');
    await openManuscript(server);
    let labels: string[] = [];
    // The answer to workspace/configuration reaches the server a moment after the request was seen here.
    for (let attempt = 0; attempt < 100 && labels.length === 0; attempt++) {
      labels = (await inlayHints(server)).map((hint) => (typeof hint.label === 'string' ? hint.label : ''));
      if (labels.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.deepEqual(labels, ['pKi 8.46']);
  } finally {
    await server.stop();
  }
});

test('pharmalens/knowledgeBaseEntry returns the compound under the cursor with its affinities and references', async () => {
  const server = await startServer();
  try {
    await openManuscript(server);
    const entry = await server.connection.sendRequest<KnowledgeBaseEntry | null>(KNOWLEDGE_BASE_ENTRY_REQUEST, { uri, position: { line: 0, character: 3 } });
    assert.ok(entry && entry.kind === 'compound', JSON.stringify(entry)?.slice(0, 200));
    assert.equal(entry.compound.id, 'amitriptyline');
    assert.ok(entry.affinities.length > 0);
    assert.ok(entry.affinities.every((record) => record.compound === 'amitriptyline'));
    const referenceIds = new Set(entry.references.map((reference) => reference.id));
    assert.ok(entry.affinities.every((record) => referenceIds.has(record.referenceId)));
  } finally {
    await server.stop();
  }
});

test('pharmalens/knowledgeBaseEntry returns the target under the cursor, and null off any name or for a closed document', async () => {
  const server = await startServer();
  try {
    await openManuscript(server);
    const target = await server.connection.sendRequest<KnowledgeBaseEntry | null>(KNOWLEDGE_BASE_ENTRY_REQUEST, { uri, position: { line: 0, character: text.indexOf('SERT') + 1 } });
    assert.ok(target && target.kind === 'target', JSON.stringify(target)?.slice(0, 200));
    assert.equal(target.target.id, 'SLC6A4');
    assert.ok(target.affinities.every((record) => record.target === 'SLC6A4'));
    const offName = await server.connection.sendRequest<KnowledgeBaseEntry | null>(KNOWLEDGE_BASE_ENTRY_REQUEST, { uri, position: { line: 0, character: text.indexOf('with') + 1 } });
    assert.equal(offName, null);
    const closed = await server.connection.sendRequest<KnowledgeBaseEntry | null>(KNOWLEDGE_BASE_ENTRY_REQUEST, { uri: 'file:///nowhere/closed.md', position: { line: 0, character: 0 } });
    assert.equal(closed, null);
  } finally {
    await server.stop();
  }
});
