/** The extension's page and settings as VS Code shows them (issue 15, point 8). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from './helpers/server';

interface WalkthroughStep {
  id: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}

const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
  description: string;
  contributes: {
    configuration: { title: string; properties: Record<string, { description?: string; markdownDescription?: string }> };
    commands: { command: string }[];
    walkthroughs: { id: string; steps: WalkthroughStep[] }[];
  };
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

test('the getting-started walkthrough: open the example, hover, fix, check the workspace; every link and file it names exists and ships', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;
  assert.deepEqual(walkthrough.steps.map((step) => step.id), ['openExample', 'hover', 'fix', 'checkWorkspace']);
  const ours = new Set(manifest.contributes.commands.map((entry) => entry.command));
  const shipped = readFileSync(path.join(projectRoot, '.vscodeignore'), 'utf8');
  for (const step of walkthrough.steps) {
    for (const [, command] of step.description.matchAll(/\]\(command:([\w.]+)/g)) {
      assert.ok(ours.has(command) || command.startsWith('editor.action.'), `${step.id}: ${command} is a command of ours or VS Code's`);
    }
    const media = step.media.markdown ?? step.media.image;
    assert.ok(media && readFileSync(path.join(projectRoot, media), 'utf8').length > 0, `${step.id}: ${String(media)} exists`);
    assert.match(shipped, new RegExp(`^!${path.dirname(media).replace(/\./g, '\\.')}/\\*\\.md$`, 'm'), `${media} ships in the .vsix`);
  }
  assert.ok(readFileSync(path.join(projectRoot, 'walkthrough/example.md'), 'utf8').includes('4.3 µM'), 'the example holds the misquote the fix step names');
});
