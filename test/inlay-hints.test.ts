import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AffinityStatement } from '../server/src/service/extract/types';
import { affinityInlayHints, otherScaleText } from '../server/src/service/present/inlay-hints';
import { createLanguageService } from '../server/src/service/index';
import { tinyKnowledgeBase } from './helpers/tiny-kb';

/** A statement quoted at the first occurrence of `written` in `document`. */
function statementAt(document: TextDocument, written: string, fields: Partial<AffinityStatement>): AffinityStatement {
  const start = document.getText().indexOf(written);
  const span = { start, end: start + written.length };
  return { span, valueSpan: span, measure: 'Ki', scale: 'concentration', relation: '=', value: 0, valueNm: 0, measureFrom: 'sentence', context: 'prose', text: written, ...fields };
}

const document = TextDocument.create('file:///paper.md', 'markdown', 1, 'SERT: Ki of 3.45 nM.\nNET: pKi 7.2.\nH1: IC50 of 0.5–1.1 µM.\n');

test('a concentration gets its p-value after it, a p-scale value its concentration', () => {
  const nanomolar = statementAt(document, '3.45 nM', { value: 3.45, unit: 'nM', valueNm: 3.45 });
  const pScale = statementAt(document, '7.2', { scale: 'p-scale', value: 7.2, valueNm: 10 ** (9 - 7.2) });
  const hints = affinityInlayHints(document, [nanomolar, pScale]);
  assert.deepEqual(hints, [
    { position: { line: 0, character: 19 }, label: 'pKi 8.46', paddingLeft: true },
    { position: { line: 1, character: 12 }, label: '63.1 nM', paddingLeft: true },
  ]);
});

test('a range is shown as a range, each measure with its own p-label', () => {
  const range = statementAt(document, '0.5–1.1 µM', { measure: 'IC50', value: 0.5, valueHigh: 1.1, unit: 'µM', valueNm: 500, valueHighNm: 1100 });
  assert.equal(otherScaleText(range), 'pIC50 5.96–6.30');
  const pScaleRange = statementAt(document, '7.2', { scale: 'p-scale', measure: 'Kd', value: 7, valueHigh: 8, valueNm: 10, valueHighNm: 100 });
  assert.equal(otherScaleText(pScaleRange), '10–100 nM');
  assert.equal(otherScaleText(statementAt(document, '7.2', { measure: 'pA2', valueNm: 1 })), 'pA2 9.00');
});

test('only statements in the requested range get a hint; a value with no finite counterpart gets none', () => {
  const first = statementAt(document, '3.45 nM', { valueNm: 3.45 });
  const second = statementAt(document, '0.5–1.1 µM', { valueNm: 500 });
  const zero = statementAt(document, '7.2', { valueNm: 0 });
  const hints = affinityInlayHints(document, [first, second, zero], { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } });
  assert.deepEqual(hints.map((hint) => hint.label), ['pKi 6.30']);
  assert.deepEqual(affinityInlayHints(document, [zero]), []);
});

test('the language service hints the statements it reads', () => {
  const service = createLanguageService({ kb: tinyKnowledgeBase() });
  const paper = TextDocument.create('file:///paper.md', 'markdown', 1, 'Amitriptyline binds SERT with a Ki of 3.45 nM.\n');
  const analysis = service.analyze(paper);
  assert.ok(analysis);
  assert.deepEqual(service.inlayHints(paper, analysis).map((hint) => hint.label), ['pKi 8.46']);
});
