/** Import of the GtoPdb 2024.1 target and ligand lists (columns looked up by name; names stripped of HTML). */
import type { Target } from '../types.js';
import { columns, parseDelimited, SourceFormatError, splitMulti, type Row } from '../csv.js';
import { stripMarkup } from '../markup.js';

const TARGET_COLUMNS = [
  'Type', 'Family name', 'Target id', 'Target name', 'Subunit id', 'Target systematic name', 'Target abbreviated name',
  'synonyms', 'HGNC symbol', 'HGNC name', 'Human SwissProt', 'RGD symbol', 'Rat SwissProt', 'MGI symbol', 'Mouse SwissProt',
] as const;

export interface TargetImport {
  targets: Target[];
  /**
   * Other spellings of names GtoPdb writes with a subscript letter: `GABA<sub>A</sub>` is `GABAA` once stripped, and
   * writers type `GABA-A`, `GABA(A)` or `GABA A`.
   */
  subscriptSpellings: Map<string, string[]>;
  /** Rows read; a target listed under several families has one row per family. */
  rowCount: number;
}

function optional(value: string): string | undefined {
  return value === '' ? undefined : value;
}

function positiveInteger(value: string, source: string, row: Row, field: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new SourceFormatError(source, row.line, `field "${field}" is not a positive integer: ${JSON.stringify(value)}`);
  return n;
}

/** De-duplication that keeps case variants (`A2A` and `A2a` are matched differently) and drops anything in `exclude`. */
export function uniqueNames(names: Iterable<string>, exclude: string[] = []): string[] {
  const seen = new Set(exclude);
  const result: string[] = [];
  for (const name of names) {
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    result.push(name);
  }
  return result;
}

function withoutEmpty<T extends Record<string, string | undefined>>(record: T): T | undefined {
  const entries = Object.entries(record).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
}

/**
 * Reads the target list. Each GtoPdb target becomes one `Target`: rows repeating a target id (one per family) are
 * merged. Ids are the HGNC symbol when it names exactly one target, otherwise `GtoPdb:<id>`.
 */
export function importGtopdbTargets(text: string, source: string): TargetImport {
  const table = parseDelimited(text, source);
  const get = columns(table, TARGET_COLUMNS);
  const byGtopdbId = new Map<number, { target: Target; subunitIds: number[] }>();
  const symbolOwners = new Map<string, Set<number>>();
  const subscriptSpellings = new Map<string, string[]>();
  const noteSubscripts = (raw: string) => {
    for (const match of raw.matchAll(/([A-Za-z]{2,})<sub>([A-Z])<\/sub>/g)) {
      const [, word, letter] = match;
      subscriptSpellings.set(`${word}${letter}`, [`${word}-${letter}`, `${word}(${letter})`, `${word} ${letter}`]);
    }
  };

  for (const row of table.rows) {
    noteSubscripts(get(row, 'Family name'));
    noteSubscripts(get(row, 'Target name'));
    const gtopdbId = positiveInteger(get(row, 'Target id'), source, row, 'Target id');
    const family = stripMarkup(get(row, 'Family name'));
    const existing = byGtopdbId.get(gtopdbId);
    if (existing) {
      if (family && !existing.target.family?.split('; ').includes(family)) {
        existing.target.family = existing.target.family ? `${existing.target.family}; ${family}` : family;
      }
      continue;
    }
    const name = stripMarkup(get(row, 'Target name'));
    if (!name) throw new SourceFormatError(source, row.line, 'field "Target name" is empty');
    const abbreviation = optional(stripMarkup(get(row, 'Target abbreviated name')));
    const human = optional(get(row, 'HGNC symbol'));
    const synonyms = uniqueNames(
      [
        ...splitMulti(get(row, 'synonyms')).map(stripMarkup),
        stripMarkup(get(row, 'Target systematic name')),
        stripMarkup(get(row, 'HGNC name')),
      ],
      [name, abbreviation ?? ''],
    );
    const target: Target = {
      id: '',
      name,
      ...(abbreviation ? { abbreviation } : {}),
      synonyms,
      genes: withoutEmpty({ human, rat: optional(get(row, 'RGD symbol')), mouse: optional(get(row, 'MGI symbol')) }) ?? {},
      ...optionalField('uniprot', withoutEmpty({
        human: optional(get(row, 'Human SwissProt')),
        rat: optional(get(row, 'Rat SwissProt')),
        mouse: optional(get(row, 'Mouse SwissProt')),
      })),
      ...(family ? { family } : {}),
      type: get(row, 'Type'),
      gtopdbId,
      roles: [],
    };
    const subunitIds = splitMulti(get(row, 'Subunit id')).map((s) => positiveInteger(s, source, row, 'Subunit id'));
    byGtopdbId.set(gtopdbId, { target, subunitIds });
    if (human && !human.includes('|')) {
      const owners = symbolOwners.get(human) ?? new Set<number>();
      owners.add(gtopdbId);
      symbolOwners.set(human, owners);
    }
  }

  for (const [gtopdbId, { target }] of byGtopdbId) {
    const symbol = target.genes.human;
    const owners = symbol ? symbolOwners.get(symbol) : undefined;
    // A symbol shared by two GtoPdb targets goes to the lower GtoPdb id; the other keeps `GtoPdb:<id>`.
    const ownsSymbol = owners !== undefined && Math.min(...owners) === gtopdbId;
    target.id = ownsSymbol ? symbol! : `GtoPdb:${gtopdbId}`;
  }
  for (const [, { target, subunitIds }] of byGtopdbId) {
    const members = subunitIds.map((id) => byGtopdbId.get(id)?.target.id).filter((id): id is string => id !== undefined);
    if (members.length > 0) target.members = members;
  }
  return { targets: [...byGtopdbId.values()].map((v) => v.target), rowCount: table.rows.length, subscriptSpellings };
}

