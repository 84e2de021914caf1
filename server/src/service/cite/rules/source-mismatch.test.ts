import { test } from 'node:test';
import assert from 'node:assert/strict';
import { citationFindings } from '../../../../../test/helpers/citations';

const bib = {
  'refs.bib': '@article{tatsumi1997, title = {Pharmacological profile}, pmid = {9537821}}\n@article{jo2000, title = {HERG}, doi = {10.1038/sj.bjp.0703222}}\n',
};

test('citation.source-mismatch: the cited paper does not hold the value another source supports', () => {
  const text = '\\addbibresource{refs.bib}\nAmitriptyline blocks hERG with an IC$_{50}$ of 4.78 µM at 4 mM external K$^+$~\\cite{tatsumi1997}.\n';
  assert.deepEqual(citationFindings(text, bib, 'citation.source-mismatch'), ['citation.source-mismatch: 4.78 µM']);
  assert.deepEqual(citationFindings(text.replace('tatsumi1997', 'jo2000'), bib, 'citation.source-mismatch'), []);
});
