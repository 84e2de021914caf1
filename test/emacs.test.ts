import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { projectRoot } from './helpers/server';
import { folderWithServerOnPath, readmeBlock } from './helpers/editor-config';

/** Runs test/emacs/eglot_test.el in batch Emacs (Debian's emacs-nox and elpa-eglot) against the built server. */
function runEmacs(file: string, text: string, env: Record<string, string>): { status: number | null; output: string } {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-emacs-'));
  const target = path.join(folder, file);
  writeFileSync(target, text);
  const result = spawnSync('emacs', ['--batch', '-Q', '-l', path.join(projectRoot, 'test/emacs/eglot_test.el')], {
    cwd: folder,
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...process.env, HOME: folder, LSP_SERVER: path.join(projectRoot, 'dist/server.js'), LSP_FILE: target, ...env },
  });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('Emacs (eglot): hover, a flymake diagnostic and an applied quick fix in a LaTeX manuscript', () => {
  const text = '\\documentclass{article}\n\\begin{document}\nAmitriptyline blocks hERG and binds SERT with a $K_i$ of 3.45~\\textmu M.\n\\end{document}\n';
  const { status, output } = runEmacs('paper.tex', text, {
    HOVER_WORD: 'hERG',
    EXPECT_HOVER: 'KCNH2',
    MISQUOTE: '3.45~\\textmu M',
    EXPECT_ACTION: 'Change the unit to nM',
  });
  assert.equal(status, 0, output);
  assert.match(output, /PASS: flymake shows a diagnostic/);
  assert.match(output, /PASS: code action "Change the unit to nM" applied/);
  assert.match(output, /with a \$K_i\$ of 3\.45~nM\./);
  assert.doesNotMatch(output, /unsupported capability/, 'the server registers nothing eglot cannot take');
});

test("Emacs: the README's configuration, exactly as printed, with markdown-mode on a .md manuscript", () => {
  const config = readmeBlock(/Emacs \(eglot;/, 'elisp');
  assert.ok(config, 'the README has an Emacs configuration');
  const { folder, bin } = folderWithServerOnPath('pharmalens-emacs-readme-');
  writeFileSync(path.join(folder, 'readme-config.el'), config);
  const { status, output } = runEmacs('paper.md', '# Results\n\nAmitriptyline blocks hERG and binds SERT with a Ki of 3.45 uM.\n', {
    README_CONFIG: path.join(folder, 'readme-config.el'),
    PATH: `${bin}:${process.env.PATH}`,
    HOVER_WORD: 'hERG',
    EXPECT_HOVER: 'KCNH2',
    MISQUOTE: '3.45 uM',
    EXPECT_ACTION: 'Change the unit to nM',
  });
  assert.equal(status, 0, output);
  assert.match(output, /MODE: markdown-mode/);
  assert.match(output, /PASS: eglot connected to pharmalens-ls/);
  assert.match(output, /PASS: code action "Change the unit to nM" applied/);
});
