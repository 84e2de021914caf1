import * as chars from './chars';
import { ScanCollector } from './collector';
import { ForwardFinder, substringFinder } from './forward-finder';
import * as commands from './latex-commands';
import type { ArgumentRule } from './latex-commands';
import { isBlankLineAfter as isBlankLineAfterImport, LatexGroups } from './latex-groups';
import type { CitationKey, ScannedDocument, SkipReason, Span, Table, TableCell } from './types';

const { Ch, isAsciiLetter, isWhitespace, triggerTable, trimEndOffset, trimStartOffset } = chars;
const isBlankLineAfter = isBlankLineAfterImport;
const {
  bibliographyCommands,
  builtinArgumentRules,
  citationCommands,
  definitionCommands,
  isMultiCitation,
  knownCommandNames,
  knownEnvironmentNames,
  mathEnvironments,
  primitiveDefinitionCommands,
  tableEnvironments,
  tableFloatEnvironments,
  tableFooterMarkers,
  tableHeaderMarkers,
  tableRuleCommands,
  verbatimEnvironments,
} = commands;

export interface LatexScanOptions {
  /** Commands (with or without the backslash) whose first mandatory argument is not prose, like LTeX's `commands`. */
  ignoredArgCommands?: readonly string[];
}

/**
 * Scans LaTeX in one linear pass over the text (plus one pass pairing braces and brackets). Commands not known here
 * are left as they are: their name stays in `masked` and their arguments are read as prose.
 */
export function scanLatex(text: string, options: LatexScanOptions = {}): ScannedDocument {
  const scanner = new LatexScanner(text, options);
  scanner.scan();
  return scanner.finish();
}

const latexTriggers = triggerTable('%\\${}&\n');
const maxInlineVerbatimLength = 1000;

/** Argument kinds of a signature (see {@link ArgumentRule}) as character codes. */
const KindMandatory = 109; // m
const KindVerbatim = 118; // v
const KindParenthesized = 114; // r
const KindPassedOver = 112; // p

type MathDelimiter = '$' | '$$' | '\\(' | '\\[' | 'environment';

interface TableState {
  begin: number;
  /** Brace depth inside the environment: `&` and `\\` count only at this depth. */
  depth: number;
  rows: TableCell[][];
  /** The current row's cells: the first `rowLength` entries of a scratch list, copied out exactly sized. */
  rowCells: TableCell[];
  rowLength: number;
  cellStart: number;
  hasHeader: boolean;
  /** The text argument of a `\multicolumn`/`\multirow` in the current cell. */
  spanningCellText?: Span & { columns: number };
}

interface EnvironmentFrame {
  name: string;
  /** Where its `\begin` stands. */
  start: number;
  table?: TableState;
  /** Tables finished inside this float, waiting for its caption. */
  floatTables?: Table[];
  caption?: Table['caption'];
}

class LatexScanner {
  private readonly out = new ScanCollector();
  private readonly groups: LatexGroups;
  private readonly userRules = new Map<string, ArgumentRule>();
  private readonly environmentEndFinders = new Map<string, ForwardFinder>();
  private readonly environments: EnvironmentFrame[] = [];
  /** The table floats closed so far. */
  private readonly floats: Span[] = [];
  private depth = 0;
  /** The open math's delimiter (undefined when none is open), start and environment name. */
  private mathDelimiter: MathDelimiter | undefined = undefined;
  private mathStart = 0;
  private mathEnvironment: string | undefined = undefined;
  /**
   * The opening `{`, `[` or `(` of the argument the last argument reader found; readers return its closer or -1, so
   * no object is allocated per argument.
   */
  private argumentOpen = 0;
  /** Set by {@link contentBounds}. */
  private boundsStart = 0;
  private boundsEnd = 0;
  /** Scratch list of the keys of the citation being read (the first `keyCount`). */
  private readonly keyBuffer: CitationKey[] = [];
  private keyCount = 0;

