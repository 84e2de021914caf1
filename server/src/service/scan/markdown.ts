import * as chars from './chars';
import { gridBorderKind, readGridTable } from './grid-table';
import { readHtmlTable } from './html-table';
import { ScanCollector } from './collector';
import { scanFrontMatter } from './front-matter';
import { IntList } from './int-list';
import { indexLines, type LineIndex } from './lines';
import { InlineScanner } from './markdown-inline';
import * as pipeTables from './markdown-table';
import type { ScannedDocument, Table } from './types';

const { Ch, isDigit, isSpaceOrTab, skipSpacesAndTabs } = chars;
const { captionOnLine, delimiterRowColumns, lineHasPipe, readPipeTable, splitPipeRow } = pipeTables;

/**
 * Scans Markdown (CommonMark + GFM + Pandoc/Quarto/R Markdown) in two linear passes: a line-based block pass
 * (front matter, fenced and indented code, HTML comment/raw blocks, reference definitions, pipe tables) that yields
 * prose ranges, then an inline pass over each range.
 */
export function scanMarkdown(text: string): ScannedDocument {
  const out = new ScanCollector();
  const lines = indexLines(text);
  const { frontMatter, nextLine } = scanFrontMatter(text, lines, out);
  const proseRanges = new MarkdownBlockScanner(text, lines, out).scan(nextLine);
  const inline = new InlineScanner(text, out);
  for (let i = 0; i < proseRanges.length; i += 2) inline.scan(proseRanges.get(i), proseRanges.get(i + 1));
  return out.finish(text, frontMatter);
}

const rawHtmlBlockTags = ['script', 'style', 'pre'];

const pooledProseRanges = new IntList(1024);
const pooledCells = new IntList(64);

