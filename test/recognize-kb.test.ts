import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';

const root = path.resolve(__dirname, '..');
const service = createLanguageService(loadKnowledgeBaseFiles());

function mentions(text: string, languageId = 'markdown'): string[] {
  const analysis = service.analyze(TextDocument.create('file:///t', languageId, 1, text));
  return (analysis?.mentions ?? []).map((mention) => `${mention.id}:${mention.text}`);
}

function idOf(text: string, languageId = 'markdown'): string[] {
  return mentions(text, languageId).map((entry) => entry.slice(0, entry.lastIndexOf(':')));
}

test('every written form the issue names maps to one knowledge-base entry', () => {
  const forms: [string, string, string?][] = [
    ['amitriptyline', 'amitriptyline'],
    ['Elavil', 'amitriptyline'],
    ['SERT', 'SLC6A4'],
    ['5-HTT', 'SLC6A4'],
    ['SLC6A4', 'SLC6A4'],
    ['serotonin transporter', 'SLC6A4'],
    ['H1', 'HRH1'],
    ['histamine H1 receptor', 'HRH1'],
    ['A2a', 'ADORA2A'],
    ['A$_{2A}$', 'ADORA2A', 'latex'],
    ['adenosine A2A receptor', 'ADORA2A'],
    ['hERG', 'KCNH2'],
    ['Kv11.1', 'KCNH2'],
    ['KCNH2', 'KCNH2'],
    ['TrkA', 'NTRK1'],
    ['NTRK1', 'NTRK1'],
    ['TrkB', 'NTRK2'],
    ['sigma-1', 'SIGMAR1'],
    ['σ1', 'SIGMAR1'],
    ['M1', 'CHRM1'],
    ['M5', 'CHRM5'],
  ];
  for (const [written, id, languageId] of forms) {
    assert.deepEqual(idOf(`We studied ${written} here.`, languageId), [id], written);
  }
});

test('α1-adrenergic receptor in every spelling maps to the same target', () => {
  const spellings: [string, string][] = [
    ['α1-adrenergic receptor', 'markdown'],
    ['alpha1-adrenoceptor', 'markdown'],
    ['$\\alpha_1$-adrenoceptor', 'latex'],
    ['\\textalpha{}1-adrenergic receptor', 'latex'],
  ];
  const ids = spellings.map(([written, languageId]) => idOf(`the ${written} was blocked`, languageId));
  for (const id of ids) assert.deepEqual(id, ids[0]);
  assert.equal(ids[0].length, 1);
});

test('NMDA receptor and muscarinic receptors are recognized as groups', () => {
  assert.equal(idOf('the NMDA receptor').length, 1);
  assert.equal(idOf('muscarinic receptors').length, 1);
});

test('ordinary English prose produces no mentions', () => {
  const text = readFileSync(path.join(root, 'test/fixtures/prose/ordinary-english.md'), 'utf8');
  assert.deepEqual(mentions(text), []);
});

test('common words that are also GtoPdb names stay words', () => {
  assert.deepEqual(mentions('The net effect: data were set aside, and water, salt, sodium, calcium and oxygen levels rose. NO change.'), []);
});

test('the example manuscripts mention the seed targets', () => {
  for (const [file, languageId] of [['examples/amitriptyline-review.md', 'markdown'], ['examples/amitriptyline-review.tex', 'latex']]) {
    const ids = new Set(idOf(readFileSync(path.join(root, file), 'utf8'), languageId));
    for (const id of ['amitriptyline', 'SLC6A4', 'SLC6A2', 'SLC6A3', 'HRH1', 'KCNH2', 'NTRK1', 'NTRK2', 'SIGMAR1']) {
      assert.ok(ids.has(id), `${file} should mention ${id}; got ${[...ids].join(', ')}`);
    }
  }
});

test('a human clone written hSERT, hNET, hDAT is its target; hERG stays Kv11.1', () => {
  assert.deepEqual(idOf('Binding to hSERT, hNET and hDAT; block of hERG.'), ['SLC6A4', 'SLC6A2', 'SLC6A3', 'KCNH2']);
  assert.deepEqual(idOf('The hsert and Hnet spellings are not names.'), []);
});

test('NMDA currents and channels are the receptor; NMDA alone is the agonist', () => {
  assert.deepEqual(idOf('Amitriptyline reduced NMDA currents and blocked NMDA receptor channels.'), ['amitriptyline', 'complex:NMDA', 'complex:NMDA']);
  assert.deepEqual(idOf('Cells were exposed to NMDA.'), ['GtoPdb-ligand:4268']);
});

test('5-HT3A and 5-HT3A receptor, the knowledge base\'s own name, are recognized as the 5-HT3A receptor', () => {
  assert.deepEqual(mentions('Ondansetron blocks the 5-HT3A receptor (Ki 6.2 nM) and 5-HT3A currents.'), ['GtoPdb-ligand:2290:Ondansetron', 'GtoPdb:379:5-HT3A receptor', 'GtoPdb:379:5-HT3A']);
});

test('a micro sign standing alone in a document whose list names the μ receptor is that receptor, and reading it does not fail', () => {
  // `µ` (U+00B5) folds to `μ` (U+03BC) in a case-insensitive Unicode match but not in toLowerCase: this once threw.
  const text = 'The affinity of tramadol to cloned human opioid receptors of the μ, δ and κ type was measured.\n\nIts Ki at µ was 2.4 µM.';
  const analysis = service.analyze(TextDocument.create('file:///t.md', 'markdown', 1, text))!;
  assert.deepEqual(analysis.failures, []);
  const micro = analysis.mentions.find((mention) => mention.text === 'µ');
  assert.equal(micro?.id, analysis.mentions.find((mention) => mention.text === 'μ')?.id);
});
