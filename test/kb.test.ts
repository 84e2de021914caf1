import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkIntegrity, loadBundledKnowledgeBase, loadKnowledgeBase, loadKnowledgeBaseExtension, mergeKnowledgeBases } from '../server/src/service/kb/load.js';
import { parseDelimited } from '../server/src/service/kb/csv.js';
import { stripMarkup } from '../server/src/service/kb/markup.js';
import { generateValidatorSource } from '../scripts/kb-build/validator-source.js';
import type { AffinityRecord, KnowledgeBase } from '../server/src/service/kb/types.js';

const ROOT = join(__dirname, '..');
const KB_PATH = join(ROOT, 'dist/kb.json');
const AFFINITIES_PATH = join(ROOT, 'dist/affinities.json');
/** The build writes the affinity records apart (read on first use); validated here as one knowledge base. */
const kbText = (() => {
  const parts = JSON.parse(readFileSync(KB_PATH, 'utf8')) as KnowledgeBase;
  const { version, affinities, references } = JSON.parse(readFileSync(AFFINITIES_PATH, 'utf8')) as { version: string; affinities: AffinityRecord[]; references: KnowledgeBase['references'] };
  assert.equal(version, parts.version, 'dist/affinities.json belongs to dist/kb.json');
  assert.deepEqual(parts.affinities, [], 'dist/kb.json leaves the records to dist/affinities.json');
  return JSON.stringify({ ...parts, affinities, references: [...parts.references, ...references] });
})();

function loadBuiltKb(): KnowledgeBase {
  const started = performance.now();
  const { kb, errors } = loadKnowledgeBase(kbText, 'dist/kb.json + dist/affinities.json');
  console.log(`dist/kb.json + dist/affinities.json (${(kbText.length / 1e6).toFixed(2)} MB) parsed + validated in ${(performance.now() - started).toFixed(1)} ms`);
  assert.deepEqual(errors, []);
  return kb!;
}
const kb = loadBuiltKb();
const affinity = (id: string) => kb.affinities.find((a) => a.id === id);
const amitriptylineAt = (target: string, measure: AffinityRecord['measure']) =>
  kb.affinities.filter((a) => a.compound === 'amitriptyline' && a.target === target && a.measure === measure);

test('the precompiled validator matches schema.ts', () => {
  const generated = readFileSync(join(ROOT, 'server/src/service/kb/validate-kb.generated.js'), 'utf8');
  assert.equal(generated, generateValidatorSource(), 'run: npx tsx scripts/kb-build/validator.ts');
});

test('all GtoPdb targets and ligands are imported once, plus curated groups', () => {
  const gtopdbTargets = kb.targets.filter((t) => t.gtopdbId !== undefined);
  // 3,299 rows in the CSV; 77 targets are listed under two families, so 3,217 distinct targets.
  assert.equal(gtopdbTargets.length, 3217);
  assert.equal(new Set(gtopdbTargets.map((t) => t.gtopdbId)).size, 3217);
  for (const group of ['group:muscarinic', 'group:alpha1-adrenoceptor', 'complex:NMDA', 'group:trk']) {
    assert.ok(kb.targets.some((t) => t.id === group), group);
  }
  assert.equal(kb.compounds.filter((c) => c.gtopdbLigandId !== undefined).length, 12590);
  assert.equal(new Set(kb.compounds.map((c) => c.gtopdbLigandId)).size, 12590);
  const amitriptyline = kb.compounds.find((c) => c.id === 'amitriptyline')!;
  assert.equal(amitriptyline.class, 'tricyclic antidepressant');
  assert.ok(amitriptyline.brandNames?.includes('Elavil'));
  assert.ok(amitriptyline.gtopdbLigandId);
});

