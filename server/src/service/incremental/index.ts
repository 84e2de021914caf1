import { suppressionsOf } from '../check/suppression';
import type { Checked } from '../check/types';
import type { CitationAnalysis, CitationProblem } from '../cite/document';
import { VALUE_CITATION_RULES } from '../cite/rules/index';
import { documentSubject } from '../extract/associate';
import { hasListItem, outlineAbove, subtypeKey, subtypeTargetFinder } from '../extract/document-context';
import type { DocumentPart, ExtractionBasis, Heading, ReaderState, ReaderStates } from '../extract/index';
import type { DocumentNames } from '../recognize/document-names';
import { idsMentioned, type Mention } from '../recognize/recognize';
import type { Citation, DocumentFormat, ScannedDocument, Span } from '../scan/types';
import { partitionPoint } from '../spans';
import { tableExtent } from '../scan/sentence';
import { mathEnvironments, verbatimEnvironments } from '../scan/latex-commands';
import { changeBetween, MARGIN, MARGIN_AFTER_TABLE, NotIncremental, offsetMap, partAround, type TextChange } from './edit';
import { by, moved, movedChecked, movedCitation, movedHeading, movedSpan, movedMention, movedMissing, movedProblem, movedSkipped, movedState, movedTable, type OffsetTo } from './move';
import type { DocumentAnalysis } from '../index';

export { NotIncremental } from './edit';


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
  /** `tables`: the tables read (scanned or written), each with its caption. */
  statements(read: PartRead, part: DocumentPart): { checked: Checked[]; basis: ExtractionBasis; tables: Span[] };
  /** The citation rules on values (a value without citation, a value its cited source does not give). */
  valueProblems(scanned: ScannedDocument, checked: readonly Checked[], citations: Omit<CitationAnalysis, 'problems'>): CitationProblem[];
  /** The citation rules on the document (bibliography files, cited keys). */
  documentProblems(scanned: ScannedDocument, citations: Omit<CitationAnalysis, 'problems'>): CitationProblem[];
}

const VALUE_LEVEL_CODES: ReadonlySet<string> = new Set(VALUE_CITATION_RULES.map((rule) => rule.code));

/**
 * Text that reaches past its paragraphs whatever surrounds it (definitions, preamble commands, magic comments, notes,
 * HTML blocks, lists written inline): an edit near it is read with the whole document.
 */
const WHOLE_DOCUMENT: Record<DocumentFormat, RegExp> = {
  markdown: /pharmalens-|<\/?(?:table|thead|tbody|tr|td|th|div|pre|script|style|details|section|figure)\b|^ {0,3}\[[^\]\n]*\]:|^ {0,3}(?:>|:::|(?:Table)?:\s)|as follows:/im,
  latex: /\\(?:bibliography|addbibresource|nocite|input|include|newcommand|renewcommand|providecommand|DeclareMathOperator|def|let|verb|lstinline|iffalse|if|fi|else|makeatletter|documentclass|usepackage)(?![A-Za-z])|pharmalens-|as follows:/,
};

