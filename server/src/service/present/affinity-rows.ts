import type { IndexedKnowledgeBase } from '../kb/indexed';
import type { AffinityRecord } from '../kb/types';
import { escapeMarkdown, link, table } from './markdown';
import { formatAffinityValue, formatMeasure, gradeLabel, preferenceOrder, referenceIdentifiers, referenceUrl, shortTargetName, sourceLabel } from '../kb/format';

/** Affinity rows as cards, hovers on a statement or a citation, and the affinity table show them. */

export const MAX_AFFINITY_ROWS = 12;

/** The source, linked to the paper (DOI, else PubMed); `withIdentifiers` adds its PMID and DOI in words. */
export function sourceCell(kb: IndexedKnowledgeBase, record: AffinityRecord, withIdentifiers = true): string {
  const reference = kb.reference(record.referenceId);
  if (!reference) return escapeMarkdown(record.origin);
  const label = sourceLabel(record, reference);
  if (!withIdentifiers) return link(label, referenceUrl(reference));
  // `PMID 9686407 via GtoPdb` already names its PubMed ID.
  const ids = referenceIdentifiers(reference)
    .split(', ')
    .filter((id) => id && !label.includes(id));
  const more = record.otherReferenceIds?.length ?? 0;
  const notes = [...ids.map(escapeMarkdown), ...(more > 0 ? [`+${more} more paper${more === 1 ? '' : 's'}`] : [])];
  return notes.length > 0 ? `${link(label, referenceUrl(reference))} (${notes.join(', ')})` : link(label, referenceUrl(reference));
}

/** A record whose reference is a paper (a GtoPdb row cites the paper it was curated from) before one citing a database alone. */
export function citesPaper(kb: IndexedKnowledgeBase, record: AffinityRecord): boolean {
  const kind = kb.reference(record.referenceId)?.kind ?? 'paper';
  return kind === 'paper' || kind === 'review';
}

/** A target id as tables name it; undefined without one. */
export function targetName(kb: IndexedKnowledgeBase, id: string | undefined): string | undefined {
  if (!id) return undefined;
  const target = kb.target(id);
  return target ? shortTargetName(target) : id;
}

export function targetLabel(kb: IndexedKnowledgeBase, record: AffinityRecord): string {
  return targetName(kb, record.target) ?? record.effect ?? '—';
}

/** `agonist`, `antagonist (inverse agonist)`: what the compound does there, when the source says. */
export function actionNote(record: AffinityRecord): string {
  return record.action ? ` · ${escapeMarkdown(record.action.toLowerCase())}` : '';
}

/**
 * One row per compound, target and measure: the preferred record, with the spread over the other sources. A drug's
 * primary targets (as its source marks them) come first, then the most potent.
 */
export interface AffinityRow {
  preferred: AffinityRecord;
  others: AffinityRecord[];
  primary: boolean;
}

export function affinityRows(kb: IndexedKnowledgeBase, records: readonly AffinityRecord[], primaryFirst = true): AffinityRow[] {
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

/** The independent records of the preferred one's species beside it, and the range they span with it. */
function spread(preferred: AffinityRecord, others: AffinityRecord[]): { count: number; range?: string } {
  const trusted = others.filter(
    (record) => !record.outlier && !record.duplicateOf && record.id !== preferred.duplicateOf && record.species === preferred.species,
  );
  if (trusted.length === 0) return { count: 1 };
  const low = Math.min(...[preferred, ...trusted].map((record) => record.valueNm));
  const high = Math.max(...[preferred, ...trusted].map((record) => record.valueHighNm ?? record.valueNm));
  // Sources within 1.5-fold of each other agree; a range that narrow says nothing a reader needs.
  const range = high / low >= 1.5 ? formatAffinityValue({ ...preferred, relation: '=', valueNm: low, valueHighNm: high }) : undefined;
  return { count: trusted.length + 1, range };
}

export function valueCell(preferred: AffinityRecord, others: AffinityRecord[]): string {
  const base = formatAffinityValue(preferred);
  const { count, range } = spread(preferred, others);
  return count === 1 ? base : `${base} (${count} records${range ? `; ${range}` : ''})`;
}

/** `4.3 nM (3.45–141 nM)`: the preferred value and, when the sources differ, their range; one line in a card. */
function compactValueCell(preferred: AffinityRecord, others: AffinityRecord[]): string {
  const { range } = spread(preferred, others);
  return range ? `${formatAffinityValue(preferred)} (${range})` : formatAffinityValue(preferred);
}

const BINDING_FIRST: Record<string, number> = { Ki: 0, Kd: 0, IC50: 1, Kb: 1, pA2: 1, EC50: 2 };

/**
 * One row per key (a target on a compound's card, a compound on a target's): its binding measure before a functional
 * one, then the better sourced; `named` keys (what the document names) first, then primary targets, then the most potent.
 */
export function oneRowPer(
  kb: IndexedKnowledgeBase,
  records: readonly AffinityRecord[],
  keyOf: (record: AffinityRecord) => string,
  named: (key: string) => boolean = () => false,
  primaryFirst = true,
): AffinityRow[] {
  const preferred = preferenceOrder((record) => citesPaper(kb, record));
  const best = new Map<string, AffinityRow>();
  for (const row of affinityRows(kb, records.filter((record) => !record.outlier), primaryFirst)) {
    const key = keyOf(row.preferred);
    const held = best.get(key);
    const rank = (candidate: AffinityRow): number => BINDING_FIRST[candidate.preferred.measure] ?? 3;
    if (!held || rank(row) < rank(held) || (rank(row) === rank(held) && preferred(row.preferred, held.preferred) < 0)) {
      best.set(key, { ...row, primary: row.primary || Boolean(held?.primary) });
    }
  }
  return [...best.entries()]
    .sort(
      ([keyA, a], [keyB, b]) =>
        Number(named(keyB)) - Number(named(keyA)) || (primaryFirst ? Number(b.primary) - Number(a.primary) : 0) || a.preferred.valueNm - b.preferred.valueNm,
    )
    .map(([, row]) => row);
}

/** A card's table: four columns, one line a row; a species other than human and a value not read are marked. */
export function compactTable(kb: IndexedKnowledgeBase, rows: readonly AffinityRow[], firstTitle: string, cell: (record: AffinityRecord) => string): string {
  return table(
    [firstTitle, 'Measure', 'Value', 'Source'],
    rows.map(({ preferred, others }) => {
      const reference = kb.reference(preferred.referenceId);
      const species = /^(human|homo sapiens)$/i.test(preferred.species) ? '' : ` (${escapeMarkdown(preferred.species)})`;
      const unread = gradeLabel(preferred, reference).includes('not read') ? ' _(value not read in the paper)_' : '';
      return [cell(preferred), `${formatMeasure(preferred)}${species}`, compactValueCell(preferred, others), `${sourceCell(kb, preferred, false)}${unread}`];
    }),
  );
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
      escapeMarkdown(gradeLabel(preferred, kb.reference(preferred.referenceId))),
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

