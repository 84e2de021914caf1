import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, memoryWorkspace, type DocumentAnalysis } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';
import { changeBetween } from '../server/src/service/incremental/edit';
import { analysisFacts, realManuscripts, runRandomEdits, seededRandom } from './helpers/random-edits';

const root = path.resolve(__dirname, '..');
const service = createLanguageService({ ...loadKnowledgeBaseFiles(), workspace: memoryWorkspace({ 'file:///w/references.bib': readFileSync(path.join(root, 'examples/references.bib'), 'utf8') }) });

const PROSE = [
  'Tricyclic antidepressants differ in how strongly they block the transporters. Nortriptyline is the more noradrenergic of the two, and imipramine sits between them.',
  'Clomipramine binds SERT with a Ki of 0.28 nM and NET with a Ki of 38 nM [@tatsumi1997]. Its metabolite is less selective.',
  'Sedation follows from the block of histamine H1 receptors, and orthostatic hypotension from the block of α1-adrenoceptors; both appear at the doses used for depression.',
  'Doxepin has the highest affinity for the H1 receptor of the tricyclics (Ki = 0.24 nM), which is why low doses are used for insomnia.',
  'Anticholinergic effects (dry mouth, constipation, blurred vision) reflect the block of muscarinic receptors, for which amitriptyline has a Ki of 18 nM at M1.',
];

/** The bundled example followed by prose paragraphs, as a long manuscript is mostly prose. */
const manuscript = `${readFileSync(path.join(root, 'examples/amitriptyline-review.md'), 'utf8')}\n\n## Other tricyclics\n\n${Array.from({ length: 8 }, () => PROSE.join('\n\n')).join('\n\n')}\n`;

function analyzed(text: string, version = 1): { document: TextDocument; analysis: DocumentAnalysis } {
  const document = TextDocument.create('file:///w/review.md', 'markdown', version, text);
  return { document, analysis: service.analyze(document)! };
}

/** The analysis of `text` with `find` (its `occurrence`-th) replaced, read from the previous version's, and read whole. */
function afterEdit(text: string, find: string, replace: string, occurrence = 1): { inPart: DocumentAnalysis; whole: DocumentAnalysis } {
  const { analysis } = analyzed(text);
  let at = -1;
  for (let count = 0; count < occurrence; count++) at = text.indexOf(find, at + 1);
  assert.ok(at >= 0, `${find} is in the text`);
  const next = TextDocument.create('file:///w/review.md', 'markdown', 2, text.slice(0, at) + replace + text.slice(at + find.length));
  return { inPart: service.analyze(next, analysis)!, whole: service.analyze(next)! };
}

function assertSameAsWhole(inPart: DocumentAnalysis, whole: DocumentAnalysis): void {
  assert.deepEqual(analysisFacts(service, inPart), analysisFacts(service, whole));
}

test('a letter typed in a prose paragraph is read in part: only the paragraphs around it, the same findings as a whole read', () => {
  const { inPart, whole } = afterEdit(manuscript, 'more noradrenergic', 'more strongly noradrenergic', 4);
  assert.equal(inPart.update?.kind, 'incremental');
  assert.ok(inPart.update?.kind === 'incremental' && inPart.update.part.end - inPart.update.part.start < 4000, 'a few paragraphs re-read');
  assertSameAsWhole(inPart, whole);
});

test('a value changed to a unit slip is found when read in part, as in a whole read', () => {
  const { inPart, whole } = afterEdit(manuscript, 'a Ki of 0.28 nM', 'a Ki of 0.28 µM', 5);
  assert.equal(inPart.update?.kind, 'incremental');
  const codes = service.findings(inPart).map((finding) => finding.code);
  assert.ok(codes.includes('affinity.unit-slip'), codes.join(', '));
  assertSameAsWhole(inPart, whole);
});

test('edits that may change what is read elsewhere are read whole, and say why', () => {
  const cases: [string, string, RegExp][] = [
    ['more noradrenergic', 'more noradrenergic ``` code', /open a block/],
    ['Nortriptyline is', 'Nortriptyline (NT) is', /abbreviation/],
    ['Its metabolite is less selective.', 'Its metabolites M1 and M2 are less selective.', /metabolites M1/],
    ['more noradrenergic', 'more <!-- pharmalens-disable --> noradrenergic', /pharmalens-/],
  ];
  for (const [find, replace, reason] of cases) {
    const { inPart, whole } = afterEdit(manuscript, find, replace, 4);
    assert.equal(inPart.update?.kind, 'full', replace);
    assert.match(inPart.update?.kind === 'full' ? inPart.update.reason : '', reason);
    assertSameAsWhole(inPart, whole);
  }
});

