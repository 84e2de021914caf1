import type { Relation } from '../kb/types';
import { mentionsWithin, type Mention } from '../recognize/recognize';
import type { Span, Table, TableCell } from '../scan/types';
import { entityAt } from './associate';
import { isBlank, isDigit, startsWordAt } from './chars';
import { readMeasureAt, type MeasureLabel } from './measure';
import { extractFromCell, type CellContext, type ProseInput } from './prose';
import { readRelationAt } from './relation';
import { buildStatement } from './statement';
import type { AffinityStatement, ConcentrationUnit, EntityAt, EntitySource, MeasureSource, UnitSource } from './types';
import { readUnitAt } from './unit';
import { readValue, type ValueItem } from './value';

export interface TableInput extends ProseInput {
  /** What is said around a table: the sentence before it and the notes under it (`Values are Ki (nM)`). */
  surroundings?: (table: Table) => Span[];
  /** A target named in a header only by its subtype (`Ki 1B (nM)` in a paper about 5-HT1B/1D receptors). */
  subtypeTarget?: (subtype: string) => Mention | undefined;
  /** The one compound the paragraph before the table names, if any. */
  leadCompound?: (before: Span | undefined) => Mention | undefined;
}

/** What a header cell, a caption or a note says about the numbers under it. */
interface Heading {
  label?: MeasureLabel;
  unit?: ConcentrationUnit;
  compound?: Mention;
  target?: Mention;
  /** Letters that are neither a measure, a unit, a name nor a footnote mark: a cell that names something unknown. */
  otherWords: boolean;
  /** `NET/SERT`, `selectivity`, `fold`: a column of ratios, not of affinities. */
  ratio: boolean;
  /** A unit or word that makes the column something else: `MW (g/mol)`, `dose (mg)`, `Emax (%)`, `n`. */
  foreign: boolean;
  /** A row label such as `[active metabolite]`: the values below belong to another, unnamed compound. */
  metabolite: boolean;
  /** `R,R-Hydroxy bupropion`, `nor-fluoxetine`: a compound name qualified into another compound, not the one named. */
  qualifiedCompound: boolean;
  /** `α5`, `D4.2`, `PCP site 2`: a short name with a number that no name matched, most likely a target's. */
  unknownSymbol: boolean;
  /** `Binding affinity (nM)`, `Key receptor affinities`: no measure named, the word `affinity` where it would stand. */
  affinityWord?: Span;
}

type CellKind = 'empty' | 'value' | 'text';

interface GridCell {
  cell: TableCell;
  kind: CellKind;
  /** The first logical column the cell covers, and how many. */
  column: number;
  columns: number;
}

interface Found<T> {
  value: T;
  from: UnitSource & MeasureSource;
}

interface FoundLabel {
  value: MeasureLabel;
  from: MeasureSource;
}

