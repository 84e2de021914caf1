/** Values, sources, grades and targets are named one way everywhere (issue 15, points 4 and 9). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  descriptiveName,
  formatConcentration,
  gradeLabel,
  shortCitation,
  shortTargetName,
  sourceLabel,
  sourceWithGrade,
  targetTypeLabel,
} from '../server/src/service/kb/format';
import type { AffinityRecord, Reference } from '../server/src/service/kb/types';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';

const paper = (authors: string, extra: Partial<Reference> = {}): Reference => ({ id: 'r', authors, title: 'T', year: 1997, citationKey: 'k', kind: 'paper', ...extra });
const record = (grade: AffinityRecord['grade'], origin: string): AffinityRecord => ({
  id: 'a', compound: 'c', target: 't', measure: 'Ki', relation: '=', valueNm: 1, asWritten: '1 nM', species: 'human', referenceId: 'r', grade, origin,
});

test('one short citation form: Jo 2000, Tatsumi and Groshan 1997, Tatsumi et al. 1997', () => {
  assert.equal(shortCitation(paper('Jo SH')), 'Jo 1997');
  assert.equal(shortCitation(paper('Tatsumi M, Groshan K')), 'Tatsumi and Groshan 1997');
  assert.equal(shortCitation(paper('Tatsumi M, Groshan K, Blakely RD, Richelson E')), 'Tatsumi et al. 1997');
  assert.equal(shortCitation(paper('Stepanenko et al.')), 'Stepanenko et al. 1997');
  assert.equal(shortCitation(paper('Richelson & Nelson')), 'Richelson and Nelson 1997');
  assert.equal(shortCitation(paper("Dell'Osso B, Palazzo MC")), "Dell'Osso and Palazzo 1997");
  assert.equal(shortCitation(paper('van der Berg AB')), 'van der Berg 1997');
  assert.equal(shortCitation({ id: 'pmid:1', authors: '', title: '', pmid: '1', citationKey: 'k' }), 'PMID 1');
});

test('values to three significant digits; a range whose ends agree to two digits is one value', () => {
  assert.equal(formatConcentration(239.9, 240), '240 nM');
  assert.equal(formatConcentration(40, 40), '40 nM');
  assert.equal(formatConcentration(0.288, 0.29), '0.29 nM');
  assert.equal(formatConcentration(0.5, 1.1), '0.5–1.1 nM');
  assert.equal(formatConcentration(720, 220_000), '0.72–220 µM');
  assert.equal(formatConcentration(4780), '4.78 µM');
});

test('sources and grades in words: the paper and the database that curated it, a value a vendor only quoted', () => {
  assert.equal(sourceLabel(record('database', 'GtoPdb 2020.5'), { id: 'pmid:9686407', authors: '', title: '', pmid: '9686407', citationKey: 'k' }), 'PMID 9686407 via GtoPdb');
  assert.equal(sourceLabel(record('database', 'DrugCentral (CHEMBL)'), { ...paper(''), kind: 'database', title: 'DrugCentral drug.target.interaction.tsv' }), 'DrugCentral (CHEMBL)');
  assert.equal(sourceLabel(record('vendor', 'seed (vendor sheet)'), { ...paper(''), kind: 'vendor', year: undefined, title: 'MedChemExpress amitriptyline hydrochloride product sheet' }), 'MedChemExpress vendor sheet');
  const jang = paper('Jang SW, Liu X, Chan CB', { year: 2009 });
  assert.equal(sourceWithGrade(record('vendor', 'seed (vendor sheet)'), jang), 'Jang et al. 2009, primary — value not read in the paper (quoted by a vendor sheet)');
  assert.equal(gradeLabel(record('primary', 'x'), paper('A B')), 'primary paper');
  assert.equal(gradeLabel(record('primary', 'x'), paper('A B', { confirmed: false })), 'primary — value not read in the paper');
});

test('targets: one short name, a descriptive name beside a short GtoPdb name, types in words', () => {
  const kb = loadKnowledgeBaseFiles().kb;
  const byId = (id: string) => kb.targets.find((target) => target.id === id)!;
  assert.deepEqual(['ADRA1A', 'ADRA2C', 'ADRB1', 'SLC6A4', 'KCNH2', 'NTRK2'].map((id) => shortTargetName(byId(id))), ['α1A', 'α2C', 'β1', 'SERT', 'hERG', 'TrkB']);
  assert.equal(descriptiveName(byId('SLC6A4')), 'serotonin transporter');
  assert.equal(descriptiveName(byId('DRD2')), 'dopamine D2 receptor');
  assert.equal(descriptiveName(byId('GRIN1')), undefined, 'no family name cut from a longer synonym');
  assert.equal(descriptiveName(byId('ADRA1A')), undefined);
  assert.equal(targetTypeLabel('vgic'), 'voltage-gated ion channel');
  assert.equal(targetTypeLabel('catalytic_receptor'), 'catalytic receptor');
});
