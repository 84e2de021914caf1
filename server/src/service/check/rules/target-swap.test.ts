import { test } from 'node:test';
import { assertFinding } from '../../../../../test/helpers/fixture';

test("affinity.target-swap: another target's very number, that target named nearby; one source makes it information", () => {
  assertFinding(`Fentanyl binds the μ-opioid receptor with a Ki of 158 nM, and the δ-opioid receptor with a Ki of 158 nM.
                                                  ^^^^^^`, 'affinity.target-swap', { severity: 'information' });
});

test('affinity.target-swap: a target of the same family named in the same sentence makes it an error', () => {
  assertFinding(`Amitriptyline binds the norepinephrine transporter, and the dopamine transporter with a Kd of 35 nM.
                                                                                              ^^^^^`, 'affinity.target-swap', { severity: 'error' });
});

test('affinity.target-swap: the same number at a target of the same family the sentence does not name is only a hint', () => {
  const message = assertFinding(`Amitriptyline is a weak inhibitor of the dopamine transporter. Its Kd at DAT is 35 nM.
                                                                                ^^^^^`, 'affinity.target-swap', { severity: 'hint' });
  if (!/though the text does not name it here/.test(message)) throw new Error(message);
});
