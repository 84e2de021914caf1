import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../server/src/service/index';
import { hoverOptionsFromSettings, type HoverOptions } from '../server/src/service/present/hover';
import type { AffinityRecord, KnowledgeBase } from '../server/src/service/kb/types';
import { compound, target, tinyKnowledgeBase } from './helpers/tiny-kb';

function record(id: string, targetId: string, valueNm: number, extra: Partial<AffinityRecord> = {}): AffinityRecord {
  return {
    id, compound: 'amitriptyline', target: targetId, measure: 'Ki', relation: '=', valueNm, asWritten: `${valueNm} nM`,
    species: 'human', referenceId: 'ref-primary', grade: 'primary', origin: 'test', ...extra,
  };
}

function knowledgeBase(extra: Partial<KnowledgeBase> = {}): KnowledgeBase {
  const base = tinyKnowledgeBase();
  return {
    ...base,
    references: [
      { id: 'ref-primary', authors: 'Tatsumi M, Groshan K', title: 'Pharmacological profile', journal: 'Eur J Pharmacol', year: 1997, pmid: '9537821', citationKey: 'tatsumi1997' },
      { id: 'ref-vendor', authors: '', title: 'Vendor sheet', journal: 'MedChemExpress', citationKey: 'mce' },
      { id: 'ref-unread', authors: 'Krystal AD', title: 'Review', year: 2013, doi: '10.1016/j.smrv.2012.08.001', citationKey: 'krystal2013', confirmed: false },
    ],
    affinities: [
      record('a1', 'SLC6A4', 4.3),
      record('a2', 'SLC6A4', 3.45, { grade: 'vendor', referenceId: 'ref-vendor' }),
      record('a3', 'SLC6A2', 35),
      record('a4', 'HRH1', 0.5, { valueHighNm: 1.1, grade: 'vendor', referenceId: 'ref-vendor' }),
      record('a5', 'KCNH2', 4780, { measure: 'IC50', conditions: '4 mM [K+]o' }),
      record('a6', 'SLC6A3', 0.49, { outlier: true, note: 'SUSPICIOUS' }),
      record('a7', 'SLC6A3', 3250),
    ],
    ...extra,
  };
}

function hoverAt(kb: KnowledgeBase, text: string, needle: string, languageId = 'markdown', options: Partial<HoverOptions> = {}): string | undefined {
  const service = createLanguageService({ kb });
  const document = TextDocument.create('file:///t.md', languageId, 1, text);
  const analysis = service.analyze(document);
  assert.ok(analysis);
  const hover = service.hover(document, analysis, document.positionAt(text.indexOf(needle) + 1), options);
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

const FULL: Partial<HoverOptions> = { layout: 'full' };

test('full compound card: most potent first, primary source preferred, spread over sources shown', () => {
  const card = hoverAt(knowledgeBase(), 'amitriptyline binds SERT', 'amitriptyline', 'markdown', FULL)!;
  const rows = card.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Target') && !line.startsWith('| ---'));
  assert.deepEqual(rows.map((row) => row.split(' | ')[0].slice(2)), ['H1', 'SERT', 'NET', 'DAT', 'hERG']);
  const sert = rows[1];
  assert.match(sert, /4\.3 nM \(2 records\) \|/, 'sources within 1.5-fold: counted, no range');
  assert.match(sert, /Tatsumi and Groshan 1997\]\(https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/9537821\/\)/);
  assert.match(sert, /\| primary paper \|$/);
  assert.match(rows[0], /0\.5–1\.1 nM/);
  assert.match(rows[0], /\| vendor sheet \|$/);
  assert.match(rows[3], /3\.25 µM \| human/, 'the outlier does not replace the trusted value');
  assert.doesNotMatch(card, /0\.49 nM/, 'outliers stay out of the table');
  assert.match(card, /1 record flagged as outlier by QC left out/);
  assert.match(card, /4 mM \\\[K\\\+\\\]o/);
});

test('full compound card shows at most a dozen rows and counts the rest', () => {
  const targets = Array.from({ length: 20 }, (_, index) => target(`T${index}`, `Target${index}`));
  const affinities = targets.map((entry, index) => record(`r${index}`, entry.id, index + 1));
  const kb = knowledgeBase({ targets: [...tinyKnowledgeBase().targets, ...targets], affinities });
  const card = hoverAt(kb, 'amitriptyline', 'amitriptyline', 'markdown', FULL)!;
  assert.equal(card.split('\n').filter((line) => /^\| Target\d+ /.test(line)).length, 12);
  assert.match(card, /8 more rows not shown/);
});

