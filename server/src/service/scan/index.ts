import { unscannedDocument } from './collector';
import { scanLatex } from './latex';
import { scanMarkdown } from './markdown';
import { languageIdOfPath } from './languages';
import type { DocumentFormat, ScannedDocument } from './types';

export type { DocumentFormat, ScannedDocument } from './types';

export interface ScanOptions {
  /** LaTeX commands (`\foo` or `foo`) whose first mandatory argument is not prose and is masked. */
  latexIgnoredArgCommands?: readonly string[];
}

/** Scans a document into masked prose and structures. An internal error is thrown, for the caller to report. */
export function scanDocument(text: string, format: DocumentFormat, options: ScanOptions = {}): ScannedDocument {
  if (format === 'latex') return scanLatex(text, { ignoredArgCommands: options.latexIgnoredArgCommands ?? [] });
  return scanMarkdown(text);
}

export { unscannedDocument };

const formatsByLanguageId = new Map<string, DocumentFormat>(Object.entries({
  markdown: 'markdown',
  quarto: 'markdown',
  rmd: 'markdown',
  rmarkdown: 'markdown',
  'r-markdown': 'markdown',
  pandoc: 'markdown',
  latex: 'latex',
  tex: 'latex',
  plaintex: 'latex',
  'latex-expl3': 'latex',
}) as Array<[string, DocumentFormat]>);

/** The scanner for an LSP language id, falling back to the file extension of `uri` when the id is unknown. */
export { languageIdOfPath };

export function formatForLanguageId(languageId: string, uri?: string): DocumentFormat | undefined {
  const byId = formatsByLanguageId.get(languageId.toLowerCase());
  if (byId) return byId;
  if (!uri) return undefined;
  const fromExtension = languageIdOfPath(uri);
  return fromExtension === undefined ? undefined : formatsByLanguageId.get(fromExtension);
}