/** What opens and closes blocks that may hold blank lines: fences, display math, comments, environments. */
const PAIRED: Record<DocumentFormat, RegExp> = {
  markdown: /```|~~~|\$\$|<!--|-->/g,
  latex: /\$\$|\\begin\s*\{([^{}\n]*)\}|\\end\s*\{([^{}\n]*)\}|(?<!\\)\\\[|(?<!\\)\\\]/g,
};
const CLOSES: Record<string, string> = { '-->': '<!--', '\\]': '\\[' };
const OPAQUE = new Set(['```', '~~~', '<!--', ...[...verbatimEnvironments].map((name) => `env:${name}`)]);
/**
 * The environments whose ends the LaTeX scanner looks for beyond a paragraph: verbatim (it finds the `\end` anywhere
 * after) and math. Others hold prose like the text around them; tables and table floats are spans the part may not
 * straddle, and one opened in the part and left open shows as `unclosed` in the part's own read.
 */
const SCANNED_ENVIRONMENTS = new Set([...verbatimEnvironments, ...mathEnvironments]);

/** Every block the text opens it closes, in order: then nothing in it reaches past it. */
function balanced(text: string, format: DocumentFormat): boolean {
  const open: string[] = [];
  const paired = PAIRED[format];
  paired.lastIndex = 0;
  for (let match = paired.exec(text); match; match = paired.exec(text)) {
    const environment = match[1] ?? match[2];
    if (environment !== undefined && !SCANNED_ENVIRONMENTS.has(environment.trim())) continue;
    const token = match[1] !== undefined ? `env:${match[1]}` : match[2] !== undefined ? `end:${match[2]}` : match[0];
    const top = open[open.length - 1];
    const closing = token.startsWith('end:') ? `env:${token.slice(4)}` : CLOSES[token] ?? token;
    if (top !== undefined && OPAQUE.has(top) && closing !== top) continue;
    if (top === closing && (token.startsWith('end:') || CLOSES[token] !== undefined || token === top)) open.pop();
    else if (token.startsWith('end:') || CLOSES[token] !== undefined) return false;
    else open.push(token);
  }
  return open.length === 0;
}

/**
 * The analysis of `text`, a later version of `previous`'s document, reading only the paragraphs around what changed
 * and carrying the rest over with its offsets moved. Throws `NotIncremental` (with the reason) when the edit may
 * change what is read elsewhere: the caller then reads the whole document. The result is the whole read's, which the
 * tests compare after random edits.
 */
export function reanalyze(previous: DocumentAnalysis, text: string, reader: PartReader): DocumentAnalysis {
  if (!previous.basis) throw new NotIncremental('the previous analysis kept no basis');
  if (previous.failures.length > 0) throw new NotIncremental('a stage failed on the previous version');
  if (previous.format !== reader.format) throw new NotIncremental('the format changed');
  const change = changeBetween(previous.scanned.text, text);
  if (!change) return { ...previous, update: { kind: 'incremental', part: { start: 0, end: 0 } } };
  // A table in the part reads the notes under it: the part grows until they are in it (a few times at most).
  let marginAfter = MARGIN;
  for (let attempt = 0; ; attempt++) {
    try {
      return reanalyzePart(previous, previous.basis, text, reader, change, marginAfter);
    } catch (error) {
      if (!(error instanceof TableNearPartEnd) || attempt === 3) throw error instanceof TableNearPartEnd ? new NotIncremental('tables near the edit have notes under them that reach past the part re-read') : error;
      marginAfter = error.tableEnd - change.oldEnd + MARGIN_AFTER_TABLE;
    }
  }
}

/** A table in the part ends (at `tableEnd`, in the old text) too near the part's end for the notes under it to be in the part. */
class TableNearPartEnd extends Error {
  constructor(readonly tableEnd: number) {
    super('a table near the end of the part');
  }
}

function reanalyzePart(previous: DocumentAnalysis, basis: AnalysisBasis, text: string, reader: PartReader, change: TextChange, marginAfter: number): DocumentAnalysis {
  const old = previous.scanned;
  const part = partAround(old.text, change, marginAfter);
  const delta = change.newEnd - change.oldEnd;
  const oldText = old.text.slice(part.start, part.end);
  const newText = text.slice(part.start, part.end + delta);
  for (const [version, written] of [['old', oldText], ['new', newText]] as const) {
    const reaching = WHOLE_DOCUMENT[reader.format].exec(written);
    if (reaching) throw new NotIncremental(`the ${version} paragraphs around the edit have ${JSON.stringify(reaching[0].trim())}, which may reach past them`);
    if (!balanced(written, reader.format)) throw new NotIncremental(`the ${version} paragraphs around the edit open a block (code, math, comment, environment) they do not close, or close one they do not open`);
    if (hasListItem(written) && (listItemAtEdge(written, 'first') || listItemAtEdge(written, 'last'))) throw new NotIncremental('a `name: value` line at the edge of the part may belong to a list read as a table');
  }
  if (old.frontMatter && old.frontMatter.span.end > part.start) throw new NotIncremental('the edit is next to the front matter');
  // A Markdown list goes on over blank lines in indented lines: the part must start where the scanner knows its state.
  if (reader.format === 'markdown' && part.start > 0 && /^\n\n[ \t]/.test(oldText)) throw new NotIncremental('the part would start in an indented line, which may continue a list');
  if (old.unclosed !== undefined && old.unclosed < part.end) throw new NotIncremental('an environment or display math opened before the edit is never closed');

  const map = offsetMap(change);
  const toPart = by(-part.start);
  const toDocument = by(part.start);
  const afterPart = by(delta);

  const oldRead = reader.read(oldText, basis.names);
  const newRead = reader.read(newText, basis.names);
  if (newRead.scanned.bibliographies.length > 0) throw new NotIncremental('a bibliography declaration is around the edit');
  if (oldRead.scanned.unclosed !== undefined) throw new NotIncremental('an environment or display math crosses the edge of the part re-read');
  if (newRead.scanned.unclosed !== undefined) throw new NotIncremental('the edit opens an environment or display math it does not close');
  if (resolvedWords(oldRead.names) !== resolvedWords(newRead.names)) throw new NotIncremental('the edit changes a list that names receptors by a bare word (mu, delta …)');
  if (oldRead.names.definitions.join('\n') !== newRead.names.definitions.join('\n')) throw new NotIncremental('the edit changes an abbreviation the document defines');
  if (oldRead.names.codesAreMetabolites !== newRead.names.codesAreMetabolites) throw new NotIncremental('the edit changes whether the document names metabolites M1, M2 …');

  // The old paragraphs read alone must read as they did in the whole old document: else they depend on more.
  const skipped = split(old.skipped, part);
  const math = split(old.math, part);
  const citations = split(old.citations, part);
  const mentions = split(previous.mentions, part);
  const checked = split(previous.checked, part, (entry) => entry.statement.span);
  const tables = split(old.tables, part, tableExtent);
  // A table float gives its caption to the tables in it when it ends: one around the part's edge reaches past it.
  const floats = split(old.floats ?? [], part);
  if (split(old.bibliographies, part).inside.length > 0) throw new NotIncremental('a bibliography declaration is around the edit');
  same(oldRead.scanned.tables, tables.inside.map((table) => movedTable(table, toPart)), 'tables');
  same(oldRead.scanned.floats ?? [], floats.inside.map((span) => movedSpan(span, toPart)), 'table floats');
  same(oldRead.scanned.masked, old.masked.slice(part.start, part.end), 'masked text');
  same(oldRead.scanned.skipped, skipped.inside.map((span) => movedSkipped(span, toPart)), 'skipped spans');
  same(oldRead.scanned.math, math.inside.map((span) => movedSpan(span, toPart)), 'math');
  same(oldRead.scanned.citations, citations.inside.map((citation) => movedCitation(citation, toPart)), 'citations');
  same(oldRead.mentions, mentions.inside.map((mention) => movedMention(mention, toPart)), 'names');
  if (part.end < old.text.length) unchangedTail(old, { skipped: skipped.inside, math: math.inside, citations: citations.inside, mentions: mentions.inside }, newRead, change, part);

  const newMentions = mentions.before.concat(newRead.mentions.map((mention) => movedMention(mention, toDocument)), mentions.after.map((mention) => movedMention(mention, afterPart)));
  const subject = documentSubject(newMentions);
  if (!sameMention(subject, basis.extraction.subject && moved(basis.extraction.subject, map))) throw new NotIncremental('the edit changes the compound the document is mostly about');
  if (basis.extraction.tableCount > 0 && subtypes(oldRead.mentions) !== subtypes(newRead.mentions)) throw new NotIncremental('the edit changes a subtype that table headers may name alone');

  const headings = split(basis.extraction.headings, part);
  const headingsBefore = outlineAbove(headings.before, part.start).map((heading) => movedHeading(heading, toPart));
  const startState = stateAt(basis.extraction.readerStates, part.start);
  const partContext = (documentSubjectNow: Mention | undefined, documentMentions: readonly Mention[]): DocumentPart => {
    const subtypeTarget = subtypeTargetFinder(documentMentions);
    return {
      subject: documentSubjectNow && moved(documentSubjectNow, toPart),
      headingsBefore,
      startState: startState && movedState(startState, toPart),
      subtypeTarget: (subtype) => {
        const found = subtypeTarget(subtype);
        return found && moved(found, toPart);
      },
    };
  };
  const oldStatements = reader.statements(oldRead, partContext(basis.extraction.subject, previous.mentions));
  const newStatements = reader.statements(newRead, partContext(subject, newMentions));
  // The last table's end in the old text: a new table's end after the change stands `delta` further on.
  const tableEnd = Math.max(-1, ...oldStatements.tables.map((table) => part.start + table.end), ...newStatements.tables.map((table) => part.start + table.end - (part.start + table.end >= change.newEnd ? delta : 0)));
  if (part.end < old.text.length && tableEnd >= 0 && part.end - tableEnd < MARGIN_AFTER_TABLE) throw new TableNearPartEnd(tableEnd);
  same(oldStatements.basis.headings, headings.inside.map((heading) => movedHeading(heading, toPart)), 'headings');
  if (headingOutline(oldStatements.basis.headings) !== headingOutline(newStatements.basis.headings)) throw new NotIncremental('the edit changes a heading, or the compound it names');
  same(checkedKey(oldStatements.checked), checkedKey(checked.inside.map((entry) => movedChecked(entry, toPart))), 'affinity values');
  const stateAfter = stateAt(basis.extraction.readerStates, part.end);
  same(stateKey(lastState(oldStatements.basis.readerStates), toDocument), stateKey(stateAfter, unmoved), 'what the paragraphs pass on');
  if (stateKey(lastState(newStatements.basis.readerStates), toDocument) !== stateKey(stateAfter, map)) throw new NotIncremental('the edit changes what later paragraphs inherit (the measure named last, or the compound)');

  const citationsKept = { bibliographies: previous.citations.bibliographies, missing: previous.citations.missing };
  const valueProblems = split(previous.citations.problems.filter((problem) => VALUE_LEVEL_CODES.has(problem.code)), part, (problem) => problem.span);
  same(reader.valueProblems(oldRead.scanned, oldStatements.checked, citationsKept), valueProblems.inside.map((problem) => movedProblem(problem, toPart)), 'citation problems');

  const scanned: ScannedDocument = {
    text,
    masked: old.masked.slice(0, part.start) + newRead.scanned.masked + old.masked.slice(part.end),
    skipped: skipped.before.concat(newRead.scanned.skipped.map((span) => movedSkipped(span, toDocument)), skipped.after.map((span) => movedSkipped(span, afterPart))),
    math: math.before.concat(newRead.scanned.math.map((span) => movedSpan(span, toDocument)), math.after.map((span) => movedSpan(span, afterPart))),
    citations: citations.before.concat(newRead.scanned.citations.map((citation) => movedCitation(citation, toDocument)), citations.after.map((citation) => movedCitation(citation, afterPart))),
    tables: tables.before.concat(newRead.scanned.tables.map((table) => movedTable(table, toDocument)), tables.after.map((table) => movedTable(table, afterPart))),
    bibliographies: old.bibliographies.map((declaration) => (declaration.start >= part.end ? moved(declaration, afterPart) : declaration)),
    ...(old.frontMatter && { frontMatter: old.frontMatter }),
    ...(old.unclosed !== undefined && { unclosed: old.unclosed + delta }),
  };
  const floatsNow = floats.before.concat((newRead.scanned.floats ?? []).map((span) => movedSpan(span, toDocument)), floats.after.map((span) => movedSpan(span, afterPart)));
  if (floatsNow.length > 0) scanned.floats = floatsNow;
  const newChecked = checked.before.map((entry) => movedChecked(entry, map)).concat(
    newStatements.checked.map((entry) => movedChecked(entry, toDocument)),
    checked.after.map((entry) => movedChecked(entry, map)),
  );
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
    suppressions: suppressionsOf(previous.suppressions.regions.map((region) => moved(region, map)), previous.suppressions.problems.map((problem) => movedProblem(problem, map))),
    citations: { ...citationsNow, problems },
    failures: [],
    basis: {
      names: basis.names,
      extraction: {
        headings: [...headings.before, ...newStatements.basis.headings.map((heading) => movedHeading(heading, toDocument)), ...headings.after.map((heading) => movedHeading(heading, map))],
        subject,
        readerStates: splicedStates(basis.extraction.readerStates, newStatements.basis.readerStates, part, map, toDocument),
        tableCount: basis.extraction.tableCount - oldStatements.basis.tableCount + newStatements.basis.tableCount,
      },
    },
    update: { kind: 'incremental', part: { start: part.start, end: part.end + delta } },
  };
}

