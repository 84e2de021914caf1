/**
 * Builds dist/kb.json from data/sources (GtoPdb, Tatsumi 1997, DrugCentral, target roles) and data/curated.
 * Deterministic and offline. Run: npx tsx scripts/build-kb.ts
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AffinityRecord, Compound, KnowledgeBase, Pathway, Reference, Target } from '../server/src/service/kb/types.js';
import { importGtopdbLigandNames, importGtopdbLigands, importGtopdbTargets, uniqueNames } from '../server/src/service/kb/import/gtopdb.js';
import { importGtopdbInteractions } from '../server/src/service/kb/import/gtopdb-interactions.js';
import { gtopdbAffinityRecords, samePaperResolver } from '../server/src/service/kb/import/gtopdb-affinities.js';
import { importTatsumi, type TransporterKd } from './kb-build/tatsumi.js';
import { asWrittenP, classifyQcNote, importDrugCentral, measureOf, speciesOf, type DrugCentralRow } from './kb-build/drugcentral.js';
import { importTargetRoles } from './kb-build/roles.js';
import { checkIntegrity, loadKnowledgeBase } from '../server/src/service/kb/load.js';
import { jsonSyntaxErrorMessage } from '../server/src/service/kb/json-position.js';
import { compileNames, namesToText } from '../server/src/service/recognize/names.js';
import { writeValidator } from './kb-build/validator.js';
import { knowledgeBaseDefinitions } from './kb-build/schema.js';
import Ajv from 'ajv';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = 'dist/kb.json';
/**
 * The affinity records and the bare PubMed references only they cite, apart: the server reads them on first use, after
 * it has answered `initialize`.
 */
const AFFINITIES_OUTPUT = 'dist/affinities.json';
/** The knowledge base's names compiled for the matcher, so the server does not tokenize 45k names at start-up. */
const NAMES_OUTPUT = 'dist/names.txt';
const SOURCES = {
  targets: 'data/sources/gtopdb_2024.1_targets_and_families.csv',
  ligands: 'data/sources/gtopdb_2024.1_ligands_subset6col.csv',
  ligandNames: 'data/sources/gtopdb_2019.5_ligands.csv',
  interactions: { path: 'data/sources/gtopdb_2020.5_interactions.csv', release: '2020.5' },
  tatsumi: 'data/sources/tatsumi1997_human_transporter_Kd.csv',
  drugCentral: ['data/sources/drugcentral_antidepressants_extract.tsv', 'data/sources/drugcentral_extract_more.tsv'],
  roles: 'data/sources/target_roles.csv',
} as const;
const CURATED = {
  references: 'data/curated/references.json',
  roleReferences: 'data/curated/role-references.json',
  compounds: 'data/curated/compounds.json',
  targets: 'data/curated/targets.json',
  affinities: 'data/curated/affinities.json',
  pathways: 'data/curated/pathways.json',
  stopNames: 'data/curated/stop-names.json',
} as const;
/** Reference ids for the `source` cells of the Tatsumi table. */
const TATSUMI_SOURCE_REFERENCES: Record<string, { referenceId: string; origin: string }> = {
  Tatsumi1997: { referenceId: 'tatsumi1997', origin: 'Tatsumi et al. 1997 (via Br J Pharmacol 2006 Table 2)' },
  Wong2000: { referenceId: 'wong2000', origin: 'Wong et al. 2000 (via Br J Pharmacol 2006 Table 2)' },
};
const TATSUMI_ASSAYS: Record<TransporterKd['gene'], string> = {
  SLC6A4: '[3H]imipramine binding, HEK cells expressing human SERT',
  SLC6A2: '[3H]nisoxetine binding, HEK cells expressing human NET',
  SLC6A3: '[3H]WIN35428 binding, HEK cells expressing human DAT',
};

class BuildError extends Error {}

const inputsRead: string[] = [];
const inputHash = createHash('sha256');

function readText(path: string): string {
  const text = readFileSync(join(ROOT, path), 'utf8');
  inputsRead.push(path);
  inputHash.update(path).update('\0').update(text).update('\0');
  return text;
}

