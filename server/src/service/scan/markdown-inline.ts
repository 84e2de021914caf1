import * as chars from './chars';
import type { ScanCollector } from './collector';
import { ForwardFinder, substringFinder } from './forward-finder';
import { IntList } from './int-list';
import type { Citation } from './types';
import { indexOfSorted } from '../spans';

const { Ch, isAsciiAlphanumeric, isAsciiLetter, isAsciiPunctuation, isDigit, isWhitespace, isWordCharacter, triggerTable } = chars;

const inlineTriggers = triggerTable('\\`$<[]@{hw');

/** Quarto cross-reference prefixes: `@fig-x` is a reference to a figure, not a citation. */
const crossReferencePrefixes = new Set([
  'fig', 'tbl', 'sec', 'eq', 'lst', 'thm', 'lem', 'cor', 'prp', 'cnj', 'def', 'exm', 'exr', 'sol', 'rem', 'alg',
  'apx', 'tip', 'nte', 'wrn', 'imp', 'cau',
]);

/** Characters allowed inside (not at the end of) a Pandoc citation key. */
const internalKeyPunctuation = triggerTable(':.#$%&-+?<>~/_');

interface BracketFrame {
  open: number;
  close: number;
  /** Where scanning continues after the closing `]` (past a link destination or reference label). */
  resumeAt: number;
  isCitationGroup: boolean;
  citation: Citation | undefined;
}

/**
 * Scans inline Markdown (code spans, math, comments, HTML, autolinks, bare URLs, link destinations, citations,
 * cross-references, attribute blocks) within the prose ranges the block scanner hands it. Constructs never cross a
 * range's end, so an unclosed `$` or backtick only affects its own paragraph.
 */
export class InlineScanner {
  private readonly commentEnd: ForwardFinder;
  private readonly displayMathEnd: ForwardFinder;
  private readonly parenMathEnd: ForwardFinder;
  private readonly bracketMathEnd: ForwardFinder;
  private readonly inlineMathEnd: ForwardFinder;
  private readonly backtickRunFinders = new Map<number, ForwardFinder>();
  /** No `>` (HTML tag end) exists in [tag search start, this offset). */
  private tagEndAbsentBefore = -1;
  /** No `}` (attribute block end) exists in [search start, this offset). */
  private braceEndAbsentBefore = -1;

  private rangeEnd = 0;
  private rangeStart = 0;
  /** Whether {@link groupOpens} and {@link groupCloses} describe the current range. */
  private groupsReady = false;
  /** Offsets of the current range's unescaped `[` and `(`, ascending; reused from range to range. */
  private readonly groupOpens = new IntList(64);
  /** `groupCloses[i]` is the matching `]` / `)` of `groupOpens[i]`, or -1. */
  private readonly groupCloses = new IntList(64);
  /** Indices (into the lists above) of the unmatched `[` and `(`: typed stacks, so clearing them frees nothing. */
  private readonly bracketStack = new IntList(16);
  private readonly parenStack = new IntList(16);
  private lastGroupLookup = 0;
  private readonly frames: BracketFrame[] = [];
  /** The key {@link citationKey} found last: its bounds, where its marking ends, and whether it was `{braced}`. */
  private keyStart = 0;
  private keyEnd = 0;
  private keyMarkEnd = 0;
  private keyBraced = false;

  constructor(
    private readonly text: string,
    private readonly out: ScanCollector,
  ) {
    this.commentEnd = substringFinder(text, '-->');
    this.displayMathEnd = substringFinder(text, '$$');
    this.parenMathEnd = substringFinder(text, '\\)');
    this.bracketMathEnd = substringFinder(text, '\\]');
    this.inlineMathEnd = new ForwardFinder((from) => nextInlineMathCloser(text, from));
  }

  scan(start: number, end: number): void {
    this.rangeStart = start;
    this.rangeEnd = end;
    this.groupsReady = false;
    if (this.frames.length > 0) this.frames.length = 0;
    const text = this.text;
    let position = start;
    while (position < end) {
      const code = text.charCodeAt(position);
      if (code >= 128 || inlineTriggers[code] === 0) {
        position++;
        continue;
      }
      position = this.scanConstruct(code, position);
    }
  }

