import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type MarkupContent,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { projectRoot as root, startServer, type RunningServer } from './helpers/server';

let server: RunningServer;
let connection: ProtocolConnection;

before(async () => {
  // The built server over stdio, as editors start it; the other protocol tests run it in-process.
  server = await startServer({}, undefined, { spawn: true });
  connection = server.connection;
  assert.equal(server.initialized.capabilities.hoverProvider, true);
});

after(() => server.stop());

async function open(file: string, languageId: string): Promise<{ uri: string; text: string }> {
  const text = readFileSync(path.join(root, file), 'utf8');
  const uri = pathToFileURL(path.join(root, file)).href;
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  return { uri, text };
}

function positionOf(text: string, needle: string, occurrence = 0): { line: number; character: number } {
  let offset = -1;
  for (let index = 0; index <= occurrence; index++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `"${needle}" not in the document`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length + 1 };
}

async function hoverText(uri: string, position: { line: number; character: number }): Promise<string | undefined> {
  const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

test('hover on a compound in Markdown shows its card with affinities and sources', async () => {
  const { uri, text } = await open('examples/amitriptyline-review.md', 'markdown');
  const card = await hoverText(uri, positionOf(text, 'Amitriptyline (Elavil)'));
  assert.ok(card);
  assert.match(card, /^\*\*Amitriptyline\*\* — tricyclic antidepressant/);
  assert.match(card, /\| \*\*SERT\*\* \|/, 'the review names SERT: its row first, in bold');
  assert.match(card, /doi\.org|pubmed/);
});

test('hover on a target in LaTeX shows its role and the document compound at it', async () => {
  const { uri, text } = await open('examples/amitriptyline-review.tex', 'latex');
  const card = await hoverText(uri, positionOf(text, 'hERG'));
  assert.ok(card);
  assert.match(card, /KCNH2/);
  assert.match(card, /QT/);
  assert.match(card, /amitriptyline/i);
});

test('no hover in a LaTeX comment, verbatim block or on plain words', async () => {
  const { uri, text } = await open('examples/amitriptyline-review.tex', 'latex');
  assert.equal(await hoverText(uri, positionOf(text, 'SERT is not prose')), undefined);
  assert.equal(await hoverText(uri, positionOf(text, 'SERT inside verbatim')), undefined);
  assert.equal(await hoverText(uri, positionOf(text, 'tricyclic')), undefined);
});

test('hover follows unsaved edits', async () => {
  const uri = pathToFileURL('/virtual/edit.md').href;
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: 'nothing here\n' } });
  assert.equal(await hoverText(uri, { line: 0, character: 2 }), undefined);
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } }, text: 'SERT' }],
  });
  assert.match((await hoverText(uri, { line: 0, character: 2 })) ?? '', /SLC6A4/);
});

test('malformed documents never crash the server', async () => {
  const uri = pathToFileURL('/virtual/junk.tex').href;
  const junk = `\\begin{table}{{{$$ \\cite{ ${'x'.repeat(100_000)} \u0000\uFFFD amitriptyline \\verb|`;
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'latex', version: 1, text: junk } });
  const card = await hoverText(uri, { line: 0, character: junk.indexOf('amitriptyline') + 2 });
  assert.match(card ?? '', /mitriptyline/);
});