test('full target card: roles with sources, unread sources said so, compounds of this document only', () => {
  const kb = knowledgeBase();
  const h1 = kb.targets.find((entry) => entry.id === 'HRH1')!;
  h1.roles = [
    { role: 'H1 antagonism: sedation and weight gain', referenceId: 'ref-primary', confirmed: true },
    { role: 'H1 antagonism and insomnia medications', referenceId: 'ref-unread', confirmed: false },
  ];
  const card = hoverAt(kb, 'Amitriptyline binds the H1 receptor.', 'H1 receptor', 'markdown', FULL)!;
  assert.match(card, /H1 antagonism: sedation and weight gain — \[Tatsumi and Groshan 1997\]/);
  assert.match(card, /insomnia medications — \[Krystal 2013\]\(https:\/\/doi\.org\/10\.1016\/j\.smrv\.2012\.08\.001\) _\(source named, but not read for this statement\)_/);
  assert.match(card, /\| amitriptyline \| Ki \| 0\.5–1\.1 nM/);
  const without = hoverAt(kb, 'The H1 receptor.', 'H1 receptor', 'markdown', FULL)!;
  assert.doesNotMatch(without, /Compounds in this document/);
  assert.match(without, /\*\*Most potent ligands in the knowledge base\*\* \(1 compound, human; ℞ approved drug\)\n\n\| Compound \| Measure \|[^\n]*\n[^\n]*\n\| amitriptyline \| Ki \|/);
});

test('strings from data are escaped and never become links or commands', () => {
  const kb = knowledgeBase({
    compounds: [compound('evil', 'evilin', { class: '[run](command:workbench.action.terminal.new) <img src=x> *bold* | pipe' })],
  });
  const card = hoverAt(kb, 'evilin here', 'evilin')!;
  assert.doesNotMatch(card, /\]\(command:/);
  assert.match(card, /\\\[run\\\]\\\(command:workbench\\\.action/);
  assert.match(card, /\\<img src=x\\>/);
  assert.match(card, /\\\*bold\\\*/);
  assert.match(card, /\\\| pipe/);
});

test('no hover outside a mention', () => {
  assert.equal(hoverAt(knowledgeBase(), 'the amitriptyline story', 'story'), undefined);
});

test('hover sections: each block of a card can be left out, and the row limit is a setting', () => {
  const kb = knowledgeBase();
  const h1 = kb.targets.find((entry) => entry.id === 'HRH1')!;
  h1.roles = [{ role: 'H1 antagonism: sedation and weight gain', referenceId: 'ref-primary', confirmed: true }];
  h1.uniprot = { human: 'P35367' };
  const text = 'Amitriptyline binds the H1 receptor.';
  const full = hoverAt(kb, text, 'Amitriptyline', 'markdown', FULL)!;
  assert.match(full, /\| Target \|/);
  const noAffinities = hoverAt(kb, text, 'Amitriptyline', 'markdown', { ...FULL, affinities: false })!;
  assert.doesNotMatch(noAffinities, /\| Target \|/);
  assert.match(noAffinities, /^\*\*Amitriptyline\*\*/, 'the title stays');
  const twoRows = hoverAt(kb, text, 'Amitriptyline', 'markdown', { ...FULL, maxAffinityRows: 2 })!;
  assert.equal(twoRows.split('\n').filter((line) => /^\| (H1|SERT|NET|DAT|hERG) /.test(line)).length, 2);
  assert.match(twoRows, /3 more rows not shown/);

  const targetFull = hoverAt(kb, text, 'H1 receptor', 'markdown', FULL)!;
  assert.match(targetFull, /sedation and weight gain/);
  assert.match(targetFull, /Compounds in this document/);
  assert.match(targetFull, /UniProt P35367/);
  const targetBare = hoverAt(kb, text, 'H1 receptor', 'markdown', { ...FULL, roles: false, documentCompounds: false, identifiers: false })!;
  assert.doesNotMatch(targetBare, /sedation and weight gain/);
  assert.doesNotMatch(targetBare, /Compounds in this document/);
  assert.doesNotMatch(targetBare, /UniProt/);
  assert.match(targetBare, /H1/);
});

test('hover settings: wrong types are ignored, defaults apply', () => {
  assert.deepEqual(hoverOptionsFromSettings(undefined), {});
  assert.deepEqual(hoverOptionsFromSettings({ sections: { roles: false, pathways: 'no', bogus: false }, maxAffinityRows: 5.7 }), {
    roles: false,
    maxAffinityRows: 5,
  });
  assert.deepEqual(hoverOptionsFromSettings({ maxAffinityRows: 0 }), {});
  assert.deepEqual(hoverOptionsFromSettings({ layout: 'full' }), { layout: 'full' });
  assert.deepEqual(hoverOptionsFromSettings({ layout: 'huge' }), {});
  assert.deepEqual(hoverOptionsFromSettings({ sections: null, maxAffinityRows: Number.NaN }), {});
});

const rowsOf = (card: string, header: string): string[][] =>
  card
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith(`| ${header} `) && !line.startsWith('| ---'))
    .map((line) => line.slice(2, -2).split(' | '));

