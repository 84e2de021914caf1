import type { IndexedKnowledgeBase } from '../kb/indexed';
import type { AffinityRecord } from '../kb/types';
import type { AffinityStatement, ConcentrationUnit } from '../extract/types';
import type { DocumentFormat } from '../scan/types';
import type { Evidence } from './types';

/** A statement the rules can judge: compound, target and a value on a known scale. */
export type CheckedStatement = AffinityStatement & { compound: NonNullable<AffinityStatement['compound']>; target: NonNullable<AffinityStatement['target']>; valueNm: number };

/** Everything a rule may look at for one statement; built once by the checker. */
export interface RuleContext {
  kb: IndexedKnowledgeBase;
  format: DocumentFormat;
  statement: CheckedStatement;
  /** Records of the statement's measure: of the species the text names, else human, else any. */
  evidence: Evidence | undefined;
  /** The species the statement's sentence (or table row and caption) names, when it names one and records of it exist. */
  species: string | undefined;
  /** Trusted records of the pair, any measure. */
  pairRecords: AffinityRecord[];
  /** The same compound's evidence, same measure, at the other targets named near the statement (same paragraph or table). */
  nearbyTargets: { targetId: string; evidence: Evidence }[];
  /** The sentence (or table row and caption) the statement stands in. */
  sentence: string;
}

const NM_PER_UNIT: Record<ConcentrationUnit, number> = { pM: 1e-3, nM: 1, µM: 1e3, mM: 1e6, M: 1e9 };

export function nmPerUnit(unit: ConcentrationUnit): number {
  return NM_PER_UNIT[unit];
}

/** A number as a writer would print it: three significant digits at most, no trailing zeros. */
export function printNumber(value: number): string {
  if (value >= 1000) return String(Math.round(value));
  return String(Number(value.toPrecision(3)));
}

