/**
 * The held-out set (test/fixtures/heldout): manuscripts written by someone who did not see the extractor or the
 * checker, from the open data, with truth files listing every affinity value and the misquotes planted on purpose.
 * Usage: npx tsx scripts/eval-heldout.ts [DIR]   A measurement, not a test: nothing here was tuned on these files.
 * A truth statement is found when a statement on its line was written with the same text (or the same number);
 * compound and target are scored on found statements; alarms are affinity.* diagnostics.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createLanguageService } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';
import { readManuscript } from '../server/src/node/manuscript-files';

interface TruthStatement {
  line: number;
  text: string;
  compound: string;
  target: string;
  measure: string;
  correct: boolean;
  planted: string;
}

const folder = path.resolve(process.argv[2] ?? 'test/fixtures/heldout');
const service = createLanguageService(loadKnowledgeBaseFiles());
const kb = service.knowledgeBase;

const numberOf = (text: string): number | undefined => {
  const match = /\d[\d,]*(?:\.\d+)?|\.\d+/.exec(text.replace(/(\d),(\d{3})/g, '$1$2'));
  return match ? Number(match[0].replace(/,/g, '')) : undefined;
};
const normalized = (text: string) => text.replace(/\s+/g, ' ').replace(/[~\\]/g, '').trim().toLowerCase();

/** Group words a writer may use for a curated group target. */
function targetMatches(targetId: string | undefined, truth: string): boolean {
  if (!targetId) return false;
  const target = kb.target(targetId);
  const words = truth.toLowerCase();
  if (target?.genes.human?.toLowerCase() === words || targetId.toLowerCase() === words) return true;
  if (targetId.startsWith('group:') || targetId.startsWith('complex:')) {
    const name = `${targetId} ${target?.name ?? ''} ${(target?.synonyms ?? []).join(' ')}`.toLowerCase();
    return words.split(/[\s-]+/).some((word) => word.length > 3 && name.includes(word.replace(/s$/, '')));
  }
  return false;
}

let truthCount = 0;
let found = 0;
let extracted = 0;
let extra = 0;
let compoundRight = 0;
let targetRight = 0;
let plantedCount = 0;
let plantedCaught = 0;
let plantedRightCode = 0;
let falseAlarms = 0;
const lines: string[] = [];

for (const name of readdirSync(folder).filter((file) => /\.(md|qmd|tex)$/.test(file)).sort()) {
  const truth = JSON.parse(readFileSync(path.join(folder, `${name}.truth.json`), 'utf8')) as { statements: TruthStatement[] };
  const { document } = readManuscript(path.join(folder, name));
  const analysis = service.analyze(document);
  if (!analysis) continue;
  const alarms = service.diagnostics(document, analysis).filter((diagnostic) => String(diagnostic.code).startsWith('affinity.'));
  const read = analysis.checked.map(({ statement, verdict }) => ({ statement, verdict, line: document.positionAt(statement.span.start).line + 1, used: false }));
  extracted += read.length;
  for (const expected of truth.statements) {
    truthCount++;
    const candidates = read.filter((entry) => entry.line === expected.line && !entry.used);
    const match =
      candidates.find((entry) => normalized(entry.statement.text).includes(normalized(expected.text)) || normalized(expected.text).includes(normalized(entry.statement.text))) ??
      candidates.find((entry) => numberOf(entry.statement.text) === numberOf(expected.text));
    const alarm = alarms.find((diagnostic) => diagnostic.range.start.line + 1 === expected.line && match && document.offsetAt(diagnostic.range.start) <= match.statement.span.end && document.offsetAt(diagnostic.range.end) >= match.statement.span.start);
    if (expected.planted !== 'none') plantedCount++;
    if (!match) {
      lines.push(`missed    ${name}:${expected.line} "${expected.text}" (${expected.compound} at ${expected.target}, ${expected.measure}${expected.planted !== 'none' ? `, planted ${expected.planted}` : ''})`);
      continue;
    }
    match.used = true;
    found++;
    const compoundName = match.statement.compound ? kb.compound(match.statement.compound.id)?.name ?? match.statement.compound.id : '-';
    const compoundOk = compoundName.toLowerCase() === expected.compound.toLowerCase();
    const targetOk = targetMatches(match.statement.target?.id, expected.target);
    if (compoundOk) compoundRight++;
    if (targetOk) targetRight++;
    if (!compoundOk || !targetOk) lines.push(`wrong     ${name}:${expected.line} "${expected.text}": read ${compoundName} at ${match.statement.target?.id ?? '-'}, truth ${expected.compound} at ${expected.target}`);
    if (expected.planted !== 'none') {
      if (alarm) plantedCaught++;
      if (alarm && String(alarm.code) === `affinity.${expected.planted}`) plantedRightCode++;
      lines.push(`planted   ${name}:${expected.line} ${expected.planted}: ${alarm ? `${alarm.code}` : `not flagged (${match.verdict.kind})`}`);
    } else if (alarm) {
      falseAlarms++;
      lines.push(`ALARM     ${name}:${expected.line} "${expected.text}" ${alarm.code}: ${alarm.message}`);
    }
  }
  for (const entry of read.filter((candidate) => !candidate.used)) {
    extra++;
    const onAlarm = alarms.some((diagnostic) => diagnostic.range.start.line + 1 === entry.line && document.offsetAt(diagnostic.range.start) <= entry.statement.span.end && document.offsetAt(diagnostic.range.end) >= entry.statement.span.start);
    if (onAlarm) falseAlarms++;
    lines.push(`extra     ${name}:${entry.line} "${entry.statement.text}" ${entry.statement.compound?.id ?? '-'} at ${entry.statement.target?.id ?? '-'}${onAlarm ? ' (with an alarm)' : ''}`);
  }
}

const pct = (a: number, b: number) => `${a}/${b} = ${b === 0 ? '—' : ((100 * a) / b).toFixed(1)}%`;
console.log(lines.join('\n'));
console.log('');
console.log(`extraction recall ${pct(found, truthCount)}, precision ${pct(extracted - extra, extracted)}`);
console.log(`compound right ${pct(compoundRight, found)}, target right ${pct(targetRight, found)}`);
console.log(`planted misquotes flagged ${pct(plantedCaught, plantedCount)}, with the planted code ${pct(plantedRightCode, plantedCount)}`);
console.log(`affinity alarms on correct or unlisted values: ${falseAlarms}`);
