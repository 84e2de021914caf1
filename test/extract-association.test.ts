import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, summaries } from './helpers/extract';

const vias = (text: string, format: 'markdown' | 'latex' = 'markdown') =>
  extract(text, format).map((statement) => `${statement.compound?.id ?? '-'}/${statement.compound?.via ?? '-'} ${statement.target?.id ?? '-'}/${statement.target?.via ?? '-'}`);

test('compound and target in the same clause', () => {
  assert.deepEqual(vias('Amitriptyline binds SERT with a Ki of 3.45 nM.'), ['amitriptyline/clause SLC6A4/clause']);
  assert.deepEqual(vias('At the hERG channel imipramine has an IC50 of 3.4 µM.'), ['imipramine/clause KCNH2/clause']);
  assert.deepEqual(summaries('The K$_d$ of imipramine was 4.3 nM at SERT and 35 nM at NET.', 'latex'), [
    'Kd = 4.3 nM [4.3] imipramine@SLC6A4',
    'Kd = 35 nM [35] imipramine@SLC6A2',
  ]);
  assert.deepEqual(summaries('Imipramine: SERT Ki 1.4 nM, NET Ki 37 nM.'), ['Ki = 1.4 nM [1.4] imipramine@SLC6A4', 'Ki = 37 nM [37] imipramine@SLC6A2']);
});

test('two compounds in one sentence: each value takes its nearest compound', () => {
  assert.deepEqual(summaries('At SERT, amitriptyline has a Ki of 3.45 nM whereas fluoxetine has a Ki of 0.8 nM.'), [
    'Ki = 3.45 nM [3.45] amitriptyline@SLC6A4',
    'Ki = 0.8 nM [0.8] fluoxetine@SLC6A4',
  ]);
});

test('respectively lists pair in order, with targets or with compounds', () => {
  assert.deepEqual(vias('The Ki values of amitriptyline for SERT and NET were 3.45 and 13.3 nM, respectively.'), [
    'amitriptyline/clause SLC6A4/respectively',
    'amitriptyline/clause SLC6A2/respectively',
  ]);
  assert.deepEqual(vias('At SERT, the Ki values of amitriptyline and imipramine were 3.45 and 1.4 nM, respectively.'), [
    'amitriptyline/respectively SLC6A4/clause',
    'imipramine/respectively SLC6A4/clause',
  ]);
  assert.deepEqual(summaries('Amitriptyline binds the serotonin transporter (SERT) and NET with K$_i$ values of \\SI{3.45}{\\nano\\molar} and \\SI{13.3}{\\nano\\molar}, respectively.', 'latex'), [
    'Ki = 3.45 nM [3.45] amitriptyline@SLC6A4',
    'Ki = 13.3 nM [13.3] amitriptyline@SLC6A2',
  ]);
});

test('a sentence without a compound takes the paragraph\'s subject', () => {
  const text = 'Imipramine is a tricyclic. It also binds H1 with a Ki of 0.5 nM.\n\nAmitriptyline is mentioned here. And here: amitriptyline.';
  assert.deepEqual(vias(text), ['imipramine/paragraph-subject HRH1/clause']);
});

test('a paragraph that opens with a pronoun continues the last paragraph\'s compound', () => {
  const text = 'Imipramine is a tricyclic.\n\nAmitriptyline is old. Amitriptyline is cheap.\n\nIt binds H1 with a Ki of 0.5 nM.';
  assert.deepEqual(vias(text), ['amitriptyline/paragraph-subject HRH1/clause']);
});

test('after a heading, the document\'s most mentioned compound', () => {
  const text = 'Amitriptyline is old. Amitriptyline is cheap. Imipramine too.\n\n# Receptors\n\nIt also binds H1 with a Ki of 0.5 nM.';
  assert.deepEqual(vias(text), ['amitriptyline/document-subject HRH1/clause']);
  const latex = 'Amitriptyline is old. Amitriptyline is cheap. Imipramine too.\n\\section{Receptors}\nIt also binds H1 with a $K_i$ of 0.5~nM.';
  assert.deepEqual(vias(latex, 'latex'), ['amitriptyline/document-subject HRH1/clause']);
});