  constructor(
    private readonly text: string,
    options: LatexScanOptions,
  ) {
    this.groups = new LatexGroups(text);
    for (const command of options.ignoredArgCommands ?? []) {
      const name = command.replace(/^\\/, '').replace(/\*$/, '');
      if (name) this.userRules.set(name, { reason: 'command-arg', signature: 'pm' });
    }
  }

  /** The main loop; kept free of anything else, so V8 optimizes it as a whole rather than deoptimizing after it. */
  scan(): void {
    const text = this.text;
    const length = text.length;
    let position = 0;
    while (position < length) {
      const code = text.charCodeAt(position);
      if (code >= 128 || latexTriggers[code] === 0) {
        position++;
        continue;
      }
      position = this.scanConstruct(code, position);
    }
  }

  finish(): ScannedDocument {
    const scanned = this.out.finish(this.text);
    const openMath = this.mathDelimiter === '\\[' || this.mathDelimiter === 'environment' ? this.mathStart : Infinity;
    const unclosed = Math.min(openMath, ...this.environments.map((frame) => frame.start));
    if (unclosed !== Infinity) scanned.unclosed = unclosed;
    if (this.floats.length > 0) scanned.floats = this.floats.sort((a, b) => a.start - b.start);
    return scanned;
  }

  private scanConstruct(code: number, position: number): number {
    switch (code) {
      case Ch.Percent:
        return this.comment(position);
      case Ch.Backslash:
        return this.command(position);
      case Ch.Dollar:
        return this.dollar(position);
      case Ch.LeftBrace:
        this.depth++;
        return position + 1;
      case Ch.RightBrace:
        this.depth--;
        return position + 1;
      case Ch.Ampersand:
        this.cellSeparator(position);
        return position + 1;
      default:
        this.newline(position);
        return position + 1;
    }
  }

  private comment(position: number): number {
    const text = this.text;
    let end = text.indexOf('\n', position);
    if (end < 0) end = text.length;
    else if (end > position && text.charCodeAt(end - 1) === Ch.CarriageReturn) end--;
    this.out.skip(position, end, 'comment');
    return end;
  }

  // ── math ──────────────────────────────────────────────────────────────────

  private dollar(position: number): number {
    const isDouble = this.text.charCodeAt(position + 1) === Ch.Dollar;
    const width = isDouble ? 2 : 1;
    const delimiter = this.mathDelimiter;
    if (delimiter === undefined) {
      this.mathDelimiter = isDouble ? '$$' : '$';
      this.mathStart = position;
      this.mathEnvironment = undefined;
    } else if (delimiter === '$') return this.closeMath('$', position + 1);
    else if (delimiter === '$$' && isDouble) return this.closeMath('$$', position + 2);
    return position + width;
  }

  private openMath(delimiter: MathDelimiter, start: number, environment?: string): void {
    if (this.mathDelimiter !== undefined) return;
    this.mathDelimiter = delimiter;
    this.mathStart = start;
    this.mathEnvironment = environment;
  }

  /** Closes open math of this kind at `end`; returns `end`. */
  private closeMath(delimiter: MathDelimiter, end: number): number {
    if (this.mathDelimiter === delimiter) {
      this.out.addMath(this.mathStart, end);
      this.mathDelimiter = undefined;
    }
    return end;
  }

  /** A blank line ends a paragraph; inline math still open there was never closed, so it is dropped. */
  private newline(position: number): void {
    const delimiter = this.mathDelimiter;
    if ((delimiter === '$' || delimiter === '$$' || delimiter === '\\(') && isBlankLineAfter(this.text, position + 1))
      this.mathDelimiter = undefined;
  }

  // ── commands ──────────────────────────────────────────────────────────────

  private command(position: number): number {
    const text = this.text;
    const code = text.charCodeAt(position + 1);
    if (!isAsciiLetter(code)) return this.symbolCommand(position, code);
    let nameEnd = position + 2;
    while (isAsciiLetter(text.charCodeAt(nameEnd))) nameEnd++;
    const after = text.charCodeAt(nameEnd) === Ch.Star ? nameEnd + 1 : nameEnd;
    // Most commands are unknown and need no name string; a known one gets its interned name.
    const name = knownCommandNames.lookup(text, position + 1, nameEnd);
    let next: number;
    if (name !== undefined) next = this.namedCommand(position, name, after);
    else if (this.userRules.size > 0) next = this.namedCommand(position, text.slice(position + 1, nameEnd), after);
    else next = after;
    return next > nameEnd ? next : nameEnd;
  }

