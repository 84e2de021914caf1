import { foldOutside, isConsistent } from '../check/distance';
import { interchangeableMeasure, recordsForPair } from '../check/references';
import type { Verdict } from '../check/types';
import type { AffinityStatement } from '../extract/types';
import { shortCitation } from '../kb/format';
import type { IndexedKnowledgeBase } from '../kb/indexed';
import type { Reference } from '../kb/types';
import { sentenceAround } from '../scan/sentence';
import type { Citation, ScannedDocument, Span } from '../scan/types';
import type { CitationAnalysis, CitationProblem } from './document';
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

function citedReferences(kb: IndexedKnowledgeBase, analysis: CitationAnalysis, citations: readonly Citation[]): { key: string; reference: Reference }[] {
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

/**
 * `citation.missing`: a checked affinity with no citation in its sentence or table caption.
 * `citation.source-mismatch`: the cited source, known to the knowledge base, records another value for this pair
 * and measure (or none at all, when the base holds the source itself and not just its PubMed ID), while the value
 * itself is supported by another source.
 */
export function statementCitationProblems(
  kb: IndexedKnowledgeBase,
  scanned: ScannedDocument,
  analysis: CitationAnalysis,
  checked: readonly { statement: AffinityStatement; verdict: Verdict }[],
): CitationProblem[] {
  const problems: CitationProblem[] = [];
  const byStart = <T extends Span>(items: readonly T[]): T[] => [...items].sort((a, b) => a.start - b.start);
  const statementSpans = byStart(checked.map(({ statement }) => ({ ...statement.span, statement })));
  const citationsByStart = byStart(scanned.citations);
  for (const { statement, verdict } of checked) {
    if (!statement.compound || !statement.target || verdict.kind === 'unchecked') continue;
    // The sentence, or the table with its caption.
    const sentence = sentenceAround(scanned, statement.span);
    const inSentence = within(citationsByStart, sentence);
    if (inSentence.length === 0) {
      problems.push({ code: 'citation.missing', span: statement.span, message: `${statement.text}: no citation in this sentence or table caption.`, fixes: [] });
      continue;
    }
    if (verdict.kind !== 'consistent' || statement.valueNm === undefined) continue;
    const others = within(statementSpans, sentence).map((entry) => entry.statement).filter((other) => other !== statement);
    const citations = statement.context === 'table' ? inSentence : citationsOfValue(inSentence, statement, others);
    const { valueNm } = statement;
    const pair = recordsForPair(kb, statement.compound.id, statement.target.id);
    for (const { key, reference } of citedReferences(kb, analysis, citations)) {
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
}
