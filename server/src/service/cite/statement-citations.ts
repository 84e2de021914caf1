import type { Verdict } from '../check/types';
import type { AffinityStatement } from '../extract/types';
import type { IndexedKnowledgeBase } from '../kb/indexed';
import type { Reference } from '../kb/types';
import { sentenceAround } from '../scan/sentence';
import type { Citation, Span } from '../scan/types';
import type { CitationAnalysis } from './document';
import type { CitationRuleContext } from './rules/types';
import { referenceOfEntry } from './resolve';
import { itemsWithin } from '../spans';

/** The items of a list sorted by start that lie inside `span` (binary search: a manuscript has thousands). */
const within = itemsWithin;

/**
 * The citations that belong to this value when a sentence quotes several, each with its own source ("0.72 µM [@a], and
 * 4.78 µM [@b]"): those after it and before the next value; else those before it and after the previous value.
 */
function citationsOfValue(inSentence: readonly Citation[], statement: AffinityStatement, others: readonly AffinityStatement[]): Citation[] {
  const next = Math.min(...others.filter((other) => other.span.start >= statement.span.end).map((other) => other.span.start), Infinity);
  const previous = Math.max(...others.filter((other) => other.span.end <= statement.span.start).map((other) => other.span.end), -Infinity);
  const after = inSentence.filter((citation) => citation.start >= statement.span.end && citation.start < next);
  return after.length > 0 ? after : inSentence.filter((citation) => citation.end <= statement.span.start && citation.start > previous);
}

function citedReferences(kb: IndexedKnowledgeBase, analysis: Pick<CitationAnalysis, 'bibliographies'>, citations: readonly Citation[]): { key: string; reference: Reference }[] {
  return citations.flatMap((citation) =>
    citation.keys.flatMap(({ key }) => {
      for (const bibliography of analysis.bibliographies) {
        const entry = bibliography.parsed.byKey.get(key);
        const reference = entry ? referenceOfEntry(entry, kb.kb.references) : undefined;
        if (reference) return [{ key, reference }];
      }
      return [];
    }),
  );
}

/** The checked statements a citation rule looks at, each with the citations of its sentence (or table and caption). */
export function checkedWithCitations(context: CitationRuleContext): { statement: AffinityStatement; verdict: Verdict; inSentence: Citation[]; sentence: Span }[] {
  const citationsByStart = [...context.scanned.citations].sort((a, b) => a.start - b.start);
  return context.checked.flatMap(({ statement, verdict }) => {
    if (!statement.compound || !statement.target || verdict.kind === 'unchecked') return [];
    const sentence = sentenceAround(context.scanned, statement.span);
    return [{ statement, verdict, inSentence: within(citationsByStart, sentence), sentence }];
  });
}

/** The citations a value carries: all of a table's, or in a sentence quoting several values, its own. */
export function citationsOfStatement(context: CitationRuleContext, statement: AffinityStatement, inSentence: Citation[], sentence: Span): Citation[] {
  if (statement.context === 'table') return inSentence;
  const statementSpans = [...context.checked.map(({ statement: other }) => ({ ...other.span, statement: other }))].sort((a, b) => a.start - b.start);
  const others = within(statementSpans, sentence).map((entry) => entry.statement).filter((other) => other !== statement);
  return citationsOfValue(inSentence, statement, others);
}

export { citedReferences };
