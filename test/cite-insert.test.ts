import assert from 'node:assert/strict';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';
import { describe, it } from 'node:test';
import { parseBibtex } from '../server/src/service/cite/bibtex';
import { bibtexAuthors, bibtexPages, protectedTitle, renderBibtexEntry, uniqueKey } from '../server/src/service/cite/bibtex-entry';
import {
  bibEntryEdit, citationEdit, citeSourceFix, newBibliographyEdits, preferredCiteCommand, type FileEdit, type TextEdit,
} from '../server/src/service/cite/insert-citation';
import type { Reference } from '../server/src/service/kb/types';
import { scanDocument } from '../server/src/service/scan/index';
import type { DocumentFormat, Span } from '../server/src/service/scan/types';
import { spanOf } from './scan-helpers';

const tatsumi: Reference = {
  id: 'tatsumi1997',
  authors: 'Tatsumi M, Groshan K, Blakely RD, Richelson E',
  title: 'Pharmacological profile of antidepressants and related compounds at human monoamine transporters',
  journal: 'Eur J Pharmacol',
  year: 1997,
  volume: '340',
  issue: '2-3',
  pages: '249-58',
  doi: '10.1016/S0014-2999(97)01393-9',
  pmid: '9537821',
  citationKey: 'tatsumi1997pharmacological',
  kind: 'paper',
};

/** A `.bib` file of `count` complete article entries (as in cite-bibtex.test.ts, not imported to keep its tests out). */
function generatedBibliography(count: number): string {
  let text = '@string{jpet = "J Pharmacol Exp Ther"}\n\n';
  for (let i = 0; i < count; i++) {
    text += `@article{author${i}_${2000 + (i % 25)},\n  author = {Smith, John},\n  title = {The {K}$_i$ of compound ${i}},\n`
      + `  journal = jpet,\n  year = ${2000 + (i % 25)},\n  doi = {10.1000/x${i}},\n  pmid = {${10000000 + i}}\n}\n\n`;
  }
  return text;
}

const documentUri = 'file:///work/paper/main.tex';

/** Applies non-overlapping edits from last to first, as an editor applies one `TextDocumentEdit`. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].reverse()) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}

function applyFileEdits(files: Record<string, string>, fileEdits: readonly FileEdit[]): Record<string, string> {
  const result = { ...files };
  for (const file of fileEdits) {
    if (file.create && result[file.uri] === undefined) result[file.uri] = '';
    assert.ok(result[file.uri] !== undefined, `edit of an unknown file ${file.uri}`);
    result[file.uri] = applyEdits(result[file.uri]!, file.edits);
  }
  return result;
}

/** A statement whose value is `value` and whose whole text is `whole`, both found in `text`. */
function statementAt(text: string, whole: string, value: string): { span: Span; valueSpan: Span } {
  const span = spanOf(text, whole);
  const valueStart = text.indexOf(value, span.start);
  return { span, valueSpan: { start: valueStart, end: valueStart + value.length } };
}

function citedKeys(text: string, format: DocumentFormat): string[][] {
  return scanDocument(text, format).citations.map((citation) => citation.keys.map((key) => key.key));
}

function cite(text: string, format: DocumentFormat, whole: string, key: string): string {
  const edit = citationEdit(text, format, statementAt(text, whole, whole), key, scanDocument(text, format).citations);
  return edit ? applyEdits(text, [edit]) : text;
}

