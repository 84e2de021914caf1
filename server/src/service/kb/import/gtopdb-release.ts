/**
 * A GtoPdb release a user downloaded, as a knowledge-base file: `interactions.csv` (required) and optionally
 * `ligands.csv` and `targets_and_families.csv`, in the current layout or an older one. The result replaces the bundled
 * GtoPdb records (`replaces`) and adds the compounds, targets and PubMed references the bundled base lacks. Pure: the
 * caller reads the files and writes the result.
 */
import type { KnowledgeBaseExtension } from '../load.js';
import type { Compound, KnowledgeBase, Target } from '../types.js';
import { SourceFormatError } from '../csv.js';
import { importGtopdbLigandNames, importGtopdbTargets, type GtopdbLigandNames } from './gtopdb.js';
import { importGtopdbInteractions, InteractionFileError, type InteractionImport } from './gtopdb-interactions.js';
import { GTOPDB_RECORD_PREFIX, gtopdbAffinityRecords, samePaperResolver } from './gtopdb-affinities.js';

export interface DownloadedFile {
  /** Shown in messages: the path as the user gave it. */
  source: string;
  text: string;
}

export type GtopdbFileKind = 'interactions' | 'ligands' | 'targets';

export interface ReleaseImport {
  extension: KnowledgeBaseExtension;
  release: string;
  files: { source: string; kind: GtopdbFileKind; layout?: string; rows: number }[];
  interactions: Omit<InteractionImport, 'interactions' | 'skipped'> & { withAffinity: number };
  /** Rows that could not be read, with their file and line; the rest was imported. */
  skipped: { source: string; line: number; reason: string }[];
  records: number;
  newCompounds: number;
  newTargets: number;
  newReferences: number;
  duplicates: number;
}

export class GtopdbImportError extends Error {}

