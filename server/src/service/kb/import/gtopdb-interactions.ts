/**
 * Reads a GtoPdb `interactions.csv` in either layout: the current download (44 columns such as `Target ID`, first line a
 * quoted `# GtoPdb Version: …` banner) and the older snake_case export (`target_id`, no banner). Columns are looked up
 * by name. A row that cannot be read is reported with its line and skipped; the rest are still read.
 */
import { parse } from 'csv-parse/sync';
import type { Measure, Relation } from '../types.js';
import { stripMarkup } from '../markup.js';

export interface GtopdbInteraction {
  /** Line of the row in the file (1-based; the line where the row ends when a quoted field spans lines). */
  line: number;
  ligandId: number;
  ligandName: string;
  targetId: number;
  targetName: string;
  species: string;
  approvedDrug: boolean;
  primaryTarget: boolean;
  endogenous: boolean;
  /** `Agonist (full agonist)`, `Antagonist`, `Allosteric modulator (negative)`. */
  action?: string;
  measure: Measure;
  relation: Relation;
  /** The value in nM; for a range, its low end (the highest p-value). */
  valueNm: number;
  valueHighNm?: number;
  /** `pKi 6.7–7.0`, `IC50 340 nM`. */
  asWritten: string;
  assay?: string;
  conditions?: string;
  pmids: string[];
}

export interface InteractionImport {
  /** `2024.1` from the banner line, when the file has one. */
  release?: string;
  layout: 'current' | 'snake_case';
  rowsRead: number;
  interactions: GtopdbInteraction[];
  /** Rows with no affinity (`-` or empty units): GtoPdb lists the interaction without a value. */
  withoutAffinity: number;
  /** Rows whose target is itself a GtoPdb ligand (a peptide or protein such as FLAP), not an entry of the target list. */
  ligandAsTarget: number;
  /** Rows with no target at all (an organism-level effect, e.g. parasite growth inhibition). */
  withoutTarget: number;
  skipped: { line: number; reason: string }[];
}

export class InteractionFileError extends Error {
  constructor(readonly source: string, readonly line: number, problem: string) {
    super(`${source}:${line}: ${problem}`);
    this.name = 'InteractionFileError';
  }
}

