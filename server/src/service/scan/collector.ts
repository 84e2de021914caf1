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

  /** Start of the last span added by {@link skip} / {@link addMath}, and whether some span started before its predecessor. */
  private lastSkipStart = 0;
  private skippedUnsorted = false;
  private lastMathStart = 0;
  private mathUnsorted = false;

  skip(start: number, end: number, reason: SkipReason): void {
    if (end <= start) return;
    if (start < this.lastSkipStart) this.skippedUnsorted = true;
    this.lastSkipStart = start;
    this.skipped.push({ start, end, reason });
  }

  addMath(start: number, end: number): void {
    if (end <= start) return;
    if (start < this.lastMathStart) this.mathUnsorted = true;
    this.lastMathStart = start;
    this.math.push({ start, end });
  }

  finish(text: string, frontMatter?: ScannedDocument['frontMatter']): ScannedDocument {
    // The two long lists were checked as they grew; the others are short.
    if (this.skippedUnsorted) sortSpans(this.skipped);
    if (this.mathUnsorted) sortSpans(this.math);
    sortByStart(this.citations);
    sortByStart(this.tables);
    sortByStart(this.bibliographies);
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
  if (!sorted) sortSpans(spans);
}

function sortSpans<T extends Span>(spans: T[]): void {
  const length = spans.length;
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
  // The next `\n` / `\r` at or after the current span (the text's length when none): spans without one, most of
  // them, become cached blanks without a look at each character.
  const length = text.length;
  let nextLineFeed = -1;
  let nextCarriageReturn = -1;
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index]!;
    const start = span.start > cursor ? span.start : cursor;
    const end = span.end < length ? span.end : length;
    if (end <= start) continue;
    masked += text.slice(cursor, start);
    if (nextLineFeed < start) nextLineFeed = nextIndexOf(text, '\n', start);
    if (nextCarriageReturn < start) nextCarriageReturn = nextIndexOf(text, '\r', start);
    masked += nextLineFeed >= end && nextCarriageReturn >= end ? spaces(end - start) : blankOut(text, start, end);
    cursor = end;
  }
  return masked + text.slice(cursor);
}

function nextIndexOf(text: string, needle: string, from: number): number {
  const index = text.indexOf(needle, from);
  return index < 0 ? text.length : index;
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
