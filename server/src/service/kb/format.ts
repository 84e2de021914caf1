import type { AffinityRecord, Reference } from './types';
import { wellFormed } from '../well-formed';

type DisplayUnit = 'mM' | 'µM' | 'nM' | 'pM';

/** [lowest value in nM shown in this unit, nM per unit, unit]: sub-nanomolar affinities stay in nM, as papers write them. */
const UNITS: readonly [number, number, DisplayUnit][] = [
  [1e6, 1e6, 'mM'],
  [1e3, 1e3, 'µM'],
  [1e-2, 1, 'nM'],
  [0, 1e-3, 'pM'],
];

function unitFor(valueNm: number): [number, DisplayUnit] {
  const [, scale, unit] = UNITS.find(([lowest]) => valueNm >= lowest) ?? UNITS[UNITS.length - 1];
  return [scale, unit];
}

/** The unit a value (in nM) is shown and written in: `4780` → `µM`, `0.5` → `nM`, `0.004` → `pM`. */
export function displayUnit(valueNm: number): DisplayUnit {
  return unitFor(valueNm)[1];
}

/** Three significant digits (`0.288` → `0.288`, `239.9` → `240`, `4780` → `4780`), no trailing zeros. */
function trimNumber(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** −log10 of the molar concentration, with two decimals: 3.45 nM → `8.46`. */
export function formatPValue(valueNm: number): string {
  return (9 - Math.log10(valueNm)).toFixed(2);
}

/**
 * `4.78 µM`, `0.5–1.1 nM`, `0.72–220 µM`: a range takes the unit of its high end; a range whose ends read the same
 * (`239.9–240`, `40–40`, `0.288–0.29`) is one value.
 */
export function formatConcentration(valueNm: number, valueHighNm?: number): string {
  const [scale, unit] = unitFor(valueHighNm ?? valueNm);
  const low = trimNumber(valueNm / scale);
  const high = valueHighNm === undefined ? low : trimNumber(valueHighNm / scale);
  if (low === high) return `${high} ${unit}`;
  // Ends that agree to two digits (`0.288–0.29`) are one value written two ways.
  const roughly = (value: number): string => String(Number(value.toPrecision(2)));
  if (valueHighNm !== undefined && roughly(valueNm / scale) === roughly(valueHighNm / scale)) return `${roughly(valueHighNm / scale)} ${unit}`;
  return `${low}–${high} ${unit}`;
}

/** The sign written before a value of each relation (`≈ `, `< ` …); none for equality. */
export const RELATION_PREFIX: Record<AffinityRecord['relation'], string> = { '=': '', '~': '≈ ', '<': '< ', '>': '> ', '<=': '≤ ', '>=': '≥ ' };

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

/** `Tatsumi M` → `Tatsumi`, `van der Berg AB` → `van der Berg`, `BenchChem Technical Support Team` kept whole. */
function surname(author: string): string {
  const words = author.trim().split(/\s+/);
  return words.length > 1 && /^[A-Z]{1,3}\.?$/.test(words[words.length - 1]) ? words.slice(0, -1).join(' ') : words.join(' ');
}

/** The authors of a reference as written (`Tatsumi M, Groshan K`, `Stepanenko et al.`, `Cusack B and Nelson A`). */
function authorList(authors: string): { names: string[]; more: boolean } {
  const parts = authors.split(/\s*(?:[,;]|\band\b|&)\s*/).map((part) => part.trim()).filter(Boolean);
  const more = parts.some((part) => /^(others|et al\.?)$/i.test(part) || / et al\.?$/i.test(part));
  const names = parts.filter((part) => !/^(others|et al\.?)$/i.test(part)).map((part) => part.replace(/ et al\.?$/i, ''));
  return { names, more };
}

/**
 * One short form everywhere: `Jo 2000`, `Tatsumi and Groshan 1997`, `Tatsumi et al. 1997`; the start of the title when
 * the source names no authors (databases, vendor sheets, web pages); `PMID 9686407` for a paper known only by its
 * PubMed ID.
 */
export function shortCitation(reference: Reference): string {
  const { names, more } = authorList(reference.authors);
  const who =
    names.length === 0
      ? truncateAtWord(reference.title, 36) || (reference.pmid ? `PMID ${reference.pmid}` : reference.id)
      : more || names.length > 2
        ? `${surname(names[0])} et al.`
        : names.map(surname).join(' and ');
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

/** GtoPdb's target types in words (`vgic` → `voltage-gated ion channel`); a curated `group` or `complex` as is. */
const TARGET_TYPES: Record<string, string> = {
  gpcr: 'G protein-coupled receptor',
  lgic: 'ligand-gated ion channel',
  vgic: 'voltage-gated ion channel',
  other_ic: 'ion channel',
  nhr: 'nuclear hormone receptor',
  catalytic_receptor: 'catalytic receptor',
  enzyme: 'enzyme',
  transporter: 'transporter',
  other_protein: 'protein',
  group: 'group of targets',
  complex: 'complex',
};

export function targetTypeLabel(type: string): string {
  return TARGET_TYPES[type] ?? type.replace(/_/g, ' ');
}

const CLASS_WORD = /\b(receptor|transporter|channel|kinase|synthase|oxidase|reductase|cyclooxygenase|enzyme|esterase|ase)\b|ase\b/i;

/**
 * A descriptive name beside a short GtoPdb name (`SERT` → `serotonin transporter`, `D2 receptor` → `dopamine D2
 * receptor`): the first synonym that holds the name with a word or two more, else the first plain phrase naming a kind
 * of target; none for a name that already describes itself.
 */
export function descriptiveName(target: { name: string; abbreviation?: string; synonyms: readonly string[] }): string | undefined {
  const { name } = target;
  if (name.length > 20 || /adrenoceptor/i.test(name)) return undefined;
  // `glutamate receptor` cut from `glutamate receptor, ionotropic, …` names a family, not this target.
  const truncated = (synonym: string): boolean => target.synonyms.some((other) => other.startsWith(`${synonym},`) || other.startsWith(`${synonym} (`));
  const plain = target.synonyms.filter(
    (synonym) =>
      /^[\p{L}\d][\p{L}\d\s.-]*$/u.test(synonym) &&
      synonym.split(/\s+/).length >= 2 &&
      synonym.length > name.length &&
      synonym.length <= 40 &&
      !truncated(synonym),
  );
  const holdingName = plain.find((synonym) => synonym.toLowerCase().includes(name.toLowerCase()) && synonym.split(/\s+/).length - name.split(/\s+/).length <= 2);
  return holdingName ?? plain.find((synonym) => CLASS_WORD.test(synonym));
}

function citesPaperItself(reference: Reference): boolean {
  return reference.kind === undefined || reference.kind === 'paper' || reference.kind === 'review';
}

/**
 * How a record's source is named everywhere (cards, messages, fix titles, the affinity table): the paper
 * (`Tatsumi et al. 1997`), the paper and the database that curated it (`PMID 18487050 via GtoPdb`), a database cited
 * alone by its origin (`DrugCentral (CHEMBL)`), a vendor sheet by its vendor (`MedChemExpress vendor sheet`).
 */
export function sourceLabel(record: AffinityRecord, reference: Reference | undefined): string {
  if (!reference) return record.origin;
  if (record.grade === 'database') {
    if (!citesPaperItself(reference)) return record.origin;
    const database = /^(GtoPdb|DrugCentral)\b/.exec(record.origin)?.[1] ?? record.origin;
    return `${shortCitation(reference)} via ${database}`;
  }
  if (reference.kind === 'vendor') {
    const vendor = (reference.authors || reference.title).split(/\s+/)[0];
    return `${vendor} vendor sheet${reference.year ? ` ${reference.year}` : ''}`;
  }
  return shortCitation(reference);
}

/** What was verified for a record, in words: a value read in the paper, curated by a database, or only quoted. */
export function gradeLabel(record: AffinityRecord, reference: Reference | undefined): string {
  if (record.grade === 'database') return 'database';
  if (record.grade === 'primary') return reference?.confirmed === false ? 'primary — value not read in the paper' : 'primary paper';
  return reference?.kind === 'paper' || reference?.kind === 'review' ? 'primary — value not read in the paper (quoted by a vendor sheet)' : 'vendor sheet';
}

/** `Tatsumi et al. 1997, primary paper`, `PMID 16782354 via GtoPdb, database`, `MedChemExpress vendor sheet`. */
export function sourceWithGrade(record: AffinityRecord, reference: Reference | undefined): string {
  const label = sourceLabel(record, reference);
  const grade = gradeLabel(record, reference);
  return label.endsWith(grade) ? label : `${label}, ${grade}`;
}

/**
 * A target as tables, titles and messages name it, one way everywhere: the abbreviation writers use (`SERT`, `H1`,
 * `hERG`, `TrkB`), `α2C` for GtoPdb's `α2C-adrenoceptor` beside the curated `α1A`, else GtoPdb's name.
 */
export function shortTargetName(target: { name: string; abbreviation?: string }): string {
  if (target.abbreviation) return target.abbreviation;
  const adrenoceptor = /^([αβ]\d[A-D]?)-adrenoceptors?$/.exec(target.name);
  return adrenoceptor ? adrenoceptor[1] : target.name;
}
