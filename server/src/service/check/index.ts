import type { IndexedKnowledgeBase } from '../kb/indexed';
import { memoizedPer } from '../memo';
import type { AffinityStatement } from '../extract/types';
import { firstStartingAt, type Mention } from '../recognize/recognize';
import { sentenceAround, tableAround } from '../scan/sentence';
import type { DocumentFormat, ScannedDocument, Span } from '../scan/types';
import type { RuleContext } from './context';
import { foldOutside, isConsistent, MISQUOTE_FACTOR, SAME_DIGITS_FACTOR, SINGLE_SOURCE_MISQUOTE_FACTOR } from './distance';
import { independentSources, recordsForPair, speciesNamedIn, statementEvidence } from './references';
import { condition } from './rules/condition';
import { decimalSlip } from './rules/decimal-slip';
import { measureMismatch } from './rules/measure-mismatch';
import { mismatch } from './rules/mismatch';
import { sameDigitsSlip } from './same-digits-slip';
import { targetSwap } from './rules/target-swap';
import { unitSlip } from './rules/unit-slip';
import type { Checked, Evidence, Finding, Verdict } from './types';

/** Explanations of a misquote; the closest explanation wins, ties in this order. `mismatch` takes what none explains. */
const EXPLANATIONS = [unitSlip.run, decimalSlip.run, measureMismatch.run, targetSwap.run];

export interface CheckInput {
  kb: IndexedKnowledgeBase;
  format: DocumentFormat;
  scanned: ScannedDocument;
  mentions: readonly Mention[];
  statements: readonly AffinityStatement[];
}

/** The sentence (or table row with the table's caption) the statement stands in, as text, and where it is. */
function sentenceAt(scanned: ScannedDocument, span: Span): { key: string; text: () => string } {
  const table = tableAround(scanned, span);
  if (table) {
    const row = table.rows.find((cells) => cells.some((cell) => cell.start <= span.start && span.end <= cell.end)) ?? [];
    return { key: `row ${row[0]?.start ?? table.start}`, text: () => [table.caption?.text ?? '', ...row.map((cell) => cell.text)].join(' ') };
  }
  const sentence = sentenceAround(scanned, span);
  return { key: `${sentence.start}-${sentence.end}`, text: () => scanned.masked.slice(sentence.start, sentence.end) };
}

/** The species a statement's sentence names, worked out once per sentence: dense text has many values to a sentence. */
const speciesBySentence = memoizedPer((_scanned: ScannedDocument) => new Map<string, string | undefined>());

function speciesNamedAround(scanned: ScannedDocument, span: Span): string | undefined {
  const cache = speciesBySentence(scanned);
  const sentence = sentenceAt(scanned, span);
  if (!cache.has(sentence.key)) cache.set(sentence.key, speciesNamedIn(sentence.text()));
  return cache.get(sentence.key);
}

/**
 * Where a target the statement could be confused with is named: its sentence; in a table, its row, its column, the
 * header row (naming the targets of the row's other cells) and the caption. (A whole paragraph names too many targets:
 * one of them matches some value by chance.)
 */
function confusableSpans(scanned: ScannedDocument, span: Span): Span[] {
  const table = tableAround(scanned, span);
  if (!table) return [sentenceAround(scanned, span)];
  const rowIndex = table.rows.findIndex((cells) => cells.some((cell) => cell.start <= span.start && span.end <= cell.end));
  if (rowIndex < 0) return table.caption ? [table.caption] : [];
  const row = table.rows[rowIndex]!;
  const column = row.findIndex((cell) => cell.start <= span.start && span.end <= cell.end);
  const columnCells = table.rows.flatMap((cells) => (cells[column] ? [cells[column]!] : []));
  const header = table.hasHeader ? (table.rows[0] ?? []) : [];
  return [...row, ...columnCells, ...header, ...(table.caption ? [table.caption] : [])];
}

/** This compound's evidence at the other targets named in the statement's sentence, or its table row or column. */
function nearbyTargetsOf(input: CheckInput, statement: AffinityStatement, compoundId: string, targetId: string, species: string | undefined): RuleContext['nearbyTargets'] {
  const nearbyIds = new Set<string>();
  for (const area of confusableSpans(input.scanned, statement.span)) {
    for (let index = firstStartingAt(input.mentions, area.start); index < input.mentions.length && input.mentions[index].start < area.end; index++) {
      const mention = input.mentions[index];
      if (mention.kind === 'target' && mention.id !== targetId && mention.end <= area.end) nearbyIds.add(mention.id);
    }
  }
  return [...nearbyIds].flatMap((id) => {
    const evidence = statementEvidence(recordsForPair(input.kb, compoundId, id), statement.measure, species);
    return evidence ? [{ targetId: id, evidence }] : [];
  });
}

/** The rules' view of a statement; the nearby targets and the sentence are worked out only when a rule asks. */
function contextFor(input: CheckInput, statement: AffinityStatement): RuleContext | undefined {
  const { compound, target, valueNm } = statement;
  if (!compound || !target || valueNm === undefined) return undefined;
  const pairRecords = recordsForPair(input.kb, compound.id, target.id);
  let nearbyTargets: RuleContext['nearbyTargets'] | undefined;
  let sentence: string | undefined;
  // Other species' records count only where the text names that species: worked out only when the pair has some.
  const named = pairRecords.some((record) => !/^(human|homo sapiens)$/i.test(record.species)) ? speciesNamedAround(input.scanned, statement.span) : undefined;
  const species = named && named !== 'human' && pairRecords.some((record) => record.species.toLowerCase() === named) ? named : undefined;
  return {
    kb: input.kb,
    format: input.format,
    statement: { ...statement, compound, target, valueNm },
    evidence: statementEvidence(pairRecords, statement.measure, species),
    species,
    pairRecords,
    get nearbyTargets() {
      return (nearbyTargets ??= nearbyTargetsOf(input, statement, compound.id, target.id, species));
    },
    get sentence() {
      return (sentence ??= sentenceAt(input.scanned, statement.span).text());
    },
  };
}

