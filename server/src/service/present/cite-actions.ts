import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { Checked, Verdict } from '../check/types';
import type { ParsedBibliography } from '../cite/bibtex';
import type { CitationAnalysis } from '../cite/document';
import { citeSourceFix, newBibliographyUri, type CiteSourceFixInput, type FileEdit } from '../cite/insert-citation';
import type { Workspace } from '../workspace';
import type { AffinityStatement } from '../extract/types';
import type { IndexedKnowledgeBase } from '../kb/indexed';
import type { AffinityRecord, Reference } from '../kb/types';
import type { DocumentFormat, ScannedDocument } from '../scan/types';
import { byGrade, sourceLabel } from '../kb/format';
import { replacementFor } from '../check/replacement';
import { foldOutside, isConsistent } from '../check/distance';

/** What the client's workspace edits may hold (LSP `workspace.workspaceEdit`). */
export interface EditCapabilities {
  /** `documentChanges` (versioned text edits) rather than `changes`. */
  documentChanges: boolean;
  /** `CreateFile` operations (needs `documentChanges` too). */
  createFiles: boolean;
}

export const FULL_EDIT_CAPABILITIES: EditCapabilities = { documentChanges: true, createFiles: true };

export interface CiteContext {
  kb: IndexedKnowledgeBase;
  client: EditCapabilities;
  document: TextDocument;
  format: DocumentFormat;
  scanned: ScannedDocument;
  citations: CitationAnalysis;
  workspace: Workspace | undefined;
  /** Whether an edit may write the file: inside the workspace or the document's folder (a setting may point elsewhere). */
  mayWrite: (uri: string) => boolean;
  /** Parses a `.bib` (the service's cache: a bibliography unchanged since the analysis is not parsed again). */
  parseBibliography: (uri: string, text: string) => ParsedBibliography;
}

/** Cite actions for at most this many values of a range: a select-all would ask for every value in the document. */
export const MAX_CITED_VALUES = 10;

/** One request's state: the target bibliography read and parsed once, and each file's line table built once. */
interface CiteRequest extends CiteContext {
  bibliography: TargetBibliography | undefined;
  onlyCitation: string | undefined;
  lineTables: Map<string, TextDocument>;
}

/** A file's text as the edits were computed against it: the document itself, or the bibliography as read once. */
function textOf(request: CiteRequest, uri: string): string {
  if (uri === request.document.uri) return request.document.getText();
  if (uri === request.bibliography?.uri) return request.bibliography.text;
  return request.workspace?.readFile(uri) ?? '';
}

/** The file's line table as the edits were computed against it (empty for a file to create), built once a request. */
function linesOf(request: CiteRequest, uri: string, create: boolean | undefined): TextDocument {
  if (uri === request.document.uri) return request.document;
  const key = `${create ? 'new ' : ''}${uri}`;
  let lines = request.lineTables.get(key);
  if (!lines) request.lineTables.set(key, (lines = TextDocument.create(uri, 'plaintext', 0, create ? '' : textOf(request, uri))));
  return lines;
}

function toWorkspaceEdit(request: CiteRequest, files: readonly FileEdit[]): WorkspaceEdit {
  if (!request.client.documentChanges) {
    // Only `changes`, as the client asked: files to create never reach here (see `citationOnlyReason`).
    return {
      changes: Object.fromEntries(files.map((file) => {
        const positions = linesOf(request, file.uri, false);
        return [file.uri, file.edits.map((edit) => ({ range: { start: positions.positionAt(edit.span.start), end: positions.positionAt(edit.span.end) }, newText: edit.newText }))];
      })),
    };
  }
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  for (const file of files) {
    if (file.create) documentChanges.push({ kind: 'create', uri: file.uri, options: { ignoreIfExists: true } });
    const positions = linesOf(request, file.uri, file.create);
    documentChanges.push({
      textDocument: { uri: file.uri, version: null },
      edits: file.edits.map((edit) => ({ range: { start: positions.positionAt(edit.span.start), end: positions.positionAt(edit.span.end) }, newText: edit.newText })),
    });
  }
  return { documentChanges };
}

type TargetBibliography = NonNullable<CiteSourceFixInput['bibliography']>;

/**
 * The `.bib` a cite action writes to: the document's first bibliography; one it declares that does not exist yet; or,
 * for a document that declares none, the `references.bib` already beside it (reused, then declared).
 */
function bibliographyFor(context: CiteContext): TargetBibliography | undefined {
  const read = (uri: string) => context.workspace?.readFile(uri);
  const [first] = context.citations.bibliographies;
  if (first) {
    const text = read(first.uri) ?? '';
    return { uri: first.uri, text, parsed: context.parseBibliography(first.uri, text) };
  }
  const missing = context.citations.missing.find((declared) => !declared.outside);
  if (missing?.tried[0]) return { uri: missing.tried[0], text: '', missing: true };
  if (context.citations.missing.length > 0 || !context.document.uri.startsWith('file:')) return undefined;
  const beside = newBibliographyUri(context.document.uri);
  const text = read(beside);
  return text === undefined ? undefined : { uri: beside, text, parsed: context.parseBibliography(beside, text), undeclared: true };
}

