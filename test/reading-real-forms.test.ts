import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';

// The forms real manuscripts write, each found in a real text of the development corpora (test/fixtures/real and
// the texts kept outside the repository), written here in sentences of our own. Read with the bundled knowledge base.
const service = createLanguageService(loadKnowledgeBaseFiles());

/** Every statement as `value unit measure compound@target`, with `?` for what was not found. */
function read(text: string, languageId = 'markdown'): string[] {
  const document = TextDocument.create('file:///paper', languageId, 1, text);
  const analysis = service.analyze(document)!;
  const name = (id: string | undefined, kind: 'compound' | 'target') => {
    if (!id) return '?';
    const entry = kind === 'compound' ? service.knowledgeBase.compound(id) : service.knowledgeBase.target(id);
    return kind === 'target' ? id : entry?.name ?? id;
  };
  return analysis.checked.map(({ statement }) => {
    const number = (value: number) => String(Number(value.toPrecision(6)));
    const value = statement.valueHigh === undefined ? number(statement.value) : `${number(statement.value)}-${number(statement.valueHigh)}`;
    const relation = statement.relation === '=' ? '' : statement.relation;
    const measure = statement.scale === 'p-scale' && statement.measure !== 'pA2' ? `p${statement.measure}` : statement.measure;
    return `${relation}${value} ${statement.unit ?? '-'} ${measure} ${name(statement.compound?.id, 'compound')}@${name(statement.target?.id, 'target')}`;
  });
}

function diagnosticsOf(text: string): Diagnostic[] {
  const document = TextDocument.create('file:///paper', 'markdown', 1, text);
  return service.diagnostics(document, service.analyze(document)!);
}

test('tables: a spanning sub-header row gives measure and unit; spaces group thousands; footnote letters glued to names', () => {
  const text = [
    '| test drugs | H1 receptors | H2 receptors |',
    '|---|---|---|',
    '| | inhibition constants at guinea pig H1–H2 receptors (Ki, nM ± SEM) | |',
    '| clemastine | 0.23 ± 0.1 | 4 015 ± 1 617 |',
    '| ketotifenb | 0.7 ± 0.1 | 8 612 ± 1 275 |',
  ].join('\n');
  assert.deepEqual(read(text), ['0.23 nM Ki clemastine@HRH1', '4015 nM Ki clemastine@HRH2', '0.7 nM Ki ketotifen@HRH1', '8612 nM Ki ketotifen@HRH2']);
});

test('tables: rows of names repeated over their values, abbreviations defined in the caption, no unit anywhere', () => {
  const text = [
    '\\begin{table}',
    '\\caption{Dissociation constants of clozapine (Cloz) and olanzapine (Olanz).}',
    '\\begin{tabular}{llll}',
    '\\multicolumn{4}{c}{Equilibrium dissociation constants at human receptors} \\\\',
    'Cloz & 5HT$_{2A}$ & H$_1$ & \\cellcolor{gray}D$_2$ \\\\',
    ' & 2.59 & 3.1 & \\cellcolor{gray}210 \\\\',
    'Olanz & H$_1$ & 5HT$_{2A}$ & D$_2$ \\\\',
    ' & 0.087 & 1.48 & \\fbox{$>$10000} \\\\',
    '\\end{tabular}',
    '\\end{table}',
  ].join('\n');
  assert.deepEqual(read(text, 'latex'), [
    '2.59 - Kd clozapine@HTR2A', '3.1 - Kd clozapine@HRH1', '210 - Kd clozapine@DRD2',
    '0.087 - Kd olanzapine@HRH1', '1.48 - Kd olanzapine@HTR2A', '>10000 - Kd olanzapine@DRD2',
  ]);
  assert.ok(service.analyze(TextDocument.create('file:///t.tex', 'latex', 1, text))!.checked.every(({ verdict }) => verdict.kind === 'unchecked'), 'a value with no unit is never checked');
});

test('tables: a merged first cell takes the name above; a metabolite label row makes the values another compound\'s', () => {
  const text = [
    '| Drugs | Route | Ki 1B (nM) | Ki 1D (nM) |',
    '|---|---|---|---|',
    '| Sumatriptan | SC | 12.6 | 12.6 |',
    '| Zolmitriptan | PO | [unchanged drug] | [unchanged drug] |',
    '| | ODT | 6.31 | 2.51 |',
    '| | | [active metabolite] | [active metabolite] |',
    '| | | 1.58 | 0.5 |',
    '',
    'Triptans act at 5-HT1B and 5-HT1D receptors.',
  ].join('\n');
  assert.deepEqual(read(text), ['12.6 nM Ki sumatriptan@HTR1B', '12.6 nM Ki sumatriptan@HTR1D', '6.31 nM Ki zolmitriptan@HTR1B', '2.51 nM Ki zolmitriptan@HTR1D', '1.58 nM Ki ?@HTR1B', '0.5 nM Ki ?@HTR1D']);
});

