import { test } from 'node:test';
import assert from 'node:assert/strict';
import { citationFindings } from '../../../../../test/helpers/citations';

test('citation.missing: a checked affinity with no citation in its sentence', () => {
  const bib = { 'refs.bib': '@article{tatsumi1997, title = {Profile}, pmid = {9537821}}\n' };
  assert.deepEqual(citationFindings('\\addbibresource{refs.bib}\nAmitriptyline binds SERT with a $K_d$ of 4.3 nM.\n', bib, 'citation.missing'), ['citation.missing: 4.3 nM']);
  assert.deepEqual(citationFindings('\\addbibresource{refs.bib}\nAmitriptyline binds SERT with a $K_d$ of 4.3 nM~\\cite{tatsumi1997}.\n', bib, 'citation.missing'), []);
});
