import type { IndexedKnowledgeBase } from '../kb/indexed';
import type { AffinityRecord, Compound, PathwayRole, Reference, Target } from '../kb/types';
import type { Mention } from '../recognize/recognize';
import { escapeMarkdown, link } from './markdown';
import { descriptiveName, referenceUrl, shortCitation, shortTargetName, targetTypeLabel } from '../kb/format';
import { affinityTable, compactTable, MAX_AFFINITY_ROWS, oneRowPer, targetLabel } from './affinity-rows';

/** What a compound or target card shows (settings `pharmalens.hover.*`); every block is on by default. */
export interface HoverOptions {
  /** `compact`: title, five one-line rows and a link to the whole entry; `full`: every block, every row up to the limit. */
  layout: 'compact' | 'full';
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
  /** Rows of an affinity table before "n more rows not shown" (full layout). */
  maxAffinityRows: number;
  /**
   * The editor command a card's "All N records" links to (VS Code: `pharmalens.openKnowledgeBaseEntry`, trusted by the
   * client for that command alone); no link in editors that do not declare one.
   */
  entryCommand?: string;
}

/** What a card knows of the document it is shown in. */
export interface CardContext {
  /** Compounds and targets the document names, in order of first mention. */
  documentCompounds: readonly string[];
  documentTargets: readonly string[];
  /** A `command:` link opening the whole knowledge-base entry, when the editor runs one (VS Code); else none. */
  entryLink?: string;
}

export const COMPACT_ROWS = 5;

export const DEFAULT_HOVER_OPTIONS: HoverOptions = {
  layout: 'compact',
  identifiers: true,
  affinities: true,
  roles: true,
  pathways: true,
  documentCompounds: true,
  maxAffinityRows: MAX_AFFINITY_ROWS,
};

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

function compoundIdentifiers(compound: Compound): string {
  return identifierLine([
    compound.gtopdbLigandId !== undefined
      ? link(`GtoPdb ligand ${compound.gtopdbLigandId}`, `https://www.guidetopharmacology.org/GRAC/LigandDisplayForward?ligandId=${compound.gtopdbLigandId}`)
      : undefined,
    compound.pubchemCid !== undefined ? link(`PubChem CID ${compound.pubchemCid}`, `https://pubchem.ncbi.nlm.nih.gov/compound/${compound.pubchemCid}`) : undefined,
    compound.chemblId ? escapeMarkdown(compound.chemblId) : undefined,
    compound.brandNames?.length ? `brands: ${escapeMarkdown(compound.brandNames.join(', '))}` : undefined,
    compound.type ? escapeMarkdown(compound.type) : undefined,
  ]);
}

function compoundTitle(compound: Compound): string {
  return `**${escapeMarkdown(titleCase(compound.name))}**${compound.class ? ` — ${escapeMarkdown(compound.class)}` : ''}`;
}

/** `All 42 records` as a link to the whole entry where the editor runs it; the count alone elsewhere. */
function entryFooter(count: number, shown: number, context: CardContext, what: string): string {
  if (count <= shown && !context.entryLink) return '';
  const label = `All ${count} record${count === 1 ? '' : 's'} ${what}`;
  return context.entryLink ? `[${escapeMarkdown(label)}](${context.entryLink})` : `_${escapeMarkdown(label)} in the knowledge base._`;
}

/** Pathway names on one line (the full card gives their steps and sources). */
function pathwayNames(kb: IndexedKnowledgeBase, compoundId: string | undefined, targetId: string | undefined): string {
  const pathways = compoundId ? kb.pathwaysOfCompound(compoundId) : targetId ? kb.pathwaysOfTarget(targetId) : [];
  return pathways.length === 0 ? '' : `**Pathways:** ${pathways.map((pathway) => escapeMarkdown(pathway.name)).join(' · ')}`;
}

function compactCompoundCard(kb: IndexedKnowledgeBase, compound: Compound, context: CardContext, options: HoverOptions): string {
  const records = kb.affinitiesOfCompound(compound.id);
  const named = new Set(context.documentTargets);
  const rows = oneRowPer(kb, records, (record) => record.target ?? record.effect ?? '', (key) => named.has(key));
  const shown = rows.slice(0, COMPACT_ROWS);
  const table = compactTable(kb, shown, 'Target', (record) => {
    const label = escapeMarkdown(targetLabel(kb, record));
    return record.target && named.has(record.target) ? `**${label}**` : label;
  });
  const order = shown.some((row) => row.preferred.target && named.has(row.preferred.target)) ? 'targets this document names in bold, then the most potent' : 'primary targets, then the most potent';
  const affinities = !options.affinities
    ? ''
    : records.length === 0
      ? '_No affinity data in the knowledge base._'
      : `${table}

_${shown.length} of ${rows.length} target${rows.length === 1 ? '' : 's'}: ${order}._ ${entryFooter(records.length, shown.length, context, `of ${titleCase(compound.name)}`)}`.trim();
  return [compoundTitle(compound), options.identifiers ? compoundIdentifiers(compound) : '', affinities, options.pathways ? pathwayNames(kb, compound.id, undefined) : '']
    .filter(Boolean)
    .join('\n\n');
}

