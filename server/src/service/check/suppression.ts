import type { ScannedDocument } from '../scan/types';

/** `pharmalens-disable-next-line [code…]`, `pharmalens-disable-line`, `pharmalens-disable [code…]` … `pharmalens-enable [code…]`. */
const DIRECTIVE = /pharmalens-(disable-next-line|disable-line|disable|enable)\b([^\n]*)/g;

interface Region {
  start: number;
  end: number;
  /** Empty: every code. */
  codes: string[];
}

export interface Suppressions {
  isSuppressed(code: string, offset: number): boolean;
}

function codesIn(rest: string): string[] {
  return rest
    .replace(/-->.*$/, '')
    .split(/[\s,]+/)
    .filter((word) => /^[a-z]+\.[a-z-]+$/.test(word));
}

function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  return { start, end: newline < 0 ? text.length : newline };
}

/** Reads the magic comments of a document (Markdown `<!-- … -->`, LaTeX `% …`), from the scanner's comment spans. */
export function readSuppressions(scanned: ScannedDocument): Suppressions {
  const { text } = scanned;
  const regions: Region[] = [];
  const open: { start: number; codes: string[] }[] = [];
  for (const comment of scanned.skipped) {
    if (comment.reason !== 'comment') continue;
    const body = text.slice(comment.start, comment.end);
    DIRECTIVE.lastIndex = 0;
    for (let match = DIRECTIVE.exec(body); match; match = DIRECTIVE.exec(body)) {
      const codes = codesIn(match[2]);
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
  return {
    isSuppressed: (code, offset) => regions.some((region) => region.start <= offset && offset <= region.end && (region.codes.length === 0 || region.codes.includes(code))),
  };
}
