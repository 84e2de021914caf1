import type { RuleContext } from '../context';
import { shortTargetName } from '../../kb/format';
import { explains, isSameNumber } from '../distance';
import { independentSources, recordsForPair, relatedTargetIds, statementEvidence } from '../references';
import type { AffinityRule, Evidence } from '../types';
import type { Finding } from '../types';
import { describeEvidence, finding, foldFrom, names, written } from '../finding';

/**
 * The value is this compound's value at another target: one named in the same sentence (or table row or column), within
 * the explanation tolerance (NET's value written for SERT) — an error; or another target of the same family, not named
 * there, when it is that very number (DAT's 25 nM written for NET) — a hint that says where the value would fit.
 */
function targetSwapRun(context: RuleContext): Finding | undefined {
  const { evidence } = context;
  if (!evidence) return undefined;
  // One source cannot show the spread between laboratories: then the value must be the other target's very number,
  // since a table of many targets matches some value within 1.5× by chance (olanzapine's 27 nM at D4 near D1's 40 nM).
  const singleSource = independentSources(evidence) <= 1;
  for (const { targetId, evidence: other } of context.nearbyTargets) {
    const residual = foldFrom(context, other);
    if (singleSource ? isSameNumber(residual) : explains(residual)) return swapFinding(context, evidence, targetId, other, residual, 'named in the same sentence');
  }
  const { kb, statement } = context;
  const own = new Set([...relatedTargetIds(kb, statement.target.id), ...context.nearbyTargets.map((nearby) => nearby.targetId)]);
  // Only targets of the same family (SERT, NET, DAT): a drug with dozens of recorded targets matches some number by chance.
  const family = kb.target(statement.target.id)?.family;
  if (!family) return undefined;
  const others = new Set(
    kb.affinitiesOfCompound(statement.compound.id)
      .map((record) => record.target)
      .filter((id): id is string => id !== undefined && !own.has(id) && kb.target(id)?.family === family),
  );
  for (const targetId of others) {
    const other = statementEvidence(recordsForPair(kb, statement.compound.id, targetId), statement.measure, context.species);
    if (!other) continue;
    const residual = foldFrom(context, other);
    if (isSameNumber(residual)) return { ...swapFinding(context, evidence, targetId, other, residual, 'the very number, though the text does not name it here'), atMost: 'hint' };
  }
  return undefined;
}

function swapFinding(context: RuleContext, evidence: Evidence, targetId: string, other: Evidence, residual: number, how: string): Finding {
  const target = context.kb.target(targetId);
  const otherName = (target ? shortTargetName(target) : targetId);
  return finding(
    context,
    'affinity.target-swap',
    evidence,
    foldFrom(context, evidence),
    `${written(context)} does not match ${names(context)} (${describeEvidence(evidence, context.kb)}) but matches its value at ${otherName} (${describeEvidence(other, context.kb)}), ${how} — values swapped between targets?`,
    [],
    residual,
  );
}

export const targetSwap: AffinityRule = {
  code: 'affinity.target-swap',
  defaultSeverity: 'error',
  title: 'The value is the compound\'s value at another target named in the same sentence.',
  help: 'The value matches this compound\'s value at another target named in the same sentence, table row or column: the targets may be swapped. When it matches a target of the same family that the text does not name there, a hint says where the value would fit.',
  run: targetSwapRun,
};
