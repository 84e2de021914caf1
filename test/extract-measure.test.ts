import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMeasureAt } from '../server/src/service/extract/measure';
import { extract } from './helpers/extract';

function measureOf(label: string): string | undefined {
  const read = readMeasureAt(label, 0);
  return read && read.end === label.length ? `${read.measure}/${read.scale}` : undefined;
}

test('plain measure labels', () => {
  assert.equal(measureOf('Ki'), 'Ki/concentration');
  assert.equal(measureOf('Kd'), 'Kd/concentration');
  assert.equal(measureOf('KD'), 'Kd/concentration');
  assert.equal(measureOf('IC50'), 'IC50/concentration');
  assert.equal(measureOf('EC50'), 'EC50/concentration');
  assert.equal(measureOf('Kb'), 'Kb/concentration');
  assert.equal(measureOf('KB'), 'Kb/concentration');
});

test('p-scale labels', () => {
  assert.equal(measureOf('pKi'), 'Ki/p-scale');
  assert.equal(measureOf('pKd'), 'Kd/p-scale');
  assert.equal(measureOf('pIC50'), 'IC50/p-scale');
  assert.equal(measureOf('pEC50'), 'EC50/p-scale');
  assert.equal(measureOf('pA2'), 'pA2/p-scale');
  assert.equal(measureOf('pIC$_{50}$'), 'IC50/p-scale');
});

test('subscript spellings in LaTeX, HTML and Pandoc', () => {
  assert.equal(measureOf('K_i'), 'Ki/concentration');
  assert.equal(measureOf('K$_i$'), 'Ki/concentration');
  assert.equal(measureOf('K_\\mathrm{i}'), 'Ki/concentration');
  assert.equal(measureOf('K_{\\text{d}}'), 'Kd/concentration');
  assert.equal(measureOf('K_{\\mathrm{D}}'), 'Kd/concentration');
  assert.equal(measureOf('IC$_{50}$'), 'IC50/concentration');
  assert.equal(measureOf('\\mathrm{IC}_{50}'), 'IC50/concentration');
  assert.equal(measureOf('\\mathrm{p}K_\\mathrm{i}'), 'Ki/p-scale');
  assert.equal(measureOf('\\mathrm{pK}_\\mathrm{i}'), 'Ki/p-scale');
  assert.equal(measureOf('IC<sub>50</sub>'), 'IC50/concentration');
  assert.equal(measureOf('K<sub>i</sub>'), 'Ki/concentration');
  assert.equal(measureOf('K~i~'), 'Ki/concentration');
  assert.equal(measureOf('IC(50)'), 'IC50/concentration');
  assert.equal(measureOf('K(i)'), 'Ki/concentration');
  assert.equal(measureOf('K\\textsubscript{i}'), 'Ki/concentration');
  assert.equal(measureOf('pK$_i$'), 'Ki/p-scale');
  assert.equal(measureOf('p$K_i$'), 'Ki/p-scale');
});

test('spelled-out measures', () => {
  assert.equal(measureOf('inhibition constant'), 'Ki/concentration');
  assert.equal(measureOf('dissociation constant'), 'Kd/concentration');
  assert.equal(measureOf('half-maximal inhibitory concentration'), 'IC50/concentration');
  assert.equal(measureOf('half maximal inhibitory concentration'), 'IC50/concentration');
  assert.equal(measureOf('half maximal effective concentration'), 'EC50/concentration');
  assert.equal(measureOf('Inhibition Constant'), 'Ki/concentration');
  assert.equal(measureOf('dissociation constants'), 'Kd/concentration');
  assert.equal(measureOf('50% inhibitory concentration'), 'IC50/concentration');
});