export function compoundHover(kb: IndexedKnowledgeBase, compound: Compound, options: HoverOptions = DEFAULT_HOVER_OPTIONS, context: CardContext = NO_CONTEXT): string {
  if (options.layout === 'compact') return compactCompoundCard(kb, compound, context, options);
  const records = kb.affinitiesOfCompound(compound.id);
  const affinities = !options.affinities
    ? ''
    : records.length > 0
      ? affinityTable(kb, records, { title: 'Target', cell: (record) => escapeMarkdown(targetLabel(kb, record)) }, options.maxAffinityRows)
      : '_No affinity data in the knowledge base._';
  const pathways = options.pathways ? pathwayLines(kb, compound.id, undefined) : '';
  return [compoundTitle(compound), options.identifiers ? compoundIdentifiers(compound) : '', affinities, pathways].filter(Boolean).join('\n\n');
}

const NO_CONTEXT: CardContext = { documentCompounds: [], documentTargets: [] };

/**
 * `**SERT** — serotonin transporter · SLC6A4 · transporter`: GtoPdb's name, the abbreviation writers use, a descriptive
 * name where GtoPdb's is short, the human gene and the kind of target in words.
 */
function targetTitle(target: Target): string {
  const abbreviation = target.abbreviation && target.abbreviation !== target.name ? ` (${escapeMarkdown(target.abbreviation)})` : '';
  const described = descriptiveName(target);
  const parts = [described ? escapeMarkdown(described) : undefined, target.genes.human ? escapeMarkdown(target.genes.human) : undefined, target.type ? escapeMarkdown(targetTypeLabel(target.type)) : undefined];
  const rest = parts.filter((part): part is string => Boolean(part)).join(' · ');
  return `**${escapeMarkdown(target.name)}**${abbreviation}${rest ? ` — ${rest}` : ''}`;
}

/** `M1 (CHRM1), M2 (CHRM2)`: a group's members with their gene symbols. */
function memberList(kb: IndexedKnowledgeBase, target: Target): string | undefined {
  if (!target.members?.length) return undefined;
  const names = target.members.map((id) => {
    const member = kb.target(id);
    const label = member ? shortTargetName(member) : id;
    const gene = member?.genes.human;
    return escapeMarkdown(gene && gene !== label ? `${label} (${gene})` : label);
  });
  return `members: ${names.join(', ')}`;
}

function targetIdentifiers(kb: IndexedKnowledgeBase, target: Target): string {
  const otherGenes =
    target.genes.rat || target.genes.mouse ? `rat ${escapeMarkdown(target.genes.rat ?? '—')}, mouse ${escapeMarkdown(target.genes.mouse ?? '—')}` : undefined;
  return identifierLine([
    target.uniprot?.human ? link(`UniProt ${target.uniprot.human}`, `https://www.uniprot.org/uniprotkb/${target.uniprot.human}`) : undefined,
    target.gtopdbId !== undefined ? link(`GtoPdb target ${target.gtopdbId}`, `https://www.guidetopharmacology.org/GRAC/ObjectDisplayForward?objectId=${target.gtopdbId}`) : undefined,
    target.family ? escapeMarkdown(target.family) : undefined,
    otherGenes,
    memberList(kb, target),
  ]);
}

interface TargetScope {
  related: string[];
  roles: PathwayRole[];
}

function targetScope(kb: IndexedKnowledgeBase, target: Target): TargetScope {
  const groups = kb.groupsContaining(target.id);
  const members = (target.members ?? []).map((id) => kb.target(id)).filter((member): member is Target => Boolean(member));
  return {
    related: [target.id, ...(target.members ?? []), ...groups.map((group) => group.id)],
    roles: dedupeRoles([...target.roles, ...groups.flatMap((group) => group.roles), ...members.flatMap((member) => member.roles)]),
  };
}

function compoundCell(kb: IndexedKnowledgeBase, target: Target, record: AffinityRecord, markApproved: boolean): string {
  const compound = kb.compound(record.compound);
  const name = escapeMarkdown(`${compound?.name ?? record.compound}${record.target !== target.id ? ` (${targetLabel(kb, record)})` : ''}`);
  return markApproved && compound?.approved ? `${name} ℞` : name;
}

