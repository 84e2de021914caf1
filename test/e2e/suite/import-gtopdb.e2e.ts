/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { hoverOnceAnswered, openInEditor, positionOfWord, projectRoot } from './helpers';

interface ImportResult {
  outFile: string;
  release: string;
  records: number;
  skippedRows: number;
  summary: string[];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Hovers until the card matches (the server restarts with the new knowledge base) or 45 s pass. */
async function hoverUntil(document: vscode.TextDocument, position: vscode.Position, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 45_000;
  let text = await hoverOnceAnswered(document, position);
  while (!pattern.test(text) && Date.now() < deadline) {
    await sleep(500);
    text = await hoverOnceAnswered(document, position);
  }
  return text;
}

suite('PharmaLens Import GtoPdb Download…', () => {
  const workspaceSettings = path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', '.vscode');
  const hadWorkspaceSettings = fs.existsSync(workspaceSettings);
  let folder: string;

  suiteSetup(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pharmalens-gtopdb-'));
    for (const name of ['interactions.csv', 'ligands.csv', 'targets_and_families.csv']) {
      fs.copyFileSync(path.join(projectRoot().fsPath, 'test/fixtures/gtopdb/current', name), path.join(folder, name));
    }
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('pharmalens').update('knowledgeBase.extraFiles', undefined, vscode.ConfigurationTarget.Workspace);
    if (!hadWorkspaceSettings) fs.rmSync(workspaceSettings, { recursive: true, force: true });
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('imports a download in the current layout, uses it in place of the bundled GtoPdb records, and the JSON editor validates it', async () => {
    const manuscriptPath = path.join(folder, 'opioid.md');
    fs.writeFileSync(manuscriptPath, 'Morphine binds the μ-opioid receptor with a Ki of 2 nM.\n');
    await openInEditor('test/e2e/fixture/review.md');
    const files = ['interactions.csv', 'ligands.csv', 'targets_and_families.csv'].map((name) => vscode.Uri.file(path.join(folder, name)));
    const destination = vscode.Uri.file(path.join(folder, 'gtopdb.pharmalens-kb.json'));
    const result = await vscode.commands.executeCommand<ImportResult | undefined>('pharmalens.importGtopdb', files, destination, true);
    assert.ok(result, 'the import returned nothing');
    assert.equal(result.release, '2024.1');
    assert.equal(result.records, 3);
    assert.equal(result.skippedRows, 2, result.summary.join('\n'));
    assert.ok(result.summary.some((line) => /interactions\.csv:6: an affinity value is not a number/.test(line)), result.summary.join('\n'));
    assert.ok(fs.existsSync(destination.fsPath));
    assert.deepEqual(vscode.workspace.getConfiguration('pharmalens').get('knowledgeBase.extraFiles'), [destination.fsPath]);

    const manuscript = await vscode.workspace.openTextDocument(manuscriptPath);
    await vscode.window.showTextDocument(manuscript);
    const card = await hoverUntil(manuscript, positionOfWord(manuscript, 'Morphine'), /PMID 12345678/);
    assert.match(card, /\| \*\*μ receptor\*\* \| Ki \| 2 nM \| \[PMID 12345678 via GtoPdb\]\(https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/12345678\/\) \|/, card);
    // The bundled release's morphine records at κ and δ are replaced by the import, which has none.
    assert.doesNotMatch(card, /κ receptor/, card);

    const broken = vscode.Uri.file(path.join(folder, 'broken.pharmalens-kb.json'));
    fs.writeFileSync(broken.fsPath, '{\n  "compounds": [{ "id": "x" }]\n}\n');
    const json = await vscode.workspace.openTextDocument(broken);
    await vscode.window.showTextDocument(json);
    const deadline = Date.now() + 30_000;
    let messages: string[] = [];
    while (Date.now() < deadline) {
      messages = vscode.languages.getDiagnostics(broken).map((diagnostic) => diagnostic.message);
      if (messages.some((message) => /name/.test(message))) break;
      await sleep(250);
    }
    assert.ok(messages.some((message) => /Missing property "name"/.test(message)), `no schema diagnostic on ${broken.fsPath}: ${JSON.stringify(messages)}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
