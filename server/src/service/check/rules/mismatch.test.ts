import { test } from 'node:test';
import { assertFinding, assertNoFinding } from '../../../../../test/helpers/fixture';

test('affinity.mismatch: more than 10× from every reference and no slip explains it', () => {
  assertFinding(`Amitriptyline binds SERT with a Ki of 2000 nM.
                                      ^^^^^^^`, 'affinity.mismatch', { severity: 'warning' });
  // 5× above the widest reference (141 nM): within the spread between laboratories.
  assertNoFinding('Amitriptyline binds SERT with a Ki of 700 nM.');
});
