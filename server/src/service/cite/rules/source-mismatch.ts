import { foldOutside, isConsistent } from '../../check/distance';
import { interchangeableMeasure, recordsForPair } from '../../check/references';
import { shortCitation } from '../../kb/format';
import type { Reference } from '../../kb/types';
import type { CitationProblem } from '../document';
import { checkedWithCitations, citationsOfStatement, citedReferences } from '../statement-citations';
import type { CitationRule } from './types';

/**
 * The cited source, known to the knowledge base, records another value for this pair and measure (or none at all,
 * when the base holds the source itself and not just its PubMed ID), while the value itself is supported by another.
 */
export const sourceMismatch: CitationRule = {
  code: 'citation.source-mismatch',
  defaultSeverity: 'warning',
  title: "The value's citation records another value for this pair.",
  help: "The value's citation (matched to the knowledge base by DOI, PMID or title) records another value, or none, for this compound and target, while another source supports the value.",
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
        if (supports) continue;
        // A paper known only by its PubMed ID comes from a database that curated some of its values, not all: that it
        // records none for this pair says nothing.
        if (fromSource.length === 0 && !reference.title && !reference.authors) continue;
        const others = verdict.evidence.records.filter((record) => record.referenceId !== reference.id && !record.duplicateOf);
        const otherReference = others.map((record) => kb.reference(record.referenceId)).find((candidate): candidate is Reference => Boolean(candidate));
        const recorded = fromSource.length > 0 ? `records ${fromSource.map((record) => record.asWritten).join(', ')}` : 'has no such value';
        problems.push({
          code: 'citation.source-mismatch',
          span: statement.span,
          message: `${statement.text} cites "${key}" (${shortCitation(reference)}), which ${recorded} for this ${statement.measure}${otherReference ? `; the value is supported by ${shortCitation(otherReference)}` : ''}.`,
          fixes: [],
        });
      }
    }
    return problems;
  },
};
