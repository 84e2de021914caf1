import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readNumberAt } from '../server/src/service/extract/number';
import { readUnitAt } from '../server/src/service/extract/unit';
import { readRelationAt } from '../server/src/service/extract/relation';
import type { DocumentFormat } from '../server/src/service/scan/types';
import { extract, summaries } from './helpers/extract';

const numberOf = (text: string): number | undefined => readNumberAt(text, 0)?.value;
const unitOf = (text: string): string | undefined => {
  const read = readUnitAt(text, 0);
  return read?.kind === 'concentration' && read.end === text.length ? read.unit : read?.kind;
};
/** The one statement of `Amitriptyline binds SERT with a Ki of <value>.` */
function one(value: string, format: DocumentFormat = 'markdown', label = 'Ki') {
  const statements = extract(`Amitriptyline binds SERT with a ${label} of ${value}.`, format);
  assert.equal(statements.length, 1, `${value}: ${statements.length} statements`);
  return statements[0];
}

test('numbers: decimals, thousands separators, leading dot, scientific notation', () => {
  assert.equal(numberOf('3.45'), 3.45);
  assert.equal(numberOf('3,020'), 3020);
  assert.equal(numberOf('3 020'), 3020);
  assert.equal(numberOf('3{,}020'), 3020);
  assert.equal(numberOf('100,000'), 100000);
  assert.equal(numberOf('1,234,567.5'), 1234567.5);
  assert.equal(numberOf('.13'), 0.13);
  assert.equal(numberOf('3,45'), 3);
  assert.ok(Math.abs(numberOf('1.2 × 10^-9')! - 1.2e-9) < 1e-20);
  assert.ok(Math.abs(numberOf('1.2\\times10^{-9}')! - 1.2e-9) < 1e-20);
  assert.ok(Math.abs(numberOf('1.2 x 10<sup>-9</sup>')! - 1.2e-9) < 1e-20);
  assert.ok(Math.abs(numberOf('1.2e-9')! - 1.2e-9) < 1e-20);
  assert.ok(Math.abs(numberOf('1.2 $\\times$ 10$^{-9}$')! - 1.2) < 1e-9, 'exponent in separate math is not read');
});

test('units in every spelling', () => {
  for (const [spelling, unit] of [
    ['pM', 'pM'], ['nM', 'nM'], ['\u00b5M', 'µM'], ['\u03bcM', 'µM'], ['uM', 'µM'], ['microM', 'µM'], ['micromolar', 'µM'], ['nanomolar', 'nM'],
    ['mM', 'mM'], ['M', 'M'], ['nmol/L', 'nM'], ['\u00b5mol/L', 'µM'], ['\\nano\\molar', 'nM'], ['\\micro\\molar', 'µM'], ['\\si{\\nano\\molar}', 'nM'],
    ['\\si{\\micro M}', 'µM'], ['\\mu$M', 'µM'], ['\\textmu M', 'µM'], ['\\textmu{}M', 'µM'], ['picomolar', 'pM'],
  ]) assert.equal(unitOf(spelling), unit, spelling);
  for (const foreign of ['mg', 'mg/kg', '%', 'kcal', 'h', 'days', 'nmol', 'nm', '°C']) assert.equal(unitOf(foreign), 'foreign', foreign);
  assert.equal(unitOf('Ms'), undefined);
});

test('a Pandoc superscript citation after the unit (nM^12^, nM^3,4^) ends it; an exponent does not', () => {
  assert.deepEqual(summaries('Amitriptyline binds H1 with a Ki of 1.1 nM^12^.'), ['Ki = 1.1 nM [1.1] amitriptyline@HRH1']);
  assert.deepEqual(summaries('Amitriptyline binds H1 with a Ki of 1.1 nM^3,4^ in cells.'), ['Ki = 1.1 nM [1.1] amitriptyline@HRH1']);
  assert.deepEqual(summaries('Amitriptyline binds H1 with a Ki of 1.1 M^2 here.'), []);
});