test('GtoPdb names are stripped of HTML and curated aliases are attached', () => {
  const byId = (id: string) => kb.targets.find((t) => t.id === id)!;
  assert.equal(byId('HTR2A').name, '5-HT2A receptor');
  assert.equal(byId('ADRA1A').name, 'α1A-adrenoceptor');
  assert.equal(byId('KCNH2').name, 'Kv11.1');
  assert.ok(!kb.targets.some((t) => /<\/?(sub|sup|i|em)>|&[a-z]+;/i.test(t.name)));
  assert.ok(byId('SLC6A4').synonyms.includes('5-HTT'));
  assert.ok(byId('KCNH2').synonyms.includes('hERG'));
  assert.deepEqual(byId('group:muscarinic').members, ['CHRM1', 'CHRM2', 'CHRM3', 'CHRM4', 'CHRM5']);
  assert.equal(stripMarkup('K<SUB>v</SUB>11.1 &agrave; <em>x</em> &sigma;1'), 'Kv11.1 à x σ1');
});

test('every affinity has source, species, measure and grade', () => {
  for (const a of kb.affinities) {
    assert.ok(a.referenceId && a.species && a.measure && a.grade && a.origin, a.id);
    assert.ok(a.target || a.effect, a.id);
  }
});

test('every seed value is present with grade vendor', () => {
  const seed: [string, string, number, number?][] = [
    ['SLC6A4', 'Ki', 3.45], ['SLC6A2', 'Ki', 13.3], ['HRH1', 'Ki', 0.5, 1.1], ['group:muscarinic', 'Ki', 11, 24],
    ['group:alpha1-adrenoceptor', 'Ki', 4.4], ['SLC6A3', 'Ki', 2580], ['ADORA2A', 'Ki', 4800], ['NTRK1', 'Kd', 3000],
    ['NTRK2', 'Kd', 14000], ['group:trk', 'conc', 250, 500], ['complex:NMDA', 'IC50', 720], ['KCNH2', 'IC50', 4780],
  ];
  for (const [target, measure, low, high] of seed) {
    const found = amitriptylineAt(target, measure as AffinityRecord['measure']).find((a) => a.grade === 'vendor' && a.valueNm === low);
    assert.ok(found, `${target} ${measure} ${low}`);
    assert.equal(found.valueHighNm, high);
    assert.ok(found.note);
  }
  const neurite = kb.affinities.find((a) => a.effect?.includes('neurite outgrowth'));
  assert.equal(neurite?.valueNm, 500);
  assert.equal(neurite?.grade, 'vendor');
  assert.match(neurite?.conditions ?? '', /5 days/);
  const trkA = amitriptylineAt('NTRK1', 'Kd')[0];
  assert.equal(trkA.referenceId, 'jang2009');
  assert.match(trkA.note!, /not read/);
});

test('primary records from Jo 2000, Stepanenko 2019 and Jang 2009 carry their conditions', () => {
  const nmda = amitriptylineAt('complex:NMDA', 'IC50').filter((a) => a.grade === 'primary');
  assert.deepEqual(nmda.map((a) => a.valueNm).sort((x, y) => x - y), [720, 220000]);
  assert.ok(nmda.every((a) => a.referenceId === 'stepanenko2019' && a.conditions));
  assert.match(nmda.find((a) => a.valueNm === 720)!.conditions!, /4 mM external Ca2\+/);
  assert.match(nmda.find((a) => a.valueNm === 220000)!.conditions!, /0 mV/);
  const herg = amitriptylineAt('KCNH2', 'IC50').filter((a) => a.grade === 'primary');
  assert.deepEqual(herg.map((a) => [a.valueNm, a.referenceId]).sort(), [[3260, 'jo2000'], [4780, 'jo2000']]);
  assert.match(herg.find((a) => a.valueNm === 4780)!.conditions!, /4 mM \[K\+\]o/);
  assert.match(herg.find((a) => a.valueNm === 3260)!.conditions!, /2 mM \[K\+\]o/);
  const activation = affinity('seed:amitriptyline:trk:activation')!;
  assert.equal(activation.referenceId, 'jang2009');
  assert.match(activation.assay!, /hippocampal neurons/);
  const jang = kb.references.find((r) => r.id === 'jang2009')!;
  assert.equal(jang.pmid, '19549602');
  assert.equal(jang.doi, '10.1016/j.chembiol.2009.05.010');
});

