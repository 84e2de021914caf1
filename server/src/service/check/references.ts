import type { IndexedKnowledgeBase } from '../kb/indexed';
import type { AffinityRecord, Measure } from '../kb/types';
import { foldOutside, isConsistent } from './distance';
import type { AffinityStatement } from '../extract/types';
import type { Evidence } from './types';

const HUMAN = /^(human|homo sapiens)$/i;

/** A target's own id, the groups it belongs to (CHRM1 → muscarinic receptors) and its members (the reverse). */
export function relatedTargetIds(kb: IndexedKnowledgeBase, targetId: string): string[] {
  const target = kb.target(targetId);
  return [targetId, ...kb.groupsContaining(targetId).map((group) => group.id), ...(target?.members ?? [])];
}

/** The knowledge base never changes under a service, so what a pair's records are is computed once per pair. */
const pairCache = new WeakMap<IndexedKnowledgeBase, Map<string, AffinityRecord[]>>();

/** Every trusted record (no QC outlier) of a compound at a target or its related targets, any measure. */
export function recordsForPair(kb: IndexedKnowledgeBase, compoundId: string, targetId: string): AffinityRecord[] {
  let cache = pairCache.get(kb);
  if (!cache) pairCache.set(kb, (cache = new Map()));
  const key = `${compoundId}\u0000${targetId}`;
  let records = cache.get(key);
  if (!records) {
    const targets = new Set(relatedTargetIds(kb, targetId));
    records = kb.affinitiesOfCompound(compoundId).filter((record) => record.target !== undefined && targets.has(record.target) && !record.outlier);
    cache.set(key, records);
  }
  return records;
}

/** The reference set for one measure: human records, or every species when no human record exists. */
export function evidenceFor(records: readonly AffinityRecord[], measure: Measure): Evidence | undefined {
  const sameMeasure = records.filter((record) => record.measure === measure);
  const human = sameMeasure.filter((record) => HUMAN.test(record.species));
  const chosen = human.length > 0 ? human : sameMeasure;
  if (chosen.length === 0) return undefined;
  return {
    measure,
    records: chosen,
    lowNm: Math.min(...chosen.map((record) => record.valueNm)),
    highNm: Math.max(...chosen.map((record) => record.valueHighNm ?? record.valueNm)),
  };
}

export function measuresOf(records: readonly AffinityRecord[]): Measure[] {
  return [...new Set(records.map((record) => record.measure))];
}

/**
 * Ki and Kd are both equilibrium dissociation constants, and papers routinely quote one source's Kd as a Ki (Tatsumi
 * 1997's "KD" values come from inhibition of radioligand binding): a value matching either is not a misquote.
 */
const INTERCHANGEABLE: Partial<Record<Measure, Measure>> = { Ki: 'Kd', Kd: 'Ki' };

export function interchangeableMeasure(measure: Measure): Measure | undefined {
  return INTERCHANGEABLE[measure];
}

/**
 * The written measure's evidence; the interchangeable measure's when there is none of the written one, or when the
 * value is consistent with it and not with the written one's. A misquote is judged against the written measure.
 */
export function closestEvidence(records: readonly AffinityRecord[], statement: AffinityStatement): Evidence | undefined {
  const { measure, valueNm, valueHighNm, relation } = statement;
  const own = evidenceFor(records, measure);
  const sibling = INTERCHANGEABLE[measure];
  const other = sibling ? evidenceFor(records, sibling) : undefined;
  if (!own || !other) return own ?? other;
  const otherFold = foldOutside(valueNm, valueHighNm, other.lowNm, other.highNm, relation);
  return isConsistent(otherFold) && otherFold < foldOutside(valueNm, valueHighNm, own.lowNm, own.highNm, relation) ? other : own;
}
