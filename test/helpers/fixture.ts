/**
 * Fixtures with inline markers, as texlab writes them: under a line of the text, a line of only spaces and `|` puts
 * the cursor at that column, a line of only spaces and `^^^` marks a range of that line. Marker lines are removed
 * from the text; `|` inside text lines (Markdown tables) is text. Plus whole-pipeline assertions on a fixture.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService, type DiagnosticSettings, type LanguageService } from '../../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../../server/src/node/knowledge-base-file';

export interface Marked {
  text: string;
  /** Offset of the `|` marker, if any. */
  cursor?: number;
  /** Each `^^^` marker's span, in order. */
  ranges: { start: number; end: number }[];
}

const CURSOR_LINE = /^ *\| *$/;
const RANGE_LINE = /^ *\^+ *$/;

export function parseMarkers(fixture: string): Marked {
  const lines = fixture.split('\n');
  const kept: string[] = [];
  const lineStarts: number[] = [];
  let offset = 0;
  let cursor: number | undefined;
  const ranges: Marked['ranges'] = [];
  for (const line of lines) {
    const isMarker = CURSOR_LINE.test(line) || RANGE_LINE.test(line);
    if (!isMarker) {
      lineStarts.push(offset);
      kept.push(line);
      offset += line.length + 1;
      continue;
    }
    assert.ok(kept.length > 0, 'a marker line needs a text line above it');
    const above = lineStarts[lineStarts.length - 1];
    const aboveLength = kept[kept.length - 1].length;
    const column = line.search(/[|^]/);
    assert.ok(column <= aboveLength, `marker at column ${column} is past the end of the line above`);
    if (CURSOR_LINE.test(line)) {
      assert.equal(cursor, undefined, 'one cursor marker per fixture');
      cursor = above + column;
    } else {
      ranges.push({ start: above + column, end: above + line.trimEnd().length });
    }
  }
  return { text: kept.join('\n'), ...(cursor !== undefined ? { cursor } : {}), ranges };
}

let bundled: LanguageService | undefined;

/** The language service over the bundled knowledge base, made once. */
export function bundledService(): LanguageService {
  return (bundled ??= createLanguageService(loadKnowledgeBaseFiles()));
}

function open(fixture: string, languageId: string, service: LanguageService) {
  const marked = parseMarkers(fixture);
  const document = TextDocument.create(`file:///fixture.${languageId === 'latex' ? 'tex' : 'md'}`, languageId, 1, marked.text);
  const analysis = service.analyze(document);
  assert.ok(analysis, 'the fixture is a manuscript');
  return { marked, document, analysis };
}

/** The hover card at the `|` marker. */
export function hoverAtCursor(fixture: string, languageId = 'markdown', service = bundledService()): string {
  const { marked, document, analysis } = open(fixture, languageId, service);
  assert.ok(marked.cursor !== undefined, 'the fixture needs a | marker');
  const hover = service.hover(document, analysis, document.positionAt(marked.cursor));
  return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

/** Asserts a finding with `code` (and `severity`, when given) exactly on the `^^^` range, and returns its message. */
export function assertFinding(fixture: string, code: string, options: { severity?: string; languageId?: string; settings?: DiagnosticSettings } = {}): string {
  const { marked, analysis } = open(fixture, options.languageId ?? 'markdown', bundledService());
  assert.equal(marked.ranges.length, 1, 'the fixture needs one ^^^ range');
  const [range] = marked.ranges;
  const findings = bundledService().findings(analysis, options.settings);
  const found = findings.find((finding) => finding.code === code && finding.span.start === range.start && finding.span.end === range.end);
  assert.ok(found, `no ${code} on ${JSON.stringify(marked.text.slice(range.start, range.end))}; found ${JSON.stringify(findings.map((finding) => [finding.code, marked.text.slice(finding.span.start, finding.span.end)]))}`);
  if (options.severity) assert.equal(found.severity, options.severity, found.message);
  return found.message;
}

/** Asserts no finding of these codes (every code when none is given) anywhere in the fixture. */
export function assertNoFinding(fixture: string, codes: string[] = [], languageId = 'markdown'): void {
  const { analysis } = open(fixture, languageId, bundledService());
  const findings = bundledService().findings(analysis).filter((finding) => codes.length === 0 || codes.includes(finding.code));
  assert.deepEqual(findings.map((finding) => `${finding.code}: ${finding.message}`), []);
}

/** Applies the preferred fix of the `code` finding on the `^^^` range and asserts the text it gives. */
export function assertFixed(fixture: string, code: string, fixed: string, languageId = 'markdown'): void {
  const { marked, analysis } = open(fixture, languageId, bundledService());
  const [range] = marked.ranges;
  const finding = bundledService().findings(analysis).find((candidate) => candidate.code === code && candidate.span.start === range.start);
  assert.ok(finding, `no ${code} on the marked range`);
  const fix = finding.fixes.find((candidate) => candidate.preferred) ?? finding.fixes[0];
  assert.ok(fix, `${code} offers no fix`);
  let text = marked.text;
  for (const edit of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) text = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
  assert.equal(text, fixed);
}
