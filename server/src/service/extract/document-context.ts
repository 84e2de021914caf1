import { firstStartingAt, mentionsWithin, type Mention } from '../recognize/recognize';
import type { DocumentFormat, Span, Table, TableCell } from '../scan/types';
import { endsTitleLine } from './lexer';

/** A heading (or the title) and the compound it names, when it names exactly one. */
export interface Heading extends Span {
  /** 0 for a title, 1 for `#` / `\section`, 2 for `##` / `\subsection`, … */
  level: number;
  compound?: Mention;
}

const LATEX_HEADING = /\\(title|chapter|section|subsection|subsubsection|paragraph)\*?\s*(?:\[[^\]\n]*\]\s*)?\{([^{}\n]|\{[^{}\n]*\})*\}/g;
const LATEX_LEVEL: Record<string, number> = { title: 0, chapter: 1, section: 1, subsection: 2, subsubsection: 3, paragraph: 4 };

/** The document's headings in order, each with the one compound it names (if any). */
export function readHeadings(masked: string, mentions: readonly Mention[], format: DocumentFormat): Heading[] {
  const headings: Heading[] = [];
  if (format === 'latex') {
    LATEX_HEADING.lastIndex = 0;
    for (let match = LATEX_HEADING.exec(masked); match; match = LATEX_HEADING.exec(masked)) {
      headings.push({ start: match.index, end: match.index + match[0].length, level: LATEX_LEVEL[match[1]] });
    }
  } else {
    const heading = /^(#{1,6})[ \t]+\S.*$/gm;
    for (let match = heading.exec(masked); match; match = heading.exec(masked)) {
      headings.push({ start: match.index, end: match.index + match[0].length, level: match[1].length });
    }
    // A title line over the text it names (`Superior AChE Selectivity of Donepezil vs. Rivastigmine`), below any `#`.
    for (let newline = masked.indexOf('\n'); newline >= 0; newline = masked.indexOf('\n', newline + 1)) {
      if (endsTitleLine(masked, newline)) headings.push({ start: masked.lastIndexOf('\n', newline - 1) + 1, end: newline, level: TITLE_LINE_LEVEL });
    }
    headings.sort((a, b) => a.start - b.start);
  }
  for (const heading of headings) {
    const named = subjectsOf(masked, mentionsWithin(mentions, heading).filter((mention) => mention.kind === 'compound'), heading);
    if (named.length > 0 && named.every((mention) => mention.id === named[0].id)) heading.compound = named[0];
  }
  return headings;
}

const TITLE_LINE_LEVEL = 7;
const COMPARISON = /\b(?:vs\.?|versus|than|compared (?:with|to)|relative to|over)\s/i;

/** `Donepezil vs. Rivastigmine and Galantamine`: the compounds named before a comparison; those after are not its subject. */
function subjectsOf(masked: string, compounds: readonly Mention[], heading: Span): readonly Mention[] {
  const comparison = COMPARISON.exec(masked.slice(heading.start, heading.end));
  return comparison ? compounds.filter((mention) => mention.start < heading.start + comparison.index) : compounds;
}

/**
 * The compound of the section an offset stands in: the nearest heading above that names one, passing up from a
 * subsection to its section and the title (a `Results` heading keeps the title's compound; a sibling section does not).
 */
export function headingSubjectFinder(headings: readonly Heading[]): (offset: number) => Mention | undefined {
  return (offset) => {
    const outline = outlineAbove(headings, offset);
    for (let index = outline.length - 1; index >= 0; index--) if (outline[index]!.compound) return outline[index]!.compound;
    return undefined;
  };
}

/** The subtype a target's name ends with (`1B` for `5-HT1B receptor`), upper-cased; none for a compound. */
export function subtypeKey(mention: Mention): string | undefined {
  if (mention.kind !== 'target') return undefined;
  const written = mention.text.replace(/[$_{}~^]|<\/?su[bp]>|\\(?:text|mathrm)\b/g, '').replace(/[\s-]*(?:receptors?|subtypes?|adrenoceptors?)$/i, '').replace(/\s/g, '');
  return /[A-Za-z-](\d[A-Za-z]?)$/.exec(written)?.[1]?.toUpperCase();
}

/**
 * The headings above `offset` that the heading finder can reach from anywhere after it: each with a lower level than
 * every heading between it and `offset` (the section, its chapter, the title). In document order.
 */
export function outlineAbove(headings: readonly Heading[], offset: number): Heading[] {
  const outline: Heading[] = [];
  let limit = Infinity;
  for (let index = firstStartingAt(headings, offset) - 1; index >= 0 && limit > 0; index--) {
    if (headings[index].level >= limit) continue;
    outline.push(headings[index]);
    limit = headings[index].level;
  }
  return outline.reverse();
}

/** A subtype written alone (`1B` in a `Ki 1B (nM)` header): the one target the document names with that ending. */
export function subtypeTargetFinder(mentions: readonly Mention[]): (subtype: string) => Mention | undefined {
  let bySubtype: Map<string, Mention[]> | undefined;
  return (subtype) => {
    if (!bySubtype) {
      bySubtype = new Map();
      for (const mention of mentions) {
        const key = subtypeKey(mention);
        if (!key) continue;
        const list = bySubtype.get(key) ?? [];
        if (!list.some((other) => other.id === mention.id)) list.push(mention);
        bySubtype.set(key, list);
      }
    }
    const found = bySubtype.get(subtype.toUpperCase());
    return found?.length === 1 ? found[0] : undefined;
  };
}

/**
 * What is written right around a table: the paragraph before it (when short, or its last sentence) and the notes
 * under it (short lines up to a heading, a long paragraph or another table).
 */
export function tableSurroundings(masked: string, tables: readonly Table[]): (table: Table) => Span[] {
  return (table) => {
    const spans: Span[] = [];
    const before = paragraphBefore(masked, Math.min(table.start, table.caption?.start ?? table.start));
    if (before) spans.push(before);
    const next = tables.find((other) => other.start >= table.end);
    const limit = Math.min(masked.length, table.end + 1200, next ? next.start : masked.length);
    let lineStart = masked.indexOf('\n', table.end) + 1;
    let lines = 0;
    while (lineStart > 0 && lineStart < limit && lines < 8) {
      const lineEnd = masked.indexOf('\n', lineStart) < 0 ? masked.length : masked.indexOf('\n', lineStart);
      const line = masked.slice(lineStart, lineEnd).trim();
      if (/^(#|\\(?:sub)*section|\\begin\{(?:table|tabular))/.test(line) || line.length > 400) break;
      if (line.length > 0) {
        spans.push({ start: lineStart, end: Math.min(lineEnd, limit) });
        lines++;
      }
      lineStart = lineEnd + 1;
    }
    return spans;
  };
}

function paragraphBefore(masked: string, start: number): Span | undefined {
  let end = start;
  while (end > 0 && /\s/.test(masked[end - 1])) end--;
  if (end === 0) return undefined;
  const blank = masked.lastIndexOf('\n\n', end - 1);
  const paragraphStart = blank < 0 ? 0 : blank + 2;
  // A heading right above a table names its section, not the lead-in sentence of the table.
  if (/^\s*(?:#|\\(?:sub)*section\b|\\chapter\b)/.test(masked.slice(paragraphStart, end))) return undefined;
  // The last sentence only, when the paragraph is long: `… at the following receptors (Ki, nM):`.
  const from = Math.max(paragraphStart, end - 400);
  return { start: from, end };
}

/** The compound the paragraph before a table or list speaks of, when it names exactly one. */
export function leadCompound(mentions: readonly Mention[], span: Span | undefined): Mention | undefined {
  if (!span) return undefined;
  const named = mentionsWithin(mentions, span).filter((mention) => mention.kind === 'compound');
  return named.length > 0 && named.every((mention) => mention.id === named[0].id) ? named[0] : undefined;
}

/**
 * A table written inline, as abstracts do: `IC50 values (microM) for COX-1 and COX-2 and the COX-1/-2 ratio were as
 * follows: aspirin, 3.2, 26, 0.12; diclofenac, 0.037, 0.00097, 38; …`. The sentence before the colon names the
 * columns (its targets in order, and a ratio) and says what the numbers are; each `;` item is a row.
 */
export function inlineTables(masked: string, mentions: readonly Mention[]): Table[] {
  const tables: Table[] = [];
  for (let colon = masked.indexOf('as follows:'); colon >= 0; colon = masked.indexOf('as follows:', colon + 1)) {
    const listStart = colon + 'as follows:'.length;
    const introStart = Math.max(masked.lastIndexOf('. ', colon) + 2, masked.lastIndexOf('\n\n', colon) + 2, 0);
    const sentenceEnd = /\.(?:\s+[A-Z]|\s*$)|\n\n/.exec(masked.slice(listStart, listStart + 4000));
    const listEnd = listStart + (sentenceEnd ? sentenceEnd.index : Math.min(4000, masked.length - listStart));
    const rows = inlineRows(masked, listStart, listEnd);
    if (rows.length < 2 || rows.some((row) => row.length !== rows[0].length)) continue;
    const header = inlineHeader(masked, mentions, { start: introStart, end: colon }, rows[0].length - 1);
    if (!header) continue;
    tables.push({ start: listStart, end: listEnd, rows: [header, ...rows], hasHeader: true, caption: { start: introStart, end: colon, text: masked.slice(introStart, colon) } });
  }
  return tables;
}

const INLINE_ITEM = /^\s*(?:and\s+)?([^,;:\d][^,;:]{0,60}?)\s*((?:,\s*[<>]?\s*\d[\d.]*\s*){2,8})$/;

function inlineRows(masked: string, start: number, end: number): TableCell[][] {
  const rows: TableCell[][] = [];
  let itemStart = start;
  for (const item of masked.slice(start, end).split(';')) {
    const match = INLINE_ITEM.exec(item.replace(/\s*\brespectively\b\s*$/, ''));
    if (match) {
      const nameStart = itemStart + item.indexOf(match[1]);
      const row: TableCell[] = [{ start: nameStart, end: nameStart + match[1].length, text: match[1] }];
      const valuesStart = itemStart + item.indexOf(match[2], item.indexOf(match[1]) + match[1].length);
      for (const value of match[2].matchAll(/[<>]?\s*\d[\d.]*/g)) {
        const at = valuesStart + value.index!;
        row.push({ start: at, end: at + value[0].length, text: value[0] });
      }
      rows.push(row);
    } else if (item.trim() !== '' && !/^\s*respectively\s*$/.test(item)) {
      return [];
    }
    itemStart += item.length + 1;
  }
  return rows;
}

/** The columns the sentence names: its targets in order, and one ratio at the end (`COX-1/-2 IC50 ratio`). */
function inlineHeader(masked: string, mentions: readonly Mention[], intro: Span, columns: number): TableCell[] | undefined {
  const cells: TableCell[] = [{ start: intro.start, end: intro.start, text: '' }];
  for (const mention of mentionsWithin(mentions, intro)) {
    if (mention.kind !== 'target') continue;
    const ratio = /^[^.;]{0,20}?\bratio\b/.exec(masked.slice(mention.end, intro.end));
    if (ratio) {
      cells.push({ start: mention.start, end: mention.end + ratio[0].length, text: masked.slice(mention.start, mention.end + ratio[0].length) });
      break;
    }
    if (!cells.some((cell) => masked.slice(cell.start, cell.end) === mention.text)) cells.push({ start: mention.start, end: mention.end, text: mention.text });
  }
  return cells.length - 1 === columns ? cells : undefined;
}

/**
 * A Markdown or LaTeX list of `name: value` items (`- dopamine D1: 31`), read as a two-column table; without list
 * marks (`D2: 125 nM;` line after line), three lines at least.
 */
const LIST_ITEM = /^[ \t]{0,3}([-*+•][ \t]+|\\item[ \t]+)?([^:\n=|]{1,80}?)[ \t]*[:=][ \t]*((?:(?:[<>≤≥~≈]|&[lg]t;)[ \t]*)?\d[\d.,]*(?:[ \t]*(?:±|\+\/-)[ \t]*[\d.,]+)?(?:[ \t]*[-–][ \t]*\d[\d.,]*)?(?:[ \t]*[pnµμu]M)?)[ \t]*[.;]?[ \t]*$/;
/** Where a list item may be: a `:` or `=` before a number (most lines have none, so the item pattern runs on few). */
// No two runs of spaces side by side (`[ \t]*(?:…)?[ \t]*`): masked text holds long runs, and the split between two
// such runs is tried every way before the pattern fails.
const VALUE_AFTER_COLON = /[:=][ \t]*(?:(?:[<>≤≥~≈]|&[lg]t;)[ \t]*)?\d/g;

/** The lines that read as items of such a list (`- dopamine D1: 31`), each with where it starts. */
function* listItemLines(masked: string): Generator<{ lineStart: number; match: RegExpExecArray }> {
  // A fresh expression per walk: a caller may stop early, and a shared one would keep its position.
  const valueAfterColon = new RegExp(VALUE_AFTER_COLON);
  for (let candidate = valueAfterColon.exec(masked); candidate; candidate = valueAfterColon.exec(masked)) {
    const lineStart = masked.lastIndexOf('\n', candidate.index) + 1;
    const newline = masked.indexOf('\n', candidate.index);
    // One look per line: the next candidate is searched for after it.
    valueAfterColon.lastIndex = newline < 0 ? masked.length : newline;
    const match = LIST_ITEM.exec(masked.slice(lineStart, newline < 0 ? masked.length : newline));
    if (match) yield { lineStart, match };
  }
}

/** Whether any line reads as an item of such a list: a part of a document with one may belong to a list around it. */
export function hasListItem(masked: string): boolean {
  return !listItemLines(masked).next().done;
}

export function listTables(masked: string): Table[] {
  const tables: Table[] = [];
  let current: Table | undefined;
  let lastEnd = -1;
  let marked = true;
  const finish = (table: Table | undefined) => {
    if (table && table.rows.length >= (marked ? 2 : 3)) tables.push(table);
  };
  for (const { lineStart, match } of listItemLines(masked)) {
    const [whole, mark, name, value] = match;
    const nameStart = lineStart + whole.indexOf(name, mark?.length ?? 0);
    const valueStart = lineStart + whole.lastIndexOf(value);
    const row = [
      { start: nameStart, end: nameStart + name.length, text: name },
      { start: valueStart, end: valueStart + value.length, text: value },
    ];
    const lineEnd = lineStart + whole.length;
    if (current && masked.slice(lastEnd, lineStart).trim() === '') {
      current.rows.push(row);
      current.end = lineEnd;
      marked &&= mark !== undefined;
    } else {
      finish(current);
      current = { start: lineStart, end: lineEnd, rows: [row], hasHeader: false };
      marked = mark !== undefined;
    }
    lastEnd = lineEnd;
  }
  finish(current);
  return tables;
}