function optionalField<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export interface GtopdbLigand {
  gtopdbId: number;
  name: string;
  type?: string;
}

/** Reads the ligand list (`Ligand ID`, `Name`, `Type`; the other columns are not relied on). */
export function importGtopdbLigands(text: string, source: string): GtopdbLigand[] {
  const table = parseDelimited(text, source);
  const get = columns(table, ['Ligand ID', 'Name', 'Type'] as const);
  const seen = new Set<number>();
  return table.rows.map((row) => {
    const gtopdbId = positiveInteger(get(row, 'Ligand ID'), source, row, 'Ligand ID');
    if (seen.has(gtopdbId)) throw new SourceFormatError(source, row.line, `duplicate Ligand ID ${gtopdbId}`);
    seen.add(gtopdbId);
    const name = stripMarkup(get(row, 'Name'));
    if (!name) throw new SourceFormatError(source, row.line, 'field "Name" is empty');
    const type = optional(get(row, 'Type'));
    return { gtopdbId, name, ...(type ? { type } : {}) };
  });
}

export interface GtopdbLigandNames {
  gtopdbId: number;
  name: string;
  /** Synonyms a writer may type: INN and other names; radiolabelled forms, patent and paper compound numbers left out. */
  synonyms: string[];
  /** Names GtoPdb marks with ® or ™. */
  brandNames: string[];
  approved: boolean;
}

/** `compound 17 [PMID: 12570381]`, `[125I]lysergide`, `example 5 [WO2015083028]`: labels, not names a writer types. */
const NOT_A_WRITTEN_NAME = /[[\]]|^(compound|example|cpd\.?|ex\.?)\s/i;

/** `Elavil®` → brand `Elavil`; `Tosymra® (nasal spray)` → brand `Tosymra`. */
function splitBrand(synonym: string): { brand?: string; name?: string } {
  const brand = /^(.*?)\s*[®™]/.exec(synonym);
  if (brand) return brand[1] ? { brand: brand[1] } : {};
  return { name: synonym };
}

/**
 * Reads the synonyms of a GtoPdb `ligands.csv` (any release: `Ligand id` or `Ligand ID`; `Synonyms` and `INN` when
 * present). Names are stripped of HTML; a name equal to the ligand's own is dropped.
 */
export function importGtopdbLigandNames(text: string, source: string): GtopdbLigandNames[] {
  const table = parseDelimited(text, source);
  const find = (...names: string[]): number => table.header.findIndex((header) => names.includes(header.toLowerCase()));
  const idColumn = find('ligand id');
  const nameColumn = find('name');
  if (idColumn < 0 || nameColumn < 0) throw new SourceFormatError(source, 1, `missing column "Ligand ID" or "Name" (header: ${table.header.join(', ')})`);
  const synonymsColumn = find('synonyms');
  const innColumn = find('inn');
  const approvedColumn = find('approved');
  const cell = (row: Row, column: number): string => (column < 0 ? '' : row.cells[column].trim());
  return table.rows.map((row) => {
    const gtopdbId = positiveInteger(cell(row, idColumn), source, row, 'Ligand ID');
    const name = stripMarkup(cell(row, nameColumn));
    const written = [stripMarkup(cell(row, innColumn)), ...splitMulti(cell(row, synonymsColumn)).map(stripMarkup)].filter((synonym) => synonym !== '' && !NOT_A_WRITTEN_NAME.test(synonym));
    const parts = written.map(splitBrand);
    return {
      gtopdbId,
      name,
      synonyms: uniqueNames(parts.flatMap((part) => (part.name ? [part.name] : [])), [name]),
      brandNames: uniqueNames(parts.flatMap((part) => (part.brand ? [part.brand] : [])), [name]),
      approved: /^(yes|true|t|1)$/i.test(cell(row, approvedColumn)),
    };
  });
}