test('a sentence that names nothing but says "it" takes the paragraph\'s compound and target', () => {
  const text = 'Amitriptyline inhibits hERG with an IC50 of 4.78 µM.\n\nAt high concentration it also blocks the pore, with an IC50 of 220 µM.';
  assert.deepEqual(vias(text), ['amitriptyline/clause KCNH2/clause', 'amitriptyline/paragraph-subject KCNH2/paragraph-subject']);
});

test('a compound after "like" or "than" is a comparison, not the subject', () => {
  assert.deepEqual(summaries('Imipramine, like amitriptyline, prefers SERT (Kd ≈ 1.4 nM).'), ['Kd ~ 1.4 nM [1.4] imipramine@SLC6A4']);
});

test('a second value in the clause needs coordination; a condition is not a statement', () => {
  assert.deepEqual(summaries('The SERT IC50 of amitriptyline fell to 720 nM in the presence of 4 mM Ca²⁺ outside the cell.'), ['IC50 = 720 nM [720] amitriptyline@SLC6A4']);
  assert.deepEqual(summaries('Amitriptyline binds NET with a Kd of 1.06 µM, more than 100 times its SERT value of 8.9 nM.'), [
    'Kd = 1.06 µM [1060] amitriptyline@SLC6A2',
    'Kd = 8.9 nM [8.9] amitriptyline@SLC6A4',
  ]);
  assert.deepEqual(summaries('Amitriptyline binds H1 with a $K_\\mathrm{i}$ of 0.5~nM; its SERT affinity was \\qty{3.45}{nM}.', 'latex'), [
    'Ki = 0.5 nM [0.5] amitriptyline@HRH1',
    'Ki = 3.45 nM [3.45] amitriptyline@SLC6A4',
  ]);
});

test('a value with a compound but no target keeps the target empty', () => {
  assert.deepEqual(vias('Amitriptyline inhibited currents with an IC50 of 4 µM.'), ['amitriptyline/clause -/-']);
});

test('LaTeX: sentences end at periods, not at abbreviations', () => {
  const text = 'Imipramine, as shown by Tatsumi et al. in 1997, binds SERT with a $K_i$ of 1.4~nM. DAT is blocked only weakly.';
  assert.deepEqual(summaries(text, 'latex'), ['Ki = 1.4 nM [1.4] imipramine@SLC6A4']);
});

test('a value in parentheses right after a name belongs to that name, even after "than"', () => {
  assert.deepEqual(summaries('Imipramine (Ki = 1.4 nM) was more potent than amitriptyline (Ki = 4.3 nM) at SERT.'), [
    'Ki = 1.4 nM [1.4] imipramine@SLC6A4',
    'Ki = 4.3 nM [4.3] amitriptyline@SLC6A4',
  ]);
  assert.deepEqual(summaries('Amitriptyline binds SERT (Ki = 3.45 nM) and NET (Ki = 13.3 nM).'), [
    'Ki = 3.45 nM [3.45] amitriptyline@SLC6A4',
    'Ki = 13.3 nM [13.3] amitriptyline@SLC6A2',
  ]);
});

test('a radioligand is not the compound tested: [3H]imipramine binding, in every way of writing the label', () => {
  for (const label of ['[3H]', '[^3^H]', '³H-', '[³H]', '3H-', '[<sup>3</sup>H]']) {
    assert.deepEqual(summaries(`Amitriptyline inhibited ${label}imipramine binding to SERT with a Ki of 4.3 nM.`), ['Ki = 4.3 nM [4.3] amitriptyline@SLC6A4'], label);
  }
  assert.deepEqual(summaries('Amitriptyline inhibited [$^3$H]imipramine binding to SERT with a K$_i$ of 4.3 nM.', 'latex'), ['Ki = 4.3 nM [4.3] amitriptyline@SLC6A4']);
  assert.deepEqual(summaries('Imipramine binds SERT with a Ki of 1.4 nM.'), ['Ki = 1.4 nM [1.4] imipramine@SLC6A4'], 'an unlabelled name is still the compound');
});

