import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';

const fixture = (name: string): string => path.resolve(__dirname, 'fixtures/kb', name);

function recognizedIds(loaded: ReturnType<typeof loadKnowledgeBaseFiles>, text: string): string[] {
  const analysis = createLanguageService(loaded).analyze(TextDocument.create('file:///t.md', 'markdown', 1, text));
  return (analysis?.mentions ?? []).map((mention) => mention.id);
}

test('an extra knowledge-base file adds names the recognizer finds', () => {
  const loaded = loadKnowledgeBaseFiles([fixture('extra-valid.json')]);
  assert.deepEqual(loaded.errors, []);
  assert.deepEqual(recognizedIds(loaded, 'pharmalensamine (PLX-7) and amitriptyline'), ['lab-compound-7', 'lab-compound-7', 'amitriptyline']);
});

test('a malformed extra file is reported with file, line and column, and left out', () => {
  const loaded = loadKnowledgeBaseFiles([fixture('extra-bad-json.json'), fixture('extra-valid.json')]);
  assert.equal(loaded.errors.length, 1);
  assert.match(loaded.errors[0], /extra-bad-json\.json:4:3: invalid JSON/);
  assert.deepEqual(recognizedIds(loaded, 'pharmalensamine and SERT'), ['lab-compound-7', 'SLC6A4']);
});

test('an extra file whose records point nowhere is reported and left out', () => {
  const loaded = loadKnowledgeBaseFiles([fixture('extra-dangling.json')]);
  assert.ok(loaded.errors.some((error) => /extra-dangling\.json/.test(error) && /no-such-compound/.test(error)), loaded.errors.join('\n'));
  assert.equal(loaded.kb.affinities.some((record) => record.id === 'lab-a1'), false);
});

test('a missing extra file is reported, not thrown', () => {
  const loaded = loadKnowledgeBaseFiles([fixture('does-not-exist.json')]);
  assert.match(loaded.errors[0], /does-not-exist\.json: cannot read \(ENOENT\)/);
});
