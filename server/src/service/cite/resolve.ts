import type { Reference } from '../kb/types';
import { memoizedPer } from '../memo';
import type { Citation, CitationKey } from '../scan/types';
import type { BibEntry, ParsedBibliography } from './bibtex';

export interface UnresolvedCitationKey {
  key: CitationKey;
  citation: Citation;
  /** Existing keys closest by edit distance, closest first, at most three. */
  suggestions: string[];
}

const maxSuggestions = 3;

/**
 * The cited keys found in none of `bibliographies`. With no bibliography at all every key is unresolved: whether to
 * report that is the caller's choice.
 */
export function unresolvedCitationKeys(
  citations: readonly Citation[],
  bibliographies: readonly ParsedBibliography[],
): UnresolvedCitationKey[] {
  const known = new Set<string>();
  for (const bibliography of bibliographies) for (const key of bibliography.byKey.keys()) known.add(key);
  const unresolved: UnresolvedCitationKey[] = [];
  const suggestionsByKey = new Map<string, string[]>();
  for (const citation of citations) {
    for (const key of citation.keys) {
      if (known.has(key.key)) continue;
      let suggestions = suggestionsByKey.get(key.key);
      if (!suggestions) suggestionsByKey.set(key.key, (suggestions = closestKeys(key.key, known)));
      unresolved.push({ key, citation, suggestions });
    }
  }
  return unresolved;
}

/**
 * Up to `limit` keys within a few edits of `key` (case ignored; a third of the key's length, at least 1 and at most
 * 3), closest first, then alphabetical.
 */
export function closestKeys(key: string, candidates: Iterable<string>, limit = maxSuggestions): string[] {
  const wanted = key.toLowerCase();
  const maxDistance = Math.min(3, Math.max(1, Math.floor(wanted.length / 3)));
  const scored: Array<{ candidate: string; distance: number }> = [];
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - wanted.length) > maxDistance) continue;
    const distance = editDistance(wanted, candidate.toLowerCase(), maxDistance);
    if (distance <= maxDistance) scored.push({ candidate, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0));
  return scored.slice(0, limit).map(({ candidate }) => candidate);
}

/**
 * Levenshtein distance with adjacent transpositions counted as one edit (optimal string alignment); stops early and
 * returns `limit + 1` once the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  let twoRowsUp = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, twoRowsUp[j - 2]! + 1);
      current[j] = distance;
      rowMinimum = Math.min(rowMinimum, distance);
    }
    if (rowMinimum > limit) return limit + 1;
    [twoRowsUp, previous, current] = [previous, current, twoRowsUp];
  }
  return previous[b.length]!;
}

interface ReferenceIndex {
  byDoi: Map<string, Reference>;
  byPmid: Map<string, Reference>;
  byTitle: Map<string, Reference>;
}


/** The knowledge-base reference a `.bib` entry stands for, matched by DOI, then PMID, then normalized title. */
export function referenceOfEntry(entry: BibEntry, references: readonly Reference[]): Reference | undefined {
  const index = referenceIndex(references);
  const doi = normalizeDoi(entry.fields['doi'] ?? doiInUrl(entry.fields['url']));
  const byDoi = doi && index.byDoi.get(doi);
  if (byDoi) return byDoi;
  const pmid = pmidOfEntry(entry);
  const byPmid = pmid && index.byPmid.get(pmid);
  if (byPmid) return byPmid;
  const title = normalizeTitle(entry.fields['title'] ?? '');
  return title ? index.byTitle.get(title) : undefined;
}

const referenceIndex = memoizedPer((references: readonly Reference[]): ReferenceIndex => {
  const index: ReferenceIndex = { byDoi: new Map(), byPmid: new Map(), byTitle: new Map() };
  for (const reference of references) {
    addFirst(index.byDoi, normalizeDoi(reference.doi), reference);
    addFirst(index.byPmid, reference.pmid?.trim(), reference);
    addFirst(index.byTitle, normalizeTitle(reference.title), reference);
  }
  return index;
});

function addFirst(map: Map<string, Reference>, key: string | undefined, reference: Reference): void {
  if (key && !map.has(key)) map.set(key, reference);
}

/** `10.1016/j.x`, lower case, from `https://doi.org/10.1016/J.X`, `doi:10.1016/j.x` … */
export function normalizeDoi(doi: string | undefined): string | undefined {
  const stripped = doi?.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '').trim().toLowerCase();
  return stripped ? stripped : undefined;
}

function doiInUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/(?:dx\.)?doi\.org\//i.test(url.trim()) ? url : undefined;
}

/** `pmid = {…}`, or biblatex's `eprint` with `eprinttype = {pubmed}`. */
function pmidOfEntry(entry: BibEntry): string | undefined {
  const pmid = entry.fields['pmid'] ?? (entry.fields['eprinttype']?.toLowerCase() === 'pubmed' ? entry.fields['eprint'] : undefined);
  const digits = pmid?.trim().replace(/^pmid:\s*/i, '');
  return digits && /^\d+$/.test(digits) ? digits : undefined;
}

const greekLetters: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ',
  chi: 'χ', psi: 'ψ', omega: 'ω',
};

/**
 * Lower case letters and digits separated by single spaces, so that `Sch\"{o}n's $\alpha_1$-{AR}` and
 * `Schön's α1-AR` compare equal: accents, TeX accent and font commands, braces, `$`, `_` and `^` dropped; Greek
 * letter commands turned into letters.
 */
export function normalizeTitle(title: string): string {
  return title
    .replace(/\\[^a-zA-Z\\\s]/g, '')
    .replace(/\\[a-zA-Z]+(?=\s*\{)/g, '')
    .replace(/\\([a-zA-Z]+)\s*/g, (_, name: string) => greekLetters[name] ?? `${name} `)
    .replace(/[{}$_^]/g, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
