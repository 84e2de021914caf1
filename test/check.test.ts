import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkStatement, type CheckInput } from '../server/src/service/check/index';
import type { Verdict } from '../server/src/service/check/types';
import type { AffinityStatement, ConcentrationUnit } from '../server/src/service/extract/types';
import { indexKnowledgeBase } from '../server/src/service/kb/indexed';
import type { AffinityRecord } from '../server/src/service/kb/types';
import { scanDocument } from '../server/src/service/scan/index';
import { significantDigits } from '../server/src/service/check/same-digits-slip';
import { tinyKnowledgeBase } from './helpers/tiny-kb';

function record(id: string, target: string, measure: AffinityRecord['measure'], valueNm: number, extra: Partial<AffinityRecord> = {}): AffinityRecord {
  return { id, compound: 'amitriptyline', target, measure, relation: '=', valueNm, asWritten: `${valueNm} nM`, species: 'human', referenceId: 'tatsumi', grade: 'primary', origin: 'test', ...extra };
}

const kb = indexKnowledgeBase(
  tinyKnowledgeBase({
    references: [
      { id: 'tatsumi', authors: 'Tatsumi M', title: 'Profile', year: 1997, pmid: '9537821', citationKey: 'tatsumi1997' },
      { id: 'lab2', authors: 'Second Lab', title: 'Histamine binding', year: 2001, citationKey: 'lab2001' },
    ],
    affinities: [
      record('sert-kd', 'SLC6A4', 'Kd', 4.3),
      record('sert-ki', 'SLC6A4', 'Ki', 3.45, { grade: 'vendor' }),
      record('net-ki', 'SLC6A2', 'Ki', 13.3),
      record('net-kd', 'SLC6A2', 'Kd', 35),
      record('h1-ki', 'HRH1', 'Ki', 0.5, { valueHighNm: 1.1 }),
      record('h1-ki-lab2', 'HRH1', 'Ki', 0.8, { referenceId: 'lab2' }),
      record('herg-ic50', 'KCNH2', 'IC50', 4780, { conditions: '4 mM [K+]o' }),
      record('dat-ki', 'SLC6A3', 'Ki', 3250),
      record('dat-outlier', 'SLC6A3', 'Ki', 0.49, { outlier: true }),
      record('sigma-kd', 'SIGMAR1', 'Kd', 300),
    ],
  }),
);

const NM: Record<ConcentrationUnit, number> = { pM: 1e-3, nM: 1, µM: 1e3, mM: 1e6, M: 1e9 };

/** A sentence with the statement's value in it, and the statement as the extractor would give it. */
function verdictFor(sentence: string, valueText: string, target: string, measure: AffinityRecord['measure'], value: number, unit: ConcentrationUnit = 'nM', extra: Partial<AffinityStatement> = {}): Verdict {
  const start = sentence.indexOf(valueText);
  assert.ok(start >= 0);
  const numberEnd = start + String(value).length;
  const statement: AffinityStatement = {
    span: { start, end: start + valueText.length },
    valueSpan: { start, end: numberEnd },
    unitSpan: { start: numberEnd + 1, end: start + valueText.length },
    measure,
    scale: 'concentration',
    relation: '=',
    value,
    unit,
    unitFrom: 'written',
    measureFrom: 'sentence',
    valueNm: value * NM[unit],
    compound: { id: 'amitriptyline', start: 0, end: 13, via: 'clause' },
    target: { id: target, start: 0, end: 0, via: 'clause' },
    context: 'prose',
    text: valueText,
    ...extra,
  };
  const scanned = scanDocument(sentence, 'markdown');
  const mentions = ['SERT', 'NET', 'H1', 'hERG', 'DAT'].flatMap((name) => {
    const at = sentence.indexOf(name);
    const ids: Record<string, string> = { SERT: 'SLC6A4', NET: 'SLC6A2', H1: 'HRH1', hERG: 'KCNH2', DAT: 'SLC6A3' };
    return at >= 0 ? [{ start: at, end: at + name.length, kind: 'target' as const, id: ids[name], text: name }] : [];
  });
  const input: CheckInput = { kb, format: 'markdown', scanned, mentions, statements: [statement] };
  return checkStatement(input, statement);
}

