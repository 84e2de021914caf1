import type { Measure, Relation } from '../kb/types';
import type { Span } from '../scan/types';

/** How the value was written: concentrations (`3.45 nM`) or the negative log scale (`pKi 8.46`). */
export type ValueScale = 'concentration' | 'p-scale';

/** The unit as written, normalized; `M` is molar. Absent for p-scale values. */
export type ConcentrationUnit = 'pM' | 'nM' | 'µM' | 'mM' | 'M';

export interface EntityAt extends Span {
  id: string;
  /** How the statement was tied to the entity (for auditing): same clause, a `respectively` list, a table header, the paragraph's subject. */
  via: 'clause' | 'respectively' | 'list-order' | 'table-row' | 'table-column' | 'table-caption' | 'paragraph-subject' | 'document-subject';
}

/** One quoted affinity: the number a writer gave for a compound at a target. */
export interface AffinityStatement {
  /** The whole statement's value as written, from the first digit (or relation sign) to the end of the unit. */
  span: Span;
  /** The number itself (for a range, from low to high), which a value fix replaces. */
  valueSpan: Span;
  /** The unit as written next to the value; absent when the unit came from a table header, a caption or a list. */
  unitSpan?: Span;
  /** The measure label that applies (`Ki`, `K$_i$`, `IC(50)`, `inhibition constant`), when it is written in the same sentence or header. */
  measureSpan?: Span;
  /** The text of `measureSpan`, as written. */
  measureText?: string;
  measure: Measure;
  scale: ValueScale;
  relation: Relation;
  /** As written, in the written unit (or p-units). */
  value: number;
  valueHigh?: number;
  /** ± error as written, in the written unit. */
  error?: number;
  unit?: ConcentrationUnit;
  /** Normalized to nM (p-scale converted: 10^(9 − p)). The low end for a range. */
  valueNm: number;
  valueHighNm?: number;
  compound?: EntityAt;
  target?: EntityAt;
  /** Where the number was read. */
  context: 'prose' | 'math' | 'table';
  /** The source text of `span`. */
  text: string;
}