class MarkdownBlockScanner {
  /** Flattened [start, end) pairs of text the inline scanner should read. */
  private readonly proseRanges: IntList;
  /** Scratch cell spans for pipe-table rows. */
  private readonly cells = pooledCells;
  private paragraphStart = -1;
  private paragraphEnd = -1;
  private inList = false;
  private previousBlank = true;
  private firstContentLine = 0;
  private readonly usedCaptionLines = new Set<number>();
  /** The first `|` at or after {@link pipeSearchFrom} (the text's length when none): one search serves many lines. */
  private nextPipe = -1;
  private pipeSearchFrom = -1;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly out: ScanCollector,
  ) {
    // Reused from document to document (see `indexLines`); the inline pass reads it before the next scan starts.
    this.proseRanges = pooledProseRanges;
    this.proseRanges.length = 0;
  }

  scan(firstLine: number): IntList {
    this.firstContentLine = firstLine;
    let line = firstLine;
    while (line < this.lines.count) line = this.scanLine(line);
    this.flushParagraph();
    return this.proseRanges;
  }

  /** Reads the block starting at `line`; returns the next line to read. */
  private scanLine(line: number): number {
    const text = this.text;
    const start = this.lines.starts[line]!;
    const end = this.lines.ends[line]!;
    const contentStart = skipSpacesAndTabs(text, start, end);
    if (contentStart === end) {
      this.flushParagraph();
      this.previousBlank = true;
      return line + 1;
    }
    const indent = indentWidth(text, start, contentStart);
    const followsBlank = this.previousBlank;
    this.previousBlank = false;

    if (indent >= 4 && followsBlank && !this.inList && this.paragraphStart < 0) return this.indentedCode(line);
    if (indent < 4 || this.inList) {
      const quoted = skipBlockquoteMarkers(text, contentStart, end);
      const afterFence = this.fencedCode(line, quoted);
      if (afterFence >= 0) return afterFence;
      if (text.startsWith('<!--', quoted)) return this.htmlCommentBlock(line, quoted);
      const afterHtmlTable = this.htmlTable(line, quoted);
      if (afterHtmlTable >= 0) return afterHtmlTable;
      const afterRawHtml = this.rawHtmlBlock(line, quoted);
      if (afterRawHtml >= 0) return afterRawHtml;
    }
    if (indent < 4) {
      if (isAtxHeading(text, contentStart, end)) {
        this.flushParagraph();
        this.addProseRange(contentStart, end);
        return line + 1;
      }
      const afterGridTable = this.gridTable(line);
      if (afterGridTable >= 0) return afterGridTable;
      const afterTable = this.pipeTable(line);
      if (afterTable >= 0) return afterTable;
      if (this.paragraphStart < 0 && this.referenceDefinition(contentStart, end)) return line + 1;
      if (isListMarker(text, contentStart, end)) {
        this.flushParagraph();
        this.inList = true;
      } else if (followsBlank && indent === 0) this.inList = false;
    }
    this.extendParagraph(start, end);
    return line + 1;
  }

  private extendParagraph(start: number, end: number): void {
    if (this.paragraphStart < 0) this.paragraphStart = start;
    this.paragraphEnd = end;
  }

  private flushParagraph(): void {
    if (this.paragraphStart >= 0) this.addProseRange(this.paragraphStart, this.paragraphEnd);
    this.paragraphStart = -1;
  }

  private addProseRange(start: number, end: number): void {
    if (end > start) {
      this.proseRanges.push(start);
      this.proseRanges.push(end);
    }
  }

  private isBlankLine(line: number): boolean {
    const end = this.lines.ends[line]!;
    return skipSpacesAndTabs(this.text, this.lines.starts[line]!, end) === end;
  }

  private indentedCode(firstLine: number): number {
    let lastCodeLine = firstLine;
    for (let line = firstLine + 1; line < this.lines.count; line++) {
      if (this.isBlankLine(line)) continue;
      const start = this.lines.starts[line]!;
      if (indentWidth(this.text, start, skipSpacesAndTabs(this.text, start, this.lines.ends[line]!)) < 4) break;
      lastCodeLine = line;
    }
    this.out.skip(this.lines.starts[firstLine]!, this.lines.ends[lastCodeLine]!, 'code');
    return lastCodeLine + 1;
  }

  /** A ``` or ~~~ fence opening at `contentStart`: skips through the closing fence (or the end); -1 if no fence. */
  private fencedCode(line: number, contentStart: number): number {
    const text = this.text;
    const fenceChar = text.charCodeAt(contentStart);
    if (fenceChar !== Ch.Backtick && fenceChar !== Ch.Tilde) return -1;
    const lineEnd = this.lines.ends[line]!;
    const fenceLength = runLength(text, contentStart, lineEnd, fenceChar);
    if (fenceLength < 3) return -1;
    if (fenceChar === Ch.Backtick) {
      const backtick = text.indexOf('`', contentStart + fenceLength);
      if (backtick >= 0 && backtick < lineEnd) return -1;
    }
    this.flushParagraph();
    const blockStart = this.lines.starts[line]!;
    for (let closing = line + 1; closing < this.lines.count; closing++) {
      if (this.isClosingFence(closing, fenceChar, fenceLength)) {
        this.out.skip(blockStart, this.lines.ends[closing]!, 'code');
        return closing + 1;
      }
    }
    this.out.skip(blockStart, text.length, 'code');
    return this.lines.count;
  }

  private isClosingFence(line: number, fenceChar: number, minimumLength: number): boolean {
    const text = this.text;
    const end = this.lines.ends[line]!;
    const contentStart = skipBlockquoteMarkers(text, skipSpacesAndTabs(text, this.lines.starts[line]!, end), end);
    const length = runLength(text, contentStart, end, fenceChar);
    return length >= minimumLength && skipSpacesAndTabs(text, contentStart + length, end) === end;
  }

  /** An HTML comment starting a line runs to its `-->` (blank lines included) or, unclosed, to the end (CommonMark). */
  private htmlCommentBlock(line: number, commentStart: number): number {
    this.flushParagraph();
    const close = this.text.indexOf('-->', commentStart + 4);
    if (close < 0) {
      this.out.skip(commentStart, this.text.length, 'comment');
      return this.lines.count;
    }
    const commentEnd = close + 3;
    this.out.skip(commentStart, commentEnd, 'comment');
    let lastLine = line;
    while (this.lines.ends[lastLine]! < commentEnd) lastLine++;
    const restStart = skipSpacesAndTabs(this.text, commentEnd, this.lines.ends[lastLine]!);
    this.addProseRange(restStart, this.lines.ends[lastLine]!);
    return lastLine + 1;
  }

  /** An HTML `<table>` (Word and Google Docs exports): its cells and caption are prose, its tags are not. */
  private htmlTable(line: number, contentStart: number): number {
    const text = this.text;
    if (text.charCodeAt(contentStart) !== Ch.Less || text.slice(contentStart + 1, contentStart + 6).toLowerCase() !== 'table') return -1;
    const block = readHtmlTable(text, contentStart);
    if (!block) return -1;
    this.flushParagraph();
    let tagsFrom = contentStart;
    for (const content of [...block.contents].sort((a, b) => a.start - b.start)) {
      if (content.start > tagsFrom) this.out.skip(tagsFrom, content.start, 'html');
      this.addProseRange(content.start, content.end);
      tagsFrom = content.end;
    }
    if (block.end > tagsFrom) this.out.skip(tagsFrom, block.end, 'html');
    this.out.tables.push(block.table);
    let lastLine = line;
    while (lastLine < this.lines.count - 1 && this.lines.ends[lastLine]! < block.end) lastLine++;
    return lastLine + 1;
  }

  /** `<script>`, `<style>`, `<pre>` blocks run to their closing tag (CommonMark HTML block type 1). */
  private rawHtmlBlock(line: number, contentStart: number): number {
    const text = this.text;
    if (text.charCodeAt(contentStart) !== Ch.Less) return -1;
    const tag = rawHtmlBlockTags.find((name) => {
      if (text.slice(contentStart + 1, contentStart + 1 + name.length).toLowerCase() !== name) return false;
      const after = text.charCodeAt(contentStart + 1 + name.length);
      return Number.isNaN(after) || after === Ch.Greater || isSpaceOrTab(after) || after === Ch.LineFeed || after === Ch.CarriageReturn;
    });
    if (!tag) return -1;
    this.flushParagraph();
    const closingTag = `</${tag}>`;
    let close = text.indexOf(closingTag, contentStart);
    if (close < 0) close = text.indexOf(closingTag.toUpperCase(), contentStart);
    const blockEnd = close < 0 ? text.length : close + closingTag.length;
    this.out.skip(contentStart, blockEnd, 'code');
    let lastLine = line;
    while (lastLine < this.lines.count - 1 && this.lines.ends[lastLine]! < blockEnd) lastLine++;
    return lastLine + 1;
  }

  /** `[id]: url "title"` (label and destination skipped) or a footnote definition `[^id]: prose`. */
  private referenceDefinition(contentStart: number, end: number): boolean {
    const text = this.text;
    if (text.charCodeAt(contentStart) !== Ch.LeftBracket) return false;
    let close = contentStart + 1;
    while (close < end && text.charCodeAt(close) !== Ch.RightBracket) close++;
    if (close >= end || close === contentStart + 1 || text.charCodeAt(close + 1) !== Ch.Colon) return false;
    this.out.skip(contentStart, close + 2, 'label');
    if (text.charCodeAt(contentStart + 1) === Ch.Caret) {
      this.extendParagraph(close + 2, end);
      return true;
    }
    const destination = skipSpacesAndTabs(text, close + 2, end);
    this.out.skip(destination, end, 'url');
    return true;
  }

  /** A Pandoc grid table: a `+---+` border, then `|` lines (what Pandoc writes for cells of several lines). */
  private gridTable(line: number): number {
    const { text, lines } = this;
    const next = line + 1;
    if (next >= lines.count || gridBorderKind(text, lines.starts[line]!, lines.ends[line]!) !== 'border') return -1;
    if (text.charCodeAt(skipSpacesAndTabs(text, lines.starts[next]!, lines.ends[next]!)) !== Ch.Pipe) return -1;
    this.flushParagraph();
    const block = readGridTable(text, lines, line, this.proseRanges);
    if (!block) return -1;
    const caption = this.captionAfter(block.nextLine) ?? this.captionBefore(line);
    if (caption) block.table.caption = caption;
    this.out.tables.push(block.table);
    return block.nextLine;
  }

  private pipeTable(line: number): number {
    const { text, lines } = this;
    const start = lines.starts[line]!;
    const end = lines.ends[line]!;
    if (!this.lineHasPipe(start, end)) return -1;
    let hasHeader: boolean;
    const next = line + 1;
    if (
      next < lines.count &&
      delimiterRowColumns(text, lines.starts[next]!, lines.ends[next]!, this.cells) ===
        splitPipeRow(text, start, end, this.cells)
    )
      hasHeader = true;
    else if (
      this.paragraphStart < 0 &&
      next < lines.count &&
      delimiterRowColumns(text, start, end, this.cells) > 0 &&
      lineHasPipe(text, lines.starts[next]!, lines.ends[next]!)
    )
      hasHeader = false;
    else return -1;

    this.flushParagraph();
    const block = readPipeTable(text, lines, line, hasHeader, this.proseRanges, this.cells);
    const caption = this.captionAfter(block.nextLine) ?? this.captionBefore(line);
    if (caption) block.table.caption = caption;
    this.out.tables.push(block.table);
    return block.nextLine;
  }

  /** Whether [start, end) holds a `|`; `start` only grows from call to call, except after a table is read. */
  private lineHasPipe(start: number, end: number): boolean {
    if (start < this.pipeSearchFrom || this.nextPipe < start) {
      const pipe = this.text.indexOf('|', start);
      this.nextPipe = pipe < 0 ? this.text.length : pipe;
      this.pipeSearchFrom = start;
    }
    return this.nextPipe < end;
  }

  private captionAfter(lineAfterTable: number): Table['caption'] | undefined {
    let line = lineAfterTable;
    if (line < this.lines.count && this.isBlankLine(line)) line++;
    return this.captionLine(line);
  }

  /** A caption paragraph above the table (`: Table 1. …` over several lines, then a blank line). */
  private captionBefore(firstTableLine: number): Table['caption'] | undefined {
    let line = firstTableLine - 1;
    if (line >= this.firstContentLine && this.isBlankLine(line)) line--;
    let first = line;
    while (first > this.firstContentLine && first > line - 8 && !this.isBlankLine(first - 1)) first--;
    if (first > this.firstContentLine && !this.isBlankLine(first - 1)) return undefined;
    return this.captionLine(first, line);
  }

  /** A caption starting on `line`; Pandoc lets it run on over the following lines of its paragraph, up to `lastLine`. */
  private captionLine(line: number, lastLine = this.paragraphEndLine(line)): Table['caption'] | undefined {
    if (line < this.firstContentLine || line >= this.lines.count || this.usedCaptionLines.has(line)) return undefined;
    const caption = captionOnLine(this.text, this.lines.starts[line]!, this.lines.ends[line]!);
    if (!caption) return undefined;
    for (let used = line; used <= lastLine; used++) this.usedCaptionLines.add(used);
    if (lastLine === line) return caption;
    const end = this.lines.ends[lastLine]!;
    return { start: caption.start, end, text: this.text.slice(caption.start, end).replace(/\s*\{#[^}]*\}\s*$/, '') };
  }

  /** The last line of the paragraph `line` starts (at most 8 lines). */
  private paragraphEndLine(line: number): number {
    let last = line;
    while (last + 1 < this.lines.count && last < line + 8 && !this.isBlankLine(last + 1) && !this.lineHasPipe(this.lines.starts[last + 1]!, this.lines.ends[last + 1]!)) last++;
    return last;
  }
}

/** Columns of leading whitespace, tabs advancing to the next multiple of 4. */
function indentWidth(text: string, lineStart: number, contentStart: number): number {
  let columns = 0;
  for (let position = lineStart; position < contentStart; position++)
    columns = text.charCodeAt(position) === Ch.Tab ? columns + 4 - (columns % 4) : columns + 1;
  return columns;
}

function skipBlockquoteMarkers(text: string, contentStart: number, end: number): number {
  let position = contentStart;
  while (position < end && text.charCodeAt(position) === Ch.Greater) position = skipSpacesAndTabs(text, position + 1, end);
  return position;
}

function runLength(text: string, start: number, end: number, code: number): number {
  let position = start;
  while (position < end && text.charCodeAt(position) === code) position++;
  return position - start;
}

function isAtxHeading(text: string, contentStart: number, end: number): boolean {
  const hashes = runLength(text, contentStart, end, Ch.Hash);
  return hashes >= 1 && hashes <= 6 && (contentStart + hashes === end || isSpaceOrTab(text.charCodeAt(contentStart + hashes)));
}

function isListMarker(text: string, contentStart: number, end: number): boolean {
  const first = text.charCodeAt(contentStart);
  if (first === Ch.Minus || first === Ch.Star || first === Ch.Plus)
    return contentStart + 1 === end || isSpaceOrTab(text.charCodeAt(contentStart + 1));
  let position = contentStart;
  while (position < end && position - contentStart < 9 && isDigit(text.charCodeAt(position))) position++;
  if (position === contentStart) return false;
  const delimiter = text.charCodeAt(position);
  if (delimiter !== Ch.Dot && delimiter !== Ch.RightParen) return false;
  return position + 1 === end || isSpaceOrTab(text.charCodeAt(position + 1));
}
