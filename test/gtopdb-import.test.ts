import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';
import { importGtopdbFiles } from '../server/src/node/gtopdb-import';
import { InputError } from '../server/src/node/input-error';
import { importGtopdbInteractions } from '../server/src/service/kb/import/gtopdb-interactions';
import { knowledgeBaseExtensionSchema } from '../scripts/kb-build/schema';

const root = path.resolve(__dirname, '..');
const fixtures = path.join(root, 'test/fixtures/gtopdb');
const bundled = loadKnowledgeBaseFiles().kb;
const current = ['interactions.csv', 'ligands.csv', 'targets_and_families.csv'].map((name) => path.join(fixtures, 'current', name));

function hover(files: string[], text: string, needle: string): string {
  const service = createLanguageService(loadKnowledgeBaseFiles(files));
  const document = TextDocument.create('file:///paper.md', 'markdown', 1, text);
  const analysis = service.analyze(document)!;
  return (service.hover(document, analysis, document.positionAt(text.indexOf(needle) + 1), { layout: 'full' })?.contents as MarkupContent | undefined)?.value ?? '';
}

test('the current layout (banner, 44 named columns) with ligands and targets: records replace the bundled GtoPdb ones', () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'pharmalens-import-')), 'gtopdb.pharmalens-kb.json');
  const run = importGtopdbFiles(current, out, bundled);
  assert.equal(run.result.release, '2024.1');
  assert.deepEqual(run.result.files.map((file) => [file.kind, file.layout ?? '', file.rows]), [['interactions', 'current', 6], ['ligands', '', 1], ['targets', '', 1]]);
  assert.equal(run.result.records, 3);
  assert.equal(run.result.interactions.withoutAffinity, 1);
  assert.deepEqual(run.result.skipped.map((row) => `${path.basename(row.source)}:${row.line}: ${row.reason}`), [
    'interactions.csv:6: an affinity value is not a number (high "", median "high", low "")',
    'interactions.csv:7: unknown affinity units "pKx" (expected pKi, pKd, pIC50, pEC50, pKB or pA2)',
  ]);
  assert.equal(run.result.newCompounds, 1);
  assert.equal(run.result.newTargets, 1);
  assert.ok(run.summary.some((line) => /interactions\.csv:6: an affinity value is not a number/.test(line)));

  const written = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(written.replaces, ['gtopdb:']);
  const loaded = loadKnowledgeBaseFiles([out]);
  assert.deepEqual(loaded.errors, []);
  const morphine = loaded.kb.affinities.filter((record) => record.compound === 'GtoPdb-ligand:1627');
  assert.deepEqual(morphine.map((record) => [record.target, record.measure, record.valueNm, record.origin]), [['OPRM1', 'Ki', 2, 'GtoPdb 2024.1']]);
  assert.ok(loaded.kb.affinities.some((record) => record.id.startsWith('tatsumi1997:')), 'records of other sources stay');
  assert.ok(!loaded.kb.affinities.some((record) => record.origin === 'GtoPdb 2020.5'), 'no bundled GtoPdb record is left');

  const card = hover([out], 'Morphine binds the μ-opioid receptor.', 'Morphine');
  assert.match(card, /\| μ receptor \| Ki · agonist \\\(full agonist\\\) \| 2 nM \| human \| \[PMID 12345678 via GtoPdb\]\(https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/12345678\/\) \(\+1 more paper\) \| database \|/, card);
  // A compound and a target only the download lists: recognized by their names, synonyms and brand names.
  const newCard = hover([out], 'Lensinib (PLX-0042) inhibits FXK1.', 'Lensinib');
  assert.match(newCard, /\*\*Pharmalenstinib\*\*/);
  assert.match(newCard, /\| FXK1 \| IC50 · inhibitor \| 5 nM \| human \| \[PMID 34567890 via GtoPdb\]\(https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/34567890\/\)/, newCard);
});

test('the older snake_case layout: the release is given, a row with missing fields is reported by line and skipped', () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'pharmalens-import-')), 'old.json');
  const run = importGtopdbFiles([path.join(fixtures, 'snake_case/interactions.csv')], out, bundled, { release: '2020.5' });
  assert.equal(run.result.release, '2020.5');
  assert.equal(run.result.files[0].layout, 'snake_case');
  assert.equal(run.result.records, 3);
  assert.deepEqual(run.result.skipped.map((row) => `${row.line}: ${row.reason}`), ['7: expected 38 fields, found 35']);
  assert.deepEqual(loadKnowledgeBaseFiles([out]).errors, []);
});

