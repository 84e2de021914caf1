import { workspace, type TextDocument } from 'vscode';
import type { DocumentSelector } from 'vscode-languageclient';

/** The languages PharmaLens reads; `pharmalens.enable` turns each on or off. */
export const LANGUAGES = ['markdown', 'quarto', 'rmd', 'latex', 'tex', 'bibtex'] as const;

const SCHEMES = ['file', 'untitled'];

export function enabledLanguages(): string[] {
  const enable = workspace.getConfiguration('pharmalens').get<Record<string, boolean>>('enable', {});
  return LANGUAGES.filter((language) => enable[language] !== false);
}

export function documentSelector(languages: readonly string[]): DocumentSelector {
  return languages.flatMap((language) => SCHEMES.map((scheme) => ({ scheme, language })));
}

/** A manuscript the language server reads (an enabled language other than BibTeX), on disk or untitled. */
export function isManuscript(document: TextDocument): boolean {
  return SCHEMES.includes(document.uri.scheme) && document.languageId !== 'bibtex' && enabledLanguages().includes(document.languageId);
}
