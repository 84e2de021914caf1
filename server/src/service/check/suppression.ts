import type { ScannedDocument, Span } from '../scan/types';
import type { RuleInfo } from './types';

export type DirectiveCode = 'directive.unknown-code';

/** A suppression comment naming a code PharmaLens does not have: it would silence nothing, or everything. */
export const unknownDirectiveCode: RuleInfo<DirectiveCode> = {
  code: 'directive.unknown-code',
  defaultSeverity: 'warning',
  title: 'A suppression comment names a code PharmaLens does not have.',
  help: 'A pharmalens-disable comment names a code that is not in the rule table (a typo?): it suppresses nothing. A quick fix offers the closest code.',
};

export interface DirectiveProblem {
  code: DirectiveCode;
  span: Span;
  message: string;
  fixes: { title: string; edits: { span: Span; newText: string }[]; preferred?: boolean }[];
}

/** `pharmalens-disable-next-line [code…]`, `pharmalens-disable-line`, `pharmalens-disable [code…]` … `pharmalens-enable [code…]`. */
const DIRECTIVE = /pharmalens-(disable-next-line|disable-line|disable|enable)\b([^\n]*)/g;

export interface SuppressedRegion {
  start: number;
  end: number;
  /** Empty: every code. */
  codes: string[];
}

export interface Suppressions {
  isSuppressed(code: string, offset: number): boolean;
  /** Where the comments switch checks off: `isSuppressed` reads them. */
  regions: readonly SuppressedRegion[];
  /** Codes the comments name that PharmaLens does not have. */
  problems: DirectiveProblem[];
}

/** The words after a directive, up to the end of the comment, with their offsets in `rest`. */
function wordsIn(rest: string): { word: string; at: number }[] {
  const body = rest.replace(/-->.*$/, '');
  return [...body.matchAll(/[^\s,]+/g)].map((match) => ({ word: match[0], at: match.index }));
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The known code closest to a misspelled one (`afinity.unit-slip`, `unit-slip`), if one is close. */
function closestCode(word: string, knownCodes: readonly string[]): string | undefined {
  const ranked = knownCodes.map((code) => ({ code, distance: Math.min(editDistance(word, code), code.endsWith(`.${word}`) ? 0 : Infinity) })).sort((a, b) => a.distance - b.distance);
  return ranked[0] && ranked[0].distance <= 3 ? ranked[0].code : undefined;
}

function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  return { start, end: newline < 0 ? text.length : newline };
}

/**
 * Reads the magic comments of a document (Markdown `<!-- … -->`, LaTeX `% …`), from the scanner's comment spans. A
 * word after a directive that is not one of `knownCodes` is reported; a directive that names only such words
 * suppresses nothing (it was meant for some codes, not for all).
 */
export function readSuppressions(scanned: ScannedDocument, knownCodes: readonly string[]): Suppressions {
  const { text } = scanned;
  const regions: SuppressedRegion[] = [];
  const problems: DirectiveProblem[] = [];
  const known = new Set(knownCodes);
  const open: { start: number; codes: string[] }[] = [];
  for (const comment of scanned.skipped) {
    if (comment.reason !== 'comment') continue;
    const body = text.slice(comment.start, comment.end);
    DIRECTIVE.lastIndex = 0;
    for (let match = DIRECTIVE.exec(body); match; match = DIRECTIVE.exec(body)) {
      const words = wordsIn(match[2]);
      const restStart = comment.start + match.index + match[0].length - match[2].length;
      for (const { word, at: wordAt } of words) {
        if (known.has(word)) continue;
        const span = { start: restStart + wordAt, end: restStart + wordAt + word.length };
        const closest = closestCode(word, knownCodes);
        problems.push({
          code: 'directive.unknown-code',
          span,
          message: `"${word}" is not a PharmaLens code${closest ? ` (did you mean ${closest}?)` : ''}: this comment suppresses nothing for it.`,
          fixes: closest ? [{ title: `Change to ${closest}`, edits: [{ span, newText: closest }], preferred: true }] : [],
        });
      }
      const codes = words.map(({ word }) => word).filter((word) => known.has(word));
      if (words.length > 0 && codes.length === 0) continue;
      const at = comment.start + match.index;
      if (match[1] === 'disable-next-line') {
        const line = lineBounds(text, comment.end);
        const next = line.end < text.length ? lineBounds(text, line.end + 1) : line;
        regions.push({ start: next.start, end: next.end, codes });
      } else if (match[1] === 'disable-line') {
        regions.push({ ...lineBounds(text, at), codes });
      } else if (match[1] === 'disable') {
        open.push({ start: comment.end, codes });
      } else {
        const closing = codes.length === 0 ? open.splice(0) : open.filter((entry) => entry.codes.some((code) => codes.includes(code)));
        for (const entry of closing) {
          regions.push({ start: entry.start, end: comment.start, codes: entry.codes });
          if (codes.length > 0) open.splice(open.indexOf(entry), 1);
        }
      }
    }
  }
  for (const entry of open) regions.push({ start: entry.start, end: text.length, codes: entry.codes });
  return suppressionsOf(regions, problems);
}

export function suppressionsOf(regions: readonly SuppressedRegion[], problems: DirectiveProblem[]): Suppressions {
  return {
    problems,
    regions,
    isSuppressed: (code, offset) => regions.some((region) => region.start <= offset && offset <= region.end && (region.codes.length === 0 || region.codes.includes(code))),
  };
}
