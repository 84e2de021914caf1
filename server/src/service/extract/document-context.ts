import { mentionsWithin, type Mention } from '../recognize/recognize';
import type { DocumentFormat, Span, Table } from '../scan/types';

/** A heading (or the title) and the compound it names, when it names exactly one. */
interface Heading extends Span {
  /** 0 for a title, 1 for `#` / `\section`, 2 for `##` / `\subsection`, … */
  level: number;
  compound?: Mention;
}

const LATEX_HEADING = /\\(title|chapter|section|subsection|subsubsection|paragraph)\*?\s*(?:\[[^\]\n]*\])?\s*\{([^{}\n]|\{[^{}\n]*\})*\}/g;
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
  }
  for (const heading of headings) {
    const named = mentionsWithin(mentions, heading).filter((mention) => mention.kind === 'compound');
    if (named.length > 0 && named.every((mention) => mention.id === named[0].id)) heading.compound = named[0];
  }
  return headings;
}

/**
 * The compound of the section an offset stands in: the nearest heading above that names one, passing up from a
 * subsection to its section and the title (a `Results` heading keeps the title's compound; a sibling section does not).
 */
export function headingSubjectFinder(headings: readonly Heading[]): (offset: number) => Mention | undefined {
  return (offset) => {
    let low = 0;
    let high = headings.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (headings[middle].start < offset) low = middle + 1;
      else high = middle;
    }
    let limit = Infinity;
    for (let index = low - 1; index >= 0; index--) {
      const heading = headings[index];
      if (heading.level >= limit) continue;
      if (heading.compound) return heading.compound;
      limit = heading.level;
      if (limit === 0) break;
    }
    return undefined;
  };
}

/** A subtype written alone (`1B` in a `Ki 1B (nM)` header): the one target the document names with that ending. */
export function subtypeTargetFinder(mentions: readonly Mention[]): (subtype: string) => Mention | undefined {
  let bySubtype: Map<string, Mention[]> | undefined;
  return (subtype) => {
    if (!bySubtype) {
      bySubtype = new Map();
      for (const mention of mentions) {
        if (mention.kind !== 'target') continue;
        const written = mention.text.replace(/[$_{}~^]|<\/?su[bp]>|\\(?:text|mathrm)\b/g, '').replace(/[\s-]*(?:receptors?|subtypes?|adrenoceptors?)$/i, '').replace(/\s/g, '');
        const ending = /[A-Za-z-](\d[A-Za-z]?)$/.exec(written)?.[1];
        if (!ending) continue;
        const key = ending.toUpperCase();
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

/** A Markdown or LaTeX list of `name: value` items (`- dopamine D1: 31`), read as a two-column table. */
const LIST_ITEM = /^[ \t]{0,3}(?:[-*+•][ \t]+|\\item[ \t]+)([^:\n=|]{1,80}?)[ \t]*[:=][ \t]*((?:[<>≤≥~≈]|&[lg]t;)?[ \t]*\d[\d.,]*(?:[ \t]*(?:±|\+\/-)[ \t]*[\d.,]+)?(?:[ \t]*[-–][ \t]*\d[\d.,]*)?(?:[ \t]*[pnµμu]M)?)[ \t]*[.;]?[ \t]*$/gm;

export function listTables(masked: string): Table[] {
  const tables: Table[] = [];
  let current: Table | undefined;
  let lastEnd = -1;
  LIST_ITEM.lastIndex = 0;
  for (let match = LIST_ITEM.exec(masked); match; match = LIST_ITEM.exec(masked)) {
    const nameStart = match.index + match[0].indexOf(match[1]);
    const valueStart = match.index + match[0].lastIndexOf(match[2]);
    const row = [
      { start: nameStart, end: nameStart + match[1].length, text: match[1] },
      { start: valueStart, end: valueStart + match[2].length, text: match[2] },
    ];
    const lineEnd = match.index + match[0].length;
    if (current && masked.slice(lastEnd, match.index).trim() === '') {
      current.rows.push(row);
      current.end = lineEnd;
    } else {
      if (current && current.rows.length >= 2) tables.push(current);
      current = { start: match.index, end: lineEnd, rows: [row], hasHeader: false };
    }
    lastEnd = lineEnd;
  }
  if (current && current.rows.length >= 2) tables.push(current);
  return tables;
}
