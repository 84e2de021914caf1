import type { BibtexRule } from './types';

export const bibtexSyntax: BibtexRule = {
  code: 'bibtex.syntax',
  defaultSeverity: 'error',
  title: 'A BibTeX entry does not parse.',
  help: 'A .bib file has a syntax error (an unclosed brace, a missing key …) at the line and column given; the other entries are still used.',
  run: ({ text, errors }) =>
    errors.map((error) => ({
      code: 'bibtex.syntax',
      span: { start: error.offset, end: Math.min(error.offset + 1, text.length) },
      message: `${error.message} (line ${error.line}, column ${error.column}); the other entries are still used.`,
      fixes: [],
    })),
};

export const bibtexDuplicateKey: BibtexRule = {
  code: 'bibtex.duplicate-key',
  defaultSeverity: 'warning',
  title: 'Two BibTeX entries share a key.',
  help: 'Two entries of a .bib file have the same key; citations resolve to the first. Rename or remove one.',
  run: ({ duplicates, lineOf }) =>
    duplicates.map((duplicate) => ({
      code: 'bibtex.duplicate-key',
      span: duplicate.keySpan,
      message: `Duplicate key "${duplicate.key}": citations resolve to its first entry (line ${lineOf(duplicate.firstKeySpan.start)}).`,
      fixes: [],
    })),
};
