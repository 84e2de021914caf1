import type { Mention } from '../recognize/recognize';
import type { Span, Table, TableCell } from '../scan/types';
import { entityAt } from './associate';
import { isBlank, startsWordAt } from './chars';
import { readMeasureAt, type MeasureLabel } from './measure';
import { readRelationAt } from './relation';
import { buildStatement } from './statement';
import type { AffinityStatement, ConcentrationUnit, EntityAt } from './types';
import { readUnitAt } from './unit';
import { readValue, type ValueItem } from './value';
import type { Relation } from '../kb/types';

export interface TableInput {
  text: string;
  masked: string;
  mentions: readonly Mention[];
  tieIsSpace: boolean;
  documentSubject?: Mention;
}

/** What a header cell or a caption says about the numbers under it. */
interface Heading {
  label?: MeasureLabel;
  unit?: ConcentrationUnit;
  compound?: Mention;
  target?: Mention;
  /** The cell holds nothing but a unit or a measure (`(nM)`, `Ki`), so a caption's measure may apply. */
  bare: boolean;
  /** `NET/SERT`, `selectivity`, `fold`: a column of ratios, not of affinities. */
  ratio: boolean;
}

/**
 * Reads tables whose rows are compounds or targets and whose columns are targets or measures: the measure and unit
 * come from the column's header cell, else the caption, else the row's first cell; the compound from the row, the
 * column, the caption or the document's subject.
 */
export function extractFromTables(tables: readonly Table[], input: TableInput): AffinityStatement[] {
  const statements: AffinityStatement[] = [];
  for (const table of tables) {
    if (table.rows.length < 2) continue;
    const captionSpan = table.caption ?? captionLineBefore(input.masked, table.start);
    const caption = captionSpan ? readHeading(input, captionSpan) : undefined;
    const header = table.rows[0].map((cell) => readHeading(input, cell));
    const rowsHaveMeasure = table.rows.slice(1).some((row) => row.length > 0 && readHeading(input, row[0]).label);
    const hasMeasureSomewhere = header.some((heading) => heading.label) || caption?.label || rowsHaveMeasure;
    if (!hasMeasureSomewhere) continue;
    // Columns that name things rather than hold values: the first, and any whose header is a word like "Target".
    const namingColumns = header.map((heading, column) => column === 0 || (!heading.label && !heading.compound && !heading.target && !heading.bare));
    for (const row of table.rows.slice(1)) {
      const rowHeading = row.length > 0 ? readRowHeading(input, row, namingColumns) : undefined;
      for (let column = 1; column < row.length; column++) {
        const statement = readCell(input, row[column], header[column], rowHeading, caption, header.length);
        if (statement) statements.push(statement);
      }
    }
  }
  return statements;
}

function readCell(input: TableInput, cell: TableCell, columnHeading: Heading | undefined, rowHeading: Heading | undefined, caption: Heading | undefined, columnCount: number): AffinityStatement | undefined {
  const captionApplies = caption?.label && (!columnHeading || columnHeading.bare || columnHeading.target || columnHeading.compound || columnCount <= 2);
  // The row's own heading may carry the measure (`| H1 (Ki, nM) | 1.1 | 10 |`) when the columns are compounds.
  const label = columnHeading?.label ?? (captionApplies ? caption.label : undefined) ?? rowHeading?.label;
  if (!label || columnHeading?.ratio) return undefined;
  const target = pick([columnHeading?.target, 'table-column'], [rowHeading?.target, 'table-row'], [caption?.target, 'table-caption']);
  const compound = pick([rowHeading?.compound, 'table-row'], [columnHeading?.compound, 'table-column'], [caption?.compound, 'table-caption']);
  if (!target && !compound) return undefined;
  const value = readCellValue(input, cell);
  if (!value) return undefined;
  return buildStatement({
    text: input.text,
    item: value.item,
    label,
    measureSpan: { start: label.start, end: label.end },
    relation: value.relation ?? '=',
    relationSignStart: value.relationStart,
    fallbackUnit: columnHeading?.unit ?? caption?.unit ?? rowHeading?.unit,
    compound: compound ?? (input.documentSubject && entityAt(input.documentSubject, 'document-subject')),
    target,
    context: 'table',
  });
}

