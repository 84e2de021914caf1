import { test } from 'node:test';
import assert from 'node:assert/strict';
import { citationFindings } from '../../../../../test/helpers/citations';

const bib = {
  'refs.bib': [
    '@article{tatsumi1997, title = {Pharmacological profile}, pmid = {9537821}}',
    '@article{jo2000, title = {HERG}, doi = {10.1038/sj.bjp.0703222}}',
    '@article{opioids1998, author = {Toll, L.}, title = {Standard binding and functional assays}, year = {1998}, pmid = {9686407}}',
    '@article{ratmor, author = {Someone}, title = {Rat opioid binding}, year = {1994}, pmid = {8114680}}',
  ].join('\n'),
};

test('citation.source-mismatch: the cited paper records another value for the pair, while another source supports the value', () => {
  // PMID 8114680 gives morphine 12.6 nM at the (rat) μ receptor; PMID 9686407 gives the 1 nM quoted.
  const text = '\\addbibresource{refs.bib}\nMorphine binds the μ-opioid receptor with a $K_i$ of 1.0 nM~\\cite{ratmor}.\n';
  assert.deepEqual(citationFindings(text, bib, 'citation.source-mismatch'), ['citation.source-mismatch: 1.0 nM']);
  assert.deepEqual(citationFindings(text.replace('ratmor', 'opioids1998'), bib, 'citation.source-mismatch'), []);
});

test('citation.source-mismatch: a pair the knowledge base holds nothing for from the cited paper is not judged', () => {
  const text = '\\addbibresource{refs.bib}\nAmitriptyline blocks hERG with an IC$_{50}$ of 4.78 µM at 4 mM external K$^+$~\\cite{tatsumi1997}.\n';
  assert.deepEqual(citationFindings(text, bib, 'citation.source-mismatch'), []);
});
