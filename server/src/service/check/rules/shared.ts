import type { AffinityRecord } from '../../kb/types';
import type { Evidence, Finding, Fix } from '../types';
import type { RuleContext } from '../context';
import { foldOutside, UNIT_SLIP_MIN_FOLD } from '../distance';
import { replaceWithReferenceFixes } from '../fixes';
import { evidenceLabel, independentSources } from '../references';
import type { CheckCode } from '../types';
import { assumptionsOf } from '../../extract/reading';
import { formatConcentration, shortCitation } from '../../kb/format';
import type { IndexedKnowledgeBase } from '../../kb/indexed';

export function foldFrom(context: RuleContext, evidence: Evidence, scale = 1): number {
  const { statement } = context;
  return foldOutside(statement.valueNm * scale, statement.valueHighNm === undefined ? undefined : statement.valueHighNm * scale, evidence.lowNm, evidence.highNm, statement.relation);
}

const MAX_SOURCES_NAMED = 3;

/** `Ki 3.45–4.3 nM (Tatsumi 1997, primary; MedChemExpress…, vendor)`: the range and the sources behind it. */
export function describeEvidence(evidence: Evidence, kb?: IndexedKnowledgeBase): string {
  const independent = evidence.records.filter((record) => !record.duplicateOf);
  const sources = [...new Set(independent.map((record) => {
    const reference = kb?.reference(record.referenceId);
    const label = record.grade === 'database' ? record.origin : reference ? shortCitation(reference) : record.origin;
    return `${label}, ${record.grade}`;
  }))];
  const named = sources.slice(0, MAX_SOURCES_NAMED).join('; ') + (sources.length > MAX_SOURCES_NAMED ? `; +${sources.length - MAX_SOURCES_NAMED} more` : '');
  return `${evidenceLabel(evidence)} ${formatConcentration(evidence.lowNm, evidence.highNm)} (${named})`;
}

export function written(context: RuleContext): string {
  return context.statement.text;
}

export function finding(context: RuleContext, code: CheckCode, evidence: Evidence, factor: number, message: string, fixes: Fix[], residual = 1): Finding {
  return {
    code,
    statement: context.statement,
    message,
    evidence,
    factor,
    residual,
    assumed: assumptionsOf(context.statement, code === 'affinity.measure-mismatch'),
    singleSource: independentSources(evidence) <= 1 && !(code === 'affinity.unit-slip' && factor >= UNIT_SLIP_MIN_FOLD),
    fixes: [...fixes, ...replaceWithReferenceFixes(context.kb, context.statement, evidence.records, context.format).map((fix) => ({ ...fix, preferred: fixes.length === 0 && fix.preferred }))],
  };
}

export function names(context: RuleContext): string {
  const compound = context.kb.compound(context.statement.compound.id)?.name ?? context.statement.compound.id;
  const targetEntry = context.kb.target(context.statement.target.id);
  const target = targetEntry?.abbreviation || targetEntry?.name || context.statement.target.id;
  return `${compound} at ${target}`;
}

export function foldOne(context: RuleContext, record: AffinityRecord): number {
  const { statement } = context;
  return foldOutside(statement.valueNm, statement.valueHighNm, record.valueNm, record.valueHighNm ?? record.valueNm, statement.relation);
}
