import { renderedText } from '../../extract/rendered';
import type { RuleContext } from '../context';
import { printNumber } from '../context';
import { explains, isSameDigits } from '../distance';
import type { AffinityRule, Finding } from '../types';
import { describeEvidence, finding, foldFrom, foldFromNearestRecord, names, written } from '../finding';

const SHIFTS = [10, 100, 1 / 10, 1 / 100];

/** Off by ×10 or ×100 and matches with the decimal point moved. */
function decimalSlipRun(context: RuleContext): Finding | undefined {
  const { statement, evidence } = context;
  if (!evidence || statement.scale !== 'concentration') return undefined;
  for (const shift of SHIFTS) {
    const residual = foldFromNearestRecord(context, evidence, shift);
    // ×10 lies within the spread between laboratories for some pairs: only the same digits count.
    if (!(Math.abs(Math.log10(shift)) === 1 ? isSameDigits(residual) : explains(residual))) continue;
    const corrected = printNumber(statement.value * shift);
    const high = statement.valueHigh === undefined ? '' : `–${printNumber(statement.valueHigh * shift)}`;
    return finding(
      context,
      'affinity.decimal-slip',
      evidence,
      foldFrom(context, evidence),
      `${written(context)} for ${names(context)} is ${shift >= 1 ? shift : 1 / shift}× off the references (${describeEvidence(evidence, context.kb)}); ${corrected}${high} would match — a misplaced decimal point?`,
      [{ title: `Move the decimal point: ${renderedText(`${corrected}${high}`)}`, edits: [{ span: statement.valueSpan, newText: `${corrected}${high}` }], preferred: true }],
      residual,
    );
  }
  return undefined;
}

export const decimalSlip: AffinityRule = {
  code: 'affinity.decimal-slip',
  defaultSeverity: 'error',
  title: 'Affinity value 10× or 100× off: it matches with the decimal point moved.',
  help: 'The quoted value is 10× or 100× away from every reference value and matches with the decimal point moved. Fix: move it.',
  run: decimalSlipRun,
};