test('relations: signs, LaTeX commands and words', () => {
  const relationOf = (text: string, tie = false) => readRelationAt(text, 0, tie)?.relation;
  for (const [written, relation] of [
    ['=', '='], ['≈', '~'], ['~', '~'], ['<', '<'], ['>', '>'], ['≤', '<='], ['≥', '>='], ['<=', '<='], ['>=', '>='], ['\\sim', '~'], ['\\approx', '~'],
    ['\\leq', '<='], ['\\geq', '>='], ['\\lt', '<'], ['\\gt', '>'], ['of', '='], ['was', '='], ['were', '='], ['is', '='], ['about', '~'],
    ['approximately', '~'], ['around', '~'], ['below', '<'], ['less than', '<'], ['above', '>'], ['greater than', '>'], ['more than', '>'],
  ]) assert.equal(relationOf(written), relation, written);
  assert.equal(relationOf('offset'), undefined);
});

test('relations reach the statement, and a sign touching the value is in its span', () => {
  const cases: Array<[string, string, string]> = [
    ['= 3.45 nM', '=', '= 3.45 nM'], ['≈ 3.45 nM', '~', '≈ 3.45 nM'], ['~3.45 nM', '~', '~3.45 nM'], ['<10 nM', '<', '<10 nM'], ['> 10 nM', '>', '> 10 nM'],
    ['≤ 10 nM', '<=', '≤ 10 nM'], ['>=10 nM', '>=', '>=10 nM'], ['about 3 nM', '~', '3 nM'], ['approximately 3 nM', '~', '3 nM'],
    ['less than 10 nM', '<', '10 nM'], ['more than 10 µM', '>', '10 µM'], ['below 10 nM', '<', '10 nM'], ['above 10 µM', '>', '10 µM'],
    ['>100,000 nM', '>', '>100,000 nM'],
  ];
  for (const [written, relation, span] of cases) {
    const statement = one(written);
    assert.equal(statement.relation, relation, written);
    assert.equal(statement.text, span, written);
  }
  const latex: Array<[string, string]> = [['$\\sim$3 nM', '~'], ['$\\approx 3$ nM', '~'], ['$\\leq$ 3 nM', '<='], ['$\\geq 3$~nM', '>='], ['$\\lt 3$ nM', '<'], ['$\\gt$3 nM', '>']];
  for (const [written, relation] of latex) assert.equal(one(written, 'latex').relation, relation, written);
  assert.equal(extract('The Ki of amitriptyline at SERT was about 3 nM.')[0].relation, '~');
  assert.equal(extract('The Ki of amitriptyline at SERT were 3 nM.')[0].relation, '=');
  assert.equal(extract('The Ki of amitriptyline at SERT is greater than 3 nM.')[0].relation, '>');
});

test('exact spans: statement, value and unit', () => {
  const text = 'Amitriptyline binds SERT with a Ki of 3.45 ± 0.2 nM.';
  const [statement] = extract(text);
  const slice = (span: { start: number; end: number }) => text.slice(span.start, span.end);
  assert.equal(slice(statement.span), '3.45 ± 0.2 nM');
  assert.equal(slice(statement.valueSpan), '3.45');
  assert.equal(slice(statement.unitSpan!), 'nM');
  assert.equal(statement.error, 0.2);
  const latex = 'Amitriptyline binds SERT with a Ki of \\SI{3.45}{\\nano\\molar}.';
  const [si] = extract(latex, 'latex');
  assert.equal(latex.slice(si.span.start, si.span.end), '\\SI{3.45}{\\nano\\molar}');
  assert.equal(latex.slice(si.valueSpan.start, si.valueSpan.end), '3.45');
  assert.equal(latex.slice(si.unitSpan!.start, si.unitSpan!.end), '\\nano\\molar');
});

test('values: ranges in every form', () => {
  for (const written of ['11–24 nM', '11-24 nM', '11 to 24 nM', '11 - 24 nM', 'between 11 and 24 nM', '11 nM–24 nM']) {
    const statement = one(written);
    assert.deepEqual([statement.value, statement.valueHigh, statement.valueNm, statement.valueHighNm], [11, 24, 11, 24], written);
  }
  const decimal = one('0.5 - 1.1 nM');
  assert.deepEqual([decimal.value, decimal.valueHigh], [0.5, 1.1]);
  const latex = one('11--24~nM', 'latex');
  assert.deepEqual([latex.value, latex.valueHigh], [11, 24]);
  const siRange = one('\\SIrange{11}{24}{\\nano\\molar}', 'latex');
  assert.deepEqual([siRange.value, siRange.valueHigh, siRange.unit], [11, 24, 'nM']);
  const text = 'Amitriptyline binds SERT with a Ki of 11–24 nM.';
  const [statement] = extract(text);
  assert.equal(text.slice(statement.valueSpan.start, statement.valueSpan.end), '11–24');
});

