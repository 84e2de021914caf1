/// <reference types="mocha" />
// Takes the README's pictures in the real workbench: the hover card (test-artifacts/hover.png), the quick-fix menu
// of a misquoted affinity (quick-fix.png), the affinity table view (affinity-table.png) and the status item
// (status.png), through the web shim's screenshot service. In desktop
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

  test('the compact hover card of amitriptyline: five one-line rows and a link to the whole entry (hover.png)', async () => {
    const document = await openInEditor('test/e2e/fixture/review.md');
    const position = document.positionAt(document.getText().indexOf('Amitriptyline blocks') + 4);
    const card = await hoverOnceAnswered(document, position);
    const rows = card.split('\n').filter((line) => /^\| [^-T]/.test(line));
    assert.equal(rows.length, 5, card);
    assert.match(card, /\[All \d+ records of Amitriptyline\]\(command:pharmalens\.openKnowledgeBaseEntry\?/, 'VS Code gets the entry link');
    placeCursor(position);
    await vscode.commands.executeCommand('editor.action.showHover');
    const shot = await screenshot('hover', '.monaco-hover', { include: [lineWith('Amitriptyline blocks')], padding: 6 });
    if (shot) {
      assert.match(shot.text, /Amitriptyline/, shot.text);
      assert.match(shot.text, /All \d+ records/, 'the whole card fits in the picture');
      assert.ok(shot.width >= 600, `${shot.width}×${shot.height}`);
    }
  });

  test('the affinity table view beside the manuscript (affinity-table.png) and the status item (status.png)', async () => {
    const document = await openInEditor('examples/amitriptyline-review.md');
    await pharmalensDiagnostics(document.uri);
    const state = await vscode.commands.executeCommand<{ rows: unknown[] } | undefined>('pharmalens.showAffinityTable', document.uri);
    assert.ok(state && state.rows.length > 3, JSON.stringify(state));
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the webview's frame loads after the panel opens
    const table = await screenshot('affinity-table', '.part.editor', { padding: 0 });
    if (table) assert.ok(table.width >= 1000, `${table.width}×${table.height}`);
    const status = await screenshot('status', '.statusbar-item[id$="pharmalens.status"]', { padding: 4 });
    if (status) assert.match(status.text.replace(/\s+/g, ' '), /\d+ · \d+ \d+/, status.text);
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
