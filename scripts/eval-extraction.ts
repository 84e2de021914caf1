/**
 * Extraction against hand-made truth files: scan → recognize → extractStatements, then recall and precision.
 * Usage: npx tsx scripts/eval-extraction.ts [DIR…]   (default: ../shared/corpus-dev, test/fixtures/affinity/correct, examples)
 * A development check, not a test. Reads two truth formats:
 *  - corpus-dev (`affinity_statements`: line, value / value_low / value_high in `unit` as written, `measure`);
 *    statements whose measure PharmaLens does not read (dG in kcal/mol) are left out of recall and counted apart;
 *  - the fixture corpus (`statements`: line, valueNm, compound, target).
 * The example manuscripts have no truth file; their expected statements are listed below.
 * A truth statement is found when a statement on its line has its value (1% tolerance); entities are scored apart.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';
import { extractStatements } from '../server/src/service/extract/index';
import type { AffinityStatement } from '../server/src/service/extract/types';

interface Expected {
  line: number;
  valueNm: number;
  compound?: string;
  target?: string;
  label: string;
}

interface CorpusDevStatement {
  line: number;
  measure: string;
  value?: number;
  value_low?: number;
  unit?: string;
  text_as_written?: string;
}

interface FixtureStatement {
  line: number;
  valueNm: number;
  compound?: string;
  target?: string;
  text: string;
}

interface Distractor {
  line: number;
  text: string;
}

const nanomolarPer: Record<string, number> = { pM: 1e-3, nM: 1, uM: 1e3, 'µM': 1e3, mM: 1e6, M: 1e9 };
const readMeasures = new Set(['Ki', 'Kd', 'IC50', 'EC50', 'Kb', 'pA2', 'pKi', 'pKd', 'pIC50', 'pEC50']);

/** The example manuscripts' statements (line, nM), read by hand from examples/amitriptyline-review.{md,tex}. */
const exampleTruth: Record<string, Array<[number, number, string]>> = {
  'amitriptyline-review.md': [[25, 3.45, 'SLC6A4'], [26, 13.3, 'SLC6A2'], [27, 0.5, 'HRH1'], [28, 11, 'group:muscarinic'], [29, 4.4, 'group:alpha1-adrenoceptor'], [30, 2580, 'SLC6A3'], [31, 4800, 'ADORA2A'], [34, 4.3, 'SLC6A4'], [34, 35, 'SLC6A2'], [44, 720, 'complex:NMDA'], [48, 4780, 'KCNH2']],
  'amitriptyline-review.tex': [[23, 3.45, 'SLC6A4'], [24, 13.3, 'SLC6A2'], [25, 0.5, 'HRH1'], [26, 11, 'group:muscarinic'], [27, 4.4, 'group:alpha1-adrenoceptor'], [28, 2580, 'SLC6A3'], [29, 4800, 'ADORA2A'], [39, 720, 'complex:NMDA'], [41, 4780, 'KCNH2']],
};

function expectedFrom(file: string): { expected: Expected[]; excluded: number; distractors: Distractor[] } | undefined {
  const name = path.basename(file);
  if (exampleTruth[name]) return { expected: exampleTruth[name].map(([line, valueNm, target]) => ({ line, valueNm, target, compound: 'amitriptyline', label: `${valueNm} nM` })), excluded: 0, distractors: [] };
  const truthPath = file.replace(/\.(md|qmd|tex)$/, '.truth.json');
  if (!existsSync(truthPath)) return undefined;
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as {
    affinity_statements?: CorpusDevStatement[];
    statements?: FixtureStatement[];
    non_affinity_numeric_distractors?: Distractor[];
    distractors?: Distractor[];
  };
  const distractors = truth.non_affinity_numeric_distractors ?? truth.distractors ?? [];
  if (truth.statements) {
    return { expected: truth.statements.map((s) => ({ line: s.line, valueNm: s.valueNm, compound: s.compound, target: s.target, label: s.text })), excluded: 0, distractors };
  }
  const all = truth.affinity_statements ?? [];
  const read = all.filter((s) => readMeasures.has(s.measure) && s.unit !== undefined && nanomolarPer[s.unit] !== undefined);
  return {
    expected: read.map((s) => ({ line: s.line, valueNm: (s.value ?? s.value_low ?? NaN) * nanomolarPer[s.unit!], label: s.text_as_written ?? String(s.value) })),
    excluded: all.length - read.length,
    distractors,
  };
}