describe('cite insert: BibTeX entry', () => {
  it('renders a complete article that parses back with every field', () => {
    const text = renderBibtexEntry(tatsumi, 'tatsumi1997');
    const parsed = parseBibtex(text);
    assert.deepEqual(parsed.errors, []);
    const entry = parsed.byKey.get('tatsumi1997')!;
    assert.equal(entry.type, 'article');
    assert.deepEqual(entry.fields, {
      author: 'Tatsumi, M. and Groshan, K. and Blakely, R. D. and Richelson, E.',
      title: 'Pharmacological profile of antidepressants and related compounds at human monoamine transporters',
      journal: 'Eur J Pharmacol',
      year: '1997',
      volume: '340',
      number: '2-3',
      pages: '249--258',
      doi: '10.1016/S0014-2999(97)01393-9',
      pmid: '9537821',
    });
  });

  it('never invents a field the reference lacks', () => {
    const sparse: Reference = { id: 'x', authors: '', title: 'A Title', citationKey: 'x', year: 2001 };
    const entry = parseBibtex(renderBibtexEntry(sparse, 'x')).byKey.get('x')!;
    assert.equal(entry.type, 'misc');
    assert.deepEqual(Object.keys(entry.fields).sort(), ['title', 'year']);
  });

  it('a paper known only by its PubMed ID (as GtoPdb cites it) gets its PubMed link and a note saying what to complete', () => {
    const bare: Reference = { id: 'pmid:9686407', authors: '', title: '', pmid: '9686407', citationKey: 'pmid9686407', kind: 'paper' };
    const entry = parseBibtex(renderBibtexEntry(bare, 'pmid9686407')).byKey.get('pmid9686407')!;
    assert.deepEqual(entry.fields, {
      pmid: '9686407',
      url: 'https://pubmed.ncbi.nlm.nih.gov/9686407/',
      note: 'PubMed ID only: complete the authors, title and journal from PubMed',
    });
  });

  it('an article whose record lacks fields says which in its note, never guessing them', () => {
    const thin: Reference = { id: 's', authors: 'Stepanenko et al.', title: 'Dual action of amitriptyline on NMDA receptors', journal: 'Sci Rep', year: 2019, doi: '10.1038/x', citationKey: 's', kind: 'paper' };
    const entry = parseBibtex(renderBibtexEntry(thin, 's')).byKey.get('s')!;
    assert.equal(entry.fields['author'], 'Stepanenko and others');
    assert.equal(entry.fields['note'], 'Incomplete record: the full author list, volume, pages not known to PharmaLens; check before submission');
    assert.equal(entry.fields['volume'], undefined);
    assert.equal(parseBibtex(renderBibtexEntry(tatsumi, 't')).byKey.get('t')!.fields['note'], undefined, 'a complete record has no note');
  });

  it('the bundled papers a card or fix may cite: complete, or their entry says what is missing', () => {
    const kb = loadKnowledgeBaseFiles().kb;
    const curated = kb.references.filter((reference) => !reference.id.startsWith('pmid:') && (reference.kind === 'paper' || reference.kind === 'review') && reference.journal);
    const incomplete = curated.filter((reference) => /Incomplete record/.test(renderBibtexEntry(reference, 'k')));
    for (const id of ['tatsumi1997', 'calvi2021', 'stahl2008', 'richelson2002', 'ajp2004occupancy', 'jang2009']) {
      assert.ok(curated.some((reference) => reference.id === id && !incomplete.includes(reference)), `${id} is complete`);
    }
    for (const reference of curated.filter((candidate) => !incomplete.includes(candidate))) {
      assert.match(reference.authors, /^[^,]+ [A-Z]{1,3}(, [^,]+ [A-Z]{1,3})*$/, `${reference.id}: authors with initials`);
    }
    // A floor, not a goal: 26 of 47 curated papers still lack a field public records we could reach did not show.
    assert.ok(incomplete.length <= 26, `${incomplete.length} of ${curated.length} curated papers incomplete`);
  });

  it('writes vendor sheets, databases and web pages as @misc with howpublished and note', () => {
    const vendor: Reference = {
      id: 'v', authors: '', title: 'Amitriptyline hydrochloride data sheet', journal: 'Tocris Bioscience', url: 'https://www.tocris.com/products/amitriptyline_4000',
      citationKey: 'tocris', kind: 'vendor',
    };
    const text = renderBibtexEntry(vendor, 'tocris');
    const entry = parseBibtex(text).byKey.get('tocris')!;
    assert.equal(entry.type, 'misc');
    assert.equal(entry.fields['howpublished'], 'Tocris Bioscience');
    assert.equal(entry.fields['note'], 'Vendor data sheet');
    assert.equal(entry.fields['url'], 'https://www.tocris.com/products/amitriptyline_4000');
    assert.equal(entry.fields['journal'], undefined);
  });

  it('converts author lists, keeps et al. as others and braces corporate names', () => {
    assert.equal(bibtexAuthors('Jo SH, Youm JB, Lee CO, Earm YE, Ho WK'), 'Jo, S. H. and Youm, J. B. and Lee, C. O. and Earm, Y. E. and Ho, W. K.');
    assert.equal(bibtexAuthors('Jo et al.'), 'Jo and others');
    assert.equal(bibtexAuthors('Jo SH, et al.'), 'Jo, S. H. and others');
    assert.equal(bibtexAuthors('van der Graaf PH, Durand J-P'), 'van der Graaf, P. H. and Durand, J.-P.');
    assert.equal(bibtexAuthors('NC-IUPHAR'), 'NC-IUPHAR');
    assert.equal(bibtexAuthors('Psychoactive Drug Screening Program'), '{Psychoactive Drug Screening Program}');
  });

  it('protects capitals and acronyms and escapes TeX specials in titles', () => {
    assert.equal(protectedTitle('Binding of MK-801 at NMDA receptors in Alzheimer disease'), 'Binding of {MK-801} at {NMDA} receptors in {Alzheimer} disease');
    assert.equal(protectedTitle('pKi values at 5-HT2A'), '{pKi} values at {5-HT2A}');
    const title = 'Ki & IC50 at 100% occupancy: #1 of {odd}_set $5 ~x^2 \\n';
    const text = renderBibtexEntry({ ...tatsumi, title }, 'odd');
    const parsed = parseBibtex(text);
    assert.deepEqual(parsed.errors, []);
    assert.equal(
      parsed.byKey.get('odd')!.rawFields['title'],
      '{Ki \\& {IC50} at 100\\% occupancy: \\#1 of \\textbraceleft{}odd\\textbraceright{}\\_set \\$5 \\textasciitilde{}x\\textasciicircum{}2 \\textbackslash{}n}',
    );
  });

  it('expands page ranges', () => {
    assert.equal(bibtexPages('249-58'), '249--258');
    assert.equal(bibtexPages('1021–1030'), '1021--1030');
    assert.equal(bibtexPages('S12-15'), 'S12--S15');
    assert.equal(bibtexPages('e0123456'), 'e0123456');
  });

  it('makes keys unique with letter suffixes, case-insensitively', () => {
    assert.equal(uniqueKey('jo2000', new Set()), 'jo2000');
    assert.equal(uniqueKey('jo2000', new Set(['Jo2000'])), 'jo2000a');
    assert.equal(uniqueKey('jo2000', new Set(['jo2000', 'jo2000a', 'jo2000b'])), 'jo2000c');
    assert.equal(uniqueKey('jo 2000,x', new Set()), 'jo2000x');
  });
});

