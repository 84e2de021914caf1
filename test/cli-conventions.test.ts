/** The CLI as CI users expect it (issue 14): encodings, paths that are paths, one bad file not hiding the others. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
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

test('--help and --version print on stdout and exit 0, for the CLI, its commands and the server', () => {
  const server = (...args: string[]) => spawnSync(process.execPath, [path.join(projectRoot, 'dist/server.js'), ...args], { encoding: 'utf8' });
  const { version } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  for (const args of [['--help'], ['-h'], ['check', '--help'], ['table', '-h']]) {
    const run = cliIn(projectRoot, ...args);
    assert.equal(run.status, 0, args.join(' '));
    assert.match(run.stdout, /^Usage: pharmalens check PATH/);
    assert.equal(run.stderr, '');
  }
  for (const args of [['--version'], ['-V']]) assert.equal(cliIn(projectRoot, ...args).stdout, `${version}\n`);
  assert.match(server('--help').stdout, /^Usage: pharmalens-ls --stdio/);
  assert.equal(server('--version').stdout, `${version}\n`);
  const bare = server();
  assert.equal(bare.status, 2);
  assert.doesNotMatch(bare.stderr, /\n\s+at /, 'no stack trace');
});

test('options as --option=value and short options; standard input with - and --stdin-filename', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-options-'));
  writeFileSync(path.join(folder, 'a.md'), PAPER);
  assert.equal(json(cliIn(folder, 'check', '--format=json', 'a.md').stdout).files.length, 1);
  assert.equal(json(cliIn(folder, 'check', '-f', 'json', 'a.md').stdout).files.length, 1);
  const latex = '\\documentclass{article}\n\\begin{document}\nAmitriptyline binds SERT with a $K_i$ of 345 nM.\n\\end{document}\n';
  const piped = spawnSync(process.execPath, [path.join(projectRoot, 'dist/cli.js'), 'check', '-', '--stdin-filename', 'chapter.tex'], { cwd: folder, input: latex, encoding: 'utf8' });
  assert.equal(piped.status, 1, piped.stderr);
  assert.match(piped.stdout, /^chapter\.tex:3:\d+ error affinity\.decimal-slip /m);
});

test('--exclude, "exclude" in the nearest parent config and .gitignore leave files out; --no-gitignore and naming a file bring them back', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'pharmalens-exclude-'));
  mkdirSync(path.join(root, '.git'));
  for (const folder of ['paper', 'paper/_site', 'paper/renv/library', 'paper/drafts']) mkdirSync(path.join(root, folder), { recursive: true });
  for (const file of ['paper/main.md', 'paper/_site/main.md', 'paper/renv/library/README.md', 'paper/drafts/old.md', 'paper/notes.md']) writeFileSync(path.join(root, file), PAPER);
  writeFileSync(path.join(root, '.gitignore'), '_site/\n');
  writeFileSync(path.join(root, '.pharmalens.json'), JSON.stringify({ exclude: ['renv'] }));
  const checked = (run: { stdout: string }) => json(run.stdout).files.map((file) => file.file).sort();
  const paper = path.join(root, 'paper');
  assert.deepEqual(checked(cliIn(paper, 'check', '.', '-f', 'json')), ['drafts/old.md', 'main.md', 'notes.md']);
  assert.deepEqual(checked(cliIn(paper, 'check', '.', '-f', 'json', '--exclude', 'drafts', '-e', 'notes.md')), ['main.md']);
  assert.deepEqual(checked(cliIn(paper, 'check', '.', '-f', 'json', '--no-gitignore')), ['_site/main.md', 'drafts/old.md', 'main.md', 'notes.md']);
  assert.deepEqual(checked(cliIn(paper, 'check', '_site/main.md', '-f', 'json')), ['_site/main.md'], 'a file named on the command line is checked');
});

test('a .bib argument and the bibliographies manuscripts use are checked for syntax errors and repeated keys', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-bib-'));
  writeFileSync(path.join(folder, 'refs.bib'), '@article{a, title = {A}}\n@article{a, title = {Again}}\n@article{broken, title = {Unclosed}\n');
  writeFileSync(path.join(folder, 'paper.md'), `---\nbibliography: refs.bib\n---\n\n${PAPER}`);
  const direct = cliIn(folder, 'check', 'refs.bib', '--min-severity', 'hint');
  assert.match(direct.stdout, /^refs\.bib:\d+:\d+ \w+ bibtex\.duplicate-key /m);
  assert.match(direct.stdout, /^refs\.bib:\d+:\d+ \w+ bibtex\.syntax /m);
  const used = cliIn(folder, 'check', 'paper.md', '--min-severity', 'hint');
  assert.match(used.stdout, /^refs\.bib:\d+:\d+ \w+ bibtex\.syntax /m, used.stdout);
  assert.match(used.stdout, /^2 file\(s\) checked/m);
});

test('symbolic links are followed, and one looping back is reported, not walked forever', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-links-'));
  mkdirSync(path.join(folder, 'real'));
  writeFileSync(path.join(folder, 'real', 'paper.md'), PAPER);
  symlinkSync(path.join(folder, 'real', 'paper.md'), path.join(folder, 'linked.md'));
  symlinkSync(folder, path.join(folder, 'real', 'loop'));
  const run = cliIn(folder, 'check', '.', '-f', 'json');
  assert.deepEqual(json(run.stdout).files.map((file) => file.file).sort(), ['linked.md', 'real/paper.md']);
  assert.match(run.stderr, /real\/loop: not followed: a symbolic link back into a folder above it/);
});

test('fix applies the fixes that need no choice and says what it changed; --dry-run prints a diff and writes nothing', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-fix-'));
  const text = 'Amitriptyline binds SERT with a Ki of 3.45 uM.\nAmitriptyline binds the human serotonin transporter (SERT) with a Kd of 4.3 nM.\n';
  writeFileSync(path.join(folder, 'paper.md'), text);
  const dry = cliIn(folder, 'fix', 'paper.md', '--dry-run');
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /^--- a\/paper\.md/m);
  assert.match(dry.stdout, /^-Amitriptyline binds SERT with a Ki of 3\.45 uM\.$/m);
  assert.match(dry.stdout, /^\+Amitriptyline binds SERT with a Ki of 3\.45 nM\.$/m);
  assert.match(dry.stderr, /would apply 1 fix\(es\) in 1 file\(s\)/);
  assert.equal(readFileSync(path.join(folder, 'paper.md'), 'utf8'), text, 'a dry run writes nothing');
  const applied = cliIn(folder, 'fix', 'paper.md');
  assert.equal(applied.status, 0, applied.stderr);
  assert.match(applied.stdout, /^paper\.md:1:\d+ affinity\.unit-slip 3\.45 uM → 3\.45 nM \(Change the unit to nM\)$/m);
  assert.equal(readFileSync(path.join(folder, 'paper.md'), 'utf8'), text.replace('3.45 uM', '3.45 nM'));
  assert.equal(cliIn(folder, 'check', 'paper.md').status, 0, 'nothing left to fix');
  const again = cliIn(folder, 'fix', 'paper.md');
  assert.match(again.stderr, /applied 0 fix\(es\) in 0 file\(s\)/);
});

test('fix leaves a file it would have to re-encode alone, and changes nothing that needs a choice', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-fix-encoding-'));
  const slip = 'Amitriptyline binds SERT with a Ki of 3.45 uM.\n';
  writeFileSync(path.join(folder, 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(slip, 'utf16le')]));
  const run = cliIn(folder, 'fix', 'utf16.md');
  assert.match(run.stderr, /utf16\.md: not written: the file is UTF-16LE/);
  assert.deepEqual(readFileSync(path.join(folder, 'utf16.md')), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(slip, 'utf16le')]));
  // A value ten times off with no slip to explain it has several possible corrections: fix leaves it to the writer.
  const mismatch = 'Amitriptyline binds the human serotonin transporter (SERT) with a Kd of 43 µM.\n';
  writeFileSync(path.join(folder, 'mismatch.md'), mismatch);
  cliIn(folder, 'fix', 'mismatch.md');
  assert.equal(readFileSync(path.join(folder, 'mismatch.md'), 'utf8'), mismatch);
});

test('--format json is written file by file and is byte for byte what JSON.stringify would print; a missing file comes after', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-json-'));
  writeFileSync(path.join(folder, 'a.md'), PAPER);
  writeFileSync(path.join(folder, 'b.md'), 'Amitriptyline binds SERT with a Kd of 4.3 µM.\n');
  const run = cliIn(folder, 'check', 'a.md', 'missing.md', 'b.md', '--format', 'json');
  assert.equal(run.status, 2, run.stderr);
  const parsed = JSON.parse(run.stdout) as { files: { file: string; findings: { code: string }[] }[]; errors: { file: string }[] };
  assert.equal(run.stdout, `${JSON.stringify(parsed, null, 2)}\n`);
  assert.deepEqual(parsed.files.map((file) => file.file), ['a.md', 'b.md']);
  assert.deepEqual(parsed.errors.map((error) => error.file), ['missing.md']);
  assert.ok(parsed.files[1].findings.some((finding) => finding.code === 'affinity.unit-slip'));
  const bad = cliIn(folder, 'check', 'a.md', '--format', 'json', '--kb', 'missing-kb.json');
  assert.equal(bad.status, 2);
  assert.equal(bad.stdout, '', 'a knowledge-base error ends the run before any JSON is written');
});
