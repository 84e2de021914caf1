import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relabelMeasure } from '../server/src/service/check/relabel-measure';

test('a measure label is rewritten in the markup it was written in', () => {
  const cases: [string, Parameters<typeof relabelMeasure>[1], string][] = [
    ['Ki', 'IC50', 'IC50'],
    ['IC50', 'Ki', 'Ki'],
    ['K$_i$', 'IC50', 'IC$_{50}$'],
    ['K$_{i}$', 'IC50', 'IC$_{50}$'],
    ['IC$_{50}$', 'Kd', 'K$_{d}$'],
    ['$K_\\mathrm{i}$', 'Kd', '$K_\\mathrm{d}$'],
    ['$K_i$', 'IC50', '$IC_{50}$'],
    ['IC<sub>50</sub>', 'Ki', 'K<sub>i</sub>'],
    ['K~i~', 'IC50', 'IC~50~'],
    ['K\\textsubscript{i}', 'IC50', 'IC\\textsubscript{50}'],
    ['pKi', 'IC50', 'pIC50'],
    ['p$K_i$', 'Kd', 'p$K_d$'],
    ['pIC50', 'Ki', 'pKi'],
    ['K_i', 'Kd', 'K_d'],
    ['inhibition constant', 'IC50', 'half-maximal inhibitory concentration'],
    ['Dissociation constant', 'Ki', 'Inhibition constant'],
    ['inhibition constant', 'Kb', 'Kb'],
    ['K_\\mathrm{i}', 'Kd', 'K_\\mathrm{d}'],
    ['K<sub>i</sub>', 'Kd', 'K<sub>d</sub>'],
    ['pKi', 'Kd', 'pKd'],
    ['K_I', 'Kd', 'K_D'],
    ['inhibition constant', 'Kd', 'dissociation constant'],
  ];
  for (const [written, measure, expected] of cases) assert.equal(relabelMeasure(written, measure), expected, `${written} → ${measure}`);
});