describe('cite insert: .bib entry', () => {
  const bibUri = 'file:///work/paper/refs.bib';
  const existing = '% my references\n@string{ejp = "Eur J Pharmacol"}\n\n@article{jo2000,\n  author = {Jo, S. H.},\n  title = {Block of {HERG}},\n  journal = ejp,\n  year = 2000,\n  doi = {10.1016/S0014-2999(00)00085-1}\n}\n';

  it('appends a new entry after a blank line, other bytes unchanged', () => {
    const result = bibEntryEdit(bibUri, existing, tatsumi, 'tatsumi1997');
    assert.equal(result.key, 'tatsumi1997');
    const after = applyEdits(existing, result.edit!.edits);
    assert.ok(after.startsWith(`${existing}\n@article{tatsumi1997,`));
    const parsed = parseBibtex(after);
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.byKey.get('tatsumi1997')!.fields['pmid'], '9537821');
    const jo = parsed.byKey.get('jo2000')!;
    assert.equal(after.slice(jo.span.start, jo.span.end), existing.slice(existing.indexOf('@article'), existing.lastIndexOf('}') + 1));
  });

  it('adds a blank line when the file does not end with a newline, none to an empty file', () => {
    const noNewline = existing.trimEnd();
    assert.ok(applyEdits(noNewline, bibEntryEdit(bibUri, noNewline, tatsumi, 't').edit!.edits).startsWith(`${noNewline}\n\n@article{t,`));
    assert.ok(applyEdits('', bibEntryEdit(bibUri, '', tatsumi, 't').edit!.edits).startsWith('@article{t,'));
  });

  it('reuses an entry with the same DOI (any case, resolver prefix) under its key', () => {
    const bib = '@article{mine, title = {Something else}, doi = {https://doi.org/10.1016/s0014-2999(97)01393-9}}\n';
    assert.deepEqual(bibEntryEdit(bibUri, bib, tatsumi, 'tatsumi1997'), { key: 'mine' });
  });

  it('reuses an entry with the same PMID', () => {
    const bib = '@article{byPmid, title = {Other}, pmid = {9537821}}\n@article{other, eprint = {1}, eprinttype = {pubmed}}\n';
    assert.deepEqual(bibEntryEdit(bibUri, bib, tatsumi, 'tatsumi1997'), { key: 'byPmid' });
  });

  it('makes the key unique on a clash with a different work', () => {
    const bib = '@article{tatsumi1997, title = {Another paper}, doi = {10.1/other}}\n';
    const result = bibEntryEdit(bibUri, bib, tatsumi, 'tatsumi1997');
    assert.equal(result.key, 'tatsumi1997a');
    const parsed = parseBibtex(applyEdits(bib, result.edit!.edits));
    assert.deepEqual(parsed.duplicates, []);
    assert.ok(parsed.byKey.has('tatsumi1997a'));
  });

  it('appends to a 2,000-entry file and after a malformed entry', () => {
    const large = generatedBibliography(2000);
    const result = bibEntryEdit(bibUri, large, tatsumi, 'author5_2005');
    assert.equal(result.key, 'author5_2005a');
    const parsed = parseBibtex(applyEdits(large, result.edit!.edits));
    assert.equal(parsed.entries.length, 2001);
    assert.deepEqual(parsed.errors, []);

    const malformed = '@article{broken,\n  title = {Unclosed\n';
    const fixed = applyEdits(malformed, bibEntryEdit(bibUri, malformed, tatsumi, 't').edit!.edits);
    const reparsed = parseBibtex(fixed);
    assert.ok(reparsed.byKey.get('t')?.complete);
    assert.equal(reparsed.byKey.get('t')!.fields['doi'], tatsumi.doi);
  });
});

