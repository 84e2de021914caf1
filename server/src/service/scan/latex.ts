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
  return new LatexScanner(text, options).scan();
}

const latexTriggers = triggerTable('%\\${}&\n');
const maxInlineVerbatimLength = 1000;

type MathDelimiter = '$' | '$$' | '\\(' | '\\[' | 'environment';

interface OpenMath {
  delimiter: MathDelimiter;
  start: number;
  environment?: string;
}

interface Group {
  open: number;
  close: number;
}

interface TableState {
  begin: number;
  /** Brace depth inside the environment: `&` and `\\` count only at this depth. */
  depth: number;
  rows: TableCell[][];
  row: TableCell[];
  cellStart: number;
  hasHeader: boolean;
  /** The text argument of a `\multicolumn`/`\multirow` in the current cell. */
  spanningCellText?: Span;
}

interface EnvironmentFrame {
  name: string;
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
  private depth = 0;
  private math: OpenMath | undefined;

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

  scan(): ScannedDocument {
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
    return this.out.finish(text);
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
    const math = this.math;
    if (!math) this.math = { delimiter: isDouble ? '$$' : '$', start: position };
    else if (math.delimiter === '$') return this.closeMath('$', position + 1);
    else if (math.delimiter === '$$' && isDouble) return this.closeMath('$$', position + 2);
    return position + width;
  }

  private openMath(delimiter: MathDelimiter, start: number, environment?: string): void {
    if (!this.math) this.math = environment ? { delimiter, start, environment } : { delimiter, start };
  }

  /** Closes open math of this kind at `end`; returns `end`. */
  private closeMath(delimiter: MathDelimiter, end: number): number {
    if (this.math?.delimiter === delimiter) {
      this.out.addMath(this.math.start, end);
      this.math = undefined;
    }
    return end;
  }

  /** A blank line ends a paragraph; inline math still open there was never closed, so it is dropped. */
  private newline(position: number): void {
    const delimiter = this.math?.delimiter;
    if ((delimiter === '$' || delimiter === '$$' || delimiter === '\\(') && isBlankLineAfter(this.text, position + 1))
      this.math = undefined;
  }

  // ── commands ──────────────────────────────────────────────────────────────

