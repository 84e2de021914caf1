import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFinding, assertFixed, assertNoFinding } from '../../../../../test/helpers/fixture';
import { unitSlip } from './unit-slip';

test('affinity.unit-slip: 1000× off, matching in the neighbouring unit; the fix changes the unit', () => {
  assert.equal(unitSlip.code, 'affinity.unit-slip');
  const fixture = `Amitriptyline binds SERT with a Ki of 3.45 µM.
                                      ^^^^^^^`;
  assert.match(assertFinding(fixture, 'affinity.unit-slip', { severity: 'error' }), /is 1000× off the references .* in nM it would match/);
  assertFixed(fixture, 'affinity.unit-slip', 'Amitriptyline binds SERT with a Ki of 3.45 nM.');
  assertNoFinding('Amitriptyline binds SERT with a Ki of 3.45 nM.', ['affinity.unit-slip']);
});

test('affinity.unit-slip: against one published value it stays an error, as the value is 1000× off', () => {
  assertFinding(`Morphine binds the μ-opioid receptor with a Ki of 1 µM.
                                                  ^^^^`, 'affinity.unit-slip', { severity: 'error' });
});