test('Tatsumi 1997: 21+ compounds at the three human transporters, graded primary', () => {
  const rows = kb.affinities.filter((a) => a.origin.startsWith('Tatsumi'));
  const drugs = new Set(rows.map((a) => a.compound));
  assert.ok(drugs.size >= 21, `${drugs.size} drugs`);
  for (const drug of drugs) {
    for (const gene of ['SLC6A4', 'SLC6A2', 'SLC6A3']) assert.ok(rows.some((a) => a.compound === drug && a.target === gene), `${drug} ${gene}`);
  }
  assert.ok(rows.every((a) => a.grade === 'primary' && a.measure === 'Kd' && a.species === 'human' && a.referenceId === 'tatsumi1997'));
  assert.equal(affinity('tatsumi1997:amitriptyline:SLC6A4')?.valueNm, 4.3);
  assert.equal(affinity('tatsumi1997:mirtazapine:SLC6A4')?.relation, '>');
  assert.equal(affinity('tatsumi1997:reboxetine:SLC6A2')?.referenceId, 'wong2000');
});

test('DrugCentral: mis-mapped rows excluded, outliers flagged, copies of Tatsumi linked', () => {
  const rows = kb.affinities.filter((a) => a.origin.startsWith('DrugCentral'));
  assert.ok(rows.length > 650 && rows.length < 792, `${rows.length}`);
  assert.ok(rows.every((a) => a.grade === 'database'));
  assert.ok(!rows.some((a) => /MIS-MAPPED|no ACT_VALUE|substrate Km|guinea pig|non-specific/i.test(a.note ?? '')));
  const suspicious = rows.filter((a) => /SUSPICIOUS/.test(a.note ?? ''));
  assert.ok(suspicious.length >= 15 && suspicious.every((a) => a.outlier === true));
  const copies = rows.filter((a) => a.duplicateOf);
  assert.ok(copies.length >= 20);
  for (const copy of copies) assert.equal(affinity(copy.duplicateOf!)?.referenceId, 'tatsumi1997');
  const ratNet = rows.find((a) => a.compound === 'desipramine' && a.target === 'SLC6A2' && a.species === 'rat');
  assert.ok(ratNet, 'GENE "NET" rows are mapped through their UniProt accession');
  assert.equal(rows.find((a) => a.asWritten.startsWith('pKi'))?.asWritten.split(' ').length, 2);
});

test('roles carry references and confirmation; the stop list spares real names', () => {
  const hrh1 = kb.targets.find((t) => t.id === 'HRH1')!;
  assert.ok(hrh1.roles.length >= 5);
  assert.ok(hrh1.roles.some((r) => r.confirmed === false && r.referenceId === 'krystal2013'));
  assert.ok(kb.targets.find((t) => t.id === 'GRIN2B')!.roles.some((r) => r.referenceId === 'stepanenko2019'));
  for (const name of ['sodium', 'calcium', 'water', 'no', 'trk', 'htt', 'glutamate receptor']) assert.ok(kb.stopNames.includes(name), name);
  for (const name of ['serotonin', 'dopamine', 'histamine', 'amitriptyline', 'net', 'dat', 'h1', 'm1', 'herg', 'elavil']) assert.ok(!kb.stopNames.includes(name), name);
  assert.equal(new Set(kb.references.map((r) => r.citationKey)).size, kb.references.length);
});

test('a JSON syntax error names the file, line and column', () => {
  const { kb: none, errors } = loadKnowledgeBase('{\n  "version": "x",\n  "compounds": [,]\n}', 'user-kb.json');
  assert.equal(none, undefined);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /^user-kb\.json:3:17: invalid JSON/);
  assert.match(loadKnowledgeBase('{"a": 1', 'k.json').errors[0], /^k\.json:1:8: invalid JSON: .*end of input/);
});

