/** A replacement says what its source says: value, unit and measure, each in the writer's notation (issue 15, point 2). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { replacementFor, unitInNotation } from '../server/src/service/check/replacement';
import type { AffinityRecord } from '../server/src/service/kb/types';
import type { AffinityStatement } from '../server/src/service/extract/types';
import { bundledService } from './helpers/fixture';

const service = bundledService();

function statementIn(text: string, languageId = 'markdown'): AffinityStatement {
  const [first] = service.analyze(TextDocument.create('file:///a', languageId, 1, text))!.checked;
  assert.ok(first, `no value read in ${text}`);
  return first.statement;
}

function record(measure: AffinityRecord['measure'], valueNm: number, valueHighNm?: number): AffinityRecord {
  return { id: 'r', compound: 'amitriptyline', target: 'SLC6A4', measure, relation: '=', valueNm, valueHighNm, asWritten: '', species: 'human', referenceId: 'x', grade: 'primary', origin: 'test' };
}

function applied(text: string, languageId: string, rec: AffinityRecord): string | undefined {
  const statement = statementIn(text, languageId);
  const replacement = replacementFor(statement, rec, languageId === 'latex' ? 'latex' : 'markdown');
  if (!replacement) return undefined;
  return [...replacement.edits].sort((a, b) => b.span.start - a.span.start).reduce((result, edit) => result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end), text);
}

test('units change in the notation they are written in', () => {
  assert.equal(unitInNotation('\\nano\\molar', 'µM', 'latex'), '\\micro\\molar');
  assert.equal(unitInNotation('nM', 'µM', 'markdown'), 'µM');
  assert.equal(unitInNotation('nM', 'µM', 'latex'), '$\\mu$M');
  assert.equal(unitInNotation('µM', 'nM', 'markdown'), 'nM');
  assert.equal(unitInNotation('\\mu$M', 'nM', 'latex'), '\\mathrm{n}$M', 'a unit starting inside math stays inside it');
  assert.equal(unitInNotation('nmol/L', 'µM', 'markdown'), undefined);
});

test('a replacement carries the source measure and a unit that reads naturally, or is not offered', () => {
  // A Kd in nM replacing a Ki written in µM: measure and unit change with the value, not "0.035 µM" under Ki.
  assert.equal(applied('Amitriptyline binds SERT with a Ki of 3.5 µM.', 'markdown', record('Kd', 4.3)), 'Amitriptyline binds SERT with a Kd of 4.3 nM.');
  // The writer's unit is kept where the value reads naturally in it: 0.72 µM stays µM, not 720 nM.
  assert.equal(applied('Amitriptyline binds SERT with a Ki of 0.5 µM.', 'markdown', record('Ki', 720)), 'Amitriptyline binds SERT with a Ki of 0.72 µM.');
  // 220 µM is not written as 220000 nM.
  assert.equal(applied('Amitriptyline binds SERT with a Ki of 22 nM.', 'markdown', record('Ki', 220_000)), 'Amitriptyline binds SERT with a Ki of 220 µM.');
  assert.equal(applied('Amitriptyline binds SERT with an IC$_{50}$ of \\SI{0.18}{\\nano\\molar}.', 'latex', record('Ki', 100, 316)), 'Amitriptyline binds SERT with an K$_{i}$ of \\SIrange{100}{316}{\\nano\\molar}.');
  assert.equal(applied('Amitriptyline binds SERT with $K_\\mathrm{i} = 4.78$~$\\mu$M.', 'latex', record('Ki', 4.78)), 'Amitriptyline binds SERT with $K_\\mathrm{i} = 4.78$~$\\mathrm{n}$M.');
  // A measure read from the word "affinity" is not a label to rewrite: no replacement under another measure.
  const byAffinityWord = { ...statementIn('Amitriptyline binds SERT with a Ki of 43 nM.'), measureFrom: 'affinity-word' as const, measureText: 'affinity' };
  assert.equal(replacementFor(byAffinityWord, record('Kd', 4.3), 'markdown'), undefined);
  // Another measure and no label beside the value: the label cannot be made right, so no replacement.
  assert.equal(applied('| Compound | SERT Ki (nM) |\n|---|---|\n| amitriptyline | 43 |\n', 'markdown', record('Kd', 4.3)), undefined);
});

test('a bound written before the value follows the source: "> 10 µM" replaced by a value the source gives exactly loses its sign', () => {
  assert.equal(applied('Amitriptyline binds SERT with a Ki > 10 µM.', 'markdown', record('Ki', 4.3)), 'Amitriptyline binds SERT with a Ki 4.3 nM.');
  assert.equal(applied('Amitriptyline binds SERT with a Ki of 43 nM.', 'markdown', { ...record('Ki', 10_000), relation: '>' }), 'Amitriptyline binds SERT with a Ki of > 10 µM.');
  assert.equal(applied('Amitriptyline binds SERT with a Ki of ~43 nM.', 'markdown', record('Ki', 4.3)), 'Amitriptyline binds SERT with a Ki of ~4.3 nM.', 'approximately stays');
});

test('a unit written between the ends of a range cannot be rewritten: no replacement (fuzzing found overlapping edits)', () => {
  const statement = statementIn('| Target | K~i~ (nM) |\n|---|---|\n| SERT | 111e-9 M–24 |\n');
  assert.ok(statement.unitSpan && statement.unitSpan.start < statement.valueSpan.end, JSON.stringify(statement));
  assert.equal(replacementFor(statement, record('Ki', 14.7), 'markdown'), undefined);
});
