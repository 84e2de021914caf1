import type { ScannedDocument, Span, Table } from './types';
import { partitionPoint } from '../spans';

const SENTENCE_END = /[.!?](\s|$)/g;

/** A document's tables by start, with the largest end so far: enough to find the table around a span by binary search. */
interface TableIndex {
  byStart: Table[];
  maxEndUpTo: number[];
}

const tableIndexes = new WeakMap<ScannedDocument, TableIndex>();

function tableIndex(scanned: ScannedDocument): TableIndex {
  let index = tableIndexes.get(scanned);
  if (!index) {
    const byStart = [...scanned.tables].sort((a, b) => a.start - b.start);
    let maxEnd = -1;
    index = { byStart, maxEndUpTo: byStart.map((table) => (maxEnd = Math.max(maxEnd, table.end))) };
    tableIndexes.set(scanned, index);
  }
  return index;
}

/** The innermost table holding the span, if any. Logarithmic in the number of tables (tables rarely nest). */
export function tableAround(scanned: ScannedDocument, span: Span): Table | undefined {
  const { byStart, maxEndUpTo } = tableIndex(scanned);
  const after = partitionPoint(byStart.length, (index) => byStart[index].start <= span.start);
  for (let index = after - 1; index >= 0 && maxEndUpTo[index] >= span.end; index--) {
    if (span.end <= byStart[index].end) return byStart[index];
  }
  return undefined;
}

/** The paragraph (blank-line bounded) or table, with its caption, around a span. */
export function blockAround(scanned: ScannedDocument, span: Span): Span {
  const table = tableAround(scanned, span);
  if (table) return { start: Math.min(table.start, table.caption?.start ?? table.start), end: Math.max(table.end, table.caption?.end ?? table.end) };
  const { text } = scanned;
  const before = text.lastIndexOf('\n\n', span.start);
  const after = text.indexOf('\n\n', span.end);
  return { start: before < 0 ? 0 : before, end: after < 0 ? text.length : after };
}

/** The sentence around a span within its paragraph; in a table, the whole table with its caption. */
export function sentenceAround(scanned: ScannedDocument, span: Span): Span {
  const block = blockAround(scanned, span);
  if (tableAround(scanned, span)) return block;
  const { masked } = scanned;
  let start = block.start;
  SENTENCE_END.lastIndex = block.start;
  for (let match = SENTENCE_END.exec(masked); match && match.index < span.start && match.index < block.end; match = SENTENCE_END.exec(masked)) {
    start = match.index + 1;
  }
  SENTENCE_END.lastIndex = span.end;
  const end = SENTENCE_END.exec(masked);
  return { start, end: end && end.index < block.end ? end.index + 1 : block.end };
}
