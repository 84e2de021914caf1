import type { AffinityRecord } from '../kb/types';
import type { AffinityStatement, ConcentrationUnit } from '../extract/types';
import type { DocumentFormat } from '../scan/types';
import type { TextEdit } from './types';
import { nmPerUnit, printNumber } from './context';
import { renderedText } from '../extract/rendered';
import { relabelMeasure } from './relabel-measure';
import { displayUnit, formatPValue, RELATION_PREFIX } from '../kb/format';

/**
 * A statement rewritten to say what a record says: its value, in the writer's unit where that reads naturally (else
 * the unit a writer would choose), under the record's measure, each in the writer's notation (siunitx, math mode,
 * Pandoc or HTML subscripts, words). Undefined when the statement cannot be made to say it in place: another measure
 * and no measure label in the value's own sentence (a header's label speaks for the whole column), or a range where
 * only one number can stand (a list read with "respectively").
 */
export interface Replacement {
  edits: TextEdit[];
  /** What the statement reads after the edits, as text: `Kd 0.035 nM`, `4.78 µM`. */
  shown: string;
  measureChanged: boolean;
  unitChanged: boolean;
  /** The value, unit and measure stay as written: nothing to replace. */
  unchanged: boolean;
}

const SIUNITX: Record<ConcentrationUnit, string> = { pM: '\\pico\\molar', nM: '\\nano\\molar', µM: '\\micro\\molar', mM: '\\milli\\molar', M: '\\molar' };

/** `\nano\molar` → `\micro\molar`, `nM` → `µM` (LaTeX: `$\mu$M`), `\mu$M` (inside math) → `\mathrm{n}$M`. */
export function unitInNotation(written: string, to: ConcentrationUnit, format: DocumentFormat): string | undefined {
  if (/\\molar\b/.test(written)) return SIUNITX[to];
  if (!/M$/.test(written)) return undefined;
  const insideMath = (written.match(/\$/g) ?? []).length % 2 === 1;
  const prefix = to === 'M' ? '' : to.slice(0, 1);
  if (insideMath) return `${prefix === 'µ' ? '\\mu' : prefix ? `\\mathrm{${prefix}}` : ''}$M`;
  if (prefix === 'µ' && format === 'latex') return '$\\mu$M';
  return `${prefix}M`;
}

/** In the writer's unit a value reads naturally from 0.01 to below 1,000, or below 100,000 when the writer already writes thousands. */
function readsNaturally(value: number, writtenValue: number): boolean {
  return value >= 0.01 && (value < 1000 || (writtenValue >= 1000 && value < 100_000));
}

function writtenValue(statement: AffinityStatement): string {
  return statement.text.slice(statement.valueSpan.start - statement.span.start, statement.valueSpan.end - statement.span.start);
}

/** A value read from a list (`20, 0.05 and 25 nM, respectively`) is one number of several: a range there would not be read as one. */
function inList(statement: AffinityStatement): boolean {
  return [statement.compound?.via, statement.target?.via].some((via) => via === 'respectively' || via === 'list-order');
}

const EXACT = new Set<AffinityRecord['relation']>(['=', '~']);

/**
 * The sign before the value when the source's relation is another (`> 10 µM` replaced by a value the source gives
 * exactly loses its `>`); `undefined` when nothing changes; `null` when the sign is written in a way this cannot
 * rewrite (in math, as a word), so that no replacement with a wrong relation is offered.
 */
function relationReplacement(statement: AffinityStatement, record: AffinityRecord): TextEdit | undefined | null {
  if (record.relation === statement.relation || (EXACT.has(record.relation) && EXACT.has(statement.relation))) return undefined;
  const prefix = statement.text.slice(0, statement.valueSpan.start - statement.span.start);
  if (!/^(?:[<>≤≥=~≈]\s*)*$/.test(prefix)) return null;
  return { span: { start: statement.span.start, end: statement.valueSpan.start }, newText: RELATION_PREFIX[record.relation] };
}

