#!/usr/bin/env node
// Runs the e2e suites (test/e2e/suite) inside VS Code through @vscode/test-electron's runTests.
// Default: the offline VS Code server from code-server, driven by headless Chromium (vscode-web-shim.mjs).
// VSCODE_E2E_DESKTOP=1: let runTests download and start desktop VS Code instead (needs internet).
// Expects `npm run build` to have produced dist/.
// --vsix (what `npm test` runs, after `npm run package`): the suites run against the packaged extension, installed from
// pharmalens-<version>.vsix with the VS Code server's own --install-extension, as a user installs it; without it,
// against this folder (the development loop: `npm run build && node scripts/e2e/run.mjs`).
// Screenshots: with the shim, test-artifacts/ (project root, git-ignored) is passed to the shim and the extension host
// as PHARMALENS_E2E_ARTIFACTS; helpers.screenshot() asks the shim for a PNG there (see vscode-web-shim.mjs). In desktop
// VS Code nobody answers, so the variable is left unset and screenshot() returns undefined.
// PHARMALENS_E2E_GREP=<text or regex>: run only the tests whose full title matches (mocha's grep), e.g.
//   npm run build && PHARMALENS_E2E_GREP='inlay hints' node scripts/e2e/run.mjs
import { runTests } from '@vscode/test-electron';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTests } from './build-tests.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHIM = path.join(ROOT, 'scripts/e2e/vscode-web-shim.mjs');
const WORKSPACE = path.join(ROOT, 'test/e2e/fixture');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const VSCODE = process.env.VSCODE_SERVER_ROOT ?? path.join(ROOT, '.vscode-test/code-server/node_modules/code-server/lib/vscode');
const desktop = process.env.VSCODE_E2E_DESKTOP === '1';
const fromVsix = process.argv.includes('--vsix');

const started = Date.now();
const lap = (what) => console.log(`e2e: ${what} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

function requireBuild() {
  for (const file of ['dist/extension.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`${file} missing: run npm run build first`);
  }
}

function installServer() {
  execFileSync('bash', [path.join(ROOT, 'scripts/e2e/install-vscode-server.sh')], { cwd: ROOT, stdio: 'inherit' });
  lap('VS Code server ready');
}

/** Installs the packaged extension into a fresh extensions dir and returns its installed folder. */
function installVsix(dirs) {
  const { name, publisher, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const vsix = path.join(ROOT, `${name}-${version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${path.basename(vsix)} missing: run npm run package first`);
  const installed = path.join(dirs.base, 'installed');
  execFileSync(process.execPath, [path.join(VSCODE, 'out/server-main.js'), '--install-extension', vsix, '--extensions-dir', installed,
    '--user-data-dir', path.join(dirs.base, 'install-user-data'), '--server-data-dir', path.join(dirs.base, 'install-server-data')], { stdio: 'inherit' });
  const folder = path.join(installed, `${publisher}.${name}-${version}`);
  if (!fs.existsSync(path.join(folder, 'dist/server.js'))) throw new Error(`the installed extension has no dist/server.js: ${folder}`);
  lap(`${path.basename(vsix)} installed`);
  return folder;
}

/** A fresh user-data dir, extensions dir and TMPDIR for this run only. */
function makeRunDirs() {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-e2e-'));
  const dirs = { base, userData: path.join(base, 'user-data'), extensions: path.join(base, 'extensions'), tmp: path.join(base, 'tmp') };
  for (const dir of [dirs.userData, dirs.extensions, dirs.tmp]) fs.mkdirSync(dir);
  return dirs;
}

async function main() {
  if (!fromVsix) requireBuild();
  if (!desktop) installServer();
  const extensionTestsPath = await buildTests();
  lap('suites built');
  const dirs = makeRunDirs();
  const env = { TMPDIR: dirs.tmp, PHARMALENS_E2E_ROOT: path.resolve(ROOT) };
  const extensionDevelopmentPath = fromVsix && !desktop ? installVsix(dirs) : ROOT;
  if (extensionDevelopmentPath !== ROOT) env.PHARMALENS_E2E_INSTALLED = extensionDevelopmentPath;
  if (!desktop) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    // Requests and answers left by an interrupted run would be taken for this run's.
    for (const file of fs.readdirSync(ARTIFACTS).filter((f) => /\.(request|done)\.json(\.tmp)?$/.test(f))) fs.rmSync(path.join(ARTIFACTS, file));
    env.PHARMALENS_E2E_ARTIFACTS = ARTIFACTS;
  }
  if (process.env.PHARMALENS_E2E_GREP) env.PHARMALENS_E2E_GREP = process.env.PHARMALENS_E2E_GREP;
  try {
    await runTests({
      ...(desktop ? {} : { vscodeExecutablePath: SHIM }),
      extensionDevelopmentPath,
      extensionTestsPath,
      extensionTestsEnv: env,
      launchArgs: [WORKSPACE, '--disable-extensions', `--user-data-dir=${dirs.userData}`, `--extensions-dir=${dirs.extensions}`],
    });
    lap('tests passed');
    return 0;
  } catch (error) {
    console.error(`e2e: ${error instanceof Error ? error.message : error}`);
    lap('tests FAILED');
    return 1;
  } finally {
    fs.rmSync(dirs.base, { recursive: true, force: true });
  }
}

process.exit(await main());