  private symbolCommand(position: number, code: number): number {
    switch (code) {
      case Ch.LeftParen:
        this.openMath('\\(', position);
        return position + 2;
      case Ch.RightParen:
        return this.closeMath('\\(', position + 2);
      case Ch.LeftBracket:
        this.openMath('\\[', position);
        return position + 2;
      case Ch.RightBracket:
        return this.closeMath('\\[', position + 2);
      case Ch.Backslash:
        return this.rowBreak(position, position + 2);
      default:
        return Number.isNaN(code) ? position + 1 : position + 2;
    }
  }

  /** Handles a known command; returns where scanning continues (anything ≤ the name's end means "just the name"). */
  private namedCommand(position: number, name: string, after: number): number {
    switch (name) {
      case 'begin':
        return this.beginEnvironment(position, after);
      case 'end':
        return this.endEnvironment(position, after);
      case 'verb':
      case 'Verb':
        return this.inlineVerbatim(position, after);
      case 'lstinline':
        return this.inlineListing(position, after, false);
      case 'mintinline':
        return this.inlineListing(position, after, true);
      case 'caption':
        return this.caption(after);
      case 'multicolumn':
        return this.spanningCell(after, 'mm', true);
      case 'multirow':
        return this.spanningCell(after, 'omomo', false);
      case 'tabularnewline':
        return this.rowBreak(position, after);
      case 'let':
        return this.letDefinition(position, after);
    }
    if (citationCommands.has(name)) return this.citation(position, name, after);
    if (bibliographyCommands.has(name)) return this.bibliography(name, after);
    const bodies = definitionCommands.get(name);
    if (bodies !== undefined) return this.definition(position, after, bodies);
    if (primitiveDefinitionCommands.has(name)) return this.primitiveDefinition(position, after);
    const ruleSignature = tableRuleCommands.get(name);
    if (ruleSignature !== undefined) return this.tableRule(position, after, ruleSignature, false);
    if (tableHeaderMarkers.has(name) || tableFooterMarkers.has(name))
      return this.tableRule(position, after, '', tableHeaderMarkers.has(name));
    const rule = this.userRules.get(name) ?? builtinArgumentRules.get(name);
    if (rule) return this.skipArguments(after, rule.signature, rule.reason);
    return after;
  }

  // ── arguments ─────────────────────────────────────────────────────────────

  /** Skips spaces, tabs and at most one line break — never a blank line — before an argument. */
  private skipArgumentSpace(from: number): number {
    const text = this.text;
    let position = from;
    let sawNewline = false;
    for (;;) {
      const code = text.charCodeAt(position);
      if (code === Ch.Space || code === Ch.Tab || code === Ch.CarriageReturn) position++;
      else if (code === Ch.LineFeed && !sawNewline) {
        sawNewline = true;
        position++;
      } else return position;
    }
  }

  /** The closer of the group opened by `openCode` at the next argument position (its opener in `argumentOpen`), or -1. */
  private groupAt(from: number, openCode: number): number {
    const open = this.skipArgumentSpace(from);
    if (this.text.charCodeAt(open) !== openCode) return -1;
    const close = this.groups.closerOf(open);
    if (close <= open) return -1;
    this.argumentOpen = open;
    return close;
  }

  /** A `{…}` argument: returns its `}` (its `{` in `argumentOpen`), or -1. */
  private mandatoryArgument(from: number): number {
    return this.groupAt(from, Ch.LeftBrace);
  }

  /** A `[…]` argument: returns its `]` (its `[` in `argumentOpen`), or -1. */
  private optionalArgument(from: number): number {
    return this.groupAt(from, Ch.LeftBracket);
  }

