/** The citation and BibTeX checks as the rule registry knows them (their detection lives in `cite/` and `present/bibtex-diagnostics.ts`). */
import type { RuleInfo } from '../check/types';
import type { CitationCode } from './document';

export type BibtexCode = 'bibtex.syntax' | 'bibtex.duplicate-key';

export const CITATION_RULES: readonly RuleInfo<CitationCode>[] = [
  {
    code: 'citation.unresolved',
    defaultSeverity: 'warning',
    title: 'A cited key is in no bibliography file.',
    help: "A citation key (\\cite, [@key] …) is found in none of the manuscript's bibliography files. Fix: use one of the closest keys, or add the entry.",
  },
  {
    code: 'citation.bibliography-missing',
    defaultSeverity: 'warning',
    title: 'A declared bibliography file does not exist.',
    help: 'The manuscript declares a bibliography file (\\bibliography, \\addbibresource, front-matter bibliography:, _quarto.yml) that does not exist.',
  },
  {
    code: 'citation.missing',
    defaultSeverity: 'hint',
    title: 'A checked affinity value has no citation.',
    help: 'A checked affinity value has no citation in its sentence or table caption. Cite the source of the value.',
  },
  {
    code: 'citation.source-mismatch',
    defaultSeverity: 'warning',
    title: "The value's citation records another value for this pair.",
    help: "The value's citation (matched to the knowledge base by DOI, PMID or title) records another value, or none, for this compound and target, while another source supports the value.",
  },
];

export const BIBTEX_RULES: readonly RuleInfo<BibtexCode>[] = [
  {
    code: 'bibtex.syntax',
    defaultSeverity: 'error',
    title: 'A BibTeX entry does not parse.',
    help: 'A .bib file has a syntax error (an unclosed brace, a missing key …) at the line and column given; the other entries are still used.',
  },
  {
    code: 'bibtex.duplicate-key',
    defaultSeverity: 'warning',
    title: 'Two BibTeX entries share a key.',
    help: 'Two entries of a .bib file have the same key; citations resolve to the first. Rename or remove one.',
  },
];
