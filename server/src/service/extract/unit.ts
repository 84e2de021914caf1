import type { ConcentrationUnit } from './types';
import { endsLatexCommandAt, endsWordAt, isAsciiLetter, startsWithAt, startsWithIgnoreCaseAt } from './chars';

export type UnitRead =
  | { kind: 'concentration'; unit: ConcentrationUnit; start: number; end: number }
  /** A unit that makes the number something other than an affinity: a dose, a percentage, a time, an energy. */
  | { kind: 'foreign'; start: number; end: number };

export const nanomolarPerUnit: Record<ConcentrationUnit, number> = { pM: 1e-3, nM: 1, 'µM': 1e3, mM: 1e6, M: 1e9 };

interface Prefix {
  spelling: string;
  unit: ConcentrationUnit;
  /** A LaTeX command (`\micro`) that may be followed by a space. */
  command?: boolean;
  word?: boolean;
}

/** Longest spellings first where one is a prefix of another. */
const prefixes: Prefix[] = [
  { spelling: '\\textmu', unit: 'µM', command: true },
  { spelling: '\\upmu', unit: 'µM', command: true },
  { spelling: '\\micro', unit: 'µM', command: true },
  { spelling: '\\mu', unit: 'µM', command: true },
  { spelling: '\\nano', unit: 'nM', command: true },
  { spelling: '\\pico', unit: 'pM', command: true },
  { spelling: '\\milli', unit: 'mM', command: true },
  { spelling: 'micro', unit: 'µM', word: true },
  { spelling: 'nano', unit: 'nM', word: true },
  { spelling: 'pico', unit: 'pM', word: true },
  { spelling: 'milli', unit: 'mM', word: true },
  { spelling: '\u00b5', unit: 'µM' },
  { spelling: '\u03bc', unit: 'µM' },
  { spelling: 'u', unit: 'µM' },
  { spelling: 'p', unit: 'pM' },
  { spelling: 'n', unit: 'nM' },
  { spelling: 'm', unit: 'mM' },
];

const molarSpellings = ['\\molar', '\\Molar', 'molar', 'mol/L', 'mol/l', 'mol L^{-1}', 'mol L-1', 'mol l-1', 'mol\\per\\litre', 'mol\\per\\liter', 'M'];

/** Units after which a number is not an affinity; matched as whole words (case-sensitive unless noted). */
const foreignUnits = [
  '%', '\\%', 'percent', 'mg', 'µg', 'μg', 'ug', 'ng', 'g', 'kg', 'mL', 'ml', 'µL', 'μL', 'L', '°C', '°', '\\degree', '^\\circ', '\\celsius',
  'kcal', 'kJ', 'cal', 'J', 'h', 'hr', 'hrs', 'hours', 'hour', 'min', 'minutes', 's', 'sec', 'ms', 'ns', 'µs', 'ps', 'fs', 'days', 'day', 'd',
  'weeks', 'week', 'months', 'years', 'year', 'yr', 'log', 'fold', '-fold', 'times', 'mmHg', 'mV', 'Hz', 'Da', 'kDa', 'nm', 'µm', 'μm', 'mm', 'cm',
  'nmol', 'µmol', 'μmol', 'pmol', 'mmol', 'mol', 'cells', 'patients', 'subjects', 'mice', 'rats', 'animals', 'K', 'Å', '\\AA', '\\angstrom',
  'units', 'IU', 'U', 'bp', 'kb', 'residues', 'molecules', 'compounds', 'ligands',
];

/** Reads a concentration unit (`nM`, `µM`, `$\mu$M`, `\si{\micro M}`, `nmol/L`, `micromolar`) or a foreign unit at `index`. */
export function readUnitAt(text: string, index: number): UnitRead | undefined {
  const wrapper = startsWithAt(text, index, '\\si{') ? 4 : startsWithAt(text, index, '\\unit{') ? 6 : 0;
  if (wrapper > 0) {
    const inner = index + wrapper;
    const unit = readBareUnit(text, skipBlanks(text, inner));
    if (!unit) return undefined;
    const close = skipBlanks(text, unit.end);
    if (text.charCodeAt(close) !== 125) return undefined;
    return { ...unit, start: index, end: close + 1 };
  }
  return readBareUnit(text, index);
}

/** Reads the unit inside `\si{…}` / `\SI{…}{…}` or written plainly. */
export function readBareUnit(text: string, index: number): UnitRead | undefined {
  return readConcentrationUnit(text, index) ?? readForeignUnit(text, index);
}

