import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, summaries } from './helpers/extract';

test('Markdown: rows are targets, the measure and unit in the header, the compound in the caption', () => {
  const text = [
    'Amitriptyline is a tricyclic.',
    '',
    'Table: Binding affinities of amitriptyline as quoted in a vendor sheet.',
    '',
    '| Target | K~i~ (nM) |',
    '|---|---|',
    '| SERT | 3.45 |',
    '| NET | 13.3 |',
    '| H1 | 0.5–1.1 |',
    '| DAT | 2,580 |',
    '| A2A | >10,000 |',
    '',
  ].join('\n');
  assert.deepEqual(summaries(text), [
    'Ki = 3.45 nM [3.45] amitriptyline@SLC6A4',
    'Ki = 13.3 nM [13.3] amitriptyline@SLC6A2',
    'Ki = 0.5-1.1 nM [0.5] amitriptyline@HRH1',
    'Ki = 2580 nM [2580] amitriptyline@SLC6A3',
    'Ki > 10000 nM [10000] amitriptyline@ADORA2A',
  ]);
  const statements = extract(text);
  assert.ok(statements.every((statement) => statement.context === 'table' && statement.target?.via === 'table-row' && statement.compound?.via === 'table-caption'));
  assert.equal(statements[0].unitSpan, undefined);
  assert.equal(text.slice(statements[0].measureSpan!.start, statements[0].measureSpan!.end), 'K~i~');
  assert.equal(statements[4].text, '>10,000');
  assert.equal(text.slice(statements[2].valueSpan.start, statements[2].valueSpan.end), '0.5–1.1');
});

test('Markdown: the measure and unit in the caption, the document subject as compound', () => {
  const text = [
    'Amitriptyline is old. Amitriptyline is cheap.',
    '',
    'Table: Binding affinities (Ki, µM).',
    '',
    '| Target | Value |',
    '|---|---|',
    '| SERT | 0.00345 |',
    '| hERG | 4.78 |',
    '',
  ].join('\n');
  assert.deepEqual(summaries(text), ['Ki = 0.00345 µM [3.45] amitriptyline@SLC6A4', 'Ki = 4.78 µM [4780] amitriptyline@KCNH2']);
  assert.equal(extract(text)[0].compound?.via, 'document-subject');
});

test('Markdown: rows are compounds, columns are targets', () => {
  const text = [
    'Table: K~i~ (nM) at the transporters.',
    '',
    '| Compound | SERT | NET |',
    '|---|---|---|',
    '| amitriptyline | 3.45 | 13.3 |',
    '| imipramine | 1.4 | 37 |',
    '',
  ].join('\n');
  assert.deepEqual(summaries(text), [
    'Ki = 3.45 nM [3.45] amitriptyline@SLC6A4',
    'Ki = 13.3 nM [13.3] amitriptyline@SLC6A2',
    'Ki = 1.4 nM [1.4] imipramine@SLC6A4',
    'Ki = 37 nM [37] imipramine@SLC6A2',
  ]);
  const vias = extract(text).map((statement) => `${statement.compound?.via} ${statement.target?.via}`);
  assert.deepEqual([...new Set(vias)], ['table-row table-column']);
});

test('Markdown: a "Table 2:" line above the table serves as its caption', () => {
  const text = ['Table 2: Dissociation constants at human transporters (Kd, nM).', '', '| Compound | SERT | NET |', '|---|---|---|', '| amitriptyline | 4.3 | 35 |', ''].join('\n');
  assert.deepEqual(summaries(text), ['Kd = 4.3 nM [4.3] amitriptyline@SLC6A4', 'Kd = 35 nM [35] amitriptyline@SLC6A2']);
});

test('Markdown: rows are compounds, columns are measures with their units', () => {
  const text = ['At SERT:', '', '| Drug | Ki (nM) | IC50 (µM) |', '|---|---|---|', '| amitriptyline | 3.45 | 0.1 |', ''].join('\n');
  assert.deepEqual(summaries(text), ['Ki = 3.45 nM [3.45] amitriptyline@-', 'IC50 = 0.1 µM [100] amitriptyline@-']);
});