  /** Handles the construct starting at `position`; returns where scanning continues (always > position). */
  private scanConstruct(code: number, position: number): number {
    switch (code) {
      case Ch.Backslash:
        return this.backslash(position);
      case Ch.Backtick:
        return this.codeSpan(position);
      case Ch.Dollar:
        return this.dollarMath(position);
      case Ch.Less:
        return this.angleBracket(position);
      case Ch.LeftBracket:
        return this.openBracket(position);
      case Ch.RightBracket:
        return this.closeBracket(position);
      case Ch.At:
        return this.citation(position);
      case Ch.LeftBrace:
        return this.attributeBlock(position);
      default:
        return this.bareUrl(position);
    }
  }

  private backslash(position: number): number {
    const next = this.text.charCodeAt(position + 1);
    if (next === Ch.LeftParen || next === Ch.LeftBracket) {
      const finder = next === Ch.LeftParen ? this.parenMathEnd : this.bracketMathEnd;
      const close = finder.find(position + 2);
      if (close >= 0 && close + 2 <= this.rangeEnd) {
        this.out.addMath(position, close + 2);
        return close + 2;
      }
    }
    return position + 1 < this.rangeEnd && isAsciiPunctuation(next) ? position + 2 : position + 1;
  }

  private codeSpan(position: number): number {
    const text = this.text;
    let runEnd = position + 1;
    while (runEnd < this.rangeEnd && text.charCodeAt(runEnd) === Ch.Backtick) runEnd++;
    const runLength = runEnd - position;
    const close = this.backtickRunFinder(runLength).find(runEnd);
    if (close < 0 || close + runLength > this.rangeEnd) return runEnd;
    this.out.skip(position, close + runLength, 'code');
    return close + runLength;
  }

  private backtickRunFinder(runLength: number): ForwardFinder {
    let finder = this.backtickRunFinders.get(runLength);
    if (!finder) {
      finder = new ForwardFinder((from) => nextBacktickRun(this.text, from, runLength));
      this.backtickRunFinders.set(runLength, finder);
    }
    return finder;
  }

  private dollarMath(position: number): number {
    const text = this.text;
    if (text.charCodeAt(position + 1) === Ch.Dollar) {
      const close = this.displayMathEnd.find(position + 2);
      if (close < 0 || close + 2 > this.rangeEnd) return position + 2;
      this.out.addMath(position, close + 2);
      return close + 2;
    }
    if (position + 1 >= this.rangeEnd || isWhitespace(text.charCodeAt(position + 1))) return position + 1;
    const close = this.inlineMathEnd.find(position + 2);
    if (close < 0 || close + 1 > this.rangeEnd) return position + 1;
    this.out.addMath(position, close + 1);
    return close + 1;
  }

  private angleBracket(position: number): number {
    const text = this.text;
    if (text.startsWith('<!--', position)) {
      const close = this.commentEnd.find(position + 4);
      if (close < 0 || close + 3 > this.rangeEnd) return position + 4;
      this.out.skip(position, close + 3, 'comment');
      return close + 3;
    }
    const autolinkEnd = this.autolinkEnd(position);
    if (autolinkEnd > 0) {
      this.out.skip(position, autolinkEnd, 'url');
      return autolinkEnd;
    }
    return this.htmlTag(position);
  }

  /** End (past `>`) of `<scheme:…>` or `<user@host>`, else -1. */
  private autolinkEnd(position: number): number {
    const text = this.text;
    const end = this.rangeEnd;
    let cursor = position + 1;
    if (!isAsciiLetter(text.charCodeAt(cursor))) return -1;
    while (cursor < end && isSchemeCharacter(text.charCodeAt(cursor))) cursor++;
    const schemeLength = cursor - position - 1;
    const isScheme = text.charCodeAt(cursor) === Ch.Colon && schemeLength >= 2 && schemeLength <= 32;
    let sawAt = false;
    while (cursor < end) {
      const code = text.charCodeAt(cursor);
      if (code === Ch.Greater) break;
      if (code <= Ch.Space || code === Ch.Less) return -1;
      if (code === Ch.At) sawAt = true;
      cursor++;
    }
    if (cursor >= end || !(isScheme || sawAt)) return -1;
    return cursor + 1;
  }

