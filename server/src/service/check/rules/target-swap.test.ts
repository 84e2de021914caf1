import { test } from 'node:test';
import { assertFinding } from '../../../../../test/helpers/fixture';

test("affinity.target-swap: another target's very number, that target named nearby; one source makes it information", () => {
  assertFinding(`Fentanyl binds the μ-opioid receptor with a Ki of 158 nM, and the δ-opioid receptor with a Ki of 158 nM.
                                                  ^^^^^^`, 'affinity.target-swap', { severity: 'information' });
});