test('LaTeX tabular: units in a siunitx header cell, the compound in the caption', () => {
  const text = [
    '\\begin{table}',
    '\\caption{Binding affinities of amitriptyline ($K_i$, \\si{\\nano\\molar}).}',
    '\\begin{tabular}{lS}',
    '\\toprule',
    'Target & {$K_\\mathrm{i}$ (\\si{\\nano\\molar})} \\\\',
    '\\midrule',
    'SERT & 3.45 \\\\',
    'NET & 13.3 \\\\',
    'H1 & {0.5--1.1} \\\\',
    'DAT & 3{,}020 \\\\',
    '\\bottomrule',
    '\\end{tabular}',
    '\\end{table}',
  ].join('\n');
  assert.deepEqual(summaries(text, 'latex'), [
    'Ki = 3.45 nM [3.45] amitriptyline@SLC6A4',
    'Ki = 13.3 nM [13.3] amitriptyline@SLC6A2',
    'Ki = 0.5-1.1 nM [0.5] amitriptyline@HRH1',
    'Ki = 3020 nM [3020] amitriptyline@SLC6A3',
  ]);
  const [first] = extract(text, 'latex');
  assert.equal(text.slice(first.measureSpan!.start, first.measureSpan!.end), 'K_\\mathrm{i}');
  assert.equal(text.slice(first.span.start, first.span.end), '3.45');
});

test('LaTeX tabular: a p-scale column', () => {
  const text = ['\\begin{tabular}{ll}', 'Compound & p$K_i$ (SERT) \\\\', 'amitriptyline & 8.46 \\\\', 'imipramine & 8.85 \\\\', '\\end{tabular}'].join('\n');
  const statements = extract(text, 'latex');
  assert.deepEqual(statements.map((statement) => `${statement.compound?.id} ${statement.target?.id} ${statement.scale} ${statement.value}`), [
    'amitriptyline SLC6A4 p-scale 8.46',
    'imipramine SLC6A4 p-scale 8.85',
  ]);
});

test('a table without a measure is not read (free energies, doses)', () => {
  const energies = ['\\begin{tabular}{ll}', 'ID & $\\Delta G$ (kcal/mol) \\\\', 'amitriptyline & -5.95 \\\\', '\\end{tabular}'].join('\n');
  assert.deepEqual(extract(energies, 'latex'), []);
  const doses = ['| Drug | Dose (mg/kg) |', '|---|---|', '| amitriptyline | 10 |', ''].join('\n');
  assert.deepEqual(extract(doses), []);
});

test('long-format tables: compound and target each in a column of their own, values under a measure column', () => {
  const text = [
    '| Compound | Target | Species | Ki (nM) | IC50 (µM) |',
    '|---|---|---|---|---|',
    '| amitriptyline | SERT | human | 3.45 | |',
    '| fluoxetine | NET | human | 660 | |',
    '| amitriptyline | hERG | human | | 4.78 |',
    '',
  ].join('\n');
  assert.deepEqual(summaries(text), [
    'Ki = 3.45 nM [3.45] amitriptyline@SLC6A4',
    'Ki = 660 nM [660] fluoxetine@SLC6A2',
    'IC50 = 4.78 µM [4780] amitriptyline@KCNH2',
  ]);
  assert.ok(extract(text).every((statement) => statement.compound?.via === 'table-row' && statement.target?.via === 'table-row'));
});

test('a column headed by a target holds values, not names: the row names the compound', () => {
  const text = ['Table: Ki (nM).', '', '| Compound | SERT | NET |', '|---|---|---|', '| amitriptyline | 3.45 | 13.3 |', ''].join('\n');
  assert.deepEqual(summaries(text), ['Ki = 3.45 nM [3.45] amitriptyline@SLC6A4', 'Ki = 13.3 nM [13.3] amitriptyline@SLC6A2']);
});

test('HTML tables in Markdown: rows are targets, the measure in the header, the compound in the caption', () => {
  const text = [
    '<table>',
    '<caption>Affinities of amitriptyline</caption>',
    '<tr><th>Target</th><th>Ki (nM)</th></tr>',
    '<tr><td>SERT</td><td>3.45</td></tr>',
    '<tr><td>NET</td><td>13.3</td></tr>',
    '</table>',
    '',
  ].join('\n');
  assert.deepEqual(summaries(text), ['Ki = 3.45 nM [3.45] amitriptyline@SLC6A4', 'Ki = 13.3 nM [13.3] amitriptyline@SLC6A2']);
});

test('the measure in the row heading, compounds as columns: | H1 (Ki, nM) | 1.1 | 10 |', () => {
  const text = ['| Receptor | Amitriptyline | Imipramine |', '|---|---|---|', '| H1 (Ki, nM) | 1.1 | 11 |', '| SERT (Ki, nM) | 4.3 | 1.4 |', ''].join('\n');
  assert.deepEqual(summaries(text), [
    'Ki = 1.1 nM [1.1] amitriptyline@HRH1',
    'Ki = 11 nM [11] imipramine@HRH1',
    'Ki = 4.3 nM [4.3] amitriptyline@SLC6A4',
    'Ki = 1.4 nM [1.4] imipramine@SLC6A4',
  ]);
});
