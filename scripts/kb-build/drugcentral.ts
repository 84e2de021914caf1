/** Import of DrugCentral drug–target activity extracts (TSV) with the curators' `qc_note` triage. */
import type { Measure, Relation } from '../../server/src/service/kb/types.js';
import { columns, parseDelimited, SourceFormatError, splitMulti } from '../../server/src/service/kb/csv.js';

export interface DrugCentralRow {
  source: string;
  line: number;
  drug: string;
  genes: string[];
  accessions: string[];
  organism: string;
  actType: string;
  valueP?: number;
  valueNm?: number;
  actSource: string;
  relation: Relation;
  comment: string;
  qcNote: string;
}

const COLUMNS = [
  'DRUG_NAME', 'GENE', 'ACCESSION', 'ORGANISM', 'ACT_TYPE', 'ACT_VALUE_p', 'ACT_VALUE_nM_derived', 'ACT_SOURCE',
  'RELATION', 'ACT_COMMENT_excerpt', 'qc_note',
] as const;

function optionalNumber(cell: string, source: string, line: number, field: string): number | undefined {
  if (cell === '') return undefined;
  const n = Number(cell);
  if (!Number.isFinite(n)) throw new SourceFormatError(source, line, `field "${field}" is not a number: ${JSON.stringify(cell)}`);
  return n;
}

function parseRelation(cell: string, source: string, line: number): Relation {
  if (cell === '') return '=';
  if (['=', '<', '>', '~', '<=', '>='].includes(cell)) return cell as Relation;
  throw new SourceFormatError(source, line, `field "RELATION" is not a relation: ${JSON.stringify(cell)}`);
}

export function importDrugCentral(text: string, source: string): DrugCentralRow[] {
  const table = parseDelimited(text, source, '\t');
  const get = columns(table, COLUMNS);
  return table.rows.map((row) => {
    const drug = get(row, 'DRUG_NAME').toLowerCase();
    if (!drug) throw new SourceFormatError(source, row.line, 'field "DRUG_NAME" is empty');
    return {
      source,
      line: row.line,
      drug,
      genes: splitMulti(get(row, 'GENE')),
      accessions: splitMulti(get(row, 'ACCESSION')),
      organism: get(row, 'ORGANISM'),
      actType: get(row, 'ACT_TYPE'),
      valueP: optionalNumber(get(row, 'ACT_VALUE_p'), source, row.line, 'ACT_VALUE_p'),
      valueNm: optionalNumber(get(row, 'ACT_VALUE_nM_derived'), source, row.line, 'ACT_VALUE_nM_derived'),
      actSource: get(row, 'ACT_SOURCE'),
      relation: parseRelation(get(row, 'RELATION'), source, row.line),
      comment: get(row, 'ACT_COMMENT_excerpt'),
      qcNote: get(row, 'qc_note'),
    };
  });
}

export type QcVerdict =
  | { keep: false; reason: string }
  | { keep: true; outlier: boolean; duplicatesTatsumi: boolean };

/** Notes that make a row unusable as an affinity of the named drug at the named target. */
const EXCLUDING_NOTES: [RegExp, string][] = [
  [/mis-?mapped/i, 'mis-mapped target'],
  [/target label questionable/i, 'questionable target label'],
  [/non-specific/i, 'non-specific target'],
  [/substrate Km|not an affinity/i, 'substrate Km, not an affinity'],
  [/no ACT_VALUE/i, 'no value in source'],
  [/guinea pig/i, 'assay tissue is not the stated species'],
  [/species mismatch/i, 'assay tissue is not the stated species'],
];

/** Reads the curators' qc_note: exclude, keep as outlier, or keep (possibly as a copy of Tatsumi 1997). */
export function classifyQcNote(note: string): QcVerdict {
  for (const [pattern, reason] of EXCLUDING_NOTES) {
    if (pattern.test(note)) return { keep: false, reason };
  }
  return {
    keep: true,
    outlier: /suspicious|outlier|>\s*100x/i.test(note),
    duplicatesTatsumi: /(^|\s)=\s*Tatsumi/i.test(note),
  };
}

const MEASURES: Record<string, Measure> = { Ki: 'Ki', Kd: 'Kd', IC50: 'IC50', EC50: 'EC50', Kb: 'Kb', pA2: 'pA2' };

/** DrugCentral ACT_TYPE → measure; `undefined` for types that are not affinities here (Km, AC50, empty). */
export function measureOf(actType: string): Measure | undefined {
  return MEASURES[actType];
}

const SPECIES: Record<string, string> = {
  'Homo sapiens': 'human',
  'Rattus norvegicus': 'rat',
  'Mus musculus': 'mouse',
  'Bos taurus': 'bovine',
  'Cavia porcellus': 'guinea pig',
  'Sus scrofa': 'pig',
  'Oryctolagus cuniculus': 'rabbit',
  'Chlorocebus aethiops': 'African green monkey',
  'Macaca mulatta': 'rhesus macaque',
};

export function speciesOf(organism: string): string {
  return SPECIES[organism] ?? organism;
}

/** `pKi 7.83` — the value as DrugCentral records it (ACT_VALUE is −log10 molar). */
export function asWrittenP(actType: string, valueP: number): string {
  return `p${actType} ${valueP}`;
}
