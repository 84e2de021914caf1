import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { memoryWorkspace } from '../server/src/service/workspace';
import { createLanguageService } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';

const BIB = `@article{jo2000,
  author = {Jo and others},
  title = {Blockade of the {HERG} human cardiac {K+} channel by the antidepressant drug amitriptyline},
  journal = {Br J Pharmacol}, year = {2000}, volume = {129}, pages = {1474--1480},
  doi = {10.1038/sj.bjp.0703222}
}
@article{tatsumi1997, author = {Tatsumi, M.}, title = {Pharmacological profile}, journal = {Eur J Pharmacol}, year = {1997}, pmid = {9537821}}
@article{opioids1998, author = {Toll, L.}, title = {Standard binding and functional assays}, year = {1998}, pmid = {9686407}}
@article{ratmor, author = {Someone}, title = {Rat opioid binding}, year = {1994}, pmid = {8114680}}
`;

const service = createLanguageService({
  ...loadKnowledgeBaseFiles(),
  workspace: memoryWorkspace({ 'file:///paper/refs.bib': BIB }),
  discoveryOptions: () => ({ workspaceRoot: 'file:///paper/' }),
});

function open(text: string, languageId: string, name = 'paper.tex') {
  const document = TextDocument.create(`file:///paper/${name}`, languageId, 1, text);
  const analysis = service.analyze(document);
  assert.ok(analysis);
  return { document, analysis };
}

const LATEX = '\\addbibresource{refs.bib}\nAmitriptyline blocks hERG~\\cite{jo2000}; see also \\citep{jo200}.\n';

test('a cited key missing from every bibliography is flagged, with the close key as a fix', () => {
  const { document, analysis } = open(LATEX, 'latex');
  const diagnostics = service.diagnostics(document, analysis);
  assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['citation.unresolved']);
  assert.match(String(diagnostics[0].message), /"jo200" .*did you mean "jo2000"/);
  const [fix] = service.codeActions(document, analysis, diagnostics);
  assert.equal(fix.title, 'Change to "jo2000"');
  const edited = TextDocument.applyEdits(document, fix.edit?.changes?.[document.uri] ?? []);
  assert.match(edited, /\\citep\{jo2000\}/);
});

test('a declared bibliography that does not exist is flagged at its declaration', () => {
  const { document, analysis } = open('---\nbibliography: missing.bib\n---\nText [@jo2000].\n', 'markdown', 'notes.md');
  const diagnostics = service.diagnostics(document, analysis);
  assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['citation.bibliography-missing']);
  assert.equal(document.getText(diagnostics[0].range), 'missing.bib');
});

test('hovering a citation key shows the reference and the knowledge-base values that rest on it', () => {
  const { document, analysis } = open(LATEX, 'latex');
  const hover = service.hover(document, analysis, document.positionAt(LATEX.indexOf('jo2000') + 2));
  const value = (hover?.contents as MarkupContent).value;
  assert.match(value, /\*\*jo2000\*\* — Jo and others: _Blockade of the/);
  assert.match(value, /doi\.org\/10\.1038\/sj\.bjp\.0703222/);
  assert.match(value, /amitriptyline · hERG \| IC50 \| 3\.26 µM/);
});

test('citation keys complete after \\cite{ and [@, nowhere else', () => {
  const latex = open('\\addbibresource{refs.bib}\nSee \\citep[p.~3]{', 'latex');
  assert.deepEqual(service.completions(latex.document, latex.analysis, latex.document.positionAt(latex.document.getText().length)).map((item) => item.label), ['jo2000', 'tatsumi1997', 'opioids1998', 'ratmor']);
  const markdown = open('---\nbibliography: refs.bib\n---\nSee [@', 'markdown', 'notes.md');
  assert.equal(service.completions(markdown.document, markdown.analysis, markdown.document.positionAt(markdown.document.getText().length)).length, 4);
  const prose = open('---\nbibliography: refs.bib\n---\nSee the ', 'markdown', 'notes.md');
  assert.deepEqual(service.completions(prose.document, prose.analysis, prose.document.positionAt(prose.document.getText().length)), []);
});

function codes(text: string, languageId = 'latex'): string[] {
  const { document, analysis } = open(text, languageId);
  return service.diagnostics(document, analysis).map((diagnostic) => String(diagnostic.code));
}

test('an affinity without a citation in its sentence gets a citation.missing hint', () => {
  assert.deepEqual(codes('\\addbibresource{refs.bib}\nAmitriptyline binds SERT with a $K_d$ of 4.3 nM.\n'), ['citation.missing']);
  assert.deepEqual(codes('\\addbibresource{refs.bib}\nAmitriptyline binds SERT with a $K_d$ of 4.3 nM~\\cite{tatsumi1997}.\n'), []);
});

test('citing a source for a pair the knowledge base holds nothing from it for is not judged (a source is known only for its pairs)', () => {
  const text = '\\addbibresource{refs.bib}\nAmitriptyline blocks hERG with an IC$_{50}$ of 4.78 µM at 4 mM external K$^+$~\\cite{tatsumi1997}.\n';
  assert.deepEqual(codes(text), []);
  assert.deepEqual(codes(text.replace('tatsumi1997', 'jo2000')), []);
});

test('in a sentence quoting two values, each value is checked against its own citation', () => {
  const text = '\\addbibresource{refs.bib}\nAmitriptyline binds SERT with a $K_d$ of 4.3 nM~\\cite{tatsumi1997} and blocks hERG with an IC$_{50}$ of 4.78 µM at 4 mM K$^+$~\\cite{jo2000}.\n';
  assert.deepEqual(codes(text), []);
});

test('a paper known only by its PubMed ID (curated in part by GtoPdb): a value it records otherwise is a mismatch, a pair it does not record is not', () => {
  // PMID 9686407 gives morphine a Ki of 1 nM at the human μ receptor; PMID 8114680 gives 12.6 nM (rat).
  assert.deepEqual(codes('\\addbibresource{refs.bib}\nMorphine binds the μ-opioid receptor with a $K_i$ of 1.0 nM~\\cite{opioids1998}.\n'), []);
  const { document, analysis } = open('\\addbibresource{refs.bib}\nMorphine binds the μ-opioid receptor with a $K_i$ of 1.0 nM~\\cite{ratmor}.\n', 'latex');
  const diagnostics = service.diagnostics(document, analysis);
  assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['citation.source-mismatch']);
  assert.match(String(diagnostics[0].message), /cites "ratmor" \(PMID 8114680\), which records pKi 7\.9 for this Ki/);
  // GtoPdb took no haloperidol value from the opioid paper: that says nothing about the paper.
  assert.deepEqual(codes('\\addbibresource{refs.bib}\nHaloperidol binds the D2 receptor with a $K_i$ of 1.6 nM~\\cite{opioids1998}.\n'), []);
});