test('compact compound card: one line per target, the targets the document names first, five rows, the whole entry a count away', () => {
  const card = hoverAt(knowledgeBase(), 'Amitriptyline blocks NET.', 'Amitriptyline')!;
  assert.match(card, /^\*\*Amitriptyline\*\*/);
  const rows = rowsOf(card, 'Target');
  assert.deepEqual(rows.map((row) => row[0]), ['**NET**', 'H1', 'SERT', 'DAT', 'hERG']);
  assert.ok(rows.every((row) => row.length === 4), 'four columns: target, measure, value, source');
  assert.deepEqual(rows[1].slice(1, 3), ['Ki', '0.5–1.1 nM']);
  assert.equal(rows[2][2], '4.3 nM', 'two sources within 1.5-fold: one value, no record count');
  assert.match(rows[2][3], /^\[Tatsumi and Groshan 1997\]\(https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/9537821\/\)$/);
  assert.match(card, /_5 of 5 targets: targets this document names in bold, then the most potent\._ _All 7 records of Amitriptyline in the knowledge base\._/);
  assert.doesNotMatch(card, /\]\(command:/, 'no command link unless the editor declares the command');
});

test('compact compound card: five rows at most; the link to the whole entry runs the declared command with the manuscript and place', () => {
  const targets = Array.from({ length: 8 }, (_, index) => target(`T${index}`, `Target${index}`));
  const kb = knowledgeBase({ targets: [...tinyKnowledgeBase().targets, ...targets], affinities: targets.map((entry, index) => record(`r${index}`, entry.id, index + 1)) });
  const card = hoverAt(kb, 'See amitriptyline.', 'amitriptyline', 'markdown', { entryCommand: 'pharmalens.openKnowledgeBaseEntry' })!;
  assert.equal(rowsOf(card, 'Target').length, 5);
  assert.match(card, /_5 of 8 targets/);
  const link = /\[All 8 records of Amitriptyline\]\(command:pharmalens\.openKnowledgeBaseEntry\?([^)]+)\)/.exec(card);
  assert.ok(link, card);
  assert.deepEqual(JSON.parse(decodeURIComponent(link[1])), ['file:///t.md', { line: 0, character: 4 }]);
});

test('compact target card: each compound of the document on its own row with its own value and range; the title names the target in full', () => {
  const kb = knowledgeBase();
  kb.affinities.push(
    { ...record('s1', 'SLC6A4', 0.13), compound: 'serotonin', measure: 'Kd' },
    { ...record('s2', 'SLC6A4', 0.4), compound: 'serotonin', measure: 'Kd', referenceId: 'ref-unread' },
  );
  const card = hoverAt(kb, 'Amitriptyline and serotonin at the serotonin transporter (SERT).', 'SERT')!;
  assert.match(card, /^\*\*SERT\*\* — serotonin transporter · SLC6A4/);
  const rows = rowsOf(card, 'Compound');
  assert.deepEqual(rows.map((row) => row.slice(0, 3)), [
    ['serotonin', 'Kd', '0.13 nM (0.13–0.4 nM)'],
    ['amitriptyline', 'Ki', '4.3 nM'],
  ]);
  assert.match(card, /_All 4 records at SERT in the knowledge base\._/);
});

test('values and ranges are formatted once: three significant digits, a range whose ends agree to two digits is one value', () => {
  const kb = knowledgeBase({
    affinities: [record('x1', 'SLC6A2', 40, { valueHighNm: 40 }), record('x2', 'HRH1', 239.9, { valueHighNm: 240 }), record('x3', 'SLC6A3', 0.288, { valueHighNm: 0.29 })],
  });
  const values = rowsOf(hoverAt(kb, 'amitriptyline', 'amitriptyline')!, 'Target').map((row) => row[2]);
  assert.deepEqual(values.sort(), ['0.29 nM', '240 nM', '40 nM']);
});

test('the compact footer escapes a name once', () => {
  const kb = knowledgeBase({ compounds: [compound('odd', 'desmethyl-evilin')], affinities: [{ ...record('o1', 'SLC6A4', 5), compound: 'odd' }] });
  const card = hoverAt(kb, 'desmethyl-evilin binds SERT', 'desmethyl', 'markdown', { entryCommand: 'pharmalens.openKnowledgeBaseEntry' })!;
  assert.match(card, /\[All 1 record of Desmethyl\\-evilin\]\(command:/, card);
});
