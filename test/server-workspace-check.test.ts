import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  FileChangeType,
  DidOpenTextDocumentNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { CHECK_FILES_REQUEST, checkSummary, type CheckFilesResult } from '../server/src/protocol';
import { projectRoot, startServer, type RunningServer } from './helpers/server';

const MISQUOTE = readFileSync(path.join(projectRoot, 'test/e2e/fixture/misquote.md'), 'utf8');
const CORRECT = 'Amitriptyline binds the serotonin transporter (SERT) with a Ki of 3.45 nM.\n';

let root: string;
let server: RunningServer;
const published = new Map<string, PublishDiagnosticsParams[]>();
const progress: { token: string | number; value: { kind: string; message?: string } }[] = [];

function write(relative: string, text: string): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return pathToFileURL(file).href;
}

function lastPublished(uri: string): PublishDiagnosticsParams | undefined {
  return published.get(uri)?.at(-1);
}

before(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'pl-check-'));
  write('paper/misquote.md', MISQUOTE);
  write('paper/correct.tex', `\\documentclass{article}\n\\begin{document}\n${CORRECT}\\end{document}\n`);
  write('node_modules/pkg/README.md', MISQUOTE);
  write('.quarto/cache.md', MISQUOTE);
  write('paper/notes.txt', MISQUOTE);
  server = await startServer({ rootUri: pathToFileURL(root).href }, (connection) => {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      published.set(params.uri, [...(published.get(params.uri) ?? []), params]);
    });
    connection.onNotification('$/progress', (params: { token: string | number; value: { kind: string; message?: string } }) => {
      progress.push(params);
    });
  });
});

after(async () => {
  await server.stop();
  rmSync(root, { recursive: true, force: true });
});

test('pharmalens/checkFiles without a list checks every manuscript under the workspace root and publishes its diagnostics', async () => {
  const result = await server.connection.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { workDoneToken: 'check-1' });
  const misquote = pathToFileURL(path.join(root, 'paper/misquote.md')).href;
  const correct = pathToFileURL(path.join(root, 'paper/correct.tex')).href;
  assert.deepEqual(result.files.map((file) => file.uri).sort(), [misquote, correct].sort(), 'node_modules, hidden folders and other files are skipped');
  assert.deepEqual(result.files.find((file) => file.uri === misquote), { uri: misquote, errors: 1, warnings: 0, information: 0, hints: 1 });
  assert.equal(result.cancelled, false);
  assert.deepEqual(lastPublished(misquote)?.diagnostics.map((diagnostic) => diagnostic.code), ['affinity.unit-slip', 'citation.missing']);
  assert.deepEqual(lastPublished(correct)?.diagnostics.map((diagnostic) => diagnostic.code), ['citation.missing']);
  assert.equal(checkSummary(result), '1 error, 2 hints in 2 of 2 manuscripts');
  const kinds = progress.filter((entry) => entry.token === 'check-1').map((entry) => entry.value.kind);
  assert.deepEqual(kinds, ['begin', 'report', 'report', 'end']);
});

test('pharmalens/checkFiles names a file it cannot read and goes on with the others', async () => {
  const missing = pathToFileURL(path.join(root, 'paper/missing.md')).href;
  const misquote = pathToFileURL(path.join(root, 'paper/misquote.md')).href;
  const result = await server.connection.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: [missing, misquote] });
  assert.equal(result.files.length, 1);
  assert.equal(result.unreadable.length, 1);
  assert.equal(result.unreadable[0].uri, missing);
  assert.match(result.unreadable[0].message, /missing\.md: cannot read \(ENOENT\)/);
  assert.match(checkSummary(result), /1 file could not be read/);
});

test('an open manuscript is checked in its edited text; closing it shows the saved text\'s diagnostics again', async () => {
  const uri = pathToFileURL(path.join(root, 'paper/misquote.md')).href;
  await server.connection.sendRequest(CHECK_FILES_REQUEST, { uris: [uri] });
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: CORRECT } });
  const result = await server.connection.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: [uri] });
  assert.equal(result.files[0].errors, 0, 'the open text has no misquote');
  const before = published.get(uri)?.length ?? 0;
  await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  for (let i = 0; i < 100 && (published.get(uri)?.length ?? 0) === before; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(lastPublished(uri)?.diagnostics.map((diagnostic) => diagnostic.code), ['affinity.unit-slip', 'citation.missing']);
});

test('pharmalens/checkFiles stops between files when cancelled and says so', async () => {
  const uris = Array.from({ length: 40 }, (_, index) => write(`many/paper-${index}.md`, MISQUOTE));
  const source = new CancellationTokenSource();
  const pending = server.connection.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris }, source.token);
  source.cancel();
  const result = await pending;
  assert.equal(result.cancelled, true);
  assert.ok(result.files.length < uris.length, `${result.files.length} files checked`);
  assert.match(checkSummary(result), /cancelled/);
});

test('a manuscript checked from disk is checked again when it changes on disk, and cleared when deleted', async () => {
  const uri = write('watched/paper.md', MISQUOTE);
  await server.connection.sendRequest(CHECK_FILES_REQUEST, { uris: [uri] });
  assert.deepEqual(lastPublished(uri)?.diagnostics.map((diagnostic) => diagnostic.code), ['affinity.unit-slip', 'citation.missing']);
  const count = () => publishedCount(uri);
  let before = count();
  write('watched/paper.md', CORRECT);
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });
  for (let i = 0; i < 100 && count() === before; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(lastPublished(uri)?.diagnostics.map((diagnostic) => diagnostic.code), ['citation.missing']);
  before = count();
  rmSync(new URL(uri));
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Deleted }] });
  for (let i = 0; i < 100 && count() === before; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(lastPublished(uri)?.diagnostics, []);
});

function publishedCount(uri: string): number {
  return published.get(uri)?.length ?? 0;
}
