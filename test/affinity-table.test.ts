import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../server/src/service/index';
import type { AffinityRecord } from '../server/src/service/kb/types';
import { affinityTableCsv, affinityTableMarkdown, type AffinityTableRow } from '../server/src/protocol';
import { tinyKnowledgeBase } from './helpers/tiny-kb';
import { affinityTableHtml } from '../client/src/affinity-table-html';

function record(id: string, valueNm: number): AffinityRecord {
  return {
    id, compound: 'amitriptyline', target: 'SLC6A4', measure: 'Ki', relation: '=', valueNm, asWritten: `${valueNm} nM`,
    species: 'human', referenceId: 'ref-primary', grade: 'primary', origin: 'test',
  };
}

function rowsFor(text: string): AffinityTableRow[] {
  const service = createLanguageService({
    kb: tinyKnowledgeBase({
      references: [{ id: 'ref-primary', authors: 'Tatsumi M, Groshan K', title: 'Pharmacological profile', journal: 'Eur J Pharmacol', year: 1997, citationKey: 'tatsumi1997' }],
      affinities: [record('a1', 4.3), record('a2', 3.45)],
    }),
  });
  const document = TextDocument.create('file:///review.md', 'markdown', 1, text);
  const analysis = service.analyze(document);
  assert.ok(analysis);
  return service.affinityTable(document, analysis);
}

const MANUSCRIPT = '# Review\n\nAmitriptyline binds SERT with a Ki of 4 nM.\n\nAmitriptyline binds SERT with a Ki of 3.45 µM.\n';

test('each statement becomes a row with its line, names, value in nM, verdict and sources', () => {
  const [consistent, slip] = rowsFor(MANUSCRIPT);
  assert.deepEqual(
    { line: consistent.line, text: consistent.text, compound: consistent.compound, target: consistent.target, measure: consistent.measure, valueNm: consistent.valueNm, verdict: consistent.verdict },
    { line: 3, text: '4 nM', compound: 'amitriptyline', target: 'SERT', measure: 'Ki', valueNm: 4, verdict: 'consistent' },
  );
  assert.deepEqual(consistent.referenceRange, { lowNm: 3.45, highNm: 4.3, text: '3.45–4.3 nM' });
  assert.equal(consistent.sources.length, 1);
  assert.match(consistent.sources[0], /Tatsumi/);
  assert.equal(slip.line, 5);
  assert.equal(slip.verdict, 'finding');
  assert.equal(slip.code, 'affinity.unit-slip');
});

test('a document without statements gives no rows and a table that says so', () => {
  assert.deepEqual(rowsFor('Nothing quoted here.\n'), []);
  assert.match(affinityTableMarkdown('empty.md', []), /No affinity statements found/);
});

const ROW: AffinityTableRow = {
  line: 7, text: '3.45 µM', compound: 'amitriptyline', target: 'SERT', measure: 'Ki', valueNm: 3450, verdict: 'finding',
  code: 'affinity.unit-slip', referenceRange: { lowNm: 3.45, highNm: 4.3, text: '3.45–4.3 nM' }, sources: ['Tatsumi, 1997', 'DrugCentral (PDSP)'],
};

test('the Markdown table has one line per row with the verdict and escaped cells', () => {
  const markdown = affinityTableMarkdown('review.md', [ROW]);
  assert.match(markdown, /^# Affinities in review\\\.md/);
  const lines = markdown.trim().split('\n');
  assert.equal(lines.length, 5);
  assert.match(lines[4], /^\| 7 \| 3\\\.45 µM \| amitriptyline \| SERT \| Ki \| 3\\\.45 µM \| ✗ affinity\\\.unit\\-slip \| 3\\\.45–4\\\.3 nM \| Tatsumi, 1997; DrugCentral \\\(PDSP\\\) \|$/);
});

test('the CSV quotes fields with commas and gives values in nM', () => {
  const csv = affinityTableCsv([ROW]);
  const [header, line] = csv.split('\r\n');
  assert.equal(header, 'Line,Quoted,Compound,Target,Measure,Value (nM),Value high (nM),Verdict,Code,Reference low (nM),Reference high (nM),Sources');
  assert.equal(line, '7,3.45 µM,amitriptyline,SERT,Ki,3450,,finding,affinity.unit-slip,3.45,4.3,"Tatsumi, 1997; DrugCentral (PDSP)"');
  assert.ok(csv.endsWith('\r\n'));
});

test('the table view page: one row per value, line numbers that reveal, sort keys, everything escaped, one nonce-bound script', () => {
  const rows = rowsFor(MANUSCRIPT);
  const injected: AffinityTableRow = { ...rows[0], line: 9, compound: '<img src=x onerror=alert(1)>', text: '"><script>x</script>' };
  const html = affinityTableHtml('review <b>.md', [...rows, injected], 'NONCE123', 'vscode-resource:');
  assert.equal((html.match(/<tr class=/g) ?? []).length, 3);
  assert.match(html, /<a href="#" class="line" data-line="3"[^>]*>3<\/a>/);
  assert.match(html, /<td data-n="4">Ki 4 nM<\/td>/, 'values sort by nM');
  assert.match(html, /<td data-n="3450">Ki 3\.45 µM<\/td>/);
  assert.match(html, /data-s="amitriptyline"/);
  assert.doesNotMatch(html, /<img|<b>|"><script>x/);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src vscode-resource: 'nonce-NONCE123'; script-src 'nonce-NONCE123';"/);
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  assert.match(html, /<script nonce="NONCE123">/);
  assert.match(html, /postMessage\(\{ type: 'reveal', line: Number\(link\.dataset\.line\) \}\)/);
  assert.match(affinityTableHtml('empty.md', [], 'n', 'c'), /No affinity statements found/);
});
