import { posix } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { BibliographyDeclaration, ScannedDocument, Span } from '../scan/types';
import { asFolderUri, folderUriOf, isAbsolutePath, resolvePath } from './uri';
import { scanDocument } from '../scan/index';
import { texRootOf } from './tex-root';
import { fileExists, type Workspace } from '../workspace';

export interface DiscoveryOptions {
  /** The workspace folder, as a `file://` URI or an absolute path. */
  workspaceRoot?: string;
  /** The text of the project's `_quarto.yml`, when the host found one; its paths are relative to `workspaceRoot`. */
  quartoYaml?: string;
  /** The `pharmalens.bibliography` setting: paths relative to `workspaceRoot` (else the document's folder), or absolute. */
  fallback?: readonly string[];
}

/**
 * Where a bibliography was declared. Spans are offsets into the document, or into `_quarto.yml` for `quarto-project`;
 * `tex-root`: in the root document that includes this LaTeX file (no span: it is in another file).
 */
export type BibliographyOrigin = 'latex' | 'front-matter' | 'quarto-project' | 'setting' | 'tex-root';

export interface BibliographySource {
  uri: string;
  origin: BibliographyOrigin;
  path: string;
  span?: Span;
}

export interface MissingBibliography {
  /** As declared. */
  path: string;
  origin: BibliographyOrigin;
  span?: Span;
  /** The URIs looked at, in order. */
  tried: string[];
  /**
   * Declared by the document (or its project) for a place outside the workspace and the document's folder: not read
   * and never written. `tried` then holds where it points.
   */
  outside?: boolean;
}

export interface DiscoveredBibliographies {
  /** Ordered and without repeats: the document's own declarations, then `_quarto.yml`, then the setting. */
  uris: string[];
  /** The declaration behind each of `uris`, in the same order. */
  sources: BibliographySource[];
  missing: MissingBibliography[];
}

interface Declaration {
  path: string;
  origin: BibliographyOrigin;
  span?: Span;
  /** The folder its relative path resolves against, when not the document's (a TeX root's folder). */
  folder?: string;
}

/**
 * Whether a file is inside the workspace folder or the document's own folder: what a document declares is read only
 * there, and no edit writes anywhere else.
 */
export function insideBoundary(documentUri: string, options: Pick<DiscoveryOptions, 'workspaceRoot'>): (uri: string) => boolean {
  const rootFolder = options.workspaceRoot === undefined ? undefined : asFolderUri(options.workspaceRoot);
  const boundaries = [rootFolder, documentUri.startsWith('file:') ? folderUriOf(documentUri) : undefined].filter((folder): folder is string => folder !== undefined);
  return (uri) => boundaries.some((folder) => uri.startsWith(folder));
}

/** The bibliography files of a document, found through `workspace`. */
export function bibliographyUris(
  documentUri: string,
  scanned: ScannedDocument,
  options: DiscoveryOptions,
  workspace: Workspace,
): DiscoveredBibliographies {
  const documentFolder = folderUriOf(documentUri);
  const rootFolder = options.workspaceRoot === undefined ? undefined : asFolderUri(options.workspaceRoot);
  const own = scanned.bibliographies.map((declaration) => documentDeclaration(scanned, declaration));
  const declarations = [
    ...own,
    ...(own.length === 0 && /\.(tex|ltx)$/i.test(documentUri) ? texRootDeclarations(documentUri, scanned.text, options, workspace) : []),
    ...quartoProjectDeclarations(options.quartoYaml),
    ...(options.fallback ?? []).map((path): Declaration => ({ path, origin: 'setting' })),
  ];
  // A manuscript may name any path; what it names is read only inside the workspace or the document's own folder.
  const inside = insideBoundary(documentUri, options);
  const discovered: DiscoveredBibliographies = { uris: [], sources: [], missing: [] };
  for (const declaration of declarations) {
    if (isRemote(declaration.path)) continue;
    const candidates = candidateUris(declaration, declaration.folder ?? documentFolder, rootFolder);
    // The user's own setting may point anywhere; a document's declaration may not.
    const tried = declaration.origin === 'setting' ? candidates : candidates.filter(inside);
    if (tried.length === 0) {
      discovered.missing.push({ ...declaration, tried: candidates, outside: true });
      continue;
    }
    const uri = tried.find((candidate) => fileExists(workspace, candidate));
    if (uri === undefined) discovered.missing.push({ ...declaration, tried });
    else if (!discovered.uris.includes(uri)) {
      discovered.uris.push(uri);
      discovered.sources.push({ uri, ...declaration });
    }
  }
  return discovered;
}

