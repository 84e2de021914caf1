import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSuppressions } from '../server/src/service/check/suppression';
import { scanDocument } from '../server/src/service/scan/index';
import { RULES } from '../server/src/service/rules';
import { assertFinding } from './helpers/fixture';

const CODES = RULES.map((rule) => rule.code);

function suppressed(text: string, format: 'markdown' | 'latex', needle: string, code = 'affinity.mismatch'): boolean {
  return readSuppressions(scanDocument(text, format), CODES).isSuppressed(code, text.indexOf(needle));
}

test('disable-next-line in Markdown and LaTeX, for every code or the named ones', () => {
  const markdown = 'A 1 nM.\n<!-- pharmalens-disable-next-line -->\nB 2 nM.\nC 3 nM.\n';
  assert.equal(suppressed(markdown, 'markdown', 'A 1'), false);
  assert.equal(suppressed(markdown, 'markdown', 'B 2'), true);
  assert.equal(suppressed(markdown, 'markdown', 'C 3'), false);
  const latex = 'A 1 nM.\n% pharmalens-disable-next-line affinity.unit-slip\nB 2 nM.\n';
  assert.equal(suppressed(latex, 'latex', 'B 2', 'affinity.unit-slip'), true);
  assert.equal(suppressed(latex, 'latex', 'B 2', 'affinity.mismatch'), false);
});

test('disable … enable pairs, with and without codes; an unclosed disable runs to the end', () => {
  const markdown = 'A\n<!-- pharmalens-disable affinity.mismatch -->\nB\n<!-- pharmalens-enable affinity.mismatch -->\nC\n<!-- pharmalens-disable -->\nD\n';
  assert.equal(suppressed(markdown, 'markdown', 'A'), false);
  assert.equal(suppressed(markdown, 'markdown', 'B'), true);
  assert.equal(suppressed(markdown, 'markdown', 'B', 'affinity.unit-slip'), false);
  assert.equal(suppressed(markdown, 'markdown', 'C'), false);
  assert.equal(suppressed(markdown, 'markdown', 'D', 'affinity.unit-slip'), true);
});

test('disable-line and a directive in a trailing LaTeX comment', () => {
  const latex = 'A 1 nM. % pharmalens-disable-line\nB 2 nM.\n';
  assert.equal(suppressed(latex, 'latex', 'A 1'), true);
  assert.equal(suppressed(latex, 'latex', 'B 2'), false);
});

test('a directive in prose or code is not a directive', () => {
  const markdown = 'pharmalens-disable-next-line\nB 2 nM.\n```\n<!-- pharmalens-disable -->\n```\nC\n';
  assert.equal(suppressed(markdown, 'markdown', 'B 2'), false);
  assert.equal(suppressed(markdown, 'markdown', 'C'), false);
});

test('a misspelled code in a suppression comment is a warning with the closest code as a fix, and suppresses nothing', () => {
  const text = 'Intro.\n<!-- pharmalens-disable-next-line afinity.unit-slip -->\nAmitriptyline binds SERT with a Ki of 3.45 uM.\n';
  const suppressions = readSuppressions(scanDocument(text, 'markdown'), CODES);
  assert.equal(suppressions.isSuppressed('affinity.unit-slip', text.indexOf('3.45')), false, 'not everything');
  assert.deepEqual(suppressions.problems.map((problem) => [problem.code, text.slice(problem.span.start, problem.span.end), problem.fixes[0]?.edits[0]?.newText]), [['directive.unknown-code', 'afinity.unit-slip', 'affinity.unit-slip']]);
  assert.equal(readSuppressions(scanDocument(text.replace('afinity.unit-slip', 'unit-slip'), 'markdown'), CODES).problems[0]?.fixes[0]?.title, 'Change to affinity.unit-slip');
  assertFinding(`<!-- pharmalens-disable-next-line afinity.unit-slip -->
                                  ^^^^^^^^^^^^^^^^^
Amitriptyline binds SERT with a Ki of 3.45 uM.`, 'directive.unknown-code', { severity: 'warning' });
});
