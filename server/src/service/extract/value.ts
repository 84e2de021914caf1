import type { ConcentrationUnit } from './types';
import { endsWordAt, isDigit, skipSpacing, skipSpacingAndMath, startsWithAt, startsWithIgnoreCaseAt } from './chars';
import { readNumberAt, type NumberRead } from './number';
import { readUnitAt, readBareUnit, type UnitRead } from './unit';
import type { Span } from '../scan/types';

/** One number as written, with what was read around it. */
export interface ValueItem {
  /** From the number (or the `\SI`/`between` that introduces it) to the end of the unit when adjacent, else of the number or error. */
  start: number;
  end: number;
  valueSpan: Span;
  value: number;
  valueHigh?: number;
  error?: number;
  unit?: ConcentrationUnit;
  unitSpan?: Span;
  /** Followed by a unit that is not a concentration (mg, %, kcal/mol, h …): never an affinity. */
  foreignUnit: boolean;
}

export interface ReadOptions {
  /** In LaTeX `~` is a tie (a space); in Markdown it may be a relation or a Pandoc subscript. */
  tieIsSpace: boolean;
}

const rangeSeparators = ['--', '–', '—', '‒', '-', '−', ' to ', '\\textendash{}', '\\textendash'];
const errorSigns = ['±', '\\pm', '+/-', '+/−', '+-', '&plusmn;', '\\textpm'];
const spreadLabels = ['(SEM)', '(SD)', '(S.E.M.)', '(s.e.m.)', '(S.D.)', '(s.d.)', '(SE)', '(CI)'];
const listJoiners = [', and ', ', or ', ' and ', ' or ', ', ', ' vs. ', ' vs ', ' versus ', '/'];
const maximumListLength = 24;

/** A value starts here: a digit, a leading dot (`.13`), `\SI{`, `\qty{`, `\num{`, or `between <number>`. */
export function startsValueAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (isDigit(code)) return true;
  if (code === 46) return isDigit(text.charCodeAt(index + 1));
  if (code === 92) return siCommandAt(text, index) !== undefined;
  return (code | 32) === 98 && startsWithIgnoreCaseAt(text, index, 'between ');
}

/** Reads a value and the list it may head (`3.45 and 13.3 nM`); a unit written once at the end applies to all. */
export function readValueList(text: string, index: number, options: ReadOptions): ValueItem[] {
  const items: ValueItem[] = [];
  let item = readValue(text, index, options);
  while (item) {
    items.push(item);
    if (items.length >= maximumListLength || item.foreignUnit) break;
    const next = listContinuationAt(text, item.end, options);
    item = next === undefined ? undefined : readValue(text, next, options);
  }
  shareTrailingUnit(items);
  return items;
}

function listContinuationAt(text: string, index: number, options: ReadOptions): number | undefined {
  const joiner = listJoiners.find((candidate) => startsWithAt(text, index, candidate));
  if (!joiner) return undefined;
  const next = skipSpacingAndMath(text, index + joiner.length, options.tieIsSpace);
  const code = text.charCodeAt(next);
  if (!isDigit(code) && !(code === 46 && isDigit(text.charCodeAt(next + 1))) && siCommandAt(text, next) === undefined) return undefined;
  return next;
}

function shareTrailingUnit(items: ValueItem[]): void {
  let unit: ConcentrationUnit | undefined;
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index];
    if (item.unit) unit = item.unit;
    else if (item.foreignUnit) unit = undefined;
    else if (unit) item.unit = unit;
  }
}

/** `67:1`, `1:100`: either side of a ratio (or a time) is not a value. */
function isRatioPart(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(end) === 58 && isDigit(text.charCodeAt(end + 1))) return true;
  if (text.charCodeAt(start - 1) !== 58 || !isDigit(text.charCodeAt(start - 2))) return false;
  // `D2:5 nM` names a target before the colon: the left side must be a number of its own.
  let left = start - 2;
  while (left > 0 && (isDigit(text.charCodeAt(left - 1)) || text.charCodeAt(left - 1) === 46 || text.charCodeAt(left - 1) === 44)) left--;
  return !/[\p{L}\-]/u.test(text[left - 1] ?? ' ');
}

