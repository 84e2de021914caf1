import type { Mention } from '../recognize/recognize';
import type { DocumentFormat, ScannedDocument, Span } from '../scan/types';
import { documentSubject } from './associate';
import { headingSubjectFinder, inlineTables, leadCompound, listTables, readHeadings, subtypeTargetFinder, tableSurroundings, type Heading } from './document-context';
import { extractFromProse, type ReaderState, type ReaderStates } from './prose';
import { extractFromTables } from './tables';
import type { AffinityStatement } from './types';
import { firstEndingAfter } from '../spans';
import { tableExtent } from '../scan/sentence';

export type { AffinityStatement, ConcentrationUnit, EntityAt, ValueScale } from './types';
export type { Heading } from './document-context';
export type { ReaderState, ReaderStates } from './prose';

/** What a document's extraction leaves for re-reading part of it after an edit (see `service/incremental/`). */
export interface ExtractionBasis {
  headings: Heading[];
  subject: Mention | undefined;
  readerStates: ReaderStates;
  /** Tables the document has, scanned or written as lists and inline. */
  tableCount: number;
}

/**
 * A part of a document read on its own, as the whole document's read would: the document's subject and the headings
 * above the part are given, and the prose reader starts in the state it had at the part's start.
 */
export interface DocumentPart {
  subject: Mention | undefined;
  /** The document's headings before the part, in the part's offsets (negative). */
  headingsBefore: Heading[];
  startState: ReaderState | undefined;
  /** The target a subtype written alone names, among the whole document's names (in the part's offsets). */
  subtypeTarget: (subtype: string) => Mention | undefined;
}

/**
 * Reads every affinity statement of a scanned document: prose and inline math sentence by sentence, then tables.
 * Pure and linear in the document. An internal error is thrown, for the caller to report (see `analyze`).
 * `mentions` are the recognizer's, sorted by start. In LaTeX, `~` is a tie (a space), not "approximately".
 */
export function extractStatements(scanned: ScannedDocument, mentions: Mention[], format: DocumentFormat): AffinityStatement[] {
  return extractDocument(scanned, mentions, format).statements;
}

/** `extractStatements`, with what a later re-read of part of the document needs; or the re-read of such a `part`. */
export function extractDocument(scanned: ScannedDocument, mentions: Mention[], format: DocumentFormat, part?: DocumentPart): { statements: AffinityStatement[]; basis: ExtractionBasis; tables: Span[] } {
  const tieIsSpace = format === 'latex';
  const written = [...listTables(scanned.masked), ...inlineTables(scanned.masked, mentions)];
  const tables = [...scanned.tables, ...written.filter((found) => !scanned.tables.some((table) => table.start <= found.start && found.end <= table.end))].sort((a, b) => a.start - b.start);
  const surroundings = tableSurroundings(scanned.masked, tables);
  const headings = readHeadings(scanned.masked, mentions, format);
  const subject = part ? part.subject : documentSubject(mentions);
  const common = {
    text: scanned.text,
    masked: scanned.masked,
    mentions,
    isMath: insideAny(scanned.math),
    tieIsSpace,
    documentSubject: subject,
    headingSubjectAt: headingSubjectFinder(part ? [...part.headingsBefore, ...headings] : headings),
  };
  const readerStates: ReaderStates = { at: [], states: [] };
  const prose = extractFromProse({ ...common, excluded: tables }, part?.startState, readerStates);
  const tabular = extractFromTables(tables, {
    ...common,
    excluded: [],
    surroundings,
    subtypeTarget: part ? part.subtypeTarget : subtypeTargetFinder(mentions),
    leadCompound: (before) => leadCompound(mentions, before),
  });
  return {
    statements: [...prose, ...tabular].sort((a, b) => a.span.start - b.span.start),
    basis: { headings, subject, readerStates, tableCount: tables.length },
    tables: tables.map(tableExtent),
  };
}


function insideAny(spans: readonly Span[]): (offset: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return (offset) => {
    const index = firstEndingAfter(sorted, offset);
    return index < sorted.length && sorted[index].start <= offset;
  };
}
