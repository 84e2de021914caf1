import { formatForLanguageId, isSkippedFolderName, languageIdOfPath } from '../service/index';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeText } from './decode-text';
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

export interface ReadManuscript {
  document: TextDocument;
  /** How the bytes were decoded, when that was a guess (no BOM and not UTF-8). */
  warning?: string;
}

/**
 * Reads a manuscript from disk as a document of the language its extension names, decoded by its byte-order mark (or
 * as Windows-1252 when it is not UTF-8, with a warning); InputError names the file and the problem.
 */
export function readManuscript(file: string): ReadManuscript {
  const languageId = languageIdOfPath(file);
  if (!languageId || !formatForLanguageId(languageId, file)) throw new InputError(`${file}: not a Markdown, Quarto, R Markdown or LaTeX file`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const decoded = decodeText(bytes);
  return {
    document: TextDocument.create(pathToFileURL(path.resolve(file)).href, languageId, 1, decoded.text),
    ...(decoded.warning ? { warning: `${file}: ${decoded.warning}` } : {}),
  };
}