/**
 * The last paragraph of the part is unchanged text: read with the new part, it must read as the old document read it,
 * or something the edit opened (a code span, math) runs on past the part.
 */
function unchangedTail(old: ScannedDocument, inPart: { skipped: readonly Span[]; math: readonly Span[]; citations: readonly Citation[]; mentions: readonly Mention[] }, read: PartRead, change: TextChange, part: Span): void {
  const tailStart = old.text.lastIndexOf('\n\n', part.end - 1);
  if (tailStart < change.oldEnd) throw new NotIncremental('no unchanged paragraph ends the part re-read');
  const delta = change.newEnd - change.oldEnd;
  const readTail = tailStart + delta - part.start;
  const toOld = by(part.start - delta);
  const endingAfter = <T extends Span>(items: readonly T[], from: number) => items.filter((item) => item.end > from);
  same(read.scanned.masked.slice(readTail), old.masked.slice(tailStart, part.end), 'text after the edit');
  for (const key of ['skipped', 'math'] as const) {
    same(endingAfter(read.scanned[key], readTail).map((span) => moved(span, toOld)), endingAfter(inPart[key], tailStart), `${key} after the edit`);
  }
  same(endingAfter(read.scanned.citations, readTail).map((citation) => movedCitation(citation, toOld)), endingAfter(inPart.citations, tailStart), 'citations after the edit');
  same(endingAfter(read.mentions, readTail).map((mention) => movedMention(mention, toOld)), endingAfter(inPart.mentions, tailStart), 'names after the edit');
}


