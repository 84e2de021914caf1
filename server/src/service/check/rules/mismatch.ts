import type { RuleContext } from '../context';
import type { AffinityRule, Finding } from '../types';
import { describeEvidence, finding, foldFrom, names, written } from '../finding';

/** More than 10× from every reference value, and no slip explains it. */
function mismatchRun(context: RuleContext): Finding | undefined {
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

export const mismatch: AffinityRule = {
  code: 'affinity.mismatch',
  defaultSeverity: 'warning',
  title: 'Affinity value more than 10× from every reference value.',
  help: 'The value is more than 10× from every reference value in the knowledge base, and no unit, decimal, measure or target slip explains it. Check the source.',
  run: mismatchRun,
};
