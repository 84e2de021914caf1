import type { RuleContext } from '../context';
import { explains, isSameNumber } from '../distance';
import { evidenceFor, interchangeableMeasure, measuresOf } from '../references';
import { relabelMeasure } from '../relabel-measure';
import type { Finding } from '../types';
import { describeEvidence, finding, foldFrom, names, written } from './shared';

/**
 * The value matches a different measure of the same pair (an IC50 quoted as a Ki; Ki and Kd count as one measure). With
 * no record of the written measure, it must be the other measure's number; otherwise it must explain the misquote closely.
 */
export function measureMismatch(context: RuleContext): Finding | undefined {
  const { statement, pairRecords } = context;
  // A bound (`IC50 > 1000 nM`) says the compound is weak there; any weaker value of another measure agrees with it.
  if (statement.relation !== '=' && statement.relation !== '~') return undefined;
  for (const measure of measuresOf(pairRecords)) {
    if (measure === statement.measure || measure === 'conc' || measure === interchangeableMeasure(statement.measure)) continue;
    const other = evidenceFor(pairRecords, measure);
    if (!other) continue;
    const residual = foldFrom(context, other);
    if (!(context.evidence ? explains(residual) : isSameNumber(residual))) continue;
    const label = relabelMeasure(statement.measureText ?? measure, measure);
    const fixes = statement.measureSpan ? [{ title: `Change the measure to ${label}`, edits: [{ span: statement.measureSpan, newText: label }], preferred: true }] : [];
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
