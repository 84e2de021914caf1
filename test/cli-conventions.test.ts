/** The CLI as CI users expect it (issue 14): encodings, paths that are paths, one bad file not hiding the others. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { projectRoot } from './helpers/server';

function cliIn(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const PAPER = 'Amitriptyline binds the human serotonin transporter (SERT) with a Kd of 4.3 nM and blocks hERG with an IC50 of 3.26 µM.\n';

interface JsonRun {
  files: { file: string; mentions: unknown[]; statements: { valueNm?: number; unit?: string }[]; warnings: string[] }[];
  errors: { file: string; message: string }[];
}

function json(stdout: string): JsonRun {
  return JSON.parse(stdout) as JsonRun;
}

test('UTF-16 (either byte order, with a BOM) and UTF-8 with a BOM read like UTF-8; a Latin-1 file keeps its µ, with a warning', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-encodings-'));
  const utf16be = Buffer.from(PAPER, 'utf16le').swap16();
  writeFileSync(path.join(folder, 'utf8.md'), PAPER);
  writeFileSync(path.join(folder, 'utf8-bom.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAPER)]));
  writeFileSync(path.join(folder, 'utf16le.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PAPER, 'utf16le')]));
  writeFileSync(path.join(folder, 'utf16be.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]));
  writeFileSync(path.join(folder, 'latin1.md'), Buffer.from(PAPER, 'latin1'));
  const run = cliIn(folder, 'check', '.', '--format', 'json');
  const files = json(run.stdout).files;
  const reference = files.find((file) => file.file === 'utf8.md')!;
  assert.ok(reference.statements.length >= 2);
  for (const name of ['utf8-bom.md', 'utf16le.md', 'utf16be.md', 'latin1.md']) {
    const file = files.find((candidate) => candidate.file === name)!;
    assert.equal(file.mentions.length, reference.mentions.length, name);
    assert.deepEqual(file.statements.map((statement) => statement.valueNm), reference.statements.map((statement) => statement.valueNm), name);
  }
  assert.deepEqual(files.find((file) => file.file === 'latin1.md')!.warnings, ['latin1.md: not valid UTF-8; read as Windows-1252 (Latin-1)']);
  assert.match(run.stderr, /pharmalens: warning: latin1\.md: not valid UTF-8; read as Windows-1252 \(Latin-1\)/);
  assert.deepEqual(files.find((file) => file.file === 'utf16le.md')!.warnings, []);
});

test('file names with #, ?, % and spaces are paths, given alone or found in a folder', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-paths-'));
  mkdirSync(path.join(folder, 'lab#2'));
  for (const name of ['lab#2/paper.md', 'lab#2/draft?v=2.md', 'lab#2/100% done.md']) writeFileSync(path.join(folder, name), PAPER);
  const alone = cliIn(folder, 'check', 'lab#2/paper.md', '--format', 'json');
  assert.equal(alone.status, 0, alone.stderr);
  assert.equal(json(alone.stdout).files.length, 1);
  const walked = cliIn(folder, 'check', 'lab#2', '--format', 'json');
  assert.deepEqual(json(walked.stdout).files.map((file) => file.file).sort(), ['lab#2/100% done.md', 'lab#2/draft?v=2.md', 'lab#2/paper.md']);
});

test('a file that cannot be read is reported, the others are still checked, and the run exits 2 at the end', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-missing-'));
  writeFileSync(path.join(folder, 'a.md'), PAPER);
  writeFileSync(path.join(folder, 'c.md'), PAPER.replace('4.3 nM', '4.3 µM'));
  const asJson = cliIn(folder, 'check', 'a.md', 'missing.md', 'c.md', '--format', 'json');
  assert.equal(asJson.status, 2);
  assert.deepEqual(json(asJson.stdout).files.map((file) => file.file), ['a.md', 'c.md']);
  assert.deepEqual(json(asJson.stdout).errors, [{ file: 'missing.md', message: 'missing.md: cannot read (ENOENT)' }]);
  const asSarif = cliIn(folder, 'check', 'a.md', 'missing.md', 'c.md', '--format', 'sarif');
  assert.equal(asSarif.status, 2);
  const [run] = (JSON.parse(asSarif.stdout) as { runs: { results: unknown[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }[] }).runs;
  assert.ok(run.results.length > 0, 'the findings of the readable files');
  assert.equal(run.invocations[0].executionSuccessful, false);
  assert.equal(run.invocations[0].toolExecutionNotifications[0].level, 'error');
  assert.equal(run.invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri, 'missing.md');
  const asText = cliIn(folder, 'check', 'a.md', 'missing.md', 'c.md');
  assert.equal(asText.status, 2);
  assert.match(asText.stderr, /^pharmalens: missing\.md: cannot read \(ENOENT\)$/m);
  assert.match(asText.stdout, /^c\.md:1:\d+ error affinity\./m);
  assert.match(asText.stdout, /^2 file\(s\) checked/m);
});