/**
 * `5-HT`, `8-OH-DPAT`, `10-fold` (a number joined by a hyphen to letters), and `HT(4a)`, `D(2)` (a PubMed subscript
 * glued to a name): part of a name or a word, not a value.
 */
function isPartOfName(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(end) === 45 && /[A-Za-z]/.test(text[end + 1] ?? '')) return true;
  return text.charCodeAt(start - 1) === 40 && /[A-Za-z]/.test(text[start - 2] ?? '') && /^[A-Za-z]?\)/.test(text.slice(end, end + 2));
}

/** Reads one value: a number, a range, an error and the unit. */
export function readValue(text: string, index: number, options: ReadOptions): ValueItem | undefined {
  if (text.charCodeAt(index) === 92) return readSiValue(text, index);
  if ((text.charCodeAt(index) | 32) === 98) return readBetween(text, index, options);
  const low = readNumberAt(text, index);
  if (!low) return undefined;
  const item: ValueItem = { start: index, end: low.end, valueSpan: { start: low.start, end: low.end }, value: low.value, foreignUnit: false };
  if (isRatioPart(text, low.start, low.end) || isPartOfName(text, low.start, low.end)) return { ...item, foreignUnit: true };
  attachError(text, item, options);
  attachUnit(text, item, options);
  if (item.error === undefined && !item.foreignUnit) attachRangeHigh(text, item, options);
  return item;
}

function attachError(text: string, item: ValueItem, options: ReadOptions): void {
  const position = skipSpacingAndMath(text, item.end, options.tieIsSpace);
  const sign = errorSigns.find((candidate) => startsWithAt(text, position, candidate));
  if (!sign) return;
  const error = readNumberAt(text, skipSpacing(text, position + sign.length, options.tieIsSpace)) ?? readNumberAfterMath(text, position + sign.length, options);
  if (!error) return;
  item.error = error.value;
  item.end = error.end;
  const afterError = skipSpacing(text, item.end, options.tieIsSpace);
  const spread = spreadLabels.find((candidate) => startsWithAt(text, afterError, candidate));
  if (spread) item.end = afterError + spread.length;
}

function readNumberAfterMath(text: string, index: number, options: ReadOptions): NumberRead | undefined {
  return readNumberAt(text, skipSpacingAndMath(text, index, options.tieIsSpace));
}

/** A `~` between a number and its unit is a tie in either format. */
function attachUnit(text: string, item: ValueItem, _options: ReadOptions): void {
  const position = skipSpacingAndMath(text, item.end, true);
  const unit = readUnitAt(text, position);
  if (!unit) return;
  applyUnit(item, unit);
}

function applyUnit(item: ValueItem, unit: UnitRead): void {
  if (unit.kind === 'foreign') {
    item.foreignUnit = true;
    return;
  }
  item.unit = unit.unit;
  item.unitSpan = { start: unit.start, end: unit.end };
  item.end = unit.end;
}

function attachRangeHigh(text: string, item: ValueItem, options: ReadOptions): void {
  const afterLow = item.unit ? item.end : item.valueSpan.end;
  const separatorEnd = rangeSeparatorEnd(text, afterLow, options);
  if (separatorEnd === undefined) return;
  const highAt = skipSpacingAndMath(text, separatorEnd, options.tieIsSpace);
  const high = readNumberAt(text, highAt);
  if (!high || high.value < item.value) return;
  const highItem: ValueItem = { start: highAt, end: high.end, valueSpan: { start: high.start, end: high.end }, value: high.value, foreignUnit: false };
  attachUnit(text, highItem, options);
  if (highItem.foreignUnit) {
    item.foreignUnit = true;
    return;
  }
  if (item.unit && highItem.unit && highItem.unit !== item.unit) return;
  item.valueHigh = high.value;
  item.valueSpan = { start: item.valueSpan.start, end: high.end };
  item.end = highItem.end;
  if (highItem.unit) {
    item.unit = highItem.unit;
    item.unitSpan = highItem.unitSpan;
  }
}

function rangeSeparatorEnd(text: string, index: number, options: ReadOptions): number | undefined {
  if (startsWithAt(text, index, ' to ')) return index + 4;
  // `3.3~4.9 μM` in Markdown (in LaTeX `~` is a tie).
  if (!options.tieIsSpace && text.charCodeAt(index) === 126 && isDigit(text.charCodeAt(index + 1))) return index + 1;
  const position = skipSpacing(text, index, options.tieIsSpace);
  const separator = rangeSeparators.find((candidate) => candidate !== ' to ' && startsWithAt(text, position, candidate));
  return separator ? position + separator.length : undefined;
}

