import { suppressionsOf } from '../check/suppression';
import type { Verdict } from '../check/types';
import type { CitationAnalysis, CitationProblem } from '../cite/document';
import { documentSubject } from '../extract/associate';
import { hasListItem, subtypeKey } from '../extract/document-context';
import type { AffinityStatement, DocumentPart, ExtractionBasis, Heading, ReaderState, ReaderStates } from '../extract/index';
import type { DocumentNames } from '../recognize/document-names';
import { idsMentioned, type Mention } from '../recognize/recognize';
import type { DocumentFormat, ScannedDocument, Span } from '../scan/types';
import { partitionPoint } from '../spans';
import { changeBetween, NotIncremental, offsetMap, partAround, type TextChange } from './edit';
import { by, moved, movedChecked, movedCitation, movedHeading, movedMissing, movedProblem, movedRegion, movedState, movedTable, type OffsetTo } from './move';
import type { DocumentAnalysis } from '../index';

export { NotIncremental } from './edit';

type Checked = { statement: AffinityStatement; verdict: Verdict };

/** What an analysis keeps so that the next version of the document can be read in part. */
export interface AnalysisBasis {
  names: DocumentNames;
  extraction: ExtractionBasis;
}

/** How an analysis was made: the whole document read, or only a part around the edit (the rest carried over). */
export type AnalysisUpdate = { kind: 'full'; reason: string } | { kind: 'incremental'; part: Span };

export interface PartRead {
  scanned: ScannedDocument;
  mentions: Mention[];
  names: DocumentNames;
}

/** The stages, run on a part of a document with the document's context given (the language service provides them). */
export interface PartReader {
  format: DocumentFormat;
  read(text: string, names: DocumentNames): PartRead;
  statements(read: PartRead, part: DocumentPart): { checked: Checked[]; basis: ExtractionBasis };
  /** The citation rules on values (a value without citation, a value its cited source does not give). */
  valueProblems(scanned: ScannedDocument, checked: readonly Checked[], citations: Omit<CitationAnalysis, 'problems'>): CitationProblem[];
  /** The citation rules on the document (bibliography files, cited keys). */
  documentProblems(scanned: ScannedDocument, citations: Omit<CitationAnalysis, 'problems'>): CitationProblem[];
}

const VALUE_LEVEL_CODES: ReadonlySet<string> = new Set(['citation.missing', 'citation.source-mismatch']);

/**
 * Text that may open or close something reaching past its paragraph (code blocks, display math, environments, tables,
 * lists read as tables, comments and directives, headings, bibliography declarations): an edit near it is read in full.
 */
