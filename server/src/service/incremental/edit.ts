import type { Span } from '../scan/types';

/** What changed between two versions of a text: `[start, oldEnd)` of the old became `[start, newEnd)` of the new. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** An edit that cannot be re-read in part: the reason is kept, for the benchmark and the tests to report. */
export class NotIncremental extends Error {}

/** Chunk sizes for the prefix and suffix comparison: large steps first, then smaller ones, then characters. */
const CHUNKS = [65536, 2048, 64];

/** The one span that differs, found by the common prefix and suffix (chunk by chunk: about a millisecond a megabyte); none when equal. */
export function changeBetween(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  for (const chunk of CHUNKS) while (start + chunk <= shorter && before.slice(start, start + chunk) === after.slice(start, start + chunk)) start += chunk;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  const room = shorter - start;
  for (const chunk of CHUNKS) while (tail + chunk <= room && before.slice(before.length - tail - chunk, before.length - tail) === after.slice(after.length - tail - chunk, after.length - tail)) tail += chunk;
  while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/**
 * Unchanged text kept on each side of a change in the part re-read: the readers look a few dozen characters around a
 * name or a value, so whatever decides a name or value outside the part lies in unchanged text.
 */
export const MARGIN = 256;
/** After a table in the part: the notes a table reads under it (up to 1,200 characters) must be in the part too. */
export const MARGIN_AFTER_TABLE = 1300;

/**
 * The part of the old text re-read after a change: from a paragraph break (`\n\n`, kept in the part) at least `MARGIN`
 * characters and one paragraph before the change, to a paragraph break at least `marginAfter` characters and one
 * paragraph after it (not kept); or the text's ends.
 */
export function partAround(text: string, change: TextChange, marginAfter = MARGIN): Span {
  let start = text.lastIndexOf('\n\n', change.start - 2);
  for (let steps = 0; start > 0 && (steps < 1 || change.start - start < MARGIN); steps++) start = text.lastIndexOf('\n\n', start - 1);
  let end = text.indexOf('\n\n', change.oldEnd);
  for (let steps = 0; end >= 0 && (steps < 1 || end - change.oldEnd < marginAfter); steps++) end = text.indexOf('\n\n', end + 1);
  return { start: Math.max(start, 0), end: end < 0 ? text.length : end };
}

/** Old offsets to new: unchanged before the change, moved after it; an offset strictly inside the change has no image. */
export function offsetMap(change: TextChange): (offset: number) => number {
  const delta = change.newEnd - change.oldEnd;
  return (offset) => {
    if (offset <= change.start) return offset;
    if (offset >= change.oldEnd) return offset + delta;
    throw new NotIncremental('something outside the part re-read points into the changed text');
  };
}
