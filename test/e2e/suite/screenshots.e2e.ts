/// <reference types="mocha" />
// Takes the README's pictures in the real workbench: the hover card (test-artifacts/hover.png) and the quick-fix
// menu of a misquoted affinity (test-artifacts/quick-fix.png), through the web shim's screenshot service. In desktop
// VS Code (VSCODE_E2E_DESKTOP=1) nobody takes pictures: screenshot() returns undefined and the tests check the same
// contents through the vscode API only.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverOnceAnswered, openInEditor, pharmalensDiagnostics, placeCursor, screenshot } from './helpers';

/** The text of the editor line holding `text` (a Playwright selector), kept in the picture beside a widget. */
const lineWith = (text: string): string => `.monaco-editor .view-line > span:has-text(${JSON.stringify(text)})`;

suite('PharmaLens screenshots for the README', () => {
  setup(async () => {
    // Toasts left by earlier suites (e.g. "put the cursor on a compound…") would cover the widgets.
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  teardown(async () => {
    await vscode.commands.executeCommand('editor.action.hideHover');
    await vscode.commands.executeCommand('hideCodeActionWidget');
  });

  test('the hover card of amitriptyline, its table cut to pharmalens.hover.maxAffinityRows, pathways left out (hover.png)', async () => {
    const document = await openInEditor('test/e2e/fixture/review.md');
    const position = document.positionAt(document.getText().indexOf('Amitriptyline blocks') + 4);
    const card = await hoverOnceAnswered(document, position);
    assert.match(card, /Amitriptyline/);
    const settings = vscode.workspace.getConfiguration('pharmalens');
    await settings.update('hover.maxAffinityRows', 5, vscode.ConfigurationTarget.Global);
    await settings.update('hover.sections', { pathways: false }, vscode.ConfigurationTarget.Global);
    try {
      const rows = (text: string) => text.split('\n').filter((line) => /^\| [^-T]/.test(line)).length;
      let shortCard = await hoverOnceAnswered(document, position);
      for (let attempt = 0; attempt < 80 && (rows(shortCard) !== 5 || /Pathways and mechanisms/.test(shortCard)); attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        shortCard = await hoverOnceAnswered(document, position);
      }
      assert.equal(rows(shortCard), 5, shortCard);
      assert.match(shortCard, /\d+ more rows not shown/);
      assert.match(card, /Pathways and mechanisms/);
      assert.doesNotMatch(shortCard, /Pathways and mechanisms/);
      placeCursor(position);
      await vscode.commands.executeCommand('editor.action.showHover');
      const shot = await screenshot('hover', '.monaco-hover', { include: [lineWith('Amitriptyline blocks')], padding: 6 });
      if (shot) {
        assert.match(shot.text, /Amitriptyline/, shot.text);
        assert.match(shot.text, /\bKi\b/, shot.text);
        assert.match(shot.text, /more rows not shown/, 'the whole card fits in the picture');
        assert.ok(shot.width >= 600, `${shot.width}×${shot.height}`);
      }
    } finally {
      await settings.update('hover.maxAffinityRows', undefined, vscode.ConfigurationTarget.Global);
      await settings.update('hover.sections', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('the quick fixes of a misquoted affinity (quick-fix.png)', async () => {
    const document = await openInEditor('test/e2e/fixture/misquote.md');
    const [diagnostic] = await pharmalensDiagnostics(document.uri);
    assert.ok(diagnostic, 'no PharmaLens diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    assert.ok(actions.some((action) => action.title === 'Change the unit to nM'), actions.map((action) => action.title).join(', '));
    placeCursor(diagnostic.range.start.translate(0, 1));
    await vscode.commands.executeCommand('editor.action.quickFix');
    const shot = await screenshot('quick-fix', '.action-widget', { include: [lineWith('binds the serotonin')], padding: 8 });
    if (shot) assert.match(shot.text, /Change the unit to nM/, shot.text);
  });
});
