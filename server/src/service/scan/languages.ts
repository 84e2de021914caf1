/** The language id a manuscript file gets from its extension (any case), as VS Code and the CLI name them. */
const languageIdsByExtension: Record<string, string> = { md: 'markdown', markdown: 'markdown', qmd: 'quarto', rmd: 'rmd', tex: 'latex', ltx: 'latex' };

function extensionOf(path: string): string | undefined {
  const bare = path.replace(/[?#].*$/s, '');
  const dot = bare.lastIndexOf('.');
  return dot < 0 || dot < bare.lastIndexOf('/') ? undefined : bare.slice(dot + 1).toLowerCase();
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
