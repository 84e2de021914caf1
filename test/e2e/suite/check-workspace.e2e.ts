/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CheckFilesResult } from '../../../server/src/protocol';
import { EXTENSION_ID } from './helpers';

function diagnosticCodes(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'pharmalens')
    .map((diagnostic) => String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code));
}

suite('PharmaLens: check the workspace', () => {
  test('checks every manuscript of the workspace, open or not, and fills the Problems data', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the e2e workspace folder is open');
    const misquote = vscode.Uri.joinPath(folder, 'misquote.md');

    const result = await vscode.commands.executeCommand<CheckFilesResult | undefined>('pharmalens.checkWorkspace');
    assert.ok(result, 'the command returns the check result');
    const checked = result.files.map((file) => vscode.Uri.parse(file.uri).path.slice(folder.path.length + 1));
    for (const name of ['misquote.md', 'review.md', 'review.tex']) assert.ok(checked.includes(name), `${name} not among ${checked.join(', ')}`);
    assert.equal(result.cancelled, false);
    assert.deepEqual(result.unreadable, []);
    const misquoteCounts = result.files.find((file) => vscode.Uri.parse(file.uri).path === misquote.path);
    assert.equal(misquoteCounts?.errors, 1);
    assert.ok(diagnosticCodes(misquote).includes('affinity.unit-slip'), `Problems data for misquote.md: ${diagnosticCodes(misquote).join(', ')}`);
  });
});
