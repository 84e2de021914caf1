import { formatForLanguageId, isSkippedFolderName, languageIdOfPath } from '../service/index';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeText, type TextEncoding } from './decode-text';
import type { FileFilter } from './file-filter';
import { InputError } from './input-error';

export function isManuscript(file: string): boolean {
  return languageIdOfPath(file) !== undefined;
}

export interface WalkOptions {
  /** Files and folders to leave out (.gitignore, --exclude). */
  filter?: FileFilter;
  /** Told about what was not followed (a symbolic link in a loop, a broken one). */
  onSkipped?: (file: string, reason: string) => void;
}

/**
 * Every file under `folder` (not in node_modules, dist or hidden folders, nor what `filter` leaves out), sorted, as
 * paths joined onto `folder`. Symbolic links are followed; one that leads back into a folder being walked is not.
 */
export function filesUnder(folder: string, options: WalkOptions = {}, walking: ReadonlySet<string> = new Set()): string[] {
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    options.onSkipped?.(folder, 'a broken symbolic link');
    return [];
  }
  if (walking.has(real)) {
    options.onSkipped?.(folder, 'a symbolic link back into a folder above it');
    return [];
  }
  const inside = new Set(walking).add(real);
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((entry) => {
    const child = folder === '.' ? entry.name : path.join(folder, entry.name);
    let kind: 'folder' | 'file' | undefined = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : undefined;
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(child);
        kind = target.isDirectory() ? 'folder' : target.isFile() ? 'file' : undefined;
      } catch {
        options.onSkipped?.(child, 'a broken symbolic link');
        return [];
      }
    }
    if (kind === undefined) return [];
    if (options.filter?.isExcluded(child) || options.filter?.isGitignored(child, kind === 'folder')) return [];
    if (kind === 'folder') return isSkippedFolderName(entry.name) ? [] : filesUnder(child, options, inside);
    return [child];
  });
}

export interface ReadManuscript {
  document: TextDocument;
  /** How the bytes were decoded; `byteOrderMark` when the file starts with one. */
  encoding?: TextEncoding;
  byteOrderMark?: boolean;
  /** How the bytes were decoded, when that was a guess (no BOM and not UTF-8). */
  warning?: string;
}

/**
 * Reads a manuscript from disk as a document of the language its extension names, decoded by its byte-order mark (or
 * as Windows-1252 when it is not UTF-8, with a warning); InputError names the file and the problem.
 */
export function readManuscript(file: string, bytes?: Uint8Array): ReadManuscript {
  const languageId = languageIdOfPath(file);
  if (!languageId || !formatForLanguageId(languageId, file)) throw new InputError(`${file}: not a Markdown, Quarto, R Markdown or LaTeX file`);
  const { text, warning, encoding, byteOrderMark } = readText(file, bytes);
  return { document: TextDocument.create(pathToFileURL(path.resolve(file)).href, languageId, 1, text), encoding, byteOrderMark, ...(warning ? { warning } : {}) };
}

/** A text file's (or the given bytes') text, decoded as `decodeText` does; the warning names the file. */
export function readText(file: string, bytes?: Uint8Array): { text: string; warning?: string; encoding: TextEncoding; byteOrderMark: boolean } {
  let content = bytes;
  if (!content) {
    try {
      content = readFileSync(file);
    } catch (error) {
      throw new InputError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  const decoded = decodeText(content);
  return { text: decoded.text, encoding: decoded.encoding, byteOrderMark: decoded.byteOrderMark, ...(decoded.warning ? { warning: `${file}: ${decoded.warning}` } : {}) };
}