  private htmlTag(position: number): number {
    const text = this.text;
    let nameStart = position + 1;
    if (text.charCodeAt(nameStart) === Ch.Slash) nameStart++;
    if (!isAsciiLetter(text.charCodeAt(nameStart))) return position + 1;
    let nameEnd = nameStart + 1;
    while (isAsciiAlphanumeric(text.charCodeAt(nameEnd)) || text.charCodeAt(nameEnd) === Ch.Minus) nameEnd++;
    const after = text.charCodeAt(nameEnd);
    if (!(isWhitespace(after) || after === Ch.Slash || after === Ch.Greater)) return position + 1;
    const close = this.tagEnd(nameEnd);
    if (close < 0) return position + 1;
    if (isSubscriptOrSuperscriptTag(text, nameStart, nameEnd)) return close + 1;
    this.out.skip(position, close + 1, 'html');
    return close + 1;
  }

  /** The `>` ending a tag, searched on the same line; -1 when a newline or `<` comes first. */
  private tagEnd(from: number): number {
    if (from < this.tagEndAbsentBefore) return -1;
    const { at, searchedTo } = this.closerOnLine(from, Ch.Greater, Ch.Less);
    if (at < 0) this.tagEndAbsentBefore = searchedTo;
    return at;
  }

  /**
   * The `close` character after `from` on the same line, or -1 when a newline or another `open` comes first; where
   * the search stopped, so that a caller can remember there is none before it.
   */
  private closerOnLine(from: number, close: number, open: number): { at: number; searchedTo: number } {
    const text = this.text;
    let cursor = from;
    for (; cursor < this.rangeEnd; cursor++) {
      const code = text.charCodeAt(cursor);
      if (code === close) return { at: cursor, searchedTo: cursor };
      if (code === Ch.LineFeed || code === open) break;
    }
    return { at: -1, searchedTo: cursor };
  }

  private openBracket(position: number): number {
    const text = this.text;
    const close = this.matchingCloser(position);
    if (close < 0) return position + 1;
    if (text.charCodeAt(position + 1) === Ch.Caret) {
      this.out.skip(position, close + 1, 'label');
      return close + 1;
    }
    const after = text.charCodeAt(close + 1);
    if (after === Ch.LeftParen) {
      const destinationEnd = this.matchingCloser(close + 1);
      if (destinationEnd > 0) {
        this.out.skip(close + 1, destinationEnd + 1, 'url');
        this.frames.push({ open: position, close, resumeAt: destinationEnd + 1, isCitationGroup: false, citation: undefined });
        return position + 1;
      }
    } else if (after === Ch.LeftBracket) {
      const labelEnd = this.matchingCloser(close + 1);
      if (labelEnd > 0) {
        this.out.skip(close + 1, labelEnd + 1, 'label');
        this.frames.push({ open: position, close, resumeAt: labelEnd + 1, isCitationGroup: false, citation: undefined });
        return position + 1;
      }
    }
    this.frames.push({ open: position, close, resumeAt: close + 1, isCitationGroup: true, citation: undefined });
    return position + 1;
  }

  private closeBracket(position: number): number {
    const frames = this.frames;
    while (frames.length > 0 && frames[frames.length - 1]!.close < position) frames.pop();
    const top = frames[frames.length - 1];
    if (top && top.close === position) {
      frames.pop();
      return top.resumeAt;
    }
    return position + 1;
  }

  /** Matching `]` for `[` or `)` for `(` within the current range, or -1. */
  private matchingCloser(open: number): number {
    if (!this.groupsReady) this.matchBracketsAndParens();
    const opens = this.groupOpens;
    const count = opens.length;
    const guess = this.lastGroupLookup;
    if (guess < count && opens.get(guess) === open) return this.groupCloses.get(guess);
    if (guess + 1 < count && opens.get(guess + 1) === open) {
      this.lastGroupLookup = guess + 1;
      return this.groupCloses.get(guess + 1);
    }
    const index = indexOfSorted(count, (candidate) => opens.get(candidate), open);
    if (index < 0) return -1;
    this.lastGroupLookup = index;
    return this.groupCloses.get(index);
  }

  /** Pairs `[`/`]` and `(`/`)` within the current range in one pass with two stacks; escaped ones are ignored. */
  private matchBracketsAndParens(): void {
    const text = this.text;
    const opens = this.groupOpens;
    const closes = this.groupCloses;
    const brackets = this.bracketStack;
    const parens = this.parenStack;
    opens.length = 0;
    closes.length = 0;
    brackets.length = 0;
    parens.length = 0;
    this.lastGroupLookup = 0;
    this.groupsReady = true;
    const end = this.rangeEnd;
    for (let position = this.rangeStart; position < end; position++) {
      switch (text.charCodeAt(position)) {
        case Ch.Backslash:
          position++;
          break;
        case Ch.LeftBracket:
          closes.push(-1);
          brackets.push(opens.push(position));
          break;
        case Ch.RightBracket:
          if (brackets.length > 0) closes.set(brackets.get(--brackets.length), position);
          break;
        case Ch.LeftParen:
          closes.push(-1);
          parens.push(opens.push(position));
          break;
        case Ch.RightParen:
          if (parens.length > 0) closes.set(parens.get(--parens.length), position);
          break;
      }
    }
  }

