import { statSync } from 'node:fs';
import * as path from 'node:path';
import { globBase, globToRegExp, hasGlobCharacters } from './glob';
import { InputError } from '../node/input-error';
import { filesUnder, isManuscript } from '../node/manuscript-files';

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
  const files = isFolder(base) ? filesUnder(base).filter((file) => isManuscript(file) && matcher.test(toPosix(file))) : [];
  if (files.length === 0) throw new InputError(`${pattern}: no Markdown, Quarto, R Markdown or LaTeX file matches`);
  return files;
}

function expandFolder(folder: string): string[] {
  const files = filesUnder(folder).filter(isManuscript);
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
