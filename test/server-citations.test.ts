import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionRequest, DidOpenTextDocumentNotification, type ClientCapabilities, type CodeAction, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { parseBibtex } from '../server/src/service/cite/bibtex';
import { scanDocument } from '../server/src/service/scan/index';
import { startServer, type RunningServer } from './helpers/server';

let server: RunningServer;
/** What VS Code declares: versioned edits and file creation. */
const EDITOR_CAPABILITIES: ClientCapabilities = { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } } };

before(async () => {
  server = await startServer({ capabilities: EDITOR_CAPABILITIES });
});
after(() => server.stop());

/** Applies a WorkspaceEdit to files on disk, as an editor would. */
function applyToDisk(edit: WorkspaceEdit): void {
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      assert.equal(change.kind, 'create');
      const file = fileURLToPath(change.uri);
      if (!existsSync(file)) writeFileSync(file, '');
      continue;
    }
    const file = fileURLToPath(change.textDocument.uri);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, TextDocument.applyEdits(TextDocument.create(change.textDocument.uri, 'plaintext', 0, text), change.edits as never));
  }
}

async function actionsAt(uri: string, text: string, needle: string): Promise<CodeAction[]> {
  const document = TextDocument.create(uri, 'plaintext', 1, text);
  const offset = text.indexOf(needle);
  const range = { start: document.positionAt(offset), end: document.positionAt(offset + needle.length) };
  return (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [] } })) as CodeAction[];
}

test('Markdown without a bibliography: citing the source creates references.bib, declares it and inserts [@key]', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-cite-'));
  const file = path.join(folder, 'paper.md');
  const text = '# Results\n\nAmitriptyline binds SERT with a Kd of 4.3 nM.\n';
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const actions = await actionsAt(uri, text, '4.3 nM');
  const cite = actions.find((action) => action.title.startsWith('Cite Tatsumi et al. 1997'));
  assert.ok(cite?.edit, actions.map((action) => action.title).join('; '));
  applyToDisk(cite.edit);

  const written = readFileSync(file, 'utf8');
  assert.match(written, /^---\nbibliography: references\.bib\n---\n/);
  const key = /\[@([^\]]+)\]/.exec(written)?.[1];
  assert.ok(key, written);
  assert.match(written, new RegExp(`a Kd of 4\\.3 nM \\[@${key}\\]\\.`));
  assert.deepEqual(scanDocument(written, 'markdown').citations.flatMap((citation) => citation.keys.map((entry) => entry.key)), [key]);
  const bib = parseBibtex(readFileSync(path.join(folder, 'references.bib'), 'utf8'));
  assert.deepEqual(bib.errors, []);
  const entry = bib.byKey.get(key);
  assert.equal(entry?.fields.pmid, '9537821');
  assert.equal(entry?.fields.year, '1997');
  assert.match(entry?.fields.journal ?? '', /Eur J Pharmacol/);
});

test('LaTeX with a .bib: replace a misquoted value and cite its source; other entries stay byte for byte', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-cite-'));
  const existing = '@article{other2001,\n  title = {Something else},\n  year = {2001}\n}\n';
  writeFileSync(path.join(folder, 'refs.bib'), existing);
  const file = path.join(folder, 'paper.tex');
  const text = '\\documentclass{article}\n\\usepackage{biblatex}\n\\addbibresource{refs.bib}\n\\begin{document}\nAmitriptyline binds SERT with a $K_d$ of 430 nM~\\cite{other2001}.\n\\end{document}\n';
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'latex', version: 1, text } });
  const actions = await actionsAt(uri, text, '430 nM');
  const replace = actions.find((action) => action.title.startsWith('Replace with 4.3 nM and cite Tatsumi et al. 1997'));
  assert.ok(replace?.edit, actions.map((action) => action.title).join('; '));
  applyToDisk(replace.edit);

  const written = readFileSync(file, 'utf8');
  assert.match(written, /a \$K_d\$ of 4\.3 nM~\\cite\{other2001, ?[\w-]+\}\./);
  const bibText = readFileSync(path.join(folder, 'refs.bib'), 'utf8');
  assert.ok(bibText.startsWith(existing), 'the existing entry is unchanged');
  const bib = parseBibtex(bibText);
  assert.deepEqual(bib.errors, []);
  assert.equal(bib.entries.length, 2);
  assert.equal(bib.entries[1].fields.pmid, '9537821');
});
