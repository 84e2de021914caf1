/** Parsing, validation and merging of knowledge-base files. Pure: the host reads the files. */
import type { ErrorObject } from 'ajv';
import type { KnowledgeBase } from './types.js';
import { jsonSyntaxErrorMessage } from './json-position.js';
// Precompiled from scripts/kb-build/schema.ts by scripts/kb-build/validator.ts: compiling the schema at start-up costs ~200 ms.
import { validateKnowledgeBase, validateKnowledgeBaseExtension, type PrecompiledValidator } from './validate-kb.generated.js';

export interface LoadResult {
  kb?: KnowledgeBase;
  errors: string[];
}

/** Errors beyond this many are summarised in one line: a broken file should not flood the log. */
const MAX_REPORTED_ERRORS = 25;


/** `/affinities/12/valueNm` → `affinities[12].valueNm`, naming the entry's id when it has one. */
function describePath(instancePath: string, data: unknown): string {
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let path = '';
  let node: unknown = data;
  for (const part of parts) {
    const isIndex = Array.isArray(node) && /^[0-9]+$/.test(part);
    node = (node as Record<string, unknown> | undefined)?.[part];
    if (isIndex) {
      const id = (node as { id?: unknown } | undefined)?.id;
      path += typeof id === 'string' ? `[${part}] (id "${id}")` : `[${part}]`;
    } else {
      path += path === '' ? part : `.${part}`;
    }
  }
  return path === '' ? '(top level)' : path;
}

function describeSchemaError(error: ErrorObject, data: unknown, sourceName: string): string {
  const where = describePath(error.instancePath, data);
  let problem = error.message ?? 'is invalid';
  if (error.keyword === 'required') problem = `missing required field "${(error.params as { missingProperty: string }).missingProperty}"`;
  if (error.keyword === 'additionalProperties') problem = `unknown field "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  if (error.keyword === 'enum') problem = `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  if (error.keyword === 'anyOf' && error.instancePath.startsWith('/affinities/')) problem = 'needs a "target" or an "effect"';
  return `${sourceName}: ${where}: ${problem}`;
}

function capErrors(errors: string[]): string[] {
  if (errors.length <= MAX_REPORTED_ERRORS) return errors;
  return [...errors.slice(0, MAX_REPORTED_ERRORS), `… and ${errors.length - MAX_REPORTED_ERRORS} more errors`];
}

function parseAndValidate(json: string, sourceName: string, validate: PrecompiledValidator): { data?: unknown; errors: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { errors: [jsonSyntaxErrorMessage(json, sourceName, error)] };
  }
  if (validate(data)) return { data, errors: [] };
  // anyOf also reports each failed branch; the summary line above says it better.
  const relevant = (validate.errors ?? []).filter((e) => !e.schemaPath.includes('/anyOf/'));
  return { errors: capErrors(relevant.map((e) => describeSchemaError(e, data, sourceName))) };
}

function duplicateIds(items: { id: string }[], collection: string, sourceName: string): string[] {
  const seen = new Set<string>();
  const errors: string[] = [];
  items.forEach((item, index) => {
    if (seen.has(item.id)) errors.push(`${sourceName}: ${collection}[${index}]: duplicate id "${item.id}"`);
    seen.add(item.id);
  });
  return errors;
}

/** Cross-references the schema cannot express: every id an entry points at must exist; ids are unique. */
export function checkIntegrity(kb: KnowledgeBase, sourceName: string): string[] {
  const errors = [
    ...duplicateIds(kb.compounds, 'compounds', sourceName),
    ...duplicateIds(kb.targets, 'targets', sourceName),
    ...duplicateIds(kb.affinities, 'affinities', sourceName),
    ...duplicateIds(kb.pathways, 'pathways', sourceName),
    ...duplicateIds(kb.references, 'references', sourceName),
  ];
  const compounds = new Set(kb.compounds.map((c) => c.id));
  const targets = new Set(kb.targets.map((t) => t.id));
  const references = new Set(kb.references.map((r) => r.id));
  const affinities = new Set(kb.affinities.map((a) => a.id));
  const missing = (where: string, kind: string, id: string) => errors.push(`${sourceName}: ${where}: unknown ${kind} "${id}"`);

  kb.affinities.forEach((a, i) => {
    const where = `affinities[${i}] (id "${a.id}")`;
    if (!compounds.has(a.compound)) missing(`${where}.compound`, 'compound', a.compound);
    if (a.target !== undefined && !targets.has(a.target)) missing(`${where}.target`, 'target', a.target);
    if (!references.has(a.referenceId)) missing(`${where}.referenceId`, 'reference', a.referenceId);
    a.otherReferenceIds?.forEach((r, j) => references.has(r) || missing(`${where}.otherReferenceIds[${j}]`, 'reference', r));
    if (a.duplicateOf !== undefined && !affinities.has(a.duplicateOf)) missing(`${where}.duplicateOf`, 'affinity', a.duplicateOf);
    if (a.valueHighNm !== undefined && a.valueHighNm < a.valueNm) {
      errors.push(`${sourceName}: ${where}.valueHighNm: ${a.valueHighNm} is below valueNm ${a.valueNm}`);
    }
  });
  kb.targets.forEach((t, i) => {
    const where = `targets[${i}] (id "${t.id}")`;
    t.members?.forEach((m, j) => targets.has(m) || missing(`${where}.members[${j}]`, 'target', m));
    t.roles.forEach((r, j) => r.referenceId === undefined || references.has(r.referenceId) || missing(`${where}.roles[${j}].referenceId`, 'reference', r.referenceId));
  });
  kb.pathways.forEach((p, i) => {
    const where = `pathways[${i}] (id "${p.id}")`;
    p.members.forEach((m, j) => targets.has(m) || missing(`${where}.members[${j}]`, 'target', m));
    p.referenceIds.forEach((r, j) => references.has(r) || missing(`${where}.referenceIds[${j}]`, 'reference', r));
    p.compounds.forEach((c, j) => {
      if (!compounds.has(c.compound)) missing(`${where}.compounds[${j}].compound`, 'compound', c.compound);
      c.referenceIds.forEach((r, k) => references.has(r) || missing(`${where}.compounds[${j}].referenceIds[${k}]`, 'reference', r));
    });
  });
  return capErrors(errors);
}

