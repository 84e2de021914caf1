import { test } from 'node:test';
import assert from 'node:assert/strict';
import { citationFindings } from '../../../../../test/helpers/citations';

test('citation.unresolved: a cited key in no bibliography file, with the closest keys as fixes', () => {
  const bib = { 'refs.bib': '@article{jo2000, title = {A}}\n' };
  assert.deepEqual(citationFindings('\\addbibresource{refs.bib}\nSee \\cite{jo200} and \\cite{jo2000}.\n', bib, 'citation.unresolved'), ['citation.unresolved: jo200']);
});
