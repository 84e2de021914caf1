/**
 * The bundled knowledge base across drug classes (GtoPdb 2020.5 interactions): hovers show GtoPdb values with their
 * PubMed links, a ×1000 slip is flagged as a unit slip, and a correct quote is not flagged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService, type HoverOptions } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';
import { speciesNamedIn } from '../server/src/service/check/references';

const service = createLanguageService(loadKnowledgeBaseFiles());

function hoverOn(text: string, needle: string, options: Partial<HoverOptions> = { layout: 'full' }): string {
  const document = TextDocument.create('file:///paper.md', 'markdown', 1, text);
  const analysis = service.analyze(document)!;
  const hover = service.hover(document, analysis, document.positionAt(text.indexOf(needle) + 1), options);
  return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

function affinityDiagnostics(text: string): string[] {
  const document = TextDocument.create('file:///paper.md', 'markdown', 1, text);
  const analysis = service.analyze(document)!;
  return service
    .diagnostics(document, analysis)
    .filter((diagnostic) => String(diagnostic.code).startsWith('affinity.'))
    .map((diagnostic) => `${['', 'error', 'warning', 'information', 'hint'][diagnostic.severity ?? 1]} ${diagnostic.code}`);
}

const PAIRS = [
  { compound: 'Morphine', target: 'μ-opioid receptor', measure: 'Ki', correct: '1 nM', slip: '1 µM', row: /\| μ receptor \| Ki · agonist \\\(full agonist\\\) \| 1 nM \| human \| \[PMID 9686407 via GtoPdb\]\(https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/9686407\/\) \(\+1 more paper\) \| database \|/ },
  { compound: 'Imatinib', target: 'ABL1', measure: 'IC50', correct: '220 nM', slip: '220 µM', row: /\| Abl \| IC50 · inhibitor \| 220 nM \| human \| \[PMID 17376680 via GtoPdb\]\(https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/17376680\/\) \| database \|/ },
  { compound: 'Haloperidol', target: 'D2 receptor', measure: 'Ki', correct: '1.6 nM', slip: '1.6 µM', row: /\| D2 \| Ki · antagonist \| 1\.58–39\.8 nM \(2 records; 0\.708–39\.8 nM\) \| human \| \[PMID 8301582 via GtoPdb\]\(https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/8301582\/\) \(\+4 more papers\)/ },
  { compound: 'Atorvastatin', target: 'HMG-CoA reductase', measure: 'IC50', correct: '8 nM', slip: '8 µM', row: /\| hydroxymethylglutaryl\\-CoA reductase \| IC50[^|]* \| 8 nM \| human \| \[PMID 11349148 via GtoPdb\]\(https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/11349148\/\) \|/ },
];

for (const pair of PAIRS) {
  test(`${pair.compound} at ${pair.target}: the hover shows GtoPdb's value with its PubMed link`, () => {
    const card = hoverOn(`${pair.compound} binds the ${pair.target}.`, pair.compound);
    assert.match(card, pair.row, card);
    const targetCard = hoverOn(`${pair.compound} binds the ${pair.target}.`, pair.target);
    assert.match(targetCard, /\*\*Compounds in this document at this target\*\*/, targetCard);
    assert.match(targetCard, new RegExp(`\\| ${pair.compound.toLowerCase()}[^|]* \\| ${pair.measure}`), targetCard);
    assert.match(targetCard, /\*\*Most potent ligands in the knowledge base\*\* \(\d+ compounds?, human; ℞ approved drug\)/, targetCard);
    const compact = hoverOn(`${pair.compound} binds the ${pair.target}.`, pair.compound, {});
    assert.match(compact, /\| Target \| Measure \| Value \| Source \|\n\| --- \| --- \| --- \| --- \|\n\| \*\*[^*]+\*\* \| /, 'the compact card starts with the target the sentence names, in bold');
  });

  test(`${pair.compound} at ${pair.target}: a ×1000 slip is an error (unit slip), the correct value is not flagged`, () => {
    const sentence = (value: string) => `${pair.compound} inhibits the ${pair.target} with an ${pair.measure === 'Ki' ? 'Ki' : 'IC50'} of ${value}.`;
    assert.deepEqual(affinityDiagnostics(sentence(pair.correct)), []);
    assert.deepEqual(affinityDiagnostics(sentence(pair.slip)), ['error affinity.unit-slip']);
  });
}

test('a compound card lists a drug\'s primary targets first and at most a dozen rows, with a count of the rest', () => {
  const card = hoverOn('Haloperidol is an antipsychotic.', 'Haloperidol');
  const rows = card.split('\n').filter((line) => /^\| (?!Target|---)/.test(line));
  assert.ok(rows.length <= 12, card);
  assert.match(card, /_\d+ more rows not shown \(primary targets, then the most potent, first\)\._/);
  assert.match(rows[0], /^\| D2 \|/, card);
});

test('one finding resting on a single published value is information and says so', () => {
  // GtoPdb holds one human Ki for toreforant at H4 (83 nM); a paper's 8.4 nM is 10× off, which one source cannot settle.
  const diagnostics = affinityDiagnostics('Toreforant is a selective H4 receptor antagonist with a Ki of 8.4 nM at the human H4 receptor.');
  assert.ok(diagnostics.every((diagnostic) => diagnostic.startsWith('information ')), diagnostics.join(', '));
});

test('another species counts where the text names it: a rat value is judged against rat records', () => {
  // GtoPdb: morphine Ki at the μ receptor 1 nM (human), 12.6 nM (rat).
  assert.deepEqual(affinityDiagnostics('In rat brain membranes, morphine bound the μ-opioid receptor with a Ki of 12 nM.'), []);
  const document = TextDocument.create('file:///paper.md', 'markdown', 1, 'In rat brain membranes, morphine bound the μ-opioid receptor with a Ki of 12.6 µM.');
  const [slip] = service.diagnostics(document, service.analyze(document)!);
  assert.equal(slip.code, 'affinity.unit-slip');
  assert.match(String(slip.message), /Ki 12\.6 nM, rat \(PMID 8114680 via GtoPdb, database\)/);
  // Said of the human receptor, the same number is judged against the human record (and is no unit slip of it).
  assert.deepEqual(affinityDiagnostics('Morphine bound the human μ-opioid receptor with a Ki of 12.6 µM.'), ['information affinity.mismatch']);
});

test('the species a sentence names: one species, guinea pig not read as pig, none when two are named', () => {
  assert.equal(speciesNamedIn('in rat cortical membranes'), 'rat');
  assert.equal(speciesNamedIn('guinea-pig ileum'), 'guinea pig');
  assert.equal(speciesNamedIn('cloned human receptors in mice'), undefined);
  assert.equal(speciesNamedIn('the receptor'), undefined);
});