function code(verdict: Verdict): string {
  return verdict.kind === 'finding' ? verdict.finding.code : verdict.kind;
}

test('a value within 3× of the reference range is consistent', () => {
  assert.equal(code(verdictFor('Amitriptyline binds SERT with a Ki of 3.45 nM.', '3.45 nM', 'SLC6A4', 'Ki', 3.45)), 'consistent');
  assert.equal(code(verdictFor('Amitriptyline binds SERT with a Ki of 9 nM.', '9 nM', 'SLC6A4', 'Ki', 9)), 'consistent');
  assert.equal(code(verdictFor('Amitriptyline binds H1 with a Ki of 0.8 nM.', '0.8 nM', 'HRH1', 'Ki', 0.8)), 'consistent');
});

test('3–10× off is within the spread of published values: no finding', () => {
  assert.equal(code(verdictFor('Amitriptyline binds SERT with a Ki of 20 nM.', '20 nM', 'SLC6A4', 'Ki', 20)), 'within-spread');
});

test('a value 1000× off that matches in the neighbouring unit is a unit slip, fixed by changing the unit', () => {
  const verdict = verdictFor('Amitriptyline binds SERT with a Ki of 3.45 µM.', '3.45 µM', 'SLC6A4', 'Ki', 3.45, 'µM');
  assert.equal(code(verdict), 'affinity.unit-slip');
  assert.ok(verdict.kind === 'finding');
  assert.deepEqual(verdict.finding.fixes[0], { title: 'Change the unit to nM', edits: [{ span: { start: 43, end: 45 }, newText: 'nM' }], preferred: true });
  assert.match(verdict.finding.message, /3\.45 µM .* 1000× off/);
});

test('a value 10× or 100× off that matches with the decimal point moved is a decimal slip', () => {
  const verdict = verdictFor('Amitriptyline binds SERT with a Ki of 345 nM.', '345 nM', 'SLC6A4', 'Ki', 345);
  assert.equal(code(verdict), 'affinity.decimal-slip');
  assert.ok(verdict.kind === 'finding');
  assert.equal(verdict.finding.fixes[0].edits[0].newText, '3.45');
});

test('an IC50 quoted as a Ki is a measure mismatch; so is a pKi written in nM', () => {
  assert.equal(code(verdictFor('Amitriptyline blocks hERG with a Ki of 4780 nM at 4 mM K+.', '4780 nM', 'KCNH2', 'Ki', 4780)), 'affinity.measure-mismatch');
  assert.equal(code(verdictFor('Amitriptyline binds SERT with a Ki of 8.4 nM and more.', '8.4 nM', 'SLC6A4', 'Kd', 8.4)), 'consistent');
  assert.equal(code(verdictFor('Amitriptyline binds DAT with a Ki of 5.5 nM.', '5.5 nM', 'SLC6A3', 'Ki', 5.5)), 'affinity.measure-mismatch');
});

test('the measure-mismatch fix writes the new label in the markup of the written one', () => {
  const sentence = 'Amitriptyline blocks hERG with a K$_i$ of 4780 nM at 4 mM K+.';
  const labelStart = sentence.indexOf('K$_i$');
  const verdict = verdictFor(sentence, '4780 nM', 'KCNH2', 'Ki', 4780, 'nM', {
    measureSpan: { start: labelStart, end: labelStart + 'K$_i$'.length },
    measureText: 'K$_i$',
  });
  assert.ok(verdict.kind === 'finding' && verdict.finding.code === 'affinity.measure-mismatch');
  assert.equal(verdict.finding.fixes[0].title, 'Change the measure to IC50', 'the title shows the label as read; the edit keeps the markup');
  assert.deepEqual(verdict.finding.fixes[0].edits[0], { span: { start: labelStart, end: labelStart + 5 }, newText: 'IC$_{50}$' });
});