  /** booktabs' `(lr)` trim argument: a short parenthesized group on the same line; returns its `)` or -1. */
  private parenthesizedArgument(from: number): number {
    const text = this.text;
    const open = this.skipArgumentSpace(from);
    if (text.charCodeAt(open) !== Ch.LeftParen) return -1;
    for (let close = open + 1; close < open + 32 && close < text.length; close++) {
      const code = text.charCodeAt(close);
      if (code === Ch.RightParen) {
        this.argumentOpen = open;
        return close;
      }
      if (code === Ch.LineFeed) return -1;
    }
    return -1;
  }

  /**
   * Reads arguments by signature (`o` optional masked, `p` optional kept, `r` `(…)` masked, `m` mandatory masked,
   * `v` mandatory read verbatim and masked),
   * masking their content; stops at the first missing mandatory argument. Returns the offset after the last one read.
   */
  private skipArguments(from: number, signature: string, reason: SkipReason): number {
    let cursor = from;
    for (let index = 0; index < signature.length; index++) {
      const kind = signature.charCodeAt(index);
      const close = this.argumentOfKind(kind, cursor);
      if (close < 0) {
        if (kind === KindMandatory || kind === KindVerbatim) return cursor;
        continue;
      }
      if (kind !== KindPassedOver) this.out.skip(this.argumentOpen + 1, close, reason);
      cursor = close + 1;
    }
    return cursor;
  }

  private argumentOfKind(kind: number, from: number): number {
    switch (kind) {
      case KindMandatory:
        return this.mandatoryArgument(from);
      case KindVerbatim:
        return this.verbatimArgument(from);
      case KindParenthesized:
        return this.parenthesizedArgument(from);
      default:
        return this.optionalArgument(from);
    }
  }

  /** A `{…}` argument read verbatim like `\url`'s: `%` and `\` are literal, braces still nest; one line at most. */
  private verbatimArgument(from: number): number {
    const text = this.text;
    const open = this.skipArgumentSpace(from);
    if (text.charCodeAt(open) !== Ch.LeftBrace) return -1;
    const limit = Math.min(text.length, open + maxInlineVerbatimLength);
    let depth = 0;
    for (let position = open + 1; position < limit; position++) {
      const code = text.charCodeAt(position);
      if (code === Ch.LeftBrace) depth++;
      else if (code === Ch.RightBrace && depth-- === 0) {
        this.argumentOpen = open;
        return position;
      }
      else if (code === Ch.LineFeed) break;
    }
    return -1;
  }

  /**
   * The trimmed content of an environment-name argument when it names an environment the scanner acts on (the
   * interned string), else undefined: other names are never compared, so they are not sliced out of the text.
   */
  private environmentName(open: number, close: number): string | undefined {
    const text = this.text;
    const start = trimStartOffset(text, open + 1, close);
    const end = trimEndOffset(text, start, close);
    // `String.prototype.trim` also drops non-ASCII spaces; such rare names take the slow, exact path.
    if ((start < close && text.charCodeAt(start) >= 128) || (end > start && text.charCodeAt(end - 1) >= 128)) {
      const name = text.slice(open + 1, close).trim();
      return knownEnvironmentNames.lookup(name, 0, name.length);
    }
    return knownEnvironmentNames.lookup(text, start, end);
  }

  // ── citations and bibliographies ──────────────────────────────────────────

  private citation(position: number, name: string, after: number): number {
    const multiple = isMultiCitation(name);
    this.keyCount = 0;
    let cursor = after;
    let end = -1;
    if (multiple) {
      for (let i = 0; i < 2; i++) {
        const global = this.parenthesizedArgument(cursor);
        if (global >= 0) cursor = global + 1;
      }
    }
    for (;;) {
      let probe = cursor;
      for (let i = 0; i < 2; i++) {
        const note = this.optionalArgument(probe);
        if (note < 0) break;
        probe = note + 1;
      }
      const keyListClose = this.mandatoryArgument(probe);
      if (keyListClose < 0) break;
      this.collectListItems(this.argumentOpen, keyListClose, 'citation-key', true);
      cursor = end = keyListClose + 1;
      if (!multiple) break;
    }
    if (end < 0) return after;
    // An exactly sized copy of the scratch list, rather than an array grown key by key.
    const keys = this.keyBuffer.slice(0, this.keyCount);
    this.out.citations.push({ start: position, end, command: name, keys });
    return end;
  }

