import type { AffinityStatement } from '../extract/types';
import type { Reference } from '../kb/types';
import type { Citation, DocumentFormat, ScannedDocument, Span } from '../scan/types';
import { parseBibtex, type ParsedBibliography } from './bibtex';
import { renderBibtexEntry, sanitizeKey, uniqueKey } from './bibtex-entry';
import { referenceOfEntry } from './resolve';
import { folderUriOf, resolvePath } from './uri';

/**
 * Edits as plain data, in UTF-16 offsets into the text each file has before the edit. An insertion has an empty span.
 * Within one file the edits do not overlap and are sorted by start, so they can be applied from last to first (or
 * turned into one LSP `TextDocumentEdit`). `create` asks for the file to be created first (empty) — the host should
 * create it with `ignoreIfExists`, so that an existing file only gets the insertion at its start.
 */
export interface TextEdit {
  span: Span;
  newText: string;
}

export interface FileEdit {
  uri: string;
  edits: TextEdit[];
  create?: boolean;
}

export const newBibliographyName = 'references.bib';

/** The LaTeX commands a parenthetical citation may be written with, in order of preference on a tie. */
const parentheticalCommands = ['cite', 'citep', 'parencite', 'autocite'] as const;

/**
 * Where a writer puts the citation for `statement`: after the value, its unit and a closing `)` or `$`, before the
 * sentence's punctuation. When a citation already sits right there, `key` joins it. `undefined` when it already cites
 * `key`.
 */
export function citationEdit(
  documentText: string,
  format: DocumentFormat,
  statement: Pick<AffinityStatement, 'span'>,
  key: string,
  citations: readonly Citation[],
): TextEdit | undefined {
  const insideEnd = statement.span.end;
  const outsideEnd = afterClosers(documentText, format, insideEnd);
  const adjacent = adjacentCitation(documentText, format, citations, insideEnd) ?? adjacentCitation(documentText, format, citations, outsideEnd);
  if (adjacent) {
    if (adjacent.keys.some((cited) => cited.key === key)) return undefined;
    return joinCitation(documentText, adjacent, key);
  }
  const newText = format === 'latex' ? `~\\${preferredCiteCommand(citations)}{${key}}` : ` [@${key}]`;
  return { span: { start: outsideEnd, end: outsideEnd }, newText };
}

/** The parenthetical command the document uses most; `cite` when it uses none. */
export function preferredCiteCommand(citations: readonly Citation[]): string {
  const counts = new Map<string, number>();
  for (const citation of citations) counts.set(citation.command, (counts.get(citation.command) ?? 0) + 1);
  let best: string = parentheticalCommands[0];
  for (const command of parentheticalCommands) {
    if ((counts.get(command) ?? 0) > (counts.get(best) ?? 0)) best = command;
  }
  return best;
}

/** Past a closing `$`, `\)`, Markdown emphasis, or a `)` whose `(` opened earlier on the line. */
function afterClosers(text: string, format: DocumentFormat, from: number): number {
  let cursor = from;
  for (;;) {
    const character = text[cursor];
    if (character === '$') cursor++;
    else if (format === 'latex' && text.startsWith('\\)', cursor)) cursor += 2;
    else if (format === 'markdown' && (character === '*' || character === '_')) cursor++;
    else if (character === ')' && opensParenthesis(text, cursor)) cursor++;
    else return cursor;
  }
}

function opensParenthesis(text: string, closeAt: number): boolean {
  const lineStart = text.lastIndexOf('\n', closeAt - 1) + 1;
  let depth = 0;
  for (let cursor = closeAt - 1; cursor >= lineStart; cursor--) {
    if (text[cursor] === ')') depth++;
    else if (text[cursor] === '(' && depth-- === 0) return true;
  }
  return false;
}

/** A bracketed citation starting at `from` after spaces (and `~` in LaTeX); Pandoc's bare `@key` does not count. */
function adjacentCitation(text: string, format: DocumentFormat, citations: readonly Citation[], from: number): Citation | undefined {
  let cursor = from;
  while (cursor < text.length && (text[cursor] === ' ' || text[cursor] === '\t' || (format === 'latex' && text[cursor] === '~'))) cursor++;
  const citation = citations.find((candidate) => candidate.start === cursor);
  if (!citation || citation.keys.length === 0) return undefined;
  if (citation.command === 'pandoc' && text[citation.start] !== '[') return undefined;
  return citation;
}

/** `[@a, p. 3]` → `[@a, p. 3; @key]`; `\citep{a, b}` → `\citep{a, b, key}`. */
function joinCitation(text: string, citation: Citation, key: string): TextEdit | undefined {
  const closeAt = citation.end - 1;
  if (citation.command === 'pandoc') {
    if (text[closeAt] !== ']') return undefined;
    return { span: { start: closeAt, end: closeAt }, newText: `; @${key}` };
  }
  if (text[closeAt] !== '}') return undefined;
  const last = citation.keys[citation.keys.length - 1]!;
  const spaced = citation.keys.length > 1 && /,\s/.test(text.slice(citation.keys[0]!.end, citation.keys[1]!.start));
  return { span: { start: last.end, end: last.end }, newText: `${spaced ? ', ' : ','}${key}` };
}