  private citation(position: number): number {
    const text = this.text;
    const previous = position > this.rangeStart ? text.charCodeAt(position - 1) : Ch.Space;
    let markerStart = position;
    if (previous === Ch.Minus) {
      const beforeMinus = position - 1 > this.rangeStart ? text.charCodeAt(position - 2) : Ch.Space;
      if (!isCitationBoundary(beforeMinus)) return position + 1;
      markerStart = position - 1;
    } else if (!isCitationBoundary(previous)) return position + 1;

    if (!this.citationKey(position + 1)) return position + 1;
    const keyStart = this.keyStart;
    const keyEnd = this.keyEnd;
    const markEnd = this.keyMarkEnd;
    const keyText = text.slice(keyStart, keyEnd);
    if (!this.keyBraced && isCrossReference(keyText)) {
      this.out.skip(markerStart, markEnd, 'label');
      return markEnd;
    }
    this.out.skip(markerStart, markEnd, 'citation-key');
    const citationKey = { start: keyStart, end: keyEnd, key: keyText };
    const group = this.enclosingCitationGroup(position);
    if (group) {
      if (!group.citation) {
        group.citation = { start: group.open, end: group.close + 1, command: 'pandoc', keys: [] };
        this.out.citations.push(group.citation);
      }
      group.citation.keys.push(citationKey);
    } else {
      this.out.citations.push({ start: markerStart, end: markEnd, command: 'pandoc', keys: [citationKey] });
    }
    return markEnd;
  }

  private enclosingCitationGroup(position: number): BracketFrame | undefined {
    const frames = this.frames;
    while (frames.length > 0 && frames[frames.length - 1]!.close < position) frames.pop();
    const top = frames[frames.length - 1];
    return top?.isCitationGroup ? top : undefined;
  }

  /**
   * A key after `@`: `{anything but braces}` or a letter/digit/_ followed by word characters and internal punctuation.
   * On success sets {@link keyStart}, {@link keyEnd}, {@link keyMarkEnd} and {@link keyBraced} and returns true.
   */
  private citationKey(from: number): boolean {
    const text = this.text;
    const end = this.rangeEnd;
    if (text.charCodeAt(from) === Ch.LeftBrace) {
      let cursor = from + 1;
      while (cursor < end && cursor - from < 256) {
        const code = text.charCodeAt(cursor);
        if (code === Ch.RightBrace) break;
        if (code === Ch.LeftBrace || code === Ch.LineFeed) return false;
        cursor++;
      }
      if (cursor >= end || text.charCodeAt(cursor) !== Ch.RightBrace || cursor === from + 1) return false;
      return this.foundKey(from + 1, cursor, cursor + 1, true);
    }
    if (!isKeyWordCharacter(text.charCodeAt(from)) || from >= end) return false;
    let cursor = from + 1;
    while (cursor < end) {
      const code = text.charCodeAt(cursor);
      if (isKeyWordCharacter(code)) {
        cursor++;
        continue;
      }
      if (code >= 128 || internalKeyPunctuation[code] === 0) break;
      let punctuationEnd = cursor + 1;
      while (punctuationEnd < end) {
        const next = text.charCodeAt(punctuationEnd);
        if (next >= 128 || internalKeyPunctuation[next] === 0 || next === Ch.Underscore) break;
        punctuationEnd++;
      }
      if (punctuationEnd >= end || !isKeyWordCharacter(text.charCodeAt(punctuationEnd))) break;
      cursor = punctuationEnd;
    }
    return this.foundKey(from, cursor, cursor, false);
  }

  private foundKey(start: number, end: number, markEnd: number, braced: boolean): true {
    this.keyStart = start;
    this.keyEnd = end;
    this.keyMarkEnd = markEnd;
    this.keyBraced = braced;
    return true;
  }

