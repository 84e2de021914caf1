/**
 * What a valid answer is: every position inside the text it refers to, workspace edits within the client's declared
 * capabilities and the workspace, edits that do not overlap, split a surrogate pair, break the `.bib`, or repeat a key.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientCapabilities, Hover, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { parseBibtex } from '../../server/src/service/cite/bibtex';

export type ProblemKind = 'exception' | 'hang' | 'invalid' | 'bad-edit';

export interface Problem {
  kind: ProblemKind;
  message: string;
}

const isWhole = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/**
 * Line tables of the texts checked lately: a document with thousands of diagnostics is checked against one table, not
 * one per diagnostic (which kept the driver busy for seconds, so that its 5 s timers fired late and read as hangs).
 */
const lineTables = new Map<string, TextDocument>();

function linesOf(text: string): TextDocument {
  let lines = lineTables.get(text);
  if (!lines) {
    if (lineTables.size >= 16) lineTables.delete(lineTables.keys().next().value!);
    lineTables.set(text, (lines = TextDocument.create('file:///x', 'plaintext', 0, text)));
  }
  return lines;
}

const parsedBibs = new Map<string, ReturnType<typeof parseBibtex>>();

function parsedBib(text: string): ReturnType<typeof parseBibtex> {
  let parsed = parsedBibs.get(text);
  if (!parsed) {
    if (parsedBibs.size >= 16) parsedBibs.delete(parsedBibs.keys().next().value!);
    parsedBibs.set(text, (parsed = parseBibtex(text)));
  }
  return parsed;
}

/** Why `range` does not lie inside `text` (LSP positions: lines, UTF-16 characters), or undefined. */
export function rangeProblem(text: string, range: Range | undefined, what: string): string | undefined {
  if (!range || typeof range !== 'object') return `${what}: no range`;
  const lines = linesOf(text);
  for (const position of [range.start, range.end]) {
    if (!position || !isWhole(position.line) || !isWhole(position.character)) return `${what}: position ${JSON.stringify(position)} is not two whole numbers`;
    if (position.line >= lines.lineCount) return `${what}: line ${position.line} past the last line (${lines.lineCount - 1})`;
    const lineLength = lines.offsetAt({ line: position.line, character: Number.MAX_SAFE_INTEGER }) - lines.offsetAt({ line: position.line, character: 0 });
    if (position.character > lineLength) return `${what}: character ${position.character} past the end of line ${position.line} (${lineLength})`;
  }
  if (lines.offsetAt(range.start) > lines.offsetAt(range.end)) return `${what}: range ends before it starts`;
  return undefined;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Markup a hover must never pass through unescaped: a command link (other than the one the fuzz client declares, which
 * a card uses for its "All N records" link) or raw HTML.
 */
export const FUZZ_ENTRY_COMMAND = 'pharmalens.openKnowledgeBaseEntry';
const UNESCAPED_MARKUP = /(?<!\\)\]\((?:command:(?!pharmalens\.openKnowledgeBaseEntry\?\S*\)$)|javascript:)|(?<!\\)<(?:img|script|iframe)\b/im;

export function hoverProblems(hover: Hover | null, text: string): Problem[] {
  if (hover === null) return [];
  const problems: Problem[] = [];
  const value = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : JSON.stringify(hover.contents);
  if (UNESCAPED_MARKUP.test(value)) problems.push({ kind: 'invalid', message: `hover passes markup through: ${UNESCAPED_MARKUP.exec(value)![0]}` });
  if (hover.range) {
    const problem = rangeProblem(text, hover.range, 'hover range');
    if (problem) problems.push({ kind: 'invalid', message: problem });
  }
  return problems;
}

export interface EditContext {
  rootUri: string;
  documentUri: string;
  documentText: string;
  capabilities: ClientCapabilities;
  /** A workspace file's text on disk, or undefined. */
  readFile(uri: string): string | undefined;
}

