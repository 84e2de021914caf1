/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openInEditor } from './helpers';

const DIAGNOSTIC_WAIT_MS = 45_000;

async function pharmalensDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + DIAGNOSTIC_WAIT_MS;
  for (;;) {
    const found = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'pharmalens');
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

suite('PharmaLens diagnostics and quick fixes', () => {
  test('a unit slip is flagged in the Problems data and its quick fix corrects the unit', async () => {
    const document = await openInEditor('test/e2e/fixture/misquote.md');
    const original = document.getText();
    try {
      const [diagnostic] = await pharmalensDiagnostics(document.uri);
      assert.ok(diagnostic, 'no PharmaLens diagnostic');
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      assert.equal(code, 'affinity.unit-slip');
      assert.equal(document.getText(diagnostic.range), '3.45 µM');

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
      const fix = actions.find((action) => action.title === 'Change the unit to nM');
      assert.ok(fix?.edit, `no unit fix among: ${actions.map((action) => action.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(document.getText(), /a Ki of 3\.45 nM\./);
    } finally {
      const restore = new vscode.WorkspaceEdit();
      restore.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
      await vscode.workspace.applyEdit(restore);
      await document.save();
    }
  });
});
