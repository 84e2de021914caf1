import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBibtex } from '../server/src/service/cite/bibtex';
import { closestKeys, editDistance, normalizeDoi, normalizeTitle, referenceOfEntry, unresolvedCitationKeys } from '../server/src/service/cite/resolve';
import type { Reference } from '../server/src/service/kb/types';
import { scanDocument } from '../server/src/service/scan/index';
import type { DocumentFormat } from '../server/src/service/scan/types';

const bibliographies = [
  parseBibtex('@article{jo2000amitriptyline, title={A}}\n@article{tatsumi1997, title={B}}\n'),
  parseBibtex('@article{owens1997, title={C}}\n@book{cusack1994, title={D}}\n@article{Smith2001, title={E}}\n'),
];

function unresolvedIn(text: string, format: DocumentFormat) {
  return unresolvedCitationKeys(scanDocument(text, format).citations, bibliographies).map((unresolved) => ({
    key: unresolved.key.key,
    at: text.slice(unresolved.key.start, unresolved.key.end),
    suggestions: unresolved.suggestions,
  }));
}

describe('cite resolve: every citation syntax', () => {
  const cases: Array<[string, string, DocumentFormat]> = [
    ['\\cite', 'Ki = 4 nM \\cite{tatsumi1997} and \\cite{tatsumi1979}.', 'latex'],
    ['\\citep with a note and several keys', 'Ki = 4 nM \\citep[p.~3]{owens1997,tatsumi1979}.', 'latex'],
    ['\\citet', '\\citet{owens1997} and \\citet{owens1979}.', 'latex'],
    ['\\parencite*', 'See \\parencite*{cusack1994} and \\parencite*[see][12]{cusack1949}.', 'latex'],
    ['\\autocite, \\textcite, \\footcite', '\\autocite{owens1997} \\textcite{tatsumi1997} \\footcite{tatsumi1979}', 'latex'],
    ['[@a; @b, p. 3]', 'Ki = 4 nM [@owens1997; @tatsumi1979, p. 3].', 'markdown'],
    ['@key', 'As @tatsumi1997 and @tatsumi1979 showed.', 'markdown'],
    ['[-@key]', 'Tatsumi et al. [-@tatsumi1997] and [-@tatsumi1979].', 'markdown'],
  ];
  for (const [syntax, text, format] of cases) {
    it(`${syntax}: resolves the known key and reports the unknown one with its span and suggestions`, () => {
      const unresolved = unresolvedIn(text, format);
      assert.equal(unresolved.length, 1, JSON.stringify(unresolved));
      const [only] = unresolved;
      assert.equal(only!.at, only!.key);
      assert.match(only!.key, /^(tatsumi1979|owens1979|cusack1949)$/);
      assert.equal(only!.suggestions[0], only!.key.replace('1979', '1997').replace('1949', '1994'));
    });
  }

  it('resolves keys from every bibliography and reports nothing when all are known', () => {
    assert.deepEqual(unresolvedIn('\\cite{jo2000amitriptyline,cusack1994} \\citep{Smith2001}', 'latex'), []);
  });

  it('is case-sensitive for resolution but suggests the key in its own case', () => {
    assert.deepEqual(unresolvedIn('[@smith2001]', 'markdown'), [{ key: 'smith2001', at: 'smith2001', suggestions: ['Smith2001'] }]);
  });

  it('without any bibliography, every key is unresolved and nothing is suggested', () => {
    const unresolved = unresolvedCitationKeys(scanDocument('[@a; @b]', 'markdown').citations, []);
    assert.deepEqual(unresolved.map((item) => [item.key.key, item.suggestions]), [['a', []], ['b', []]]);
  });

  it('ignores Quarto cross-references such as @fig-x', () => {
    assert.deepEqual(unresolvedIn('See @fig-binding and @tbl-ki.', 'markdown'), []);
  });
});

