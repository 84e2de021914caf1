/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hoverOnceAnswered, openInEditor, positionOfWord } from './helpers';

const WAIT_MS = 45_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Pids of the language servers this extension host started (its child processes running dist/server.js). */
function languageServerPids(): number[] {
  let children: string;
  try {
    children = execFileSync('pgrep', ['-P', String(process.pid)], { encoding: 'utf8' });
  } catch {
    return [];
  }
  return children
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('dist/server.js');
      } catch {
        return false;
      }
    });
}

async function waitForLanguageServer(other: number[] = []): Promise<number[]> {
  const deadline = Date.now() + WAIT_MS;
  let pids = languageServerPids().filter((pid) => !other.includes(pid));
  while (pids.length === 0 && Date.now() < deadline) {
    await sleep(250);
    pids = languageServerPids().filter((pid) => !other.includes(pid));
  }
  return pids;
}

suite('PharmaLens language server crash', () => {
  test('a killed language server is restarted and hovers come back', async function () {
    if (process.platform !== 'linux') this.skip();
    const document = await openInEditor('test/e2e/fixture/misquote.md');
    const position = positionOfWord(document, 'Amitriptyline');
    assert.ok((await hoverOnceAnswered(document, position)).includes('Amitriptyline'));
    const before = await waitForLanguageServer();
    assert.equal(before.length, 1, `language servers: ${before.join(', ')}`);
    process.kill(before[0], 'SIGKILL');
    const after = await waitForLanguageServer(before);
    assert.equal(after.length, 1, 'no new language server after the crash');
    const text = await hoverOnceAnswered(document, position);
    assert.ok(text.includes('Amitriptyline'), text);
  });
});
