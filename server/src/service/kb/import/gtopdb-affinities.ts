/**
 * GtoPdb interactions as knowledge-base affinity records: one record per row with an affinity, its PubMed IDs as
 * references (one reference per PMID, the paper GtoPdb's curators took the value from). Used by the build of the
 * bundled base and by `pharmalens import-gtopdb`.
 */
import type { AffinityRecord, Measure, Reference } from '../types.js';
import type { GtopdbInteraction } from './gtopdb-interactions.js';

/** Record ids of GtoPdb imports start with this: an imported release replaces the bundled records by it. */
export const GTOPDB_RECORD_PREFIX = 'gtopdb:';

export interface AffinityResolvers {
  compoundOfLigand(ligandId: number): string | undefined;
  targetOfGtopdbId(targetId: number): string | undefined;
  /** A reference the base already holds for this PMID (with its authors and title), if any. */
  referenceOfPmid(pmid: string): string | undefined;
  /** The record this row repeats (same compound, target and paper in a source read first), if any. */
  duplicateOf?(compound: string, target: string, pmids: readonly string[], record: AffinityRecord): string | undefined;
}

export interface GtopdbAffinities {
  affinities: AffinityRecord[];
  /** A bare reference for each cited PMID the base does not hold: the PubMed ID and link, no invented details. */
  references: Reference[];
  /** Ligand ids of rows whose ligand no entry of the base has, with the name the file gives. */
  unknownLigands: Map<number, string>;
  unknownTargets: Map<number, string>;
  /** Rows left out because their ligand or target is unknown. */
  rowsWithoutEntry: number;
  duplicates: number;
}

export function pmidReferenceId(pmid: string): string {
  return `pmid:${pmid}`;
}

export function pmidReference(pmid: string): Reference {
  return { id: pmidReferenceId(pmid), authors: '', title: '', pmid, citationKey: `pmid${pmid}`, kind: 'paper' };
}

/** The reference of rows that cite no paper: the database itself. */
export function gtopdbReleaseReference(release: string): Reference {
  return {
    id: `gtopdb${release}`,
    authors: '',
    title: `IUPHAR/BPS Guide to PHARMACOLOGY (GtoPdb), release ${release}`,
    url: 'https://www.guidetopharmacology.org/',
    citationKey: `gtopdb${release.replace(/\W/g, '')}`,
    kind: 'database',
  };
}

export function gtopdbAffinityRecords(interactions: readonly GtopdbInteraction[], release: string, resolve: AffinityResolvers): GtopdbAffinities {
  const affinities: AffinityRecord[] = [];
  const references = new Map<string, Reference>();
  const unknownLigands = new Map<number, string>();
  const unknownTargets = new Map<number, string>();
  const rowsOfPair = new Map<string, number>();
  let rowsWithoutEntry = 0;
  let duplicates = 0;
  const releaseReference = gtopdbReleaseReference(release);
  const referenceFor = (pmid: string): string => {
    const known = resolve.referenceOfPmid(pmid);
    if (known) return known;
    const id = pmidReferenceId(pmid);
    if (!references.has(id)) references.set(id, pmidReference(pmid));
    return id;
  };
  for (const row of interactions) {
    const compound = resolve.compoundOfLigand(row.ligandId);
    const target = resolve.targetOfGtopdbId(row.targetId);
    if (!compound) unknownLigands.set(row.ligandId, row.ligandName);
    if (!target) unknownTargets.set(row.targetId, row.targetName);
    if (!compound || !target) {
      rowsWithoutEntry++;
      continue;
    }
    const pairKey = `${row.ligandId}:${row.targetId}`;
    const index = (rowsOfPair.get(pairKey) ?? 0) + 1;
    rowsOfPair.set(pairKey, index);
    const referenceIds = row.pmids.map(referenceFor);
    if (referenceIds.length === 0) references.set(releaseReference.id, releaseReference);
    const record: AffinityRecord = {
      id: `${GTOPDB_RECORD_PREFIX}${pairKey}:${index}`,
      compound,
      target,
      measure: row.measure,
      relation: row.relation,
      valueNm: row.valueNm,
      ...(row.valueHighNm !== undefined ? { valueHighNm: row.valueHighNm } : {}),
      asWritten: row.asWritten,
      species: row.species,
      ...(row.assay ? { assay: row.assay } : {}),
      ...(row.conditions ? { conditions: row.conditions } : {}),
      ...(row.action ? { action: row.action } : {}),
      ...(row.primaryTarget ? { primaryTarget: true } : {}),
      referenceId: referenceIds[0] ?? releaseReference.id,
      ...(referenceIds.length > 1 ? { otherReferenceIds: referenceIds.slice(1) } : {}),
      grade: 'database',
      origin: `GtoPdb ${release}`,
    };
    const duplicateOf = resolve.duplicateOf?.(compound, target, row.pmids, record);
    if (duplicateOf) {
      record.duplicateOf = duplicateOf;
      record.note = 'The same paper as a record read from its source: not an independent measurement.';
      duplicates++;
    }
    affinities.push(record);
  }
  return { affinities, references: [...references.values()], unknownLigands, unknownTargets, rowsWithoutEntry, duplicates };
}

/** Ki and Kd are one measure when records are compared: GtoPdb files some of Tatsumi 1997's Kd values as pKi. */
function sameMeasureFamily(a: Measure, b: Measure): boolean {
  const family = (measure: Measure) => (measure === 'Kd' ? 'Ki' : measure);
  return family(a) === family(b);
}

/**
 * A row citing the paper a record read from its own source already gives (same compound, target, measure family and
 * species) is that measurement again: the resolver names the record it repeats.
 */
export function samePaperResolver(records: readonly AffinityRecord[], references: readonly Reference[]): NonNullable<AffinityResolvers['duplicateOf']> {
  const pmidOfReference = new Map(references.filter((reference) => reference.pmid).map((reference) => [reference.id, reference.pmid!]));
  const byPaper = new Map<string, AffinityRecord[]>();
  for (const record of records) {
    const pmid = pmidOfReference.get(record.referenceId);
    if (!pmid || !record.target || record.id.startsWith(GTOPDB_RECORD_PREFIX)) continue;
    const key = `${record.compound}|${record.target}|${pmid}`;
    byPaper.set(key, [...(byPaper.get(key) ?? []), record]);
  }
  return (compound, target, pmids, record) =>
    pmids
      .flatMap((pmid) => byPaper.get(`${compound}|${target}|${pmid}`) ?? [])
      .find((other) => sameMeasureFamily(other.measure, record.measure) && other.species === record.species)?.id;
}