/** The first header cell names tell the files apart: `Affinity Units` (interactions), `Family name` (targets), `Name` (ligands). */
export function kindOfFile(text: string): GtopdbFileKind | undefined {
  const lines = text.replace(/^\uFEFF/, '').split('\n', 3);
  const header = (/^"?#/.test(lines[0] ?? '') ? lines[1] : lines[0]) ?? '';
  const names = new Set(header.split(',').map((cell) => cell.replace(/"/g, '').trim().toLowerCase().replace(/[\s-]+/g, '_')));
  if (names.has('affinity_units') && (names.has('target_id') || names.has('target'))) return 'interactions';
  if (names.has('family_name') && names.has('target_id')) return 'targets';
  if (names.has('ligand_id') && names.has('name')) return 'ligands';
  return undefined;
}

function nameOfRelease(parsed: InteractionImport, fallback: string | undefined): string {
  return parsed.release ?? fallback ?? 'unknown';
}

function describeError(source: string, error: unknown): string {
  if (error instanceof SourceFormatError || error instanceof InteractionFileError) return error.message;
  return `${source}: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Imports the files against the bundled base. Throws `GtopdbImportError` naming the file (and line) when a file as a
 * whole cannot be read or is not a GtoPdb download; single unreadable interaction rows are skipped and reported.
 */
export function importGtopdbRelease(files: readonly DownloadedFile[], base: KnowledgeBase, options: { release?: string } = {}): ReleaseImport {
  const byKind = new Map<GtopdbFileKind, DownloadedFile>();
  for (const file of files) {
    const kind = kindOfFile(file.text);
    if (!kind) throw new GtopdbImportError(`${file.source}: not a GtoPdb interactions, ligands or targets file (its header has no "Affinity Units", "Family name" or "Ligand ID" and "Name" column)`);
    if (byKind.has(kind)) throw new GtopdbImportError(`${file.source}: a second ${kind} file (the first is ${byKind.get(kind)!.source})`);
    byKind.set(kind, file);
  }
  const interactionsFile = byKind.get('interactions');
  if (!interactionsFile) throw new GtopdbImportError('no interactions file among the files given: GtoPdb\'s interactions.csv holds the affinities');

  let parsed: InteractionImport;
  let ligandNames: GtopdbLigandNames[] = [];
  let downloadedTargets: Target[] = [];
  try {
    parsed = importGtopdbInteractions(interactionsFile.text, interactionsFile.source);
    const ligands = byKind.get('ligands');
    if (ligands) ligandNames = importGtopdbLigandNames(ligands.text, ligands.source);
    const targets = byKind.get('targets');
    if (targets) downloadedTargets = importGtopdbTargets(targets.text, targets.source).targets;
  } catch (error) {
    throw new GtopdbImportError(describeError(interactionsFile.source, error));
  }
  const release = nameOfRelease(parsed, options.release);

  // Compounds and targets the base lacks come from the downloaded lists, or else from the names in the interactions.
  const compoundOfLigand = new Map(base.compounds.filter((c) => c.gtopdbLigandId !== undefined).map((c) => [c.gtopdbLigandId!, c.id]));
  const targetOfGtopdbId = new Map(base.targets.filter((t) => t.gtopdbId !== undefined).map((t) => [t.gtopdbId!, t.id]));
  const takenTargetIds = new Set(base.targets.map((t) => t.id));
  const namesOfLigand = new Map(ligandNames.map((ligand) => [ligand.gtopdbId, ligand]));
  const downloadedTarget = new Map(downloadedTargets.map((target) => [target.gtopdbId!, target]));
  const newCompounds: Compound[] = [];
  const newTargets: Target[] = [];
  for (const row of parsed.interactions) {
    if (!compoundOfLigand.has(row.ligandId)) {
      const listed = namesOfLigand.get(row.ligandId);
      const compound: Compound = {
        id: `GtoPdb-ligand:${row.ligandId}`,
        name: listed?.name || row.ligandName,
        synonyms: listed?.synonyms ?? [],
        ...(listed?.brandNames.length ? { brandNames: listed.brandNames } : {}),
        gtopdbLigandId: row.ligandId,
        ...(listed?.approved || row.approvedDrug ? { approved: true } : {}),
      };
      newCompounds.push(compound);
      compoundOfLigand.set(row.ligandId, compound.id);
    }
    if (!targetOfGtopdbId.has(row.targetId)) {
      const listed = downloadedTarget.get(row.targetId);
      const id = listed && !takenTargetIds.has(listed.id) ? listed.id : `GtoPdb:${row.targetId}`;
      // A listed complex's subunits may be targets the import does not add: it is added without its members.
      const { members: _members, ...listedTarget } = listed ?? { members: undefined };
      const target: Target = listed ? { ...(listedTarget as Target), id } : { id, name: row.targetName, synonyms: [], genes: {}, gtopdbId: row.targetId, roles: [] };
      newTargets.push(target);
      takenTargetIds.add(id);
      targetOfGtopdbId.set(row.targetId, id);
    }
  }

  const referenceOfPmid = new Map(base.references.filter((r) => r.pmid).map((r) => [r.pmid!, r.id]));
  const converted = gtopdbAffinityRecords(parsed.interactions, release, {
    compoundOfLigand: (id) => compoundOfLigand.get(id),
    targetOfGtopdbId: (id) => targetOfGtopdbId.get(id),
    referenceOfPmid: (pmid) => referenceOfPmid.get(pmid),
    duplicateOf: samePaperResolver(base.affinities, base.references),
  });
  const extension: KnowledgeBaseExtension = {
    version: `gtopdb-${release}`,
    builtFrom: files.map((file) => file.source),
    replaces: [GTOPDB_RECORD_PREFIX],
    ...(newCompounds.length ? { compounds: newCompounds } : {}),
    ...(newTargets.length ? { targets: newTargets } : {}),
    references: converted.references,
    affinities: converted.affinities,
  };
  const { interactions: _rows, skipped, ...counts } = parsed;
  return {
    extension,
    release,
    files: [...byKind].map(([kind, file]) => ({ source: file.source, kind, ...(kind === 'interactions' ? { layout: parsed.layout, rows: parsed.rowsRead } : { rows: kind === 'ligands' ? ligandNames.length : downloadedTargets.length }) })),
    interactions: { ...counts, withAffinity: parsed.interactions.length },
    skipped: skipped.map((entry) => ({ source: interactionsFile.source, ...entry })),
    records: converted.affinities.length,
    newCompounds: newCompounds.length,
    newTargets: newTargets.length,
    newReferences: converted.references.length,
    duplicates: converted.duplicates,
  };
}