/** Whether the `.bib` ends inside an entry: its last entry is not closed and reading it ran to the end of the file. */
function endsInsideEntry(bibliography: TargetBibliography): boolean {
  const last = bibliography.parsed?.entries.at(-1);
  return last !== undefined && !last.complete && last.span.end >= bibliography.text.trimEnd().length;
}

/**
 * Why a cite action may write only the citation, or undefined when it may add the BibTeX entry too: a document never
 * saved has no folder; an editor that did not declare file creation gets no new file; a bibliography outside the
 * workspace is not written; front matter the YAML reader could not read may already declare one; and a `.bib` that
 * ends inside an unclosed entry would swallow the new one.
 */
function citationOnlyReason(context: CiteContext, bibliography: TargetBibliography | undefined): string | undefined {
  if (!context.document.uri.startsWith('file:')) return 'the document is not saved yet: no BibTeX entry added';
  const mustCreate = !bibliography || bibliography.missing === true;
  if (mustCreate && !(context.client.createFiles && context.client.documentChanges)) return 'this editor cannot create the .bib: no BibTeX entry added';
  if ((!bibliography && context.citations.missing.some((declared) => declared.outside)) || (bibliography && !context.mayWrite(bibliography.uri))) {
    return 'its bibliography is outside the workspace: no BibTeX entry added';
  }
  const declares = !bibliography || bibliography.undeclared === true;
  // A declaration in front matter the YAML reader could not read might be a second `bibliography:` key.
  if (declares && context.format !== 'latex' && context.scanned.frontMatter?.error) return 'the front matter is not valid YAML: fix it, then cite again';
  if (bibliography && endsInsideEntry(bibliography)) return 'the .bib ends inside an unclosed entry: fix it, then cite again';
  return undefined;
}

/** The independent sources behind a verdict's evidence, primary first, each with its reference. */
function sourcesOf(context: CiteContext, verdict: Verdict): { record: AffinityRecord; reference: Reference }[] {
  const evidence = verdict.kind === 'finding' ? verdict.finding.evidence : verdict.kind === 'unchecked' ? undefined : verdict.evidence;
  const seen = new Set<string>();
  return [...(evidence?.records ?? [])]
    .filter((record) => !record.duplicateOf)
    .sort(byGrade)
    .flatMap((record) => {
      const reference = context.kb.reference(record.referenceId);
      if (!reference || seen.has(reference.id) || reference.kind === 'database') return [];
      seen.add(reference.id);
      return [{ record, reference }];
    });
}

/** A source supports a quoted value when it gives the same measure and the value lies within the consistency tolerance of it. */
function supports(statement: AffinityStatement, record: AffinityRecord): boolean {
  if (statement.valueNm === undefined || record.measure !== statement.measure) return false;
  return isConsistent(foldOutside(statement.valueNm, statement.valueHighNm, record.valueNm, record.valueHighNm ?? record.valueNm, statement.relation));
}

/**
 * For the quoted values in a range (the first `MAX_CITED_VALUES`): "Cite <source>" for each source that supports the
 * value as written (same measure, within the consistency tolerance), and "Replace with <value> and cite <source>" for
 * each other source, the value rewritten to say what the source says (`replacementFor`) — never a citation on a number
 * its source does not give. One WorkspaceEdit each, adding the BibTeX entry (or reusing it) and declaring a new
 * bibliography when the document has none.
 */
export function citeActions(context: CiteContext, checked: readonly Checked[]): CodeAction[] {
  const bibliography = bibliographyFor(context);
  const request: CiteRequest = { ...context, bibliography, onlyCitation: citationOnlyReason(context, bibliography), lineTables: new Map() };
  return checked.slice(0, MAX_CITED_VALUES).flatMap(({ statement, verdict }) => citeActionsFor(request, statement, verdict));
}

function citeActionsFor(request: CiteRequest, statement: AffinityStatement, verdict: Verdict): CodeAction[] {
  const { bibliography, onlyCitation } = request;
  const actions: CodeAction[] = [];
  const offered = new Set<string>();
  for (const { record, reference } of sourcesOf(request, verdict)) {
    const base = { documentUri: request.document.uri, documentText: request.document.getText(), format: request.format, scanned: request.scanned, statement, reference, bibliography, citationOnly: onlyCitation !== undefined };
    const label = `${sourceLabel(record, reference)}${onlyCitation ? ` (${onlyCitation})` : ''}`;
    // A value its source gives is cited as written, even under a finding about something else (the conditions).
    if (supports(statement, record)) {
      const fix = citeSourceFix(base);
      if (fix.files.length === 0) continue;
      actions.push({ title: `Cite ${label} for this value`, kind: CodeActionKind.QuickFix, edit: toWorkspaceEdit(request, fix.files) });
      continue;
    }
    const replacement = replacementFor(statement, record, request.format);
    if (!replacement || replacement.unchanged || offered.has(`${replacement.shown}\u0000${label}`)) continue;
    offered.add(`${replacement.shown}\u0000${label}`);
    const fix = citeSourceFix({ ...base, valueEdits: replacement.edits });
    actions.push({ title: `Replace with ${replacement.shown} and cite ${label}`, kind: CodeActionKind.QuickFix, edit: toWorkspaceEdit(request, fix.files) });
  }
  return actions;
}

export function statementsIn(checked: readonly Checked[], document: TextDocument, range: Range) {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  return checked.filter(({ statement }) => statement.span.start <= end && start <= statement.span.end);
}