function tinyKb(): KnowledgeBase {
  return {
    version: 't', builtFrom: [], pathways: [], stopNames: [],
    compounds: [{ id: 'amitriptyline', name: 'amitriptyline', synonyms: [] }],
    targets: [{ id: 'SLC6A4', name: 'SERT', synonyms: [], genes: { human: 'SLC6A4' }, roles: [] }],
    references: [{ id: 'r1', authors: '', title: 't', citationKey: 'r1' }],
    affinities: [{ id: 'a1', compound: 'amitriptyline', target: 'SLC6A4', measure: 'Ki', relation: '=', valueNm: 4, asWritten: '4 nM', species: 'human', referenceId: 'r1', grade: 'primary', origin: 'test' }],
  };
}

test('a missing field is reported with its JSON path and entry id', () => {
  const broken = tinyKb() as unknown as { affinities: Record<string, unknown>[] };
  delete broken.affinities[0].species;
  const { errors } = loadKnowledgeBase(JSON.stringify(broken), 'user-kb.json');
  assert.deepEqual(errors, ['user-kb.json: affinities[0] (id "a1"): missing required field "species"']);
  const badEnum = tinyKb();
  (badEnum.affinities[0] as { grade: string }).grade = 'blog';
  assert.match(loadKnowledgeBase(JSON.stringify(badEnum), 'x.json').errors[0], /affinities\[0\] \(id "a1"\)\.grade: must be one of/);
});

test('a dangling reference is reported with its place', () => {
  const broken = tinyKb();
  broken.affinities[0].referenceId = 'nope';
  broken.targets[0].roles.push({ role: 'r', referenceId: 'missing', confirmed: true });
  const { kb: none, errors } = loadKnowledgeBase(JSON.stringify(broken), 'user-kb.json');
  assert.equal(none, undefined);
  assert.deepEqual(errors, [
    'user-kb.json: affinities[0] (id "a1").referenceId: unknown reference "nope"',
    'user-kb.json: targets[0] (id "SLC6A4").roles[0].referenceId: unknown reference "missing"',
  ]);
});

test('an extra user file overrides entries by id and is checked after the merge', () => {
  const extraJson = JSON.stringify({
    affinities: [{ ...tinyKb().affinities[0], valueNm: 5, asWritten: '5 nM' }, { ...tinyKb().affinities[0], id: 'a2', compound: 'ghost' }],
  });
  const { extension, errors } = loadKnowledgeBaseExtension(extraJson, 'extra.json');
  assert.deepEqual(errors, []);
  const merged = mergeKnowledgeBases(tinyKb(), extension!);
  assert.equal(merged.affinities.length, 2);
  assert.equal(merged.affinities[0].valueNm, 5);
  assert.deepEqual(checkIntegrity(merged, 'extra.json'), ['extra.json: affinities[1] (id "a2").compound: unknown compound "ghost"']);
});

test('the CSV reader handles quotes, banners and comments, and names the line of a malformed row', () => {
  const table = parseDelimited('"# GtoPdb Version: 2024.1"\n# comment, with "quote\n"a","b"\n"x, ""y""","line\nbreak"\n', 't.csv');
  assert.deepEqual(table.header, ['a', 'b']);
  assert.deepEqual(table.rows[0].cells, ['x, "y"', 'line\nbreak']);
  assert.throws(() => parseDelimited('a,b\n1,2,3\n', 'bad.csv'), /bad\.csv:2: expected 2 fields, found 3/);
  assert.throws(() => parseDelimited('a,b\n"1,2\n', 'bad.csv'), /bad\.csv:2: unterminated quoted field/);
});

test('the bundled loader checks only the shape of the build-validated file, and validates fully what is not well shaped', () => {
  const good = loadBundledKnowledgeBase(readFileSync(KB_PATH, 'utf8'), 'dist/kb.json');
  assert.deepEqual(good.errors, []);
  assert.ok(good.kb && good.kb.compounds.length > 10_000);
  const truncated = loadBundledKnowledgeBase('{"version": "x", "targets": []', 'dist/kb.json');
  assert.match(truncated.errors[0], /^dist\/kb\.json:1:\d+: invalid JSON/);
  const missingCollection = loadBundledKnowledgeBase('{"version": "x", "targets": [], "compounds": []}', 'dist/kb.json');
  assert.equal(missingCollection.kb, undefined);
  assert.ok(missingCollection.errors.length > 0, 'the full validation names what is missing');
});
