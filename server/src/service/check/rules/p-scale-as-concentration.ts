import type { RuleContext } from '../context';
import { explains } from '../distance';
import type { Finding } from '../types';
import { describeEvidence, finding, foldFrom, names, written } from './shared';

/** A p-scale value written as if it were a concentration (`pKi 8.4` quoted as `Ki = 8.4 nM`). */
export function pScaleAsConcentration(context: RuleContext): Finding | undefined {
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
