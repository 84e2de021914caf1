import type { Reference } from '../kb/types';

/**
 * A knowledge-base reference as a complete BibTeX entry. Only fields the reference has are written; text fields are
 * escaped for (La)TeX and keep their balance of braces, so that the entry parses wherever it is appended.
 */
export function renderBibtexEntry(reference: Reference, key: string): string {
  const fields = entryFields(reference, isPaper(reference) ? 'journal' : 'howpublished');
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@${isPaper(reference) ? 'article' : 'misc'}{${key},\n${body}\n}\n`;
}

/** `preferred`, or `preferred` followed by `a`, `b`, … `z`, `aa`, … when taken; compared case-insensitively, as BibTeX does. */
export function uniqueKey(preferred: string, existingKeys: ReadonlySet<string>): string {
  const base = sanitizeKey(preferred) || 'ref';
  const taken = new Set([...existingKeys].map((key) => key.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let index = 0; ; index++) {
    const candidate = base + letterSuffix(index);
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Characters that end a key in BibTeX or in a citation command are dropped. */
export function sanitizeKey(key: string): string {
  return key.replace(/[\s,{}()"'#%~\\=@;[\]]/g, '');
}

type Field = [name: string, value: string];

function isPaper(reference: Reference): boolean {
  const kind = reference.kind ?? 'paper';
  return (kind === 'paper' || kind === 'review') && Boolean(reference.journal?.trim());
}

const kindNotes: Record<NonNullable<Reference['kind']>, string> = {
  paper: 'Paper',
  review: 'Review',
  database: 'Database entry',
  vendor: 'Vendor data sheet',
  'web-page': 'Web page',
};

/** An article names its journal; a vendor sheet, database or web page says where it was published and what it is. */
function entryFields(reference: Reference, venue: 'journal' | 'howpublished'): Field[] {
  // A paper known only by its PubMed ID (as GtoPdb cites it): the entry says so rather than invent its details.
  const bare = !reference.title && !reference.authors && Boolean(reference.pmid);
  const url = reference.url ?? (bare ? `https://pubmed.ncbi.nlm.nih.gov/${reference.pmid}/` : undefined);
  const note = bare
    ? 'PubMed ID only: complete the authors, title and journal from PubMed'
    : venue === 'howpublished' ? (reference.kind ? kindNotes[reference.kind] : undefined) : incompleteNote(reference);
  return present([
    ['author', reference.authors ? bibtexAuthors(reference.authors) : undefined],
    ['title', reference.title ? protectedTitle(reference.title) : undefined],
    [venue, escaped(reference.journal)],
    ['year', reference.year !== undefined ? String(reference.year) : undefined],
    ['volume', escaped(reference.volume)],
    ['number', escaped(reference.issue)],
    ['pages', reference.pages ? bibtexPages(reference.pages) : undefined],
    ['doi', verbatim(doiWithoutResolver(reference.doi))],
    ['pmid', verbatim(reference.pmid)],
    ['url', verbatim(url)],
    ['note', note],
  ]);
}

/** A journal article whose record lacks a field says which, rather than let a guess stand in for it. */
function incompleteNote(reference: Reference): string | undefined {
  const gaps: string[] = [];
  const authors = reference.authors.trim();
  if (!authors) gaps.push('authors');
  else if (/\bet al\.?$|\bothers$/i.test(authors)) gaps.push('the full author list');
  else if (authors.split(/\s*(?:[,;&]|\band\b)\s*/).some((name) => !/\s[\p{Lu}][\p{Lu}-]{0,4}$/u.test(name))) gaps.push('author initials');
  const fields = { title: reference.title, journal: reference.journal, year: reference.year, volume: reference.volume, pages: reference.pages, 'DOI or PMID': reference.doi ?? reference.pmid };
  for (const [name, value] of Object.entries(fields)) if (value === undefined || value === '') gaps.push(name);
  return gaps.length > 0 ? `Incomplete record: ${gaps.join(', ')} not known to PharmaLens; check before submission` : undefined;
}

