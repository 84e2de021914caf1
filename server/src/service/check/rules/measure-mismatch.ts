import { renderedText } from '../../extract/rendered';
import type { RuleContext } from '../context';
import type { Measure } from '../../kb/types';
import { explains, isSameNumber } from '../distance';
import { evidenceFor, interchangeableMeasure, measuresOf } from '../references';
import { significantDigits } from '../same-digits-slip';
import { relabelMeasure } from '../relabel-measure';
import type { AffinityRule, Finding } from '../types';
import { describeEvidence, finding, foldFrom, foldOne, names, written } from '../finding';

/**
 * Which measures can be mistaken for one another: a binding constant (Ki, Kd) and an inhibition IC50. An antagonist's Kb
 * and pA2 estimate its Ki, so agreeing with a Ki is no mistake; an agonist's EC50 is a potency, not a binding constant.
 */
function confusable(written: Measure, recorded: Measure): boolean {
  const binding = (measure: Measure) => measure === 'Ki' || measure === 'Kd';
  return (written === 'IC50' && binding(recorded)) || (binding(written) && recorded === 'IC50');
}

/**
 * The value matches a different measure of the same pair (an IC50 quoted as a Ki; Ki and Kd count as one measure). With
 * no record of the written measure, it must be one record's very number, a single value of two or more significant
 * digits (an IC50 of `1 nM` beside a Ki of 1 nM is chance); otherwise it must explain the misquote closely.
 */
function relabelledMeasure(context: RuleContext): Finding | undefined {
  const { statement, pairRecords } = context;
  // A bound (`IC50 > 1000 nM`) says the compound is weak there; any weaker value of another measure agrees with it.
  if (statement.relation !== '=' && statement.relation !== '~') return undefined;
  // An IC50 near the pair's Ki while far from its few IC50 records is an assay's difference, not a relabelled Ki.
  if (statement.measure === 'IC50' && context.evidence) return undefined;
  for (const measure of measuresOf(pairRecords)) {
    if (measure === statement.measure || measure === interchangeableMeasure(statement.measure) || !confusable(statement.measure, measure)) continue;
    const other = evidenceFor(pairRecords, measure, undefined, context.species);
    if (!other) continue;
    const residual = foldFrom(context, other);
    const matches = context.evidence
      ? explains(residual)
      : statement.valueHigh === undefined &&
        significantDigits(statement.value).length >= 2 &&
        other.records.some((record) => record.valueHighNm === undefined && isSameNumber(foldOne(context, record)));
    if (!matches) continue;
    const label = relabelMeasure(statement.measureText ?? measure, measure);
    const fixes = statement.measureSpan ? [{ title: `Change the measure to ${renderedText(label)}`, edits: [{ span: statement.measureSpan, newText: label }], preferred: true }] : [];
    return finding(
      context,
      'affinity.measure-mismatch',
      other,
      context.evidence ? foldFrom(context, context.evidence) : 1,
      `${written(context)} is quoted as ${statement.measure} for ${names(context)}, but it matches the ${describeEvidence(other, context.kb)}${context.evidence ? `; the ${statement.measure} references are ${describeEvidence(context.evidence, context.kb)}` : ` and no ${statement.measure} is recorded`}.`,
      fixes,
      residual,
    );
  }
  return undefined;
}

/** A p-scale value written as if it were a concentration (`pKi 8.4` quoted as `Ki = 8.4 nM`). */
function pScaleWrittenAsConcentration(context: RuleContext): Finding | undefined {
  const { statement, evidence } = context;
  if (!evidence || statement.scale !== 'concentration' || statement.value < 3 || statement.value > 12) return undefined;
  const asPValueNm = 10 ** (9 - statement.value);
  const residual = foldFrom(context, evidence, asPValueNm / statement.valueNm);
  if (!explains(residual)) return undefined;
  return finding(
    context,
    'affinity.measure-mismatch',
    evidence,
    foldFrom(context, evidence),
    `${written(context)} for ${names(context)} looks like p${statement.measure} ${statement.value} written as a concentration (references: ${describeEvidence(evidence, context.kb)}).`,
    [],
    residual,
  );
}

export const measureMismatch: AffinityRule = {
  code: 'affinity.measure-mismatch',
  defaultSeverity: 'warning',
  title: 'The value matches another measure of the same compound and target.',
  help: 'The value matches another measure of the pair (an IC50 quoted as a Ki, a Kd as a Ki), or a pKi written as a concentration. Fix: change the label.',
  // The closer of the two readings wins; a relabelled measure on a tie.
  run: (context) => {
    const relabelled = relabelledMeasure(context);
    const pScale = pScaleWrittenAsConcentration(context);
    return pScale && (!relabelled || pScale.residual < relabelled.residual) ? pScale : relabelled;
  },
};
