/**
 * Which files a walk over folders leaves out: what `.gitignore` files ignore (those of the repository the walk starts
 * in, from its root down, and those found on the way; read with the `ignore` library, git's own rules), and the
 * exclusion globs of the command line and the project config, each relative to its own folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** `relative` (posix, inside the base) and each folder above it: `a/b/c.md`, `a/b`, `a`. */
function withAncestors(relative: string): string[] {
  const parts = relative.split('/');
  return parts.map((_, index) => parts.slice(0, parts.length - index).join('/'));
}

export interface ExclusionGlobs {
  /** The folder the globs are relative to (the current folder for --exclude, the config file's folder for "exclude"). */
  base: string;
  globs: readonly string[];
}

export class FileFilter {
  private readonly gitignores = new Map<string, Ignore | null>();
  private readonly exclusions: { base: string; matches: (candidate: string) => boolean }[];

  constructor(
    private readonly useGitignore: boolean,
    exclusions: readonly ExclusionGlobs[],
  ) {
    // A glob without a slash matches a name at any depth (`renv`, `*.tex`), as in .gitignore.
    this.exclusions = exclusions
      .filter((exclusion) => exclusion.globs.length > 0)
      .map((exclusion) => ({ base: path.resolve(exclusion.base), matches: picomatch(exclusion.globs.map((glob) => glob.replace(/^\.\//, '').replace(/\/$/, '')), { dot: true, basename: true }) }));
  }

  /** Whether --exclude or the config's "exclude" names the file or a folder above it. */
  isExcluded(file: string): boolean {
    const absolute = path.resolve(file);
    return this.exclusions.some(({ base, matches }) => {
      const relative = toPosix(path.relative(base, absolute));
      return relative !== '' && !relative.startsWith('../') && relative !== '..' && withAncestors(relative).some(matches);
    });
  }

  /** Whether a `.gitignore` of the folders from the repository's root down to the file's folder ignores it. */
  isGitignored(file: string, isFolder: boolean): boolean {
    if (!this.useGitignore) return false;
    const absolute = path.resolve(file);
    for (const folder of this.foldersWithRules(path.dirname(absolute))) {
      const rules = this.rulesOf(folder);
      if (!rules) continue;
      const relative = toPosix(path.relative(folder, absolute));
      if (relative && rules.ignores(isFolder ? `${relative}/` : relative)) return true;
    }
    return false;
  }

  /**
   * The folders whose `.gitignore` applies to files in `folder`: up to the repository root (a folder with `.git`), or,
   * outside a repository, up to the current folder.
   */
  private foldersWithRules(folder: string): string[] {
    const folders: string[] = [];
    for (let current = folder; ; current = path.dirname(current)) {
      folders.push(current);
      if (existsSync(path.join(current, '.git'))) return folders.reverse();
      if (path.dirname(current) === current) break;
    }
    const cwd = process.cwd();
    return folders.filter((candidate) => candidate === cwd || candidate.startsWith(`${cwd}${path.sep}`)).reverse();
  }

  private rulesOf(folder: string): Ignore | null {
    let rules = this.gitignores.get(folder);
    if (rules === undefined) {
      const file = path.join(folder, '.gitignore');
      rules = existsSync(file) ? ignore().add(readFileSync(file, 'utf8')) : null;
      this.gitignores.set(folder, rules);
    }
    return rules;
  }
}
