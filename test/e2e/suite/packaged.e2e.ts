/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, projectRoot } from './helpers';

/** Every file under `folder`, relative, sorted. */
function filesUnder(folder: string, prefix = ''): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

suite('PharmaLens as installed from its .vsix', () => {
  test('the extension under test is the installed package (with --vsix), which holds only what it needs', () => {
    const installed = process.env.PHARMALENS_E2E_INSTALLED;
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    if (!installed) {
      // `node scripts/e2e/run.mjs` without --vsix (the development loop) tests the source folder.
      assert.equal(extension?.extensionUri.fsPath, projectRoot().fsPath);
      return;
    }
    assert.equal(extension?.extensionPath, installed);
    const files = filesUnder(installed).filter((file) => file !== '.vsixmanifest');
    assert.deepEqual(files, [
      'DATA-LICENSE',
      'LICENSE.txt',
      'changelog.md',
      'dist/affinities.json',
      'dist/extension.js',
      'dist/kb.json',
      'dist/names.txt',
      'dist/server.js',
      'images/icon.png',
      'package.json',
      'readme.md',
      'schemas/pharmalens-kb.schema.json',
      'walkthrough/check-workspace.md',
      'walkthrough/example.md',
      'walkthrough/fix.md',
      'walkthrough/hover.md',
      'walkthrough/open-example.md',
    ]);
    assert.match(fs.readFileSync(path.join(installed, 'readme.md'), 'utf8'), /^# PharmaLens — affinities checked against the literature/, 'the Marketplace README');
  });
});
