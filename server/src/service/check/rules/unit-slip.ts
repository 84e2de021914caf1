import { renderedText } from '../../extract/rendered';
import type { RuleContext } from '../context';
import { explains } from '../distance';
import type { ConcentrationUnit } from '../../extract/types';
import type { AffinityRule, Finding } from '../types';
import { describeEvidence, finding, foldFrom, foldFromNearestRecord, names, written } from '../finding';

const NEIGHBOURS: [ConcentrationUnit, ConcentrationUnit][] = [
  ['pM', 'nM'],
  ['nM', 'µM'],
  ['µM', 'mM'],
  ['mM', 'M'],
];

/** The value is off by ×1000 and matches with the neighbouring unit (nM ↔ µM ↔ mM). */
function unitSlipRun(context: RuleContext): Finding | undefined {
  const { statement, evidence } = context;
  if (!evidence || statement.scale !== 'concentration' || !statement.unit) return undefined;
  for (const [smaller, larger] of NEIGHBOURS) {
    const candidates: [ConcentrationUnit, number][] = [];
    if (statement.unit === smaller) candidates.push([larger, 1000]);
    if (statement.unit === larger) candidates.push([smaller, 1 / 1000]);
    for (const [unit, scale] of candidates) {
      const residual = foldFromNearestRecord(context, evidence, scale);
      if (!explains(residual)) continue;
      const fixes = statement.unitSpan ? [{ title: `Change the unit to ${renderedText(unit)}`, edits: [{ span: statement.unitSpan, newText: unit }], preferred: true }] : [];
      return finding(
        context,
        'affinity.unit-slip',
        evidence,
        foldFrom(context, evidence),
        `${written(context)} for ${names(context)} is 1000× off the references (${describeEvidence(evidence, context.kb)}); in ${unit} it would match — a unit slip?`,
        fixes,
        residual,
      );
    }
  }
  return undefined;
}

export const unitSlip: AffinityRule = {
  code: 'affinity.unit-slip',
  defaultSeverity: 'error',
  title: 'Affinity value 1000× off: it matches in the neighbouring unit.',
  help: 'The quoted value is 1000× away from every reference value and matches when the unit is changed (nM ↔ µM ↔ mM). Fix: change the unit.',
  run: unitSlipRun,
};
