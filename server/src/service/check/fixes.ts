import type { IndexedKnowledgeBase } from '../kb/indexed';
import type { AffinityRecord } from '../kb/types';
import { byGrade, shortCitation } from '../kb/format';
import type { AffinityStatement } from '../extract/types';
import type { DocumentFormat } from '../scan/types';
import { valueInStatementUnits } from './context';
import type { Fix } from './types';
import { renderedText } from '../extract/rendered';


/** One "replace with the reference value" fix per distinct value and source, primary sources first. */
export function replaceWithReferenceFixes(kb: IndexedKnowledgeBase, statement: AffinityStatement, records: readonly AffinityRecord[], format: DocumentFormat): Fix[] {
  const seen = new Set<string>();
  const fixes: Fix[] = [];
  for (const record of [...records].sort((a, b) => byGrade(a, b) || a.valueNm - b.valueNm)) {
    if (record.duplicateOf) continue;
    const newText = valueInStatementUnits(statement, record.valueNm, record.valueHighNm, format);
    const reference = kb.reference(record.referenceId);
    const source = reference ? shortCitation(reference) : record.origin;
    const key = `${newText}\u0000${source}`;
    if (seen.has(key) || newText === statement.text.slice(statement.valueSpan.start - statement.span.start, statement.valueSpan.end - statement.span.start)) continue;
    seen.add(key);
    fixes.push({ title: `Replace with ${renderedText(newText)} (${source}, ${record.grade})`, edits: [{ span: statement.valueSpan, newText }], preferred: fixes.length === 0 });
  }
  return fixes;
}
