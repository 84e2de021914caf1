import type { RuleContext } from '../context';
import type { Finding } from '../types';
import { describeEvidence, finding, foldFrom, names, written } from './shared';

/** More than 10× from every reference value, and no slip explains it. */
export function mismatch(context: RuleContext): Finding | undefined {
  const { evidence } = context;
  if (!evidence) return undefined;
  const fold = foldFrom(context, evidence);
  return finding(
    context,
    'affinity.mismatch',
    evidence,
    fold,
    `${written(context)} for ${names(context)} is ${Math.round(fold)}× away from the references (${describeEvidence(evidence, context.kb)}).`,
    [],
    Infinity,
  );
}
