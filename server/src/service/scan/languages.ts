/** The language id a manuscript file gets from its extension (any case), as VS Code and the CLI name them. */
const languageIdsByExtension: Record<string, string> = { md: 'markdown', markdown: 'markdown', qmd: 'quarto', rmd: 'rmd', tex: 'latex', ltx: 'latex' };

/** A URI (`file:`, `untitled:`, `vscode-notebook-cell:` …) rather than a path; `C:\\` is a drive, not a scheme. */
const URI_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

function extensionOf(pathOrUri: string): string | undefined {
  // Only a URI has a query or fragment: in a path, `#` and `?` are part of a name (`lab#2/paper.md`).
  const bare = URI_SCHEME.test(pathOrUri) ? pathOrUri.replace(/[?#].*$/s, '') : pathOrUri;
  const dot = bare.lastIndexOf('.');
  return dot < 0 || dot < Math.max(bare.lastIndexOf('/'), bare.lastIndexOf('\\')) ? undefined : bare.slice(dot + 1).toLowerCase();
}

/** The language id of a manuscript path or URI by its extension; `undefined` for any other file. */
export function languageIdOfPath(path: string): string | undefined {
  const extension = extensionOf(path);
  return extension === undefined ? undefined : languageIdsByExtension[extension];
}

/** Folders a search for manuscripts never enters: dependencies, build output and hidden folders (.git, .quarto). */
export function isSkippedFolderName(name: string): boolean {
  return name === 'node_modules' || name === 'dist' || name.startsWith('.');
}
