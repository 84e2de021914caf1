import type { Measure, Relation } from '../kb/types';
import type { Span } from '../scan/types';

/** How the value was written: concentrations (`3.45 nM`) or the negative log scale (`pKi 8.46`). */
export type ValueScale = 'concentration' | 'p-scale';

/** The unit as written, normalized; `M` is molar. Absent for p-scale values. */
export type ConcentrationUnit = 'pM' | 'nM' | 'µM' | 'mM' | 'M';

/**
 * How a statement was tied to a compound or target. Explicit: the same clause, a `respectively` list, names paired in
 * order with values, the value's own table row or column. Inferred: a table caption, the paragraph's or the previous
 * paragraph's subject, the section heading, the document's most mentioned compound.
 */
export type EntitySource = 'clause' | 'respectively' | 'list-order' | 'table-row' | 'table-column' | 'table-caption' | 'paragraph-subject' | 'heading' | 'document-subject';

export interface EntityAt extends Span {
  id: string;
  via: EntitySource;
}

/**
 * Where the unit was found: written with the value, in the value's own table header (row, column or a spanning
 * sub-header), in the same sentence (`Ki (nM): 31, 11`), in the table's caption, or further away (the sentence before
 * a table or list, a table footnote).
 */
export type UnitSource = 'written' | 'header' | 'sentence' | 'caption' | 'context';

/** Where the measure label was found: in the value's sentence or cell, its table header, the caption, or further away. */
/** `affinity-word`: no measure is named, only `affinity` (`Key receptor affinities: D2: 125 nM`), read as Ki or Kd. */
export type MeasureSource = 'sentence' | 'header' | 'caption' | 'context' | 'affinity-word';

/** One quoted affinity: the number a writer gave for a compound at a target. */
export interface AffinityStatement {
  /** The whole statement's value as written, from the first digit (or relation sign) to the end of the unit. */
  span: Span;
  /** The number itself (for a range, from low to high), which a value fix replaces. */
  valueSpan: Span;
  /** The unit as written next to the value; absent when the unit came from a table header, a caption or a list. */
  unitSpan?: Span;
  /** How the unit was found; absent with the unit. */
  unitFrom?: UnitSource;
  measureFrom: MeasureSource;
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
  /** Absent for a concentration when no unit is stated anywhere near it (a table without units): read, never checked. */
  unit?: ConcentrationUnit;
  /** Normalized to nM (p-scale converted: 10^(9 − p)); the low end for a range. Absent when the unit is not stated. */
  valueNm?: number;
  valueHighNm?: number;
  compound?: EntityAt;
  target?: EntityAt;
  /** Where the number was read. */
  context: 'prose' | 'math' | 'table';
  /** The source text of `span`. */
  text: string;
}
