/** The extension's page and settings as VS Code shows them (issue 15, point 8). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from './helpers/server';

const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
  description: string;
  contributes: { configuration: { title: string; properties: Record<string, { description?: string; markdownDescription?: string }> } };
};

test('the settings page is titled PharmaLens and every setting is described in Markdown (backticks render as code)', () => {
  assert.equal(manifest.contributes.configuration.title, 'PharmaLens');
  for (const [name, setting] of Object.entries(manifest.contributes.configuration.properties)) {
    assert.ok(setting.markdownDescription, `${name} has a markdownDescription`);
    assert.equal(setting.description, undefined, `${name}: a plain description shows its backticks literally`);
  }
});

test('the extension page embeds no image it would block, and its description is plain text', () => {
  const page = readFileSync(path.join(projectRoot, 'MARKETPLACE.md'), 'utf8');
  assert.deepEqual(page.match(/!\[[^\]]*\]\((?!https:)[^)]*\)/g) ?? [], [], 'relative images do not render on the details page of an installed .vsix');
  assert.doesNotMatch(manifest.description, /[$\\`*_]/);
  assert.doesNotMatch(page.replace(/`[^`]*`/g, ''), /\$_\{/, 'no raw LaTeX outside code spans');
});