describe('cite insert: citation in the document', () => {
  it('LaTeX: \\cite by default, after the unit and closing parenthesis, before punctuation', () => {
    const text = 'Amitriptyline inhibits SERT ($K_i = 4.3$~nM).\n';
    const after = cite(text, 'latex', '4.3$~nM', 'tatsumi1997');
    assert.equal(after, 'Amitriptyline inhibits SERT ($K_i = 4.3$~nM)~\\cite{tatsumi1997}.\n');
    assert.deepEqual(citedKeys(after, 'latex'), [['tatsumi1997']]);
  });

  it('LaTeX: follows the command the document uses most', () => {
    const text = 'A \\citep{a}. B \\citep{b}. C \\cite{c}. D \\citet{d}. Its $K_i$ is 4.3 nM, as shown.\n';
    const after = cite(text, 'latex', '4.3 nM', 'k');
    assert.ok(after.includes('4.3 nM~\\citep{k}, as shown.'));
    assert.deepEqual(citedKeys(after, 'latex').at(-1), ['k']);
    assert.equal(preferredCiteCommand(scanDocument('\\parencite{a} \\autocite{b} \\autocite{c}', 'latex').citations), 'autocite');
  });

  it('LaTeX: joins a citation that is already right there', () => {
    const text = 'Its $K_i$ is 4.3 nM~\\citep[p.~3]{a, b}.\n';
    const after = cite(text, 'latex', '4.3 nM', 'k');
    assert.equal(after, 'Its $K_i$ is 4.3 nM~\\citep[p.~3]{a, b, k}.\n');
    assert.deepEqual(citedKeys(after, 'latex'), [['a', 'b', 'k']]);
    assert.equal(cite(after, 'latex', '4.3 nM', 'k'), after, 'a key already cited there is not added twice');
  });

  it('Markdown: [@key] with a space, before the full stop; joins a bracket there', () => {
    const text = 'Amitriptyline inhibits SERT with a Ki of **4.3 nM**. Next.\n';
    const after = cite(text, 'markdown', '4.3 nM', 'tatsumi1997');
    assert.equal(after, 'Amitriptyline inhibits SERT with a Ki of **4.3 nM** [@tatsumi1997]. Next.\n');
    assert.deepEqual(citedKeys(after, 'markdown'), [['tatsumi1997']]);

    const cited = 'Its Ki is 4.3 nM [@a, p. 3], and more.\n';
    const joined = cite(cited, 'markdown', '4.3 nM', 'k');
    assert.equal(joined, 'Its Ki is 4.3 nM [@a, p. 3; @k], and more.\n');
    assert.deepEqual(citedKeys(joined, 'markdown'), [['a', 'k']]);
  });

  it('Markdown: does not join a narrative @key, nor step out of a parenthesis opened on an earlier line', () => {
    assert.equal(cite('Ki 4.3 nM @a says.\n', 'markdown', '4.3 nM', 'k'), 'Ki 4.3 nM [@k] @a says.\n');
    assert.equal(cite('(see\nKi 4.3 nM) x\n', 'markdown', '4.3 nM', 'k'), '(see\nKi 4.3 nM [@k]) x\n');
  });
});