test('a file that is not a GtoPdb download, or no interactions file: a clear error and nothing written', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-import-'));
  const out = path.join(folder, 'kb.json');
  writeFileSync(out, 'previous content\n');
  const other = path.join(folder, 'other.csv');
  writeFileSync(other, 'name,value\na,1\n');
  assert.throws(() => importGtopdbFiles([other], out, bundled), (error: unknown) => error instanceof InputError && /other\.csv: not a GtoPdb interactions, ligands or targets file/.test(error.message));
  assert.throws(() => importGtopdbFiles([path.join(fixtures, 'current/ligands.csv')], out, bundled), /no interactions file among the files given/);
  assert.throws(() => importGtopdbFiles([path.join(folder, 'missing.csv')], out, bundled), /missing\.csv: cannot read \(ENOENT\)/);
  const unterminated = path.join(folder, 'interactions.csv');
  writeFileSync(unterminated, `${readFileSync(path.join(fixtures, 'snake_case/interactions.csv'), 'utf8')}"unterminated,field\n`);
  const run = importGtopdbFiles([unterminated], out, bundled, { release: 'x' });
  assert.ok(run.result.skipped.length >= 1, 'an unclosed quote at the end is a skipped row, not a crash');
  writeFileSync(out, 'previous content\n');
  assert.throws(() => importGtopdbFiles([other], out, bundled));
  assert.equal(readFileSync(out, 'utf8'), 'previous content\n');
});

test('pharmalens import-gtopdb: writes the file and prints the summary; --help; a missing --out is a usage error', () => {
  const cli = path.join(root, 'dist/cli.js');
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-import-'));
  const out = path.join(folder, 'gtopdb.pharmalens-kb.json');
  const ok = spawnSync(process.execPath, [cli, 'import-gtopdb', ...current, '--out', out], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /GtoPdb 2024\.1: 3 interactions with an affinity → 3 records/);
  assert.match(ok.stdout, /interactions\.csv:7: unknown affinity units "pKx"/);
  assert.ok(existsSync(out));
  const check = spawnSync(process.execPath, [cli, 'check', path.join(root, 'test/fixtures/affinity/correct/opioids-kinases-statins.md'), '--kb', out, '--format', 'json'], { encoding: 'utf8' });
  assert.ok(check.status === 0 || check.status === 1, check.stderr);
  const help = spawnSync(process.execPath, [cli, 'import-gtopdb', '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: pharmalens import-gtopdb FILE\.\.\. --out FILE/);
  const noOut = spawnSync(process.execPath, [cli, 'import-gtopdb', ...current], { encoding: 'utf8' });
  assert.equal(noOut.status, 2);
  assert.match(noOut.stderr, /--out FILE is required/);
  const bad = spawnSync(process.execPath, [cli, 'import-gtopdb', path.join(fixtures, 'current/ligands.csv'), '--out', out], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /no interactions file among the files given/);
});

test('the bundled interactions file reads whole: every row with an affinity is a record or reported by line', () => {
  const parsed = importGtopdbInteractions(readFileSync(path.join(root, 'data/sources/gtopdb_2020.5_interactions.csv'), 'utf8'), 'interactions.csv');
  assert.equal(parsed.layout, 'snake_case');
  assert.equal(parsed.rowsRead, 20268);
  assert.equal(parsed.interactions.length + parsed.skipped.length + parsed.withoutTarget + parsed.ligandAsTarget, 18015);
  assert.deepEqual(parsed.skipped, [{ line: 12417, reason: 'pIC50 18 is outside any affinity scale' }]);
  const fluoxetine = parsed.interactions.find((row) => row.ligandName === 'fluoxetine' && row.targetName === 'SERT' && row.species === 'human' && row.pmids.includes('9537821'));
  assert.deepEqual(fluoxetine && [fluoxetine.measure, fluoxetine.valueNm, fluoxetine.asWritten], ['Ki', 3, 'Ki 3 nM']);
});

test('the published JSON Schema (contributed through jsonValidation) is the one files are checked with', () => {
  const published = JSON.parse(readFileSync(path.join(root, 'schemas/pharmalens-kb.schema.json'), 'utf8'));
  assert.deepEqual(published, JSON.parse(JSON.stringify(knowledgeBaseExtensionSchema)));
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: ['*.pharmalens-kb.json', 'pharmalens-kb.json'], url: './schemas/pharmalens-kb.schema.json' }]);
  assert.ok(manifest.contributes.commands.some((command: { command: string; title: string }) => command.command === 'pharmalens.importGtopdb' && command.title === 'Import GtoPdb Download…'));
  assert.match(readFileSync(path.join(root, '.vscodeignore'), 'utf8'), /^!schemas\/pharmalens-kb\.schema\.json$/m);
});

test("the README's example knowledge-base file loads, citing a bundled paper by its PubMed ID", () => {
  const loaded = loadKnowledgeBaseFiles([path.join(root, 'examples/lab-values.pharmalens-kb.json')]);
  assert.deepEqual(loaded.errors, []);
  assert.ok(loaded.kb.affinities.some((record) => record.id === 'lab:morphine:OPRM1:1' && record.referenceId === 'pmid:9686407'));
  const card = hover([path.join(root, 'examples/lab-values.pharmalens-kb.json')], 'Amitriptyline binds SERT.', 'Amitriptyline');
  assert.match(card, /\| SERT \| Ki \| 4\.1 nM \(\d+ records; [^|]+\) \| human \| \[Example Lab 2026\]\(https:\/\/example\.org\/notebook\/42\) \| primary paper \|/, card);
});
