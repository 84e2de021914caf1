/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, pharmalensDiagnostics } from './helpers';

suite('PharmaLens getting-started walkthrough', () => {
  test('the walkthrough is contributed, and its example opens unsaved with the misquote the fix step names', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    await extension?.activate();
    const walkthroughs = (extension?.packageJSON as { contributes: { walkthroughs: { id: string; steps: unknown[] }[] } }).contributes.walkthroughs;
    assert.equal(walkthroughs[0]?.steps.length, 4);
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('pharmalens.openWalkthroughExample');
    assert.ok(document);
    assert.equal(document.isUntitled, true, 'nothing is written to disk');
    assert.equal(document.languageId, 'markdown');
    const diagnostics = await pharmalensDiagnostics(document.uri);
    const slip = diagnostics.find((diagnostic) => diagnostic.code === 'affinity.unit-slip');
    assert.ok(slip, diagnostics.map((diagnostic) => String(diagnostic.code)).join(', '));
    assert.equal(document.getText(slip.range), '4.3 µM');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, slip.range);
    assert.ok(actions.some((action) => action.title === 'Change the unit to nM'), actions.map((action) => action.title).join(', '));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