/** `Target ID`, `target_id` and `Target Id` are the same column. */
function columnKey(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** Columns read, as normalized keys; a tuple lists names releases have used for one column. */
const REQUIRED = {
  targetId: ['target_id'],
  target: ['target'],
  ligandId: ['ligand_id'],
  ligand: ['ligand'],
  species: ['target_species'],
  units: ['affinity_units'],
  high: ['affinity_high'],
  median: ['affinity_median'],
  low: ['affinity_low'],
  pubmed: ['pubmed_id'],
} as const;
const OPTIONAL = {
  approved: ['approved', 'approved_drug'],
  primaryTarget: ['primary_target'],
  endogenous: ['endogenous'],
  type: ['type'],
  action: ['action'],
  originalUnits: ['original_affinity_units'],
  originalLow: ['original_affinity_low_nm'],
  originalMedian: ['original_affinity_median_nm'],
  originalHigh: ['original_affinity_high_nm'],
  originalRelation: ['original_affinity_relation'],
  assay: ['assay_description'],
  receptorSite: ['receptor_site'],
  ligandContext: ['ligand_context'],
  targetLigand: ['target_ligand'],
} as const;
type ColumnName = keyof typeof REQUIRED | keyof typeof OPTIONAL;

const MEASURES: Record<string, Measure> = { pki: 'Ki', pkd: 'Kd', pic50: 'IC50', pec50: 'EC50', pkb: 'Kb', pa2: 'pA2' };
/** The original unit that matches each measure (`KB` for pKB); another original unit is not the same value. */
const ORIGINAL_UNITS: Partial<Record<Measure, string>> = { Ki: 'ki', Kd: 'kd', IC50: 'ic50', EC50: 'ec50', Kb: 'kb' };
const RELATIONS = new Set(['=', '<', '>', '~', '<=', '>=']);
const NO_VALUE = new Set(['', '-', 'none']);

function isTrue(cell: string): boolean {
  return /^(t|true|yes|y|1)$/i.test(cell.trim());
}

/** A p-value as curators entered it: the file stores float32 text (`6.46999979019165` for 6.47). */
function pValue(cell: string): number | undefined {
  if (NO_VALUE.has(cell.trim().toLowerCase())) return undefined;
  const p = Number(cell);
  return Number.isFinite(p) ? Math.round(p * 100) / 100 : NaN;
}

/** A value in nM as curators entered it, without the float32 noise of the file (`4.09999990463257` is 4.1). */
function nmCell(cell: string): number | undefined {
  if (NO_VALUE.has(cell.trim().toLowerCase())) return undefined;
  const value = Number(cell);
  return Number.isFinite(value) && value > 0 ? Number(value.toPrecision(6)) : NaN;
}

/** 10^(9−p) nM to three significant digits. */
function nmFromP(p: number): number {
  return Number((10 ** (9 - p)).toPrecision(3));
}

function printP(p: number): string {
  return p.toFixed(2).replace(/0$/, '');
}

function cleanText(cell: string | undefined): string | undefined {
  const text = cell === undefined ? '' : stripMarkup(cell);
  return text === '' || text.toLowerCase() === 'none' ? undefined : text;
}

function actionOf(type: string | undefined, action: string | undefined): string | undefined {
  const kind = cleanText(type);
  const detail = cleanText(action);
  if (!kind) return detail;
  if (!detail || detail.toLowerCase() === kind.toLowerCase() || /^(inhibition|binding)$/i.test(detail)) return kind;
  return `${kind} (${detail.toLowerCase()})`;
}

/** The banner's release: `"# GtoPdb Version: 2024.1 - published: 2024-02-15"` → `2024.1`. */
function releaseOf(firstLine: string): string | undefined {
  return /GtoPdb Version:\s*([0-9]{4}\.[0-9]+)/i.exec(firstLine)?.[1];
}

type Reader = (cells: string[], name: ColumnName) => string;

function columnReader(header: string[], source: string): Reader {
  const keys = header.map(columnKey);
  const index = new Map<ColumnName, number>();
  const missing: string[] = [];
  for (const [name, aliases] of Object.entries({ ...REQUIRED, ...OPTIONAL }) as [ColumnName, readonly string[]][]) {
    const at = keys.findIndex((key) => aliases.includes(key));
    if (at >= 0) index.set(name, at);
    else if (name in REQUIRED) missing.push(aliases[0]);
  }
  if (missing.length > 0) {
    throw new InteractionFileError(source, 1, `not a GtoPdb interactions file: missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (found: ${header.slice(0, 8).join(', ')}${header.length > 8 ? ', …' : ''})`);
  }
  return (cells, name) => {
    const at = index.get(name);
    return at === undefined ? '' : (cells[at] ?? '').trim();
  };
}

class RowProblem extends Error {}

function positiveId(cell: string, column: string): number {
  const id = Number(cell);
  if (!Number.isInteger(id) || id <= 0) throw new RowProblem(`${column} is not a positive integer: ${JSON.stringify(cell)}`);
  return id;
}

/** The value of one row in nM, preferring the curators' own nM figures to the rounded p-scale. */
function valueOf(get: Reader, cells: string[], measure: Measure, units: string) {
  const [high, median, low] = [pValue(get(cells, 'high')), pValue(get(cells, 'median')), pValue(get(cells, 'low'))];
  if ([high, median, low].some((p) => Number.isNaN(p))) throw new RowProblem(`an affinity value is not a number (high ${JSON.stringify(get(cells, 'high'))}, median ${JSON.stringify(get(cells, 'median'))}, low ${JSON.stringify(get(cells, 'low'))})`);
  const top = high ?? median ?? low;
  const bottom = low ?? median ?? high;
  if (top === undefined || bottom === undefined) return undefined;
  if (top < bottom) throw new RowProblem(`affinity high ${top} is below affinity low ${bottom}`);
  if (top > 15 || bottom < -3) throw new RowProblem(`${units} ${top} is outside any affinity scale`);
  const originalUnits = get(cells, 'originalUnits').toLowerCase();
  const sameUnits = originalUnits !== '' && originalUnits === ORIGINAL_UNITS[measure];
  const originalMedian = sameUnits ? nmCell(get(cells, 'originalMedian')) : undefined;
  const rawRelation = get(cells, 'originalRelation');
  const relation = (sameUnits && RELATIONS.has(rawRelation) ? rawRelation : '=') as Relation;
  if (top === bottom) {
    const valueNm = originalMedian !== undefined && !Number.isNaN(originalMedian) ? originalMedian : nmFromP(top);
    const asWritten = originalMedian !== undefined && !Number.isNaN(originalMedian) ? `${measure} ${relation === '=' ? '' : `${relation} `}${originalMedian} nM` : `${units} ${relation === '=' ? '' : `${relationOnPScale(relation)} `}${printP(top)}`;
    return { valueNm, relation, asWritten };
  }
  return { valueNm: nmFromP(top), valueHighNm: nmFromP(bottom), relation: '=' as Relation, asWritten: `${units} ${printP(bottom)}–${printP(top)}` };
}

/** `IC50 > 10 µM` is `pIC50 < 5`. */
function relationOnPScale(relation: Relation): string {
  return ({ '<': '>', '>': '<', '<=': '>=', '>=': '<=' } as Record<string, string>)[relation] ?? relation;
}

function readRow(get: Reader, cells: string[], line: number): GtopdbInteraction | 'no affinity' | 'ligand as target' | 'no target' {
  const units = get(cells, 'units');
  if (NO_VALUE.has(units.toLowerCase())) return 'no affinity';
  if (get(cells, 'target') === '' && get(cells, 'targetLigand') !== '') return 'ligand as target';
  if (get(cells, 'target') === '' && get(cells, 'targetId') === '') return 'no target';
  const measure = MEASURES[units.toLowerCase()];
  if (!measure) throw new RowProblem(`unknown affinity units ${JSON.stringify(units)} (expected pKi, pKd, pIC50, pEC50, pKB or pA2)`);
  const value = valueOf(get, cells, measure, units);
  if (!value) return 'no affinity';
  const ligandName = cleanText(get(cells, 'ligand'));
  const targetName = cleanText(get(cells, 'target'));
  if (!ligandName) throw new RowProblem('the ligand name is empty');
  if (!targetName) throw new RowProblem('the target name is empty');
  const conditions = [
    cleanText(get(cells, 'receptorSite')) && `receptor site: ${cleanText(get(cells, 'receptorSite'))}`,
    cleanText(get(cells, 'ligandContext')) && `ligand context: ${cleanText(get(cells, 'ligandContext'))}`,
  ].filter((part): part is string => Boolean(part));
  const pmids = get(cells, 'pubmed').split(/[|;,\s]+/).filter((pmid) => pmid !== '');
  const badPmid = pmids.find((pmid) => !/^[0-9]{1,9}$/.test(pmid));
  if (badPmid) throw new RowProblem(`PubMed ID is not a number: ${JSON.stringify(badPmid)}`);
  const assay = cleanText(get(cells, 'assay'));
  const action = actionOf(get(cells, 'type'), get(cells, 'action'));
  return {
    line,
    ligandId: positiveId(get(cells, 'ligandId'), 'Ligand ID'),
    ligandName,
    targetId: positiveId(get(cells, 'targetId'), 'Target ID'),
    targetName,
    species: (cleanText(get(cells, 'species')) ?? 'unknown').toLowerCase(),
    approvedDrug: isTrue(get(cells, 'approved')),
    primaryTarget: isTrue(get(cells, 'primaryTarget')),
    endogenous: isTrue(get(cells, 'endogenous')),
    ...(action ? { action } : {}),
    measure,
    ...value,
    ...(assay ? { assay } : {}),
    ...(conditions.length ? { conditions: conditions.join('; ') } : {}),
    pmids: [...new Set(pmids)],
  };
}

/** csv-parse's wording, in the reader's: `Invalid Record Length: expect 38, got 35 on line 7` → `expected 38 fields, found 35`. */
function readableCsvProblem(message: string): string {
  const length = /Invalid Record Length: expect (\d+), got (\d+)/.exec(message);
  if (length) return `expected ${length[1]} fields, found ${length[2]}`;
  return message.replace(/ on line \d+$| at line \d+/, '');
}

/** Parses a whole interactions file. Throws `InteractionFileError` only when the file as a whole is not one. */
export function importGtopdbInteractions(text: string, source: string): InteractionImport {
  const body = text.replace(/^\uFEFF/, '');
  const firstLineEnd = body.indexOf('\n');
  const firstLine = firstLineEnd < 0 ? body : body.slice(0, firstLineEnd);
  const hasBanner = /^"?#/.test(firstLine);
  const skippedByLine = new Map<number, string>();
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      info: true,
      from_line: hasBanner ? 2 : 1,
      relax_column_count: false,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (!error) return undefined;
        const line = Number((error as unknown as { lines?: number }).lines ?? 0);
        if (!skippedByLine.has(line)) skippedByLine.set(line, readableCsvProblem(error.message));
        return undefined;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw new InteractionFileError(source, line, error instanceof Error ? error.message : String(error));
  }
  const unparsedRows = skippedByLine.size;
  const [header, ...rows] = records;
  if (!header) throw new InteractionFileError(source, 1, 'the file is empty: no header row');
  const get = columnReader(header.record, source);
  const layout = header.record.some((name) => name.trim() === 'target_id') ? 'snake_case' : 'current';
  const interactions: GtopdbInteraction[] = [];
  let withoutAffinity = 0;
  let ligandAsTarget = 0;
  let withoutTarget = 0;
  for (const { record, info } of rows) {
    try {
      const interaction = readRow(get, record, info.lines);
      if (interaction === 'no affinity') withoutAffinity++;
      else if (interaction === 'ligand as target') ligandAsTarget++;
      else if (interaction === 'no target') withoutTarget++;
      else interactions.push(interaction);
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      skippedByLine.set(info.lines, error.message);
    }
  }
  const release = hasBanner ? releaseOf(firstLine) : undefined;
  return {
    ...(release ? { release } : {}),
    layout,
    rowsRead: rows.length + unparsedRows,
    interactions,
    withoutAffinity,
    ligandAsTarget,
    withoutTarget,
    skipped: [...skippedByLine].map(([line, reason]) => ({ line, reason })).sort((a, b) => a.line - b.line),
  };
}