test('tables: cells written as prose read against their row and column', () => {
  const text = [
    'Table 1.',
    '',
    'Cannabidiol (CBD) binding profiles.',
    '',
    '| Target | CBD Action |',
    '|---|---|',
    '| CB1 | Low affinity in [3H]CP55940 binding (Ki = 3.3~4.9 μM); ↓ CP55940-enhanced GTPγS binding (KB = 79 nM) |',
    '| CB2 | Affinity (CBD-Ki = 4.2 μM vs. dronabinol-Ki = 3.3 μM) |',
  ].join('\n');
  assert.deepEqual(read(text), ['3.3-4.9 µM Ki cannabidiol@CNR1', '79 nM Kb cannabidiol@CNR1', '4.2 µM Ki cannabidiol@CNR2', '3.3 µM Ki Δ9-tetrahydrocannabinol@CNR2']);
});

test('tables: compounds as columns, targets by their uptake assay, the measure in a note row under the values', () => {
  const text = [
    '| Compound | Phencyclidine | Indatraline |',
    '|---|---|---|',
    '| [3H]5-HT uptake | 1424 | 4.49 |',
    '| [3H]dopamine uptake | 347 | 3.23 |',
    '| All values are IC50 (nM). | | |',
  ].join('\n');
  assert.deepEqual(read(text), ['1424 nM IC50 phencyclidine@SLC6A4', '4.49 nM IC50 ?@SLC6A4', '347 nM IC50 phencyclidine@SLC6A3', '3.23 nM IC50 ?@SLC6A3']);
});

test('tables: a section row says what the rows under it hold; lower-case table styles; property rows are not read', () => {
  const text = [
    '\\begin{tabular}{llll}',
    ' & Palbociclib & Abemaciclib & Ribociclib \\\\',
    'Ic50 (nm) & & & \\\\',
    'Cdk4-cyclin d1 & 11 & 2 & 10 \\\\',
    'Time to peak (hours) & 6--12 & 8 & 1--4 \\\\',
    '\\end{tabular}',
  ].join('\n');
  assert.deepEqual(read(text, 'latex'), ['11 nM IC50 palbociclib@CDK4', '2 nM IC50 abemaciclib@CDK4', '10 nM IC50 ribociclib@CDK4']);
});

test('tables: a qualified name is another compound; lower-case muscarinic subtypes; a ± mark before a partial agonist', () => {
  const text = [
    '| | Bupropion | R,R- Hydroxy bupropion |',
    '|---|---|---|',
    '| Inhibition IC50 (μM) in human cells | | |',
    '| DAT, uptake | 0.66 | inactive |',
    '| NET, uptake | 1.85 | 9.9 |',
    '',
    '| Drug | m1 | m2 |',
    '|---|---|---|',
    '| Geometric mean of Kd (nM) | | |',
    '| Aripiprazole | ±0.7 | 6.3 |',
  ].join('\n');
  assert.deepEqual(read(text), ['0.66 µM IC50 bupropion@SLC6A3', '1.85 µM IC50 bupropion@SLC6A2', '9.9 µM IC50 ?@SLC6A2', '0.7 nM Kd aripiprazole@CHRM1', '6.3 nM Kd aripiprazole@CHRM2']);
});

test('lists of "target: value" read with the measure and unit of the sentence before', () => {
  const text = ['Olanzapine binds the following receptors. Affinities are (Ki, nM):', '', '- dopamine D1: 31', '- dopamine D2: 11', '- histamine H1: 7'].join('\n');
  assert.deepEqual(read(text), ['31 nM Ki olanzapine@DRD1', '11 nM Ki olanzapine@DRD2', '7 nM Ki olanzapine@HRH1']);
});

test('abstracts: receptors named by Greek words under one head noun, measures in parentheses after them', () => {
  const text = 'Buprenorphine-3-glucuronide had affinity for human mu (Ki = 4.9±2.7 pM) and delta (Ki = 270±0.4 nM) but not kappa receptors. Binding was mu-specific.';
  assert.deepEqual(read(text), ['4.9 pM Ki ?@OPRM1', '270 nM Ki ?@OPRD1']);
});