test('a list of values pairs in order with exactly as many names before it, even without "respectively"', () => {
  assert.deepEqual(vias('The Ki values for SERT, NET and DAT were 4.3, 35 and 3250 nM for amitriptyline.'), [
    'amitriptyline/clause SLC6A4/list-order',
    'amitriptyline/clause SLC6A2/list-order',
    'amitriptyline/clause SLC6A3/list-order',
  ]);
  assert.deepEqual(summaries('Imipramine and amitriptyline inhibited hERG with IC50 values of 3.4 and 4.8 µM.'), [
    'IC50 = 3.4 µM [3400] imipramine@KCNH2',
    'IC50 = 4.8 µM [4800] amitriptyline@KCNH2',
  ]);
  // Three targets, two values: no pairing by order; each value takes its clause's names.
  assert.deepEqual(vias('Amitriptyline binds SERT, NET and DAT; Ki values of 4.3 and 35 nM were reported at SERT.').map((via) => via.split(' ')[1]), [
    'SLC6A4/clause',
    'SLC6A4/clause',
  ]);
});

test('the name after "metabolite of" (or analogue, derivative …) is not the subject', () => {
  assert.deepEqual(summaries('Imipramine, the main metabolite of amitriptyline, binds NET with a Ki of 37 nM.'), ['Ki = 37 nM [37] imipramine@SLC6A2']);
  assert.deepEqual(summaries('Amitriptyline binds NET with a Ki of 35 nM.'), ['Ki = 35 nM [35] amitriptyline@SLC6A2']);
});

test('the agonist or ligand of the assay is not the compound tested: antagonised histamine, histamine-induced', () => {
  assert.deepEqual(summaries('Amitriptyline antagonised serotonin at the 5-HT2A receptor with a Kb of 5 nM.'), ['Kb = 5 nM [5] amitriptyline@HTR2A']);
  assert.deepEqual(summaries('Amitriptyline inhibited serotonin-induced responses at the 5-HT2A receptor with an IC50 of 20 nM.'), ['IC50 = 20 nM [20] amitriptyline@HTR2A']);
  assert.deepEqual(summaries('Imipramine displaced amitriptyline from SERT with a Ki of 1.4 nM.'), ['Ki = 1.4 nM [1.4] imipramine@SLC6A4']);
});

test('a bound stated once for a list of targets holds for each; an exact value does not spread over a list', () => {
  assert.deepEqual(vias('Amitriptyline has no appreciable affinity for SERT, NET or DAT (Ki > 10 µM).').map((via) => via.split(' ')[1]), [
    'SLC6A4/list-order',
    'SLC6A2/list-order',
    'SLC6A3/clause',
  ]);
  assert.deepEqual(summaries('Amitriptyline binds SERT and NET with a Ki of 4.3 nM.'), ['Ki = 4.3 nM [4.3] amitriptyline@SLC6A2']);
  assert.deepEqual(vias('Amitriptyline binds SERT (5-HTT) and NET weakly (Ki > 1000 nM).').map((via) => via.split(' ')[1]), ['SLC6A4/list-order', 'SLC6A2/clause']);
});

test('"respectively" with the names after the values; a millimolar ion concentration is a condition, not a value', () => {
  assert.deepEqual(summaries('Imipramine has Ki values of 1.4 and 37 nM at SERT and NET, respectively.'), [
    'Ki = 1.4 nM [1.4] imipramine@SLC6A4',
    'Ki = 37 nM [37] imipramine@SLC6A2',
  ]);
  assert.deepEqual(summaries('Amitriptyline blocked hERG with an IC50 of 4.78 µM in 4 mM [K+]o; when [K+]o was reduced to 2 mM the IC50 fell to 3.26 µM.'), [
    'IC50 = 4.78 µM [4780] amitriptyline@KCNH2',
    'IC50 = 3.26 µM [3260] amitriptyline@KCNH2',
  ]);
});

test('a value with no target in its sentence takes the target its paragraph spoke of', () => {
  assert.deepEqual(vias('All compounds bound SERT. Imipramine was the most potent, with a Ki of 1.4 nM.'), ['imipramine/clause SLC6A4/paragraph-subject']);
});