/**
 * The entries whose spelling can start at a character, in their list order: a unit is read after every number of a
 * manuscript, and most characters start no spelling at all. `alsoUnderOtherCase` files a case-blind spelling under both.
 */
function byFirstCharacter<T>(entries: readonly T[], spellingOf: (entry: T) => string, alsoUnderOtherCase: (entry: T) => boolean = () => false): Map<number, T[]> {
  const index = new Map<number, T[]>();
  for (const entry of entries) {
    const first = spellingOf(entry).charAt(0);
    const keys = new Set([first.charCodeAt(0), ...(alsoUnderOtherCase(entry) ? [first.toLowerCase().charCodeAt(0), first.toUpperCase().charCodeAt(0)] : [])]);
    for (const key of keys) index.set(key, [...(index.get(key) ?? []), entry]);
  }
  return index;
}

const NONE: readonly never[] = [];
const prefixesByFirst = byFirstCharacter(prefixes, (prefix) => prefix.spelling);
const molarByFirst = byFirstCharacter(molarSpellings, (spelling) => spelling, (spelling) => spelling === 'molar');
const foreignByFirst = byFirstCharacter(foreignUnits, (spelling) => spelling);

function readConcentrationUnit(text: string, index: number): UnitRead | undefined {
  for (const prefix of prefixesByFirst.get(text.charCodeAt(index)) ?? NONE) {
    if (!startsWithAt(text, index, prefix.spelling)) continue;
    if (prefix.command && !endsLatexCommandAt(text, index + prefix.spelling.length)) continue;
    let position = index + prefix.spelling.length;
    if (prefix.command) position = skipPrefixTail(text, position);
    const molarEnd = readMolar(text, position, prefix.word === true);
    if (molarEnd !== undefined) return { kind: 'concentration', unit: prefix.unit, start: index, end: molarEnd };
  }
  const bareMolar = readMolar(text, index, true);
  if (bareMolar !== undefined) return { kind: 'concentration', unit: 'M', start: index, end: bareMolar };
  return undefined;
}

/** After `\mu` may come `$`, `{}`, a space or `\,` before `M`. */
function skipPrefixTail(text: string, index: number): number {
  let position = index;
  for (let guard = 0; guard < 3; guard++) {
    if (text.charCodeAt(position) === 36 || text.charCodeAt(position) === 32) position++;
    else if (startsWithAt(text, position, '{}')) position += 2;
    else break;
  }
  return position;
}

function readMolar(text: string, index: number, wordsOnly: boolean): number | undefined {
  for (const spelling of molarByFirst.get(text.charCodeAt(index)) ?? NONE) {
    if (wordsOnly && spelling !== 'molar' && spelling !== 'M' && !spelling.startsWith('mol') && !spelling.startsWith('\\')) continue;
    const matches = spelling === 'molar' ? startsWithIgnoreCaseAt(text, index, spelling) : startsWithAt(text, index, spelling);
    if (!matches) continue;
    const end = index + spelling.length;
    if (spelling.startsWith('\\') ? endsLatexCommandAt(text, end) : endsUnitAt(text, end)) return end;
  }
  return undefined;
}

/** `nM^12^`, `nM^3,4^`: a Pandoc superscript citation number after the unit, not an exponent. */
const SUPERSCRIPT_CITATION = /^\^\d+(?:[,–-]\d+)*\^/;

/** A unit ends before a non-letter; `M/s` or `M-1` would be another quantity. */
function endsUnitAt(text: string, index: number): boolean {
  if (!endsWordAt(text, index)) return false;
  const next = text.charCodeAt(index);
  if (next === 94 && SUPERSCRIPT_CITATION.test(text.slice(index, index + 16))) return true;
  return next !== 47 && !(next === 94 && text.charCodeAt(index + 1) !== 123) && !startsWithAt(text, index, '^{-');
}

function readForeignUnit(text: string, index: number): UnitRead | undefined {
  for (const spelling of foreignByFirst.get(text.charCodeAt(index)) ?? NONE) {
    if (!startsWithAt(text, index, spelling)) continue;
    const end = index + spelling.length;
    const last = spelling.charCodeAt(spelling.length - 1);
    if (isAsciiLetter(last) && !endsWordAt(text, end)) continue;
    return { kind: 'foreign', start: index, end };
  }
  return undefined;
}

function skipBlanks(text: string, index: number): number {
  let position = index;
  while (text.charCodeAt(position) === 32) position++;
  return position;
}
