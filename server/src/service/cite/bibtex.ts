import type { Span } from '../scan/types';
import { partitionPoint } from '../spans';

/**
 * A tolerant BibTeX reader: it never throws, reports what is wrong with a line and column, and keeps every entry it can
 * read. Offsets are UTF-16 offsets into the `.bib` text, so that entries can be edited in place.
 */

export interface BibEntry {
  /** Lower case: `article`, `book`, … */
  type: string;
  key: string;
  /**
   * Field values by lower-case name, for comparison: string macros expanded, `#` concatenations joined, braces
   * stripped, whitespace collapsed.
   */
  fields: Record<string, string>;
  /** Field values as written, delimiters included (`{The {Ki} of X}`, `"a" # jpet`, `2000`). */
  rawFields: Record<string, string>;
  /** From `@` to the closing delimiter (or to where reading stopped, for an entry that is not `complete`). */
  span: Span;
  keySpan: Span;
  /** `false` when the entry is broken (unclosed brace, missing `=` …): its fields are those read before the error. */
  complete: boolean;
}

export interface BibError {
  /** 1-based, as editors show them. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  offset: number;
  message: string;
}

export interface BibDuplicate {
  key: string;
  /** The key of the entry that repeats it; BibTeX and Biber use the first entry. */
  keySpan: Span;
  firstKeySpan: Span;
}

export interface ParsedBibliography {
  /** Every entry in file order, repeated keys included. */
  entries: BibEntry[];
  /** The first entry for each key. */
  byKey: Map<string, BibEntry>;
  duplicates: BibDuplicate[];
  errors: BibError[];
  /** `@string` macros by lower-case name, expanded, braces and spaces kept. */
  strings: Map<string, string>;
  /** `@preamble` contents as written. */
  preambles: string[];
}

const monthMacros: ReadonlyMap<string, string> = new Map([
  ['jan', 'January'], ['feb', 'February'], ['mar', 'March'], ['apr', 'April'], ['may', 'May'], ['jun', 'June'],
  ['jul', 'July'], ['aug', 'August'], ['sep', 'September'], ['oct', 'October'], ['nov', 'November'], ['dec', 'December'],
]);

export function parseBibtex(text: string): ParsedBibliography {
  const reader = new BibReader(text);
  try {
    reader.readAll();
  } catch (error) {
    reader.fail(text.length, `internal error: ${error instanceof Error ? error.message : String(error)}`);
  }
  return reader.result();
}

const enum Code {
  Tab = 9, Newline = 10, Return = 13, Space = 32, Quote = 34, Hash = 35, Percent = 37, LeftParen = 40, RightParen = 41,
  Comma = 44, Equals = 61, At = 64, Backslash = 92, LeftBrace = 123, RightBrace = 125,
}

function isSpace(code: number): boolean {
  return code === Code.Space || code === Code.Newline || code === Code.Return || code === Code.Tab || code === 12 || code === 11;
}

/** No field of a real bibliography is this long; a macro expanding past it is cut (and reported). */
const MAX_VALUE_LENGTH = 100_000;
/** Nor does a real file expand its macros to this much in all: past it, macros expand to nothing (and it is reported). */
const MAX_EXPANDED_PER_FILE = 1_000_000;

/** Characters that end an identifier (entry type, field name, macro name) or a key. */
function isDelimiter(code: number): boolean {
  return isSpace(code) || code === Code.Comma || code === Code.Equals || code === Code.LeftBrace || code === Code.RightBrace
    || code === Code.Quote || code === Code.Hash || code === Code.LeftParen || code === Code.RightParen || code === Code.At;
}

/** Thrown inside one entry to abandon it; reading resumes at `resumeAt`. */
class EntryBroken {
  constructor(readonly resumeAt: number) {}
}

class BibReader {
  private position = 0;
  private readonly entries: BibEntry[] = [];
  private readonly byKey = new Map<string, BibEntry>();
  private readonly duplicates: BibDuplicate[] = [];
  private readonly errorOffsets: Array<{ offset: number; message: string }> = [];
  private readonly strings = new Map<string, string>();
  /** Characters macro expansions may still produce in this file; -1 once spent (and reported). */
  private expansionBudget = MAX_EXPANDED_PER_FILE;
  private readonly preambles: string[] = [];

  constructor(private readonly text: string) {}

  fail(offset: number, message: string): void {
    this.errorOffsets.push({ offset, message });
  }

  result(): ParsedBibliography {
    return {
      entries: this.entries,
      byKey: this.byKey,
      duplicates: this.duplicates,
      errors: withLineNumbers(this.text, this.errorOffsets),
      strings: this.strings,
      preambles: this.preambles,
    };
  }

