/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, hoverOnceAnswered, openInEditor, positionOfWord } from './helpers';

interface PharmaLensApi {
  statusBarText(): Promise<string | undefined>;
}

async function hoverContents(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', document.uri, position);
  return (hovers ?? []).flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
}

suite('PharmaLens pharmalens.enable', () => {
  test('a language set to false gets no hovers and no status bar item until it is enabled again', async () => {
    const document = await openInEditor('test/e2e/fixture/review.tex');
    const position = positionOfWord(document, 'hERG');
    assert.match(await hoverOnceAnswered(document, position), /KCNH2/);
    const settings = vscode.workspace.getConfiguration('pharmalens');
    try {
      await settings.update('enable', { latex: false }, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('pharmalens.restartServer');
      assert.doesNotMatch(await hoverContents(document, position), /KCNH2/);
      const api = vscode.extensions.getExtension<PharmaLensApi>(EXTENSION_ID)?.exports;
      assert.equal(await api?.statusBarText(), undefined);
    } finally {
      await settings.update('enable', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('pharmalens.restartServer');
    }
    assert.match(await hoverOnceAnswered(document, position), /KCNH2/);
  });
});