export function replacementFor(statement: AffinityStatement, record: AffinityRecord, format: DocumentFormat): Replacement | undefined {
  const edits: TextEdit[] = [];
  if (record.valueHighNm !== undefined && record.valueHighNm !== record.valueNm && inList(statement)) return undefined;
  // A unit written between the ends of a range (`111e-9 M–24`): the number's edit and the unit's would overlap.
  if (statement.unitSpan && statement.unitSpan.start < statement.valueSpan.end && statement.valueSpan.start < statement.unitSpan.end) return undefined;
  const measureChanged = record.measure !== statement.measure;
  let measureShown = statement.measure as string;
  if (measureChanged) {
    // A label in a table header or caption speaks for other values too: it is not this value's to change.
    if (!statement.measureSpan || !statement.measureText || statement.measureFrom !== 'sentence') return undefined;
    const label = relabelMeasure(statement.measureText, record.measure);
    edits.push({ span: statement.measureSpan, newText: label });
    measureShown = renderedText(label);
  }
  const relationEdit = relationReplacement(statement, record);
  if (relationEdit === null) return undefined;
  // A sign where none was written goes in front of the number, in the same edit (two edits may not start together).
  const signBefore = relationEdit && relationEdit.span.start === relationEdit.span.end ? relationEdit.newText : '';
  if (relationEdit && !signBefore) edits.push(relationEdit);
  const dash = format === 'latex' ? '--' : '–';
  const high = record.valueHighNm !== undefined && record.valueHighNm !== record.valueNm ? record.valueHighNm : undefined;
  if (statement.scale === 'p-scale') {
    const value = high !== undefined ? `${formatPValue(high)}${dash}${formatPValue(record.valueNm)}` : formatPValue(record.valueNm);
    edits.push({ span: statement.valueSpan, newText: `${signBefore}${value}` });
    return { edits, shown: `${measureChanged ? measureShown : `p${statement.measure}`} ${renderedText(value)}`, measureChanged, unitChanged: false, unchanged: !measureChanged && !relationEdit && writtenValue(statement) === value };
  }
  const writtenUnit = statement.unit ?? 'nM';
  let unit = writtenUnit;
  if (!readsNaturally((high ?? record.valueNm) / nmPerUnit(writtenUnit), statement.value)) {
    const natural = displayUnit(high ?? record.valueNm);
    const unitText = statement.unitSpan ? statement.text.slice(statement.unitSpan.start - statement.span.start, statement.unitSpan.end - statement.span.start) : undefined;
    const newUnitText = unitText === undefined ? undefined : unitInNotation(unitText, natural, format);
    if (statement.unitSpan && newUnitText !== undefined) {
      unit = natural;
      edits.push({ span: statement.unitSpan, newText: newUnitText });
    }
  }
  const perUnit = nmPerUnit(unit);
  const low = printNumber(record.valueNm / perUnit);
  const siunitx = /^\\(SI|qty)(?=\{)/.exec(statement.text);
  let value = high !== undefined ? `${low}${dash}${printNumber(high / perUnit)}` : low;
  if (high !== undefined && siunitx) {
    // `\SI{0.18}{\nano\molar}` holds one number: a range is `\SIrange{0.1}{0.316}{\nano\molar}`.
    edits.push({ span: { start: statement.span.start, end: statement.span.start + siunitx[0].length }, newText: `${siunitx[0]}range` });
    value = `${low}}{${printNumber(high / perUnit)}`;
  }
  edits.push({ span: statement.valueSpan, newText: `${signBefore}${value}` });
  const shownValue = `${relationEdit ? relationEdit.newText : ''}${high !== undefined ? `${low}–${printNumber(high / perUnit)}` : low} ${unit}`;
  const unitChanged = unit !== writtenUnit;
  return {
    edits: edits.sort((a, b) => a.span.start - b.span.start),
    shown: measureChanged ? `${measureShown} ${shownValue}` : shownValue,
    measureChanged,
    unitChanged,
    unchanged: !measureChanged && !unitChanged && !relationEdit && writtenValue(statement) === value,
  };
}
