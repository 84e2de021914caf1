import type { AffinityStatement, EntitySource, MeasureSource, UnitSource } from './types';

/** A part of a statement that was not written with the value, its clause, its cell or its own table headers. */
export interface Assumption {
  part: 'compound' | 'target' | 'unit' | 'measure';
  /** Where it was taken from, as a reader would say it: `from the heading`. */
  from: string;
}

const EXPLICIT_ENTITY: ReadonlySet<EntitySource> = new Set<EntitySource>(['clause', 'respectively', 'list-order', 'table-row', 'table-column']);
const EXPLICIT_UNIT: ReadonlySet<UnitSource> = new Set<UnitSource>(['written', 'header', 'sentence']);
const EXPLICIT_MEASURE: ReadonlySet<MeasureSource> = new Set<MeasureSource>(['sentence', 'header']);

const ENTITY_FROM: Record<EntitySource, string> = {
  clause: 'from its clause',
  respectively: 'from a “respectively” list',
  'list-order': 'paired in order with the names',
  'table-row': 'from its table row',
  'table-column': 'from its table column',
  'table-caption': 'from the table caption',
  'paragraph-subject': 'from the paragraph',
  heading: 'from the heading',
  'document-subject': 'as the compound the document is about',
};

const UNIT_FROM: Record<UnitSource, string> = {
  written: 'written with the value',
  header: 'from its table header',
  sentence: 'from its sentence',
  caption: 'from the table caption',
  context: 'from the text before it',
};

const MEASURE_FROM: Record<MeasureSource, string> = {
  sentence: 'from its sentence',
  header: 'from its table header',
  caption: 'from the table caption',
  context: 'from the text before it',
  'affinity-word': 'from the word “affinity” (read as Ki or Kd)',
};

/**
 * What a reading rests on beyond the value's own clause, cell or headers. A finding on such a reading is a guess, so
 * it is never more than information; the measure counts only where a rule judges the measure itself.
 */
export function assumptionsOf(statement: AffinityStatement, includeMeasure = false): Assumption[] {
  const assumed: Assumption[] = [];
  if (statement.compound && !EXPLICIT_ENTITY.has(statement.compound.via)) assumed.push({ part: 'compound', from: ENTITY_FROM[statement.compound.via] });
  if (statement.target && !EXPLICIT_ENTITY.has(statement.target.via)) assumed.push({ part: 'target', from: ENTITY_FROM[statement.target.via] });
  if (statement.unitFrom && !EXPLICIT_UNIT.has(statement.unitFrom)) assumed.push({ part: 'unit', from: UNIT_FROM[statement.unitFrom] });
  // A measure read from the word `affinity` is a guess for every rule, not only the one that judges the measure.
  if ((includeMeasure || statement.measureFrom === 'affinity-word') && !EXPLICIT_MEASURE.has(statement.measureFrom)) assumed.push({ part: 'measure', from: MEASURE_FROM[statement.measureFrom] });
  return assumed;
}

/** How each part was found, for the value's hover: `compound from its table row; target from its table column; unit from the table caption`. */
export function readingDescription(statement: AffinityStatement): string {
  const parts = [
    statement.compound ? `compound ${ENTITY_FROM[statement.compound.via]}` : 'no compound found',
    statement.target ? `target ${ENTITY_FROM[statement.target.via]}` : 'no target found',
    `measure ${MEASURE_FROM[statement.measureFrom]}`,
  ];
  if (statement.scale === 'concentration') parts.push(statement.unitFrom ? `unit ${UNIT_FROM[statement.unitFrom]}` : 'no unit stated');
  return parts.join('; ');
}
