import { posix } from 'node:path';
import { URL } from 'node:url';
import { wellFormed } from '../well-formed';

const windowsDrivePath = /^[A-Za-z]:[\\/]/;

/** `file:///a/b%20c.bib` for `/a/b c.bib`; a `file://` URI is returned in canonical form. */
export function fileUriOf(uriOrAbsolutePath: string): string {
  if (uriOrAbsolutePath.startsWith('file:')) {
    // A `file:` that is no URL (`file:%zz`) is read as the path after the scheme.
    if (URL.canParse(uriOrAbsolutePath)) return new URL(uriOrAbsolutePath).href;
    return fileUriOf(`/${uriOrAbsolutePath.slice('file:'.length).replace(/^\/+/, '')}`);
  }
  const slashed = uriOrAbsolutePath.replace(/\\/g, '/');
  const absolute = windowsDrivePath.test(uriOrAbsolutePath) ? `/${slashed}` : slashed;
  return new URL(encodePath(posix.normalize(absolute)), 'file:///').href;
}

/** The URI of the folder holding `uri`, ending in `/`. */
export function folderUriOf(uri: string): string {
  return new URL('.', fileUriOf(uri)).href;
}

/** As a folder URI ending in `/`, so that relative paths resolve inside it. */
export function asFolderUri(uriOrAbsolutePath: string): string {
  const uri = fileUriOf(uriOrAbsolutePath);
  return uri.endsWith('/') ? uri : `${uri}/`;
}

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('file:') || windowsDrivePath.test(path);
}

/** `path` as written in a manuscript or setting (relative or absolute, `/` or `\` separators), resolved against `folderUri`. */
export function resolvePath(folderUri: string, path: string): string {
  if (isAbsolutePath(path)) return fileUriOf(path);
  return new URL(encodePath(path.replace(/\\/g, '/')), asFolderUri(folderUri)).href;
}

function encodePath(path: string): string {
  return path.split('/').map((segment) => (segment === '.' || segment === '..' ? segment : encodeURIComponent(wellFormed(segment)))).join('/');
}