export interface BibEntryEditResult {
  /** The key to cite: the existing entry's, or the new entry's. */
  key: string;
  /** Absent when an existing entry is reused. */
  edit?: FileEdit;
}

/**
 * Reuses the entry of `bibText` that stands for `reference` (same DOI, PMID or title); otherwise appends a new entry
 * under a unique key at the end of the file, after a blank line, leaving every other byte as it was.
 */
export function bibEntryEdit(bibUri: string, bibText: string, reference: Reference, preferredKey: string, parsed?: ParsedBibliography): BibEntryEditResult {
  const bibliography = parsed ?? parseBibtex(bibText);
  const references = [reference];
  const existing = bibliography.entries.find((entry) => entry.complete && referenceOfEntry(entry, references) !== undefined);
  if (existing) return { key: existing.key };
  const key = uniqueKey(keyFor(reference, preferredKey), new Set(bibliography.entries.map((entry) => entry.key)));
  const newText = separatorBefore(bibText) + renderBibtexEntry(reference, key).replace(/\n/g, lineEnding(bibText));
  return { key, edit: { uri: bibUri, edits: [{ span: { start: bibText.length, end: bibText.length }, newText }] } };
}

function keyFor(reference: Reference, preferredKey: string): string {
  return sanitizeKey(preferredKey) || sanitizeKey(reference.citationKey) || sanitizeKey(reference.id);
}

function separatorBefore(text: string): string {
  if (text.trim() === '') return '';
  const eol = lineEnding(text);
  if (text.endsWith(eol + eol)) return '';
  return text.endsWith(eol) ? eol : eol + eol;
}

function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export interface NewBibliography {
  /** `references.bib` beside the document. */
  bibUri: string;
  /** Creates the `.bib` file (empty) and declares it in the document. */
  edits: FileEdit[];
}

/**
 * For a document that declares no bibliography: create `references.bib` beside it and declare it — `\addbibresource`
 * after the last `\usepackage` when biblatex is loaded, else `\bibliography` (with a style when none is set) before
 * `\end{document}`; in Markdown/Quarto a `bibliography:` line in the front matter, created when there is none.
 */
export function newBibliographyEdits(documentUri: string, documentText: string, format: DocumentFormat, scanned: ScannedDocument): NewBibliography {
  const bibUri = newBibliographyUri(documentUri);
  return { bibUri, edits: [{ uri: bibUri, create: true, edits: [] }, { uri: documentUri, edits: [bibliographyDeclaration(documentText, format, scanned)] }] };
}

/** Where a document that declares no bibliography gets one: `references.bib` beside it. */
export function newBibliographyUri(documentUri: string): string {
  return resolvePath(folderUriOf(documentUri), newBibliographyName);
}

/** The edit that declares `references.bib` in a document that declares no bibliography. */
export function bibliographyDeclaration(documentText: string, format: DocumentFormat, scanned: ScannedDocument): TextEdit {
  return format === 'latex'
    ? latexDeclaration(withoutComments(documentText, scanned), lineEnding(documentText))
    : frontMatterDeclaration(documentText, scanned);
}

/** The text with comments blanked (offsets kept); the scanner's `masked` text also blanks command arguments. */
function withoutComments(text: string, scanned: ScannedDocument): string {
  let result = '';
  let copiedTo = 0;
  for (const span of scanned.skipped) {
    if (span.reason !== 'comment' || span.start < copiedTo) continue;
    result += text.slice(copiedTo, span.start) + text.slice(span.start, span.end).replace(/[^\r\n]/g, ' ');
    copiedTo = span.end;
  }
  return result + text.slice(copiedTo);
}