test('values: errors', () => {
  for (const written of ['3.45 ± 0.2 nM', '3.45 +/- 0.2 nM', '3.45 ± 0.2 (SEM) nM', '3.45 ± 0.2 (SD) nM']) {
    const statement = one(written);
    assert.deepEqual([statement.value, statement.error, statement.unit], [3.45, 0.2, 'nM'], written);
  }
  for (const written of ['$3.45 \\pm 0.2$ nM', '\\SI{3.45 \\pm 0.2}{\\nano\\molar}', '\\qty{3.45(2)}{\\nano\\molar}']) {
    const statement = one(written, 'latex');
    assert.equal(statement.value, 3.45, written);
    assert.equal(statement.unit, 'nM', written);
  }
  assert.equal(one('$3.45 \\pm 0.2$ nM', 'latex').error, 0.2);
});

test('values: scientific notation and thousands', () => {
  assert.equal(one('1.2 × 10^-9 M').valueNm, 1.2);
  assert.equal(one('$1.2\\times10^{-9}$ M', 'latex').valueNm, 1.2);
  assert.equal(one('1.2e-9 M').valueNm, 1.2);
  assert.equal(one('3,020 nM').value, 3020);
  assert.equal(one('3 020 nM').value, 3020);
  assert.equal(one('3{,}020~nM', 'latex').value, 3020);
  assert.equal(one('.13 µM').valueNm, 130);
  assert.equal(one('>100,000 nM').valueNm, 100000);
});

test('units reach the statement, normalized to nM', () => {
  const cases: Array<[string, DocumentFormat, number]> = [
    ['3 pM', 'markdown', 0.003], ['3 nM', 'markdown', 3], ['3 \u00b5M', 'markdown', 3000], ['3 \u03bcM', 'markdown', 3000], ['3 uM', 'markdown', 3000],
    ['3 microM', 'markdown', 3000], ['3 micromolar', 'markdown', 3000], ['3 nanomolar', 'markdown', 3], ['3 mM', 'markdown', 3e6], ['3 M', 'markdown', 3e9],
    ['3 nmol/L', 'markdown', 3], ['3 µmol/L', 'markdown', 3000], ['3\u2009nM', 'markdown', 3], ['3\u202fnM', 'markdown', 3], ['3nM', 'markdown', 3],
    ['\\SI{3}{\\nano\\molar}', 'latex', 3], ['\\SI{3}{\\micro\\molar}', 'latex', 3000], ['\\qty{3}{nM}', 'latex', 3], ['3\\,\\si{\\micro M}', 'latex', 3000],
    ['3~\\si{\\nano\\molar}', 'latex', 3], ['3 $\\mu$M', 'latex', 3000], ['3\\,\\textmu M', 'latex', 3000], ['3\\,nM', 'latex', 3], ['$3\\,\\mu$M', 'latex', 3000],
  ];
  for (const [written, format, nanomolar] of cases) assert.equal(one(written, format).valueNm, nanomolar, written);
});

test('a unit written once applies to the whole list, and respectively pairs in order', () => {
  assert.deepEqual(summaries('The Ki values of amitriptyline for SERT and NET were 3.45 and 13.3 nM, respectively.'), [
    'Ki = 3.45 nM [3.45] amitriptyline@SLC6A4',
    'Ki = 13.3 nM [13.3] amitriptyline@SLC6A2',
  ]);
  assert.deepEqual(summaries('Amitriptyline Ki values for SERT, NET and DAT were 3.45, 13.3 and 2,580 nM, respectively.'), [
    'Ki = 3.45 nM [3.45] amitriptyline@SLC6A4',
    'Ki = 13.3 nM [13.3] amitriptyline@SLC6A2',
    'Ki = 2580 nM [2580] amitriptyline@SLC6A3',
  ]);
  const text = 'The Ki values of amitriptyline for SERT and NET were 3.45 and 13.3 nM, respectively.';
  const [first] = extract(text);
  assert.equal(first.unitSpan, undefined, 'the unit is not written next to the first value');
  assert.equal(first.text, '3.45');
});

test('a unit after the measure applies to the sentence', () => {
  assert.deepEqual(summaries('Amitriptyline, Ki (nM): SERT 3.45, NET 13.3.'), ['Ki = 3.45 nM [3.45] amitriptyline@SLC6A4', 'Ki = 13.3 nM [13.3] amitriptyline@SLC6A2']);
});
