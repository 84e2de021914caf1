import type { ScannedDocument, Span } from './types';

const SENTENCE_END = /[.!?](\s|$)/g;

/** The paragraph (blank-line bounded) or table, with its caption, around a span. */
export function blockAround(scanned: ScannedDocument, span: Span): Span {
  const table = scanned.tables.find((candidate) => candidate.start <= span.start && span.end <= candidate.end);
  if (table) return { start: Math.min(table.start, table.caption?.start ?? table.start), end: Math.max(table.end, table.caption?.end ?? table.end) };
  const { text } = scanned;
  const before = text.lastIndexOf('\n\n', span.start);
  const after = text.indexOf('\n\n', span.end);
  return { start: before < 0 ? 0 : before, end: after < 0 ? text.length : after };
}

/** The sentence around a span within its paragraph; in a table, the whole table with its caption. */
export function sentenceAround(scanned: ScannedDocument, span: Span): Span {
  const block = blockAround(scanned, span);
  if (scanned.tables.some((candidate) => candidate.start <= span.start && span.end <= candidate.end)) return block;
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
