/**
 * Random edits to real text: the analysis read in part must equal the whole read, finding for finding.
 * `npx tsx scripts/incremental-check.ts [--edits N] [--seed S]`
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, memoryWorkspace, type DocumentAnalysis } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';

const root = path.resolve(__dirname, '..');
const { values } = parseArgs({ options: { edits: { type: 'string', default: '300' }, seed: { type: 'string', default: '1' } } });
const edits = Number(values.edits);
let seed = Number(values.seed);
const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);

const loaded = loadKnowledgeBaseFiles();
const service = createLanguageService({ ...loaded, workspace: memoryWorkspace({ 'file:///w/references.bib': readFileSync(path.join(root, 'examples/references.bib'), 'utf8') }) });

const INSERTS = ['x', ' ', 'a', '.', ',', '\n', '\n\n', ' Ki = 5 nM', ' amitriptyline', ' SERT', ' (AMI)', ' IC50 of 3 µM at NET', '$', '`', '[@smith2020]', ' \\cite{x}', ' its Ki was 40 nM.', ' mu, delta and kappa receptors', ' H1 receptor', '0', '1.5', ' μM', '(', ')', '*', '#', ' respectively'];

function key(analysis: DocumentAnalysis): Record<string, string> {
  const records = (name: string, value: unknown) => (name === 'records' && Array.isArray(value) ? value.length : value);
  return {
    masked: analysis.scanned.masked,
    scan: JSON.stringify([analysis.scanned.skipped, analysis.scanned.math, analysis.scanned.citations, analysis.scanned.tables, analysis.scanned.bibliographies]),
    mentions: JSON.stringify(analysis.mentions),
    compounds: JSON.stringify([analysis.compoundsMentioned, analysis.targetsMentioned]),
    checked: JSON.stringify(analysis.checked, records),
    findings: JSON.stringify(service.findings(analysis)),
    regions: JSON.stringify(analysis.suppressions.regions),
    basis: JSON.stringify(analysis.basis?.extraction.headings) + JSON.stringify(analysis.basis?.extraction.subject) ,
  };
}

function texts(): { uri: string; languageId: string; text: string }[] {
  const folder = path.join(root, 'test/fixtures/real');
  const files = readdirSync(folder).filter((name) => /\.(md|qmd|tex)$/.test(name)).sort();
  const markdown = files.filter((name) => !name.endsWith('.tex')).map((name) => readFileSync(path.join(folder, name), 'utf8')).join('\n\n');
  const latex = files.filter((name) => name.endsWith('.tex')).map((name) => readFileSync(path.join(folder, name), 'utf8')).join('\n\n');
  return [
    { uri: 'file:///w/real.md', languageId: 'markdown', text: `${readFileSync(path.join(root, 'examples/amitriptyline-review.md'), 'utf8')}\n\n${markdown}` },
    { uri: 'file:///w/real.tex', languageId: 'latex', text: `${readFileSync(path.join(root, 'examples/amitriptyline-review.tex'), 'utf8')}\n\n${latex}` },
  ];
}

let mismatches = 0;
const reasons = new Map<string, number>();
let incremental = 0;
for (const { uri, languageId, text: start } of texts()) {
  let document = TextDocument.create(uri, languageId, 1, start);
  let analysis = service.analyze(document)!;
  for (let index = 0; index < edits; index++) {
    const text = document.getText();
    const at = Math.floor(random() * text.length);
    const kind = random();
    let next: string;
    if (kind < 0.45) next = text.slice(0, at) + INSERTS[Math.floor(random() * INSERTS.length)] + text.slice(at);
    else if (kind < 0.8) next = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
    else if (kind < 0.9) next = text.slice(0, at) + text.slice(at + Math.floor(random() * 200));
    else {
      const from = Math.floor(random() * text.length);
      next = text.slice(0, at) + text.slice(from, from + Math.floor(random() * 120)) + text.slice(at);
    }
    document = TextDocument.create(uri, languageId, document.version + 1, next);
    const updated = service.analyze(document, analysis)!;
    const whole = service.analyze(document)!;
    if (process.env.VERBOSE) console.log(index, at, JSON.stringify(updated.update));
    if (updated.update?.kind === "incremental") incremental++;
    else reasons.set(updated.update?.kind === 'full' ? updated.update.reason : '?', (reasons.get(updated.update?.kind === 'full' ? updated.update.reason : '?') ?? 0) + 1);
    const [a, b] = [key(updated), key(whole)];
    for (const field of Object.keys(a)) {
      if (a[field] !== b[field]) {
        mismatches++;
        let first = 0;
        while (a[field][first] === b[field][first]) first++;
        console.log(`MISMATCH ${languageId} edit ${index} at ${at} (${JSON.stringify(next.slice(at - 20, at + 40))}) field ${field}:\n  part:  ${a[field].slice(Math.max(0, first - 200), first + 200)}\n  whole: ${b[field].slice(Math.max(0, first - 200), first + 200)}`);
        break;
      }
    }
    analysis = updated;
  }
}
console.log(`${incremental} of ${2 * edits} edits read in part; ${mismatches} mismatches`);
for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${count}  ${reason}`);
