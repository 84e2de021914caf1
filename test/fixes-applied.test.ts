/**
 * Fixes right by construction (issue 15, point 2): every replace, move-the-decimal, change-the-unit and cite action
 * offered on the planted fixtures is applied, the manuscript read again, and the value it leaves must be consistent
 * with the knowledge base under the measure it now carries — and cited, where the action cites.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService, memoryWorkspace } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';
import { projectRoot } from './helpers/server';

const PLANTED = path.join(projectRoot, 'test/fixtures/affinity/planted');
const service = createLanguageService({ ...loadKnowledgeBaseFiles(), workspace: memoryWorkspace({}), discoveryOptions: () => ({ workspaceRoot: 'file:///paper/' }) });

function documentEdits(action: CodeAction, uri: string): TextEdit[] {
  const changes = action.edit?.changes?.[uri] ?? [];
  const documentChanges = (action.edit?.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? change.edits : []));
  return [...changes, ...documentChanges].filter((edit): edit is TextEdit => 'range' in edit);
}

/** Applies edits (non-overlapping) and maps `offset` of the old text into the new one. */
function apply(document: TextDocument, edits: TextEdit[], offset: number): { text: string; offset: number } {
  let text = document.getText();
  let mapped = offset;
  const ordered = edits.map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText })).sort((a, b) => b.start - a.start);
  for (const edit of ordered) {
    text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    if (edit.end <= offset) mapped += edit.newText.length - (edit.end - edit.start);
  }
  return { text, offset: mapped };
}

const APPLIED = /^(Replace with|Move the decimal point|Change the unit|Cite )/;

test('every value fix offered on the planted fixtures leaves a value consistent with its source, cited where the fix cites', () => {
  let applied = 0;
  const failures: string[] = [];
  for (const name of readdirSync(PLANTED).filter((file) => /\.(md|tex)$/.test(file))) {
    const uri = `file:///paper/${name}`;
    const languageId = name.endsWith('.tex') ? 'latex' : 'markdown';
    const document = TextDocument.create(uri, languageId, 1, readFileSync(path.join(PLANTED, name), 'utf8'));
    const analysis = service.analyze(document)!;
    for (const { statement, verdict } of analysis.checked) {
      if (verdict.kind !== 'finding') continue;
      const diagnostics = service.diagnostics(document, analysis).filter((diagnostic) => document.offsetAt(diagnostic.range.start) === statement.span.start);
      const range = { start: document.positionAt(statement.span.start), end: document.positionAt(statement.span.end) };
      for (const action of service.codeActions(document, analysis, diagnostics, range).filter((candidate) => APPLIED.test(candidate.title))) {
        const { text, offset } = apply(document, documentEdits(action, uri), statement.valueSpan.start);
        const fixed = TextDocument.create(uri, languageId, 2, text);
        const after = service.analyze(fixed)!.checked.find(({ statement: candidate }) => candidate.valueSpan.start <= offset && offset <= candidate.valueSpan.end);
        applied++;
        const where = `${name}:${document.positionAt(statement.span.start).line + 1} "${statement.text}" → ${action.title}`;
        if (!after) {
          failures.push(`${where}: the value is no longer read`);
          continue;
        }
        const fixedText = text.slice(after.statement.span.start, after.statement.span.end);
        const verdictName = after.verdict.kind === 'finding' ? after.verdict.finding.code : after.verdict.kind;
        if (/^Replace with/.test(action.title) && after.verdict.kind !== 'consistent') failures.push(`${where}: reads "${fixedText}" as ${verdictName}`);
        // "Cite" leaves the value as written: its source must support it (a finding on the conditions may stay).
        if (/^Cite /.test(action.title) && after.verdict.kind === 'finding' && after.verdict.finding.code !== 'affinity.condition') failures.push(`${where}: reads "${fixedText}" as ${verdictName}`);
        if (!/^(Replace with|Cite )/.test(action.title) && after.verdict.kind === 'finding' && after.verdict.finding.code === verdict.finding.code) failures.push(`${where}: still ${verdict.finding.code}`);
        if (/cite /i.test(action.title)) {
          const key = /\[@([^\]]+)\]|\\(?:paren|text)?cite[tp]?\{([^}]+)\}/.exec(text.slice(after.statement.span.end, after.statement.span.end + 200));
          if (!key) failures.push(`${where}: no citation after the value`);
        }
      }
    }
  }
  assert.ok(applied > 60, `${applied} fixes applied`);
  assert.deepEqual(failures, []);
});

test('a value a source does not support gets "replace with … and cite", never "cite" alone', () => {
  // Tatsumi et al. 1997: amitriptyline Kd 4.3 nM at SERT. 43 nM is ten times off, within the spread between assays.
  for (const [text, cites] of [
    ['Amitriptyline binds SERT with a Kd of 4.3 nM.', true],
    ['Amitriptyline binds SERT with a Kd of 43 nM.', false],
  ] as const) {
    const document = TextDocument.create('file:///paper/a.md', 'markdown', 1, text);
    const analysis = service.analyze(document)!;
    const start = text.indexOf('4');
    const titles = service.codeActions(document, analysis, [], { start: document.positionAt(start), end: document.positionAt(start + 3) }).map((action) => action.title);
    assert.equal(titles.some((title) => /^Cite Tatsumi et al\. 1997 for this value/.test(title)), cites, titles.join('\n'));
    if (!cites) assert.ok(titles.some((title) => /^Replace with 4\.3 nM and cite Tatsumi et al\. 1997/.test(title)), titles.join('\n'));
  }
});