test("a value that is this compound's value at another target named nearby is a target swap", () => {
  const verdict = verdictFor('Amitriptyline binds SERT and DAT; at SERT its Ki is 3250 nM.', '3250 nM', 'SLC6A4', 'Ki', 3250);
  assert.equal(code(verdict), 'affinity.target-swap');
});

test('anything else more than 10× off is a mismatch, with one replacement per source', () => {
  const sentence = 'Amitriptyline binds SERT with a Ki of 700 nM.';
  const label = { start: sentence.indexOf('Ki'), end: sentence.indexOf('Ki') + 2 };
  const verdict = verdictFor(sentence, '700 nM', 'SLC6A4', 'Ki', 700, 'nM', { measureSpan: label, measureText: 'Ki' });
  assert.equal(code(verdict), 'affinity.mismatch');
  assert.ok(verdict.kind === 'finding');
  assert.deepEqual(
    verdict.finding.fixes.map((fix) => fix.title.replace(/ \(.*/, '')),
    ['Replace with Kd 4.3 nM', 'Replace with 3.45 nM'],
    'Ki and Kd sources, primary first; the Kd replaces the label too',
  );
  assert.deepEqual(verdict.finding.fixes[0].edits.map((edit) => edit.newText), ['Kd', '4.3']);
  assert.equal(Math.round(verdict.finding.factor), 163, '700 nM against Ki/Kd 3.45–4.3 nM');
});

test('Ki and Kd are one measure for the check: a Ki matching the recorded Kd is consistent, never a measure mismatch', () => {
  const onlyKd = verdictFor('Amitriptyline binds the sigma-1 receptor with a Ki of 300 nM.', '300 nM', 'SIGMAR1', 'Ki', 300);
  assert.equal(code(onlyKd), 'consistent');
  assert.ok(onlyKd.kind === 'consistent' && onlyKd.evidence.measure === 'Kd', 'judged against the Kd, and says so');
  const farFromBoth = verdictFor('Amitriptyline binds the sigma-1 receptor with a Ki of 50000 nM.', '50000 nM', 'SIGMAR1', 'Ki', 50000);
  assert.equal(code(farFromBoth), 'affinity.mismatch');
  // SERT has Ki 3.45 and Kd 4.3: a value matching neither is judged against the written measure.
  assert.equal(code(verdictFor('Amitriptyline binds SERT with a Kd of 3.45 nM.', '3.45 nM', 'SLC6A4', 'Kd', 3.45)), 'consistent');
});

test('a bound is met by any reference beyond it: "Ki > 1000 nM" agrees with 3250 nM', () => {
  assert.equal(code(verdictFor('Amitriptyline binds DAT weakly (Ki > 1000 nM).', '1000 nM', 'SLC6A3', 'Ki', 1000, 'nM', { relation: '>' })), 'consistent');
  assert.equal(code(verdictFor('Amitriptyline binds DAT with a Ki of 1000 nM.', '1000 nM', 'SLC6A3', 'Ki', 1000)), 'within-spread');
  assert.equal(code(verdictFor('Amitriptyline binds SERT with a Ki < 10 nM.', '10 nM', 'SLC6A4', 'Ki', 10, 'nM', { relation: '<' })), 'consistent');
});

test('with no record of the written measure, only the same number as another measure is a measure mismatch', () => {
  assert.equal(code(verdictFor('Amitriptyline blocks hERG with a Ki of 4800 nM.', '4800 nM', 'KCNH2', 'Ki', 4800)), 'affinity.measure-mismatch');
  assert.equal(code(verdictFor('Amitriptyline blocks hERG with a Ki of 2000 nM.', '2000 nM', 'KCNH2', 'Ki', 2000)), 'unchecked', 'a Ki 2.4× below an IC50 is plausible');
});

test('one source alone: a mismatch only beyond 30×; a ×10 slip only with the same digits', () => {
  assert.equal(code(verdictFor('Amitriptyline binds the sigma-1 receptor with a Kd of 4000 nM.', '4000 nM', 'SIGMAR1', 'Kd', 4000)), 'within-spread', '13× off one source');
  assert.equal(code(verdictFor('Amitriptyline binds the sigma-1 receptor with a Kd of 3000 nM.', '3000 nM', 'SIGMAR1', 'Kd', 3000)), 'affinity.decimal-slip', 'the same digits 10× off');
  assert.equal(code(verdictFor('Amitriptyline binds the sigma-1 receptor with a Kd of 3500 nM.', '3500 nM', 'SIGMAR1', 'Kd', 3500)), 'within-spread', '350 is not 300: not a decimal slip');
  assert.equal(code(verdictFor('Amitriptyline binds the sigma-1 receptor with a Kd of 12000 nM.', '12000 nM', 'SIGMAR1', 'Kd', 12000)), 'affinity.mismatch', '40× off one source');
  assert.equal(code(verdictFor('Amitriptyline binds H1 with a Ki of 15 nM.', '15 nM', 'HRH1', 'Ki', 15)), 'affinity.mismatch', '14× off two sources');
});

test('a decimal slip just under 10× (0.44 for a 4.37–4.4 range) is found; other values that close stay within spread', () => {
  // sigma-1 Kd 300 nM (one record): 31 is 9.7× off and 310 is 300 within rounding → a decimal slip; 33 is 9.1× off
  // but 330 is not 300 (82 vs 8.9 nM, venlafaxine at SERT, are two published values, not a slip); 40 is 7.5× off.
  assert.equal(code(verdictFor('Amitriptyline binds the sigma-1 receptor with a Kd of 31 nM.', '31 nM', 'SIGMAR1', 'Kd', 31)), 'affinity.decimal-slip');
  assert.equal(code(verdictFor('Amitriptyline binds the sigma-1 receptor with a Kd of 40 nM.', '40 nM', 'SIGMAR1', 'Kd', 40)), 'within-spread');
  assert.equal(code(verdictFor('Amitriptyline binds the sigma-1 receptor with a Kd of 33 nM.', '33 nM', 'SIGMAR1', 'Kd', 33)), 'within-spread');
});

test('a value with exactly the digits of one reference ×10 is a slip even when another reference lies 3–10× away', () => {
  // NET: Ki 13.3 nM and Kd 35 nM. 133 is 3.8× above 35 (within the spread of assays) but 13.3 moved one place.
  assert.equal(code(verdictFor('Amitriptyline binds NET with a Ki of 133 nM.', '133 nM', 'SLC6A2', 'Ki', 133)), 'affinity.decimal-slip');
  assert.equal(code(verdictFor('Amitriptyline binds NET with a Ki of 130 nM.', '130 nM', 'SLC6A2', 'Ki', 130)), 'within-spread', '13 is not 13.3');
  assert.equal(code(verdictFor('Amitriptyline binds NET with a Ki of 70 nM.', '70 nM', 'SLC6A2', 'Ki', 70)), 'consistent', 'the nearest reference within 3×');
  assert.equal(significantDigits(4.3), '43');
  assert.equal(significantDigits(0.043), '43');
  assert.equal(significantDigits(430), '43');
  assert.equal(significantDigits(3250), '325');
});

test('QC outliers never drive a verdict', () => {
  assert.equal(code(verdictFor('Amitriptyline binds DAT with a Ki of 3000 nM.', '3000 nM', 'SLC6A3', 'Ki', 3000)), 'consistent');
});

test('a value that matches only a record with conditions, not stated, gets a condition hint', () => {
  assert.equal(code(verdictFor('Amitriptyline blocks hERG with an IC50 of 4780 nM.', '4780 nM', 'KCNH2', 'IC50', 4780)), 'affinity.condition');
  assert.equal(code(verdictFor('Amitriptyline blocks hERG with an IC50 of 4780 nM at 4 mM external K+.', '4780 nM', 'KCNH2', 'IC50', 4780)), 'consistent');
});

test('a statement without a target or without records is not checked', () => {
  assert.equal(code(verdictFor('Amitriptyline binds M1 with a Ki of 3 nM.', '3 nM', 'CHRM1', 'Ki', 3)), 'unchecked');
});
