/**
 * Extraction and checking measured on the fixture corpus (test/fixtures/affinity): used by test/affinity-eval.test.ts,
 * and printable: `npx tsx scripts/affinity-eval.ts` prints the figures and every disagreement.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type LanguageService } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';

export interface TruthStatement {
  line: number;
  text: string;
  compound: string;
  target: string;
  measure: string;
  valueNm: number;
  valueHighNm?: number;
  expect: string;
}

interface Truth {
  file: string;
  statements: TruthStatement[];
  distractors?: { line: number; text: string }[];
}

export interface Evaluation {
  truthStatements: number;
  extracted: number;
  /** Truth statements found at their line with the same value (within 1%), compound and target. */
  matched: number;
  /** Extracted statements with no truth statement at their line and value. */
  spurious: string[];
  missed: string[];
  /** Per code: planted, caught with that code, and the diagnostics with that code on statements that expect none. */
  perCode: Map<string, { planted: number; caught: number; falseAlarms: number }>;
  disagreements: string[];
}

const LANGUAGE: Record<string, string> = { '.md': 'markdown', '.qmd': 'quarto', '.tex': 'latex' };

function closeTo(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.01 * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;
}

export function evaluate(folders: string[], service: LanguageService = createLanguageService(loadKnowledgeBaseFiles())): Evaluation {
  const result: Evaluation = { truthStatements: 0, extracted: 0, matched: 0, spurious: [], missed: [], perCode: new Map(), disagreements: [] };
  const codeEntry = (code: string) => {
    let entry = result.perCode.get(code);
    if (!entry) result.perCode.set(code, (entry = { planted: 0, caught: 0, falseAlarms: 0 }));
    return entry;
  };
  for (const folder of folders) {
    for (const truthFile of readdirSync(folder).filter((name) => name.endsWith('.truth.json')).sort()) {
      const truth = JSON.parse(readFileSync(path.join(folder, truthFile), 'utf8')) as Truth;
      const file = path.join(folder, truth.file);
      const text = readFileSync(file, 'utf8');
      const document = TextDocument.create(`file://${path.resolve(file)}`, LANGUAGE[path.extname(file)] ?? 'markdown', 1, text);
      const analysis = service.analyze(document);
      if (!analysis) throw new Error(`${file}: not analyzed`);
      const diagnostics = service.diagnostics(document, analysis);
      const where = (offset: number) => document.positionAt(offset).line + 1;
      const found = analysis.checked.map(({ statement }) => ({ statement, line: where(statement.span.start), used: false }));
      result.truthStatements += truth.statements.length;
      result.extracted += found.length;
      for (const expected of truth.statements) {
        const label = `${truth.file}:${expected.line} ${JSON.stringify(expected.text)} (${expected.compound} at ${expected.target}, ${expected.measure})`;
        const match = found.find((entry) => !entry.used && entry.line === expected.line && closeTo(entry.statement.valueNm ?? NaN, expected.valueNm));
        if (expected.expect !== 'ok') codeEntry(expected.expect).planted++;
        if (!match) {
          result.missed.push(label);
          continue;
        }
        match.used = true;
        const { statement } = match;
        if (statement.compound?.id !== expected.compound || statement.target?.id !== expected.target) {
          result.disagreements.push(`${label}: read as ${statement.compound?.id ?? '—'} at ${statement.target?.id ?? '—'}`);
          continue;
        }
        result.matched++;
        const codes = diagnostics.filter((diagnostic) => where(document.offsetAt(diagnostic.range.start)) === expected.line && document.offsetAt(diagnostic.range.start) === statement.span.start).map((diagnostic) => String(diagnostic.code));
        if (expected.expect === 'ok') {
          for (const code of codes) {
            codeEntry(code).falseAlarms++;
            result.disagreements.push(`${label}: false alarm ${code}`);
          }
        } else if (codes.includes(expected.expect)) {
          codeEntry(expected.expect).caught++;
        } else {
          result.disagreements.push(`${label}: expected ${expected.expect}, got ${codes.join(', ') || 'nothing'}`);
        }
      }
      for (const entry of found.filter((candidate) => !candidate.used)) {
        result.spurious.push(`${truth.file}:${entry.line} ${JSON.stringify(entry.statement.text)}`);
      }
    }
  }
  return result;
}

export function summary(result: Evaluation): string {
  const percent = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
  const matchedOrDisagreeing = result.extracted - result.spurious.length;
  const lines = [
    `extraction recall ${matchedOrDisagreeing}/${result.truthStatements} = ${percent(matchedOrDisagreeing, result.truthStatements)}, precision ${matchedOrDisagreeing}/${result.extracted} = ${percent(matchedOrDisagreeing, result.extracted)}`,
    `association (compound and target right) ${result.matched}/${matchedOrDisagreeing} = ${percent(result.matched, matchedOrDisagreeing)}`,
  ];
  for (const [code, entry] of [...result.perCode].sort()) {
    lines.push(`${code.padEnd(27)} caught ${entry.caught}/${entry.planted} = ${percent(entry.caught, entry.planted)}, false alarms on correct statements ${entry.falseAlarms}`);
  }
  return lines.join('\n');
}

if (require.main === module) {
  const root = path.resolve(__dirname, '../test/fixtures/affinity');
  const result = evaluate([path.join(root, 'correct'), path.join(root, 'planted')]);
  console.log(summary(result));
  for (const line of [...result.missed.map((m) => `missed    ${m}`), ...result.spurious.map((s) => `spurious  ${s}`), ...result.disagreements.map((d) => `disagree  ${d}`)]) console.log(line);
}
