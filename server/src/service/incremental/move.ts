import type { Checked, Finding, Fix } from '../check/types';
import type { MissingBibliography } from '../cite/discover';
import type { CitationProblem } from '../cite/document';
import type { AffinityStatement, EntityAt, Heading, ReaderState } from '../extract/index';
import type { Mention } from '../recognize/recognize';
import type { Citation, SkippedSpan, Span, Table } from '../scan/types';

/**
 * Copies of a document's results with every offset passed through `to` (old offsets to new, or a part's offsets to
 * the document's). What `to` leaves in place is returned as it was, not copied.
 */
export type OffsetTo = (offset: number) => number;

export function moved<T extends Span>(span: T, to: OffsetTo): T {
  const start = to(span.start);
  const end = to(span.end);
  return start === span.start && end === span.end ? span : { ...span, start, end };
}

function movedOptional<T extends Span>(span: T | undefined, to: OffsetTo): T | undefined {
  return span && moved(span, to);
}

function movedEntity(entity: EntityAt | undefined, to: OffsetTo): EntityAt | undefined {
  if (!entity) return undefined;
  const start = to(entity.start);
  const end = to(entity.end);
  return start === entity.start && end === entity.end ? entity : { start, end, id: entity.id, via: entity.via };
}

export function movedStatement(statement: AffinityStatement, to: OffsetTo): AffinityStatement {
  const span = movedSpan(statement.span, to);
  const valueSpan = movedSpan(statement.valueSpan, to);
  const unitSpan = statement.unitSpan && movedSpan(statement.unitSpan, to);
  const measureSpan = statement.measureSpan && movedSpan(statement.measureSpan, to);
  const compound = movedEntity(statement.compound, to);
  const target = movedEntity(statement.target, to);
  if (span === statement.span && valueSpan === statement.valueSpan && unitSpan === statement.unitSpan && measureSpan === statement.measureSpan && compound === statement.compound && target === statement.target) return statement;
  return { ...statement, span, valueSpan, ...(unitSpan && { unitSpan }), ...(measureSpan && { measureSpan }), ...(compound && { compound }), ...(target && { target }) };
}

function movedFix<F extends Pick<Fix, 'edits'>>(fix: F, to: OffsetTo): F {
  return { ...fix, edits: fix.edits.map((edit) => ({ ...edit, span: moved(edit.span, to) })) };
}

export function movedChecked(entry: Checked, to: OffsetTo): Checked {
  const statement = movedStatement(entry.statement, to);
  const { verdict } = entry;
  if (verdict.kind !== 'finding') return statement === entry.statement ? entry : { statement, verdict };
  const findingStatement = movedStatement(verdict.finding.statement, to);
  if (statement === entry.statement && findingStatement === verdict.finding.statement && verdict.finding.fixes.length === 0) return entry;
  const finding: Finding = { ...verdict.finding, statement: findingStatement, fixes: verdict.finding.fixes.map((fix) => movedFix(fix, to)) };
  return { statement, verdict: { kind: 'finding', finding } };
}

export function movedProblem<P extends Pick<CitationProblem, 'span' | 'fixes'>>(problem: P, to: OffsetTo): P {
  return { ...problem, span: moved(problem.span, to), fixes: problem.fixes.map((fix) => movedFix(fix, to)) };
}

export function movedCitation(citation: Citation, to: OffsetTo): Citation {
  return { start: to(citation.start), end: to(citation.end), command: citation.command, keys: citation.keys.map((key) => ({ start: to(key.start), end: to(key.end), key: key.key })) };
}

export function movedTable(table: Table, to: OffsetTo): Table {
  return {
    ...moved(table, to),
    rows: table.rows.map((row) => row.map((cell) => (cell.columns === undefined ? { start: to(cell.start), end: to(cell.end), text: cell.text } : { start: to(cell.start), end: to(cell.end), text: cell.text, columns: cell.columns }))),
    ...(table.caption && { caption: moved(table.caption, to) }),
  };
}

/*
 * The movers below write each object out field by field: they run on every name, skipped span and math span after
 * an edit, where a generic spread costs several times as much.
 */

export function movedSkipped(span: SkippedSpan, to: OffsetTo): SkippedSpan {
  return { start: to(span.start), end: to(span.end), reason: span.reason };
}

export function movedSpan(span: Span, to: OffsetTo): Span {
  const start = to(span.start);
  const end = to(span.end);
  return start === span.start && end === span.end ? span : { start, end };
}

export function movedHeading(heading: Heading, to: OffsetTo): Heading {
  const compound = movedOptional(heading.compound, to);
  return { ...moved(heading, to), ...(compound && { compound }) };
}

export function movedState(state: ReaderState, to: OffsetTo): ReaderState {
  const label = state.recentLabel;
  const recentLabel = label && (to(label.start) === label.start && to(label.end) === label.end ? label : { start: to(label.start), end: to(label.end), measure: label.measure, scale: label.scale });
  const previousCompound = state.previousCompound && movedMention(state.previousCompound, to);
  const previousTarget = state.previousTarget && movedMention(state.previousTarget, to);
  if (recentLabel === state.recentLabel && previousCompound === state.previousCompound && previousTarget === state.previousTarget) return state;
  return { recentLabel, recentUnit: state.recentUnit, previousCompound, previousTarget };
}

export function movedMissing(missing: MissingBibliography, to: OffsetTo): MissingBibliography {
  return missing.span ? { ...missing, span: moved(missing.span, to) } : missing;
}

export function movedMention(mention: Mention, to: OffsetTo): Mention {
  const start = to(mention.start);
  const end = to(mention.end);
  return start === mention.start && end === mention.end ? mention : { start, end, kind: mention.kind, id: mention.id, text: mention.text };
}

/** `offset + by`: a part's offsets to the document's (or back, with a negative `by`). */
export function by(shift: number): OffsetTo {
  return (offset) => offset + shift;
}
