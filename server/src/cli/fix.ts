/**
 * `pharmalens fix PATH…`: applies the fixes that need no choice — a unit slip or a decimal slip, read with compound,
 * target and unit explicit (an error or warning, not information), whose one preferred fix puts the value on its
 * references — and prints each change; `--dry-run` prints a unified diff instead of writing.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { atLeast, type DiagnosticSettings, type LanguageService, type ReportedFinding } from '../service/index';
import type { ReadManuscript } from '../node/manuscript-files';

/** The codes whose preferred fix is a correction with one answer. */
const SAFE_CODES = new Set(['affinity.unit-slip', 'affinity.decimal-slip']);

export interface AppliedFix {
  line: number;
  character: number;
  code: string;
  title: string;
  before: string;
  after: string;
}

export interface FileFixes {
  file: string;
  fixes: AppliedFix[];
  /** The text with the fixes applied (the same text when there is none). */
  fixed: string;
  original: string;
  /** Why the file is not written although it has fixes (an encoding PharmaLens would not write back). */
  notWritten?: string;
}

function safeFix(finding: ReportedFinding) {
  if (!SAFE_CODES.has(finding.code) || !atLeast(finding.severity, 'warning')) return undefined;
  const preferred = finding.fixes.filter((fix) => fix.preferred);
  return preferred.length === 1 ? preferred[0] : undefined;
}

/** The safe fixes of one manuscript, applied to its text (a fix whose edits overlap an earlier one is left out). */
export function fixManuscript(service: LanguageService, file: string, source: ReadManuscript, settings: DiagnosticSettings): FileFixes {
  const { document } = source;
  const original = document.getText();
  const analysis = service.analyze(document);
  const chosen: { finding: ReportedFinding; edits: { span: { start: number; end: number }; newText: string }[]; title: string }[] = [];
  for (const finding of analysis ? service.findings(analysis, settings) : []) {
    const fix = safeFix(finding);
    if (!fix || fix.edits.length === 0) continue;
    const overlaps = chosen.some((other) => other.edits.some((a) => fix.edits.some((b) => a.span.start < b.span.end && b.span.start < a.span.end)));
    if (!overlaps) chosen.push({ finding, edits: fix.edits, title: fix.title });
  }
  const edits = chosen.flatMap((entry) => entry.edits).sort((a, b) => b.span.start - a.span.start);
  let fixed = original;
  for (const edit of edits) fixed = fixed.slice(0, edit.span.start) + edit.newText + fixed.slice(edit.span.end);
  const fixes = chosen
    .map(({ finding, edits: own, title }): AppliedFix => {
      const at = document.positionAt(finding.span.start);
      const before = original.slice(finding.span.start, finding.span.end);
      let after = before;
      for (const edit of [...own].sort((a, b) => b.span.start - a.span.start)) {
        after = after.slice(0, edit.span.start - finding.span.start) + edit.newText + after.slice(edit.span.end - finding.span.start);
      }
      return { line: at.line + 1, character: at.character + 1, code: finding.code, title, before, after };
    })
    .sort((a, b) => a.line - b.line || a.character - b.character);
  const notWritten = source.encoding && source.encoding !== 'utf-8' && fixes.length > 0 ? `not written: the file is ${source.encoding.toUpperCase()}, which PharmaLens reads but does not write; make these changes by hand` : undefined;
  return { file, fixes, fixed, original, ...(notWritten ? { notWritten } : {}) };
}

/** Writes the fixed text back (UTF-8, with the byte-order mark the file had). */
export function writeFixes(result: FileFixes, source: ReadManuscript): void {
  if (result.notWritten || result.fixed === result.original) return;
  writeFileSync(result.file, `${source.byteOrderMark ? '\uFEFF' : ''}${result.fixed}`);
}

export function fixReport(result: FileFixes): string[] {
  return result.fixes.map((fix) => `${result.file}:${fix.line}:${fix.character} ${fix.code} ${fix.before} → ${fix.after} (${fix.title})`);
}

export function fixDiff(result: FileFixes): string {
  if (result.fixed === result.original) return '';
  const name = path.isAbsolute(result.file) ? result.file : `/${result.file.split(path.sep).join('/')}`;
  return createTwoFilesPatch(`a${name}`, `b${name}`, result.original, result.fixed, '', '', { context: 1 });
}