  /** `{#id}`, `{.class}`, `{=format}`, `{-}` attribute blocks (Pandoc/Quarto) on one line. */
  private attributeBlock(position: number): number {
    const text = this.text;
    let cursor = position + 1;
    while (cursor < this.rangeEnd && text.charCodeAt(cursor) === Ch.Space) cursor++;
    const first = text.charCodeAt(cursor);
    if (!(first === Ch.Hash || first === Ch.Dot || first === Ch.Equals || first === Ch.Minus)) return position + 1;
    const close = this.braceEndOnLine(cursor);
    if (close < 0) return position + 1;
    this.out.skip(position, close + 1, 'label');
    return close + 1;
  }

  private braceEndOnLine(from: number): number {
    if (from < this.braceEndAbsentBefore) return -1;
    const { at, searchedTo } = this.closerOnLine(from, Ch.RightBrace, Ch.LeftBrace);
    if (at < 0) this.braceEndAbsentBefore = searchedTo;
    return at;
  }

  /** `http://…`, `https://…`, `www.…` starting a word, with GFM's trailing-punctuation rules. */
  private bareUrl(position: number): number {
    const text = this.text;
    if (position > this.rangeStart && isWordCharacter(text.charCodeAt(position - 1))) return position + 1;
    let prefixLength: number;
    if (text.startsWith('https://', position)) prefixLength = 8;
    else if (text.startsWith('http://', position)) prefixLength = 7;
    else if (text.startsWith('www.', position)) prefixLength = 4;
    else return position + 1;
    let end = position + prefixLength;
    while (end < this.rangeEnd) {
      const code = text.charCodeAt(end);
      if (isWhitespace(code) || code === Ch.Less) break;
      end++;
    }
    end = trimUrlEnd(text, position + prefixLength, end);
    if (end <= position + prefixLength) return position + 1;
    this.out.skip(position, end, 'url');
    return end;
  }
}

function isCrossReference(key: string): boolean {
  const dash = key.indexOf('-');
  return dash > 0 && dash < key.length - 1 && crossReferencePrefixes.has(key.slice(0, dash));
}

function isSchemeCharacter(code: number): boolean {
  return isAsciiAlphanumeric(code) || code === Ch.Plus || code === Ch.Dot || code === Ch.Minus;
}

function isKeyWordCharacter(code: number): boolean {
  return code === Ch.Underscore || isWordCharacter(code);
}

/** Citations start after a space, an opening bracket or paren, `;` or the start of a range — not inside `a@b.com`. */
function isCitationBoundary(code: number): boolean {
  return isWhitespace(code) || code === Ch.LeftBracket || code === Ch.LeftParen || code === Ch.Semicolon;
}

function isSubscriptOrSuperscriptTag(text: string, nameStart: number, nameEnd: number): boolean {
  if (nameEnd - nameStart !== 3) return false;
  const name = text.slice(nameStart, nameEnd).toLowerCase();
  return name === 'sub' || name === 'sup';
}

/** Drops trailing punctuation and unbalanced closing parentheses from a bare URL. */
function trimUrlEnd(text: string, bodyStart: number, end: number): number {
  let opening = 0;
  let closing = 0;
  for (let i = bodyStart; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === Ch.LeftParen) opening++;
    else if (code === Ch.RightParen) closing++;
  }
  let trimmed = end;
  while (trimmed > bodyStart) {
    const code = text.charCodeAt(trimmed - 1);
    if (code === Ch.RightParen && closing > opening) {
      closing--;
      trimmed--;
    } else if ('?!.,:;*_~\'"'.includes(text[trimmed - 1]!)) trimmed--;
    else break;
  }
  return trimmed;
}

/** Next `$` that can close inline math (Pandoc): not escaped, not after whitespace, not before a digit. */
function nextInlineMathCloser(text: string, from: number): number {
  let candidate = text.indexOf('$', from);
  while (candidate >= 0) {
    const before = text.charCodeAt(candidate - 1);
    if (!isWhitespace(before) && before !== Ch.Backslash && !isDigit(text.charCodeAt(candidate + 1))) return candidate;
    candidate = text.indexOf('$', candidate + 1);
  }
  return -1;
}

/** Start of the next backtick run of exactly `runLength` at or after `from` (which never lies inside a run). */
function nextBacktickRun(text: string, from: number, runLength: number): number {
  let cursor = from;
  for (;;) {
    const runStart = text.indexOf('`', cursor);
    if (runStart < 0) return -1;
    let runEnd = runStart + 1;
    while (text.charCodeAt(runEnd) === Ch.Backtick) runEnd++;
    if (runEnd - runStart === runLength) return runStart;
    cursor = runEnd;
  }
}
