import type { AffinityRecord, Reference } from './types';
import { wellFormed } from '../well-formed';

/** [lowest value in nM shown in this unit, nM per unit, unit]: sub-nanomolar affinities stay in nM, as papers write them. */
const UNITS: readonly [number, number, string][] = [
  [1e6, 1e6, 'mM'],
  [1e3, 1e3, 'µM'],
  [1e-2, 1, 'nM'],
  [0, 1e-3, 'pM'],
];

function unitFor(valueNm: number): [number, string] {
  const [, scale, unit] = UNITS.find(([lowest]) => valueNm >= lowest) ?? UNITS[UNITS.length - 1];
  return [scale, unit];
}

function trimNumber(value: number): string {
  if (value >= 100) return String(Math.round(value * 10) / 10);
  return String(Number(value.toPrecision(3)));
}

/** `4.78 µM`, `0.5–1.1 nM`, `0.72–220 µM`, `> 100 µM`: a range takes the unit of its high end. */
export function formatConcentration(valueNm: number, valueHighNm?: number): string {
  const [scale, unit] = unitFor(valueHighNm ?? valueNm);
  const low = trimNumber(valueNm / scale);
  if (valueHighNm === undefined || valueHighNm === valueNm) return `${low} ${unit}`;
  return `${low}–${trimNumber(valueHighNm / scale)} ${unit}`;
}

const RELATION_PREFIX: Record<AffinityRecord['relation'], string> = { '=': '', '~': '≈ ', '<': '< ', '>': '> ', '<=': '≤ ', '>=': '≥ ' };

export function formatAffinityValue(record: AffinityRecord): string {
  return `${RELATION_PREFIX[record.relation]}${formatConcentration(record.valueNm, record.valueHighNm)}`;
}

export function formatMeasure(record: AffinityRecord): string {
  return record.measure === 'conc' ? 'active conc.' : record.measure;
}

function truncateAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut}…`;
}

/**
 * `Jo 2000`, `Tatsumi 1997`; the start of the title when the source names no authors (databases, vendor sheets, web
 * pages); `PMID 9686407` for a paper known only by its PubMed ID.
 */
export function shortCitation(reference: Reference): string {
  const firstAuthor = reference.authors.split(/[,;]/)[0]?.trim().split(/\s+/)[0];
  const who = firstAuthor || truncateAtWord(reference.title, 36) || (reference.pmid ? `PMID ${reference.pmid}` : reference.id);
  return reference.year ? `${who} ${reference.year}` : who;
}

/** The doi.org link for a DOI written bare, as `doi:…` or as a resolver URL; parentheses encoded for Markdown links. */
export function doiUrl(doi: string): string {
  const bare = doi.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/i, '');
  return `https://doi.org/${encodeURI(wellFormed(bare)).replace(/\(/g, '%28').replace(/\)/g, '%29')}`;
}

export function referenceUrl(reference: Reference): string | undefined {
  if (reference.doi) return doiUrl(reference.doi);
  if (reference.pmid) return `https://pubmed.ncbi.nlm.nih.gov/${reference.pmid}/`;
  if (reference.url?.startsWith('https://')) return reference.url;
  return undefined;
}

export function referenceIdentifiers(reference: Reference): string {
  const parts: string[] = [];
  if (reference.pmid) parts.push(`PMID ${reference.pmid}`);
  if (reference.doi) parts.push(`doi:${reference.doi}`);
  return parts.join(', ');
}

/** Primary papers before databases before vendor sheets. */
export function byGrade(a: AffinityRecord, b: AffinityRecord): number {
  return GRADE_RANK[a.grade] - GRADE_RANK[b.grade];
}

const GRADE_RANK: Record<AffinityRecord['grade'], number> = { primary: 0, database: 1, vendor: 2 };

/**
 * Human before other species, primary papers before databases before vendor sheets, a record citing a paper before one
 * citing a database alone (`citesPaper`), then the most potent.
 */
export function preferenceOrder(citesPaper: (record: AffinityRecord) => boolean): (a: AffinityRecord, b: AffinityRecord) => number {
  const human = (record: AffinityRecord): number => (/^(human|homo sapiens)$/i.test(record.species) ? 0 : 1);
  return (a, b) => human(a) - human(b) || byGrade(a, b) || Number(citesPaper(b)) - Number(citesPaper(a)) || a.valueNm - b.valueNm;
}
