import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanDocument } from '../server/src/service/scan/index';
import { extractStatements } from '../server/src/service/extract/index';
import { extract, mentionsOf, summaries } from './helpers/extract';

test('numbers that are not affinities are not statements', () => {
  const markdown = [
    'Amitriptyline (10 mg/kg, i.p.) was given to rats aged 8 weeks (n = 12) for 5 days at 37 °C.',
    'Amitriptyline reduced SERT uptake by 45% (p < 0.05), see Figure 3 and Table 2 (2009).',
    'Cells were treated with 100 nM – 10 µM amitriptyline for 24 h before SERT was measured.',
    'Amitriptyline at SERT: errors in pKi of 0.3–0.4 log units are common.',
    'The Ki of amitriptyline at SERT was measured at 4 °C with 25 mg of membrane protein in 2019.',
    'Amitriptyline was tested at SERT at a concentration of 10 µM, and its Ki was not determined.',
  ].join('\n\n');
  assert.deepEqual(summaries(markdown), []);
});

test('a value under a condition after the affinity is not a second statement', () => {
  assert.deepEqual(summaries('At the NMDA receptor amitriptyline inhibits SERT with an IC$_{50}$ of 0.72 µM at 4 mM external Ca²⁺.'), ['IC50 = 0.72 µM [720] amitriptyline@SLC6A4']);
  assert.deepEqual(summaries('The Ki of amitriptyline at SERT was 3.45 nM (n = 4) with 1 nM radioligand.'), ['Ki = 3.45 nM [3.45] amitriptyline@SLC6A4']);
});

test('binding free energies in kcal/mol are not Ki', () => {
  const latex = 'Amitriptyline binds SERT with $\\Delta G = -7.40\\pm0.05$ kcal/mol and a $K_d$-like range of $\\sim$4 kcal/mol.';
  assert.deepEqual(summaries(latex, 'latex'), []);
});

test('a measure with a value but no compound or target in its sentence is not a statement', () => {
  // A generic example (`reported IC50 > 30 µM`) names nothing to check; the document subject is not enough without a target.
  const latex = 'Amitriptyline is a drug.\n\nCompounds outside the assay limit are still reported (e.g., reported IC$_{50} > 30 \\,\\,\\mu$M).';
  assert.deepEqual(summaries(latex, 'latex'), []);
  assert.deepEqual(summaries('A conversion factor of $0.5$ between IC$_{50}$ and $K_i$ for SERT.', 'latex'), []);
});

test('code, comments and citation keys are not read', () => {
  const markdown = '```r\n# Ki of amitriptyline at SERT = 3.45 nM\n```\n\nAmitriptyline <!-- Ki at SERT = 3 nM --> is old [@ki2009].';
  assert.deepEqual(summaries(markdown), []);
  const latex = '% Ki of amitriptyline at SERT = 3.45 nM\nAmitriptyline is old~\\cite{ki-3-nM}.';
  assert.deepEqual(summaries(latex, 'latex'), []);
});

test('malformed input never throws', () => {
  const inputs = [
    '', 'Ki', 'Ki of', 'Ki of 3', 'Ki of 3.', 'Ki of .', 'K$_', 'K$_i', 'IC(50', '\\SI{', '\\SI{3', '\\SI{3}{', '\\SI{3}{\\nano', '\\qty{}{}',
    'Ki = 1.2 × 10^', 'Ki = 1.2 × 10^{', 'Ki = 1.2e', 'between 3 and', 'Ki of 3 ±', 'Ki of 3,', '3{,', '$$$$', '{{{{', '}}}}', '| Ki |\n|---|\n| 3 |',
    '\\begin{tabular}{l}\nKi & \\\\\n3 &', 'Ki of amitriptyline at SERT = 3'.repeat(50), '\u0000\uffff\ud800', 'Ki of 1e999 nM at SERT amitriptyline',
  ];
  for (const input of inputs) {
    for (const format of ['markdown', 'latex'] as const) {
      assert.doesNotThrow(() => extract(input, format), input);
      assert.doesNotThrow(() => extractStatements(scanDocument(input, format), [], format), input);
    }
  }
  assert.deepEqual(extractStatements(scanDocument('Ki of 3 nM', 'markdown'), [{ start: 99, end: 2, kind: 'target', id: 'x', text: '' }], 'markdown'), []);
});

test('a 1 MB manuscript is extracted in linear time (timing printed, not asserted)', () => {
  const paragraph = [
    'Amitriptyline binds SERT with a K$_i$ of 3.45 nM and NET with a Ki of 13.3 nM, while its IC50 at hERG was 4.78 µM at 4 mM K⁺.',
    'The Ki values of imipramine for SERT and NET were 1.4 and 37 nM, respectively (n = 3, p < 0.05, 10 mg/kg).',
    '',
    '| Target | K~i~ (nM) |',
    '|---|---|',
    '| SERT | 3.45 |',
    '| DAT | 2,580 |',
    '',
    '',
  ].join('\n');
  const copies = Math.ceil(1_000_000 / paragraph.length);
  const timeExtraction = (text: string): { milliseconds: number; count: number } => {
    const scanned = scanDocument(text, 'markdown');
    const mentions = mentionsOf(scanned.masked);
    extractStatements(scanned, mentions, 'markdown');
    const start = performance.now();
    const count = extractStatements(scanned, mentions, 'markdown').length;
    return { milliseconds: performance.now() - start, count };
  };
  const half = timeExtraction(paragraph.repeat(Math.ceil(copies / 2)));
  const full = timeExtraction(paragraph.repeat(copies));
  console.log(`extractStatements alone: 0.5 MB in ${half.milliseconds.toFixed(0)} ms (${half.count} statements); 1 MB in ${full.milliseconds.toFixed(0)} ms (${full.count} statements)`);
  const fullCount = full.count;
  assert.equal(fullCount, copies * 7);
});
