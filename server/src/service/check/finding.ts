import type { AffinityRecord } from '../kb/types';
import type { Evidence, Finding, Fix } from './types';
import type { RuleContext } from './context';
import { foldOutside, UNIT_SLIP_MIN_FOLD } from './distance';
import { replaceWithReferenceFixes } from './fixes';
import { evidenceLabel, independentSources } from './references';
import type { CheckCode } from './types';
import { assumptionsOf } from '../extract/reading';
import { formatConcentration, shortTargetName, sourceWithGrade } from '../kb/format';
import type { IndexedKnowledgeBase } from '../kb/indexed';
import { renderedText } from '../extract/rendered';

export function foldFrom(context: RuleContext, evidence: Evidence, scale = 1): number {
  const { statement } = context;
  return foldOutside(statement.valueNm * scale, statement.valueHighNm === undefined ? undefined : statement.valueHighNm * scale, evidence.lowNm, evidence.highNm, statement.relation);
}

/**
 * How far the value, scaled by a slip's correction, lies from the nearest single reference (a record's value or range),
 * not from the span of all of them: moved by ×100 into a 50×-wide span of several papers is no evidence of a slip.
 */
export function foldFromNearestRecord(context: RuleContext, evidence: Evidence, scale = 1): number {
  const { statement } = context;
  let nearest = Infinity;
  for (const record of evidence.records) {
    const fold = foldOutside(statement.valueNm * scale, statement.valueHighNm === undefined ? undefined : statement.valueHighNm * scale, record.valueNm, record.valueHighNm ?? record.valueNm, statement.relation);
    if (fold < nearest) nearest = fold;
  }
  return nearest;
}

const MAX_SOURCES_NAMED = 3;

/** `Ki 3.45–4.3 nM (Tatsumi et al. 1997, primary paper; MedChemExpress vendor sheet)`: the range and the sources behind it. */
export function describeEvidence(evidence: Evidence, kb?: IndexedKnowledgeBase): string {
  const independent = evidence.records.filter((record) => !record.duplicateOf);
  const sources = [...new Set(independent.map((record) => sourceWithGrade(record, kb?.reference(record.referenceId))))];
  const named = sources.slice(0, MAX_SOURCES_NAMED).join('; ') + (sources.length > MAX_SOURCES_NAMED ? `; +${sources.length - MAX_SOURCES_NAMED} more` : '');
  const species = [...new Set(evidence.records.map((record) => record.species))];
  const speciesNote = species.length === 1 && !/^(human|homo sapiens)$/i.test(species[0]) ? `, ${species[0]}` : '';
  return `${evidenceLabel(evidence)} ${formatConcentration(evidence.lowNm, evidence.highNm)}${speciesNote} (${named})`;
}

export function written(context: RuleContext): string {
  return renderedText(context.statement.text);
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
    // What says the quoted value is off: the references of its own measure when there are some (a measure mismatch
    // names another measure's), else those the finding cites.
    singleSource: (independentSources(context.evidence ?? evidence) <= 1 || independentSources(evidence) <= 1) && !(code === 'affinity.unit-slip' && factor >= UNIT_SLIP_MIN_FOLD),
    fixes: [...fixes, ...replaceWithReferenceFixes(context.kb, context.statement, evidence.records, context.format).map((fix) => ({ ...fix, preferred: fixes.length === 0 && fix.preferred }))],
  };
}

export function names(context: RuleContext): string {
  const compound = context.kb.compound(context.statement.compound.id)?.name ?? context.statement.compound.id;
  const targetEntry = context.kb.target(context.statement.target.id);
  const target = (targetEntry ? shortTargetName(targetEntry) : context.statement.target.id);
  return `${compound} at ${target}`;
}

export function foldOne(context: RuleContext, record: AffinityRecord): number {
  const { statement } = context;
  return foldOutside(statement.valueNm, statement.valueHighNm, record.valueNm, record.valueHighNm ?? record.valueNm, statement.relation);
}
