import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Checked, Evidence, Verdict } from '../check/types';
import type { AffinityTableRow, ReferenceRange } from '../../protocol';
import type { AffinityStatement } from '../extract/types';
import type { IndexedKnowledgeBase } from '../kb/indexed';
import { formatConcentration, shortTargetName, sourceLabel } from '../kb/format';
import type { AffinityRecord } from '../kb/types';
import { renderedText } from '../extract/rendered';

function compoundName(kb: IndexedKnowledgeBase, statement: AffinityStatement): string | undefined {
  if (!statement.compound) return undefined;
  return kb.compound(statement.compound.id)?.name ?? statement.compound.id;
}

function targetName(kb: IndexedKnowledgeBase, statement: AffinityStatement): string | undefined {
  if (!statement.target) return undefined;
  const target = kb.target(statement.target.id);
  return target ? shortTargetName(target) : statement.target.id;
}

function evidenceOf(verdict: Verdict): Evidence | undefined {
  if (verdict.kind === 'finding') return verdict.finding.evidence;
  return verdict.kind === 'unchecked' ? undefined : verdict.evidence;
}

function sourceOf(kb: IndexedKnowledgeBase, record: AffinityRecord): string {
  return sourceLabel(record, kb.reference(record.referenceId));
}

function referenceRange(evidence: Evidence): ReferenceRange {
  return { lowNm: evidence.lowNm, highNm: evidence.highNm, text: formatConcentration(evidence.lowNm, evidence.highNm) };
}

/** The rows of the affinity table: every statement read, in document order. */
export function affinityTableRows(
  kb: IndexedKnowledgeBase,
  document: TextDocument,
  checked: readonly Checked[],
): AffinityTableRow[] {
  return checked.map(({ statement, verdict }) => {
    const evidence = evidenceOf(verdict);
    const records = evidence?.records.filter((record) => !record.outlier) ?? [];
    return {
      line: document.positionAt(statement.span.start).line + 1,
      text: renderedText(statement.text),
      compound: compoundName(kb, statement),
      target: targetName(kb, statement),
      measure: statement.measure,
      valueNm: statement.valueNm,
      valueHighNm: statement.valueHighNm,
      verdict: verdict.kind,
      code: verdict.kind === 'finding' ? verdict.finding.code : undefined,
      referenceRange: evidence ? referenceRange(evidence) : undefined,
      sources: [...new Set(records.map((record) => sourceOf(kb, record)))],
    };
  });
}