  private bibliography(name: string, after: number): number {
    let cursor = after;
    if (name !== 'bibliography' && name !== 'nobibliography') cursor = this.skipArguments(cursor, 'o', 'command-arg');
    const pathsClose = this.mandatoryArgument(cursor);
    if (pathsClose < 0) return after;
    this.collectListItems(this.argumentOpen, pathsClose, 'command-arg', false);
    return pathsClose + 1;
  }

  /**
   * Splits a `{a, b,% note\n c}` list into trimmed items, masking each item and listing comments. Items become
   * citation keys (into `keyBuffer`; `*`, biblatex's "all", excepted) when `keys`, else bibliography declarations.
   */
  private collectListItems(open: number, close: number, reason: SkipReason, keys: boolean): void {
    const text = this.text;
    let itemStart = open + 1;
    for (let position = itemStart; position < close; position++) {
      const code = text.charCodeAt(position);
      if (code === Ch.Comma) {
        this.finishListItem(itemStart, position, reason, keys);
        itemStart = position + 1;
      } else if (code === Ch.Percent && text.charCodeAt(position - 1) !== Ch.Backslash) {
        this.finishListItem(itemStart, position, reason, keys);
        const commentEnd = Math.min(this.comment(position), close);
        itemStart = position = commentEnd;
      }
    }
    this.finishListItem(itemStart, close, reason, keys);
  }

  private finishListItem(itemStart: number, itemEnd: number, reason: SkipReason, keys: boolean): void {
    const text = this.text;
    const start = trimStartOffset(text, itemStart, itemEnd);
    const end = trimEndOffset(text, start, itemEnd);
    if (end <= start) return;
    this.out.skip(start, end, reason);
    const item = text.slice(start, end);
    if (!keys) this.out.bibliographies.push({ start, end, path: item });
    else if (item !== '*') this.keyBuffer[this.keyCount++] = { start, end, key: item };
  }

  // ── definitions ───────────────────────────────────────────────────────────

  /** `\newcommand{\x}[1][d]{body}`, `\newenvironment{x}{begin}{end}`…: the whole definition is skipped. */
  private definition(position: number, after: number, bodies: number): number {
    let cursor = this.definedNameEnd(after);
    if (cursor < 0) return after;
    let bodiesRead = 0;
    while (bodiesRead < bodies) {
      const optional = this.optionalArgument(cursor);
      if (optional >= 0) {
        cursor = optional + 1;
        continue;
      }
      const body = this.mandatoryArgument(cursor);
      if (body < 0) break;
      cursor = body + 1;
      bodiesRead++;
    }
    this.out.skip(position, cursor, 'command-arg');
    return cursor;
  }

  /** End of `{\name}`, `{name}` or `\name` after a defining command, or -1. */
  private definedNameEnd(from: number): number {
    const close = this.mandatoryArgument(from);
    if (close >= 0) return close + 1;
    const start = this.skipArgumentSpace(from);
    return this.text.charCodeAt(start) === Ch.Backslash ? this.controlSequenceEnd(start) : -1;
  }

  private controlSequenceEnd(backslash: number): number {
    const text = this.text;
    let end = backslash + 1;
    if (!isAsciiLetter(text.charCodeAt(end))) return Math.min(end + 1, text.length);
    while (isAsciiLetter(text.charCodeAt(end))) end++;
    return end;
  }

