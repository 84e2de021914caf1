import { bibliographyMissing } from './bibliography-missing';
import { bibtexDuplicateKey, bibtexSyntax } from './bibtex';
import { missing } from './missing';
import { sourceMismatch } from './source-mismatch';
import type { CitationProblem } from '../document';
import type { BibtexRule, CitationRule, CitationRuleContext } from './types';
import { unresolved } from './unresolved';

export type { BibtexCode, BibtexRule, CitationRule, CitationRuleContext } from './types';

export const BIBTEX_RULES: readonly BibtexRule[] = [bibtexSyntax, bibtexDuplicateKey];

/** The rules on the document's bibliography files and cited keys. */
export const DOCUMENT_CITATION_RULES: readonly CitationRule[] = [bibliographyMissing, unresolved];
/** The rules on each affinity value (a value without citation, a value its cited source does not give). */
export const VALUE_CITATION_RULES: readonly CitationRule[] = [missing, sourceMismatch];
export const CITATION_RULES: readonly CitationRule[] = [...DOCUMENT_CITATION_RULES, ...VALUE_CITATION_RULES];

export function documentCitationProblems(context: CitationRuleContext): CitationProblem[] {
  return DOCUMENT_CITATION_RULES.flatMap((rule) => rule.run(context));
}

/** The values' problems, in text order. */
export function valueCitationProblems(context: CitationRuleContext): CitationProblem[] {
  return VALUE_CITATION_RULES.flatMap((rule) => rule.run(context)).sort((a, b) => a.span.start - b.span.start);
}

/** Every citation rule's problems: the document's bibliography and key problems first, then each value's in text order. */
export function citationProblems(context: CitationRuleContext): CitationProblem[] {
  return [...documentCitationProblems(context), ...valueCitationProblems(context)];
}
