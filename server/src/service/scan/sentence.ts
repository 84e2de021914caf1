import type { ScannedDocument, Span, Table } from './types';
import { partitionPoint } from '../spans';
import { memoizedPer } from '../memo';

const SENTENCE_END = /[.!?](\s|$)/g;

/** A document's tables by start, with the largest end so far: enough to find the table around a span by binary search. */
interface TableIndex {
  byStart: Table[];
  maxEndUpTo: number[];
}

const tableIndex = memoizedPer((scanned: ScannedDocument): TableIndex => {
  const byStart = [...scanned.tables].sort((a, b) => a.start - b.start);
  let maxEnd = -1;
  return { byStart, maxEndUpTo: byStart.map((table) => (maxEnd = Math.max(maxEnd, table.end))) };
});

/** The innermost table holding the span, if any. Logarithmic in the number of tables (tables rarely nest). */
export function tableAround(scanned: ScannedDocument, span: Span): Table | undefined {
  const { byStart, maxEndUpTo } = tableIndex(scanned);
  const after = partitionPoint(byStart.length, (index) => byStart[index].start <= span.start);
  for (let index = after - 1; index >= 0 && maxEndUpTo[index] >= span.end; index--) {
    if (span.end <= byStart[index].end) return byStart[index];
  }
  return undefined;
}

/**
 * Where paragraphs break (each `\n\n`) and sentences end (a `.`, `!` or `?` before a space or the end) in a document,
 * found once: every statement's block and sentence is then a binary search, not a scan of its paragraph.
 */
interface BoundaryIndex {
  paragraphBreaks: number[];
  sentenceEnds: number[];
}

const boundaryIndex = memoizedPer((scanned: ScannedDocument): BoundaryIndex => {
  const paragraphBreaks: number[] = [];
  for (let at = scanned.text.indexOf('\n\n'); at >= 0; at = scanned.text.indexOf('\n\n', at + 1)) paragraphBreaks.push(at);
  return { paragraphBreaks, sentenceEnds: [...scanned.masked.matchAll(SENTENCE_END)].map((match) => match.index) };
});

/** The last of ascending `positions` at or before `offset`, or -1. */
function lastAtOrBefore(positions: readonly number[], offset: number): number {
  const after = partitionPoint(positions.length, (index) => positions[index] <= offset);
  return after > 0 ? positions[after - 1] : -1;
}

/** The first of ascending `positions` at or after `offset`, or -1. */
function firstAtOrAfter(positions: readonly number[], offset: number): number {
  const index = partitionPoint(positions.length, (candidate) => positions[candidate] < offset);
  return index < positions.length ? positions[index] : -1;
}

/** A table with its caption, which may stand above or below it, a paragraph away. */
export function tableExtent(table: Table): Span {
  return table.caption ? { start: Math.min(table.start, table.caption.start), end: Math.max(table.end, table.caption.end) } : { start: table.start, end: table.end };
}

/** The paragraph (blank-line bounded) or table, with its caption, around a span. */
export function blockAround(scanned: ScannedDocument, span: Span): Span {
  const table = tableAround(scanned, span);
  if (table) return tableExtent(table);
  const { paragraphBreaks } = boundaryIndex(scanned);
  const before = lastAtOrBefore(paragraphBreaks, span.start);
  const after = firstAtOrAfter(paragraphBreaks, span.end);
  return { start: before < 0 ? 0 : before, end: after < 0 ? scanned.text.length : after };
}

/** The sentence around a span within its paragraph; in a table, the whole table with its caption. */
export function sentenceAround(scanned: ScannedDocument, span: Span): Span {
  const block = blockAround(scanned, span);
  if (tableAround(scanned, span)) return block;
  const { sentenceEnds } = boundaryIndex(scanned);
  const previous = lastAtOrBefore(sentenceEnds, span.start - 1);
  const next = firstAtOrAfter(sentenceEnds, span.end);
  return {
    start: previous >= block.start && previous < block.end ? previous + 1 : block.start,
    end: next >= 0 && next < block.end ? next + 1 : block.end,
  };
}
