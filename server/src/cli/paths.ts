import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { globBase, globToRegExp, hasGlobCharacters } from './glob';
import { InputError } from './errors';

export const MANUSCRIPT_EXTENSIONS = ['.md', '.markdown', '.qmd', '.rmd', '.tex', '.ltx'];

/** Folders a walk never enters. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist']);

export function isManuscript(file: string): boolean {
  return MANUSCRIPT_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** Every file under `folder`, sorted, as paths joined onto `folder`. */
function walk(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((entry) => {
    const child = folder === '.' ? entry.name : path.join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : walk(child);
    return entry.isFile() ? [child] : [];
  });
}

function isFolder(candidate: string): boolean {
  try {
    return statSync(candidate).isDirectory();
  } catch {
    return false;
  }
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

function expandGlob(pattern: string): string[] {
  const posixPattern = toPosix(pattern).replace(/^\.\//, '');
  const base = globBase(posixPattern);
  const matcher = globToRegExp(posixPattern);
  const files = isFolder(base) ? walk(base).filter((file) => isManuscript(file) && matcher.test(toPosix(file))) : [];
  if (files.length === 0) throw new InputError(`${pattern}: no Markdown, Quarto, R Markdown or LaTeX file matches`);
  return files;
}

function expandFolder(folder: string): string[] {
  const files = walk(folder).filter(isManuscript);
  if (files.length === 0) throw new InputError(`${folder}: no Markdown, Quarto, R Markdown or LaTeX file in this folder`);
  return files;
}

/**
 * The manuscripts named by the command line: files as given (a missing or unsupported one is reported when read),
 * folders walked recursively, globs matched; each file once, in the order first named.
 */
export function expandPaths(arguments_: readonly string[]): string[] {
  const files = arguments_.flatMap((argument) => {
    if (isFolder(argument)) return expandFolder(argument);
    if (hasGlobCharacters(argument)) return expandGlob(argument);
    return [argument];
  });
  return [...new Set(files)];
}