const EMPTY_CELL = /^(?:[-–—‒−/]+|n\.?\s?[dta]\.?|N\.?\s?[DTA]\.?|NA|NE|NR|ND|NT|n\.?s\.?|—|\\?[-–]{1,3}|\$-\$|[*†‡§#]+)?$/;

/**
 * Reads tables of affinities: rows of compounds and columns of targets or measures, or the other way round, with any
 * number of header rows, rows of names repeated down the table, group and label rows, spanning sub-headers, merged
 * first cells, and cells written as prose. The measure and unit come from the value's own cell and headers, else a
 * spanning sub-header, the caption, or the sentence before the table and its notes; a compound or target the table
 * names with an unknown word is left unknown rather than taken from elsewhere.
 */
export function extractFromTables(tables: readonly Table[], input: TableInput): AffinityStatement[] {
  const statements: AffinityStatement[] = [];
  for (const table of tables) {
    if (table.rows.length < 2) continue;
    new TableReader(input, table, statements).read();
  }
  return statements;
}

class TableReader {
  private readonly grid: GridCell[][];
  private readonly headings = new Map<TableCell, Heading>();
  private readonly proseValueCells = new Map<TableCell, boolean>();
  private readonly caption: Heading | undefined;
  private readonly around: Heading[];
  private readonly lead: Mention | undefined;
  /** Grid tables: the table row each line belongs to, and the lines above the `+===+` border. */
  private readonly rowGroups: readonly number[] | undefined;
  private readonly headerLines: number | undefined;

  constructor(private readonly input: TableInput, table: Table, private readonly out: AffinityStatement[]) {
    const surroundings = input.surroundings?.(table) ?? [];
    this.lead = input.leadCompound?.(surroundings[0]);
    this.rowGroups = table.rowGroups;
    this.headerLines = table.rowGroups && table.hasHeader ? table.rowGroups.filter((group) => group === 0).length : undefined;
    this.grid = table.rows.map((row) => layOut(row, (cell) => this.kindOf(cell)));
    const captionSpan = table.caption ?? captionLineBefore(input.masked, table.start);
    this.caption = captionSpan ? this.heading(captionSpan, true) : undefined;
    this.around = surroundings.map((span) => this.heading(span, true));
  }

  read(): void {
    const { grid } = this;
    const naming = this.namingColumns();
    const holdsValues = (cell: GridCell) => !naming.has(cell.column) && (cell.kind === 'value' || this.isProseValueCell(cell));
    const firstValueRow = grid.findIndex((row) => row.some(holdsValues));
    if (firstValueRow < 0) return;
    const width = Math.max(...grid.map((row) => row.reduce((sum, cell) => Math.max(sum, cell.column + cell.columns), 0)));
    // Per logical column: the header rows' cells (top first), and the latest row of names repeated down the table.
    const headerHeads: Heading[][] = Array.from({ length: width }, () => []);
    const nameRowHeads: Array<Heading | undefined> = new Array(width).fill(undefined);
    let spanning: Heading[] = [];
    let section: Heading[] = [];
    let rowName: RowName | undefined;
    const lastValueRow = grid.length - 1 - [...grid].reverse().findIndex((row) => row.some(holdsValues));
    // `| All values are IC50 (nM), except … |` under the values: a note row that says what the whole table holds.
    const notes = grid.slice(lastValueRow + 1).flatMap((row) => row.filter((cell) => cell.kind === 'text').map((cell) => this.heading(cell.cell))).filter((heading) => heading.label || heading.unit);
    const orientation = this.orientation(naming, firstValueRow);
    const headerEnd = this.headerLines ?? firstValueRow;
    for (let rowIndex = 0; rowIndex <= lastValueRow; rowIndex++) {
      const row = grid[rowIndex];
      const named = row.filter((cell) => naming.has(cell.column) && cell.columns === 1);
      const rest = row.filter((cell) => !(naming.has(cell.column) && cell.columns === 1) && cell.kind !== 'empty');
      const lines = this.linesOfRow(rowIndex);
      if (lines.length > 1 && rowIndex >= headerEnd) {
        // A grid-table row over several lines: its name is all its lines' first cells (`Receptor binding` /
        // `affinity (Ki values` / `[nM])`), and its lines are read one by one.
        if (lines[0] === rowIndex) rowName = carryRowName(rowName, lines.flatMap((line) => grid[line].filter((cell) => naming.has(cell.column) && cell.columns === 1 && cell.kind !== 'empty')));
        if (row.some(holdsValues)) for (const cell of rest) this.readCell(cell, headerHeads[cell.column], [...section, ...spanning, ...notes], rowName, orientation);
        continue;
      }
      if (rest.length === 0 && named.some((cell) => cell.kind === 'text')) {
        // A row with only a name: a group (`Antidepressants`), or a section saying what the rows under it hold
        // (`Inhibition IC50 (μM) in human cells`, `Ic50 (nm)`); a group ends the previous section.
        const heading = this.heading(named.find((cell) => cell.kind === 'text')!.cell);
        if (heading.label || heading.unit) {
          section = [heading];
          continue;
        }
        if (!heading.compound && !heading.target) section = [];
      }
      rowName = carryRowName(rowName, named);
      if (row.some(holdsValues)) {
        for (const cell of rest) {
          // A row of names repeated down the table stands for the names of the header rows above (`Cloz | 5HT2A | H1 …`).
          const repeated = nameRowHeads[cell.column];
          const heads = repeated ? [...headerHeads[cell.column].filter((heading) => !namesSomething(heading)), repeated] : headerHeads[cell.column];
          this.readCell(cell, heads, [...section, ...spanning, ...notes], rowName, orientation);
        }
        continue;
      }
      const restHeadings = rest.map((cell) => this.heading(cell.cell));
      const single = rest.length === 1 && row.length > 2 && rest[0].columns === 1 ? restHeadings[0] : undefined;
      if (single && (single.label || single.unit)) {
        // One cell in a row of several, saying what the numbers are: `(Ki, nM ± SEM)` spans the columns.
        spanning = [single];
      } else if (rowIndex < headerEnd) {
        rest.forEach((cell, index) => {
          for (let column = cell.column; column < cell.column + cell.columns; column++) headerHeads[column].push(restHeadings[index]);
        });
      } else if (restHeadings.some((heading) => heading.label || heading.unit || heading.target || heading.compound)) {
        // A row of names repeated down the table (`Asen | 5HT2C | 5HT2A …` over its values): the header of the rows below.
        nameRowHeads.fill(undefined);
        rest.forEach((cell, index) => {
          for (let column = cell.column; column < cell.column + cell.columns; column++) nameRowHeads[column] = restHeadings[index];
        });
      } else if (rowName && restHeadings.some((heading) => heading.metabolite)) {
        rowName = { ...rowName, metabolite: true };
      }
    }
  }

  /** Leading columns whose body cells are mostly words: the names of the rows. */
  private namingColumns(): Set<number> {
    const counts = new Map<number, { text: number; value: number }>();
    for (const row of this.grid.slice(1)) {
      for (const cell of row) {
        const count = counts.get(cell.column) ?? { text: 0, value: 0 };
        if (cell.kind === 'text') count.text++;
        else if (cell.kind === 'value') count.value++;
        counts.set(cell.column, count);
      }
    }
    const naming = new Set<number>([0]);
    const header = this.grid[0] ?? [];
    for (let column = 1; ; column++) {
      const count = counts.get(column);
      if (!count || count.text <= count.value || count.text === 0) break;
      // A column headed by a name or a measure holds values, however many of its cells are words (`2583 L`, `Oral`).
      const head = header.find((cell) => cell.column <= column && column < cell.column + cell.columns);
      const heading = head && head.kind === 'text' ? this.heading(head.cell) : undefined;
      if (heading && (heading.compound || heading.target || heading.label)) break;
      // A column of prose cells with values in them (`Low affinity (Ki = 3.3 µM)`) holds values, not names.
      const proseValues = this.grid.slice(1).some((row) => row.some((cell) => cell.column === column && this.isProseValueCell(cell)));
      if (proseValues) break;
      naming.add(column);
    }
    return naming;
  }

  /**
   * Whether the table's rows name compounds (the usual) or targets (one compound's profile, or compounds as columns):
   * the header's names decide when they are of one kind, else the rows' own.
   */
  private orientation(naming: ReadonlySet<number>, firstValueRow: number): 'compound-rows' | 'target-rows' | 'unknown-rows' | 'no-row-names' {
    let columnCompounds = 0;
    let columnTargets = 0;
    for (const row of this.grid.slice(0, firstValueRow)) {
      for (const cell of row) {
        if (naming.has(cell.column) && cell.columns === 1) continue;
        const heading = this.heading(cell.cell);
        if (heading.compound && !heading.target) columnCompounds++;
        if (heading.target && !heading.compound) columnTargets++;
      }
    }
    if (columnCompounds > 0 && columnTargets === 0) return 'target-rows';
    if (columnTargets > 0 && columnCompounds === 0) return this.rowsOf(naming, firstValueRow, true);
    return this.rowsOf(naming, firstValueRow, false);
  }

  private rowsOf(naming: ReadonlySet<number>, firstValueRow: number, columnsAreTargets: boolean): 'compound-rows' | 'target-rows' | 'unknown-rows' | 'no-row-names' {
    let compounds = 0;
    let targets = 0;
    let unknown = 0;
    for (const row of this.grid.slice(firstValueRow)) {
      const first = row.find((cell) => naming.has(cell.column) && cell.kind !== 'empty');
      if (!first) continue;
      const heading = this.heading(first.cell);
      const rowMentions = row.filter((cell) => naming.has(cell.column)).map((cell) => this.heading(cell.cell));
      if (rowMentions.some((entry) => entry.compound)) compounds++;
      else if (rowMentions.some((entry) => entry.target)) targets++;
      else if (heading.otherWords && !heading.label) unknown++;
    }
    if (compounds === 0 && targets === 0) return unknown > 0 ? 'unknown-rows' : 'no-row-names';
    if (columnsAreTargets) return compounds > 0 ? 'compound-rows' : targets > 0 ? 'target-rows' : 'unknown-rows';
    return compounds >= targets ? 'compound-rows' : 'target-rows';
  }

  private readCell(cell: GridCell, columnHeads: readonly Heading[], spanning: Heading[], rowName: RowName | undefined, orientation: ReturnType<TableReader['orientation']>): void {
    const nearestFirst = [...columnHeads].reverse();
    const row = rowName?.cells.map((entry) => this.heading(entry.cell)) ?? [];
    // A column of ratios holds no affinities; a cell written as prose names its own measure, whatever its header says.
    if (cell.kind === 'value' && nearestFirst.some((heading) => heading.ratio)) return;
    if (row.some((heading) => (heading.ratio && cell.kind === 'value') || (heading.foreign && !heading.label))) return;
    const columnLabel = firstOf(nearestFirst, (heading) => heading.label);
    const rowLabel = firstOf(row, (heading) => heading.label);
    const spanningLabel = firstOf(spanning, (heading) => heading.label);
    const columnNames = nearestFirst.some((heading) => heading.target || heading.compound || heading.qualifiedCompound);
    // Where the columns are compounds, a column headed by a word no name matches is a compound the dictionary does not know.
    const unknownCompoundColumn = orientation === 'target-rows' && !nearestFirst.some((heading) => heading.foreign);
    // Where the columns are targets, one headed `α5` or `PCP site 2` is a target the dictionary does not know.
    const unknownTargetColumn = orientation !== 'target-rows' && nearestFirst.some((heading) => heading.unknownSymbol);
    const columnAffinity = firstOf(nearestFirst, (heading) => heading.affinityWord);
    const columnIsOther = nearestFirst.length > 0 && !columnLabel && !columnAffinity && !columnNames && !unknownCompoundColumn && !unknownTargetColumn && nearestFirst.some((heading) => heading.foreign || heading.otherWords);
    // A cell written as prose that names its own measure (`Haloperidol: σ1 Ki = 6.44 nM`) is read under any header.
    const namesOwnMeasure = cell.kind === 'text' && this.isProseValueCell(cell);
    if (!namesOwnMeasure && (columnIsOther || (nearestFirst.some((heading) => heading.foreign) && !columnLabel))) return;

    const namedLabel: FoundLabel | undefined =
      (columnLabel && { value: columnLabel, from: 'header' }) ??
      (rowLabel && { value: rowLabel, from: 'header' }) ??
      (spanningLabel && { value: spanningLabel, from: 'header' }) ??
      (this.caption?.label && { value: this.caption.label, from: 'caption' }) ??
      foundIn(this.around, (heading) => heading.label, 'context');
    const affinityWord = namedLabel ? undefined : columnAffinity ?? firstOf(row, (heading) => heading.affinityWord) ?? firstOf(spanning, (heading) => heading.affinityWord) ?? this.caption?.affinityWord ?? firstOf(this.around, (heading) => heading.affinityWord);
    const label: FoundLabel | undefined = namedLabel ?? (affinityWord && { value: { ...affinityWord, measure: 'Ki', scale: 'concentration' }, from: 'affinity-word' });
    const unit: Found<ConcentrationUnit> | undefined =
      foundIn(nearestFirst, (heading) => heading.unit, 'header') ??
      foundIn(row, (heading) => heading.unit, 'header') ??
      foundIn(spanning, (heading) => heading.unit, 'header') ??
      (this.caption?.unit && { value: this.caption.unit, from: 'caption' }) ??
      foundIn(this.around, (heading) => heading.unit, 'context');

    // The nearest header that names something says what the column is: `M` under `5HT2A` is not 5HT2A.
    const columnTarget = nearestFirst.find(namesSomething)?.target;
    const columnCompound = firstOf(nearestFirst, (heading) => heading.compound);
    const rowTarget = firstOf(row, (heading) => heading.target);
    const rowCompound = rowName?.metabolite || orientation === 'target-rows' ? undefined : firstOf(row, (heading) => heading.compound);
    const rowsNameCompounds = orientation === 'compound-rows' || orientation === 'unknown-rows';
    const rowsNameTargets = orientation === 'target-rows';
    const target = pick([columnTarget, 'table-column'], [rowTarget, 'table-row'], [rowsNameTargets || unknownTargetColumn ? undefined : this.caption?.target, 'table-caption']);
    let compound = pick([rowCompound, 'table-row'], [columnCompound, 'table-column']);
    // A column headed by an unknown or qualified name is that compound's, known or not: nothing else stands in.
    const columnNamesUnknown = nearestFirst.some((heading) => heading.qualifiedCompound || (orientation === 'target-rows' && heading.otherWords && !heading.compound));
    if (!compound && !rowsNameCompounds && !rowName?.metabolite && !columnNamesUnknown) compound = this.subjectCompound(cell.cell.start);

    if (cell.kind === 'value') {
      if (!label) return;
      const value = readCellValue(this.input, cell.cell);
      if (!value) {
        this.readProseCell(cell, { compound, target, label, unit });
        return;
      }
      // `affinity` alone says the values are binding constants only where a unit says they are concentrations.
      if (label.from === 'affinity-word' && !unit && !value.item.unit) return;
      // A value in an affinity table is read even when its row and column name nothing the dictionary knows.
      const statement = buildStatement({
        text: this.input.text,
        item: value.item,
        label: label.value,
        measureSpan: { start: label.value.start, end: label.value.end },
        measureFrom: label.from,
        relation: value.relation ?? '=',
        relationSignStart: value.relationStart,
        fallbackUnit: unit && { unit: unit.value, from: unit.from },
        unitOptional: true,
        compound,
        target,
        context: 'table',
      });
      if (statement) this.out.push(statement);
      return;
    }
    this.readProseCell(cell, { compound, target, label, unit });
  }

  private readProseCell(cell: GridCell, context: { compound?: EntityAt; target?: EntityAt; label?: FoundLabel; unit?: Found<ConcentrationUnit> }): void {
    if (context.label?.from === 'affinity-word' && !context.unit) context = { ...context, label: undefined };
    if (!this.isProseValueCell(cell) && !context.label) return;
    const cellContext: CellContext = {
      span: { start: cell.cell.start, end: cell.cell.end },
      compound: context.compound,
      target: context.target,
      label: context.label?.value,
      labelFrom: context.label?.from,
      unit: context.unit && { unit: context.unit.value, from: context.unit.from },
    };
    this.out.push(...extractFromCell(this.input, cellContext));
  }

  private subjectCompound(offset: number): EntityAt | undefined {
    if (this.caption?.compound) return entityAt(this.caption.compound, 'table-caption');
    if (this.lead) return entityAt(this.lead, 'paragraph-subject');
    const heading = this.input.headingSubjectAt?.(offset);
    if (heading) return entityAt(heading, 'heading');
    return this.input.documentSubject && entityAt(this.input.documentSubject, 'document-subject');
  }

  /** A cell with words and a measure followed by a value (`Low affinity to CB1 (Ki = 3.3 µM)`): read as prose. */
  /** The lines of a grid-table row that `line` is one of (`[line]` in other tables). */
  private linesOfRow(line: number): number[] {
    const groups = this.rowGroups;
    if (!groups) return [line];
    const lines: number[] = [];
    for (let other = line; other >= 0 && groups[other] === groups[line]; other--) lines.unshift(other);
    for (let other = line + 1; other < groups.length && groups[other] === groups[line]; other++) lines.push(other);
    return lines;
  }

  /** Asked of one cell by the column, row and value passes alike: worked out once. */
  private isProseValueCell(cell: GridCell): boolean {
    let answer = this.proseValueCells.get(cell.cell);
    if (answer === undefined) {
      answer = this.readsAsProseValue(cell);
      this.proseValueCells.set(cell.cell, answer);
    }
    return answer;
  }

  private readsAsProseValue(cell: GridCell): boolean {
    if (cell.kind !== 'text') return false;
    const { masked } = this.input;
    // `MT1: 0.10`: a target and its value, under a row or column that says what the values are.
    const [first] = mentionsWithin(this.input.mentions, cell.cell);
    if (first?.kind === 'target' && first.start === cell.cell.start && TARGET_THEN_VALUE.test(masked.slice(first.end, cell.cell.end))) return true;
    for (let position = cell.cell.start; position < cell.cell.end; position++) {
      if (!startsWordAt(masked, position) && masked.charCodeAt(position) !== 92) continue;
      const label = readMeasureAt(masked, position);
      if (!label || label.end > cell.cell.end) continue;
      if (MEASURE_THEN_VALUE.test(masked.slice(label.end, Math.min(cell.cell.end, label.end + 40)))) return true;
      position = label.end - 1;
    }
    return false;
  }

  private kindOf(cell: TableCell): CellKind {
    const text = stripCellMarkup(this.input.masked.slice(cell.start, cell.end));
    if (EMPTY_CELL.test(text)) return 'empty';
    const value = readCellValue(this.input, cell);
    return value && VALUE_TAIL.test(stripCellMarkup(this.input.masked.slice(value.item.end, cell.end))) ? 'value' : 'text';
  }

  private heading(span: Span & { text?: string }, stated = false): Heading {
    const cached = this.headings.get(span as TableCell);
    if (cached) return cached;
    const heading = readHeading(this.input, span, stated);
    this.headings.set(span as TableCell, heading);
    return heading;
  }
}

/**
 * The naming cells of a row, a merged first cell (left empty under a name) taking the name above; a new name in the
 * first column starts a new entity.
 */
function carryRowName(previous: RowName | undefined, named: readonly GridCell[]): RowName | undefined {
  if (named.length === 0) return previous;
  if (named[0].kind !== 'empty' || !previous) return named.some((cell) => cell.kind !== 'empty') ? { cells: [...named], metabolite: false } : previous;
  const cells = previous.cells.map((cell, index) => (index > 0 && named[index] && named[index].kind !== 'empty' ? named[index] : cell));
  return { cells, metabolite: previous.metabolite };
}

interface RowName {
  cells: GridCell[];
  /** A `[active metabolite]` label row followed: the values are not the named compound's. */
  metabolite: boolean;
}

/** Cells placed in logical columns: a cell spanning three columns covers them all. */
function layOut(row: readonly TableCell[], kindOf: (cell: TableCell) => CellKind): GridCell[] {
  let column = 0;
  return row.map((cell) => {
    const columns = cell.columns ?? 1;
    const placed: GridCell = { cell, kind: kindOf(cell), column, columns };
    column += columns;
    return placed;
  });
}

function namesSomething(heading: Heading): boolean {
  return heading.target !== undefined || heading.compound !== undefined || heading.unknownSymbol;
}

function firstOf<T>(headings: readonly Heading[], get: (heading: Heading) => T | undefined): T | undefined {
  for (const heading of headings) {
    const value = get(heading);
    if (value !== undefined) return value;
  }
  return undefined;
}

function foundIn<T>(headings: readonly Heading[], get: (heading: Heading) => T | undefined, from: UnitSource & MeasureSource): Found<T> | undefined {
  const value = firstOf(headings, get);
  return value === undefined ? undefined : { value, from };
}

function pick(...candidates: Array<[Mention | undefined, EntitySource]>): EntityAt | undefined {
  for (const [mention, via] of candidates) if (mention) return entityAt(mention, via);
  return undefined;
}

/** Formatting a cell's value may carry: `\cellcolor{gray}`, `\fbox{…}`, `\textbf{…}`, `**…**`, `$…$`, braces. */
const CELL_MARKUP = /\\(?:cellcolor|rowcolor|color)(?:\[[^\]]*\])?\{[^}]*\}|\\(?:fbox|textbf|textit|emph|mathbf|mathrm|text|textsuperscript|underline|bf|it|mbox|makecell)\b\s*|[{}$*_]+/g;

