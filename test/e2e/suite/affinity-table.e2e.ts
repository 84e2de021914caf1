/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, openInEditor, positionOfWord, hoverOnceAnswered } from './helpers';

interface TableRow {
  line: number;
  text: string;
  compound?: string;
  target?: string;
  measure: string;
  verdict: string;
  code?: string;
}

interface PharmaLensApi {
  statusBarText(): Promise<string | undefined>;
  affinityTableState(): { manuscript: string; rows: TableRow[] } | undefined;
  revealTableLine(line: number): Promise<vscode.TextEditor | undefined>;
}

const WAIT_MS = 45_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function api(): PharmaLensApi {
  const exports = vscode.extensions.getExtension<PharmaLensApi>(EXTENSION_ID)?.exports;
  assert.ok(exports, 'the extension exported no API');
  return exports;
}

/** Asks for the status bar text until it matches or the wait runs out; returns the last text seen. */
async function statusBarTextMatching(pattern: RegExp): Promise<string | undefined> {
  const deadline = Date.now() + WAIT_MS;
  let text = await api().statusBarText();
  while (!(text !== undefined && pattern.test(text)) && Date.now() < deadline) {
    await sleep(250);
    text = await api().statusBarText();
  }
  return text;
}

async function waitForDiagnostics(uri: vscode.Uri): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (vscode.languages.getDiagnostics(uri).every((diagnostic) => diagnostic.source !== 'pharmalens') && Date.now() < deadline) await sleep(250);
}

async function showTable(uri: vscode.Uri): Promise<TableRow[]> {
  const state = await vscode.commands.executeCommand<{ rows: TableRow[] } | undefined>('pharmalens.showAffinityTable', uri);
  assert.ok(state, 'the command returned no table');
  return state.rows;
}

suite('PharmaLens affinity table, CSV export and status bar', () => {
  test('the status bar shows the misquote fixture\'s affinity and its errors and warnings, as the Problems panel counts them', async () => {
    const document = await openInEditor('test/e2e/fixture/misquote.md');
    await waitForDiagnostics(document.uri);
    const own = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'pharmalens');
    assert.ok(own.some((diagnostic) => diagnostic.code === 'affinity.unit-slip'), own.map((diagnostic) => diagnostic.code).join(', '));
    const errors = own.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = own.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Warning).length;
    assert.ok(errors >= 1 && own.length > errors + warnings, 'the fixture has an error and a hint, which is not counted');
    assert.equal(await statusBarTextMatching(/\$\(error\) [1-9]/), `$(beaker) 1 · $(error) ${errors} $(warning) ${warnings}`);
    assert.ok((await vscode.commands.getCommands(true)).includes('pharmalens.statusActions'), 'clicking the item opens the actions menu');
  });

  test('Show Affinity Table lists the fixture\'s statement with its verdict, in a view that stays open', async () => {
    const document = await openInEditor('test/e2e/fixture/misquote.md');
    await waitForDiagnostics(document.uri);
    const rows = await showTable(document.uri);
    assert.equal(rows.length, 1, JSON.stringify(rows));
    assert.deepEqual([rows[0].line, rows[0].text, rows[0].compound, rows[0].target, rows[0].measure, rows[0].verdict, rows[0].code], [3, '3.45 µM', 'amitriptyline', 'SERT', 'Ki', 'finding', 'affinity.unit-slip']);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    assert.equal(api().affinityTableState()?.manuscript, document.uri.toString(), 'going back to the manuscript leaves the view open');
  });

  test('the table view follows the active manuscript, and a line number selects its value in the manuscript', async () => {
    const misquote = await openInEditor('test/e2e/fixture/misquote.md');
    await showTable(misquote.uri);
    const review = await openInEditor('examples/amitriptyline-review.md');
    const deadline = Date.now() + WAIT_MS;
    while (api().affinityTableState()?.manuscript !== review.uri.toString() && Date.now() < deadline) await sleep(100);
    assert.equal(api().affinityTableState()?.manuscript, review.uri.toString());
    const [first] = api().affinityTableState()!.rows;
    const editor = await api().revealTableLine(first.line);
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), review.uri.toString());
    assert.equal(editor.selection.start.line, first.line - 1);
    assert.equal(editor.document.getText(editor.selection), first.text);
  });

  test('the example manuscript\'s table has as many rows as the status bar counts affinities', async () => {
    const document = await openInEditor('examples/amitriptyline-review.md');
    const text = await statusBarTextMatching(/^\$\(beaker\) [1-9]/);
    const counted = /^\$\(beaker\) (\d+)/.exec(text ?? '');
    assert.ok(counted, `status bar: ${String(text)}`);
    const rows = await showTable(document.uri);
    assert.ok(rows.length > 3, JSON.stringify(rows));
    assert.equal(rows.length, Number(counted[1]));
    assert.ok(rows.some((row) => row.target === 'SERT'), JSON.stringify(rows));
  });

  test('Export Affinity Table as CSV writes a header and one line per statement', async () => {
    const document = await openInEditor('test/e2e/fixture/misquote.md');
    const destination = vscode.Uri.file(path.join(os.tmpdir(), `pharmalens-e2e-${process.pid}.csv`));
    const written = await vscode.commands.executeCommand<vscode.Uri>('pharmalens.exportAffinityTableCsv', document.uri, destination);
    assert.equal(written?.toString(), destination.toString());
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(destination));
    const [header, line, ...rest] = csv.split('\r\n');
    assert.match(header, /^Line,Quoted,Compound,Target,Measure,Value \(nM\),/);
    assert.match(line, /^3,3\.45 µM,Amitriptyline,SERT,Ki,3450,,finding,affinity\.unit-slip,/i);
    assert.deepEqual(rest, ['']);
    await vscode.workspace.fs.delete(destination);
  });

  test('the status bar item is hidden for a document that is not a manuscript', async () => {
    await openInEditor('package.json');
    assert.equal(await api().statusBarText(), undefined);
  });

  test('Restart Server brings hovers back', async () => {
    const document = await openInEditor('test/e2e/fixture/misquote.md');
    await vscode.commands.executeCommand('pharmalens.restartServer');
    const text = await hoverOnceAnswered(document, positionOfWord(document, 'Amitriptyline'));
    assert.ok(text.includes('Amitriptyline'), text);
  });
});
