import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { projectRoot } from './helpers/server';
import { folderWithServerOnPath, readmeBlock } from './helpers/editor-config';

/** Runs the Lua client in headless Neovim (Debian's `neovim` package) against the built server. */
function runNeovim(file: string, text: string, env: Record<string, string>): { status: number | null; output: string } {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-nvim-'));
  const target = path.join(folder, file);
  writeFileSync(target, text);
  const result = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${path.join(projectRoot, 'test/nvim/lsp_test.lua')}`], {
    cwd: folder,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, HOME: folder, XDG_CACHE_HOME: folder, XDG_STATE_HOME: folder, LSP_SERVER: path.join(projectRoot, 'dist/server.js'), LSP_FILE: target, ...env },
  });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('Neovim: hover and a quick fix in a Markdown manuscript', () => {
  const { status, output } = runNeovim('paper.md', '# Results\n\nAmitriptyline blocks hERG and binds SERT with a Ki of 3.45 uM.\n', {
    HOVER_WORD: 'hERG',
    EXPECT_HOVER: 'KCNH2',
    MISQUOTE: '3.45 uM',
    EXPECT_ACTION: 'Change the unit to nM',
  });
  assert.equal(status, 0, output);
  assert.match(output, /PASS: hover on hERG/);
  assert.match(output, /PASS: code action "Change the unit to nM" applied/);
});

test('Neovim: hover and a quick fix in a LaTeX manuscript', () => {
  const text = '\\documentclass{article}\n\\begin{document}\nAmitriptyline binds SERT with a $K_i$ of 345 nM.\n\\end{document}\n';
  const { status, output } = runNeovim('paper.tex', text, {
    HOVER_WORD: 'Amitriptyline',
    EXPECT_HOVER: 'tricyclic antidepressant',
    MISQUOTE: '345 nM',
    EXPECT_ACTION: 'Move the decimal point: 3.45',
  });
  assert.equal(status, 0, output);
  assert.match(output, /PASS: code action "Move the decimal point: 3.45" applied/);
});

test("Neovim 0.7: the README's configuration, exactly as printed, attaches the server; pharmalens/checkFiles with {} answers", () => {
  const config = readmeBlock(/Neovim 0\.7 to 0\.9/, 'lua');
  assert.ok(config, 'the README has a Neovim 0.7 to 0.9 configuration');
  const { folder, bin } = folderWithServerOnPath('pharmalens-nvim-readme-');
  writeFileSync(path.join(folder, 'init.lua'), config);
  mkdirSync(path.join(folder, 'project', '.git'), { recursive: true });
  writeFileSync(path.join(folder, 'project', 'paper.md'), '# Results\n\nAmitriptyline binds SERT with a Ki of 3.45 uM.\n');
  const result = spawnSync('nvim', ['--headless', '-u', path.join(folder, 'init.lua'), 'paper.md', '-c', `luafile ${path.join(projectRoot, 'test/nvim/readme_config_test.lua')}`], {
    cwd: path.join(folder, 'project'),
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, HOME: folder, XDG_CACHE_HOME: folder, XDG_STATE_HOME: folder, XDG_CONFIG_HOME: folder, PATH: `${bin}:${process.env.PATH}` },
  });
  const output = `${result.stdout}${result.stderr}`;
  assert.equal(result.status, 0, output);
  assert.match(output, /PASS: the README configuration started and attached pharmalens-ls/);
  assert.match(output, /PASS: pharmalens\/checkFiles with \{\} answered/);
});
