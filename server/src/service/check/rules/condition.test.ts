import { test } from 'node:test';
import { assertFinding, assertNoFinding } from '../../../../../test/helpers/fixture';

test('affinity.condition: a value matching only a record measured under conditions the sentence does not state', () => {
  assertFinding(`Amitriptyline inhibited NMDA receptors with an IC50 of 0.72 µM.
                                                       ^^^^^^^`, 'affinity.condition', { severity: 'hint' });
  assertNoFinding('Amitriptyline inhibited NMDA receptors with an IC50 of 0.72 µM at 4 mM external Ca²⁺.', ['affinity.condition']);
});