test('the same text again keeps the analysis; a previous analysis with a failed stage is not built on', () => {
  const { document, analysis } = analyzed(manuscript);
  const again = service.analyze(TextDocument.create(document.uri, 'markdown', 2, manuscript), analysis)!;
  assert.equal(again.checked, analysis.checked);
  const failed = { ...analysis, failures: [{ stage: 'extract' as const, message: 'broken' }] };
  const next = service.analyze(TextDocument.create(document.uri, 'markdown', 3, `${manuscript}x`), failed)!;
  assert.deepEqual(next.update, { kind: 'full', reason: 'a stage failed on the previous version' });
});

test('random edits of the real texts, one after the other: every analysis read in part equals the whole read', () => {
  const random = seededRandom(20261206);
  for (const real of realManuscripts()) {
    const run = runRandomEdits(service, real, 120, random);
    assert.deepEqual(run.differences, [], `${real.languageId}: ${run.differences.join('\n')}`);
    assert.ok(run.readInPart > 0, `${real.languageId}: some edits read in part`);
  }
});

test('random single edits of the real texts: equal to the whole read, and most are read in part', () => {
  const random = seededRandom(61206);
  for (const real of realManuscripts()) {
    const run = runRandomEdits(service, real, 100, random, false);
    assert.deepEqual(run.differences, [], `${real.languageId}: ${run.differences.join('\n')}`);
    // Tables, environments and the preamble are dense in these texts: the share is lower than on a manuscript of prose.
    const least = real.languageId === 'markdown' ? 0.5 : 0.15;
    assert.ok(run.readInPart >= least * run.edits, `${real.languageId}: ${run.readInPart} of ${run.edits} read in part; whole because ${JSON.stringify([...run.reasons])}`);
  }
});

test('changeBetween finds the one changed span, across chunk boundaries', () => {
  const random = seededRandom(7);
  const base = Array.from({ length: 20_000 }, () => 'abcde\n '[Math.floor(random() * 8)]).join('');
  for (let trial = 0; trial < 200; trial++) {
    const start = Math.floor(random() * base.length);
    const removed = Math.floor(random() * 50);
    const inserted = 'xyz'.slice(0, Math.floor(random() * 4));
    const after = base.slice(0, start) + inserted + base.slice(start + removed);
    const change = changeBetween(base, after);
    if (after === base) {
      assert.equal(change, undefined);
      continue;
    }
    assert.ok(change);
    let prefix = 0;
    while (base[prefix] === after[prefix]) prefix++;
    let suffix = 0;
    while (suffix < Math.min(base.length, after.length) - prefix && base[base.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
    assert.deepEqual(change, { start: prefix, oldEnd: base.length - suffix, newEnd: after.length - suffix });
  }
});

test('a LaTeX table whose caption stands paragraphs above it: an edit of the caption is read as the whole read reads it', () => {
  const latex = [
    '\\documentclass{article}',
    '\\begin{document}',
    '\\section{Binding}',
    PROSE.join('\n\n'),
    '\\begin{table}',
    '\\centering',
    '',
    PROSE.join('\n\n'),
    '',
    '\\caption{Amitriptyline at human receptors (nM)}',
    '',
    ...Array.from({ length: 3 }, () => `${PROSE.join('\n\n')}\n`),
    '\\begin{tabular}{lr}',
    'Target & K$_i$ \\\\',
    'SERT & 3.45 \\\\',
    'NET & 13.3 \\\\',
    '\\end{tabular}',
    '\\end{table}',
    PROSE.join('\n\n'),
    '\\end{document}',
  ].join('\n');
  for (const [find, replace] of [['(nM)}', '(µM)}'], ['at human receptors', 'at rat receptors'], ['Amitriptyline at', 'Amitriptyline  at']]) {
    const before = TextDocument.create('file:///w/review.tex', 'latex', 1, latex);
    const at = latex.indexOf(find);
    const after = TextDocument.create('file:///w/review.tex', 'latex', 2, latex.slice(0, at) + replace + latex.slice(at + find.length));
    assertSameAsWhole(service.analyze(after, service.analyze(before)!)!, service.analyze(after)!);
  }
});