test('abstracts: PubMed subscripts, plural measures, flattened exponents, Unicode subscripts, species prefixes', () => {
  assert.deepEqual(read('Agomelatine blocked h5-HT2C receptors (pA2 values of 6.0 and 6.1).'), ['6 - pA2 agomelatine@HTR2C', '6.1 - pA2 agomelatine@HTR2C']);
  assert.deepEqual(read('Ropinirole binds D(2) receptors with a K(i) of 2.9 × 10−8 M.'), ['2.9e-8 M Ki ropinirole@DRD2']);
  assert.deepEqual(read('The IC50s of cocaine at the dopamine transporter were 0.31 µM.'), ['0.31 µM IC50 cocaine@SLC6A3']);
  assert.deepEqual(read('Cocaine inhibited norepinephrine uptake with an IC₅₀ of 0.254 µM.'), ['0.254 µM IC50 cocaine@SLC6A2']);
});

test('prose: a name written against the measure owns its value (Ki(D3), SERT Ki); an unknown subtype or code owns its own', () => {
  assert.deepEqual(read('Ropinirole: Ki(D3) = 0.7 nM, Ki(D2) = 2.9 nM.'), ['0.7 nM Ki ropinirole@DRD3', '2.9 nM Ki ropinirole@DRD2']);
  assert.deepEqual(read('Rotigotine binds the dopamine D3 receptor (Ki = 0.71 nM) and others (Ki in nM): D4.2 (3.9), D5 (5.4).'), [
    '0.71 nM Ki rotigotine@DRD3', '3.9 nM Ki rotigotine@?', '5.4 nM Ki rotigotine@DRD5',
  ]);
  assert.deepEqual(read('Haloperidol: sigma-2 Ki = 13 nM; CM398: sigma-2 Ki = 0.43 nM.'), ['13 nM Ki haloperidol@TMEM97', '0.43 nM Ki ?@TMEM97']);
});

test('prose: a bound or range of "affinity" holds for each target listed after it, in the measure the section named', () => {
  const text = 'Pramipexole binds D3 (Ki = 0.5 nM). It has negligible affinity (>10,000 nM) for the D1, D5 and H1 receptors.';
  assert.deepEqual(read(text), ['0.5 nM Ki pramipexole@DRD3', '>10000 nM Ki pramipexole@DRD1', '>10000 nM Ki pramipexole@DRD5', '>10000 nM Ki pramipexole@HRH1']);
});

test('prose: a respectively list with a name the dictionary does not know assigns no compound', () => {
  assert.deepEqual(read('Etoperidone and lisuride had Ki values of 35.4 and 56.7 nM, respectively, at D1 receptors.'), ['35.4 nM Ki ?@DRD1', '56.7 nM Ki ?@DRD1']);
  assert.deepEqual(read('Cabergoline and lisuride had Ki values of 0.61 and 0.95 nM, respectively, at D2 receptors.'), ['0.61 nM Ki cabergoline@DRD2', '0.95 nM Ki lisuride@DRD2']);
});

test('prose: compounds that are compared with, or qualify a noun, are not the subject', () => {
  assert.deepEqual(read('Rotigotine showed the highest affinity for dopamine receptors, particularly D3 (Ki = 0.71 nM).'), ['0.71 nM Ki rotigotine@DRD3']);
  assert.deepEqual(read('Fluoxetine is less potent relative to paroxetine at SERT, with a Ki of 1.1 nM.'), ['1.1 nM Ki fluoxetine@SLC6A4']);
  assert.deepEqual(read('Haloperidol blocks α1, comparable to clozapine at α1A (Ki = 7.9 nM).'), ['7.9 nM Ki clozapine@ADRA1A']);
});

test('sentences: a title line, a full stop before a reference mark, a unit letter before a full stop', () => {
  assert.deepEqual(read('Binding profile of haloperidol\nIt binds D2 (Ki = 4.4 nM).'), ['4.4 nM Ki haloperidol@DRD2']);
  assert.deepEqual(read('Binding profile of haloperidol\nThe new compound binds D2 (Ki = 4.4 nM).'), ['4.4 nM Ki ?@DRD2'], 'an unnamed compound is not the title\'s');
  const [single] = read('Sertraline binds SERT.[1] It binds NET (Ki = 420 nM).');
  assert.equal(single, '420 nM Ki sertraline@SLC6A2');
  assert.deepEqual(read('Sertraline binds SERT.[1] DMS binds NET (Ki = 420 nM).'), ['420 nM Ki ?@SLC6A2'], 'DMS (desmethylsertraline) is a name the dictionary does not know, not sertraline');
});