/** `between 11 and 24 nM`. */
function readBetween(text: string, index: number, options: ReadOptions): ValueItem | undefined {
  if (!startsWithIgnoreCaseAt(text, index, 'between ') ) return undefined;
  const lowAt = skipSpacingAndMath(text, index + 8, options.tieIsSpace);
  const low = readValue(text, lowAt, options);
  if (!low || low.valueHigh !== undefined || low.foreignUnit) return undefined;
  const andAt = skipSpacing(text, low.end, options.tieIsSpace);
  if (!startsWithIgnoreCaseAt(text, andAt, 'and') || !endsWordAt(text, andAt + 3)) return undefined;
  const high = readValue(text, skipSpacingAndMath(text, andAt + 3, options.tieIsSpace), options);
  if (!high || high.valueHigh !== undefined || high.value < low.value) return undefined;
  return {
    start: index,
    end: high.end,
    valueSpan: { start: low.valueSpan.start, end: high.valueSpan.end },
    value: low.value,
    valueHigh: high.value,
    unit: high.unit ?? low.unit,
    unitSpan: high.unitSpan ?? low.unitSpan,
    foreignUnit: high.foreignUnit,
  };
}

const siCommands = ['\\SI{', '\\qty{', '\\num{', '\\SIrange{', '\\qtyrange{', '\\numrange{'];

function siCommandAt(text: string, index: number): string | undefined {
  return siCommands.find((candidate) => startsWithAt(text, index, candidate));
}

/** `\SI{3.45}{\nano\molar}`, `\qty{4.78 \pm 0.2}{\micro\molar}`, `\SIrange{11}{24}{\nano\molar}`, `\num{3.45}~nM`. */
function readSiValue(text: string, index: number): ValueItem | undefined {
  const command = siCommandAt(text, index);
  if (!command) return undefined;
  const isRange = command.includes('range');
  const low = readBracedNumber(text, index + command.length);
  if (!low) return undefined;
  const item: ValueItem = { start: index, end: low.close + 1, valueSpan: { start: low.number.start, end: low.number.end }, value: low.number.value, foreignUnit: false };
  if (low.error !== undefined) item.error = low.error;
  let position = low.close + 1;
  if (isRange) {
    if (text.charCodeAt(position) !== 123) return undefined;
    const high = readBracedNumber(text, position + 1);
    if (!high) return undefined;
    item.valueHigh = high.number.value;
    item.valueSpan = { start: item.valueSpan.start, end: high.number.end };
    position = high.close + 1;
    item.end = position;
  }
  if (command.startsWith('\\num')) {
    attachUnit(text, item, { tieIsSpace: true });
    return item;
  }
  if (text.charCodeAt(position) !== 123) return item;
  const unit = readBareUnit(text, skipSpacing(text, position + 1, false));
  const close = unit ? skipSpacing(text, unit.end, false) : -1;
  if (!unit || text.charCodeAt(close) !== 125) return item;
  applyUnit(item, unit);
  if (unit.kind === 'concentration') {
    item.unitSpan = { start: unit.start, end: unit.end };
    item.end = close + 1;
  }
  return item;
}

function readBracedNumber(text: string, index: number): { number: NumberRead; error?: number; close: number } | undefined {
  const number = readNumberAt(text, skipSpacing(text, index, false));
  if (!number) return undefined;
  let position = skipSpacing(text, number.end, false);
  let error: number | undefined;
  const sign = errorSigns.find((candidate) => startsWithAt(text, position, candidate)) ?? (startsWithAt(text, position, '+-') ? '+-' : undefined);
  if (sign) {
    const errorNumber = readNumberAt(text, skipSpacing(text, position + sign.length, false));
    if (errorNumber) {
      error = errorNumber.value;
      position = skipSpacing(text, errorNumber.end, false);
    }
  } else if (text.charCodeAt(position) === 40) {
    const close = text.indexOf(')', position);
    if (close > position && close - position < 12) position = skipSpacing(text, close + 1, false);
  }
  if (text.charCodeAt(position) !== 125) return undefined;
  return { number, error, close: position };
}
