import type { IndexedKnowledgeBase } from '../kb/indexed';
import type { AffinityRecord, Compound, PathwayRole, Reference, Target } from '../kb/types';
import type { Mention } from '../recognize/recognize';
import { escapeMarkdown, link, table } from './markdown';
import {
  formatAffinityValue,
  formatMeasure,
  preferenceOrder,
  referenceIdentifiers,
  referenceUrl,
  shortCitation,
} from '../kb/format';

export const MAX_AFFINITY_ROWS = 12;

/** What a compound or target card shows (settings `pharmalens.hover.*`); every block is on by default. */
export interface HoverOptions {
  /** Class, gene symbols, UniProt/GtoPdb/PubChem links, brand names. */
  identifiers: boolean;
  /** The compound's affinity table. */
  affinities: boolean;
  /** A target's pathway and clinical roles with their references. */
  roles: boolean;
  /** Pathways and mechanisms. */
  pathways: boolean;
  /** On a target: the affinities of the compounds this document mentions. */
  documentCompounds: boolean;
  /** Rows of an affinity table before "n more rows not shown". */
  maxAffinityRows: number;
}

export const DEFAULT_HOVER_OPTIONS: HoverOptions = {
  identifiers: true,
  affinities: true,
  roles: true,
  pathways: true,
  documentCompounds: true,
  maxAffinityRows: MAX_AFFINITY_ROWS,
};

export function sourceCell(kb: IndexedKnowledgeBase, record: AffinityRecord): string {
  const reference = kb.reference(record.referenceId);
  if (!reference) return escapeMarkdown(record.origin);
  // A database row is best named by the database and its own source (`DrugCentral (WOMBAT-PK)`).
  const label = record.grade === 'database' ? record.origin : shortCitation(reference);
  const ids = referenceIdentifiers(reference);
  const more = record.otherReferenceIds?.length ?? 0;
  const moreNote = more > 0 ? `, +${more} more paper${more === 1 ? '' : 's'}` : '';
  return ids || moreNote ? `${link(label, referenceUrl(reference))} (${escapeMarkdown(ids)}${moreNote})` : link(label, referenceUrl(reference));
}

/** A record whose reference is a paper (a GtoPdb row cites the paper it was curated from) before one citing a database alone. */
function citesPaper(kb: IndexedKnowledgeBase, record: AffinityRecord): boolean {
  const kind = kb.reference(record.referenceId)?.kind ?? 'paper';
  return kind === 'paper' || kind === 'review';
}

function targetLabel(kb: IndexedKnowledgeBase, record: AffinityRecord): string {
  if (!record.target) return record.effect ?? '—';
  const target = kb.target(record.target);
  return target ? target.abbreviation || target.name : record.target;
}

/** `agonist`, `antagonist (inverse agonist)`: what the compound does there, when the source says. */
function actionNote(record: AffinityRecord): string {
  return record.action ? ` · ${escapeMarkdown(record.action.toLowerCase())}` : '';
}

/**
 * One row per compound, target and measure: the preferred record, with the spread over the other sources. A drug's
 * primary targets (as its source marks them) come first, then the most potent.
 */
