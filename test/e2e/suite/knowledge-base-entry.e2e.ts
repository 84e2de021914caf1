/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverOnceAnswered, openInEditor, positionOfWord } from './helpers';

interface Reference {
  id: string;
  citationKey: string;
}
interface AffinityRecord {
  compound: string;
  target?: string;
  measure: string;
  valueNm: number;
  referenceId: string;
}
interface Entry {
  kind: 'compound' | 'target';
  compound?: { id: string; name: string };
  target?: { id: string; name: string; abbreviation?: string; genes: { human?: string } };
  affinities: AffinityRecord[];
  references: Reference[];
}

/** Runs Open Knowledge-Base Entry with the cursor at `position` of `document` (shown in the active editor). */
async function entryAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.TextDocument | undefined> {
  // Always the first column: after an entry editor beside it closes, focus may sit in an empty second group, where a
  // second editor of the same document would open while the command still sees the first one as active.
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
  for (let attempt = 0; attempt < 40 && vscode.window.activeTextEditor !== editor; attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(vscode.window.activeTextEditor, editor, 'the manuscript editor is active');
  assert.ok(editor.selection.active.isEqual(position), 'the cursor is where the test put it');
  return vscode.commands.executeCommand<vscode.TextDocument | undefined>('pharmalens.openKnowledgeBaseEntry');
}

/** Parses the entry document and closes its (read-only) editor. */
async function readAndClose(entry: vscode.TextDocument): Promise<Entry> {
  assert.equal(entry.languageId, 'json');
  assert.equal(entry.uri.scheme, 'pharmalens-entry', 'a read-only document of its own');
  const text = entry.getText();
  if (vscode.window.activeTextEditor?.document === entry) await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  return JSON.parse(text) as Entry;
}

/** Every record cites a reference the entry lists, and every listed reference is cited. */
function assertReferencesMatch(entry: Entry): void {
  assert.ok(entry.affinities.length > 0, 'no affinity records');
  const listed = new Set(entry.references.map((reference) => reference.id));
  const cited = new Set(entry.affinities.map((record) => record.referenceId));
  for (const id of cited) assert.ok(listed.has(id), `record cites ${id}, which the entry does not list`);
  for (const id of listed) assert.ok(cited.has(id), `the entry lists ${id}, which no record cites`);
  for (const reference of entry.references) assert.ok(reference.citationKey, `reference ${reference.id} has no citation key`);
}

suite('PharmaLens Open Knowledge-Base Entry', () => {
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    document = await openInEditor('test/e2e/fixture/review.md');
    // The server may still be starting: wait until it answers hovers.
    assert.match(await hoverOnceAnswered(document, positionOfWord(document, 'amitriptyline', 'i')), /Amitriptyline/);
  });

  test('on a compound: its entry as JSON, with its affinity records and their references', async () => {
    const opened = await entryAt(document, positionOfWord(document, 'amitriptyline', 'i'));
    assert.ok(opened, 'the command opened no document');
    const entry = await readAndClose(opened);
    assert.equal(entry.kind, 'compound');
    assert.equal(entry.compound?.id, 'amitriptyline');
    assert.match(entry.compound?.name ?? '', /^amitriptyline$/i);
    assert.ok(entry.affinities.every((record) => record.compound === entry.compound?.id), 'a record of another compound');
    assert.ok(entry.affinities.some((record) => record.target === 'SLC6A4' && record.measure === 'Ki'), 'no Ki at SERT (SLC6A4)');
    assertReferencesMatch(entry);
  });

  test('on a target named by the caller (uri, position): its entry as JSON, with the records at it and their references', async () => {
    // The place as arguments, as a link or another extension would call it (the cursor path is tested above and below).
    const position = positionOfWord(document, 'SERT');
    const opened = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('pharmalens.openKnowledgeBaseEntry', document.uri, position);
    assert.ok(opened, 'the command opened no document');
    const entry = await readAndClose(opened);
    assert.equal(entry.kind, 'target', `got the entry of ${entry.compound?.id ?? entry.target?.id}`);
    assert.equal(entry.target?.genes.human, 'SLC6A4');
    assert.ok(entry.affinities.every((record) => record.target === entry.target?.id), 'a record at another target');
    assert.ok(entry.affinities.some((record) => record.compound === 'amitriptyline'), 'no amitriptyline record at SERT');
    assertReferencesMatch(entry);
  });

  test('on a plain English word: no document, and the command still works afterwards', async () => {
    const editorsBefore = vscode.window.visibleTextEditors.length;
    assert.equal(await entryAt(document, positionOfWord(document, 'sedation')), undefined);
    assert.equal(vscode.window.visibleTextEditors.length, editorsBefore);
    const opened = await entryAt(document, positionOfWord(document, 'hERG'));
    assert.ok(opened, 'no entry for hERG after the miss');
    assert.equal((await readAndClose(opened)).target?.genes.human, 'KCNH2');
  });
});