test('an inferred reading gives at most information, and says what was assumed', () => {
  const text = ['# Haloperidol', '', '| Target | Ki (nM) |', '|---|---|', '| D2 | 4000 |'].join('\n');
  const [diagnostic] = diagnosticsOf(text);
  assert.ok(diagnostic, 'a finding');
  assert.equal(diagnostic.severity, 3, 'information');
  assert.match(String(diagnostic.message), /compound from the heading/);
  const explicit = diagnosticsOf('Haloperidol binds D2 with a Ki of 4000 nM.');
  assert.ok(explicit.some((entry) => entry.severity === 2 || entry.severity === 1), 'the same value read explicitly is a warning or an error');
});

test('abstracts: a space inside IC 50; a value compared with another compound is that compound\'s; a contrasted clause is not the target', () => {
  assert.deepEqual(read('Fluoxetine inhibited Kv3.1 currents with an IC 50 value of 13.11 μM.'), ['13.11 µM IC50 fluoxetine@KCNC1']);
  assert.deepEqual(read('Citalopram blocks hERG with an IC(50) of 3.97 microM. This is less potent than fluoxetine in our system (IC(50) of 1.50 microM).'), [
    '3.97 µM IC50 citalopram@KCNH2',
    '1.5 µM IC50 fluoxetine@KCNH2',
  ]);
  assert.deepEqual(read('Phencyclidine had a high affinity for D2High with a Ki of 2.7 nM, in contrast to its low affinity for the NMDA receptor, with a Ki of 313 nM.'), [
    '2.7 nM Ki phencyclidine@?',
    '313 nM Ki phencyclidine@complex:NMDA',
  ]);
});

test('tables about GABA-A receptors: a column headed α1 is a subunit, read as an unknown target, not the α1-adrenoceptor', () => {
  const text = [
    '| | | α1 | α5 |',
    '|---|---|---|---|',
    '| Human recombinant GABAA receptors containing β3, γ2 | | | |',
    '| Diazepam | % modulation | 103 ± 14 | 106 ± 3 |',
    '| | EC50, nM | 27 | 17 |',
  ].join('\n');
  assert.deepEqual(read(text), ['27 nM EC50 diazepam@?', '17 nM EC50 diazepam@?']);
});

test('lists under one head noun, labels broken across lines, nanomolar in lower case, a list of items each with its value', () => {
  assert.deepEqual(read('Atomoxetine had K\ni values of 5, 77, and 1,451 nM for norepinephrine, serotonin, and dopamine transporters, respectively.'), [
    '5 nM Ki atomoxetine@SLC6A2', '77 nM Ki atomoxetine@SLC6A4', '1451 nM Ki atomoxetine@SLC6A3',
  ]);
  assert.deepEqual(read('Methylphenidate has a higher affinity for DAT: Ki of methylphenidate with DAT: 34 nm.'), ['34 nM Ki methylphenidate@SLC6A3']);
  assert.deepEqual(read('Amitriptyline antagonizes muscarinic receptors (M1/M2/M3/M4/M5 receptors) (Ki = 11-24 nM), H1 receptors (Ki = 0.5-1.1 nM), adrenergic alpha1 receptors (Ki = 4.4 nM).'), [
    '11-24 nM Ki amitriptyline@CHRM1', '11-24 nM Ki amitriptyline@CHRM2', '11-24 nM Ki amitriptyline@CHRM3', '11-24 nM Ki amitriptyline@CHRM4', '11-24 nM Ki amitriptyline@CHRM5',
    '0.5-1.1 nM Ki amitriptyline@HRH1', '4.4 nM Ki amitriptyline@group:alpha1-adrenoceptor',
  ]);
});

test('metabolites numbered M1, M2 … are compounds, not muscarinic receptors; receptor types named by Greek letters', () => {
  const text = [
    'The affinity of tramadol and its active O-desmethyl metabolite (M1) to opioid receptors of the μ, δ and κ type was measured.',
    'At μ sites, the K(i) values for tramadol, its (+) and (-) enantiomers, M1, and its (+) and (-) enantiomers were 17,000, 15,700, 28,800, 3190, 153 and 9680 nM, respectively.',
    'The metabolite (+)-M1 showed the highest affinity (Ki=3.4 nM), followed by (+/-)-tramadol (Ki=2.4 microM).',
  ].join(' ');
  const statements = read(text);
  assert.ok(statements.every((statement) => !statement.includes('CHRM')), statements.join('\n'));
  assert.deepEqual(statements.slice(0, 6).map((statement) => statement.split('@').pop()), Array(6).fill('OPRM1'));
  assert.ok(!statements.includes('3.4 nM Ki tramadol@OPRM1'), 'the metabolite is not tramadol');
});