function affinityRows(kb: IndexedKnowledgeBase, records: readonly AffinityRecord[], primaryFirst = true): { preferred: AffinityRecord; others: AffinityRecord[] }[] {
  const preferred = preferenceOrder((record) => citesPaper(kb, record));
  const groups = new Map<string, AffinityRecord[]>();
  for (const record of records) {
    const key = `${record.compound}\u0000${record.target ?? record.effect}\u0000${record.measure}`;
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return [...groups.values()]
    .map((group) => {
      const trusted = group.filter((record) => !record.outlier);
      const ordered = [...(trusted.length > 0 ? trusted : group)].sort(preferred);
      return { preferred: ordered[0], others: group.filter((record) => record !== ordered[0]), primary: group.some((record) => record.primaryTarget) };
    })
    .sort((a, b) => (primaryFirst ? Number(b.primary) - Number(a.primary) : 0) || a.preferred.valueNm - b.preferred.valueNm);
}

function valueCell(preferred: AffinityRecord, others: AffinityRecord[]): string {
  const base = formatAffinityValue(preferred);
  const trusted = others.filter(
    (record) => !record.outlier && !record.duplicateOf && record.id !== preferred.duplicateOf && record.species === preferred.species,
  );
  if (trusted.length === 0) return base;
  const values = [preferred, ...trusted].map((record) => record.valueNm);
  const low = Math.min(...values);
  const high = Math.max(...[preferred, ...trusted].map((record) => record.valueHighNm ?? record.valueNm));
  const spread = low === high ? '' : `; ${formatAffinityValue({ ...preferred, relation: '=', valueNm: low, valueHighNm: high })}`;
  return `${base} (${trusted.length + 1} records${spread})`;
}

function conditionsNote(record: AffinityRecord): string {
  const parts = [record.conditions, record.assay].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? ` — ${escapeMarkdown(parts.join('; '))}` : '';
}

export function affinityTable(
  kb: IndexedKnowledgeBase,
  records: readonly AffinityRecord[],
  firstColumn: { title: string; cell: (record: AffinityRecord) => string },
  maxRows = MAX_AFFINITY_ROWS,
  primaryFirst = true,
): string {
  const rows = affinityRows(kb, records.filter((record) => !record.outlier), primaryFirst);
  const outliers = records.filter((record) => record.outlier).length;
  const shown = rows.slice(0, Math.max(1, maxRows));
  const body = table(
    [firstColumn.title, 'Measure', 'Value', 'Species', 'Source', 'Grade'],
    shown.map(({ preferred, others }) => [
      firstColumn.cell(preferred),
      `${formatMeasure(preferred)}${actionNote(preferred)}`,
      valueCell(preferred, others),
      escapeMarkdown(preferred.species),
      sourceCell(kb, preferred),
      preferred.grade,
    ]),
  );
  const rest = rows.length - shown.length;
  const notes = [
    rest > 0 ? `${rest} more row${rest === 1 ? '' : 's'} not shown (${primaryFirst ? 'primary targets, then the most potent, first' : 'most potent first'})` : '',
    outliers > 0 ? `${outliers} record${outliers === 1 ? '' : 's'} flagged as outlier${outliers === 1 ? '' : 's'} by QC left out` : '',
  ].filter(Boolean);
  const footer = notes.length > 0 ? `\n\n_${notes.join('; ')}._` : '';
  const conditions = shown
    .filter(({ preferred }) => preferred.conditions)
    .map(({ preferred }) => `- ${firstColumn.cell(preferred)} ${formatMeasure(preferred)} ${formatAffinityValue(preferred)}${conditionsNote(preferred)}`);
  const conditionsBlock = conditions.length > 0 ? `\n\n**Conditions**\n${conditions.join('\n')}` : '';
  return body + footer + conditionsBlock;
}

function referenceSuffix(kb: IndexedKnowledgeBase, referenceId: string | undefined, confirmed: boolean): string {
  const reference = referenceId ? kb.reference(referenceId) : undefined;
  if (!reference) return confirmed ? '' : ' — _no source confirmed_';
  const cited = link(shortCitation(reference), referenceUrl(reference));
  return confirmed && reference.confirmed !== false ? ` — ${cited}` : ` — ${cited} _(source named, but not read for this statement)_`;
}

function rolesBlock(kb: IndexedKnowledgeBase, roles: readonly PathwayRole[]): string {
  if (roles.length === 0) return '';
  const lines = roles.map((role) => `- ${escapeMarkdown(role.role)}${referenceSuffix(kb, role.referenceId, role.confirmed)}`);
  return `**Pathway and clinical roles**\n${lines.join('\n')}`;
}

function pathwayLines(kb: IndexedKnowledgeBase, compoundId: string | undefined, targetId: string | undefined): string {
  const pathways = compoundId ? kb.pathwaysOfCompound(compoundId) : targetId ? kb.pathwaysOfTarget(targetId) : [];
  if (pathways.length === 0) return '';
  const lines = pathways.map((pathway) => {
    const action = compoundId ? pathway.compounds.find((entry) => entry.compound === compoundId) : undefined;
    const referenceIds = action?.referenceIds.length ? action.referenceIds : pathway.referenceIds;
    const sources = referenceIds
      .map((id) => kb.reference(id))
      .filter((reference): reference is Reference => Boolean(reference))
      .map((reference) => link(shortCitation(reference), referenceUrl(reference)) + (reference.confirmed === false ? ' _(not read)_' : ''));
    const steps = pathway.steps.length > 0 ? `: ${pathway.steps.map(escapeMarkdown).join(' → ')}` : '';
    const how = action ? ` — ${escapeMarkdown(action.action)}` : '';
    return `- **${escapeMarkdown(pathway.name)}**${steps}${how}${sources.length > 0 ? ` (${sources.join(', ')})` : ''}`;
  });
  return `**Pathways and mechanisms**\n${lines.join('\n')}`;
}

function identifierLine(parts: (string | undefined)[]): string {
  return parts.filter((part): part is string => Boolean(part)).join(' · ');
}

/** INNs are lower case (`amitriptyline`); a card's title starts with a capital. */
function titleCase(name: string): string {
  return name === name.toLowerCase() ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

export function compoundHover(kb: IndexedKnowledgeBase, compound: Compound, options: HoverOptions = DEFAULT_HOVER_OPTIONS): string {
  const title = `**${escapeMarkdown(titleCase(compound.name))}**${compound.class ? ` — ${escapeMarkdown(compound.class)}` : ''}`;
  const ids = identifierLine([
    compound.gtopdbLigandId !== undefined
      ? link(`GtoPdb ligand ${compound.gtopdbLigandId}`, `https://www.guidetopharmacology.org/GRAC/LigandDisplayForward?ligandId=${compound.gtopdbLigandId}`)
      : undefined,
    compound.pubchemCid !== undefined ? link(`PubChem CID ${compound.pubchemCid}`, `https://pubchem.ncbi.nlm.nih.gov/compound/${compound.pubchemCid}`) : undefined,
    compound.chemblId ? escapeMarkdown(compound.chemblId) : undefined,
    compound.brandNames?.length ? `brands: ${escapeMarkdown(compound.brandNames.join(', '))}` : undefined,
    compound.type ? escapeMarkdown(compound.type) : undefined,
  ]);
  const records = kb.affinitiesOfCompound(compound.id);
  const affinities = !options.affinities
    ? ''
    : records.length > 0
      ? affinityTable(kb, records, { title: 'Target', cell: (record) => escapeMarkdown(targetLabel(kb, record)) }, options.maxAffinityRows)
      : '_No affinity data in the knowledge base._';
  const pathways = options.pathways ? pathwayLines(kb, compound.id, undefined) : '';
  return [title, options.identifiers ? ids : '', affinities, pathways].filter(Boolean).join('\n\n');
}

function targetTitle(target: Target): string {
  const abbreviation = target.abbreviation && target.abbreviation !== target.name ? `**${escapeMarkdown(target.abbreviation)}** — ` : '';
  return `${abbreviation}**${escapeMarkdown(target.name)}**`;
}

export function targetHover(
  kb: IndexedKnowledgeBase,
  target: Target,
  documentCompounds: readonly string[],
  options: HoverOptions = DEFAULT_HOVER_OPTIONS,
): string {
  const genes = target.genes.human
    ? `gene ${escapeMarkdown(target.genes.human)}${target.genes.rat || target.genes.mouse ? ` (rat ${escapeMarkdown(target.genes.rat ?? '—')}, mouse ${escapeMarkdown(target.genes.mouse ?? '—')})` : ''}`
    : undefined;
  const members = target.members?.length
    ? `members: ${target.members.map((id) => escapeMarkdown(kb.target(id)?.abbreviation || kb.target(id)?.name || id)).join(', ')}`
    : undefined;
  const ids = identifierLine([
    genes,
    target.uniprot?.human ? link(`UniProt ${target.uniprot.human}`, `https://www.uniprot.org/uniprotkb/${target.uniprot.human}`) : undefined,
    target.family ? escapeMarkdown(target.family) : undefined,
    target.type ? escapeMarkdown(target.type) : undefined,
    target.gtopdbId !== undefined ? link(`GtoPdb target ${target.gtopdbId}`, `https://www.guidetopharmacology.org/GRAC/ObjectDisplayForward?objectId=${target.gtopdbId}`) : undefined,
    members,
  ]);
  const relatedTargets = [target.id, ...(target.members ?? []), ...kb.groupsContaining(target.id).map((group) => group.id)];
  const inDocument = relatedTargets.flatMap((id) => kb.affinitiesAtTarget(id)).filter((record) => documentCompounds.includes(record.compound));
  const memberTargets = (target.members ?? []).map((id) => kb.target(id)).filter((member): member is Target => Boolean(member));
  const roles = [...target.roles, ...kb.groupsContaining(target.id).flatMap((group) => group.roles), ...memberTargets.flatMap((member) => member.roles)];
  const documentBlock =
    documentCompounds.length === 0 || !options.documentCompounds
      ? ''
      : inDocument.length > 0
        ? `**Compounds in this document at this target**\n\n${affinityTable(kb, inDocument, {
            title: 'Compound',
            cell: (record) => escapeMarkdown(`${kb.compound(record.compound)?.name ?? record.compound}${record.target !== target.id ? ` (${targetLabel(kb, record)})` : ''}`),
          }, options.maxAffinityRows)}`
        : '_No compound mentioned in this document has a recorded affinity at this target._';
  const ligandsBlock = options.affinities ? mostPotentLigands(kb, target, relatedTargets, options.maxAffinityRows) : '';
  return [
    targetTitle(target),
    options.identifiers ? ids : '',
    options.roles ? rolesBlock(kb, dedupeRoles(roles)) : '',
    options.pathways ? pathwayLines(kb, undefined, target.id) : '',
    documentBlock,
    ligandsBlock,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** A labelled ligand (`[3H]DAMGO`) is a tool of the assay, not a compound a writer quotes. */
const LABELLED = /^\[/;

/** The knowledge base's most potent ligands at a target (human records first), approved drugs marked. */
function mostPotentLigands(kb: IndexedKnowledgeBase, target: Target, relatedTargets: readonly string[], maxRows: number): string {
  const records = relatedTargets.flatMap((id) => kb.affinitiesAtTarget(id)).filter((record) => !LABELLED.test(kb.compound(record.compound)?.name ?? ''));
  if (records.length === 0) return '';
  const human = records.filter((record) => /^(human|homo sapiens)$/i.test(record.species));
  const chosen = human.length > 0 ? human : records;
  const compounds = new Set(chosen.map((record) => record.compound)).size;
  const cell = (record: AffinityRecord) => {
    const compound = kb.compound(record.compound);
    const name = escapeMarkdown(`${compound?.name ?? record.compound}${record.target !== target.id ? ` (${targetLabel(kb, record)})` : ''}`);
    return compound?.approved ? `${name} ℞` : name;
  };
  const heading = `**Most potent ligands in the knowledge base** (${compounds} compound${compounds === 1 ? '' : 's'}${human.length > 0 ? ', human' : ''}; ℞ approved drug)`;
  return `${heading}\n\n${affinityTable(kb, chosen, { title: 'Compound', cell }, maxRows, false)}`;
}

function dedupeRoles(roles: PathwayRole[]): PathwayRole[] {
  const seen = new Set<string>();
  return roles.filter((role) => {
    const key = `${role.role}\u0000${role.referenceId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function mentionHover(
  kb: IndexedKnowledgeBase,
  mention: Mention,
  documentCompounds: readonly string[],
  options: HoverOptions = DEFAULT_HOVER_OPTIONS,
): string | undefined {
  if (mention.kind === 'compound') {
    const compound = kb.compound(mention.id);
    return compound ? compoundHover(kb, compound, options) : undefined;
  }
  const target = kb.target(mention.id);
  return target ? targetHover(kb, target, documentCompounds, options) : undefined;
}

const SECTION_NAMES = ['identifiers', 'affinities', 'roles', 'pathways', 'documentCompounds'] as const;

/** The options a `pharmalens.hover` settings object asks for; values of the wrong type are ignored (defaults apply). */
export function hoverOptionsFromSettings(hover: unknown): Partial<HoverOptions> {
  if (typeof hover !== 'object' || hover === null) return {};
  const { sections, maxAffinityRows } = hover as { sections?: unknown; maxAffinityRows?: unknown };
  const options: Partial<HoverOptions> = {};
  if (typeof sections === 'object' && sections !== null) {
    for (const name of SECTION_NAMES) {
      const value = (sections as Record<string, unknown>)[name];
      if (typeof value === 'boolean') options[name] = value;
    }
  }
  if (typeof maxAffinityRows === 'number' && Number.isFinite(maxAffinityRows) && maxAffinityRows >= 1) options.maxAffinityRows = Math.floor(maxAffinityRows);
  return options;
}
