/** While typing, diagnostics follow a pause as long as twice the document's last analysis, within 30–200 ms (issue 16). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { typingDelay } from '../server/src/lsp/server';

test('a short manuscript gets its diagnostics soon after a keystroke, a long one after a longer pause', () => {
  assert.equal(typingDelay(undefined), 200, 'not yet analysed: the full pause');
  assert.equal(typingDelay(2), 30, 'a few milliseconds of analysis: the floor');
  assert.equal(typingDelay(40), 80);
  assert.equal(typingDelay(250), 200, 'a 1 MB manuscript: the ceiling');
});
