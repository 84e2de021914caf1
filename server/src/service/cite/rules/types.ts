import type { Checked, RuleInfo } from '../../check/types';
import type { IndexedKnowledgeBase } from '../../kb/indexed';
import type { ScannedDocument } from '../../scan/types';
import type { BibDuplicate, BibError } from '../bibtex';
import type { CitationAnalysis, CitationCode, CitationProblem } from '../document';

/** What a citation rule may look at: the document, its bibliographies, and the affinity statements with their verdicts. */
export interface CitationRuleContext {
  kb: IndexedKnowledgeBase;
  scanned: ScannedDocument;
  citations: Omit<CitationAnalysis, 'problems'>;
  checked: readonly Checked[];
}

/** A citation check: one object, one file under `cite/rules/`. */
export interface CitationRule extends RuleInfo<CitationCode> {
  run(context: CitationRuleContext): CitationProblem[];
}

export type BibtexCode = 'bibtex.syntax' | 'bibtex.duplicate-key';

/** A `.bib` file as a BibTeX rule sees it: its text and what the parser found. */
export interface BibtexRuleContext {
  text: string;
  errors: readonly BibError[];
  duplicates: readonly BibDuplicate[];
  lineOf(offset: number): number;
}

export interface BibtexRule extends RuleInfo<BibtexCode> {
  run(context: BibtexRuleContext): { code: BibtexCode; span: { start: number; end: number }; message: string; fixes: [] }[];
}
