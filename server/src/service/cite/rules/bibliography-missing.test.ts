import { test } from 'node:test';
import assert from 'node:assert/strict';
import { citationFindings } from '../../../../../test/helpers/citations';

test('citation.bibliography-missing: a declared .bib that does not exist, on its declaration', () => {
  assert.deepEqual(citationFindings('\\addbibresource{gone.bib}\nText.\n', {}, 'citation.bibliography-missing'), ['citation.bibliography-missing: gone.bib']);
  assert.deepEqual(citationFindings('\\addbibresource{refs.bib}\nText.\n', { 'refs.bib': '@article{a, title = {A}}\n' }, 'citation.bibliography-missing'), []);
});
