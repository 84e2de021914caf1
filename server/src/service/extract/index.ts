import type { Mention } from '../recognize/recognize';
import type { DocumentFormat, ScannedDocument, Span } from '../scan/types';
import { documentSubject } from './associate';
import { headingSubjectFinder, inlineTables, leadCompound, listTables, readHeadings, subtypeTargetFinder, tableSurroundings } from './document-context';
import { extractFromProse } from './prose';
import { extractFromTables } from './tables';
import type { AffinityStatement } from './types';
import { firstEndingAfter } from '../spans';

export type { AffinityStatement, ConcentrationUnit, EntityAt, ValueScale } from './types';

/**
 * Reads every affinity statement of a scanned document: prose and inline math sentence by sentence, then tables.
 * Pure and linear in the document. An internal error is thrown, for the caller to report (see `analyze`).
 * `mentions` are the recognizer's, sorted by start. In LaTeX, `~` is a tie (a space), not "approximately".
 */
export function extractStatements(scanned: ScannedDocument, mentions: Mention[], format: DocumentFormat): AffinityStatement[] {
  const tieIsSpace = format === 'latex';
  const written = [...listTables(scanned.masked), ...inlineTables(scanned.masked, mentions)];
  const tables = [...scanned.tables, ...written.filter((found) => !scanned.tables.some((table) => table.start <= found.start && found.end <= table.end))].sort((a, b) => a.start - b.start);
  const surroundings = tableSurroundings(scanned.masked, tables);
  const common = {
    text: scanned.text,
    masked: scanned.masked,
    mentions,
    isMath: insideAny(scanned.math),
    tieIsSpace,
    documentSubject: documentSubject(mentions),
    headingSubjectAt: headingSubjectFinder(readHeadings(scanned.masked, mentions, format)),
  };
  const prose = extractFromProse({ ...common, excluded: tables });
  const tabular = extractFromTables(tables, {
    ...common,
    excluded: [],
    surroundings,
    subtypeTarget: subtypeTargetFinder(mentions),
    leadCompound: (before) => leadCompound(mentions, before),
  });
  return [...prose, ...tabular].sort((a, b) => a.span.start - b.span.start);
}


function insideAny(spans: readonly Span[]): (offset: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return (offset) => {
    const index = firstEndingAfter(sorted, offset);
    return index < sorted.length && sorted[index].start <= offset;
  };
}