/** The JSON Schema each curated collection must meet; a curated target may only add names to a GtoPdb one. */
const CURATED_SCHEMAS = {
  references: { type: 'array', items: { $ref: '#/definitions/reference' } },
  compounds: { type: 'array', items: { $ref: '#/definitions/compound' } },
  targets: { type: 'array', items: { ...knowledgeBaseDefinitions.target, required: ['id'] } },
  familyPrefixes: { type: 'object', additionalProperties: { anyOf: [{ type: 'array', items: { type: 'string', minLength: 1 } }, { type: 'string' }] } },
  affinities: { type: 'array', items: { $ref: '#/definitions/affinity' } },
  pathways: { type: 'array', items: { $ref: '#/definitions/pathway' } },
  roleReferences: { type: 'object', additionalProperties: { type: ['string', 'null'] } },
  stopNames: { type: 'array', items: { type: 'string', minLength: 1 } },
} as const;

const ajv = new Ajv({ allErrors: true, strict: false });

/** Reads one collection of a curated file, checked against its schema: a bad entry stops the build naming it. */
function readCurated<T>(path: string, key: string, schema: keyof typeof CURATED_SCHEMAS): T {
  const text = readText(path);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BuildError(jsonSyntaxErrorMessage(text, path, error));
  }
  const value = (data as Record<string, unknown> | null)?.[key];
  if (value === undefined) throw new BuildError(`${path}: missing top-level field "${key}"`);
  const validate = ajv.compile({ ...CURATED_SCHEMAS[schema], definitions: knowledgeBaseDefinitions });
  if (!validate(value)) {
    const problems = (validate.errors ?? []).slice(0, 10).map((error) => `${path}: ${key}${error.instancePath.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')}: ${error.message}${error.params && 'additionalProperty' in error.params ? ` "${String(error.params.additionalProperty)}"` : ''}`);
    throw new BuildError(`curated input does not meet the schema:\n  ${problems.join('\n  ')}`);
  }
  return value as T;
}

// ---------- targets ----------

type CuratedTarget = Partial<Target> & { id: string };

function mergeCuratedTargets(imported: Target[], curated: CuratedTarget[]): Target[] {
  const byId = new Map(imported.map((t) => [t.id, t]));
  const groups: Target[] = [];
  curated.forEach((entry, index) => {
    const where = `${CURATED.targets}: targets[${index}] (id "${entry.id}")`;
    const existing = byId.get(entry.id);
    if (existing) {
      if (entry.abbreviation) existing.abbreviation = entry.abbreviation;
      existing.synonyms = uniqueNames([...(entry.synonyms ?? []), ...existing.synonyms], [existing.name]);
      return;
    }
    if (entry.type !== 'group' && entry.type !== 'complex') throw new BuildError(`${where}: not a GtoPdb target id, and not a group or complex`);
    if (!entry.name || !entry.members?.length) throw new BuildError(`${where}: a group needs "name" and "members"`);
    for (const member of entry.members) if (!byId.has(member)) throw new BuildError(`${where}: unknown member "${member}"`);
    groups.push({ synonyms: [], genes: {}, roles: [], ...entry } as Target);
  });
  return [...imported, ...groups];
}

/** `histamine H4 receptor` for `H4 receptor`: each target of a listed family gets its transmitter's name in front. */
function addFamilyPrefixedNames(targets: Target[], prefixesByFamily: Record<string, string[] | string>): void {
  for (const target of targets) {
    const prefixes = (target.family ?? '').split('; ').flatMap((family) => {
      const entry = prefixesByFamily[family];
      return Array.isArray(entry) ? entry : [];
    });
    if (prefixes.length === 0) continue;
    const bases = [target.name, target.abbreviation].filter((name): name is string => Boolean(name));
    const added = prefixes.flatMap((prefix) => bases.filter((base) => !base.toLowerCase().startsWith(prefix.toLowerCase())).map((base) => `${prefix} ${base}`));
    target.synonyms = uniqueNames([...target.synonyms, ...added], [target.name]);
  }
}

/**
 * Writers drop "receptor" from coded names: `D2`, `5-HT2A`, `H4`, `CB1` for `D2 receptor` … (codes with a digit only).
 * The code becomes the abbreviation when there is none, so that it wins over another target's synonym spelled alike.
 */
function addBareReceptorCodes(targets: Target[]): void {
  for (const target of targets) {
    const code = /^(\S{2,8}) receptor$/.exec(target.name)?.[1];
    if (!code || !/\d/.test(code) || !/[A-Za-z]/.test(code)) continue;
    if (!target.abbreviation) target.abbreviation = code;
    else target.synonyms = uniqueNames([...target.synonyms, code], [target.name, target.abbreviation]);
  }
}

