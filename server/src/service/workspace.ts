import { fileUriOf } from './cite/uri';

/** The host's file access, the only way the citation module reads files. URIs are `file://` URIs. */
export interface Workspace {
  /** The file's text, or `undefined` when it does not exist or cannot be read. */
  readFile(uri: string): string | undefined;
  /** A cheaper existence test than reading, when the host has one. */
  exists?(uri: string): boolean;
  /** The files (not folders) directly in a folder, as URIs; lets a LaTeX chapter find the root that includes it. */
  listFiles?(folderUri: string): string[] | undefined;
}

export function fileExists(workspace: Workspace, uri: string): boolean {
  return workspace.exists ? workspace.exists(uri) : workspace.readFile(uri) !== undefined;
}

/** A workspace over in-memory files, keyed by `file://` URI or absolute POSIX path; for tests and the CLI. */
export function memoryWorkspace(files: Record<string, string>): Workspace {
  const byUri = new Map<string, string>();
  for (const [name, text] of Object.entries(files)) byUri.set(fileUriOf(name), text);
  return {
    readFile: (uri) => byUri.get(fileUriOf(uri)),
    exists: (uri) => byUri.has(fileUriOf(uri)),
    listFiles: (folderUri) => {
      const folder = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
      return [...byUri.keys()].filter((uri) => uri.startsWith(folder) && !uri.slice(folder.length).includes('/'));
    },
  };
}
