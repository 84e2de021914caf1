import type { Relation } from '../kb/types';
import type { Span } from '../scan/types';
import type { MeasureLabel } from './measure';
import type { AffinityStatement, ConcentrationUnit, EntityAt, MeasureSource, UnitSource } from './types';
import { nanomolarPerUnit } from './unit';
import type { ValueItem } from './value';

export interface StatementParts {
  text: string;
  item: ValueItem;
  label: Pick<MeasureLabel, 'measure' | 'scale'>;
  measureSpan?: Span;
  relation: Relation;
  /** Where a relation sign written against the value starts (`<10 nM`), to include it in the span. */
  relationSignStart?: number;
  /** The unit when it is not written with the value: from a table header, a caption or the sentence (`Ki (nM): …`). */
  fallbackUnit?: { unit: ConcentrationUnit; from: UnitSource };
  measureFrom: MeasureSource;
  /** A table value with no unit anywhere is still read (never checked); in prose such a number is not taken. */
  unitOptional?: boolean;
  compound?: EntityAt;
  target?: EntityAt;
  context: AffinityStatement['context'];
}

/** Plausible p-scale values (pKi 2–14): anything else is not a negative log molar value. */
const isPlausiblePValue = (value: number): boolean => value >= 1 && value <= 15;

/** Builds the statement, or `undefined` when the value cannot be an affinity of that measure (no unit, a foreign unit, pKi 300). */
export function buildStatement(parts: StatementParts): AffinityStatement | undefined {
  const { item, label } = parts;
  if (item.foreignUnit) return undefined;
  const unit = item.unit ?? parts.fallbackUnit?.unit;
  const unitFrom: UnitSource | undefined = item.unit ? 'written' : parts.fallbackUnit?.from;
  let valueNm: number | undefined;
  let valueHighNm: number | undefined;
  if (label.scale === 'p-scale') {
    if (item.unit || !isPlausiblePValue(item.value) || (item.valueHigh !== undefined && !isPlausiblePValue(item.valueHigh))) return undefined;
    valueNm = 10 ** (9 - (item.valueHigh ?? item.value));
    if (item.valueHigh !== undefined) valueHighNm = 10 ** (9 - item.value);
  } else if (unit) {
    valueNm = item.value * nanomolarPerUnit[unit];
    if (item.valueHigh !== undefined) valueHighNm = item.valueHigh * nanomolarPerUnit[unit];
  } else if (!parts.unitOptional) {
    return undefined;
  }
  const start = parts.relationSignStart ?? item.start;
  const statement: AffinityStatement = {
    span: { start, end: item.end },
    valueSpan: item.valueSpan,
    measure: label.measure,
    scale: label.scale,
    relation: parts.relation,
    value: item.value,
    measureFrom: parts.measureFrom,
    context: parts.context,
    text: parts.text.slice(start, item.end),
  };
  if (item.unitSpan) statement.unitSpan = item.unitSpan;
  if (parts.measureSpan) {
    statement.measureSpan = parts.measureSpan;
    statement.measureText = parts.text.slice(parts.measureSpan.start, parts.measureSpan.end);
  }
  if (valueNm !== undefined) statement.valueNm = roundFloat(valueNm);
  if (item.valueHigh !== undefined) statement.valueHigh = item.valueHigh;
  if (valueHighNm !== undefined) statement.valueHighNm = roundFloat(valueHighNm);
  if (item.error !== undefined) statement.error = item.error;
  if (label.scale === 'concentration' && unit) {
    statement.unit = unit;
    statement.unitFrom = unitFrom;
  }
  if (parts.compound) statement.compound = parts.compound;
  if (parts.target) statement.target = parts.target;
  return statement;
}

/** `4.78 * 1000` is 4780.000000000001: keep 12 significant digits. */
function roundFloat(value: number): number {
  return Number(value.toPrecision(12));
}
