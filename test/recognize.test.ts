import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDictionary, lazyDictionary } from '../server/src/service/recognize/dictionary';
import { compileNames, namesToText } from '../server/src/service/recognize/names';
import { recognizeMentions } from '../server/src/service/recognize/recognize';
import { tokenizeName } from '../server/src/service/recognize/tokenize';
import { compound, tinyKnowledgeBase } from './helpers/tiny-kb';

const dictionary = buildDictionary(compileNames(tinyKnowledgeBase()));

function ids(text: string): string[] {
  return recognizeMentions(text, dictionary).map((mention) => `${mention.id}:${mention.text}`);
}

test('recognizes preferred names, brand names and synonyms', () => {
  assert.deepEqual(ids('Amitriptyline (Elavil) blocks SERT and the serotonin transporter.'), [
    'amitriptyline:Amitriptyline',
    'amitriptyline:Elavil',
    'SLC6A4:SERT',
    'SLC6A4:serotonin transporter',
  ]);
});

test('the longest match wins: serotonin transporter is the target, not the ligand serotonin', () => {
  assert.deepEqual(ids('serotonin transporter; serotonin alone'), ['SLC6A4:serotonin transporter', 'serotonin:serotonin']);
});

test('short acronyms are case-sensitive: net and dat are words', () => {
  assert.deepEqual(ids('The net effect on the dat file was nil. NET and DAT were blocked.'), ['SLC6A2:NET', 'SLC6A3:DAT']);
});

test('gene symbols keep their species case', () => {
  assert.deepEqual(ids('SLC6A4 and rat Slc6a4 but not slc6a4x'), ['SLC6A4:SLC6A4', 'SLC6A4:Slc6a4']);
});

test('Greek letters in Unicode, LaTeX and words all match α1', () => {
  assert.deepEqual(ids('the α1-adrenergic receptor'), ['group:alpha1:α1-adrenergic receptor']);
  assert.deepEqual(ids('the $\\alpha_1$-adrenoceptor'), ['group:alpha1:$\\alpha_1$-adrenoceptor']);
  assert.deepEqual(ids('the \\textalpha{}1-adrenergic receptor'), ['group:alpha1:\\textalpha{}1-adrenergic receptor']);
  assert.deepEqual(ids('the alpha1-adrenoceptor'), ['group:alpha1:alpha1-adrenoceptor']);
  assert.deepEqual(ids('the alpha 1-adrenoceptor'), ['group:alpha1:alpha 1-adrenoceptor']);
  assert.deepEqual(ids('&alpha;<sub>1</sub>-adrenoceptor'), ['group:alpha1:&alpha;<sub>1</sub>-adrenoceptor']);
});

test('subscripts in LaTeX and HTML do not break names', () => {
  assert.deepEqual(ids('A$_{2A}$ and A2a and the adenosine A2A receptor'), ['ADORA2A:A$_{2A}$', 'ADORA2A:A2a', 'ADORA2A:adenosine A2A receptor']);
  assert.deepEqual(ids('5-HT$_{2A}$ and 5-HT<sub>2A</sub> receptors'), ['HTR2A:5-HT$_{2A}$', 'HTR2A:5-HT<sub>2A</sub> receptors']);
});

test('hERG, HERG, Kv11.1 and KCNH2 are one target; herg is not', () => {
  assert.deepEqual(ids('hERG (Kv11.1, KCNH2); HERG; herg'), ['KCNH2:hERG', 'KCNH2:Kv11.1', 'KCNH2:KCNH2', 'KCNH2:HERG']);
});

test('σ1, sigma-1 and the sigma-1 receptor', () => {
  assert.deepEqual(ids('σ1 and sigma-1 and the sigma-1 receptor'), ['SIGMAR1:σ1', 'SIGMAR1:sigma-1', 'SIGMAR1:sigma-1 receptor']);
});

test('whole words only', () => {
  assert.deepEqual(ids('H1N1 influenza, M1A2, NETwork, SERTs? TrkAB'), []);
  assert.deepEqual(ids('H1 and M1 and TrkA.'), ['HRH1:H1', 'CHRM1:M1', 'NTRK1:TrkA']);
});

test('plurals of multi-letter lower-case names', () => {
  assert.deepEqual(ids('histamine H1 receptors and serotonin transporters'), ['HRH1:histamine H1 receptor'.replace('receptor', 'receptors'), 'SLC6A4:serotonin transporters']);
});

test('capitalized words inside a name with capitals still match', () => {
  assert.deepEqual(ids('Histamine H1 receptor'), ['HRH1:Histamine H1 receptor']);
});

test('stop names, two-letter words, ambiguous and descriptive synonyms never match', () => {
  assert.deepEqual(ids('sodium and NO and the glutamate receptor'), []);
  assert.deepEqual(ids('solute carrier family 6 (neurotransmitter transporter), member 4'), []);
});

test('names do not run across punctuation or paragraph breaks', () => {
  assert.deepEqual(ids('serotonin, transporter'), ['serotonin:serotonin']);
  assert.deepEqual(ids('serotonin\n\ntransporter'), ['serotonin:serotonin']);
  assert.deepEqual(ids('serotonin\ntransporter'), ['SLC6A4:serotonin\ntransporter']);
});

test('tokenizer splits letters from digits and keeps decimals inside numbers', () => {
  const tokens = tokenizeName('Kv11.1 H1');
  assert.deepEqual(tokens.keys, ['kv', '11.1', 'h', '1']);
  assert.deepEqual(tokens.surfaces, ['Kv', '11.1', 'H', '1']);
  assert.equal(tokens.hasInnerBreak, false);
  assert.equal(tokenizeName('serotonin, transporter').hasInnerBreak, true);
});

test('a 100,000-character line and binary junk do not throw', () => {
  const junk = 'x'.repeat(100_000) + '\u0000\uD800\uFFFF$\\{' + 'SERT';
  assert.doesNotThrow(() => recognizeMentions(junk, dictionary));
  assert.deepEqual(ids('\u0000 SERT \uD800'), ['SLC6A4:SERT']);
});

test('the lazily grown dictionary over the build text finds exactly what the eager one finds', () => {
  const names = compileNames(tinyKnowledgeBase());
  const lazy = lazyDictionary(namesToText(names));
  const text = 'Amitriptyline (Elavil) at SERT, the serotonin transporters, H1, $\\alpha_1$-adrenoceptor, hERG, HERG, σ1, net, NO, the glutamate receptor.';
  assert.deepEqual(recognizeMentions(text, lazy), recognizeMentions(text, dictionary));
  assert.equal(lazy.nameCount, names.length);
});

test('extra names join the lazy dictionary and follow the same priority rules', () => {
  const lazy = lazyDictionary(namesToText(compileNames(tinyKnowledgeBase())), compileNames(tinyKnowledgeBase({ targets: [], stopNames: [], compounds: [compound('novel', 'novelamine', { synonyms: ['SERT'] })] })));
  assert.deepEqual(recognizeMentions('novelamine and SERT', lazy).map((mention) => mention.id), ['novel', 'SLC6A4']);
});