/** The row's first cell, with the compound or target named in its other naming cells (`| amitriptyline | SERT | 3.45 |`). */
function readRowHeading(input: TableInput, row: readonly TableCell[], namingColumns: readonly boolean[]): Heading {
  const heading = readHeading(input, row[0]);
  for (let column = 1; column < row.length && (!heading.compound || !heading.target); column++) {
    if (!namingColumns[column]) continue;
    const mentions = mentionsWithin(input.mentions, row[column]);
    heading.compound ??= mentions.find((mention) => mention.kind === 'compound');
    heading.target ??= mentions.find((mention) => mention.kind === 'target');
  }
  return heading;
}

function pick(...candidates: Array<[Mention | undefined, EntityAt['via']]>): EntityAt | undefined {
  for (const [mention, via] of candidates) if (mention) return entityAt(mention, via);
  return undefined;
}

/** A cell that starts with a value (`3.45`, `{0.5--1.1}`, `>10,000`, `$<$ 5`, `4.4 ± 0.3`). */
function readCellValue(input: TableInput, cell: TableCell): { item: ValueItem; relation?: Relation; relationStart?: number } | undefined {
  const { masked } = input;
  let position = skipCellMarkup(masked, cell.start, cell.end);
  const relation = readRelationAt(masked, position, input.tieIsSpace);
  let relationStart: number | undefined;
  if (relation && relation.written === 'sign') {
    relationStart = relation.start;
    position = skipCellMarkup(masked, relation.end, cell.end);
  }
  const item = readValue(masked, position, { tieIsSpace: input.tieIsSpace });
  if (!item || item.end > cell.end) return undefined;
  return { item, relation: relationStart !== undefined ? relation!.relation : undefined, relationStart };
}

function skipCellMarkup(text: string, start: number, end: number): number {
  let position = start;
  while (position < end && (isBlank(text.charCodeAt(position)) || '{$*_'.includes(text[position]))) position++;
  return position;
}

function readHeading(input: TableInput, span: Span): Heading {
  const { masked } = input;
  let label: MeasureLabel | undefined;
  let unit: ConcentrationUnit | undefined;
  let wordsOutside = false;
  for (let position = span.start; position < span.end; position++) {
    if (!startsWordAt(masked, position) && masked.charCodeAt(position) !== 92) continue;
    const measure = label ? undefined : readMeasureAt(masked, position);
    if (measure && measure.end <= span.end) {
      label = measure;
      position = measure.end - 1;
      continue;
    }
    const read = unit ? undefined : readUnitAt(masked, position);
    if (read?.kind === 'concentration' && read.end <= span.end) {
      unit = read.unit;
      position = read.end - 1;
      continue;
    }
    if (/\p{L}/u.test(masked[position]) && masked[position - 1] !== '\\') wordsOutside = true;
  }
  const mentions = mentionsWithin(input.mentions, span);
  const cellText = masked.slice(span.start, span.end);
  return {
    label,
    unit,
    compound: mentions.find((mention) => mention.kind === 'compound'),
    target: mentions.find((mention) => mention.kind === 'target'),
    bare: !wordsOutside,
    ratio: /\bratio\b|selectiv|\bfold\b/i.test(cellText) || (mentions.length >= 2 && /\//.test(cellText)),
  };
}

function mentionsWithin(mentions: readonly Mention[], span: Span): Mention[] {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (mentions[middle].start < span.start) low = middle + 1;
    else high = middle;
  }
  const within: Mention[] = [];
  for (let index = low; index < mentions.length && mentions[index].start < span.end; index++) if (mentions[index].end <= span.end) within.push(mentions[index]);
  return within;
}

/** A `Table 2: …` / `**Table 1.** …` line just above a table that the scanner did not take as its caption. */
function captionLineBefore(text: string, tableStart: number): Span | undefined {
  let end = tableStart;
  let blankLines = 0;
  while (end > 0 && blankLines <= 2) {
    const lineStart = text.lastIndexOf('\n', end - 2) + 1;
    const line = text.slice(lineStart, end).trim();
    if (line.length === 0) {
      blankLines++;
      end = lineStart;
      if (lineStart === 0) return undefined;
      continue;
    }
    return /^(\*\*|__)?(Table|TABLE|Tab\.)\s*[A-Z]?\d*[.:]/.test(line) ? { start: lineStart, end: lineStart + text.slice(lineStart, end).trimEnd().length } : undefined;
  }
  return undefined;
}