function compactTargetCard(kb: IndexedKnowledgeBase, target: Target, context: CardContext, options: HoverOptions): string {
  const { related, roles } = targetScope(kb, target);
  const all = related.flatMap((id) => kb.affinitiesAtTarget(id));
  const inDocument = all.filter((record) => context.documentCompounds.includes(record.compound));
  const role = options.roles && roles.length > 0 ? `${escapeMarkdown(roles[0].role)}${referenceSuffix(kb, roles[0].referenceId, roles[0].confirmed)}${roles.length > 1 ? ` _(+${roles.length - 1} more role${roles.length === 2 ? '' : 's'})_` : ''}` : '';
  let block = '';
  if (options.documentCompounds && inDocument.length > 0) {
    const rows = oneRowPer(kb, inDocument, (record) => record.compound);
    const shown = rows.slice(0, COMPACT_ROWS);
    const more = rows.length - shown.length;
    block = `**Compounds in this document**\n\n${compactTable(kb, shown, 'Compound', (record) => compoundCell(kb, target, record, false))}${more > 0 ? `\n\n_${more} more compound${more === 1 ? '' : 's'} of this document not shown (most potent first)._` : ''}`;
  } else if (options.affinities && all.length > 0) {
    const ligands = all.filter((record) => !LABELLED.test(kb.compound(record.compound)?.name ?? ''));
    const human = ligands.filter((record) => /^(human|homo sapiens)$/i.test(record.species));
    const rows = oneRowPer(kb, human.length > 0 ? human : ligands, (record) => record.compound, () => false, false).slice(0, COMPACT_ROWS);
    block = rows.length === 0 ? '' : `**Most potent ligands**${human.length > 0 ? ' (human)' : ''}; ℞ approved drug\n\n${compactTable(kb, rows, 'Compound', (record) => compoundCell(kb, target, record, true))}`;
  }
  const footer = entryFooter(all.length, 0, context, `at ${shortTargetName(target)}`);
  return [targetTitle(target), options.identifiers ? targetIdentifiers(kb, target) : '', role, block, footer].filter(Boolean).join('\n\n');
}

export function targetHover(kb: IndexedKnowledgeBase, target: Target, options: HoverOptions = DEFAULT_HOVER_OPTIONS, context: CardContext = NO_CONTEXT): string {
  if (options.layout === 'compact') return compactTargetCard(kb, target, context, options);
  const { documentCompounds } = context;
  const { related, roles } = targetScope(kb, target);
  const inDocument = related.flatMap((id) => kb.affinitiesAtTarget(id)).filter((record) => documentCompounds.includes(record.compound));
  const documentBlock =
    documentCompounds.length === 0 || !options.documentCompounds
      ? ''
      : inDocument.length > 0
        ? `**Compounds in this document at this target**\n\n${affinityTable(kb, inDocument, { title: 'Compound', cell: (record) => compoundCell(kb, target, record, false) }, options.maxAffinityRows)}`
        : '_No compound mentioned in this document has a recorded affinity at this target._';
  const ligandsBlock = options.affinities ? mostPotentLigands(kb, target, related, options.maxAffinityRows) : '';
  return [
    targetTitle(target),
    options.identifiers ? targetIdentifiers(kb, target) : '',
    options.roles ? rolesBlock(kb, roles) : '',
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
  const heading = `**Most potent ligands in the knowledge base** (${compounds} compound${compounds === 1 ? '' : 's'}${human.length > 0 ? ', human' : ''}; ℞ approved drug)`;
  return `${heading}\n\n${affinityTable(kb, chosen, { title: 'Compound', cell: (record) => compoundCell(kb, target, record, true) }, maxRows, false)}`;
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

export function mentionHover(kb: IndexedKnowledgeBase, mention: Mention, context: CardContext, options: HoverOptions = DEFAULT_HOVER_OPTIONS): string | undefined {
  if (mention.kind === 'compound') {
    const compound = kb.compound(mention.id);
    return compound ? compoundHover(kb, compound, options, context) : undefined;
  }
  const target = kb.target(mention.id);
  return target ? targetHover(kb, target, options, context) : undefined;
}

const SECTION_NAMES = ['identifiers', 'affinities', 'roles', 'pathways', 'documentCompounds'] as const;
const LAYOUTS: readonly HoverOptions['layout'][] = ['compact', 'full'];

/** The options a `pharmalens.hover` settings object asks for; values of the wrong type are ignored (defaults apply). */
export function hoverOptionsFromSettings(hover: unknown): Partial<HoverOptions> {
  if (typeof hover !== 'object' || hover === null) return {};
  const { sections, maxAffinityRows, layout } = hover as { sections?: unknown; maxAffinityRows?: unknown; layout?: unknown };
  const options: Partial<HoverOptions> = {};
  const knownLayout = LAYOUTS.find((known) => known === layout);
  if (knownLayout) options.layout = knownLayout;
  if (typeof sections === 'object' && sections !== null) {
    for (const name of SECTION_NAMES) {
      const value = (sections as Record<string, unknown>)[name];
      if (typeof value === 'boolean') options[name] = value;
    }
  }
  if (typeof maxAffinityRows === 'number' && Number.isFinite(maxAffinityRows) && maxAffinityRows >= 1) options.maxAffinityRows = Math.floor(maxAffinityRows);
  return options;
}
