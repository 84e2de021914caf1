import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';

const service = createLanguageService(loadKnowledgeBaseFiles());

function hoverOn(text: string, needle: string): string {
  const document = TextDocument.create('file:///hover.md', 'markdown', 1, text);
  const analysis = service.analyze(document);
  assert.ok(analysis);
  const hover = service.hover(document, analysis, document.positionAt(text.indexOf(needle) + 1));
  return hover ? (hover.contents as MarkupContent).value : '';
}

test('hovering a quoted value: how it was read, the verdict, and the references behind it', () => {
  const consistent = hoverOn('Amitriptyline binds SERT with a Ki of 4.3 nM.', '4.3 nM');
  assert.match(consistent, /^\*\*Ki 4\\\.3 nM\*\* — amitriptyline at SERT/);
  assert.match(consistent, /Read as 4\\\.3 nM · pKi 8\\\.37 in prose \(compound from its clause; target from its clause; measure from its sentence; unit written with the value\)/);
  assert.match(consistent, /✓ Consistent with the references/);
  assert.match(consistent, /\*\*References\*\* \(Ki\/Kd\)/);
  assert.match(consistent, /Tatsumi et al\\\. 1997/);

  const slip = hoverOn('Amitriptyline binds NET with a Ki of 350 nM.', '350 nM');
  assert.match(slip, /✗ \*\*affinity\.decimal-slip\*\*/);
  assert.match(slip, /has the digits of the reference 35 nM 10× over/);
});

test('a value that cannot be checked says why, and shows what the pair has under other measures', () => {
  const unchecked = hoverOn('Amitriptyline binds the sigma-1 receptor with a Ki of 300 nM.', '300 nM');
  assert.match(unchecked, /Not checked: no Ki reference for this compound and target\./);
  assert.match(unchecked, /\*\*Other measures recorded for this pair\*\*/);
  assert.match(unchecked, /\| σ1 \| IC50 \| 562 nM/);
  const unknownPair = hoverOn('Amitriptyline binds GPR55 with a Ki of 300 nM.', '300 nM');
  assert.doesNotMatch(unknownPair, /Other measures/);
});

test('a bound read for a list of targets: one card per target in the hover, one inlay hint', () => {
  const text = 'Mirtazapine has no appreciable affinity for SERT, NET or DAT (Ki > 10 µM).';
  const card = hoverOn(text, '10 µM');
  assert.equal(card.split('\n\n---\n\n').length, 3, card);
  for (const target of ['SERT', 'NET', 'DAT']) assert.match(card, new RegExp(`— mirtazapine at ${target}`));
  const document = TextDocument.create('file:///hints.md', 'markdown', 1, text);
  const analysis = service.analyze(document);
  assert.ok(analysis);
  assert.equal(service.inlayHints(document, analysis).length, 1);
});
