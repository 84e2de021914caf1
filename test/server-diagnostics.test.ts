import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  PublishDiagnosticsNotification,
  type CodeAction,
  type MarkupContent,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { startServer, type RunningServer } from './helpers/server';

let server: RunningServer;
const published: PublishDiagnosticsParams[] = [];

before(async () => {
  server = await startServer();
  server.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
  });
});

after(() => server.stop());

/** The diagnostics published for a version, hints (uncited values) left out. */
async function diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const found = published.find((params) => params.uri === uri && params.version === version);
    if (found) return { ...found, diagnostics: found.diagnostics.filter((diagnostic) => diagnostic.severity !== 4) };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no diagnostics published for ${uri} version ${version}`);
}

test('a misquoted value gets a diagnostic; its quick fix, applied to the file on disk, makes it go away', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-'));
  const file = path.join(folder, 'paper.md');
  const text = '# Results\n\nAmitriptyline binds the serotonin transporter (SERT) with a Ki of 3.45 µM.\n';
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const { diagnostics } = await diagnosticsFor(uri, 1);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].code, 'affinity.unit-slip');
  assert.equal(diagnostics[0].source, 'pharmalens');

  const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 68 } });
  assert.match((hover?.contents as MarkupContent).value, /affinity\.unit-slip/);

  const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostics[0].range,
    context: { diagnostics },
  })) as CodeAction[];
  assert.deepEqual(actions.map((action) => action.title).slice(0, 1), ['Change the unit to nM']);
  assert.ok(actions.some((action) => action.title.startsWith('Suppress affinity.unit-slip')));
  const edits = actions[0].edit?.changes?.[uri] as TextEdit[];
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, readFileSync(file, 'utf8')), edits);
  writeFileSync(file, fixed);
  assert.match(readFileSync(file, 'utf8'), /a Ki of 3\.45 nM\./);

  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  assert.deepEqual((await diagnosticsFor(uri, 2)).diagnostics, []);
});

test('the suppress action writes a magic comment that silences the diagnostic', async () => {
  const uri = pathToFileURL('/virtual/suppress.md').href;
  const text = 'Amitriptyline binds SERT with a Ki of 2000 nM.\n';
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const { diagnostics } = await diagnosticsFor(uri, 1);
  assert.equal(diagnostics[0].code, 'affinity.mismatch');
  const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
  const suppress = actions.find((action) => action.title === 'Suppress affinity.mismatch on this line');
  assert.ok(suppress);
  const suppressed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), suppress.edit?.changes?.[uri] as TextEdit[]);
  assert.equal(suppressed, '<!-- pharmalens-disable-next-line affinity.mismatch -->\nAmitriptyline binds SERT with a Ki of 2000 nM.\n');
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: suppressed }] });
  assert.deepEqual((await diagnosticsFor(uri, 2)).diagnostics, []);
});

for (const [ending, label] of [['\n', 'a final newline'], ['', 'no final newline']] as const) {
  test(`suppressing in a Markdown table brackets the whole table (table at the end of a file with ${label})`, async () => {
    const uri = pathToFileURL(`/virtual/table-suppress-${label.length}.md`).href;
    const table = '| Compound | Target | Ki (nM) |\n|---|---|---|\n| amitriptyline | SERT | 2000 |';
    const text = `Affinities of amitriptyline.\n\n${table}${ending}`;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const { diagnostics } = await diagnosticsFor(uri, 1);
    const mismatch = diagnostics.filter((diagnostic) => diagnostic.code === 'affinity.mismatch');
    assert.equal(mismatch.length, 1, JSON.stringify(diagnostics));
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: mismatch[0].range, context: { diagnostics: mismatch } })) as CodeAction[];
    const suppress = actions.find((action) => action.title === 'Suppress affinity.mismatch in this table');
    assert.ok(suppress, actions.map((action) => action.title).join(', '));
    const suppressed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), suppress.edit?.changes?.[uri] as TextEdit[]);
    assert.equal(
      suppressed,
      `Affinities of amitriptyline.\n\n<!-- pharmalens-disable affinity.mismatch -->\n${table}\n<!-- pharmalens-enable affinity.mismatch -->${ending}`,
    );
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: suppressed }] });
    assert.deepEqual((await diagnosticsFor(uri, 2)).diagnostics.filter((diagnostic) => diagnostic.code === 'affinity.mismatch'), []);
  });
}

test('a malformed .bib open in the editor gets a diagnostic naming the line; its good entries still resolve', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-bib-'));
  const bibText = '@article{good, title = {Fine}, year = {2000}}\n@article{broken, title = {Unclosed\n@article{also, title = {Fine too}, year = {2001}}\n';
  writeFileSync(path.join(folder, 'refs.bib'), bibText);
  const bibUri = pathToFileURL(path.join(folder, 'refs.bib')).href;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: bibUri, languageId: 'bibtex', version: 1, text: bibText } });
  const bibDiagnostics = (await diagnosticsFor(bibUri, 1)).diagnostics;
  assert.ok(bibDiagnostics.some((diagnostic) => diagnostic.code === 'bibtex.syntax' && /line 2/.test(String(diagnostic.message))), JSON.stringify(bibDiagnostics));

  const texUri = pathToFileURL(path.join(folder, 'paper.tex')).href;
  const tex = '\\addbibresource{refs.bib}\nText \\cite{good,also,gone}.\n';
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: texUri, languageId: 'latex', version: 1, text: tex } });
  const texDiagnostics = (await diagnosticsFor(texUri, 1)).diagnostics;
  assert.deepEqual(texDiagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.character]), [['citation.unresolved', 21]]);
});

test('a broken .bib that a manuscript uses gets its diagnostics even when it is not open', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-bib-'));
  writeFileSync(path.join(folder, 'refs.bib'), '@article{good, title = {Fine}}\n@article{bad title = {No comma}}\n');
  const texUri = pathToFileURL(path.join(folder, 'paper.tex')).href;
  const bibUri = pathToFileURL(path.join(folder, 'refs.bib')).href;
  const tex = '\\addbibresource{refs.bib}\nText \\cite{good}.\n';
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: texUri, languageId: 'latex', version: 1, text: tex } });
  for (let attempt = 0; attempt < 200 && !published.some((params) => params.uri === bibUri); attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
  const bib = published.find((params) => params.uri === bibUri);
  assert.ok(bib?.diagnostics.some((diagnostic) => diagnostic.code === 'bibtex.syntax' && /line 2/.test(String(diagnostic.message))), JSON.stringify(bib));
});