/** A LaTeX chapter without its own `\bibliography`: the declarations of the root document that includes it. */
function texRootDeclarations(documentUri: string, text: string, options: DiscoveryOptions, workspace: Workspace): Declaration[] {
  const root = texRootOf(documentUri, text, workspace, options.workspaceRoot);
  const rootText = root === undefined ? undefined : workspace.readFile(root);
  if (root === undefined || rootText === undefined) return [];
  const rootScanned = scanDocument(rootText, 'latex');
  return rootScanned.bibliographies.map((declaration) => ({
    path: documentDeclaration(rootScanned, declaration).path,
    origin: 'tex-root' as const,
    folder: folderUriOf(root),
  }));
}

function documentDeclaration(scanned: ScannedDocument, declaration: BibliographyDeclaration): Declaration {
  const span = { start: declaration.start, end: declaration.end };
  const inFrontMatter = scanned.frontMatter !== undefined
    && declaration.start >= scanned.frontMatter.span.start && declaration.end <= scanned.frontMatter.span.end;
  if (inFrontMatter) return { path: declaration.path, origin: 'front-matter', span };
  const path = latexCommandBefore(scanned.text, declaration.start) === 'addbibresource' || hasBibExtension(declaration.path)
    ? declaration.path
    : `${declaration.path}.bib`;
  return { path, origin: 'latex', span };
}

/** `bibliography` for the `b` in `\bibliography{a,b}`: the name of the command whose argument holds `offset`. */
function latexCommandBefore(text: string, offset: number): string | undefined {
  const backslash = text.lastIndexOf('\\', offset);
  return backslash < 0 ? undefined : /^\\([A-Za-z]+)/.exec(text.slice(backslash, offset))?.[1];
}

/** BibTeX adds `.bib` to `\bibliography{refs}`; a name such as `refs.v2` still gets it. */
function hasBibExtension(path: string): boolean {
  return posix.extname(path).toLowerCase() === '.bib';
}

/**
 * The `bibliography:` of `_quarto.yml`, a string or a list; a file with YAML errors declares nothing (the yaml library
 * reports syntax errors in `errors` rather than throwing; Quarto itself refuses such a project file).
 */
function quartoProjectDeclarations(quartoYaml: string | undefined): Declaration[] {
  if (quartoYaml === undefined) return [];
  const parsed = parseDocument(quartoYaml, { prettyErrors: false, uniqueKeys: false });
  if (parsed.errors.length > 0 || !isMap(parsed.contents)) return [];
  const value = parsed.contents.get('bibliography', true);
  const items = isSeq(value) ? value.items : [value];
  const declarations: Declaration[] = [];
  for (const item of items) {
    if (!isScalar(item) || typeof item.value !== 'string' || item.value === '') continue;
    declarations.push({ path: item.value, origin: 'quarto-project', span: item.range ? valueSpan(quartoYaml, item.range) : undefined });
  }
  return declarations;
}

/** The span of a YAML scalar's text, without its quotes. */
function valueSpan(text: string, range: readonly number[]): Span {
  const [start, end] = range as [number, number];
  const quoted = text[start] === '"' || text[start] === "'";
  return quoted ? { start: start + 1, end: end - 1 } : { start, end };
}

/** `\addbibresource[location=remote]{https://…}`: not a workspace file. */
function isRemote(path: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(path) && !path.startsWith('file:');
}

/** Relative to the document's folder, then to the workspace root; `_quarto.yml` and the setting root first. */
function candidateUris(declaration: Declaration, documentFolder: string, rootFolder: string | undefined): string[] {
  if (isAbsolutePath(declaration.path)) return [resolvePath(documentFolder, declaration.path)];
  const rootFirst = declaration.origin === 'quarto-project' || declaration.origin === 'setting';
  const folders = rootFolder === undefined ? [documentFolder] : rootFirst ? [rootFolder, documentFolder] : [documentFolder, rootFolder];
  const uris = folders.map((folder) => resolvePath(folder, declaration.path));
  return uris.filter((uri, index) => uris.indexOf(uri) === index);
}