test('confidence limits in parentheses are not values; a sentence about an unknown compound takes no compound from before', () => {
  assert.deepEqual(read('Naltrexone had a pA2 of 8.66 (8.47–8.85) at the mu opioid receptor.'), ['8.66 - pA2 naltrexone@OPRM1']);
  assert.deepEqual(read('Cocaine binds DAT (Ki = 100 nM). Mephedrone inhibited NET with an IC50 of 2.5 µM (95% CI: 1.7–3.7 µM).'), ['100 nM Ki cocaine@SLC6A3', '2.5 µM IC50 ?@SLC6A2']);
});

test('abstracts: a table written inline after "as follows:", its columns named by the sentence', () => {
  const text = 'Mean IC50 values (microM) for human cyclooxygenase-1 and cyclooxygenase-2 and the cyclooxygenase-1/-2 IC50 ratio of various NSAIDs were as follows: aspirin, 3.2, 26, 0.12; diclofenac, 0.037, 0.00097, 38; respectively. Our assay is simple.';
  assert.deepEqual(read(text), ['3.2 µM IC50 aspirin@PTGS1', '26 µM IC50 aspirin@PTGS2', '0.037 µM IC50 diclofenac@PTGS1', '0.00097 µM IC50 diclofenac@PTGS2']);
});

test('a prose cell under a header that mentions a ratio is read; a target with its value in parentheses takes the section\'s measure', () => {
  const table = ['| Evidence | Sigma binding affinity and selectivity (σ2/σ1 ratio) |', '|---|---|', '| Comparator | Haloperidol: σ1 Ki = 6.44 ± 0.15 nM, σ2/σ1 ratio ≈ 34:1 |'].join('\n');
  assert.deepEqual(read(table), ['6.44 nM Ki haloperidol@SIGMAR1']);
  assert.deepEqual(read('Agomelatine displayed a pKi of 6.4 at 5-HT2C receptors. It also interacted with 5-HT2B receptors (6.6).'), ['6.4 - pKi agomelatine@HTR2C', '6.6 - pKi agomelatine@HTR2B']);
});

test('labels split by a PDF: pK B, K i, IC at a line\'s end and 50 on the next', () => {
  assert.deepEqual(read('Amitriptyline has a K i of 4 nM at SERT. Vitamin K is used.'), ['4 nM Ki amitriptyline@SLC6A4']);
  assert.deepEqual(read('Dextromethorphan blocks NMDA receptors (IC\n50 = 0.55 μM).'), ['0.55 µM IC50 dextromethorphan@complex:NMDA']);
});

test('items labelled by a compound inside a table cell; either side of a ratio is no value', () => {
  const table = [
    '| Evidence | Sigma binding |',
    '|---|---|',
    '| Comparator | Haloperidol: σ1 Ki = 6.44 nM, σ2 Ki = 221 nM, σ2/σ1 ratio ≈ 34:1; (+)-Pentazocine: σ1 Ki = 16.7 nM |',
  ].join('\n');
  assert.deepEqual(read(table), ['6.44 nM Ki haloperidol@SIGMAR1', '221 nM Ki haloperidol@TMEM97', '16.7 nM Ki ?@SIGMAR1']);
  assert.deepEqual(read('Haloperidol has a σ2/σ1 Ki ratio of 67:1 and a Ki at D2:5 nM.'), ['5 nM Ki haloperidol@DRD2']);
});

test('a value in parentheses after a name the dictionary does not know is that name\'s, unless a compound was named before', () => {
  const rank = 'Cocaine was a reference. The rank potency for DAT inhibition IC50 (nM) was MPHP (4.53) > 4Cl-α-PVP (8.05) > α-PiHP (13.4).';
  assert.deepEqual(read(rank), ['4.53 nM IC50 ?@SLC6A3', '8.05 nM IC50 ?@SLC6A3', '13.4 nM IC50 ?@SLC6A3']);
  assert.deepEqual(read('Ponatinib potently inhibits native ABL (IC50: 0.37 nM) and SRC (IC50: 5.4 nM).'), ['0.37 nM IC50 ponatinib@?', '5.4 nM IC50 ponatinib@SRC']);
});

