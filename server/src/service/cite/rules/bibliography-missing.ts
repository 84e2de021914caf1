import type { Span } from '../../scan/types';
import type { MissingBibliography } from '../discover';
import type { CitationRule } from './types';

export const bibliographyMissing: CitationRule = {
  code: 'citation.bibliography-missing',
  defaultSeverity: 'warning',
  title: 'A declared bibliography file does not exist.',
  help: 'The manuscript declares a bibliography file (\\bibliography, \\addbibresource, front-matter bibliography:, _quarto.yml) that does not exist.',
  run: ({ citations }) =>
    citations.missing
      // A `_quarto.yml` declaration has no place in this document to show it.
      .filter((missing): missing is MissingBibliography & { span: Span } => missing.span !== undefined && missing.origin !== 'quarto-project')
      .map((missing) => ({
        code: 'citation.bibliography-missing',
        span: missing.span,
        message: missing.outside
          ? `Bibliography file "${missing.path}" is outside the workspace (${missing.tried.join(', ')}): PharmaLens neither reads nor writes files there.`
          : `Bibliography file "${missing.path}" not found (looked for ${missing.tried.join(', ')}).`,
        fixes: [],
      })),
};