/** Whether the part's first (or last) paragraph has a `name: value` line or is blank: a list around the part may then go on in it. */
function listItemAtEdge(text: string, edge: 'first' | 'last'): boolean {
  const body = text.replace(/^\n\n/, '');
  const paragraph = edge === 'first' ? body.slice(0, body.indexOf('\n\n') < 0 ? body.length : body.indexOf('\n\n')) : body.slice(body.lastIndexOf('\n\n') + 1);
  return paragraph.trim() === '' || hasListItem(paragraph);
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

function resolvedWords(names: DocumentNames): string {
  return [...names.resolved].map(([word, target]) => `${word} ${target.id}`).join('\n');
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
  const spliced: ReaderStates = { at: old.at.slice(0, first), states: old.states.slice(0, first) };
  const add = (at: number, state: ReaderState) => {
    const previous = spliced.states[spliced.states.length - 1];
    // The whole read records a state only when it changes: so does the splice, where the part meets what it keeps.
    if (previous && stateKey(previous, unmoved) === stateKey(state, unmoved)) return;
    spliced.at.push(at);
    spliced.states.push(state);
  };
  read.at.forEach((at, index) => add(toDocument(at), movedState(read.states[index]!, toDocument)));
  if (last < old.at.length) add(map(old.at[last]!), movedState(old.states[last]!, map));
  for (let index = last + 1; index < old.at.length; index++) {
    spliced.at.push(map(old.at[index]!));
    spliced.states.push(movedState(old.states[index]!, map));
  }
  return spliced;
}

const unmoved: OffsetTo = (offset) => offset;