function latexDeclaration(masked: string, eol: string): TextEdit {
  const preambleEnd = indexOrEnd(masked, masked.search(/\\begin\s*\{document\}/));
  const preamble = masked.slice(0, preambleEnd);
  const usesBiblatex = /\\(?:usepackage|RequirePackage)\s*(?:\[[^\]]*\]\s*)?\{[^}]*\bbiblatex\b[^}]*\}/.test(preamble);
  const lastPackage = [...preamble.matchAll(/\\(?:usepackage|RequirePackage)\s*(?:\[[^\]]*\]\s*)?\{[^}]*\}/g)].pop();
  if (usesBiblatex && lastPackage) {
    const lineEnd = indexOrEnd(masked, masked.indexOf('\n', lastPackage.index + lastPackage[0].length));
    const at = masked[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    return { span: { start: at, end: at }, newText: `${eol}\\addbibresource{${newBibliographyName}}` };
  }
  const style = /\\bibliographystyle\s*\{/.test(masked) ? '' : `\\bibliographystyle{${/\\usepackage\s*(?:\[[^\]]*\]\s*)?\{[^}]*\bnatbib\b/.test(preamble) ? 'plainnat' : 'plain'}}${eol}`;
  const declaration = `${style}\\bibliography{${newBibliographyName.replace(/\.bib$/, '')}}${eol}`;
  const end = masked.search(/\\end\s*\{document\}/);
  if (end < 0) return { span: { start: masked.length, end: masked.length }, newText: separatorBefore(masked) + declaration };
  const lineStart = masked.lastIndexOf('\n', end - 1) + 1;
  const at = masked.slice(lineStart, end).trim() === '' ? lineStart : end;
  return { span: { start: at, end: at }, newText: at === lineStart ? declaration : eol + declaration };
}

function frontMatterDeclaration(text: string, scanned: ScannedDocument): TextEdit {
  const eol = lineEnding(text);
  const line = `bibliography: ${newBibliographyName}${eol}`;
  const frontMatter = scanned.frontMatter;
  if (frontMatter) {
    // A top-level `bibliography:` with no value gets one: a second key would be a duplicate YAML key.
    const empty = /^bibliography:([ \t]*(?:''|""|\[\]|~|null)?)[ \t]*(?:#.*)?$/m.exec(text.slice(0, frontMatter.span.end));
    if (empty) {
      const valueStart = empty.index + 'bibliography:'.length;
      const valueEnd = valueStart + empty[1]!.length;
      return { span: { start: valueStart, end: valueEnd }, newText: ` ${newBibliographyName}${text[valueEnd] === '#' ? ' ' : ''}` };
    }
    const closingLineStart = text.lastIndexOf('\n', frontMatter.span.end - 1) + 1;
    return { span: { start: closingLineStart, end: closingLineStart }, newText: line };
  }
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { span: { start, end: start }, newText: `---${eol}${line}---${eol}` };
}

function indexOrEnd(text: string, index: number): number {
  return index < 0 ? text.length : index;
}

export interface CiteSourceFixInput {
  documentUri: string;
  documentText: string;
  format: DocumentFormat;
  scanned: ScannedDocument;
  statement: Pick<AffinityStatement, 'span' | 'valueSpan'>;
  reference: Reference;
  /** The key to give a new entry; the reference's `citationKey` when absent. */
  preferredKey?: string;
  /**
   * The bibliography the entry goes into (the document's first), with its current text; absent when the document has
   * none, `missing` when it is declared but does not exist yet, and `undeclared` when it is the `references.bib` beside
   * an undeclared document (its entries are reused, and the document gets the declaration).
   */
  bibliography?: { uri: string; text: string; parsed?: ParsedBibliography; missing?: boolean; undeclared?: boolean };
  /** Edits that make the statement say what the source says (value, unit, measure): "replace and cite its source". */
  valueEdits?: TextEdit[];
  /** Only the citation (and the value): no BibTeX entry, no new file, no declaration (an unsaved document, a refused bibliography). */
  citationOnly?: boolean;
}

export interface CiteSourceFix {
  key: string;
  /** One entry per file (the document last), ready for one `WorkspaceEdit`. */
  files: FileEdit[];
}

/** Replace the value (optionally), cite the reference after it, and add or reuse its entry — one fix. */
export function citeSourceFix(input: CiteSourceFixInput): CiteSourceFix {
  const { documentUri, documentText, format, scanned, statement, reference } = input;
  const preferredKey = input.preferredKey ?? reference.citationKey;
  const documentEdits: TextEdit[] = [];
  const files: FileEdit[] = [];
  let key: string;
  if (input.citationOnly) {
    key = uniqueKey(keyFor(reference, preferredKey), new Set());
  } else if (input.bibliography) {
    const { uri, text, parsed, missing, undeclared } = input.bibliography;
    const result = bibEntryEdit(uri, text, reference, preferredKey, parsed);
    key = result.key;
    if (result.edit) files.push(missing ? { ...result.edit, create: true } : result.edit);
    if (undeclared) documentEdits.push(bibliographyDeclaration(documentText, format, scanned));
  } else {
    const created = newBibliographyEdits(documentUri, documentText, format, scanned);
    key = uniqueKey(keyFor(reference, preferredKey), new Set());
    const [bibFile, documentFile] = created.edits as [FileEdit, FileEdit];
    files.push({ ...bibFile, edits: [{ span: { start: 0, end: 0 }, newText: renderBibtexEntry(reference, key) }] });
    documentEdits.push(...documentFile.edits);
  }
  if (input.valueEdits) documentEdits.push(...input.valueEdits);
  const citation = citationEdit(documentText, format, statement, key, scanned.citations);
  if (citation) documentEdits.push(citation);
  if (documentEdits.length > 0) files.push({ uri: documentUri, edits: sortedEdits(documentEdits) });
  return { key, files };
}

/** By start; an insertion at the end of a replaced span stays after it. */
function sortedEdits(edits: TextEdit[]): TextEdit[] {
  return edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.span.start - b.edit.span.start || a.edit.span.end - b.edit.span.end || a.order - b.order)
    .map(({ edit }) => edit);
}