  /** `\def\x#1#2{body}`: parameter text runs to the body's `{` on the same line. */
  private primitiveDefinition(position: number, after: number): number {
    const text = this.text;
    const nameStart = this.skipArgumentSpace(after);
    if (text.charCodeAt(nameStart) !== Ch.Backslash) return after;
    let cursor = this.controlSequenceEnd(nameStart);
    const limit = Math.min(text.length, cursor + 200);
    while (cursor < limit && text.charCodeAt(cursor) !== Ch.LeftBrace && text.charCodeAt(cursor) !== Ch.LineFeed) cursor++;
    const close = this.groups.closerOf(cursor);
    if (text.charCodeAt(cursor) !== Ch.LeftBrace || close <= cursor) return after;
    this.out.skip(position, close + 1, 'command-arg');
    return close + 1;
  }

  /** `\let\a\b` or `\let\a=\b`. */
  private letDefinition(position: number, after: number): number {
    const text = this.text;
    const first = this.skipArgumentSpace(after);
    if (text.charCodeAt(first) !== Ch.Backslash) return after;
    let cursor = this.skipArgumentSpace(this.controlSequenceEnd(first));
    if (text.charCodeAt(cursor) === Ch.Equals) cursor = this.skipArgumentSpace(cursor + 1);
    if (cursor >= text.length) return after;
    const end = text.charCodeAt(cursor) === Ch.Backslash ? this.controlSequenceEnd(cursor) : cursor + 1;
    this.out.skip(position, end, 'command-arg');
    return end;
  }

  // ── verbatim ──────────────────────────────────────────────────────────────

  /** `\verb|…|` on one line; unclosed, it is left as text. */
  private inlineVerbatim(position: number, after: number): number {
    const end = this.delimitedVerbatimEnd(after);
    if (end < 0) return after;
    this.out.skip(position, end, 'code');
    return end;
  }

  private delimitedVerbatimEnd(delimiterPosition: number): number {
    const text = this.text;
    const delimiter = text.charCodeAt(delimiterPosition);
    if (Number.isNaN(delimiter) || isWhitespace(delimiter) || isAsciiLetter(delimiter) || delimiter === Ch.LeftBrace) return -1;
    const limit = Math.min(text.length, delimiterPosition + maxInlineVerbatimLength);
    for (let position = delimiterPosition + 1; position < limit; position++) {
      const code = text.charCodeAt(position);
      if (code === delimiter) return position + 1;
      if (code === Ch.LineFeed) return -1;
    }
    return -1;
  }

  /** `\lstinline[opts]{code}`, `\lstinline|code|`, `\mintinline[opts]{lang}{code}`. */
  private inlineListing(position: number, after: number, hasLanguage: boolean): number {
    let cursor = this.skipArguments(after, hasLanguage ? 'pm' : 'p', 'command-arg');
    if (hasLanguage && cursor === after) return after;
    cursor = this.skipArgumentSpace(cursor);
    const braced = this.text.charCodeAt(cursor) === Ch.LeftBrace ? this.groups.closerOf(cursor) : 0;
    const end = braced > cursor ? braced + 1 : this.delimitedVerbatimEnd(cursor);
    if (end < 0) return after;
    this.out.skip(position, end, 'code');
    return end;
  }

  // ── environments ──────────────────────────────────────────────────────────

  private beginEnvironment(position: number, after: number): number {
    const close = this.mandatoryArgument(after);
    if (close < 0) return after;
    const open = this.argumentOpen;
    const name = this.environmentName(open, close);
    const argumentEnd = close + 1;
    if (name === undefined) {
      this.out.skip(open + 1, close, 'command-arg');
      return argumentEnd;
    }
    if (verbatimEnvironments.has(name)) {
      const end = this.environmentEnd(name, argumentEnd);
      if (end >= 0) {
        this.out.skip(position, end, 'code');
        return end;
      }
    }
    this.out.skip(open + 1, close, 'command-arg');
    if (mathEnvironments.has(name)) {
      this.openMath('environment', position, name);
      return argumentEnd;
    }
    const tableSignature = tableEnvironments.get(name);
    if (tableSignature !== undefined) return this.beginTable(position, name, argumentEnd, tableSignature);
    if (tableFloatEnvironments.has(name)) this.environments.push({ name, start: position, floatTables: [] });
    return argumentEnd;
  }

