import type { RuleContext } from './context';
import { printNumber } from './context';
import type { ConcentrationUnit } from '../extract/types';
import type { AffinityRecord } from '../kb/types';
import type { Finding, Fix } from './types';
import { describeEvidence, finding, foldFrom, names, written } from './finding';
import { renderedText } from '../extract/rendered';

const NEIGHBOUR_UNIT: Record<ConcentrationUnit, { smaller?: ConcentrationUnit; larger?: ConcentrationUnit }> = {
  pM: { larger: 'nM' },
  nM: { smaller: 'pM', larger: 'µM' },
  µM: { smaller: 'nM', larger: 'mM' },
  mM: { smaller: 'µM', larger: 'M' },
  M: { smaller: 'mM' },
};

/** The significant digits of a number: 4.3, 43 and 0.043 are all `43`. */
export function significantDigits(value: number): string {
  return Number(value.toPrecision(6)).toExponential().split('e')[0].replace(/[-.]/g, '').replace(/0+$/, '');
}

/**
 * The value has exactly the digits of one reference, 10, 100 or 1000 times over (43 nM for Tatsumi's 4.3 nM), while
 * the nearest reference is still 3–10× away, so the spread between assays would otherwise excuse it. Two or more
 * significant digits are needed: `2` against `20` is chance.
 */
export function sameDigitsSlip(context: RuleContext): Finding | undefined {
  const { statement, evidence } = context;
  if (!evidence || statement.scale !== 'concentration' || statement.valueHigh !== undefined || statement.relation !== '=') return undefined;
  const digits = significantDigits(statement.value);
  if (digits.length < 2) return undefined;
  for (const record of evidence.records) {
    if (record.duplicateOf || record.valueHighNm !== undefined || significantDigits(record.valueNm) !== digits) continue;
    const power = Math.round(Math.log10(record.valueNm / statement.valueNm));
    if (power === 0 || Math.abs(power) > 3 || Math.abs(Math.log10(record.valueNm / statement.valueNm) - power) > 1e-6) continue;
    return Math.abs(power) === 3 ? unitFinding(context, record, power) : decimalFinding(context, record, power);
  }
  return undefined;
}

function decimalFinding(context: RuleContext, record: AffinityRecord, power: number): Finding {
  const { statement, evidence } = context;
  const corrected = printNumber(statement.value * 10 ** power);
  const fixes: Fix[] = [{ title: `Move the decimal point: ${renderedText(corrected)}`, edits: [{ span: statement.valueSpan, newText: corrected }], preferred: true }];
  return finding(
    context,
    'affinity.decimal-slip',
    evidence!,
    foldFrom(context, evidence!),
    `${written(context)} for ${names(context)} has the digits of the reference ${record.asWritten} ${10 ** Math.abs(power)}× over (references: ${describeEvidence(evidence!, context.kb)}); ${corrected} would be that value — a misplaced decimal point?`,
    fixes,
    1,
  );
}

function unitFinding(context: RuleContext, record: AffinityRecord, power: number): Finding | undefined {
  const { statement, evidence } = context;
  if (!statement.unit || statement.unitFrom !== 'written') return undefined;
  const unit = power > 0 ? NEIGHBOUR_UNIT[statement.unit].larger : NEIGHBOUR_UNIT[statement.unit].smaller;
  if (!unit) return undefined;
  const fixes: Fix[] = statement.unitSpan ? [{ title: `Change the unit to ${renderedText(unit)}`, edits: [{ span: statement.unitSpan, newText: unit }], preferred: true }] : [];
  return finding(
    context,
    'affinity.unit-slip',
    evidence!,
    foldFrom(context, evidence!),
    `${written(context)} for ${names(context)} has the digits of the reference ${record.asWritten} in another unit (references: ${describeEvidence(evidence!, context.kb)}); in ${unit} it would be that value — a unit slip?`,
    fixes,
    1,
  );
}