describe('cite insert: declaring a new bibliography', () => {
  function declared(text: string, format: DocumentFormat, uri = documentUri): { text: string; bibUri: string; created: boolean } {
    const result = newBibliographyEdits(uri, text, format, scanDocument(text, format));
    const files = applyFileEdits({ [uri]: text }, result.edits);
    return { text: files[uri]!, bibUri: result.bibUri, created: result.edits.some((file) => file.create && file.uri === result.bibUri) };
  }

  it('LaTeX with biblatex: \\addbibresource after the last \\usepackage', () => {
    const text = '\\documentclass{article}\n\\usepackage[style=apa]{biblatex}\n\\usepackage{siunitx} % units\n% \\usepackage{late}\n\\begin{document}\nText.\n\\end{document}\n';
    const result = declared(text, 'latex');
    assert.equal(result.bibUri, 'file:///work/paper/references.bib');
    assert.ok(result.created);
    assert.equal(result.text, text.replace('% units\n', '% units\n\\addbibresource{references.bib}\n'));
    assert.deepEqual(scanDocument(result.text, 'latex').bibliographies.map((b) => b.path), ['references.bib']);
  });

  it('LaTeX without biblatex: \\bibliography (and a style) before \\end{document}', () => {
    const text = '\\documentclass{article}\n\\usepackage{natbib}\n\\begin{document}\nText.\n\\end{document}\n';
    const result = declared(text, 'latex');
    assert.equal(result.text, text.replace('\\end{document}', '\\bibliographystyle{plainnat}\n\\bibliography{references}\n\\end{document}'));
    assert.deepEqual(scanDocument(result.text, 'latex').bibliographies.map((b) => b.path), ['references']);
  });

  it('LaTeX fragment without \\end{document}: declared at the end', () => {
    const result = declared('Text.', 'latex');
    assert.equal(result.text, 'Text.\n\n\\bibliographystyle{plain}\n\\bibliography{references}\n');
  });

  it('keeps CRLF line endings', () => {
    const result = declared('---\r\ntitle: x\r\n---\r\nText.\r\n', 'markdown', 'file:///work/paper/paper.qmd');
    assert.equal(result.text, '---\r\ntitle: x\r\nbibliography: references.bib\r\n---\r\nText.\r\n');
    const bib = '@misc{a, title = {A}}\r\n';
    const appended = applyEdits(bib, bibEntryEdit('file:///b.bib', bib, tatsumi, 't').edit!.edits);
    assert.ok(appended.startsWith(`${bib}\r\n@article{t,\r\n`));
    assert.ok(!/[^\r]\n/.test(appended));
    assert.deepEqual(parseBibtex(appended).errors, []);
  });

  it('Markdown/Quarto: extends front matter, or creates it', () => {
    const withFrontMatter = '---\ntitle: "Paper"\nformat: html\n---\n\nText.\n';
    const extended = declared(withFrontMatter, 'markdown', 'file:///work/paper/paper.qmd');
    assert.equal(extended.text, '---\ntitle: "Paper"\nformat: html\nbibliography: references.bib\n---\n\nText.\n');
    assert.deepEqual(scanDocument(extended.text, 'markdown').frontMatter?.data, { title: 'Paper', format: 'html', bibliography: 'references.bib' });

    const created = declared('# Title\n\nText.\n', 'markdown', 'file:///work/paper/paper.md');
    assert.equal(created.text, '---\nbibliography: references.bib\n---\n# Title\n\nText.\n');
    assert.deepEqual(scanDocument(created.text, 'markdown').bibliographies.map((b) => b.path), ['references.bib']);
  });
  it('Markdown: an empty `bibliography:` key gets the value, never a second key', () => {
    for (const empty of ['bibliography:', 'bibliography: ', "bibliography: ''", 'bibliography: ~', 'bibliography: # later']) {
      const text = `---\ntitle: Draft\n${empty}\n---\n\nText.\n`;
      const result = declared(text, 'markdown', 'file:///work/paper/paper.md');
      assert.equal((result.text.match(/^bibliography:/gm) ?? []).length, 1, result.text);
      assert.deepEqual(scanDocument(result.text, 'markdown').bibliographies.map((b) => b.path), ['references.bib'], result.text);
    }
  });

  it('Markdown: every `bibliography` key of front matter that repeats it is read', () => {
    const text = '---\nbibliography:\nbibliography: refs.bib\n---\nText.\n';
    assert.deepEqual(scanDocument(text, 'markdown').bibliographies.map((b) => b.path), ['refs.bib']);
  });
});