  /** Offset just past `\end{name}`, or -1 when the environment is never closed. */
  private environmentEnd(name: string, from: number): number {
    const needle = `\\end{${name}}`;
    let finder = this.environmentEndFinders.get(name);
    if (!finder) {
      finder = substringFinder(this.text, needle);
      this.environmentEndFinders.set(name, finder);
    }
    const start = finder.find(from);
    return start < 0 ? -1 : start + needle.length;
  }

  private endEnvironment(position: number, after: number): number {
    const close = this.mandatoryArgument(after);
    if (close < 0) return after;
    const open = this.argumentOpen;
    const name = this.environmentName(open, close);
    const end = close + 1;
    this.out.skip(open + 1, close, 'command-arg');
    if (name === undefined) return end;
    if (this.mathDelimiter === 'environment' && this.mathEnvironment === name) this.closeMath('environment', end);
    let index = this.environments.length - 1;
    while (index >= 0 && this.environments[index]!.name !== name) index--;
    if (index < 0) return end;
    const frame = this.environments[index]!;
    this.environments.length = index;
    if (frame.table) this.finishTable(frame, frame.table, position, end);
    else for (const table of frame.floatTables ?? []) if (!table.caption && frame.caption) table.caption = frame.caption;
    if (frame.floatTables) this.floats.push({ start: frame.start, end });
    return end;
  }

  // ── tables ────────────────────────────────────────────────────────────────

  private beginTable(position: number, name: string, argumentEnd: number, signature: string): number {
    let cursor = argumentEnd;
    if (name === 'tabu' || name === 'longtabu') cursor = this.skipTabuWidth(cursor);
    cursor = this.skipArguments(cursor, signature, 'command-arg');
    const table: TableState = { begin: position, depth: this.depth, rows: [], rowCells: [], rowLength: 0, cellStart: cursor, hasHeader: false };
    this.environments.push({ name, start: position, table });
    return cursor;
  }

  /** tabu's `to 10cm` / `spread 2pt` before the column spec. */
  private skipTabuWidth(from: number): number {
    const text = this.text;
    const limit = Math.min(text.length, from + 64);
    for (let position = from; position < limit; position++) {
      const code = text.charCodeAt(position);
      if (code === Ch.LeftBrace) {
        this.out.skip(from, position, 'command-arg');
        return position;
      }
      if (code === Ch.LineFeed) break;
    }
    return from;
  }

  private currentTable(): TableState | undefined {
    const table = this.environments[this.environments.length - 1]?.table;
    return table && this.mathDelimiter === undefined && this.depth === table.depth ? table : undefined;
  }

  private cellSeparator(position: number): void {
    const table = this.currentTable();
    if (!table) return;
    this.finishCell(table, position);
    table.cellStart = position + 1;
  }

  /** `\\` (or `\tabularnewline`): in a table, ends the row and skips `*` and an optional `[length]`. */
  private rowBreak(position: number, after: number): number {
    const table = this.currentTable();
    if (!table) return after;
    this.finishCell(table, position);
    table.rows.push(takeRow(table));
    let cursor = after;
    if (this.text.charCodeAt(cursor) === Ch.Star) cursor++;
    if (this.text.charCodeAt(cursor) === Ch.LeftBracket) cursor = this.skipArguments(cursor, 'o', 'command-arg');
    table.cellStart = cursor;
    return cursor;
  }

  /** A rule (`\hline`, `\midrule`…) or longtable marker; one right after the first row marks it as a header. */
  private tableRule(position: number, after: number, signature: string, marksHeader: boolean): number {
    const table = this.currentTable();
    if (!table) return after;
    const end = this.skipArguments(after, signature, 'command-arg');
    const atRowStart = table.rowLength === 0 && this.contentBounds(table.cellStart, position) === position;
    if (atRowStart && table.rows.length === 1 && !marksHeader) table.hasHeader = true;
    if (!atRowStart) {
      // A rule after cells without `\\` is a LaTeX error; reading it as the end of the row degrades best.
      this.finishCell(table, position);
      table.rows.push(takeRow(table));
    }
    table.cellStart = end;
    if (marksHeader && table.rows.length > 0) table.hasHeader = true;
    return end;
  }