test('forms of abstracts and table styles: plurals, Unicode subscripts, sentence case', () => {
  assert.equal(measureOf('IC50s'), 'IC50/concentration');
  assert.equal(measureOf('Kis'), 'Ki/concentration');
  assert.equal(measureOf('IC₅₀'), 'IC50/concentration');
  assert.equal(measureOf('Kᵢ'), 'Ki/concentration');
  assert.equal(measureOf('Ic50'), 'IC50/concentration');
  assert.equal(measureOf('ic50'), 'IC50/concentration');
  assert.equal(measureOf('Ice'), undefined);
});

test('look-alikes are not measures', () => {
  for (const word of ['Km', 'K_m', 'Kv11.1', 'Ki67', 'kD', 'kb', 'IC', 'IC5', 'ICs', 'pKa', 'K', 'EC', 'p']) assert.equal(measureOf(word), undefined, word);
  assert.equal(readMeasureAt('pKi', 1), undefined, 'inside a word');
});

test('the measure span covers the label as written (Markdown)', () => {
  const text = 'Amitriptyline binds SERT with a K~i~ of 3.45 nM.';
  const [statement] = extract(text);
  assert.equal(text.slice(statement.measureSpan!.start, statement.measureSpan!.end), 'K~i~');
  assert.equal(statement.measure, 'Ki');
});

test('the measure span covers the label as written (LaTeX)', () => {
  const text = 'Amitriptyline binds SERT with a $K_\\mathrm{i}$ of \\SI{3.45}{\\nano\\molar}.';
  const [statement] = extract(text, 'latex');
  assert.equal(text.slice(statement.measureSpan!.start, statement.measureSpan!.end), 'K_\\mathrm{i}');
  const other = 'Amitriptyline binds SERT with a K$_i$ of 3.45 nM.';
  const [second] = extract(other, 'latex');
  assert.equal(other.slice(second.measureSpan!.start, second.measureSpan!.end), 'K$_i$');
});

test('every form reaches a statement with its measure', () => {
  const cases: Array<[string, string]> = [
    ['Ki', 'Ki'], ['Kd', 'Kd'], ['KD', 'Kd'], ['IC50', 'IC50'], ['EC50', 'EC50'], ['Kb', 'Kb'], ['KB', 'Kb'], ['K_i', 'Ki'],
    ['IC<sub>50</sub>', 'IC50'], ['IC(50)', 'IC50'], ['K(i)', 'Ki'], ['inhibition constant', 'Ki'], ['dissociation constant', 'Kd'],
    ['half-maximal inhibitory concentration', 'IC50'], ['half maximal effective concentration', 'EC50'],
  ];
  for (const [label, measure] of cases) {
    const statements = extract(`Amitriptyline binds SERT with a ${label} of 3.45 nM.`);
    assert.equal(statements.length, 1, label);
    assert.equal(statements[0].measure, measure, label);
    assert.equal(statements[0].valueNm, 3.45, label);
  }
  for (const label of ['K$_i$', '$K_\\mathrm{i}$', '$K_{\\text{d}}$', 'IC$_{50}$']) {
    assert.equal(extract(`Amitriptyline binds SERT with a ${label} of 3.45~nM.`, 'latex').length, 1, label);
  }
});

test('p-scale statements convert to nM: valueNm = 10^(9 - p)', () => {
  const [statement] = extract('Amitriptyline has a pKi of 8.46 at SERT.');
  assert.equal(statement.scale, 'p-scale');
  assert.equal(statement.measure, 'Ki');
  assert.equal(statement.value, 8.46);
  assert.equal(statement.unit, undefined);
  assert.ok(Math.abs(statement.valueNm! - 10 ** 0.54) < 1e-9);
  const [pa2] = extract('Amitriptyline antagonized H1 with a pA2 of 9.');
  assert.equal(pa2.measure, 'pA2');
  assert.equal(pa2.valueNm, 1);
  const [range] = extract('At SERT amitriptyline has pIC$_{50}$ values of 7--8.', 'latex');
  assert.equal(range.valueNm, 10);
  assert.equal(range.valueHighNm, 100);
});