function present(fields: Array<[string, string | undefined]>): Field[] {
  return fields.filter((field): field is Field => field[1] !== undefined && field[1].trim() !== '');
}

/**
 * `Tatsumi M, Groshan K, Blakely RD` → `Tatsumi, M. and Groshan, K. and Blakely, R. D.`; `Jo et al.` → `Jo and others`;
 * a name of several words without initials (a consortium) is braced so that BibTeX keeps it whole.
 */
export function bibtexAuthors(authors: string): string {
  const etAl = /,?\s*\bet\s+al\.?\s*$/i;
  const hasEtAl = etAl.test(authors);
  const names = authors.replace(etAl, '').split(/\s*(?:,|;|\band\b)\s*/).filter((name) => name.trim() !== '');
  const rendered = names.map(bibtexName);
  if (hasEtAl) rendered.push('others');
  return rendered.join(' and ');
}

function bibtexName(name: string): string {
  const match = /^(.*\S)\s+([\p{Lu}][\p{Lu}-]{0,4})$/u.exec(name.trim());
  if (!match) return /\s/.test(name.trim()) ? `{${escapeTex(name.trim())}}` : escapeTex(name.trim());
  const [, surname, initials] = match as unknown as [string, string, string];
  return `${escapeTex(surname)}, ${dottedInitials(initials)}`;
}

/** `RD` → `R. D.`; `J-P` → `J.-P.` */
function dottedInitials(initials: string): string {
  return initials
    .split('-')
    .map((part) => [...part].map((letter) => `${letter}.`).join(' '))
    .join('-');
}

/**
 * Escaped, with every word that holds a capital braced (`{SERT}`, `{5-HT2A}`, `{Alzheimer}`) so that styles that
 * lower-case titles keep it; the first word keeps only its leading capital unprotected.
 */
export function protectedTitle(title: string): string {
  let first = true;
  return escapeTex(title.trim()).replace(/(?<![\\\p{L}])[\p{L}\p{N}][\p{L}\p{N}-]*/gu, (word) => {
    const isFirst = first;
    first = false;
    const capitalAfterFirst = /\p{Lu}/u.test(word.slice(1));
    const leadingCapital = /^\p{Lu}/u.test(word);
    return capitalAfterFirst || (leadingCapital && !isFirst) ? `{${word}}` : word;
  });
}

/** `249-58` → `249--258`; `S12-S15` → `S12--S15`; a single page or article number is kept. */
export function bibtexPages(pages: string): string {
  const range = /^\s*([A-Za-z]*)(\d+)\s*(?:-+|–|—)\s*([A-Za-z]*)(\d+)\s*$/.exec(pages);
  if (!range) return escapeTex(pages.trim());
  const [, startPrefix, start, endPrefix, end] = range as unknown as [string, string, string, string, string];
  const fullEnd = end.length < start.length ? start.slice(0, start.length - end.length) + end : end;
  return `${startPrefix}${start}--${endPrefix || startPrefix}${fullEnd}`;
}

const texEscapes: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  $: '\\$',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Literal braces become commands, because BibTeX counts `\{` as a brace too. */
export function escapeTex(text: string): string {
  return text.replace(/[\\{}%&#_$~^]/g, (character) => texEscapes[character] ?? character);
}

function escaped(value: string | undefined): string | undefined {
  return value === undefined ? undefined : escapeTex(value.trim());
}

/** DOIs, PMIDs and URLs are read verbatim by biblatex: only braces, which would unbalance the entry, are encoded. */
function verbatim(value: string | undefined): string | undefined {
  return value?.trim().replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}

function doiWithoutResolver(doi: string | undefined): string | undefined {
  return doi?.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
}

/** 0 → `a`, 25 → `z`, 26 → `aa`, … */
function letterSuffix(index: number): string {
  let suffix = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    suffix = String.fromCharCode(97 + ((rest - 1) % 26)) + suffix;
  }
  return suffix;
}
