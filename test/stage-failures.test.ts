import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, STAGE_FAILURE_CODE } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';
import type { Dictionary } from '../server/src/service/recognize/dictionary';
import { analyzeFile } from '../server/src/cli/analyze-file';

const loaded = loadKnowledgeBaseFiles();
/** A dictionary that breaks on the first word it is asked about: the recognize stage throws. */
const broken: Dictionary = { ...loaded.dictionary, first: () => { throw new TypeError('broken trie'); } };
const service = createLanguageService({ kb: loaded.kb, dictionary: broken });

test('a stage that throws is reported as a failure and an information diagnostic at the start, not hidden', () => {
  const document = TextDocument.create('file:///paper.md', 'markdown', 1, '# Results\n\nAmitriptyline binds SERT with a Ki of 3.45 nM.\n');
  const analysis = service.analyze(document)!;
  assert.deepEqual(analysis.failures.map((failure) => [failure.stage, failure.message]), [['recognize', 'broken trie']]);
  assert.ok(analysis.failures[0].stack?.includes('TypeError: broken trie'));
  assert.deepEqual(analysis.mentions, []);
  const [diagnostic] = service.diagnostics(document, analysis);
  assert.equal(diagnostic.code, STAGE_FAILURE_CODE);
  assert.equal(diagnostic.severity, 3);
  assert.deepEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.match(String(diagnostic.message), /its recognize stage failed \(broken trie\), so no compound or target was recognized/);
  // The later stages still run on what the failed one left: hovers and actions answer.
  assert.equal(service.hover(document, analysis, { line: 2, character: 3 }), null);
});

test('the CLI report carries the failure (printed on stderr, exit 2) while the findings of the file are still listed', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-failure-'));
  const file = path.join(folder, 'paper.md');
  writeFileSync(file, 'Amitriptyline binds SERT with a Ki of 3.45 nM.\n');
  const { report } = analyzeFile(service, file, {});
  assert.deepEqual(report.failures.map((failure) => failure.stage), ['recognize']);
  assert.deepEqual(report.findings.map((finding) => finding.code), [STAGE_FAILURE_CODE]);
});

test('no failure on an ordinary document', () => {
  const healthy = createLanguageService(loaded);
  const document = TextDocument.create('file:///paper.md', 'markdown', 1, 'Amitriptyline binds SERT with a Ki of 3.45 nM.\n');
  assert.deepEqual(healthy.analyze(document)!.failures, []);
});