  readAll(): void {
    const text = this.text;
    while (this.position < text.length) {
      const at = text.indexOf('@', this.position);
      const between = at < 0 ? text.length : at;
      this.reportStrayText(this.position, between);
      if (at < 0) break;
      this.position = this.readItem(at);
    }
  }

  /** BibTeX ignores text between entries; a line of it that is not a `%` comment is likely a broken entry. */
  private reportStrayText(start: number, end: number): void {
    const text = this.text;
    let lineStart = start;
    while (lineStart < end) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0 || lineEnd > end) lineEnd = end;
      let first = lineStart;
      while (first < lineEnd && isSpace(text.charCodeAt(first))) first++;
      if (first < lineEnd && text.charCodeAt(first) !== Code.Percent) {
        this.fail(first, `text outside an entry is ignored: "${abbreviate(text.slice(first, lineEnd).trim())}"`);
        return;
      }
      lineStart = lineEnd + 1;
    }
  }

  /** Reads the `@type{…}` at `at`; returns where reading continues. */
  private readItem(at: number): number {
    const typeStart = at + 1;
    const typeEnd = this.identifierEnd(typeStart);
    const type = this.text.slice(typeStart, typeEnd).toLowerCase();
    if (type === '') {
      this.fail(at, 'expected an entry type after "@"');
      return this.nextItemAtLineStart(at);
    }
    if (type === 'comment') return this.skipComment(typeEnd);
    const open = this.skipSpace(typeEnd);
    const openCode = this.text.charCodeAt(open);
    if (openCode !== Code.LeftBrace && openCode !== Code.LeftParen) {
      this.fail(open, `expected "{" or "(" after "@${type}"`);
      return open;
    }
    const close = openCode === Code.LeftBrace ? Code.RightBrace : Code.RightParen;
    try {
      if (type === 'string') return this.readString(open + 1, close);
      if (type === 'preamble') return this.readPreamble(open + 1, close);
      return this.readEntry(at, type, open + 1, close);
    } catch (error) {
      if (error instanceof EntryBroken) return error.resumeAt;
      throw error;
    }
  }

  /** `@comment{…}` skips a balanced group; `@comment` without one is a line comment. */
  private skipComment(after: number): number {
    const open = this.skipSpace(after);
    const code = this.text.charCodeAt(open);
    if (code !== Code.LeftBrace && code !== Code.LeftParen) return after;
    const end = code === Code.LeftBrace ? this.balancedEnd(open) : this.text.indexOf(')', open);
    if (end < 0) {
      this.fail(open, '"@comment" is not closed');
      return this.text.length;
    }
    return end + 1;
  }

  private readString(from: number, close: number): number {
    const nameStart = this.skipSpace(from);
    const nameEnd = this.identifierEnd(nameStart);
    if (nameEnd === nameStart) this.breakEntry(nameStart, 'expected a macro name in "@string"');
    const equals = this.skipSpace(nameEnd);
    if (this.text.charCodeAt(equals) !== Code.Equals) this.breakEntry(equals, 'expected "=" after the macro name');
    const value = this.readValue(equals + 1);
    this.strings.set(this.text.slice(nameStart, nameEnd).toLowerCase(), value.joined);
    return this.expectClose(value.end, close, '@string');
  }

  private readPreamble(from: number, close: number): number {
    const value = this.readValue(from);
    this.preambles.push(value.raw);
    return this.expectClose(value.end, close, '@preamble');
  }

  private readEntry(at: number, type: string, from: number, close: number): number {
    const text = this.text;
    const keyStart = this.skipSpace(from);
    let keyEnd = keyStart;
    while (keyEnd < text.length && !isSpace(text.charCodeAt(keyEnd)) && !isKeyEnd(text.charCodeAt(keyEnd), close)) keyEnd++;
    if (keyEnd === keyStart) this.breakEntry(keyStart, `expected a citation key after "@${type}{"`);
    const entry: BibEntry = {
      type,
      key: text.slice(keyStart, keyEnd),
      fields: {},
      rawFields: {},
      span: { start: at, end: keyEnd },
      keySpan: { start: keyStart, end: keyEnd },
      complete: false,
    };
    this.addEntry(entry);
    try {
      const end = this.readFields(entry, keyEnd, close);
      entry.complete = true;
      entry.span.end = end;
      return end;
    } catch (error) {
      if (error instanceof EntryBroken) entry.span.end = Math.max(entry.span.end, error.resumeAt);
      throw error;
    }
  }

  private addEntry(entry: BibEntry): void {
    this.entries.push(entry);
    const first = this.byKey.get(entry.key);
    if (!first) this.byKey.set(entry.key, entry);
    else this.duplicates.push({ key: entry.key, keySpan: entry.keySpan, firstKeySpan: first.keySpan });
  }

  /** Reads `, name = value` pairs up to the closing delimiter; returns the offset after it. */
  private readFields(entry: BibEntry, from: number, close: number): number {
    const text = this.text;
    let cursor = this.skipSpace(from);
    let separated = false;
    for (;;) {
      const code = text.charCodeAt(cursor);
      if (cursor >= text.length) this.breakEntry(entry.span.start, `entry "${entry.key}" is not closed`, cursor);
      if (code === close) return cursor + 1;
      if (code === Code.Comma) {
        separated = true;
        cursor = this.skipSpace(cursor + 1);
        continue;
      }
      if (code === Code.At && this.startsItemAtLineStart(cursor)) this.breakEntry(entry.span.start, `entry "${entry.key}" is not closed`, cursor);
      const nameEnd = this.identifierEnd(cursor);
      if (nameEnd === cursor) this.breakEntry(cursor, `unexpected "${text[cursor]}" in entry "${entry.key}"`);
      const name = text.slice(cursor, nameEnd).toLowerCase();
      const equals = this.skipSpace(nameEnd);
      if (text.charCodeAt(equals) !== Code.Equals) this.breakEntry(cursor, `expected "field = value" in entry "${entry.key}", found "${abbreviate(text.slice(cursor, nameEnd))}"`);
      if (!separated) this.fail(cursor, `missing "," before field "${name}"`);
      const value = this.readValue(equals + 1);
      if (name in entry.fields) this.fail(cursor, `field "${name}" repeated in entry "${entry.key}"`);
      else {
        entry.fields[name] = value.expanded;
        entry.rawFields[name] = value.raw;
      }
      cursor = this.skipSpace(value.end);
      separated = false;
    }
  }

  /** A value: parts joined by `#`, each `{…}`, `"…"`, a number or a macro name. */
  private readValue(from: number): { joined: string; expanded: string; raw: string; end: number } {
    const text = this.text;
    const start = this.skipSpace(from);
    let cursor = start;
    let expanded = '';
    let lastPartEnd = start;
    for (;;) {
      cursor = this.skipSpace(cursor);
      const code = text.charCodeAt(cursor);
      let partEnd: number;
      if (code === Code.LeftBrace) {
        partEnd = this.bracedEnd(cursor) + 1;
        expanded += text.slice(cursor + 1, partEnd - 1);
      } else if (code === Code.Quote) {
        partEnd = this.quotedEnd(cursor) + 1;
        expanded += text.slice(cursor + 1, partEnd - 1);
      } else {
        partEnd = this.identifierEnd(cursor);
        if (partEnd === cursor) this.breakEntry(cursor, 'expected a value: "{…}", "\"…\"", a number or a macro name');
        expanded += this.expandMacro(cursor, partEnd);
      }
      lastPartEnd = partEnd;
      // `@string{a = a # a}` repeated doubles at each step: a value is cut at a length no real field reaches.
      if (expanded.length > MAX_VALUE_LENGTH) {
        this.fail(cursor, `a value longer than ${MAX_VALUE_LENGTH} characters once its string macros are expanded; cut there`);
        expanded = expanded.slice(0, MAX_VALUE_LENGTH);
      }
      const next = this.skipSpace(partEnd);
      if (text.charCodeAt(next) !== Code.Hash) break;
      cursor = next + 1;
    }
    return { joined: expanded, expanded: forComparison(expanded), raw: text.slice(start, lastPartEnd), end: lastPartEnd };
  }

  private expandMacro(start: number, end: number): string {
    const word = this.text.slice(start, end);
    if (/^\d+$/.test(word)) return word;
    const value = this.strings.get(word.toLowerCase()) ?? monthMacros.get(word.toLowerCase());
    if (value !== undefined) {
      // Many macros defined as a long one twice over would each hold a copy: the file's expansions share one budget.
      if (value.length > this.expansionBudget) {
        if (this.expansionBudget >= 0) this.fail(start, `string macros expand to more than ${MAX_EXPANDED_PER_FILE} characters in this file; "${word}" and later macros left out`);
        this.expansionBudget = -1;
        return '';
      }
      this.expansionBudget -= value.length;
      return value;
    }
    this.fail(start, `undefined string macro "${word}"`);
    return word;
  }

  /** The offset of the `}` closing the `{` at `open`; a new `@entry` at a line start means the brace was never closed. */
  private bracedEnd(open: number): number {
    const text = this.text;
    let depth = 0;
    for (let cursor = open; cursor < text.length; cursor++) {
      const code = text.charCodeAt(cursor);
      if (code === Code.LeftBrace) depth++;
      else if (code === Code.RightBrace && --depth === 0) return cursor;
      else if (code === Code.At && this.startsItemAtLineStart(cursor)) this.breakEntry(open, 'unclosed "{"', cursor);
    }
    return this.breakEntry(open, 'unclosed "{"', text.length);
  }

  private quotedEnd(open: number): number {
    const text = this.text;
    let depth = 0;
    for (let cursor = open + 1; cursor < text.length; cursor++) {
      const code = text.charCodeAt(cursor);
      if (code === Code.LeftBrace) depth++;
      else if (code === Code.RightBrace) depth--;
      else if (code === Code.Quote && depth <= 0) return cursor;
      else if (code === Code.At && this.startsItemAtLineStart(cursor)) this.breakEntry(open, 'unclosed \'"\'', cursor);
    }
    return this.breakEntry(open, 'unclosed \'"\'', text.length);
  }

  /** For `@comment{…}`: no recovery, BibTeX skips to the matching brace. */
  private balancedEnd(open: number): number {
    let depth = 0;
    for (let cursor = open; cursor < this.text.length; cursor++) {
      const code = this.text.charCodeAt(cursor);
      if (code === Code.LeftBrace) depth++;
      else if (code === Code.RightBrace && --depth === 0) return cursor;
    }
    return -1;
  }

  private expectClose(from: number, close: number, what: string): number {
    const cursor = this.skipSpace(from);
    if (this.text.charCodeAt(cursor) === close) return cursor + 1;
    return this.breakEntry(cursor, `expected "${String.fromCharCode(close)}" to close ${what}`);
  }

  /** `@word{` or `@word(` at the start of a line (after indentation): where a broken entry's reader resumes. */
  private startsItemAtLineStart(at: number): boolean {
    const text = this.text;
    let before = at - 1;
    while (before >= 0 && (text.charCodeAt(before) === Code.Space || text.charCodeAt(before) === Code.Tab)) before--;
    if (before >= 0 && text.charCodeAt(before) !== Code.Newline && text.charCodeAt(before) !== Code.Return) return false;
    const typeEnd = this.identifierEnd(at + 1);
    if (typeEnd === at + 1) return false;
    const open = text.charCodeAt(this.skipSpace(typeEnd));
    return open === Code.LeftBrace || open === Code.LeftParen;
  }

  /**
   * Reports an error at `offset` and abandons the current item. Reading resumes at `resumeAt`, by default the next
   * `@` that starts a line.
   */
  private breakEntry(offset: number, message: string, resumeAt = this.nextItemAtLineStart(offset)): never {
    this.fail(offset, message);
    throw new EntryBroken(Math.max(resumeAt, offset + 1));
  }

  private nextItemAtLineStart(from: number): number {
    let at = this.text.indexOf('@', from + 1);
    while (at >= 0 && !this.startsItemAtLineStart(at)) at = this.text.indexOf('@', at + 1);
    return at < 0 ? this.text.length : at;
  }

  private identifierEnd(from: number): number {
    let cursor = from;
    while (cursor < this.text.length && !isDelimiter(this.text.charCodeAt(cursor))) cursor++;
    return cursor;
  }

  private skipSpace(from: number): number {
    let cursor = from;
    while (cursor < this.text.length && isSpace(this.text.charCodeAt(cursor))) cursor++;
    return cursor;
  }
}

/** BibTeX keys may hold almost anything; they end at `,`, the entry's closing delimiter, or a brace. */
function isKeyEnd(code: number, close: number): boolean {
  return code === Code.Comma || code === close || code === Code.LeftBrace || code === Code.RightBrace;
}

/** Braces stripped and whitespace collapsed: the form used to compare titles, DOIs and keys. */
function forComparison(value: string): string {
  return value.replace(/(?<!\\)[{}]/g, '').replace(/\s+/g, ' ').trim();
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function withLineNumbers(text: string, errors: ReadonlyArray<{ offset: number; message: string }>): BibError[] {
  if (errors.length === 0) return [];
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  return [...errors]
    .sort((a, b) => a.offset - b.offset)
    .map(({ offset, message }) => {
      const line = lastAtOrBefore(lineStarts, offset);
      return { line: line + 1, column: offset - lineStarts[line]! + 1, offset, message };
    });
}

/** The index of the last element of the sorted `values` that is ≤ `target` (0 when none is). */
function lastAtOrBefore(values: readonly number[], target: number): number {
  return Math.max(0, partitionPoint(values.length, (index) => values[index]! <= target) - 1);
}