const STRUCTURE: Record<DocumentFormat, RegExp> = {
  markdown: /```|~~~|\$\$|<!--|-->|pharmalens-|<\/?(?:table|thead|tbody|tr|td|th|div|pre|script|style|details|section|figure)\b|\\\[|\\\]|\\begin|\\end|\[\^|^ {0,3}\[[^\]\n]*\]:|^ {0,3}(?:>|:::|\+[-=])|^(?: {4}|\t)|\||as follows:/im,
  latex: /\\(?:begin|end|bibliography|addbibresource|nocite|input|include|newcommand|renewcommand|providecommand|def|let|verb|lstinline|iffalse|if|fi|else|makeatletter|documentclass|usepackage|\[|\])|\$\$|(?<!\\)&|pharmalens-|as follows:/i,
};

/**
 * The analysis of `text`, a later version of `previous`'s document, reading only the paragraphs around what changed
 * and carrying the rest over with its offsets moved. Throws `NotIncremental` (with the reason) when the edit may
 * change what is read elsewhere: the caller then reads the whole document. The result is the whole read's, which the
 * tests compare after random edits.
 */
export function reanalyze(previous: DocumentAnalysis, text: string, reader: PartReader): DocumentAnalysis {
  const { basis } = previous;
  if (!basis) throw new NotIncremental('the previous analysis kept no basis');
  if (previous.failures.length > 0) throw new NotIncremental('a stage failed on the previous version');
  if (previous.format !== reader.format) throw new NotIncremental('the format changed');
  const old = previous.scanned;
  const change = changeBetween(old.text, text);
  if (!change) return { ...previous, update: { kind: 'incremental', part: { start: 0, end: 0 } } };
  const part = partAround(old.text, change);
  const delta = change.newEnd - change.oldEnd;
  const oldText = old.text.slice(part.start, part.end);
  const newText = text.slice(part.start, part.end + delta);
  for (const [version, written] of [['old', oldText], ['new', newText]] as const) {
    const structure = STRUCTURE[reader.format].exec(written);
    if (structure) throw new NotIncremental(`the ${version} paragraphs around the edit have ${JSON.stringify(structure[0].trim())}, which may reach past them`);
  }
  if (old.frontMatter && old.frontMatter.span.end > part.start) throw new NotIncremental('the edit is next to the front matter');
  if (hasListItem(oldText) || hasListItem(newText)) throw new NotIncremental('a `name: value` line around the edit may belong to a list read as a table');

  const map = offsetMap(change);
  const toPart = by(-part.start);
  const toDocument = by(part.start);
  const afterPart = by(delta);

  const oldRead = reader.read(oldText, basis.names);
  const newRead = reader.read(newText, basis.names);
  for (const read of [oldRead, newRead]) {
    if (read.names.resolved.size > 0) throw new NotIncremental('a list around the edit names receptors by a bare word (mu, delta …)');
    if (read.scanned.tables.length > 0 || read.scanned.bibliographies.length > 0) throw new NotIncremental('a table or bibliography is around the edit');
  }
  if (oldRead.names.definitions.join('\n') !== newRead.names.definitions.join('\n')) throw new NotIncremental('the edit changes an abbreviation the document defines');

  // The old paragraphs read alone must read as they did in the whole old document: else they depend on more.
  const skipped = split(old.skipped, part);
  const math = split(old.math, part);
  const citations = split(old.citations, part);
  const mentions = split(previous.mentions, part);
  const checked = split(previous.checked, part, (entry) => entry.statement.span);
  if (split(old.tables, part).inside.length > 0 || split(old.bibliographies, part).inside.length > 0) throw new NotIncremental('a table or bibliography is around the edit');
  same(oldRead.scanned.masked, old.masked.slice(part.start, part.end), 'masked text');
  same(oldRead.scanned.skipped, skipped.inside.map((span) => moved(span, toPart)), 'skipped spans');
  same(oldRead.scanned.math, math.inside.map((span) => moved(span, toPart)), 'math');
  same(oldRead.scanned.citations, citations.inside.map((citation) => movedCitation(citation, toPart)), 'citations');
  same(oldRead.mentions, mentions.inside.map((mention) => moved(mention, toPart)), 'names');
  if (part.end < old.text.length) unchangedTail(old, previous.mentions, newRead, change, part);

  const newMentions = [...mentions.before, ...newRead.mentions.map((mention) => moved(mention, toDocument)), ...mentions.after.map((mention) => moved(mention, afterPart))];
  const subject = documentSubject(newMentions);
  if (!sameMention(subject, basis.extraction.subject && moved(basis.extraction.subject, map))) throw new NotIncremental('the edit changes the compound the document is mostly about');
  if (basis.extraction.tableCount > 0 && subtypes(oldRead.mentions) !== subtypes(newRead.mentions)) throw new NotIncremental('the edit changes a subtype that table headers may name alone');

  const headings = split(basis.extraction.headings, part);
  const headingsBefore = headings.before.map((heading) => movedHeading(heading, toPart));
  const startState = stateAt(basis.extraction.readerStates, part.start + 1);
  const partContext = (documentSubjectNow: Mention | undefined): DocumentPart => ({
    subject: documentSubjectNow && moved(documentSubjectNow, toPart),
    headingsBefore,
    startState: startState && movedState(startState, toPart),
  });
  const oldStatements = reader.statements(oldRead, partContext(basis.extraction.subject));
  const newStatements = reader.statements(newRead, partContext(subject));
  if (oldStatements.basis.tableCount > 0 || newStatements.basis.tableCount > 0) throw new NotIncremental('a table is around the edit');
  same(oldStatements.basis.headings, headings.inside.map((heading) => movedHeading(heading, toPart)), 'headings');
  if (headingOutline(oldStatements.basis.headings) !== headingOutline(newStatements.basis.headings)) throw new NotIncremental('the edit changes a heading, or the compound it names');
  same(checkedKey(oldStatements.checked), checkedKey(checked.inside.map((entry) => movedChecked(entry, toPart))), 'affinity values');
  const stateAfter = stateAt(basis.extraction.readerStates, part.end);
  same(stateKey(lastState(oldStatements.basis.readerStates), toDocument), stateKey(stateAfter, (offset) => offset), 'what the paragraphs pass on');
  if (stateKey(lastState(newStatements.basis.readerStates), toDocument) !== stateKey(stateAfter, map)) throw new NotIncremental('the edit changes what later paragraphs inherit (the measure named last, or the compound)');

  const citationsKept = { bibliographies: previous.citations.bibliographies, missing: previous.citations.missing };
  const valueProblems = split(previous.citations.problems.filter((problem) => VALUE_LEVEL_CODES.has(problem.code)), part, (problem) => problem.span);
  same(reader.valueProblems(oldRead.scanned, oldStatements.checked, citationsKept), valueProblems.inside.map((problem) => movedProblem(problem, toPart)), 'citation problems');

  const scanned: ScannedDocument = {
    text,
    masked: old.masked.slice(0, part.start) + newRead.scanned.masked + old.masked.slice(part.end),
    skipped: [...skipped.before, ...newRead.scanned.skipped.map((span) => moved(span, toDocument)), ...skipped.after.map((span) => moved(span, afterPart))],
    math: [...math.before, ...newRead.scanned.math.map((span) => moved(span, toDocument)), ...math.after.map((span) => moved(span, afterPart))],
    citations: [...citations.before, ...newRead.scanned.citations.map((citation) => movedCitation(citation, toDocument)), ...citations.after.map((citation) => movedCitation(citation, afterPart))],
    tables: old.tables.map((table) => (table.start >= part.end ? movedTable(table, afterPart) : table)),
    bibliographies: old.bibliographies.map((declaration) => (declaration.start >= part.end ? moved(declaration, afterPart) : declaration)),
    ...(old.frontMatter && { frontMatter: old.frontMatter }),
  };
  const newChecked = [
    ...checked.before.map((entry) => movedChecked(entry, map)),
    ...newStatements.checked.map((entry) => movedChecked(entry, toDocument)),
    ...checked.after.map((entry) => movedChecked(entry, map)),
  ];
  const citationsNow = { bibliographies: citationsKept.bibliographies, missing: citationsKept.missing.map((missing) => movedMissing(missing, map)) };
  const problems = [
    ...reader.documentProblems(scanned, citationsNow),
    ...valueProblems.before.map((problem) => movedProblem(problem, map)),
    ...reader.valueProblems(newRead.scanned, newStatements.checked, citationsKept).map((problem) => movedProblem(problem, toDocument)),
    ...valueProblems.after.map((problem) => movedProblem(problem, map)),
  ];
  return {
    format: previous.format,
    scanned,
    mentions: newMentions,
    compoundsMentioned: idsMentioned(newMentions, 'compound'),
    targetsMentioned: idsMentioned(newMentions, 'target'),
    checked: newChecked,
    suppressions: suppressionsOf(previous.suppressions.regions.map((region) => movedRegion(region, map)), previous.suppressions.problems.map((problem) => movedProblem(problem, map))),
    citations: { ...citationsNow, problems },
    failures: [],
    basis: {
      names: basis.names,
      extraction: {
        headings: [...headings.before, ...newStatements.basis.headings.map((heading) => movedHeading(heading, toDocument)), ...headings.after.map((heading) => movedHeading(heading, map))],
        subject,
        readerStates: splicedStates(basis.extraction.readerStates, newStatements.basis.readerStates, part, map, toDocument),
        tableCount: basis.extraction.tableCount,
      },
    },
    update: { kind: 'incremental', part: { start: part.start, end: part.end + delta } },
  };
}

/**
 * The last paragraph of the part is unchanged text: read with the new part, it must read as the old document read it,
 * or something the edit opened (a code span, math) runs on past the part.
 */
function unchangedTail(old: ScannedDocument, oldMentions: readonly Mention[], read: PartRead, change: TextChange, part: Span): void {
  const tailStart = old.text.lastIndexOf('\n\n', part.end - 1);
  if (tailStart < change.oldEnd) throw new NotIncremental('no unchanged paragraph ends the part re-read');
  const delta = change.newEnd - change.oldEnd;
  const readTail = tailStart + delta - part.start;
  const toOld = by(part.start - delta);
  const endingAfter = <T extends Span>(items: readonly T[], from: number) => items.filter((item) => item.end > from);
  same(read.scanned.masked.slice(readTail), old.masked.slice(tailStart, part.end), 'text after the edit');
  for (const key of ['skipped', 'math', 'citations'] as const) {
    same(endingAfter(read.scanned[key] as Span[], readTail).map((span) => moved(span, toOld)), endingAfter(old[key] as Span[], tailStart).filter((span) => span.start < part.end).map((span) => ({ ...span })), `${key} after the edit`);
  }
  same(endingAfter(read.mentions, readTail).map((mention) => moved(mention, toOld)), endingAfter(oldMentions, tailStart).filter((mention) => mention.start < part.end), 'names after the edit');
}

/** Headings as the text under them sees them: their levels and the compounds they name. */
function headingOutline(headings: readonly Heading[]): string {
  return headings.map((heading) => `${heading.level} ${heading.compound?.id ?? ''}`).join('\n');
}

/** Items (sorted by start) before, inside and after `part`; one that straddles its edge cannot be carried over. */
function split<T>(items: readonly T[], part: Span, spanOf: (item: T) => Span = (item) => item as unknown as Span): { before: T[]; inside: T[]; after: T[] } {
  const first = partitionPoint(items.length, (index) => spanOf(items[index]!).start < part.start);
  const last = partitionPoint(items.length, (index) => spanOf(items[index]!).start < part.end);
  if (first > 0 && spanOf(items[first - 1]!).end > part.start) throw new NotIncremental('something spans the edge of the part re-read');
  const inside = items.slice(first, last);
  if (inside.some((item) => spanOf(item).end > part.end)) throw new NotIncremental('something spans the edge of the part re-read');
  return { before: items.slice(0, first), inside, after: items.slice(last) };
}

function same(read: unknown, kept: unknown, what: string): void {
  const readKey = typeof read === 'string' ? read : JSON.stringify(read);
  const keptKey = typeof kept === 'string' ? kept : JSON.stringify(kept);
  if (readKey !== keptKey) throw new NotIncremental(`the paragraphs around the edit, read alone, differ from the document's reading (${what})`);
}

