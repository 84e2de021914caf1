/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openInEditor } from './helpers';

const WAIT_MS = 20_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function labelOf(hint: vscode.InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

async function inlayHints(document: vscode.TextDocument): Promise<vscode.InlayHint[]> {
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  return (await vscode.commands.executeCommand<vscode.InlayHint[] | undefined>('vscode.executeInlayHintProvider', document.uri, whole)) ?? [];
}

/** Asks for the document's hints until `done` accepts them or the wait runs out; returns the last answer. */
async function inlayHintsUntil(document: vscode.TextDocument, done: (hints: vscode.InlayHint[]) => boolean): Promise<vscode.InlayHint[]> {
  const deadline = Date.now() + WAIT_MS;
  let hints = await inlayHints(document);
  while (!done(hints) && Date.now() < deadline) {
    await sleep(250);
    hints = await inlayHints(document);
  }
  return hints;
}

const describe = (hints: vscode.InlayHint[]): string =>
  hints.map((hint) => `${hint.position.line + 1}:${hint.position.character + 1} ${labelOf(hint)}`).join(', ') || '(no hints)';

suite('PharmaLens inlay hints (pharmalens.inlayHints.enabled)', () => {
  test('a Ki in nM gets its pKi right after the unit while the setting is on, and nothing once it is off', async () => {
    const document = await openInEditor('test/e2e/fixture/values.md');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    const settingsFile = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
    const hadSettings = await vscode.workspace.fs.stat(settingsFile).then(() => true, () => false);
    const settings = vscode.workspace.getConfiguration('pharmalens');
    assert.deepEqual(await inlayHints(document), [], 'hints while the setting is off (its default)');
    try {
      await settings.update('inlayHints.enabled', true, vscode.ConfigurationTarget.Workspace);
      const hints = await inlayHintsUntil(document, (found) => found.length > 0);
      assert.equal(hints.length, 1, describe(hints));
      assert.equal(labelOf(hints[0]), 'pKi 8.46');
      const valueEnd = document.getText().indexOf('3.45 nM') + '3.45 nM'.length;
      assert.deepEqual(hints[0].position, document.positionAt(valueEnd), describe(hints));
      assert.equal(hints[0].paddingLeft, true);
    } finally {
      await settings.update('inlayHints.enabled', false, vscode.ConfigurationTarget.Workspace);
      const hints = await inlayHintsUntil(document, (found) => found.length === 0);
      assert.deepEqual(hints.map(labelOf), [], 'hints after the setting was turned off');
      await settings.update('inlayHints.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      if (!hadSettings) await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, '.vscode'), { recursive: true });
    }
  });
});