/** Keys cited twice in one citation group: `[@a; @a]`, `\cite{a,a}`. */
function repeatedCitationKeys(text: string): string[] {
  const repeated: string[] = [];
  // On one line, without a backslash in the keys: a `\cite{` left open by a mutation does not reach a later `}`.
  for (const group of text.matchAll(/\[[^\][\n]*@[^\][\n]*\]|\\[a-zA-Z]*cite[a-zA-Z]*\*?(?:\[[^\]\n]*\])*\{([^{}\\\n]*)\}/g)) {
    const keys = group[1] !== undefined ? group[1].split(',').map((key) => key.trim()) : [...group[0].matchAll(/@([\w:.#$%&\-+?<>~/]+)/g)].map((match) => match[1]!);
    const seen = new Set<string>();
    for (const key of keys.filter(Boolean)) {
      if (seen.has(key)) repeated.push(key);
      seen.add(key);
    }
  }
  return repeated;
}

function frontMatterBibliographyKeys(text: string): number {
  const frontMatter = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(text);
  return frontMatter ? (frontMatter[1]!.match(/^bibliography\s*:/gm) ?? []).length : 0;
}

function duplicateBibKeys(text: string): number {
  const keys = parsedBib(text).entries.map((entry) => entry.key.toLowerCase());
  return keys.length - new Set(keys).size;
}

/** Applies one file's edits after checking them; the problems found, and the text they give. */
function applyChecked(uri: string, before: string, edits: readonly TextEdit[]): { problems: Problem[]; after?: string } {
  const problems: Problem[] = [];
  for (const edit of edits) {
    const problem = rangeProblem(before, edit.range, `edit of ${uri}`);
    if (problem) problems.push({ kind: 'invalid', message: problem });
  }
  if (problems.length > 0) return { problems };
  const lines = linesOf(before);
  const spans = edits.map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end) })).sort((a, b) => a.start - b.start || a.end - b.end);
  for (let index = 1; index < spans.length; index++) {
    if (spans[index]!.start < spans[index - 1]!.end) problems.push({ kind: 'invalid', message: `overlapping edits in ${uri}` });
  }
  // Overlapping edits cannot be applied (the library throws): reported, and the edit not looked at further.
  if (problems.length > 0) return { problems };
  for (const span of spans) {
    for (const offset of [span.start, span.end]) {
      if (offset > 0 && isHighSurrogate(before.charCodeAt(offset - 1)) && isLowSurrogate(before.charCodeAt(offset))) problems.push({ kind: 'bad-edit', message: `an edit of ${uri} splits a surrogate pair at ${offset}` });
    }
  }
  return { problems, after: TextDocument.applyEdits(lines, edits as TextEdit[]) };
}

/** Everything wrong with one offered workspace edit, applied (in memory) to the document and the workspace's files. */
export function workspaceEditProblems(edit: WorkspaceEdit | undefined, context: EditContext, title: string): Problem[] {
  if (!edit) return [];
  const problems: Problem[] = [];
  const declared = context.capabilities.workspace?.workspaceEdit;
  const files = new Map<string, TextEdit[]>();
  const created = new Set<string>();
  if (edit.documentChanges) {
    if (declared?.documentChanges !== true) problems.push({ kind: 'invalid', message: `"${title}": documentChanges sent to a client that did not declare them` });
    for (const change of edit.documentChanges) {
      if ('kind' in change) {
        if (!(declared?.resourceOperations ?? []).includes(change.kind)) problems.push({ kind: 'invalid', message: `"${title}": a ${change.kind} operation the client did not declare` });
        if (change.kind === 'create') created.add(change.uri);
        else problems.push({ kind: 'bad-edit', message: `"${title}": a ${change.kind} operation` });
        continue;
      }
      files.set(change.textDocument.uri, [...(files.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
    }
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) files.set(uri, [...(files.get(uri) ?? []), ...edits]);
  for (const uri of [...files.keys(), ...created]) {
    if (uri !== context.documentUri && !uri.startsWith(`${context.rootUri}/`)) problems.push({ kind: 'bad-edit', message: `"${title}" touches ${uri}, outside the workspace` });
  }
  for (const [uri, edits] of files) {
    const before = uri === context.documentUri ? context.documentText : created.has(uri) ? context.readFile(uri) ?? '' : context.readFile(uri);
    if (before === undefined) {
      problems.push({ kind: 'bad-edit', message: `"${title}" edits ${uri}, which does not exist and is not created` });
      continue;
    }
    const applied = applyChecked(uri, before, edits);
    problems.push(...applied.problems);
    if (applied.after === undefined) continue;
    if (/\.bib$/i.test(uri)) {
      if (parsedBib(applied.after).errors.length > parsedBib(before).errors.length) problems.push({ kind: 'bad-edit', message: `"${title}" leaves ${uri} with more BibTeX errors` });
      if (duplicateBibKeys(applied.after) > duplicateBibKeys(before)) problems.push({ kind: 'bad-edit', message: `"${title}" adds a second entry under a key ${uri} already has` });
    } else if (uri === context.documentUri) {
      if (repeatedCitationKeys(applied.after).length > repeatedCitationKeys(before).length) problems.push({ kind: 'bad-edit', message: `"${title}" cites the same key twice in one citation` });
      if (frontMatterBibliographyKeys(applied.after) > Math.max(1, frontMatterBibliographyKeys(before))) problems.push({ kind: 'bad-edit', message: `"${title}" adds a second bibliography key to the front matter` });
    }
  }
  return problems;
}