const closeTo = (a: number, b: number): boolean => Math.abs(a - b) <= 0.01 * Math.max(Math.abs(a), Math.abs(b));

const directories = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['../shared/corpus-dev', 'test/fixtures/affinity/correct', 'examples'];
const service = createLanguageService(loadKnowledgeBaseFiles());
const totals = { expected: 0, found: 0, extracted: 0, matching: 0, excluded: 0, compoundRight: 0, targetRight: 0, entityScored: 0, distractorHits: 0 };

for (const directory of directories) {
  const files = readdirSync(directory).filter((name) => /\.(md|qmd|tex)$/.test(name) && name !== 'README.md').sort();
  for (const name of files) {
    const file = path.join(directory, name);
    const truth = expectedFrom(file);
    if (!truth) continue;
    const languageId = file.endsWith('.tex') ? 'latex' : 'markdown';
    const document = TextDocument.create(`file://${path.resolve(file)}`, languageId, 1, readFileSync(file, 'utf8'));
    const analysis = service.analyze(document);
    if (!analysis) continue;
    const statements = extractStatements(analysis.scanned, analysis.mentions, analysis.format);
    const lineOf = (statement: AffinityStatement): number => document.positionAt(statement.valueSpan.start).line + 1;
    const used = new Set<AffinityStatement>();
    const missed: Expected[] = [];
    for (const expected of truth.expected) {
      const match = statements.find((s) => !used.has(s) && lineOf(s) === expected.line && closeTo(s.valueNm ?? NaN, expected.valueNm));
      if (!match) {
        missed.push(expected);
        continue;
      }
      used.add(match);
      if (expected.compound !== undefined || expected.target !== undefined) {
        totals.entityScored++;
        if (match.compound?.id === expected.compound) totals.compoundRight++;
        else console.log(`  compound ${file}:${expected.line} ${expected.label}: expected ${expected.compound}, read ${match.compound?.id ?? '-'} (${match.compound?.via ?? '-'})`);
        if (match.target?.id === expected.target) totals.targetRight++;
        else console.log(`  target   ${file}:${expected.line} ${expected.label}: expected ${expected.target}, read ${match.target?.id ?? '-'} (${match.target?.via ?? '-'})`);
      }
    }
    const extra = statements.filter((s) => !used.has(s));
    const distractorHits = extra.filter((s) => truth.distractors.some((d) => d.line === lineOf(s)));
    totals.expected += truth.expected.length;
    totals.found += truth.expected.length - missed.length;
    totals.extracted += statements.length;
    totals.matching += used.size;
    totals.excluded += truth.excluded;
    totals.distractorHits += distractorHits.length;
    console.log(`${file}: truth ${truth.expected.length}${truth.excluded ? ` (+${truth.excluded} not Ki/Kd/IC50/EC50, left out)` : ''}, extracted ${statements.length}, missed ${missed.length}, extra ${extra.length}`);
    for (const m of missed) console.log(`  missed   ${m.line}: ${m.label} (${m.valueNm} nM)`);
    for (const s of extra) console.log(`  extra    ${lineOf(s)}: ${JSON.stringify(s.text)} ${s.measure} ${s.valueNm} nM ${s.compound?.id ?? '-'}@${s.target?.id ?? '-'}${distractorHits.includes(s) ? ' [distractor line]' : ''}`);
  }
}

const percent = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
console.log(`\nrecall ${totals.found}/${totals.expected} = ${percent(totals.found, totals.expected)}; precision ${totals.matching}/${totals.extracted} = ${percent(totals.matching, totals.extracted)}`);
console.log(`entities on found statements: compound ${percent(totals.compoundRight, totals.entityScored)}, target ${percent(totals.targetRight, totals.entityScored)} (of ${totals.entityScored})`);
console.log(`statements on distractor lines: ${totals.distractorHits}; truth statements left out (dG, kcal/mol): ${totals.excluded}`);
