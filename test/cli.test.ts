import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { projectRoot } from './helpers/server';

function cliIn(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return cliIn(projectRoot, ...args);
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
  assert.deepEqual(report.files.map((file) => file.file), ['examples/amitriptyline-review.md', 'examples/amitriptyline-review.tex', 'examples/references.bib'], 'the bibliography they use is checked too');
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

test('check prints one file:line:col line per finding and one summary line in text format; a clean file prints nothing', () => {
  const clean = cli('check', 'examples/amitriptyline-review.tex');
  assert.equal(clean.status, 0);
  assert.match(clean.stdout, /^2 file\(s\) checked, \d+ affinity statement\(s\): 0 error\(s\), 0 warning\(s\)( \(\+\d+ below --min-severity warning\))?\n$/, 'the manuscript and its references.bib');
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

const PLANTED = 'test/fixtures/affinity/planted';

function findingLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^\S+:\d+:\d+ /.test(line));
}

test('check walks folders and expands globs, and exits 0 clean, 1 on findings at or above --fail-on', () => {
  const clean = cli('check', 'examples');
  assert.equal(clean.status, 0, clean.stderr);
  assert.match(clean.stdout, /^3 file\(s\) checked, \d+ affinity statement\(s\): 0 error\(s\), 0 warning\(s\)( \(\+\d+ below --min-severity warning\))?$/m, 'two manuscripts and their references.bib');
  const planted = cli('check', PLANTED);
  assert.equal(planted.status, 1);
  assert.equal(new Set(findingLines(planted.stdout).map((line) => line.split(':')[0])).size, 6, 'six planted manuscripts, not the truth files');
  const globbed = cli('check', 'test/**/planted/*.{qmd,tex}', '--format', 'json');
  const files = (JSON.parse(globbed.stdout) as { files: { file: string }[] }).files.map((file) => file.file);
  assert.deepEqual(files, [`${PLANTED}/antipsychotic-receptors.tex`, `${PLANTED}/sedating-antidepressants.tex`, `${PLANTED}/ssri-transporters.qmd`]);
  assert.equal(cli('check', PLANTED, '--fail-on', 'none').status, 0);
  const noMatch = cli('check', 'examples/**/*.qmd');
  assert.equal(noMatch.status, 2);
  assert.match(noMatch.stderr, /examples\/\*\*\/\*\.qmd: no Markdown, Quarto, R Markdown, LaTeX or BibTeX file matches/);
});

test('--min-severity filters what is shown (warning by default), --quiet drops the summary, and no colour off a terminal', () => {
  const errorsOnly = cli('check', `${PLANTED}/amitriptyline-profile.md`, '--min-severity', 'error');
  assert.ok(findingLines(errorsOnly.stdout).length > 0);
  assert.ok(findingLines(errorsOnly.stdout).every((line) => / error affinity\./.test(line)));
  assert.doesNotMatch(errorsOnly.stdout, /\u001b\[/);
  const withHints = cli('check', `${PLANTED}/amitriptyline-profile.md`, '--min-severity', 'hint');
  assert.ok(findingLines(withHints.stdout).some((line) => / hint /.test(line)));
  const byDefault = cli('check', `${PLANTED}/amitriptyline-profile.md`);
  assert.ok(findingLines(byDefault.stdout).every((line) => / (error|warning) /.test(line)), 'information and hints only on request');
  const quiet = cli('check', PLANTED, '-q');
  assert.equal(quiet.status, 1);
  const quietLines = quiet.stdout.trimEnd().split('\n');
  assert.ok(quietLines.length > 0 && quietLines.every((line) => /^\S+:\d+:\d+ (error|warning) /.test(line)), quiet.stdout);
  const badLevel = cli('check', 'examples', '--fail-on', 'fatal');
  assert.equal(badLevel.status, 2);
  assert.match(badLevel.stderr, /--fail-on takes error, warning, information, hint or none, not "fatal"/);
});

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; semanticVersion: string; rules: { id: string; defaultConfiguration: { level: string }; help: { text: string } }[] } };
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
      fixes?: { artifactChanges: { replacements: { deletedRegion: Record<string, number>; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

function sarifValidator() {
  // The schema is draft-04 (`id`, `$schema` draft-04); Ajv 8 reads its keywords as draft-07 once those two are dropped.
  const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  delete schema.id;
  return new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema);
}

test('--format sarif is valid SARIF 2.1.0 with one rule per code, regions and fixes', () => {
  const { status, stdout } = cli('check', PLANTED, 'examples', '--format', 'sarif', '--min-severity', 'hint');
  assert.equal(status, 1);
  const log = JSON.parse(stdout) as SarifLog;
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5)));
  assert.equal(log.version, '2.1.0');
  const [run] = log.runs;
  const { version } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  assert.equal(run.tool.driver.name, 'PharmaLens');
  assert.equal((run.tool.driver as { informationUri?: string }).informationUri, undefined, 'no link to a page that does not exist');
  assert.equal(run.tool.driver.semanticVersion, version);
  const ruleIds = run.tool.driver.rules.map((rule) => rule.id);
  assert.ok(ruleIds.includes('affinity.unit-slip') && ruleIds.includes('citation.unresolved'));
  assert.equal(new Set(ruleIds).size, ruleIds.length);
  for (const result of run.results) {
    assert.ok(ruleIds.includes(result.ruleId), result.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(result.level));
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    assert.match(artifactLocation.uri, /^(test\/fixtures\/affinity\/planted|examples)\/[\w-]+\.(md|tex|qmd)$/);
    assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
    assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine);
  }
  const unitSlip = run.results.find((result) => result.ruleId === 'affinity.unit-slip' && result.fixes);
  assert.ok(unitSlip, 'a unit slip with its fix');
  const replacement = unitSlip.fixes![0].artifactChanges[0].replacements[0];
  assert.ok(replacement.deletedRegion.startLine >= 1 && replacement.insertedContent.text.length > 0);
  assert.ok(run.results.some((result) => result.level === 'note'), 'hints are reported as notes in SARIF when asked for');
  const byDefault = JSON.parse(cli('check', PLANTED, '--format', 'sarif').stdout) as SarifLog;
  assert.ok(byDefault.runs[0].results.length > 0 && byDefault.runs[0].results.every((result) => result.level !== 'note'), 'no notes by default');
});

