import { evidenceLabel, recordsForPair } from '../check/references';
import type { Verdict } from '../check/types';
import type { AffinityStatement } from '../extract/types';
import type { IndexedKnowledgeBase } from '../kb/indexed';
import type { AffinityRecord } from '../kb/types';
import { escapeMarkdown } from './markdown';
import { formatConcentration, formatPValue, shortTargetName } from '../kb/format';
import { affinityTable, targetName } from './affinity-rows';
import { readingDescription } from '../extract/reading';
import { renderedText } from '../extract/rendered';

function entityName(kb: IndexedKnowledgeBase, statement: AffinityStatement): string {
  const compound = statement.compound ? kb.compound(statement.compound.id)?.name ?? statement.compound.id : 'no compound found';
  const targetEntry = statement.target ? kb.target(statement.target.id) : undefined;
  const target = statement.target ? (targetEntry ? shortTargetName(targetEntry) : statement.target.id) : 'no target found';
  return `${compound} at ${target}`;
}

function verdictLine(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'consistent':
      return `✓ Consistent with the references${verdict.factor > 1.01 ? ` (${verdict.factor.toFixed(1)}× outside their range, within the 3× tolerance)` : ' (within their range)'}.`;
    case 'within-spread':
      return `≈ ${verdict.factor.toFixed(1)}× outside the reference range: within the usual spread between assays (up to 10×, or 30× when a single source gives the references), not flagged.`;
    case 'finding':
      return `✗ **${verdict.finding.code}** — ${escapeMarkdown(verdict.finding.message)}`;
    case 'unchecked':
      return `Not checked: ${escapeMarkdown(verdict.reason)}.`;
  }
}

function normalizedValue(statement: AffinityStatement): string {
  const relation = statement.relation === '=' ? '' : `${statement.relation} `;
  const { valueNm, valueHighNm } = statement;
  if (valueNm === undefined) return `${relation}${statement.value}${statement.valueHigh !== undefined ? `–${statement.valueHigh}` : ''}, unit not stated`;
  return `${relation}${formatConcentration(valueNm, valueHighNm)} · p${statement.measure} ${relation}${formatPValue(valueHighNm ?? valueNm)}${valueHighNm !== undefined ? `–${formatPValue(valueNm)}` : ''}`;
}

/** Hovering a quoted value: what was read, normalized, against what the references say. */
export function statementHover(kb: IndexedKnowledgeBase, statement: AffinityStatement, verdict: Verdict): string {
  const lines = [
    `**${escapeMarkdown(statement.measure)} ${escapeMarkdown(renderedText(statement.text))}** — ${escapeMarkdown(entityName(kb, statement))}`,
    `Read as ${escapeMarkdown(normalizedValue(statement))} in ${escapeMarkdown(statement.context)} (${escapeMarkdown(readingDescription(statement))})`,
    verdictLine(verdict),
  ];
  const evidence = verdict.kind === 'finding' ? verdict.finding.evidence : verdict.kind === 'unchecked' ? undefined : verdict.evidence;
  const targetCell = { title: 'Target', cell: (record: AffinityRecord) => escapeMarkdown(targetName(kb, record.target) ?? '—') };
  if (evidence) {
    lines.push(`**References** (${escapeMarkdown(evidenceLabel(evidence))})\n\n${affinityTable(kb, evidence.records, targetCell)}`);
  } else if (statement.compound && statement.target) {
    // Not checkable against this measure; what the knowledge base does hold for the pair may still help the writer.
    const others = recordsForPair(kb, statement.compound.id, statement.target.id);
    if (others.length > 0) lines.push(`**Other measures recorded for this pair**\n\n${affinityTable(kb, others, targetCell)}`);
  }
  return lines.join('\n\n');
}