test('a document subject needs half of the compound mentions; a DOI label and a salt are no compounds; BRD4(1) is BRD4', () => {
  const shared = 'Donepezil, rivastigmine, galantamine and tacrine are compared. Donepezil is the oldest.\n\n# Binding\n\nIt inhibits AChE with an IC50 of 33 nM.';
  assert.deepEqual(read(shared), ['33 nM IC50 ?@ACHE']);
  const dominant = 'Donepezil is old. Donepezil is cheap. Rivastigmine too.\n\n# Binding\n\nIt inhibits AChE with an IC50 of 33 nM.';
  assert.deepEqual(read(dominant), ['33 nM IC50 donepezil@ACHE']);
  const document = TextDocument.create('file:///paper', 'markdown', 1, 'Racemic alazocine HCl was tested (DOI: 10.1111/j.1476-5381.2011.01520.x) at BRD4(1).');
  const mentions = service.analyze(document)!.mentions.map((mention) => `${mention.kind}:${mention.text}`);
  assert.deepEqual(mentions, ['target:BRD4']);
});

test('grid tables: a row over several lines names its measure and unit across them; cells of "target: value"', () => {
  const text = [
    '+----------------------+------------------+------------------+',
    '| Parameter            | Agomelatine51    | Ramelteon59      |',
    '+======================+==================+==================+',
    '| Mechanism of action  | MT1 and MT2      | MT1 and MT2      |',
    '|                      | agonist          | agonist          |',
    '+----------------------+------------------+------------------+',
    '| Receptor binding     | MT1: 0.10        | MT1: 0.014       |',
    '| affinity (Ki values  | MT2: 0.12        | MT2: 0.112       |',
    '| [nM])                | 5-HT2C: 6.15     |                  |',
    '+----------------------+------------------+------------------+',
  ].join('\n');
  assert.deepEqual(read(text), [
    '0.1 nM Ki agomelatine@MTNR1A',
    '0.014 nM Ki ramelteon@MTNR1A',
    '0.12 nM Ki agomelatine@MTNR1B',
    '0.112 nM Ki ramelteon@MTNR1B',
    '6.15 nM Ki agomelatine@HTR2C',
  ]);
});

test('no measure named but "affinity", with a unit: read as Ki or Kd, a guess, so never more than information', () => {
  const list = 'Clozapine acts at many receptors. Key receptor affinities of clozapine are as follows:\n\nD2: 125 nM;\n5-HT2A: 12 nM;\nH1: 6 nM.\n';
  assert.deepEqual(read(list), ['125 nM Ki clozapine@DRD2', '12 nM Ki clozapine@HTR2A', '6 nM Ki clozapine@HRH1']);
  const table = (header: string, value: string) => `| Compound | ${header} |\n|---|---|\n| Amitriptyline | ${value} |\n`;
  assert.deepEqual(read(table('SERT binding affinity (nM)', '4.3')), ['4.3 nM Ki amitriptyline@SLC6A4']);
  assert.deepEqual(read(table('SERT affinity', '4.3')), []);
  assert.deepEqual(read(table('SERT inhibitory potency and affinity (nM)', '4.3')), []);
  const far = diagnosticsOf(table('SERT binding affinity (nM)', '4300'));
  assert.ok(far.length > 0 && far.every((diagnostic) => diagnostic.severity === 3), JSON.stringify(far.map((diagnostic) => [diagnostic.severity, diagnostic.message])));
});

test('compounds each with a number in parentheses take the measure and unit of the sentence before; one alone may be a reference', () => {
  const text = 'The rank potency for DAT inhibition IC50 (nM) was MPHP (4.53) > α-PiHP (13.4). All were more potent than amphetamine (257) and cocaine (111). Cocaine (12) is a reference.';
  assert.deepEqual(read(text).slice(2), ['257 nM IC50 amphetamine@SLC6A3', '111 nM IC50 cocaine@SLC6A3']);
});