describe('cite resolve: close keys', () => {
  it('ranks by edit distance, then alphabetically, at most three', () => {
    const keys = ['smith2001', 'smith2002', 'smith2003', 'smyth2001', 'smith2010', 'jones2001'];
    assert.deepEqual(closestKeys('smith2001', keys.filter((key) => key !== 'smith2001')), ['smith2002', 'smith2003', 'smith2010']);
    assert.deepEqual(closestKeys('smith2001', ['smyth2001', 'smith2002'], 1), ['smith2002']);
    assert.deepEqual(closestKeys('smiht2001', keys), ['smith2001', 'smith2002', 'smith2003']);
    assert.deepEqual(closestKeys('completelydifferent', keys), []);
  });

  it('allows fewer edits for short keys', () => {
    assert.deepEqual(closestKeys('ab', ['ac', 'xy']), ['ac']);
    assert.deepEqual(closestKeys('abcd', ['axyd']), []);
  });

  it('counts a transposition as one edit and stops early past the limit', () => {
    assert.equal(editDistance('tatsumi', 'tatsmui'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
  });

  it('suggests among 2,000 keys quickly', () => {
    const keys = Array.from({ length: 2000 }, (_, index) => `author${index}_${2000 + (index % 25)}`);
    const start = performance.now();
    const suggestions = closestKeys('author1234_2009x', keys);
    console.log(`closestKeys over 2,000 keys: ${(performance.now() - start).toFixed(1)} ms`);
    assert.equal(suggestions[0], 'author1234_2009');
    assert.ok(suggestions.length <= 3);
  });
});

function reference(fields: Partial<Reference> & { id: string }): Reference {
  return { authors: '', title: '', citationKey: fields.id, ...fields };
}

describe('cite resolve: the knowledge-base reference of a bib entry', () => {
  const references = [
    reference({ id: 'jo2000', title: 'Blockade of the HERG human cardiac K+ channel by the antidepressant drug amitriptyline', doi: '10.1038/sj.bjp.0703445', pmid: '10991921' }),
    reference({ id: 'tatsumi1997', title: 'Pharmacological profile of antidepressants and related compounds at human monoamine transporters', pmid: '9537821' }),
    reference({ id: 'owens1997', title: 'Neurotransmitter receptor and transporter binding profile of antidepressants and their metabolites', doi: '10.1016/S0022-3565(24)37147-6' }),
    reference({ id: 'alpha', title: 'Binding of drugs to α1-adrenoceptors: Schön’s study' }),
  ];

  function entryOf(fields: string) {
    return parseBibtex(`@article{k, ${fields}}`).entries[0]!;
  }

  it('matches by DOI, ignoring case and a doi.org prefix', () => {
    assert.equal(referenceOfEntry(entryOf('doi = {https://doi.org/10.1038/SJ.BJP.0703445}'), references)?.id, 'jo2000');
    assert.equal(referenceOfEntry(entryOf('doi = {doi:10.1016/s0022-3565(24)37147-6}'), references)?.id, 'owens1997');
    assert.equal(referenceOfEntry(entryOf('url = {http://dx.doi.org/10.1038/sj.bjp.0703445}'), references)?.id, 'jo2000');
  });

  it('matches by PMID, in a pmid field or a biblatex pubmed eprint', () => {
    assert.equal(referenceOfEntry(entryOf('pmid = {9537821}'), references)?.id, 'tatsumi1997');
    assert.equal(referenceOfEntry(entryOf('eprint = {9537821}, eprinttype = {pubmed}'), references)?.id, 'tatsumi1997');
    assert.equal(referenceOfEntry(entryOf('eprint = {9537821}, eprinttype = {arxiv}'), references), undefined);
  });

  it('matches by title written with TeX braces, accents and math', () => {
    const entry = entryOf('title = {Pharmacological Profile of {Antidepressants} and Related Compounds at Human Monoamine Transporters.}');
    assert.equal(referenceOfEntry(entry, references)?.id, 'tatsumi1997');
    assert.equal(referenceOfEntry(entryOf('title = {Binding of drugs to {$\\alpha_1$}-adrenoceptors: {Sch\\"{o}n}\'s study}'), references)?.id, 'alpha');
  });

  it('prefers the DOI over a title naming another reference, and finds nothing for an unknown entry', () => {
    const entry = entryOf('doi = {10.1038/sj.bjp.0703445}, title = {Pharmacological profile of antidepressants and related compounds at human monoamine transporters}');
    assert.equal(referenceOfEntry(entry, references)?.id, 'jo2000');
    assert.equal(referenceOfEntry(entryOf('title = {Something else}, doi = {10.9/none}'), references), undefined);
  });

  it('normalizes DOIs and titles', () => {
    assert.equal(normalizeDoi(' https://doi.org/10.1000/ABC '), '10.1000/abc');
    assert.equal(normalizeDoi(''), undefined);
    assert.equal(normalizeTitle('5-HT$_{2A}$ \\textit{in vitro}'), normalizeTitle('5-HT2A in vitro'));
  });
});
