import { formatForLanguageId, isSkippedFolderName, languageIdOfPath } from '../service/index';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InputError } from './input-error';

export function isManuscript(file: string): boolean {
  return languageIdOfPath(file) !== undefined;
}

/** Every file under `folder` (not in node_modules, dist or hidden folders), sorted, as paths joined onto `folder`. */
export function filesUnder(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((entry) => {
    const child = folder === '.' ? entry.name : path.join(folder, entry.name);
    if (entry.isDirectory()) return isSkippedFolderName(entry.name) ? [] : filesUnder(child);
    return entry.isFile() ? [child] : [];
  });
}

/** Reads a manuscript from disk as a document of the language its extension names; InputError names the file and the problem. */
export function readManuscript(file: string): TextDocument {
  const languageId = languageIdOfPath(file);
  if (!languageId || !formatForLanguageId(languageId, file)) throw new InputError(`${file}: not a Markdown, Quarto, R Markdown or LaTeX file`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return TextDocument.create(pathToFileURL(path.resolve(file)).href, languageId, 1, text);
}