/** Upper-cased gene symbols (human, rat, mouse) and UniProt accessions → target ids. */
function buildTargetIndex(targets: Target[]) {
  const bySymbol = new Map<string, Set<string>>();
  const byAccession = new Map<string, string>();
  for (const target of targets) {
    for (const symbol of Object.values(target.genes)) {
      for (const part of symbol.split('|')) {
        const key = part.toUpperCase();
        bySymbol.set(key, (bySymbol.get(key) ?? new Set()).add(target.id));
      }
    }
    for (const accession of Object.values(target.uniprot ?? {})) byAccession.set(accession, target.id);
  }
  const resolveOne = (gene: string, accession: string | undefined): string | undefined => {
    const fromAccession = accession ? byAccession.get(accession) : undefined;
    if (fromAccession) return fromAccession;
    const owners = bySymbol.get(gene.toUpperCase());
    return owners?.size === 1 ? [...owners][0] : undefined;
  };
  const groups = targets.filter((t) => t.members && (t.type === 'group' || t.type === 'complex'));
  /** One gene → its target; several genes → the curated group with exactly those members. */
  return (genes: string[], accessions: string[]): string | undefined => {
    if (genes.length === 1) return resolveOne(genes[0], accessions[0]);
    const ids = genes.map((gene, i) => resolveOne(gene, accessions[i]));
    if (ids.some((id) => id === undefined)) return undefined;
    const wanted = new Set(ids as string[]);
    const group = groups.find((g) => g.members!.length === wanted.size && g.members!.every((m) => wanted.has(m)));
    return group?.id;
  };
}

/**
 * Ion channels GtoPdb lists only by subunit (`GABAA receptor α1 subunit` … in the family `GABAA receptors`) are written
 * as one receptor: `GABA-A receptor`, `glycine receptor`, `nicotinic acetylcholine receptor`. Such a family, when most
 * of its targets are subunits and none is the receptor itself, becomes a group of its subunits with the family's name.
 */