test('table lists every affinity statement as CSV or a Markdown table', () => {
  const csv = cli('table', `${PLANTED}/amitriptyline-profile.md`);
  assert.equal(csv.status, 0, csv.stderr);
  const lines = csv.stdout.trimEnd().split('\r\n');
  assert.equal(lines[0], 'file,line,compound,target,measure,value,valueNm,valueHighNm,verdict,code,referenceRange,referenceLowNm,referenceHighNm,sources');
  const json = cli('check', `${PLANTED}/amitriptyline-profile.md`, '--format', 'json');
  const statements = (JSON.parse(json.stdout) as { files: { statements: unknown[] }[] }).files[0].statements;
  assert.equal(lines.length - 1, statements.length);
  assert.ok(lines.some((line) => line.includes(',affinity.unit-slip,')));
  assert.ok(lines.slice(1).every((line) => line.startsWith(`${PLANTED}/amitriptyline-profile.md,`)));
  const quoted = lines.find((line) => line.includes('"3,250 µM"'));
  assert.ok(quoted, 'a value with a comma is quoted');
  const markdown = cli('table', `${PLANTED}/antipsychotic-receptors.tex`, '--format', 'md');
  const rows = markdown.stdout.trimEnd().split('\n');
  assert.match(rows[0], /^\| file \| line \| compound \|/);
  assert.equal(rows[1], `|${' --- |'.repeat(14)}`);
  assert.ok(rows.slice(2).every((row) => row.replace(/\\\|/g, '').split('|').length === 16), 'every pipe inside a cell is escaped');
});

test('project config: severity overrides and knowledge-base files apply; a malformed config exits 2 naming file and line', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-config-'));
  const manuscript = path.join(projectRoot, PLANTED, 'opioids-kinases-statins.md');
  writeFileSync(path.join(folder, '.pharmalens.json'), JSON.stringify({ severity: { 'affinity.unit-slip': 'off', 'affinity.decimal-slip': 'warning', 'affinity.target-swap': 'off' } }));
  const relaxed = cliIn(folder, 'check', manuscript);
  assert.equal(relaxed.status, 0, relaxed.stdout);
  assert.doesNotMatch(relaxed.stdout, /unit-slip/);
  assert.match(relaxed.stdout, / warning affinity\.decimal-slip /);
  writeFileSync(path.join(folder, 'strict.json'), '{\n  "severity": {\n    "affinity.mismatch": "fatal"\n  }\n}\n');
  const badLevel = cliIn(folder, 'check', manuscript, '--config', 'strict.json');
  assert.equal(badLevel.status, 2);
  assert.match(badLevel.stderr, /strict\.json:3: "affinity\.mismatch" takes error, warning, information, hint or off/);
  writeFileSync(path.join(folder, 'pharmalens.config.json'), '{\n  "severity": {,\n}\n');
  writeFileSync(path.join(folder, '.pharmalens.json'), '{\n  "knowledgeBase": ["extra.json"],\n  "colour": true\n}\n');
  const unknownKey = cliIn(folder, 'check', manuscript);
  assert.equal(unknownKey.status, 2);
  assert.match(unknownKey.stderr, /\.pharmalens\.json:3: unknown setting "colour"/);
  const badJson = cliIn(folder, 'check', manuscript, '--config', 'pharmalens.config.json');
  assert.equal(badJson.status, 2);
  assert.match(badJson.stderr, /pharmalens\.config\.json:2:\d+: invalid JSON/);
  writeFileSync(path.join(folder, '.pharmalens.json'), JSON.stringify({ knowledgeBase: [path.join(projectRoot, 'test/fixtures/kb/extra-bad-json.json')] }));
  const badKb = cliIn(folder, 'check', manuscript);
  assert.equal(badKb.status, 2);
  assert.match(badKb.stderr, /extra-bad-json\.json:4:3: invalid JSON/);
});

test('project config latexIgnoredCommands: the first argument of those commands is not read as prose', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-latex-config-'));
  writeFileSync(path.join(folder, 'paper.tex'), 'Amitriptyline binds \\internalnote{SERT with a Ki of 345 nM} SERT.\n');
  const run = (config?: object) => {
    if (config) writeFileSync(path.join(folder, '.pharmalens.json'), JSON.stringify(config));
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'dist/cli.js'), 'check', 'paper.tex', '--format', 'json'], { cwd: folder, encoding: 'utf8' });
    return JSON.parse(result.stdout) as { files: { mentions: { text: string }[]; statements: unknown[] }[] };
  };
  assert.equal(run().files[0].statements.length, 1);
  const ignored = run({ latexIgnoredCommands: ['internalnote'] }).files[0];
  assert.equal(ignored.statements.length, 0);
  assert.deepEqual(ignored.mentions.map((mention) => mention.text), ['Amitriptyline', 'SERT']);
});