  private command(position: number): number {
    const text = this.text;
    const code = text.charCodeAt(position + 1);
    if (!isAsciiLetter(code)) return this.symbolCommand(position, code);
    let nameEnd = position + 2;
    while (isAsciiLetter(text.charCodeAt(nameEnd))) nameEnd++;
    const name = text.slice(position + 1, nameEnd);
    const after = text.charCodeAt(nameEnd) === Ch.Star ? nameEnd + 1 : nameEnd;
    const next = this.namedCommand(position, name, after);
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
        return this.spanningCell(after, 'mm');
      case 'multirow':
        return this.spanningCell(after, 'omomo');
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

  private groupAt(from: number, openCode: number): Group | undefined {
    const open = this.skipArgumentSpace(from);
    if (this.text.charCodeAt(open) !== openCode) return undefined;
    const close = this.groups.closerOf(open);
    return close > open ? { open, close } : undefined;
  }

  private mandatoryArgument(from: number): Group | undefined {
    return this.groupAt(from, Ch.LeftBrace);
  }

  private optionalArgument(from: number): Group | undefined {
    return this.groupAt(from, Ch.LeftBracket);
  }

  /** booktabs' `(lr)` trim argument: a short parenthesized group on the same line. */
  private parenthesizedArgument(from: number): Group | undefined {
    const text = this.text;
    const open = this.skipArgumentSpace(from);
    if (text.charCodeAt(open) !== Ch.LeftParen) return undefined;
    for (let close = open + 1; close < open + 32 && close < text.length; close++) {
      const code = text.charCodeAt(close);
      if (code === Ch.RightParen) return { open, close };
      if (code === Ch.LineFeed) return undefined;
    }
    return undefined;
  }

  /**
   * Reads arguments by signature (`o` optional masked, `p` optional kept, `r` `(…)` masked, `m` mandatory masked,
   * `v` mandatory read verbatim and masked),
   * masking their content; stops at the first missing mandatory argument. Returns the offset after the last one read.
   */
  private skipArguments(from: number, signature: string, reason: SkipReason): number {
    let cursor = from;
    for (let index = 0; index < signature.length; index++) {
      const kind = signature[index]!;
      const argument = this.argumentOfKind(kind, cursor);
      if (!argument) {
        if (kind === 'm' || kind === 'v') return cursor;
        continue;
      }
      if (kind !== 'p') this.out.skip(argument.open + 1, argument.close, reason);
      cursor = argument.close + 1;
    }
    return cursor;
  }

  private argumentOfKind(kind: string, from: number): Group | undefined {
    switch (kind) {
      case 'm':
        return this.mandatoryArgument(from);
      case 'v':
        return this.verbatimArgument(from);
      case 'r':
        return this.parenthesizedArgument(from);
      default:
        return this.optionalArgument(from);
    }
  }

  /** A `{…}` argument read verbatim like `\url`'s: `%` and `\` are literal, braces still nest; one line at most. */
  private verbatimArgument(from: number): Group | undefined {
    const text = this.text;
    const open = this.skipArgumentSpace(from);
    if (text.charCodeAt(open) !== Ch.LeftBrace) return undefined;
    const limit = Math.min(text.length, open + maxInlineVerbatimLength);
    let depth = 0;
    for (let position = open + 1; position < limit; position++) {
      const code = text.charCodeAt(position);
      if (code === Ch.LeftBrace) depth++;
      else if (code === Ch.RightBrace && depth-- === 0) return { open, close: position };
      else if (code === Ch.LineFeed) break;
    }
    return undefined;
  }

  private groupText(group: Group): string {
    return this.text.slice(group.open + 1, group.close).trim();
  }

  // ── citations and bibliographies ──────────────────────────────────────────

  private citation(position: number, name: string, after: number): number {
    const multiple = isMultiCitation(name);
    const keys: CitationKey[] = [];
    let cursor = after;
    let end = -1;
    if (multiple) {
      for (let i = 0; i < 2; i++) {
        const global = this.parenthesizedArgument(cursor);
        if (global) cursor = global.close + 1;
      }
    }
    for (;;) {
      let probe = cursor;
      for (let i = 0; i < 2; i++) {
        const note = this.optionalArgument(probe);
        if (!note) break;
        probe = note.close + 1;
      }
      const keyList = this.mandatoryArgument(probe);
      if (!keyList) break;
      this.collectListItems(keyList, 'citation-key', (start, itemEnd, key) => {
        if (key !== '*') keys.push({ start, end: itemEnd, key });
      });
      cursor = end = keyList.close + 1;
      if (!multiple) break;
    }
    if (end < 0) return after;
    this.out.citations.push({ start: position, end, command: name, keys });
    return end;
  }

  private bibliography(name: string, after: number): number {
    let cursor = after;
    if (name !== 'bibliography' && name !== 'nobibliography') cursor = this.skipArguments(cursor, 'o', 'command-arg');
    const paths = this.mandatoryArgument(cursor);
    if (!paths) return after;
    this.collectListItems(paths, 'command-arg', (start, end, path) => this.out.bibliographies.push({ start, end, path }));
    return paths.close + 1;
  }

  /** Splits a `{a, b,% note\n c}` list into trimmed items, masking each item and listing comments. */
  private collectListItems(
    group: Group,
    reason: SkipReason,
    onItem: (start: number, end: number, item: string) => void,
  ): void {
    const text = this.text;
    let itemStart = group.open + 1;
    const finishItem = (itemEnd: number): void => {
      const start = trimStartOffset(text, itemStart, itemEnd);
      const end = trimEndOffset(text, start, itemEnd);
      if (end <= start) return;
      this.out.skip(start, end, reason);
      onItem(start, end, text.slice(start, end));
    };
    for (let position = itemStart; position < group.close; position++) {
      const code = text.charCodeAt(position);
      if (code === Ch.Comma) {
        finishItem(position);
        itemStart = position + 1;
      } else if (code === Ch.Percent && text.charCodeAt(position - 1) !== Ch.Backslash) {
        finishItem(position);
        const commentEnd = Math.min(this.comment(position), group.close);
        itemStart = position = commentEnd;
      }
    }
    finishItem(group.close);
  }

  // ── definitions ───────────────────────────────────────────────────────────

  /** `\newcommand{\x}[1][d]{body}`, `\newenvironment{x}{begin}{end}`…: the whole definition is skipped. */
  private definition(position: number, after: number, bodies: number): number {
    let cursor = this.definedNameEnd(after);
    if (cursor < 0) return after;
    let bodiesRead = 0;
    while (bodiesRead < bodies) {
      const optional = this.optionalArgument(cursor);
      if (optional) {
        cursor = optional.close + 1;
        continue;
      }
      const body = this.mandatoryArgument(cursor);
      if (!body) break;
      cursor = body.close + 1;
      bodiesRead++;
    }
    this.out.skip(position, cursor, 'command-arg');
    return cursor;
  }

  /** End of `{\name}`, `{name}` or `\name` after a defining command, or -1. */
  private definedNameEnd(from: number): number {
    const group = this.mandatoryArgument(from);
    if (group) return group.close + 1;
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
    const argument = this.mandatoryArgument(after);
    if (!argument) return after;
    const name = this.groupText(argument);
    const argumentEnd = argument.close + 1;
    if (verbatimEnvironments.has(name)) {
      const end = this.environmentEnd(name, argumentEnd);
      if (end >= 0) {
        this.out.skip(position, end, 'code');
        return end;
      }
    }
    this.out.skip(argument.open + 1, argument.close, 'command-arg');
    if (mathEnvironments.has(name)) {
      this.openMath('environment', position, name);
      return argumentEnd;
    }
    const tableSignature = tableEnvironments.get(name);
    if (tableSignature !== undefined) return this.beginTable(position, name, argumentEnd, tableSignature);
    if (tableFloatEnvironments.has(name)) this.environments.push({ name, floatTables: [] });
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
    const argument = this.mandatoryArgument(after);
    if (!argument) return after;
    const name = this.groupText(argument);
    const end = argument.close + 1;
    this.out.skip(argument.open + 1, argument.close, 'command-arg');
    if (this.math?.delimiter === 'environment' && this.math.environment === name) this.closeMath('environment', end);
    let index = this.environments.length - 1;
    while (index >= 0 && this.environments[index]!.name !== name) index--;
    if (index < 0) return end;
    const frame = this.environments[index]!;
    this.environments.length = index;
    if (frame.table) this.finishTable(frame, frame.table, position, end);
    else for (const table of frame.floatTables ?? []) if (!table.caption && frame.caption) table.caption = frame.caption;
    return end;
  }

  // ── tables ────────────────────────────────────────────────────────────────

  private beginTable(position: number, name: string, argumentEnd: number, signature: string): number {
    let cursor = argumentEnd;
    if (name === 'tabu' || name === 'longtabu') cursor = this.skipTabuWidth(cursor);
    cursor = this.skipArguments(cursor, signature, 'command-arg');
    const table: TableState = { begin: position, depth: this.depth, rows: [], row: [], cellStart: cursor, hasHeader: false };
    this.environments.push({ name, table });
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
    return table && !this.math && this.depth === table.depth ? table : undefined;
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
    table.rows.push(table.row);
    table.row = [];
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
    const atRowStart = table.row.length === 0 && this.contentBounds(table.cellStart, position).start === position;
    if (atRowStart && table.rows.length === 1 && !marksHeader) table.hasHeader = true;
    if (!atRowStart) {
      // A rule after cells without `\\` is a LaTeX error; reading it as the end of the row degrades best.
      this.finishCell(table, position);
      table.rows.push(table.row);
      table.row = [];
    }
    table.cellStart = end;
    if (marksHeader && table.rows.length > 0) table.hasHeader = true;
    return end;
  }

  /** `\multicolumn{n}{spec}{text}`: the spec is masked, and the cell's text is the last argument. */
  private spanningCell(after: number, signature: string): number {
    const cursor = this.skipArguments(after, signature, 'command-arg');
    const table = this.environments[this.environments.length - 1]?.table;
    const cellText = this.mandatoryArgument(cursor);
    if (table && cellText) table.spanningCellText = this.contentBounds(cellText.open + 1, cellText.close);
    return cursor;
  }

  private finishCell(table: TableState, end: number): void {
    let span = this.contentBounds(table.cellStart, end);
    const spanning = table.spanningCellText;
    if (spanning && spanning.start >= table.cellStart && spanning.end <= end) span = spanning;
    table.spanningCellText = undefined;
    table.row.push({ start: span.start, end: span.end, text: this.text.slice(span.start, span.end) });
  }

  private finishTable(frame: EnvironmentFrame, table: TableState, endCommand: number, end: number): void {
    this.finishCell(table, endCommand);
    const lastRow = table.row;
    if (lastRow.length > 1 || lastRow[0]!.text !== '') table.rows.push(lastRow);
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
    if (short) cursor = short.close + 1;
    const argument = this.mandatoryArgument(cursor);
    if (!argument) return after;
    const bounds = this.contentBounds(argument.open + 1, argument.close);
    for (let index = this.environments.length - 1; index >= 0; index--) {
      const frame = this.environments[index]!;
      if (frame.floatTables || frame.table) {
        frame.caption ??= { ...bounds, text: this.text.slice(bounds.start, bounds.end) };
        break;
      }
    }
    return after;
  }

  /** The span from the first to the last character in [start, end) that is neither whitespace nor in a comment. */
  private contentBounds(start: number, end: number): Span {
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
    return first < 0 ? { start: end, end } : { start: first, end: last };
  }
}
