import type { IndexedKnowledgeBase } from '../kb/indexed';
import type { AffinityRecord } from '../kb/types';
import { byGrade, sourceLabel, sourceWithGrade } from '../kb/format';
import type { AffinityStatement } from '../extract/types';
import type { DocumentFormat } from '../scan/types';
import type { Fix } from './types';
import { replacementFor } from './replacement';

/**
 * One "replace with the reference value" fix per distinct rewrite and source, primary sources first: the record's
 * value under its own measure and in a unit that reads naturally, each in the writer's notation (`replacementFor`).
 */
export function replaceWithReferenceFixes(kb: IndexedKnowledgeBase, statement: AffinityStatement, records: readonly AffinityRecord[], format: DocumentFormat): Fix[] {
  const seen = new Set<string>();
  const fixes: Fix[] = [];
  for (const record of [...records].sort((a, b) => byGrade(a, b) || a.valueNm - b.valueNm)) {
    if (record.duplicateOf) continue;
    const replacement = replacementFor(statement, record, format);
    if (!replacement) continue;
    const reference = kb.reference(record.referenceId);
    const source = sourceLabel(record, reference);
    const key = `${replacement.shown}\u0000${source}`;
    // The same number under another measure is the measure fix the rule offers already.
    const sameNumber = !replacement.unitChanged && replacement.edits.some(({ span, newText }) => span.start === statement.valueSpan.start && newText === statement.text.slice(span.start - statement.span.start, span.end - statement.span.start));
    if (seen.has(key) || replacement.unchanged || sameNumber) continue;
    seen.add(key);
    fixes.push({ title: `Replace with ${replacement.shown} (${sourceWithGrade(record, reference)})`, edits: replacement.edits, preferred: fixes.length === 0 });
  }
  return fixes;
}