test('an IC50 listed with a Hill coefficient takes every other value; names right after an earlier value are that value\'s', () => {
  assert.deepEqual(read('Sertraline reduced Kv1.5 currents, with an IC50 value and a Hill coefficient of 0.71 µM and 1.29, respectively.'), ['0.71 µM IC50 sertraline@KCNA5']);
  const pairs = 'Fluoxetine and norfluoxetine inhibited Kv3.1 currents with an IC50 value and a Hill coefficient of 13.11 μM and 1.33 for fluoxetine and 0.80 μM and 1.65 for norfluoxetine, respectively.';
  assert.deepEqual(read(pairs), ['13.11 µM IC50 fluoxetine@KCNC1', '0.8 µM IC50 norfluoxetine@KCNC1']);
  assert.deepEqual(read('Fluoxetine blocked hERG with a Hill coefficient and an IC50 of 1.2 and 3.1 µM, respectively.'), ['3.1 µM IC50 fluoxetine@KCNH2']);
  const compared = 'Lasmiditan shows a Ki of 2.21 nM at the 5-HT1F receptor, compared with Ki values of 1043 nM and 1357 nM at the 5-HT1B and 5-HT1D receptors, respectively.';
  assert.deepEqual(read(compared), ['2.21 nM Ki lasmiditan@HTR1F', '1043 nM Ki lasmiditan@HTR1B', '1357 nM Ki lasmiditan@HTR1D']);
});

test('a Kd with no compound of its own is its radioligand\'s (saturation binding); other measures never are', () => {
  const saturation = 'Saturation studies revealed that [3H]ramosetron labeled more sites with high affinity (Kd=0.15 nM) than [3H]granisetron (Kd=1.17 nM) at 5-HT3 receptors.';
  assert.deepEqual(read(saturation), ['0.15 nM Kd ramosetron@HTR3A', '1.17 nM Kd granisetron@HTR3A']);
  assert.deepEqual(read('[3H]citalopram binding to SERT was inhibited with an IC50 of 5 nM.'), ['5 nM IC50 ?@SLC6A4']);
  assert.deepEqual(read('Amitriptyline displaced [3H]citalopram from SERT with a Ki of 4 nM.'), ['4 nM Ki amitriptyline@SLC6A4']);
});

test('a measure with its owner in parentheses opens a prose cell (Ki(D3) = 0.7 nM); lower-case nm glued to a bound', () => {
  const table = '| Evidence | Binding |\n|---|---|\n| Ropinirole | Ki(D3) = 0.7 nM, Ki(D2) = 2.9 nM |\n';
  assert.deepEqual(read(table), ['0.7 nM Ki ropinirole@DRD3', '2.9 nM Ki ropinirole@DRD2']);
  assert.deepEqual(read('Methylphenidate (MPH) blocks transporters. Ki of MPH with serotonin transporter (5-HTT): > 10,000nm.'), ['>10000 nM Ki methylphenidate@SLC6A4']);
});

test('a conjugate or metabolite named after its parent (buprenorphine-3-glucuronide, O-desmethyl-tramadol) is another, unknown compound', () => {
  assert.deepEqual(read('Buprenorphine-3-glucuronide had affinity for human mu (Ki = 4.9 pM) and delta (Ki = 270 nM) receptors.'), ['4.9 pM Ki ?@OPRM1', '270 nM Ki ?@OPRD1']);
  assert.deepEqual(read('The affinity of O-desmethyl-tramadol for the mu opioid receptor (Ki = 3.4 nM) exceeds that of tramadol (Ki = 2.4 µM).'), ['3.4 nM Ki ?@OPRM1', '2.4 µM Ki tramadol@OPRM1']);
});

test('tables: a row of names repeated down the table replaces the names above it; a capital alone (M) names an unknown target', () => {
  const text = [
    '\\begin{table}',
    '\\caption{Dissociation constants; efficacy at dopamine D$_2$ receptors is shaded.}',
    '\\begin{tabular}{llll}',
    '\\multicolumn{4}{c}{Equilibrium dissociation constants (nM)} \\\\',
    'Cloz & 5HT$_{2A}$ & H$_1$ & \\fbox{M} \\\\',
    ' & 2.59 & 3.1 & \\fbox{9} \\\\',
    'Olanz & H$_1$ & \\fbox{M} & 5HT$_{2A}$ \\\\',
    ' & 0.087 & \\fbox{36} & 1.48 \\\\',
    '\\end{tabular}',
    '\\end{table}',
  ].join('\n');
  assert.deepEqual(read(text, 'latex').map((statement) => statement.split(' ').pop()), ['?@HTR2A', '?@HRH1', '?@?', '?@HRH1', '?@?', '?@HTR2A']);
});

