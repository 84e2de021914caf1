import type { IndexedKnowledgeBase } from '../kb/indexed';
import type { ScannedDocument, Span } from '../scan/types';
import { parseBibtex, type BibEntry, type ParsedBibliography } from './bibtex';
import { bibliographyUris, type DiscoveryOptions, type MissingBibliography } from './discover';
import { referenceOfEntry } from './resolve';
import type { Workspace } from '../workspace';

export type CitationCode = 'citation.unresolved' | 'citation.bibliography-missing' | 'citation.missing' | 'citation.source-mismatch';

/** A document-level problem with citations, with its fixes as data (same shape as the affinity findings' fixes). */
export interface CitationProblem {
  code: CitationCode;
  span: Span;
  message: string;
  fixes: { title: string; edits: { span: Span; newText: string }[]; preferred?: boolean }[];
}

export interface LoadedBibliography {
  uri: string;
  parsed: ParsedBibliography;
}

export interface CitationAnalysis {
  bibliographies: LoadedBibliography[];
  missing: MissingBibliography[];
  problems: CitationProblem[];
}

/** Parsed `.bib` files by text: a bibliography shared by many documents, or unchanged between edits, is parsed once. */
export class BibliographyCache {
  private readonly byUri = new Map<string, { text: string; parsed: ParsedBibliography }>();

  parse(uri: string, text: string): ParsedBibliography {
    const cached = this.byUri.get(uri);
    if (cached && cached.text === text) return cached.parsed;
    const parsed = parseBibtex(text);
    this.byUri.set(uri, { text, parsed });
    return parsed;
  }
}

/** The document's bibliography files, parsed, and those it declares but that do not exist; the rules find the problems. */
export function analyzeCitations(
  documentUri: string,
  scanned: ScannedDocument,
  options: DiscoveryOptions,
  workspace: Workspace,
  cache: BibliographyCache,
): Omit<CitationAnalysis, 'problems'> {
  const discovered = bibliographyUris(documentUri, scanned, options, workspace);
  const bibliographies = discovered.uris.flatMap((uri) => {
    const text = workspace.readFile(uri);
    return text === undefined ? [] : [{ uri, parsed: cache.parse(uri, text) }];
  });
  return { bibliographies, missing: discovered.missing };
}

export function entryForKey(analysis: CitationAnalysis, key: string): BibEntry | undefined {
  for (const bibliography of analysis.bibliographies) {
    const entry = bibliography.parsed.byKey.get(key);
    if (entry) return entry;
  }
  return undefined;
}

/** What the knowledge base records from the source a bibliography entry describes (matched by DOI, PMID or title). */
export function recordsOfEntry(kb: IndexedKnowledgeBase, entry: BibEntry) {
  const reference = referenceOfEntry(entry, kb.kb.references);
  return { reference, records: reference ? kb.kb.affinities.filter((record) => record.referenceId === reference.id) : [] };
}
