import { bibliographyMissing } from './bibliography-missing';
import { bibtexDuplicateKey, bibtexSyntax } from './bibtex';
import { missing } from './missing';
import { sourceMismatch } from './source-mismatch';
import type { CitationProblem } from '../document';
import type { BibtexRule, CitationRule, CitationRuleContext } from './types';
import { unresolved } from './unresolved';

export type { BibtexCode, BibtexRule, CitationRule, CitationRuleContext } from './types';

export const CITATION_RULES: readonly CitationRule[] = [bibliographyMissing, unresolved, missing, sourceMismatch];
export const BIBTEX_RULES: readonly BibtexRule[] = [bibtexSyntax, bibtexDuplicateKey];

/** Every citation rule's problems: the document's bibliography and key problems first, then each value's in text order. */
export function citationProblems(context: CitationRuleContext): CitationProblem[] {
  const [documentLevel, valueLevel] = [[bibliographyMissing, unresolved], [missing, sourceMismatch]].map((rules) => rules.flatMap((rule) => rule.run(context)));
  return [...documentLevel, ...valueLevel.sort((a, b) => a.span.start - b.span.start)];
}
