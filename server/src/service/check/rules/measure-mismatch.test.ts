import { test } from 'node:test';
import { assertFinding, assertFixed, assertNoFinding } from '../../../../../test/helpers/fixture';

test("affinity.measure-mismatch: an IC50 quoted as a Ki (Jo 2000's hERG IC50); the fix relabels it", () => {
  const fixture = `Amitriptyline blocks hERG with a Ki of 4.78 µM.
                                       ^^^^^^^`;
  assertFinding(fixture, 'affinity.measure-mismatch', { severity: 'warning' });
  assertFixed(fixture, 'affinity.measure-mismatch', 'Amitriptyline blocks hERG with a IC50 of 4.78 µM.');
});

test('affinity.measure-mismatch: never between an antagonist pA2 or an agonist EC50 and a Ki, never for a round IC50 beside a Ki', () => {
  assertNoFinding('Cimetidine antagonised histamine at the H2 receptor with a pA2 of 6.82.', ['affinity.measure-mismatch']);
  assertNoFinding('Linagliptin inhibited dipeptidyl peptidase 4 with an IC50 of 1 nM.', ['affinity.measure-mismatch']);
});