/** Parses and validates a complete knowledge base (the built `dist/kb.json`). */
export function loadKnowledgeBase(json: string, sourceName: string): LoadResult {
  const { data, errors } = parseAndValidate(json, sourceName, validateKnowledgeBase);
  if (errors.length > 0) return { errors };
  const kb = data as KnowledgeBase;
  const integrityErrors = checkIntegrity(kb, sourceName);
  return integrityErrors.length > 0 ? { errors: integrityErrors } : { kb, errors: [] };
}

const COLLECTIONS = ['targets', 'compounds', 'affinities', 'pathways', 'references', 'stopNames'] as const;

/**
 * The bundled knowledge base: the build validated this very text against the schema and the integrity rules, so at
 * start-up only its shape is checked (about half the load time saved); anything unexpected gets the full validation
 * and its precise errors.
 */
export function loadBundledKnowledgeBase(json: string, sourceName: string): LoadResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { errors: [jsonSyntaxErrorMessage(json, sourceName, error)] };
  }
  const record = data as Record<string, unknown> | null;
  const wellShaped = typeof record === 'object' && record !== null && typeof record.version === 'string' && COLLECTIONS.every((key) => Array.isArray(record[key]));
  return wellShaped ? { kb: data as KnowledgeBase, errors: [] } : loadKnowledgeBase(json, sourceName);
}

export type KnowledgeBaseExtension = Partial<KnowledgeBase> & {
  /** Id prefixes of the base's affinity records this file supersedes (`gtopdb:`: a newer GtoPdb release imported). */
  replaces?: string[];
};

/**
 * Parses and validates a user-supplied extra file, whose collections are all optional. Its references to ids are
 * checked only once it is merged (they may point into the base): call `checkIntegrity` on the merge.
 */
export function loadKnowledgeBaseExtension(json: string, sourceName: string): { extension?: KnowledgeBaseExtension; errors: string[] } {
  const { data, errors } = parseAndValidate(json, sourceName, validateKnowledgeBaseExtension);
  return errors.length > 0 ? { errors } : { extension: data as KnowledgeBaseExtension, errors: [] };
}

function mergeById<T extends { id: string }>(base: T[], extra: T[] | undefined): T[] {
  if (!extra || extra.length === 0) return base;
  const overrides = new Map(extra.map((item) => [item.id, item]));
  const merged = base.map((item) => overrides.get(item.id) ?? item);
  const baseIds = new Set(base.map((item) => item.id));
  return [...merged, ...extra.filter((item) => !baseIds.has(item.id))];
}

function withoutReplaced<T extends { id: string }>(items: T[], prefixes: readonly string[] | undefined): T[] {
  if (!prefixes || prefixes.length === 0) return items;
  return items.filter((item) => !prefixes.some((prefix) => item.id.startsWith(prefix)));
}

/**
 * Base plus a user's extra entries; an extra entry replaces the base entry with the same id, and the base's affinity
 * records whose ids start with one of `replaces` give way to the file's (a newer GtoPdb release).
 */
export function mergeKnowledgeBases(base: KnowledgeBase, extra: KnowledgeBaseExtension): KnowledgeBase {
  return {
    version: extra.version ? `${base.version}+${extra.version}` : base.version,
    builtFrom: [...base.builtFrom, ...(extra.builtFrom ?? [])],
    compounds: mergeById(base.compounds, extra.compounds),
    targets: mergeById(base.targets, extra.targets),
    affinities: mergeById(withoutReplaced(base.affinities, extra.replaces), extra.affinities),
    pathways: mergeById(base.pathways, extra.pathways),
    references: mergeById(base.references, extra.references),
    stopNames: [...new Set([...base.stopNames, ...(extra.stopNames ?? [])])],
  };
}