function addSubunitFamilyGroups(targets: Target[], subscriptSpellings: Map<string, string[]>): Target[] {
  const byFamily = new Map<string, Target[]>();
  for (const target of targets) for (const family of (target.family ?? '').split('; ')) if (family) byFamily.set(family, [...(byFamily.get(family) ?? []), target]);
  const names = new Set(targets.flatMap((t) => [t.name, ...t.synonyms]).map((n) => n.toLowerCase()));
  const groups: Target[] = [];
  for (const [family, members] of byFamily) {
    const singular = /^(.+?) receptors(?: \([^)]*\))?$/i.exec(family)?.[1];
    if (!singular) continue;
    const subunits = members.filter((t) => /\bsubunit\b/i.test(t.name));
    if (subunits.length < 2 || subunits.length < 0.8 * members.length) continue;
    const name = `${singular} receptor`;
    if (names.has(name.toLowerCase())) continue;
    const [firstWord, ...rest] = singular.split(' ');
    const spelled = (subscriptSpellings.get(firstWord) ?? []).map((variant) => [variant, ...rest].join(' '));
    const abbreviation = /\(([A-Za-z]{2,6})\)$/.exec(family)?.[1];
    groups.push({
      id: `group:${singular.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      name,
      ...(abbreviation ? { abbreviation: `${abbreviation} receptor` } : {}),
      synonyms: uniqueNames([...spelled.map((s) => `${s} receptor`), ...(abbreviation ? [`${abbreviation}R`] : [])], [name]),
      genes: {},
      family,
      type: 'group',
      members: subunits.map((t) => t.id),
      roles: [],
    });
  }
  return [...targets, ...groups];
}

/**
 * `5-HT3A` (GtoPdb's name for the receptor) is written `5-HT3A receptor`; GtoPdb's `μ receptor` of the opioid receptors
 * is `MOR` (likewise `KOR`, `DOR`): the Latin initial of its Greek letter, the family's initial, R.
 */
const GREEK_INITIAL: Record<string, string> = { α: 'A', β: 'B', γ: 'G', δ: 'D', ε: 'E', κ: 'K', μ: 'M', σ: 'S' };

function addReceptorForms(targets: Target[]): void {
  const byId = new Map(targets.map((t) => [t.id, t]));
  // The subunit of a one-subunit receptor of the same name (`5-HT3A`): the forms belong to the receptor.
  const subunitsNamedAsReceptor = new Set(targets.flatMap((t) => (t.members?.length === 1 && byId.get(t.members[0])?.name === t.name ? [t.members[0]] : [])));
  for (const target of targets) {
    if (subunitsNamedAsReceptor.has(target.id)) continue;
    const family = /^(\S+) receptors$/i.exec(target.family ?? '')?.[1];
    if (!family) continue;
    const added: string[] = [];
    if (/^[0-9A-Za-z-]{2,10}$/.test(target.name) && /\d/.test(target.name) && target.type !== 'group') added.push(`${target.name} receptor`);
    const greek = /^([α-ω]) receptor$/.exec(target.name)?.[1];
    if (greek && GREEK_INITIAL[greek]) added.push(`${GREEK_INITIAL[greek]}${family[0].toUpperCase()}R`);
    if (added.length > 0) target.synonyms = uniqueNames([...target.synonyms, ...added], [target.name]);
  }
}

// ---------- compounds ----------

function buildCompounds(curated: Compound[], ligands: ReturnType<typeof importGtopdbLigands>): Compound[] {
  const curatedByName = new Map(curated.map((c) => [c.name.toLowerCase(), c]));
  const fromGtopdb: Compound[] = [];
  for (const ligand of ligands) {
    const match = curatedByName.get(ligand.name.toLowerCase());
    if (match && match.gtopdbLigandId === undefined) {
      match.gtopdbLigandId = ligand.gtopdbId;
      if (ligand.type) match.type = ligand.type;
      continue;
    }
    fromGtopdb.push({ id: `GtoPdb-ligand:${ligand.gtopdbId}`, name: ligand.name, synonyms: [], gtopdbLigandId: ligand.gtopdbId, ...(ligand.type ? { type: ligand.type } : {}) });
  }
  return [...curated, ...fromGtopdb];
}

/** Synonyms, INN, brand names and the approved flag of GtoPdb's ligand list, on the compound with that ligand id. */
function addLigandNames(compounds: Compound[], ligandNames: ReturnType<typeof importGtopdbLigandNames>): number {
  const byLigandId = new Map(compounds.filter((c) => c.gtopdbLigandId !== undefined).map((c) => [c.gtopdbLigandId!, c]));
  let enriched = 0;
  for (const ligand of ligandNames) {
    const compound = byLigandId.get(ligand.gtopdbId);
    if (!compound) continue;
    const exclude = [compound.name];
    const synonyms = uniqueNames([...compound.synonyms, ...(ligand.name.toLowerCase() === compound.name.toLowerCase() ? [] : [ligand.name]), ...ligand.synonyms], exclude);
    const brandNames = uniqueNames([...(compound.brandNames ?? []), ...ligand.brandNames], exclude);
    if (synonyms.length > compound.synonyms.length || brandNames.length > (compound.brandNames?.length ?? 0)) enriched++;
    compound.synonyms = synonyms;
    if (brandNames.length > 0) compound.brandNames = brandNames;
    if (ligand.approved) compound.approved = true;
  }
  return enriched;
}

// ---------- affinities ----------

function gtopdbRecords(compounds: Compound[], targets: Target[], references: Reference[], primary: AffinityRecord[]) {
  const { path, release } = SOURCES.interactions;
  const parsed = importGtopdbInteractions(readText(path), path);
  if (parsed.skipped.length > 0) console.warn(parsed.skipped.map(({ line, reason }) => `${path}:${line}: skipped: ${reason}`).join('\n'));
  const compoundOfLigand = new Map(compounds.filter((c) => c.gtopdbLigandId !== undefined).map((c) => [c.gtopdbLigandId!, c.id]));
  const targetOfGtopdbId = new Map(targets.filter((t) => t.gtopdbId !== undefined).map((t) => [t.gtopdbId!, t.id]));
  const referenceOfPmid = new Map(references.filter((r) => r.pmid).map((r) => [r.pmid!, r.id]));
  const converted = gtopdbAffinityRecords(parsed.interactions, release, {
    compoundOfLigand: (id) => compoundOfLigand.get(id),
    targetOfGtopdbId: (id) => targetOfGtopdbId.get(id),
    referenceOfPmid: (pmid) => referenceOfPmid.get(pmid),
    duplicateOf: samePaperResolver(primary, references),
  });
  return { parsed, converted, release };
}

function tatsumiRecords(rows: TransporterKd[], compounds: Set<string>): AffinityRecord[] {
  return rows.map((row) => {
    const source = TATSUMI_SOURCE_REFERENCES[row.sourceKey];
    if (!source) throw new BuildError(`${SOURCES.tatsumi}:${row.line}: unknown source "${row.sourceKey}"`);
    if (!compounds.has(row.drug)) throw new BuildError(`${SOURCES.tatsumi}:${row.line}: drug "${row.drug}" is not a curated compound`);
    const isWong = row.sourceKey === 'Wong2000';
    return {
      id: `tatsumi1997:${row.drug}:${row.gene}`,
      compound: row.drug,
      target: row.gene,
      measure: 'Kd',
      relation: row.relation,
      valueNm: row.valueNm,
      asWritten: row.asWritten,
      species: 'human',
      ...(isWong ? {} : { assay: TATSUMI_ASSAYS[row.gene] }),
      referenceId: source.referenceId,
      grade: 'primary',
      origin: source.origin,
      ...(isWong ? { note: 'Row attributed to Wong et al. 2000 in the table transcribed; assay not stated there.' } : {}),
    };
  });
}

interface DrugCentralResult {
  records: AffinityRecord[];
  excluded: Map<string, number>;
}

function drugCentralRecords(
  rows: DrugCentralRow[],
  compounds: Set<string>,
  resolveTarget: ReturnType<typeof buildTargetIndex>,
  primaryIds: Set<string>,
): DrugCentralResult {
  const records: AffinityRecord[] = [];
  const excluded = new Map<string, number>();
  const exclude = (reason: string) => excluded.set(reason, (excluded.get(reason) ?? 0) + 1);
  const seenContent = new Set<string>();
  for (const row of rows) {
    const where = `${row.source}:${row.line}`;
    if (!compounds.has(row.drug)) throw new BuildError(`${where}: DRUG_NAME "${row.drug}" is not a curated compound`);
    const verdict = classifyQcNote(row.qcNote);
    if (!verdict.keep) { exclude(verdict.reason); continue; }
    const contentKey = JSON.stringify([row.drug, row.genes, row.organism, row.actType, row.valueP, row.actSource, row.comment]);
    if (seenContent.has(contentKey)) { exclude('duplicate row in source'); continue; }
    seenContent.add(contentKey);
    const measure = measureOf(row.actType);
    if (!measure) { exclude(`activity type "${row.actType || '(none)'}" is not an affinity`); continue; }
    if (row.valueNm === undefined || row.valueP === undefined) { exclude('no value in source'); continue; }
    const target = resolveTarget(row.genes, row.accessions);
    if (!target) { exclude(row.genes.length > 1 ? 'multi-gene row not matching a curated group' : 'gene not in the knowledge base'); continue; }
    const species = speciesOf(row.organism);
    const primaryId = `tatsumi1997:${row.drug}:${target}`;
    let duplicateOf: string | undefined;
    if (verdict.duplicatesTatsumi) {
      if (!primaryIds.has(primaryId)) throw new BuildError(`${where}: qc_note says "= Tatsumi" but there is no Tatsumi record ${primaryId}`);
      duplicateOf = primaryId;
    }
    const notes = [
      row.qcNote,
      duplicateOf ? 'Same value as Tatsumi 1997 (primary source): a database copy, not an independent measurement.' : '',
    ].filter((n) => n !== '');
    const fileStem = row.source.replace(/^.*\//, '').replace(/\.tsv$/, '');
    records.push({
      id: `drugcentral:${fileStem}:${row.line}`,
      compound: row.drug,
      target,
      measure,
      relation: row.relation,
      valueNm: row.valueNm,
      asWritten: asWrittenP(row.actType, row.valueP),
      species,
      ...(row.comment ? { assay: row.comment } : {}),
      referenceId: 'drugcentral',
      grade: 'database',
      origin: `DrugCentral (${row.actSource})`,
      ...(notes.length ? { note: notes.join(' ') } : {}),
      ...(verdict.outlier ? { outlier: true } : {}),
      ...(duplicateOf ? { duplicateOf } : {}),
    });
  }
  return { records, excluded };
}

// ---------- roles ----------

function attachRoles(targets: Target[], roleReferences: Record<string, string | null>, references: Set<string>): number {
  const byHumanSymbol = new Map(targets.filter((t) => t.genes.human).map((t) => [t.genes.human!, t]));
  let attached = 0;
  for (const row of importTargetRoles(readText(SOURCES.roles), SOURCES.roles)) {
    const where = `${SOURCES.roles}:${row.line}`;
    if (!(row.referenceText in roleReferences)) throw new BuildError(`${where}: reference not mapped in ${CURATED.roleReferences}: ${JSON.stringify(row.referenceText)}`);
    const referenceId = roleReferences[row.referenceText];
    if (referenceId !== null && !references.has(referenceId)) throw new BuildError(`${CURATED.roleReferences}: unknown reference id "${referenceId}"`);
    for (const gene of row.genes) {
      const target = byHumanSymbol.get(gene);
      if (!target) throw new BuildError(`${where}: gene "${gene}" is not a target`);
      target.roles.push({ role: row.role, ...(referenceId ? { referenceId } : {}), confirmed: row.confirmed, evidence: row.evidence });
      attached++;
    }
  }
  return attached;
}

// ---------- main ----------

function build(): { kb: KnowledgeBase; report: Record<string, number | string> } {
  const targetImport = importGtopdbTargets(readText(SOURCES.targets), SOURCES.targets);
  const ligands = importGtopdbLigands(readText(SOURCES.ligands), SOURCES.ligands);
  const references = readCurated<Reference[]>(CURATED.references, 'references', 'references');
  const referenceIds = new Set(references.map((r) => r.id));
  const targets = addSubunitFamilyGroups(mergeCuratedTargets(targetImport.targets, readCurated<CuratedTarget[]>(CURATED.targets, 'targets', 'targets')), targetImport.subscriptSpellings);
  addReceptorForms(targets);
  addFamilyPrefixedNames(targets, readCurated<Record<string, string[] | string>>(CURATED.targets, 'familyPrefixes', 'familyPrefixes'));
  addBareReceptorCodes(targets);
  const compounds = buildCompounds(readCurated<Compound[]>(CURATED.compounds, 'compounds', 'compounds'), ligands);
  const compoundsWithNewNames = addLigandNames(compounds, importGtopdbLigandNames(readText(SOURCES.ligandNames), SOURCES.ligandNames));
  const compoundIds = new Set(compounds.map((c) => c.id));

  const curatedAffinities = readCurated<AffinityRecord[]>(CURATED.affinities, 'affinities', 'affinities');
  const tatsumi = tatsumiRecords(importTatsumi(readText(SOURCES.tatsumi), SOURCES.tatsumi), compoundIds);
  const resolveTarget = buildTargetIndex(targets);
  const drugCentralRows = SOURCES.drugCentral.flatMap((path) => importDrugCentral(readText(path), path));
  const drugCentral = drugCentralRecords(drugCentralRows, compoundIds, resolveTarget, new Set(tatsumi.map((r) => r.id)));

  const gtopdb = gtopdbRecords(compounds, targets, references, [...curatedAffinities, ...tatsumi]);
  const approvedByInteraction = new Set(gtopdb.parsed.interactions.filter((row) => row.approvedDrug).map((row) => row.ligandId));
  for (const compound of compounds) if (compound.gtopdbLigandId !== undefined && approvedByInteraction.has(compound.gtopdbLigandId)) compound.approved = true;

  const rolesAttached = attachRoles(targets, readCurated<Record<string, string | null>>(CURATED.roleReferences, 'references', 'roleReferences'), referenceIds);
  const pathways = readCurated<Pathway[]>(CURATED.pathways, 'pathways', 'pathways');
  const stopNames = [...new Set(readCurated<string[]>(CURATED.stopNames, 'names', 'stopNames').map((n) => n.toLowerCase()))].sort();

  const kb: KnowledgeBase = {
    version: `gtopdb-2024.1+${inputHash.digest('hex').slice(0, 12)}`,
    builtFrom: [...inputsRead],
    compounds,
    targets,
    affinities: [...curatedAffinities, ...tatsumi, ...drugCentral.records, ...gtopdb.converted.affinities],
    pathways,
    references: [...references, ...gtopdb.converted.references],
    stopNames,
  };
  const excludedTotal = [...drugCentral.excluded.values()].reduce((a, b) => a + b, 0);
  const report: Record<string, number | string> = {
    'GtoPdb target rows': targetImport.rowCount,
    'GtoPdb targets (unique)': targetImport.targets.length,
    'curated groups/complexes and subunit-family groups': targets.length - targetImport.targets.length,
    'targets total': targets.length,
    'GtoPdb ligands': ligands.length,
    'compounds total': compounds.length,
    'compounds given GtoPdb 2019.5 synonyms or brand names': compoundsWithNewNames,
    'approved drugs': compounds.filter((c) => c.approved).length,
    'curated compounds': compounds.filter((c) => !c.id.startsWith('GtoPdb-ligand:')).length,
    'affinity records': kb.affinities.length,
    '  curated (seed + papers)': curatedAffinities.length,
    '  Tatsumi 1997': tatsumi.length,
    '  DrugCentral kept': drugCentral.records.length,
    [`  GtoPdb ${gtopdb.release} interactions`]: gtopdb.converted.affinities.length,
    [`GtoPdb ${gtopdb.release} rows read`]: gtopdb.parsed.rowsRead,
    '  with an affinity': gtopdb.parsed.interactions.length + gtopdb.parsed.skipped.length,
    '  skipped, unreadable': gtopdb.parsed.skipped.length,
    '  without a target (organism-level effect)': gtopdb.parsed.withoutTarget,
    '  target is a GtoPdb ligand (peptide/protein)': gtopdb.parsed.ligandAsTarget,
    '  ligand ids no longer in GtoPdb 2024.1': gtopdb.converted.unknownLigands.size,
    '  target ids no longer in GtoPdb 2024.1': gtopdb.converted.unknownTargets.size,
    '  rows left out for those ids': gtopdb.converted.rowsWithoutEntry,
    '  same paper as a Tatsumi/curated record (marked duplicate)': gtopdb.converted.duplicates,
    '  PubMed references added': gtopdb.converted.references.filter((r) => r.pmid).length,
    'DrugCentral rows read': drugCentralRows.length,
    'DrugCentral rows excluded': excludedTotal,
    ...Object.fromEntries([...drugCentral.excluded].sort().map(([reason, n]) => [`  excluded: ${reason}`, n])),
    'outliers flagged': kb.affinities.filter((a) => a.outlier).length,
    'duplicates of Tatsumi 1997 marked': kb.affinities.filter((a) => a.duplicateOf).length,
    'target roles attached': rolesAttached,
    pathways: pathways.length,
    references: kb.references.length,
    'compounds with affinity records': new Set(kb.affinities.map((a) => a.compound)).size,
    'targets with affinity records': new Set(kb.affinities.map((a) => a.target).filter(Boolean)).size,
    'compound–target pairs with affinity records': new Set(kb.affinities.filter((a) => a.target).map((a) => `${a.compound}|${a.target}`)).size,
    'stop names': stopNames.length,
  };
  return { kb, report };
}

/** JSON with every non-ASCII character escaped: the server then reads the file as a one-byte string, which decodes and parses faster. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function main(): void {
  writeValidator();
  const { kb, report } = build();
  const json = asciiJson(kb);
  const { errors } = loadKnowledgeBase(json, OUTPUT);
  const integrity = errors.length === 0 ? checkIntegrity(kb, OUTPUT) : [];
  if (errors.length > 0 || integrity.length > 0) throw new BuildError(`the built knowledge base is invalid:\n  ${[...errors, ...integrity].join('\n  ')}`);
  mkdirSync(join(ROOT, dirname(OUTPUT)), { recursive: true });
  const recordReferences = kb.references.filter((reference) => reference.id.startsWith('pmid:'));
  writeFileSync(join(ROOT, OUTPUT), asciiJson({ ...kb, affinities: [], references: kb.references.filter((reference) => !reference.id.startsWith('pmid:')) }) + '\n');
  writeFileSync(join(ROOT, AFFINITIES_OUTPUT), asciiJson({ version: kb.version, affinities: kb.affinities, references: recordReferences }) + '\n');
  const width = Math.max(...Object.keys(report).map((k) => k.length));
  for (const [key, value] of Object.entries(report)) console.log(`${key.padEnd(width)}  ${value}`);
  console.log(`wrote ${relative(process.cwd(), join(ROOT, OUTPUT)) || OUTPUT} and ${AFFINITIES_OUTPUT} (${(json.length / 1e6).toFixed(2)} MB together, version ${kb.version})`);
  const names = compileNames(kb);
  const namesText = `${kb.version}\n${namesToText(names)}`;
  writeFileSync(join(ROOT, NAMES_OUTPUT), namesText);
  console.log(`wrote ${NAMES_OUTPUT} (${names.length} recognizable names, ${(namesText.length / 1e6).toFixed(2)} MB)`);
}

try {
  main();
} catch (error) {
  console.error(`build-kb: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