function stripCellMarkup(text: string): string {
  return text.replace(CELL_MARKUP, '').trim();
}

/** Skips what may stand before a cell's value: blanks, `{`, `$`, `*`, `_`, and formatting commands. */
function skipCellMarkup(text: string, start: number, end: number): number {
  let position = start;
  for (;;) {
    while (position < end && (isBlank(text.charCodeAt(position)) || '{$*_'.includes(text[position]))) position++;
    if (text.charCodeAt(position) !== 92) return position;
    CELL_MARKUP.lastIndex = position;
    const match = CELL_MARKUP.exec(text);
    if (!match || match.index !== position || match[0].length === 0) return position;
    position += match[0].length;
  }
}

/** A cell that starts with a value (`3.45`, `{0.5--1.1}`, `>10,000`, `$<$ 5`, `4.4 ± 0.3`, `\cellcolor{gray}2`). */
function readCellValue(input: TableInput, cell: Span): { item: ValueItem; relation?: Relation; relationStart?: number } | undefined {
  const { masked } = input;
  let position = skipCellMarkup(masked, cell.start, cell.end);
  // `±0.7`, `$\pm$5.5`: a mark some tables put before a partial agonist's value.
  const mark = /^(?:±|\\pm\b|\+\/-)\s*\$?/.exec(masked.slice(position, position + 6));
  if (mark) position = skipCellMarkup(masked, position + mark[0].length, cell.end);
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

/**
 * What may follow a cell's value: nothing, footnote marks (`0.23a`, `12*`, `^b^`), a note in brackets or parentheses
 * (`(3)`, `[12]`, `(n = 4)`), a citation (`[@key]`, `~\cite{key}`), a second error. A word glued to the number
 * (`5HT2C`, `2A`) makes the cell a name.
 */
const VALUE_TAIL = /^(?:[a-f](?![A-Za-z])|[*†‡§¶#^~]+|\[[^\]]*\]|\([^)]*\)|\\[A-Za-z]*cite[A-Za-z]*\*?(?:\[[^\]]*\])*\{?[^\s\\{}]*\}?|[,;]|\s)*$/;

/** After a measure in a cell, a relation and a number: `Ki = 3.3`, `IC50: 5 nM`, `KB of 79`, `Ki values of 2`. */
const TARGET_THEN_VALUE = /^\s*:\s*(?:[<>≤≥~≈]\s*)?\d/;
const MEASURE_THEN_VALUE = /^\s*(?:values?\s*)?(?:\((?:[pnµμu]M|nmol\/L|[^()\s]{1,12})\)\s*)?(?:[\p{L}\d][\p{L}\d.-]{0,9}\s*(?==|:))?(?:=|:|<|>|≤|≥|≈|~|∼|\bof\b|\bwas\b|\bwere\b|\bis\b|\\approx|\\sim|&[lg]t;)\s*(?:[<>≤≥~≈]\s*)?\$?\s*\d/u;

/** Header words that say nothing of what a column holds: `Value`, `Affinity`, `Mean ± SEM`, `human`. */
const NEUTRAL_WORDS = /^(?:values?|affinit(?:y|ies)|binding|actions?|effects?|activit(?:y|ies)|profiles?|potency|potencies|means?|data|results?|estimates?|measured|apparent|observed|human|rat|mouse|cloned|recombinant|native|receptors?|transporters?|channels?|constants?|inhibition|dissociation|geometric|arithmetic|SEM|SD|SE|and|or|of|at|for|in|the|with|vs|nM|µM|μM)$/i;

/** Words that make a column something other than affinities. */
const FOREIGN_WORDS = /\b(?:dose|doses|dosage|MW|mol\.?\s*wt|molecular weight|fu|unbound|Emax|E\s*max|efficacy|intrinsic activity|Hill|nH|slope|occupancy|Bmax|B\s*max|t1\/2|half-life|Cmax|Cmin|Cavg|Css|Ctrough|AUC|clearance|logP|cLogP|tPSA|PSA|route|year|references?|refs?)\b|%|^\s*\(?[nN]\)?\s*$/;
const AFFINITY_WORD = /\baffinit(?:y|ies)\b/i;
/** Words that say the numbers are something other than binding constants: `potency`, `inhibition`, `IC50`. */
const OTHER_MEASURE_WORDS = /\b(?:potenc(?:y|ies)|inhibit\w*|IC\s?50|EC\s?50|functional|efficacy|activity)\b/i;
const RATIO_WORDS = /\bratios?\b|selectiv|\bfold\b/i;

/**
 * What a header cell or caption says: the first measure label, the first unit (in a caption or note only a unit
 * that stands alone, `(Ki, nM)`, not one after a number, `at 10 µM`), the names in it, and whether it holds other words.
 */
function readHeading(input: TableInput, span: Span, stated: boolean): Heading {
  const { masked } = input;
  let label: MeasureLabel | undefined;
  let unit: ConcentrationUnit | undefined;
  const mentions = mentionsWithin(input.mentions, span);
  let mentionIndex = 0;
  let otherWords = false;
  let leftover = '';
  for (let position = span.start; position < span.end; position++) {
    while (mentionIndex < mentions.length && mentions[mentionIndex].end <= position) mentionIndex++;
    const mention = mentions[mentionIndex];
    if (mention && mention.start <= position) {
      position = mention.end - 1;
      continue;
    }
    if (!startsWordAt(masked, position) && masked.charCodeAt(position) !== 92) continue;
    const measure = label ? undefined : readMeasureAt(masked, position);
    if (measure && measure.end <= span.end) {
      label = measure;
      position = measure.end - 1;
      continue;
    }
    const read = readUnitAt(masked, position);
    if (read && read.end <= span.end) {
      // A bare `M` is a unit only in parentheses (`Ki (M)`); alone it is a name (`M` for muscarinic receptors).
      const bareMolar = read.kind === 'concentration' && masked.slice(read.start, read.end) === 'M' && !(masked[read.start - 1] === '(' && masked[read.end] === ')');
      if (read.kind === 'concentration' && !unit && !bareMolar && (!stated || standsAlone(masked, position, span.start))) unit = read.unit;
      position = read.end - 1;
      continue;
    }
    const word = /^[\p{L}\p{N}]+/u.exec(masked.slice(position, Math.min(span.end, position + 40)))?.[0] ?? '';
    if (/\p{L}/u.test(word) && masked[position - 1] !== '\\' && !isFootnoteMark(masked, position, word) && !NEUTRAL_WORDS.test(word)) {
      otherWords = true;
      leftover += ` ${word}`;
    }
    if (word.length > 1) position += word.length - 1;
  }
  const cellText = masked.slice(span.start, span.end);
  // `Ic50 (nm)` in a table styled in lower case: nanomolar, since it qualifies a measure.
  if (label && !unit && !stated && /\(\s*nm\s*\)/.test(cellText)) unit = 'nM';
  let target = mentions.find((mention) => mention.kind === 'target');
  if (!target && !stated && label) {
    // `Ki 1B * (nM)`: a subtype alone, in a paper that names its family elsewhere.
    const subtype = leftover.trim();
    if (/^[0-9][A-Za-z]?$|^[A-Za-z][0-9][A-Za-z]?$/.test(subtype)) target = input.subtypeTarget?.(subtype);
    if (target) otherWords = false;
  }
  const named = mentions.find((mention) => mention.kind === 'compound');
  const qualifiedCompound = named !== undefined && !stated && isQualified(masked, span, named);
  const affinity = label || OTHER_MEASURE_WORDS.test(cellText) ? null : AFFINITY_WORD.exec(cellText);
  const symbolText = cellText.replace(/[$_{}~^*]|\\[a-z]+\b/g, '').trim();
  return {
    label,
    unit,
    compound: qualifiedCompound ? undefined : named,
    qualifiedCompound,
    // `D4.2`, `PCP site 2`, and a capital or two alone (`M` for the muscarinic receptors).
    unknownSymbol: !stated && !label && mentions.length === 0 && ((symbolText.length <= 14 && /\d/.test(symbolText) && /^[\p{L}\d][\p{L}\d .-]*$/u.test(symbolText)) || /^\p{Lu}\p{Ll}?$/u.test(symbolText)),
    target,
    otherWords,
    ratio: RATIO_WORDS.test(cellText) || (mentions.length >= 2 && /\//.test(cellText) && !/\d\s*\/\s*\d/.test(cellText)),
    foreign: !label && (FOREIGN_WORDS.test(cellText) || /\((?:mg|g|h|min|%|g\/mol|kg|mL|years?)[^)]*\)/.test(cellText)),
    metabolite: /\bmetabolites?\b/i.test(cellText),
    affinityWord: affinity ? { start: span.start + affinity.index, end: span.start + affinity.index + affinity[0].length } : undefined,
  };
}

/** Salt and form words that may follow a compound's name without making it another compound. */
const SALT_WORDS = /^(?:hydrochloride|hcl|hydrobromide|maleate|fumarate|hemifumarate|citrate|succinate|tartrate|mesylate|besylate|oxalate|sulfate|sulphate|phosphate|sodium|potassium|acetate|bromide|chloride|dihydrochloride|monohydrate|salt|base|free)$/i;

/**
 * Letters written against a compound's name in a cell, outside parentheses and brackets (`R,R- Hydroxy bupropion`,
 * `Threo- hydro bupropion`): the cell names a derivative the dictionary does not know.
 */
function isQualified(text: string, span: Span, mention: Mention): boolean {
  const before = text.slice(span.start, mention.start).replace(/\([^)]*\)|\[[^\]]*\]|\$[^$]*\$|\\\w+/g, ' ');
  const after = text.slice(mention.end, span.end).replace(/\s*[([{].*$/s, '').replace(/\$[^$]*\$|\\\w+/g, ' ');
  const words = [...before.matchAll(/\p{L}{2,}/gu), ...after.matchAll(/\p{L}{2,}/gu)].map((match) => match[0]);
  return words.some((word) => !SALT_WORDS.test(word) && !NEUTRAL_WORDS.test(word));
}

/** A footnote letter or mark glued to a word or standing alone: `Receptorsa`, `ᵃ`, a single `a`–`f` after a name. */
function isFootnoteMark(text: string, position: number, word: string): boolean {
  return word.length === 1 && /[a-f]/.test(word) && (position === 0 || !/\s/.test(text[position - 1]) || /^\s*$/.test(text.slice(position + 1, position + 2)));
}

/** A unit written on its own (`(Ki, nM)`, `in µM`), not after a number (`at 10 µM`). */
function standsAlone(text: string, position: number, floor: number): boolean {
  let before = position - 1;
  while (before >= floor && isBlank(text.charCodeAt(before))) before--;
  return before < floor || !(isDigit(text.charCodeAt(before)) || text[before] === '}' || text[before] === '%');
}

/**
 * A caption written above a Markdown table without Pandoc's `Table:`: the paragraph right above it, when it or the
 * paragraph before it starts `Table 2.` / `**Table 1:**` (the caption may run on in the next paragraph).
 */
function captionLineBefore(text: string, tableStart: number): Span | undefined {
  let end = tableStart;
  for (let paragraphs = 0; paragraphs < 2; paragraphs++) {
    while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
    if (end === 0) return undefined;
    const blank = text.lastIndexOf('\n\n', end - 1);
    const start = blank < 0 ? 0 : blank + 2;
    const paragraph = text.slice(start, end);
    if (/^\s*(\*\*|__)?(Table|TABLE|Tab\.)\s*[A-Z]?\d*[.:]/.test(paragraph)) {
      const captionEnd = paragraphs === 0 ? end : nextParagraphEnd(text, end, tableStart);
      return paragraph.length > 600 ? undefined : { start, end: captionEnd };
    }
    if (paragraph.length > 600 || paragraph.includes('|')) return undefined;
    end = start;
  }
  return undefined;
}

function nextParagraphEnd(text: string, from: number, limit: number): number {
  let end = limit;
  while (end > from && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}
