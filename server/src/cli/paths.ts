import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { InputError } from '../node/input-error';
import { filesUnder, isManuscript, type WalkOptions } from '../node/manuscript-files';

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

/** `*`, `?`, `**`, `[abc]`, `{a,b}` … as picomatch reads them (bash rules). */
function isGlob(pattern: string): boolean {
  return picomatch.scan(toPosix(pattern)).isGlob;
}

/** A manuscript, or a BibTeX file (checked for syntax errors and repeated keys). */
export function isCheckable(file: string): boolean {
  return isManuscript(file) || /\.bib$/i.test(file);
}

function expandGlob(pattern: string, walk: WalkOptions): string[] {
  const posixPattern = toPosix(pattern).replace(/^\.\//, '');
  const base = picomatch.scan(posixPattern).base || '.';
  const matches = picomatch(posixPattern, { dot: false });
  const files = isFolder(base) ? filesUnder(base, walk).filter((file) => isCheckable(file) && matches(toPosix(file).replace(/^\.\//, ''))) : [];
  if (files.length === 0) throw new InputError(`${pattern}: no Markdown, Quarto, R Markdown, LaTeX or BibTeX file matches`);
  return files;
}

function expandFolder(folder: string, walk: WalkOptions): string[] {
  const files = filesUnder(folder, walk).filter(isCheckable);
  if (files.length === 0) throw new InputError(`${folder}: no Markdown, Quarto, R Markdown, LaTeX or BibTeX file in this folder`);
  return files;
}

export interface ExpandedPaths {
  files: string[];
  /** Arguments that name no manuscript (a glob matching nothing, a folder holding none): the others are still checked. */
  errors: { file: string; message: string }[];
}

/**
 * The files named by the command line: files as given (a missing or unsupported one is reported when read), `-` for
 * standard input, folders walked recursively and globs matched (leaving out what `walk.filter` leaves out); each
 * file once, in the order first named.
 */
export function expandPaths(arguments_: readonly string[], walk: WalkOptions = {}): ExpandedPaths {
  const errors: ExpandedPaths['errors'] = [];
  const files = arguments_.flatMap((argument) => {
    try {
      if (argument === '-') return [argument];
      if (isFolder(argument)) return expandFolder(argument, walk);
      // A file that exists is that file, even when its name holds a glob character (`lab#2/paper?.md`).
      if (!existsSync(argument) && isGlob(argument)) return expandGlob(argument, walk);
      // Named on the command line: checked even if .gitignore ignores it, but not when an exclusion names it.
      return walk.filter?.isExcluded(argument) ? [] : [argument];
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push({ file: argument, message: error.message });
      return [];
    }
  });
  return { files: [...new Set(files)], errors };
}
