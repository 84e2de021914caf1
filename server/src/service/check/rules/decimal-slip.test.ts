import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFinding, assertFixed, assertNoFinding } from '../../../../../test/helpers/fixture';
import { decimalSlip } from './decimal-slip';

test("affinity.decimal-slip: the digits of a reference 10× over (Tatsumi's 35 nM at NET as 350); the fix moves the point", () => {
  assert.equal(decimalSlip.code, 'affinity.decimal-slip');
  const fixture = `Amitriptyline binds NET with a Ki of 350 nM.
                                     ^^^^^^`;
  assert.match(assertFinding(fixture, 'affinity.decimal-slip', { severity: 'error' }), /has the digits of the reference 35 nM 10× over/);
  assertFixed(fixture, 'affinity.decimal-slip', 'Amitriptyline binds NET with a Ki of 35 nM.');
  assertNoFinding('Amitriptyline binds NET with a Ki of 35 nM.', ['affinity.decimal-slip']);
});

test('affinity.decimal-slip: 100× off and landing on one reference', () => {
  assertFinding(`Simvastatin inhibits HMG-CoA reductase with an IC50 of 1100 nM.
                                                       ^^^^^^^`, 'affinity.decimal-slip', { severity: 'error' });
});
