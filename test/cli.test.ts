import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { projectRoot } from './helpers/server';

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'dist/cli.js'), ...args], { cwd: projectRoot, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonMention {
  line: number;
  character: number;
  kind: string;
  id: string;
  name: string;
  text: string;
}

test('check --format json lists every mention with line, character and id', () => {
  const { status, stdout } = cli('check', 'examples/amitriptyline-review.md', 'examples/amitriptyline-review.tex', '--format', 'json');
  assert.equal(status, 0);
  const report = JSON.parse(stdout) as { files: { file: string; mentions: JsonMention[] }[] };
  assert.deepEqual(report.files.map((file) => file.file), ['examples/amitriptyline-review.md', 'examples/amitriptyline-review.tex']);
  const markdown = report.files[0].mentions;
  assert.deepEqual(markdown.find((mention) => mention.text === 'Elavil'), {
    line: 9, character: 16, endLine: 9, endCharacter: 22, kind: 'compound', id: 'amitriptyline', name: 'amitriptyline', text: 'Elavil',
  });
  assert.ok(markdown.some((mention) => mention.id === 'KCNH2' && mention.text === 'Kv11.1'));
  assert.ok(!markdown.some((mention) => mention.line >= 56), 'nothing from the fenced code block');
  const latex = report.files[1].mentions;
  assert.ok(latex.some((mention) => mention.id === 'ADORA2A' && mention.text === 'A$_{2A}$'));
  assert.ok(latex.some((mention) => mention.id === 'group:alpha1-adrenoceptor' && mention.text.startsWith('\\textalpha')));
});

test('check prints one file:line:col line per finding and a summary in text format', () => {
  const clean = cli('check', 'examples/amitriptyline-review.tex');
  assert.equal(clean.status, 0);
  assert.match(clean.stdout, /^examples\/amitriptyline-review\.tex: \d+ mention\(s\) of \d+ compound\(s\)\/target\(s\), \d+ affinity statement\(s\), 0 finding\(s\)( \(\+\d+ hint\(s\), listed by --format json\))?$/m);
  const planted = cli('check', 'test/fixtures/affinity/planted/amitriptyline-profile.md');
  assert.match(planted.stdout, /^test\/fixtures\/affinity\/planted\/amitriptyline-profile\.md:\d+:\d+ error affinity\.unit-slip .+$/m);
});

test('json lists every statement with its verdict and the reference values used', () => {
  const { stdout } = cli('check', 'examples/amitriptyline-review.md', '--format', 'json');
  const [file] = (JSON.parse(stdout) as { files: { statements: Record<string, unknown>[] }[] }).files;
  const sert = file.statements.find((statement) => statement.target === 'SLC6A4' && statement.valueNm === 3.45);
  assert.ok(sert, JSON.stringify(file.statements.slice(0, 3)));
  assert.equal(sert.compound, 'amitriptyline');
  assert.equal(sert.measure, 'Ki');
  assert.equal(sert.verdict, 'consistent');
  assert.ok((sert.references as unknown[]).length > 0);
});

test('usage and input errors exit with 2 and say what is wrong', () => {
  const missing = cli('check', 'no/such/file.md');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no\/such\/file\.md: cannot read \(ENOENT\)/);
  const badFormat = cli('check', 'examples/amitriptyline-review.md', '--format', 'xml');
  assert.equal(badFormat.status, 2);
  assert.match(badFormat.stderr, /--format takes text or json/);
  const wrongType = cli('check', 'package.json');
  assert.equal(wrongType.status, 2);
  assert.match(wrongType.stderr, /package\.json: not a Markdown, Quarto, R Markdown or LaTeX file/);
  assert.equal(cli().status, 2);
});

test('a bad extra knowledge base is an input error naming the file', () => {
  const { status, stderr } = cli('check', 'examples/amitriptyline-review.md', '--kb', 'test/fixtures/kb/extra-bad-json.json');
  assert.equal(status, 2);
  assert.match(stderr, /extra-bad-json\.json:4:3: invalid JSON/);
});
