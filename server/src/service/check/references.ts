import type { IndexedKnowledgeBase } from '../kb/indexed';
import { memoizedPer } from '../memo';
import type { AffinityRecord, Measure } from '../kb/types';
import type { Evidence } from './types';

const HUMAN = /^(human|homo sapiens)$/i;

/** A target's own id, the groups it belongs to (CHRM1 → muscarinic receptors) and its members (the reverse). */
export function relatedTargetIds(kb: IndexedKnowledgeBase, targetId: string): string[] {
  const target = kb.target(targetId);
  return [targetId, ...kb.groupsContaining(targetId).map((group) => group.id), ...(target?.members ?? [])];
}

/** The knowledge base never changes under a service, so what a pair's records are is computed once per pair. */
const pairCache = memoizedPer((_kb: IndexedKnowledgeBase) => new Map<string, AffinityRecord[]>());

/** Every trusted record (no QC outlier) of a compound at a target or its related targets, any measure. */
export function recordsForPair(kb: IndexedKnowledgeBase, compoundId: string, targetId: string): AffinityRecord[] {
  const cache = pairCache(kb);
  const key = `${compoundId}\u0000${targetId}`;
  let records = cache.get(key);
  if (!records) {
    const targets = new Set(relatedTargetIds(kb, targetId));
    records = kb.affinitiesOfCompound(compoundId).filter((record) => record.target !== undefined && targets.has(record.target) && !record.outlier);
    cache.set(key, records);
  }
  return records;
}

/** Words that name the species a value was measured in, as the knowledge base names it; `guinea pig` before `pig`. */
const SPECIES_WORDS: [RegExp, string][] = [
  [/\bguinea[ -]pigs?\b/gi, 'guinea pig'],
  [/\b(?:humans?|cloned human)\b/gi, 'human'],
  [/\brats?\b/gi, 'rat'],
  [/\b(?:mouse|mice|murine)\b/gi, 'mouse'],
  [/\b(?:bovine|calf|calves)\b/gi, 'bovine'],
  [/\b(?:porcine|pigs?)\b/gi, 'pig'],
  [/\brabbits?\b/gi, 'rabbit'],
];

/** The one species a sentence (or table row with its caption) names, if it names exactly one. */
export function speciesNamedIn(text: string): string | undefined {
  const named = new Set<string>();
  let rest = text;
  for (const [pattern, species] of SPECIES_WORDS) {
    rest = rest.replace(pattern, () => {
      named.add(species);
      return ' ';
    });
  }
  return named.size === 1 ? [...named][0] : undefined;
}

/**
 * The reference set for a measure (and `alsoMeasure`): the records of the species the text names when there are some,
 * else human records, else every species.
 */
export function evidenceFor(records: readonly AffinityRecord[], measure: Measure, alsoMeasure?: Measure, species?: string): Evidence | undefined {
  const sameMeasure = records.filter((record) => record.measure === measure || record.measure === alsoMeasure);
  const named = species && !HUMAN.test(species) ? sameMeasure.filter((record) => record.species.toLowerCase() === species) : [];
  const human = sameMeasure.filter((record) => HUMAN.test(record.species));
  const chosen = named.length > 0 ? named : human.length > 0 ? human : sameMeasure;
  if (chosen.length === 0) return undefined;
  const measures = measuresOf(chosen);
  return {
    measure: measures.length === 1 ? measures[0] : measure,
    records: chosen,
    lowNm: Math.min(...chosen.map((record) => record.valueNm)),
    highNm: Math.max(...chosen.map((record) => record.valueHighNm ?? record.valueNm)),
  };
}

/** How many independent sources (papers, databases, vendor sheets) the evidence rests on; copies of another record do not count. */
export function independentSources(evidence: Evidence): number {
  return new Set(evidence.records.filter((record) => !record.duplicateOf).map((record) => record.referenceId)).size;
}

/** `Ki`, or `Ki/Kd` when the reference set holds both. */
export function evidenceLabel(evidence: Evidence): string {
  return measuresOf(evidence.records).join('/');
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

/** The references a statement is judged against: its measure's records, Ki and Kd together, of the species it names. */
export function statementEvidence(records: readonly AffinityRecord[], measure: Measure, species?: string): Evidence | undefined {
  return evidenceFor(records, measure, INTERCHANGEABLE[measure], species);
}
