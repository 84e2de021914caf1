/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openInEditor, pharmalensDiagnostics, projectRoot } from './helpers';

const MANUSCRIPT = 'test/e2e/fixture/cite/misquote-cite.md';
const BIBLIOGRAPHY = 'test/e2e/fixture/cite/refs.bib';
// The reference the knowledge base holds for amitriptyline's Kd at SERT (4.3 nM).
const KEY = 'tatsumi1997pharmacological';
const DOI = '10.1016/s0014-2999(97)01393-9';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** The entries of a BibTeX file as `{ type, key, body }`, checking the braces balance. */
function bibEntries(text: string): { type: string; key: string; body: string }[] {
  const entries: { type: string; key: string; body: string }[] = [];
  const start = /@(\w+)\s*\{\s*([^,\s]+)\s*,/g;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    let depth = 1;
    let end = match.index + match[0].length;
    for (; end < text.length && depth > 0; end++) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}') depth--;
    }
    assert.equal(depth, 0, `unbalanced braces in the entry ${match[2]}`);
    entries.push({ type: match[1].toLowerCase(), key: match[2], body: text.slice(match.index + match[0].length, end - 1) });
    start.lastIndex = end;
  }
  return entries;
}

suite('PharmaLens "Replace with … and cite …" quick fix', () => {
  test('replaces the misquoted value, cites the source and adds its BibTeX entry to the front matter\'s bibliography', async () => {
    const manuscriptUri = vscode.Uri.joinPath(projectRoot(), MANUSCRIPT);
    const bibUri = vscode.Uri.joinPath(projectRoot(), BIBLIOGRAPHY);
    const originalManuscript = await vscode.workspace.fs.readFile(manuscriptUri);
    const originalBib = await vscode.workspace.fs.readFile(bibUri);
    assert.ok(!decode(originalBib).includes(KEY), `${BIBLIOGRAPHY} already holds ${KEY} (left over from an interrupted run?)`);
    try {
      const document = await openInEditor(MANUSCRIPT);
      const diagnostic = (await pharmalensDiagnostics(document.uri)).find((found) => document.getText(found.range) === '4.3 µM');
      assert.ok(diagnostic, `no PharmaLens diagnostic on 4.3 µM: ${vscode.languages.getDiagnostics(document.uri).map((d) => d.message).join('; ')}`);

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
      const titles = actions.map((action) => action.title).join(' | ');
      const fix = actions.find((action) => /^Replace with .+ and cite Tatsumi et al\. 1997/.test(action.title));
      assert.ok(fix?.edit, `no "Replace with … and cite Tatsumi et al. 1997" among: ${titles}`);
      assert.match(fix.title, /^Replace with 4\.3 nM and cite /, 'the source value in a unit that reads naturally, not 0.0043 µM');
      const touched = fix.edit.entries().map(([uri]) => uri.toString());
      assert.ok(touched.includes(bibUri.toString()), `the fix leaves ${BIBLIOGRAPHY} alone: ${touched.join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit was not applied');

      // The manuscript: the reference value, its unit changed where the writer's would read 0.0043 µM, and a Pandoc citation.
      const body = document.getText();
      assert.match(body, /a Kd of 4\.3 nM \[@/, body);
      assert.ok(body.includes(`[@${KEY}]`), body);
      assert.ok(!body.includes('4.3 µM'), body);

      // The bibliography, once saved: the old entry byte for byte, one new well-formed entry with the key and the DOI.
      const bibDocument = await vscode.workspace.openTextDocument(bibUri);
      assert.ok(await bibDocument.save(), 'refs.bib was not saved');
      assert.ok(await document.save(), 'the manuscript was not saved');
      const bib = decode(await vscode.workspace.fs.readFile(bibUri));
      assert.equal(bib, bibDocument.getText());
      assert.ok(bib.startsWith(decode(originalBib)), `refs.bib lost or changed its original bytes:\n${bib}`);
      const entries = bibEntries(bib);
      assert.deepEqual(entries.map((entry) => entry.key), ['smith2001unrelated', KEY], bib);
      const added = entries[1];
      assert.equal(added.type, 'article', bib);
      assert.match(added.body, new RegExp(`\\bdoi\\s*=\\s*[{"]${DOI.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[}"]`, 'i'), bib);
      assert.match(added.body, /\btitle\s*=/i, bib);
      assert.match(added.body, /\byear\s*=\s*[{"]?1997/i, bib);

      // Fixed and cited: the value's diagnostics are gone.
      const deadline = Date.now() + 20_000;
      while (vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'pharmalens' && d.severity === vscode.DiagnosticSeverity.Error) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const left = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'pharmalens');
      assert.ok(left.every((d) => d.severity !== vscode.DiagnosticSeverity.Error), left.map((d) => d.message).join('; '));
    } finally {
      // Back to the original bytes, in the open documents and on disk, so that the test repeats and the git tree stays
      // clean: replace each document's text and save it (a plain write to disk could race with a pending save).
      for (const [uri, original] of [[manuscriptUri, originalManuscript], [bibUri, originalBib]] as const) {
        const open = await vscode.workspace.openTextDocument(uri);
        if (open.getText() !== decode(original)) {
          const restore = new vscode.WorkspaceEdit();
          restore.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), decode(original));
          await vscode.workspace.applyEdit(restore);
        }
        if (open.isDirty) await open.save();
        const onDisk = await vscode.workspace.fs.readFile(uri);
        if (Buffer.compare(Buffer.from(onDisk), Buffer.from(original)) !== 0) await vscode.workspace.fs.writeFile(uri, original);
      }
    }
  });
});
