import type {
  BibliographyDeclaration,
  Citation,
  ScannedDocument,
  SkipReason,
  SkippedSpan,
  Span,
  Table,
} from './types';

/** Accumulates what a scanner finds and assembles the {@link ScannedDocument}. */
export class ScanCollector {
  readonly skipped: SkippedSpan[] = [];
  readonly math: Span[] = [];
  readonly citations: Citation[] = [];
  readonly tables: Table[] = [];
  readonly bibliographies: BibliographyDeclaration[] = [];

  skip(start: number, end: number, reason: SkipReason): void {
    if (end > start) this.skipped.push({ start, end, reason });
  }

  addMath(start: number, end: number): void {
    if (end > start) this.math.push({ start, end });
  }

  finish(text: string, frontMatter?: ScannedDocument['frontMatter']): ScannedDocument {
    for (const list of [this.skipped, this.math, this.citations, this.tables, this.bibliographies]) sortByStart(list);
    const document: ScannedDocument = {
      text,
      masked: maskSpans(text, this.skipped),
      skipped: this.skipped,
      math: this.math,
      citations: this.citations,
      tables: this.tables,
      bibliographies: this.bibliographies,
    };
    if (frontMatter) document.frontMatter = frontMatter;
    return document;
  }
}

/**
 * Sorts by start, then end, stably — the order `Array.prototype.sort` with that comparator gives — as a bottom-up merge
 * of the list's ascending runs: scanners emit nearly sorted lists (a few out-of-order pushes), so this is close to
 * linear and calls no comparator closure.
 */
function sortByStart<T extends Span>(spans: T[]): void {
  const length = spans.length;
  let sorted = true;
  for (let i = 1; i < length; i++) {
    if (spans[i - 1]!.start > spans[i]!.start) {
      sorted = false;
      break;
    }
  }
  if (sorted) return;
  // Run boundaries: runs[k]..runs[k + 1] is ascending (non-decreasing by start, then end).
  let runs: number[] = [0];
  for (let i = 1; i < length; i++) if (comesBefore(spans[i]!, spans[i - 1]!)) runs.push(i);
  runs.push(length);
  let source = spans;
  let target: T[] = new Array<T>(length);
  while (runs.length > 2) {
    const merged: number[] = [0];
    let k = 0;
    for (; k + 2 < runs.length; k += 2) {
      mergeRuns(source, target, runs[k]!, runs[k + 1]!, runs[k + 2]!);
      merged.push(runs[k + 2]!);
    }
    if (k + 1 < runs.length) {
      for (let i = runs[k]!; i < runs[k + 1]!; i++) target[i] = source[i]!;
      if (merged[merged.length - 1] !== runs[k + 1]) merged.push(runs[k + 1]!);
    }
    runs = merged;
    const swap = source;
    source = target;
    target = swap;
  }
  if (source !== spans) for (let i = 0; i < length; i++) spans[i] = source[i]!;
}

/** Strictly before in (start, end) order. */
function comesBefore(a: Span, b: Span): boolean {
  return a.start < b.start || (a.start === b.start && a.end < b.end);
}

function mergeRuns<T extends Span>(source: T[], target: T[], low: number, middle: number, high: number): void {
  let left = low;
  let right = middle;
  let out = low;
  while (left < middle && right < high) {
    // Ties take the left (earlier) element: the merge is stable.
    if (comesBefore(source[right]!, source[left]!)) target[out++] = source[right++]!;
    else target[out++] = source[left++]!;
  }
  while (left < middle) target[out++] = source[left++]!;
  while (right < high) target[out++] = source[right++]!;
}

/** Replaces every span (sorted by start; overlaps allowed) with spaces, keeping `\n` and `\r`. */
export function maskSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  // Appending builds a rope that V8 flattens once; measured faster here than collecting parts and joining them.
  let masked = '';
  let cursor = 0;
  for (const span of spans) {
    const start = Math.max(span.start, cursor);
    const end = Math.min(span.end, text.length);
    if (end <= start) continue;
    masked += text.slice(cursor, start);
    masked += blankOut(text, start, end);
    cursor = end;
  }
  return masked + text.slice(cursor);
}

const shortBlanks: string[] = Array.from({ length: 65 }, (_, length) => ' '.repeat(length));

function spaces(length: number): string {
  return length < shortBlanks.length ? shortBlanks[length]! : ' '.repeat(length);
}

/** The span [start, end) as spaces, its `\n` and `\r` kept. */
function blankOut(text: string, start: number, end: number): string {
  let blank = '';
  let runStart = start;
  for (let position = start; position < end; position++) {
    const code = text.charCodeAt(position);
    if (code === 10 || code === 13) {
      blank += spaces(position - runStart) + (code === 10 ? '\n' : '\r');
      runStart = position + 1;
    }
  }
  return runStart === start ? spaces(end - start) : blank + spaces(end - runStart);
}

/** A document for which no structure is known: everything is prose. */
export function unscannedDocument(text: string): ScannedDocument {
  return { text, masked: text, skipped: [], math: [], citations: [], tables: [], bibliographies: [] };
}
