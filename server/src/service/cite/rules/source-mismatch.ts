import { foldOutside, isConsistent } from '../../check/distance';
import { interchangeableMeasure, recordsForPair } from '../../check/references';
import { shortCitation } from '../../kb/format';
import type { Reference } from '../../kb/types';
import type { CitationProblem } from '../document';
import { checkedWithCitations, citationsOfStatement, citedReferences } from '../statement-citations';
import type { CitationRule } from './types';
import { renderedText } from '../../extract/rendered';

/**
 * The cited source records another value for this pair and measure in the knowledge base, while the value itself is
 * supported by another source. A pair the base holds nothing for from that source is not judged.
 */
export const sourceMismatch: CitationRule = {
  code: 'citation.source-mismatch',
  defaultSeverity: 'warning',
  title: "The value's citation records another value for this pair.",
  help: "The value's citation (matched to the knowledge base by DOI, PMID or title) records another value for this compound, target and measure, while another source supports the value. A pair the knowledge base holds nothing for from that source is not judged.",
  run(context) {
    const { kb } = context;
    const problems: CitationProblem[] = [];
    for (const { statement, verdict, sentenceCites, sentence } of checkedWithCitations(context)) {
      if (!sentenceCites || verdict.kind !== 'consistent' || statement.valueNm === undefined) continue;
      const { valueNm } = statement;
      const pair = recordsForPair(kb, statement.compound!.id, statement.target!.id);
      for (const { key, reference } of citedReferences(kb, context.citations, citationsOfStatement(context, statement, sentence))) {
        const sameMeasure = (measure: string) => measure === statement.measure || measure === interchangeableMeasure(statement.measure);
        const fromSource = pair.filter((record) => record.referenceId === reference.id && sameMeasure(record.measure));
        const supports = fromSource.some((record) => isConsistent(foldOutside(valueNm, statement.valueHighNm, record.valueNm, record.valueHighNm ?? record.valueNm, statement.relation)));
        // A source is known only for the pairs the knowledge base holds from it (a database curates some of a paper's
        // values; an extra knowledge-base file may hold one): that it records nothing for this pair says nothing.
        if (supports || fromSource.length === 0) continue;
        const others = verdict.evidence.records.filter((record) => record.referenceId !== reference.id && !record.duplicateOf);
        const otherReference = others.map((record) => kb.reference(record.referenceId)).find((candidate): candidate is Reference => Boolean(candidate));
        const recorded = `records ${fromSource.map((record) => record.asWritten).join(', ')}`;
        problems.push({
          code: 'citation.source-mismatch',
          span: statement.span,
          message: `${renderedText(statement.text)} cites "${key}" (${shortCitation(reference)}), which ${recorded} for this ${statement.measure}${otherReference ? `; the value is supported by ${shortCitation(otherReference)}` : ''}.`,
          fixes: [],
        });
      }
    }
    return problems;
  },
};