  /** `\multicolumn{n}{spec}{text}`: the spec is masked, and the cell's text is the last argument. */
  private spanningCell(after: number, signature: string, spansColumns: boolean): number {
    const cursor = this.skipArguments(after, signature, 'command-arg');
    const table = this.environments[this.environments.length - 1]?.table;
    const cellTextClose = this.mandatoryArgument(cursor);
    if (table && cellTextClose >= 0) {
      const columns = spansColumns ? /^\s*\{\s*(\d{1,2})\s*\}/.exec(this.text.slice(after, after + 12)) : null;
      this.contentBounds(this.argumentOpen + 1, cellTextClose);
      table.spanningCellText = { start: this.boundsStart, end: this.boundsEnd, columns: columns ? Number(columns[1]) : 1 };
    }
    return cursor;
  }

  private finishCell(table: TableState, end: number): void {
    this.contentBounds(table.cellStart, end);
    let start = this.boundsStart;
    let spanEnd = this.boundsEnd;
    let columns = 1;
    const spanning = table.spanningCellText;
    if (spanning && spanning.start >= table.cellStart && spanning.end <= end) {
      start = spanning.start;
      spanEnd = spanning.end;
      columns = spanning.columns;
    }
    table.spanningCellText = undefined;
    const cell: TableCell = { start, end: spanEnd, text: this.text.slice(start, spanEnd) };
    if (columns > 1) cell.columns = columns;
    table.rowCells[table.rowLength++] = cell;
  }

  private finishTable(frame: EnvironmentFrame, table: TableState, endCommand: number, end: number): void {
    this.finishCell(table, endCommand);
    if (table.rowLength > 1 || table.rowCells[0]!.text !== '') table.rows.push(takeRow(table));
    const result: Table = { start: table.begin, end, rows: table.rows, hasHeader: table.hasHeader };
    if (frame.caption) result.caption = frame.caption;
    this.out.tables.push(result);
    for (let index = this.environments.length - 1; index >= 0; index--) {
      const floatTables = this.environments[index]!.floatTables;
      if (floatTables) {
        floatTables.push(result);
        break;
      }
    }
  }

  /** `\caption[short]{long}`: the long caption belongs to the enclosing table float (or longtable). */
  private caption(after: number): number {
    let cursor = after;
    const short = this.optionalArgument(cursor);
    if (short >= 0) cursor = short + 1;
    const close = this.mandatoryArgument(cursor);
    if (close < 0) return after;
    this.contentBounds(this.argumentOpen + 1, close);
    const start = this.boundsStart;
    const end = this.boundsEnd;
    for (let index = this.environments.length - 1; index >= 0; index--) {
      const frame = this.environments[index]!;
      if (frame.floatTables || frame.table) {
        frame.caption ??= { start, end, text: this.text.slice(start, end) };
        break;
      }
    }
    return after;
  }

  /**
   * The span from the first to the last character in [start, end) that is neither whitespace nor in a comment, into
   * `boundsStart` / `boundsEnd` (both `end` when there is none); returns `boundsStart`.
   */
  private contentBounds(start: number, end: number): number {
    const text = this.text;
    let first = -1;
    let last = start;
    for (let position = start; position < end; position++) {
      const code = text.charCodeAt(position);
      if (code === Ch.Percent) {
        const newline = text.indexOf('\n', position);
        position = newline < 0 || newline > end ? end : newline;
        continue;
      }
      if (isWhitespace(code)) continue;
      if (first < 0) first = position;
      if (code === Ch.Backslash) position++;
      last = Math.min(position + 1, end);
    }
    this.boundsStart = first < 0 ? end : first;
    this.boundsEnd = first < 0 ? end : last;
    return this.boundsStart;
  }
}

function takeRow(table: TableState): TableCell[] {
  const row = table.rowCells.slice(0, table.rowLength);
  table.rowLength = 0;
  return row;
}
