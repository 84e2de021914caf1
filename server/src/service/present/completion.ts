import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { LoadedBibliography } from '../cite/document';
import type { DocumentFormat } from '../scan/types';

/** `\cite{`, `\citep[p.~3]{a,`, `\parencite*{` … up to the cursor. */
const LATEX_CITE_OPEN = /\\[A-Za-z]*cite[a-z]*\*?(\[[^\]]*\]){0,2}\{[^}]*$/;
/** `[@`, `[@a; @`, `[-@`, or an in-text `@` after a space. */
const PANDOC_CITE_OPEN = /(^|[\s[;(-])@[\w:.#$%&+?<>~/-]*$/;

/** Citation keys to complete when the cursor follows `\cite{` or `@`; none elsewhere. */
export function citationCompletions(textBeforeCursor: string, format: DocumentFormat, bibliographies: readonly LoadedBibliography[]): CompletionItem[] {
  const line = textBeforeCursor.slice(textBeforeCursor.lastIndexOf('\n') + 1);
  const inCitation = format === 'latex' ? LATEX_CITE_OPEN.test(line) : PANDOC_CITE_OPEN.test(line);
  if (!inCitation) return [];
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const { parsed } of bibliographies) {
    for (const entry of parsed.entries) {
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      const author = entry.fields.author?.split(' and ')[0]?.split(',')[0];
      items.push({
        label: entry.key,
        kind: CompletionItemKind.Reference,
        detail: [author, entry.fields.year].filter(Boolean).join(' '),
        documentation: entry.fields.title,
        filterText: `${entry.key} ${entry.fields.title ?? ''} ${entry.fields.author ?? ''}`,
      });
    }
  }
  return items;
}
