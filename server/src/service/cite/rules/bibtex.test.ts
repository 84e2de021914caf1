import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bibtexDuplicateKey, bibtexSyntax } from './bibtex';

test('bibtex.syntax and bibtex.duplicate-key: a parse error naming its line, a key given twice', () => {
  const context = { text: '@article{a,\n', errors: [{ offset: 0, line: 1, column: 1, message: 'unclosed entry' }], duplicates: [{ key: 'a', keySpan: { start: 9, end: 10 }, firstKeySpan: { start: 0, end: 1 } }], lineOf: () => 1 };
  assert.deepEqual(bibtexSyntax.run(context).map((problem) => [problem.code, problem.span, problem.message]), [['bibtex.syntax', { start: 0, end: 1 }, 'unclosed entry (line 1, column 1); the other entries are still used.']]);
  assert.deepEqual(bibtexDuplicateKey.run(context).map((problem) => problem.message), ['Duplicate key "a": citations resolve to its first entry (line 1).']);
});