/** Verdicts as text, without the knowledge-base records they carry (the same objects on both sides). */
function checkedKey(checked: readonly Checked[]): string {
  return JSON.stringify(checked, (key, value: unknown) => (key === 'records' && Array.isArray(value) ? value.length : value));
}

function sameMention(a: Mention | undefined, b: Mention | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.id === b.id && a.kind === b.kind && a.start === b.start && a.end === b.end);
}

function subtypes(mentions: readonly Mention[]): string {
  return [...new Set(mentions.flatMap((mention) => {
    const key = subtypeKey(mention);
    return key ? [`${key} ${mention.id}`] : [];
  }))].sort().join('\n');
}

/** The reader's state after every paragraph end at or before `offset`. */
function stateAt(states: ReaderStates, offset: number): ReaderState | undefined {
  const index = partitionPoint(states.at.length, (candidate) => states.at[candidate]! <= offset);
  return index > 0 ? states.states[index - 1] : undefined;
}

function lastState(states: ReaderStates): ReaderState | undefined {
  return states.states[states.states.length - 1];
}

function stateKey(state: ReaderState | undefined, to: OffsetTo): string {
  if (!state) return '';
  const mention = (named: Mention | undefined) => named && `${named.kind} ${named.id} ${to(named.start)}-${to(named.end)}`;
  const label = state.recentLabel && `${state.recentLabel.measure} ${state.recentLabel.scale} ${to(state.recentLabel.start)}-${to(state.recentLabel.end)}`;
  return JSON.stringify([label, state.recentUnit, mention(state.previousCompound), mention(state.previousTarget)]);
}

function splicedStates(old: ReaderStates, read: ReaderStates, part: Span, map: OffsetTo, toDocument: OffsetTo): ReaderStates {
  const first = partitionPoint(old.at.length, (index) => old.at[index]! < part.start);
  const last = partitionPoint(old.at.length, (index) => old.at[index]! <= part.end);
  const at = [...old.at.slice(0, first), ...read.at.map(toDocument), ...old.at.slice(last).map(map)];
  const states = [
    ...old.states.slice(0, first).map((state) => movedState(state, map)),
    ...read.states.map((state) => movedState(state, toDocument)),
    ...old.states.slice(last).map((state) => movedState(state, map)),
  ];
  return { at, states };
}

