import type { RuleContext } from '../context';
import { explains } from '../distance';
import type { Finding } from '../types';
import { describeEvidence, finding, foldFrom, names, written } from './shared';

/** The value is this compound's value at another target named nearby (NET's value written for SERT). */
export function targetSwap(context: RuleContext): Finding | undefined {
  const { evidence } = context;
  if (!evidence) return undefined;
  for (const { targetId, evidence: other } of context.nearbyTargets) {
    const residual = foldFrom(context, other);
    if (!explains(residual)) continue;
    const target = context.kb.target(targetId);
    const otherName = target?.abbreviation || target?.name || targetId;
    return finding(
      context,
      'affinity.target-swap',
      evidence,
      foldFrom(context, evidence),
      `${written(context)} does not match ${names(context)} (${describeEvidence(evidence, context.kb)}) but matches its value at ${otherName} (${describeEvidence(other, context.kb)}), named nearby — values swapped between targets?`,
      [],
      residual,
    );
  }
  return undefined;
}
