import { asFolderUri, fileUriOf, folderUriOf, resolvePath } from './uri';
import type { Workspace } from '../workspace';

/** `% !TEX root = ../main.tex` (TeXShop, TeXstudio, LaTeX Workshop), in the first lines. */
const MAGIC_ROOT = /^[ \t]*%[ \t]*!TEX[ \t]+root[ \t]*=[ \t]*(\S[^\r\n]*?)[ \t]*$/im;
/** `\documentclass[../main.tex]{subfiles}`: the subfiles package names the root in the class option. */
const SUBFILES_ROOT = /\\documentclass\s*\[\s*([^\]]+?)\s*\]\s*\{\s*subfiles\s*\}/;
/** `\input{x}`, `\include{x}`, `\subfile{x}`, `\import{dir/}{x}`, `\subimport{dir/}{x}`. */
const INCLUSION = /\\(?:input|include|subfile)\s*\{([^}]+)\}|\\(?:import|subimport|inputfrom|includefrom)\*?\s*\{([^}]*)\}\s*\{([^}]+)\}/g;
/** How many folders above the document a root is looked for when there is no workspace root. */
const MAX_LEVELS_UP = 3;

const withTexExtension = (uri: string): string => (/\.[A-Za-z]+$/.test(uri.slice(uri.lastIndexOf('/') + 1)) ? uri : `${uri}.tex`);

/** The files a LaTeX text includes, as URIs resolved against `folderUri` (LaTeX resolves them against the root's folder). */
export function includedFiles(text: string, folderUri: string): string[] {
  const included: string[] = [];
  for (const match of text.matchAll(INCLUSION)) {
    const path = match[1] ?? `${match[2].replace(/\/?$/, '/')}${match[3]}`;
    if (path.trim() !== '') included.push(withTexExtension(resolvePath(folderUri, path.trim())));
  }
  return included;
}

/**
 * The root of a LaTeX document that is part of a larger one (a thesis chapter): named by a `% !TEX root` comment or
 * by `\documentclass[root]{subfiles}`, else the `.tex` file with a `\documentclass` that includes this one, looked for
 * in the document's folder and the folders above it, up to the workspace root. `undefined` for a standalone document.
 */
export function texRootOf(documentUri: string, text: string, workspace: Workspace, workspaceRoot?: string): string | undefined {
  const head = text.slice(0, 4000);
  const named = MAGIC_ROOT.exec(head)?.[1] ?? SUBFILES_ROOT.exec(head)?.[1];
  const documentFolder = folderUriOf(documentUri);
  if (named) return withTexExtension(resolvePath(documentFolder, named));
  if (/\\documentclass\b/.test(head) || !workspace.listFiles) return undefined;
  const self = fileUriOf(documentUri);
  const stop = workspaceRoot === undefined ? undefined : asFolderUri(workspaceRoot);
  let folder = documentFolder;
  for (let level = 0; level <= MAX_LEVELS_UP || (stop !== undefined && folder.startsWith(stop)); level++) {
    for (const candidate of workspace.listFiles(folder) ?? []) {
      if (!/\.(tex|ltx)$/i.test(candidate) || candidate === self) continue;
      const candidateText = workspace.readFile(candidate);
      if (candidateText === undefined || !/\\documentclass\b/.test(candidateText)) continue;
      if (includedFiles(candidateText, folderUriOf(candidate)).includes(self)) return candidate;
    }
    if (folder === stop) break;
    const parent = new URL('..', folder).href;
    if (parent === folder) break;
    folder = parent;
  }
  return undefined;
}