test('an unknown name that is its clause\'s subject owns the values after it: systematic names, codes before a verb', () => {
  assert.deepEqual(read('Haloperidol binds sigma-1. 2-(3-Chlorophenyl)-1H-quinazolin-4-one demonstrates sigma-2 binding (Ki = 23 nM).'), ['23 nM Ki ?@TMEM97']);
  assert.deepEqual(read('Haloperidol has a sigma-2 Ki of 13 nM, while the sigma-2 ligand DTG (1,3-di-o-tolylguanidine) shows Ki values of 20–80 nM.'), ['13 nM Ki haloperidol@TMEM97', '20-80 nM Ki ?@TMEM97']);
});

test('values paired with tissues (heart, lung) take no target from the paragraph', () => {
  const text = 'Binding in heart reflected β1-adrenoceptors and in lung β2-adrenoceptors. The IC50s were: betaxolol (24.9 nM heart, 4810 nM lung), timolol (3.1 nM heart, 2.9 nM lung).';
  assert.deepEqual(read(text).map((statement) => statement.split(' ').pop()), ['betaxolol@?', 'betaxolol@?', 'timolol@?', 'timolol@?']);
});

test('an unknown subtype before its head noun owns its value; a protein named as the readout (ERK1/2 phosphorylation) is no target', () => {
  assert.deepEqual(read('Pramipexole binds D3 (Ki = 0.5 nM) and the D2S receptor (Ki = 3.9 nM).'), ['0.5 nM Ki pramipexole@DRD3', '3.9 nM Ki pramipexole@?']);
  assert.deepEqual(read('Cannabidiol reduced JWH133-induced ERK1/2 phosphorylation in cells expressing CB2 (IC50 = 29 nM).'), ['29 nM IC50 cannabidiol@CNR2']);
});

test('a symbol written with another family\'s word (B1-adrenergic) is not that symbol\'s receptor (bradykinin B1)', () => {
  assert.deepEqual(read('Vortioxetine binds SERT (Ki = 1.6 nM). It also binds to the B1-adrenergic receptor (Ki = 46 nM).').map((statement) => statement.split(' ').pop()), ['vortioxetine@SLC6A4', 'vortioxetine@?']);
});

test('a bound stated for a parenthesized list of compounds holds for each; a measure with its target before the sign opens a cell', () => {
  const text = 'At the human mu opioid receptor, the drugs fell into three categories: K(i) > 100 nM (tramadol, codeine and pentazocine) and K(i) < 1 nM (buprenorphine and sufentanil).';
  assert.deepEqual(read(text).map((statement) => statement.replace(/ .*@/, ' @')), ['>100 @OPRM1', '>100 @OPRM1', '>100 @OPRM1', '<1 @OPRM1', '<1 @OPRM1']);
  assert.deepEqual(read(text).map((statement) => statement.split(' ')[3].split('@')[0]), ['tramadol', 'codeine', '(-)-pentazocine', 'buprenorphine', 'sufentanil']);
  const cell = '| Evidence | Binding |\n|---|---|\n| Comparator | Suvorexant: Ki OX2 = 0.35 nM; Ki OX1 = 0.55 nM |\n';
  assert.deepEqual(read(cell), ['0.35 nM Ki suvorexant@HCRTR2', '0.55 nM Ki suvorexant@HCRTR1']);
});

test('numbers inside names are no values (5-HT(4a), 10-fold); a value measured in a named cell line takes no target from elsewhere', () => {
  assert.deepEqual(read('Prucalopride has pK(i) estimates of 8.60 and 8.10 for the human 5-HT(4a) and 5-HT(4b) receptor, respectively, and is 290-fold selective.'), ['8.6 - pKi prucalopride@?', '8.1 - pKi prucalopride@?']);
  assert.deepEqual(read('Talazoparib inhibits PARP1 (Ki = 1.2 nM) and prevents proliferation with EC50 = 0.3 nM (MX-1).'), ['1.2 nM Ki talazoparib@PARP1', '0.3 nM EC50 talazoparib@?']);
  assert.deepEqual(read('Bupivacaine blocked HCN1 with a half-maximum inhibiting concentration of 55 μM.'), ['55 µM IC50 bupivacaine@HCN1']);
});

test('tables: a section row naming a plasma or tissue concentration (Cavg, Cmax) holds no affinities', () => {
  const text = [
    '| Parameter | Dapagliflozin | Empagliflozin |',
    '|---|---|---|',
    '| Ki,SGLT2 (nM) | 0.031 | 0.195 |',
    '| Cavg,0–24 (nM) | | |',
    '| Plasma | 51.7 | 229 |',
  ].join('\n');
  assert.deepEqual(read(text), ['0.031 nM Ki dapagliflozin@SLC5A2', '0.195 nM Ki empagliflozin@SLC5A2']);
});