describe('cite insert: the references.bib beside an undeclared document', () => {
  it('reuses its entry and declares it: no file created, no second entry', () => {
    const text = 'Amitriptyline binds SERT with a Kd of 4.3 nM.\n';
    const bibUri = 'file:///work/paper/references.bib';
    const bibText = `${applyEdits('', bibEntryEdit(bibUri, '', tatsumi, 'tatsumi1997').edit!.edits)}`;
    const fix = citeSourceFix({
      documentUri, documentText: text, format: 'markdown', scanned: scanDocument(text, 'markdown'), statement: statementAt(text, '4.3 nM', '4.3'),
      reference: tatsumi, bibliography: { uri: bibUri, text: bibText, undeclared: true },
    });
    assert.deepEqual(fix.files.map((file) => file.uri), [documentUri]);
    const files = applyFileEdits({ [documentUri]: text, [bibUri]: bibText }, fix.files);
    assert.equal(files[documentUri], '---\nbibliography: references.bib\n---\nAmitriptyline binds SERT with a Kd of 4.3 nM [@tatsumi1997].\n');
  });
});

describe('cite insert: replace value and cite its source', () => {
  it('replaces the value, cites, and appends the entry in one fix', () => {
    const text = '\\documentclass{article}\n\\usepackage{biblatex}\n\\addbibresource{refs.bib}\n\\begin{document}\nAmitriptyline binds SERT with $K_i = 43$~nM \\parencite{x}; more.\n\\end{document}\n';
    const bibUri = 'file:///work/paper/refs.bib';
    const bibText = '@misc{x, title = {X}}\n';
    const statement = statementAt(text, '43$~nM', '43');
    const fix = citeSourceFix({
      documentUri, documentText: text, format: 'latex', scanned: scanDocument(text, 'latex'), statement, reference: tatsumi,
      bibliography: { uri: bibUri, text: bibText }, valueEdits: [{ span: statement.valueSpan, newText: '4.3' }],
    });
    assert.equal(fix.key, 'tatsumi1997pharmacological');
    const files = applyFileEdits({ [documentUri]: text, [bibUri]: bibText }, fix.files);
    assert.ok(files[documentUri]!.includes('$K_i = 4.3$~nM \\parencite{x,tatsumi1997pharmacological}; more.'));
    const bib = parseBibtex(files[bibUri]!);
    assert.deepEqual(bib.errors, []);
    assert.ok(files[bibUri]!.startsWith(bibText));
    assert.equal(bib.byKey.get(fix.key)!.fields['doi'], tatsumi.doi);
  });

  it('a value right before the citation point: replacement and insertion touch but do not overlap', () => {
    const text = 'The pKi was 8.4.\n';
    const statement = statementAt(text, '8.4', '8.4');
    const fix = citeSourceFix({
      documentUri: 'file:///p/a.md', documentText: text, format: 'markdown', scanned: scanDocument(text, 'markdown'), statement,
      reference: tatsumi, preferredKey: 'tatsumi1997', valueEdits: [{ span: statement.valueSpan, newText: '8.37' }],
    });
    const files = applyFileEdits({ 'file:///p/a.md': text }, fix.files);
    assert.equal(files['file:///p/a.md'], '---\nbibliography: references.bib\n---\nThe pKi was 8.37 [@tatsumi1997].\n');
    const bib = parseBibtex(files['file:///p/references.bib']!);
    assert.deepEqual(bib.errors, []);
    assert.equal(bib.byKey.get('tatsumi1997')!.fields['journal'], 'Eur J Pharmacol');
    assert.deepEqual(citedKeys(files['file:///p/a.md']!, 'markdown'), [['tatsumi1997']]);
  });

  it('reuses the entry by DOI and writes no .bib edit', () => {
    const text = 'Ki = 4.3 nM.\n';
    const bibUri = 'file:///p/refs.bib';
    const fix = citeSourceFix({
      documentUri: 'file:///p/a.md', documentText: text, format: 'markdown', scanned: scanDocument(text, 'markdown'),
      statement: statementAt(text, '4.3 nM', '4.3'), reference: tatsumi,
      bibliography: { uri: bibUri, text: '@article{old, doi = {10.1016/S0014-2999(97)01393-9}}\n' },
    });
    assert.equal(fix.key, 'old');
    assert.deepEqual(fix.files.map((file) => file.uri), ['file:///p/a.md']);
    assert.equal(applyFileEdits({ 'file:///p/a.md': text }, fix.files)['file:///p/a.md'], 'Ki = 4.3 nM [@old].\n');
  });
});