/** `11.000` in a column of `13,000` and `3700`: a point grouping thousands, or three decimals nobody writes. */
function pointMayGroupThousands(text: string, statement: AffinityStatement): boolean {
  return /^[1-9]\d{0,2}\.\d{3}$/.test(text.slice(statement.valueSpan.start, statement.valueSpan.end)) && statement.scale === 'concentration';
}

function uncheckedReason(statement: AffinityStatement): string {
  if (!statement.compound) return 'no compound found for this value';
  if (!statement.target) return 'no target found for this value';
  return 'no unit is stated for this value';
}

/** How far off a value no slip explains must be to be a mismatch: further when one source alone gives the references. */
function mismatchFactor(evidence: Evidence): number {
  return independentSources(evidence) <= 1 ? SINGLE_SOURCE_MISQUOTE_FACTOR : MISQUOTE_FACTOR;
}

/** The verdict on one statement: consistent, within the spread of published values, a finding, or not checkable. */
export function checkStatement(input: CheckInput, statement: AffinityStatement): Verdict {
  const context = contextFor(input, statement);
  if (!context) return { kind: 'unchecked', reason: uncheckedReason(statement) };
  if (context.pairRecords.length === 0) return { kind: 'unchecked', reason: 'no reference value for this compound and target' };
  const { evidence } = context;
  if (!evidence) {
    const finding = measureMismatch.run(context);
    return finding ? { kind: 'finding', finding } : { kind: 'unchecked', reason: `no ${statement.measure} reference for this compound and target` };
  }
  const fold = foldOutside(context.statement.valueNm, statement.valueHighNm, evidence.lowNm, evidence.highNm, statement.relation);
  if (!isConsistent(fold) && pointMayGroupThousands(input.scanned.text, statement)) {
    const thousandfold = foldOutside(context.statement.valueNm * 1000, statement.valueHighNm === undefined ? undefined : statement.valueHighNm * 1000, evidence.lowNm, evidence.highNm, statement.relation);
    if (thousandfold < MISQUOTE_FACTOR) return { kind: 'unchecked', reason: `${input.scanned.text.slice(statement.valueSpan.start, statement.valueSpan.end)} may use the point to group thousands, as some tables do; read so, it matches the references` };
  }
  if (isConsistent(fold)) {
    // Outside every reference, with the very digits of one of them moved (345 nM for 3.45 nM while another paper gives
    // 141 nM): a slip, however wide the spread of the others.
    const slip = fold > 1 ? sameDigitsSlip(context) : undefined;
    if (slip) return { kind: 'finding', finding: slip };
    const finding = condition.run(context);
    return finding ? { kind: 'finding', finding } : { kind: 'consistent', evidence, factor: fold };
  }
  // A decimal slip moves the same digits 10×: 0.44 for 4.4 lies 9.9× off a 4.37–4.4 range, so slips are looked for
  // from 10/1.05× on; other explanations need 10×. Nearer, only one reference's very digits make a slip.
  if (fold < (MISQUOTE_FACTOR / SAME_DIGITS_FACTOR) * (1 - 1e-9)) {
    const slip = sameDigitsSlip(context);
    return slip ? { kind: 'finding', finding: slip } : { kind: 'within-spread', evidence, factor: fold };
  }
  const beyondSpread = fold >= MISQUOTE_FACTOR * (1 - 1e-9);
  let best: Finding | undefined;
  for (const rule of EXPLANATIONS) {
    const finding = rule(context);
    if (!finding || (!beyondSpread && finding.code !== 'affinity.decimal-slip')) continue;
    if (!best || finding.residual < best.residual) best = finding;
  }
  if (best) return { kind: 'finding', finding: best };
  if (!beyondSpread) return { kind: 'within-spread', evidence, factor: fold };
  if (fold <= mismatchFactor(evidence)) return { kind: 'within-spread', evidence, factor: fold };
  // An IC50 (or EC50) sits above the Ki by the assay's substrate and conditions: one far from the few IC50 records but
  // within the usual spread of the pair's Ki/Kd is not a misquote (36 nM for amitriptyline's uptake IC50 at SERT).
  const bindingEvidence = statement.measure === 'IC50' || statement.measure === 'EC50' ? statementEvidence(context.pairRecords, 'Ki', context.species) : undefined;
  if (bindingEvidence && foldOutside(context.statement.valueNm, statement.valueHighNm, bindingEvidence.lowNm, bindingEvidence.highNm, statement.relation) < MISQUOTE_FACTOR) return { kind: 'within-spread', evidence, factor: fold };
  return { kind: 'finding', finding: mismatch.run(context) as Finding };
}

export function checkStatements(input: CheckInput): Checked[] {
  return input.statements.map((statement) => ({ statement, verdict: checkStatement(input, statement) }));
}
