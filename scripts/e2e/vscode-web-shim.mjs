#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// It accepts the desktop flags runTests passes, starts the VS Code server shipped in the npm package code-server
// (installed by install-vscode-server.sh) in its own process group, opens the workbench in headless Chromium with
// extensionDevelopmentPath/extensionTestsPath in the workbench "payload" (the remote extension host then runs
// require(extensionTestsPath).run()), relays the extension host's log and exits with the tests' exit code.
// Every run gets fresh server, user-data, extensions and browser-profile dirs and a private TMPDIR under one
// temporary base dir; the --user-data-dir and --extensions-dir that runTests passes are ignored.
// Env: VSCODE_SERVER_ROOT, CHROMIUM_PATH, VSCODE_E2E_TIMEOUT_MS, VSCODE_SHIM_VERBOSE=1, VSCODE_SHIM_KEEP=1,
// PHARMALENS_E2E_ARTIFACTS (a directory: turns on the screenshot service below).
//
// Screenshot service: tests run in the extension host and cannot reach the page, so they ask through files. A test
// writes <name>.request.json into $PHARMALENS_E2E_ARTIFACTS (the same env reaches the extension host through the
// server), with { selector, padding?, include?: string[], minWidth?, timeoutMs? }; the shim waits until `selector` is
// visible, screenshots a clip around it (merged with the boxes of the `include` selectors, e.g. the cursor's line,
// plus `padding`, widened to `minWidth`, kept inside the viewport) to <name>.png, and writes <name>.done.json with
// { ok: true, width, height, text } (image size in pixels, the element's innerText) or { ok: false, error }.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VSCODE = process.env.VSCODE_SERVER_ROOT ?? path.join(ROOT, '.vscode-test/code-server/node_modules/code-server/lib/vscode');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.VSCODE_E2E_TIMEOUT_MS ?? 300_000);
const ARTIFACTS = process.env.PHARMALENS_E2E_ARTIFACTS;
// The page size and pixel density of the screenshots: 1280×800 CSS pixels drawn at 1.5×, so that a hover card
// (≈800 CSS pixels wide) makes a crisp README image ≈1200 pixels wide.
const VIEWPORT = { width: 1280, height: 1400 };
const DEVICE_SCALE_FACTOR = 1.5;
const SCREENSHOT_POLL_MS = 150;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// Workbench chatter that says nothing about the tests (including the failing look-up of the extension gallery,
// which is offline here); VSCODE_SHIM_VERBOSE=1 shows it.
const NOISE = /^(Creating a socket|Resolv|\[AgentHost|\[ChatModel|\[AccountPolicy|\[reconnection|Updating additional|\[Service Worker\]|ChatSessionStore|getaddrinfo ENOTFOUND open-vsx\.org)/;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function parseArgs(argv) {
  const parsed = { devPaths: [], testsPath: undefined, target: undefined };
  for (const arg of argv) {
    const flag = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!flag) parsed.target ??= path.resolve(arg);
    else if (flag[1] === 'extensionDevelopmentPath') parsed.devPaths.push(path.resolve(flag[2]));
    else if (flag[1] === 'extensionTestsPath') parsed.testsPath = path.resolve(flag[2]);
  }
  return parsed;
}

function makeRunDirs() {
  // Short names: the server puts vscode-ipc-<uuid>.sock in TMPDIR, and a socket path must stay under 108 bytes.
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'shim-'));
  const dirs = { base, userData: 'user-data', extensions: 'extensions', server: 'server', tmp: 'tmp', profile: 'chromium-profile' };
  for (const key of Object.keys(dirs).filter((k) => k !== 'base')) {
    dirs[key] = path.join(base, dirs[key]);
    fs.mkdirSync(dirs[key]);
  }
  dirs.log = path.join(base, 'server.log');
  return dirs;
}

function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function startServer(port, dirs) {
  const log = fs.openSync(dirs.log, 'a');
  const args = [path.join(VSCODE, 'out/server-main.js'), '--host', '127.0.0.1', '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms', '--enable-smoke-test-driver',
    '--disable-workspace-trust', '--telemetry-level', 'off', '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions, '--server-data-dir', dirs.server];
  // detached: the server, its extension host and the language server form one process group we can kill whole.
  return spawn(process.execPath, args, { detached: true, stdio: ['ignore', log, log], env: { ...process.env, TMPDIR: dirs.tmp } });
}

async function waitForServer(port, server) {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/version`)).ok) return;
    } catch {}
    await sleep(100);
  }
  throw new Error('server did not answer within 60 s');
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function killGroup(pgid) {
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    try {
      process.kill(-pgid, signal);
    } catch {
      return;
    }
    for (let i = 0; i < 30 && groupAlive(pgid); i++) await sleep(100);
    if (!groupAlive(pgid)) return;
  }
}

function workbenchUrl(port, { devPaths, testsPath, target }) {
  const authority = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [...devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]), ['extensionTestsPath', remote(testsPath)]];
  let where = 'ew=true';
  if (target && fs.statSync(target).isDirectory()) where = `folder=${encodeURIComponent(target)}`;
  else if (target?.endsWith('.code-workspace')) where = `workspace=${encodeURIComponent(target)}`;
  return `http://${authority}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

function relayLog(type, args) {
  const line = util.format(...(Array.isArray(args) ? args : [args]));
  if (process.env.VSCODE_SHIM_VERBOSE || !NOISE.test(line)) (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
}

/** Writes JSON through a temporary file and a rename, so that the test never reads half a file. */
function writeJsonAtomically(file, value) {
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(value));
  fs.renameSync(`${file}.tmp`, file);
}

/** The smallest box holding all `boxes`, grown by `padding` and widened to `minWidth`, kept inside the viewport. */
function clipAround(boxes, padding, minWidth) {
  let left = Math.min(...boxes.map((b) => b.x)) - padding;
  let right = Math.max(...boxes.map((b) => b.x + b.width)) + padding;
  const top = Math.max(0, Math.min(...boxes.map((b) => b.y)) - padding);
  const bottom = Math.min(VIEWPORT.height, Math.max(...boxes.map((b) => b.y + b.height)) + padding);
  if (right - left < minWidth) {
    const grow = minWidth - (right - left);
    left -= grow / 2;
    right += grow / 2;
  }
  if (left < 0) [left, right] = [0, right - left];
  if (right > VIEWPORT.width) [left, right] = [Math.max(0, left - (right - VIEWPORT.width)), VIEWPORT.width];
  return { x: Math.round(left), y: Math.round(top), width: Math.round(right - left), height: Math.round(bottom - top) };
}

async function takeScreenshot(page, dir, name, request) {
  const { selector, padding = 16, include = [], minWidth = 0, timeoutMs = 20_000 } = request;
  if (typeof selector !== 'string') throw new Error('the request names no selector');
  const element = page.locator(`${selector} >> visible=true`).first();
  await element.waitFor({ state: 'visible', timeout: timeoutMs });
  await sleep(400); // let fade-in animations finish
  const box = await element.boundingBox();
  if (!box) throw new Error(`${selector} has no bounding box`);
  const boxes = [box];
  for (const extra of include) {
    const extraBox = await page.locator(`${extra} >> visible=true`).first().boundingBox({ timeout: 2_000 }).catch(() => null);
    if (extraBox) boxes.push(extraBox);
  }
  const clip = clipAround(boxes, padding, minWidth);
  const text = await element.innerText();
  await page.screenshot({ path: path.join(dir, `${name}.png`), clip });
  return { ok: true, width: Math.round(clip.width * DEVICE_SCALE_FACTOR), height: Math.round(clip.height * DEVICE_SCALE_FACTOR), text };
}

/** Polls `dir` for <name>.request.json files and answers each with <name>.png and <name>.done.json; returns a stopper. */
function startScreenshotService(page, dir) {
  let stopped = false;
  let busy = false;
  const poll = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.request.json'))) {
        const name = file.slice(0, -'.request.json'.length);
        const requestPath = path.join(dir, file);
        let result;
        try {
          const request = JSON.parse(fs.readFileSync(requestPath, 'utf8'));
          fs.rmSync(requestPath, { force: true });
          result = await takeScreenshot(page, dir, name, request);
        } catch (error) {
          fs.rmSync(requestPath, { force: true });
          result = { ok: false, error: error instanceof Error ? error.message : String(error) };
        }
        writeJsonAtomically(path.join(dir, `${name}.done.json`), result);
      }
    } catch (error) {
      console.error('shim: screenshot service:', error);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(poll, SCREENSHOT_POLL_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

/** Opens the workbench and resolves with the exit code the extension tests report. */
async function runInBrowser(url, dirs, onContext) {
  // Our own signal handlers clean up (browser and server group); Playwright's would exit before the server is killed.
  const context = await chromium.launchPersistentContext(dirs.profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
    viewport: VIEWPORT, deviceScaleFactor: DEVICE_SCALE_FACTOR, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  onContext(context);
  let stopScreenshots = () => {};
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    let reportExit;
    const exited = new Promise((resolve) => (reportExit = resolve));
    await page.exposeFunction('codeAutomationLog', relayLog);
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
    if (ARTIFACTS) {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      stopScreenshots = startScreenshotService(page, ARTIFACTS);
    }
    await page.goto(url);
    const timedOut = sleep(TIMEOUT_MS).then(() => 'timeout');
    const code = await Promise.race([exited, timedOut]);
    if (code === 'timeout') {
      console.error(`shim: extension tests did not finish within ${TIMEOUT_MS} ms`);
      return 1;
    }
    return code;
  } finally {
    stopScreenshots();
    await context.close().catch(() => {});
  }
}

function printServerLogTail(dirs) {
  const lines = fs.readFileSync(dirs.log, 'utf8').trimEnd().split('\n');
  console.error(`shim: last lines of ${dirs.log}:\n${lines.slice(-40).join('\n')}`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.testsPath || args.devPaths.length === 0) {
    console.error('shim: need --extensionTestsPath and --extensionDevelopmentPath');
    return 2;
  }
  if (!fs.existsSync(path.join(VSCODE, 'out/server-main.js'))) {
    console.error(`shim: no VS Code server in ${VSCODE}; run scripts/e2e/install-vscode-server.sh`);
    return 2;
  }
  const dirs = makeRunDirs();
  const port = await freePort();
  const server = startServer(port, dirs);
  let context;
  let stopping;
  const stop = () => (stopping ??= Promise.all([context?.close().catch(() => {}), killGroup(server.pid)]));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => stop().then(() => {
      fs.rmSync(dirs.base, { recursive: true, force: true });
      process.exit(130);
    }));
  }
  let code = 1;
  try {
    await waitForServer(port, server);
    code = await runInBrowser(workbenchUrl(port, args), dirs, (created) => (context = created));
  } catch (error) {
    console.error('shim:', error);
  } finally {
    await stop();
    if (code !== 0) printServerLogTail(dirs);
    if (!process.env.VSCODE_SHIM_KEEP) fs.rmSync(dirs.base, { recursive: true, force: true });
  }
  return code;
}

process.exit(await main());
