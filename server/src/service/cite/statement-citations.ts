import type { Verdict } from '../check/types';
import type { AffinityStatement } from '../extract/types';
import type { IndexedKnowledgeBase } from '../kb/indexed';
import type { Reference } from '../kb/types';
import { sentenceAround } from '../scan/sentence';
import type { Citation, Span } from '../scan/types';
import type { CitationAnalysis } from './document';
import type { CitationRuleContext } from './rules/types';
import { referenceOfEntry } from './resolve';
import { firstStartingAt } from '../spans';

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

/**
 * A document's citations and checked statements sorted by start, once per analysis: a value's citations are then
 * binary searches, not scans of its sentence (a dense sentence may quote thousands of values).
 */
interface CitationIndex {
  citations: Citation[];
  statements: AffinityStatement[];
  /** The statements' spans, in the same order. */
  spans: Span[];
}

const citationIndexes = new WeakMap<CitationRuleContext['checked'], CitationIndex>();

function citationIndex(context: CitationRuleContext): CitationIndex {
  let index = citationIndexes.get(context.checked);
  if (!index) {
    const statements = context.checked.map(({ statement }) => statement).sort((a, b) => a.span.start - b.span.start);
    index = { citations: [...context.scanned.citations].sort((a, b) => a.start - b.start), statements, spans: statements.map((statement) => statement.span) };
    citationIndexes.set(context.checked, index);
  }
  return index;
}

/** The citations (sorted, not overlapping) whose start lies in [from, to). */
function citationsStartingIn(citations: readonly Citation[], from: number, to: number): Citation[] {
  const first = firstStartingAt(citations, from);
  const end = firstStartingAt(citations, to);
  return first < end ? citations.slice(first, end) : [];
}

export interface StatementWithSentence {
  statement: AffinityStatement;
  verdict: Verdict;
  sentence: Span;
  /** Whether the sentence (or table and caption) holds any citation. */
  sentenceCites: boolean;
}

/** The checked statements a citation rule looks at, each with its sentence (or table and caption). */
export function checkedWithCitations(context: CitationRuleContext): StatementWithSentence[] {
  const { citations } = citationIndex(context);
  return context.checked.flatMap(({ statement, verdict }) => {
    if (!statement.compound || !statement.target || verdict.kind === 'unchecked') return [];
    const sentence = sentenceAround(context.scanned, statement.span);
    const first = firstStartingAt(citations, sentence.start);
    return [{ statement, verdict, sentence, sentenceCites: first < citations.length && citations[first]!.end <= sentence.end }];
  });
}

/**
 * The citations a value carries: all of its table's; in a sentence, those after it and before the next value, else
 * those before it and after the previous value ("0.72 µM [@a], and 4.78 µM [@b]": each value its own source).
 */
export function citationsOfStatement(context: CitationRuleContext, statement: AffinityStatement, sentence: Span): Citation[] {
  const { citations, statements, spans } = citationIndex(context);
  const inSentence = (citation: Citation) => citation.start >= sentence.start && citation.end <= sentence.end;
  if (statement.context === 'table') return citationsStartingIn(citations, sentence.start, sentence.end).filter(inSentence);
  const nextIndex = firstStartingAt(spans, statement.span.end);
  let next = sentence.end;
  for (let index = nextIndex; index < statements.length && statements[index]!.span.start < sentence.end; index++) {
    const other = statements[index]!;
    if (other !== statement && other.span.end <= sentence.end) {
      next = other.span.start;
      break;
    }
  }
  const after = citationsStartingIn(citations, statement.span.end, next).filter(inSentence);
  if (after.length > 0) return after;
  // The value before: the nearest by start that ends before this one (values in a sentence do not overlap).
  let previous = sentence.start - 1;
  for (let index = firstStartingAt(spans, statement.span.start) - 1; index >= 0 && statements[index]!.span.start >= sentence.start; index--) {
    const other = statements[index]!;
    if (other !== statement && other.span.end <= statement.span.start) {
      previous = other.span.end;
      break;
    }
  }
  return citationsStartingIn(citations, previous + 1, statement.span.start).filter((citation) => inSentence(citation) && citation.end <= statement.span.start);
}

export { citedReferences };
