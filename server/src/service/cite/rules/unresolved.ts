import { unresolvedCitationKeys } from '../resolve';
import type { CitationRule } from './types';

export const unresolved: CitationRule = {
  code: 'citation.unresolved',
  defaultSeverity: 'warning',
  title: 'A cited key is in no bibliography file.',
  help: "A citation key (\\cite, [@key] …) is found in none of the manuscript's bibliography files. Fix: use one of the closest keys, or add the entry.",
  run({ scanned, citations }) {
    if (citations.bibliographies.length === 0) return [];
    return unresolvedCitationKeys(scanned.citations, citations.bibliographies.map((bibliography) => bibliography.parsed)).map(({ key, suggestions }) => ({
      code: 'citation.unresolved',
      span: { start: key.start, end: key.end },
      message: `"${key.key}" is in no bibliography file of this document${suggestions.length > 0 ? ` (did you mean ${suggestions.map((suggestion) => `"${suggestion}"`).join(', ')}?)` : ''}.`,
      fixes: suggestions.map((suggestion, index) => ({ title: `Change to "${suggestion}"`, edits: [{ span: { start: key.start, end: key.end }, newText: suggestion }], preferred: index === 0 })),
    }));
  },
};
