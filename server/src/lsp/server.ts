/**
 * The PharmaLens language server as a factory: `createServer(connection)` registers every handler on a connection and
 * keeps the server's state in one object; `server.ts` gives it stdio or IPC, tests a pair of in-process streams.
 */
import { bibliographyDiagnostics, createLanguageService, type EditCapabilities, type DiagnosticSettings, type DiscoveryOptions, type DocumentAnalysis, type LanguageService } from '../service/index';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  FileChangeType,
  MessageType,
  RequestType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  WorkDoneProgress,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clampedTextDocuments } from './documents';
import { loadKnowledgeBaseFiles } from '../node/knowledge-base-file';
import { nodeWorkspace } from '../node/workspace';
import { emptyConfig, loadProjectConfig, type ProjectConfig } from '../node/project-config';
import {
  AFFINITY_TABLE_REQUEST,
  CHECK_FILES_REQUEST,
  diagnosticCounts,
  IMPORT_GTOPDB_REQUEST,
  KNOWLEDGE_BASE_ENTRY_REQUEST,
  type AffinityTableParams,
  type AffinityTableRow,
  type CheckFilesParams,
  type CheckFilesResult,
  type ImportGtopdbParams,
  type ImportGtopdbResult,
  type KnowledgeBaseEntry,
  type KnowledgeBaseEntryParams,
} from '../protocol';
import { filesUnder, isManuscript, readManuscript } from '../node/manuscript-files';
import { importGtopdbFiles } from '../node/gtopdb-import';
import { InputError } from '../node/input-error';

import { DEFAULT_EDITOR_SETTINGS, parseEditorSettings, type EditorSettings } from './settings';

const VALIDATION_DELAY_MS = 200;
/** While typing, diagnostics wait for a pause of twice the document's last analysis time, within these bounds. */
const TYPING_DELAY_MIN_MS = 30;

/**
 * A short manuscript, or an edit read in part (a few ms), gets its diagnostics 30 ms after a keystroke; an edit that
 * made the whole of a 1 MB manuscript be read waits up to 200 ms before the next.
 */
export function typingDelay(lastAnalysisMs: number | undefined): number {
  if (lastAnalysisMs === undefined) return VALIDATION_DELAY_MS;
  return Math.min(VALIDATION_DELAY_MS, Math.max(TYPING_DELAY_MIN_MS, Math.round(2 * lastAnalysisMs)));
}

/** Everything the server remembers between messages. */
export interface ServerState {
  service: LanguageService | undefined;
  /** Severity per code: the project config's, overridden by the editor's. */
  settings: DiagnosticSettings;
  editor: EditorSettings;
  /** The workspace's `.pharmalens.json` (or `pharmalens.config.json`), shared with the CLI; editor settings override it. */
  projectConfig: ProjectConfig;
  workspaceRoot: string | undefined;
  /** The Quarto project file at the workspace root, read at start and again when the file watcher reports a change. */
  quartoYaml: string | undefined;
  clientHasConfiguration: boolean;
  /** Only a client that says it can take a dynamic registration gets one (eglot warns about any other). */
  clientRegistersConfigurationChanges: boolean;
  clientRefreshesInlayHints: boolean;
  /** Stage failures since start: each is logged with its stack and counted, and the document shows it as a diagnostic. */
  stageFailures: number;
  /** What the client's workspace edits may hold: no `documentChanges` or `CreateFile` it did not declare. */
  editCapabilities: EditCapabilities;
  /** The client command a card links its whole entry to (`initializationOptions.entryCommand`); none if not declared. */
  entryCommand: string | undefined;
}

export interface PharmaLensServer {
  state: ServerState;
  /** Stops pending validations (a connection closed in-process leaves no timer behind). */
  dispose(): void;
}

export function createServer(connection: Connection): PharmaLensServer {
  const state: ServerState = {
    service: undefined,
    settings: {},
    editor: DEFAULT_EDITOR_SETTINGS,
    projectConfig: emptyConfig(process.cwd()),
    workspaceRoot: undefined,
    quartoYaml: undefined,
    clientHasConfiguration: false,
    clientRegistersConfigurationChanges: false,
    clientRefreshesInlayHints: false,
    stageFailures: 0,
    editCapabilities: { documentChanges: false, createFiles: false },
    entryCommand: undefined,
  };
  const documents = new TextDocuments(clampedTextDocuments);
  const analyses = new Map<string, { version: number; analysis: DocumentAnalysis | undefined }>();
  const pendingValidations = new Map<string, NodeJS.Timeout>();
  /** How long each open document's last analysis took, for the typing delay. */
  const analysisTimes = new Map<string, number>();
  const workspaceFiles = nodeWorkspace((uri) => documents.get(uri)?.getText());
  /** The text of each closed bibliography whose diagnostics were last published, so they are sent again only on change. */
  const publishedBibliographies = new Map<string, string>();

  /** Manuscripts whose diagnostics a workspace check published from disk: closing one shows its saved text's again, not none. */
  const checkedOnDisk = new Set<string>();


  function readQuartoProject(): void {
    const quartoFile = state.workspaceRoot ? path.join(state.workspaceRoot, '_quarto.yml') : undefined;
    state.quartoYaml = quartoFile && existsSync(quartoFile) ? readFileSync(quartoFile, 'utf8') : undefined;
  }

  function discoveryOptions(): DiscoveryOptions {
    return { workspaceRoot: state.workspaceRoot, quartoYaml: state.quartoYaml, fallback: [...state.editor.bibliography, ...state.projectConfig.bibliography] };
  }

  function isBibtex(document: TextDocument): boolean {
    return document.languageId === 'bibtex' || document.uri.toLowerCase().endsWith('.bib');
  }


  /** `previous`: the analysis of an earlier version, from which only the paragraphs around the edits are read again. */
  function analyzeAndReport(document: TextDocument, previous?: DocumentAnalysis): DocumentAnalysis | undefined {
    let analysis: DocumentAnalysis | undefined;
    const started = performance.now();
    try {
      analysis = state.service?.analyze(document, previous);
      analysisTimes.set(document.uri, performance.now() - started);
    } catch (error) {
      state.stageFailures++;
      connection.console.error(`PharmaLens could not analyze ${document.uri} (failure ${state.stageFailures} since start): ${(error as Error).stack ?? String(error)}`);
    }
    for (const failure of analysis?.failures ?? []) {
      state.stageFailures++;
      connection.console.error(`PharmaLens: the ${failure.stage} stage failed on ${document.uri} version ${document.version} (failure ${state.stageFailures} since start): ${failure.stack ?? failure.message}`);
    }
    return analysis;
  }

  function analysisOf(document: TextDocument): DocumentAnalysis | undefined {
    const cached = analyses.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const analysis = analyzeAndReport(document, cached?.analysis);
    analyses.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  /** Publishes for the version that was analyzed (a newer edit schedules its own run) and returns what it published. */
  function validate(uri: string): Diagnostic[] {
    pendingValidations.delete(uri);
    const document = documents.get(uri);
    if (!document || !state.service) return [];
    const diagnostics = isBibtex(document) ? bibliographyDiagnostics(document, state.settings) : manuscriptDiagnostics(document, analysisOf(document));
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    return diagnostics;
  }

  function manuscriptDiagnostics(document: TextDocument, analysis: DocumentAnalysis | undefined): Diagnostic[] {
    for (const bibliography of analysis?.citations.bibliographies ?? []) publishClosedBibliography(bibliography.uri);
    return analysis && state.service ? state.service.diagnostics(document, analysis, state.settings) : [];
  }

  /** A manuscript's bibliography that is not open in the editor still gets its problems shown (a broken entry names its line). */
  function publishClosedBibliography(uri: string): void {
    if (documents.get(uri)) return;
    const text = workspaceFiles.readFile(uri);
    if (text === undefined) return;
    const published = publishedBibliographies.get(uri);
    if (published === text) return;
    publishedBibliographies.set(uri, text);
    void connection.sendDiagnostics({ uri, diagnostics: bibliographyDiagnostics(TextDocument.create(uri, 'bibtex', 0, text), state.settings) });
  }

  function scheduleValidation(uri: string, delay = VALIDATION_DELAY_MS): void {
    clearTimeout(pendingValidations.get(uri));
    pendingValidations.set(uri, setTimeout(() => validate(uri), delay));
  }

  /** Takes the editor's settings: typed once here, a wrong-typed value logged and left out. */
  function applySettings(raw: unknown, knowledgeBaseFiles: string[]): void {
    const { settings, problems } = parseEditorSettings(raw);
    for (const problem of problems) connection.console.warn(`PharmaLens: ${problem}`);
    state.editor = { ...settings, knowledgeBaseFiles };
    state.settings = { severity: { ...state.projectConfig.severity, ...settings.severity } };
  }

  async function refreshSettings(): Promise<void> {
    if (!state.clientHasConfiguration) return;
    const hintsWereEnabled = state.editor.inlayHints;
    applySettings(await connection.workspace.getConfiguration('pharmalens'), state.editor.knowledgeBaseFiles);
    analyses.clear();
    if (hintsWereEnabled !== state.editor.inlayHints && state.clientRefreshesInlayHints) void connection.languages.inlayHint.refresh();
  }

  connection.onInitialize((params): InitializeResult => {
    const options = parseEditorSettings(params.initializationOptions).settings;
    const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    state.workspaceRoot = rootUri?.startsWith('file:') ? fileURLToPath(rootUri) : undefined;
    const root = state.workspaceRoot ?? process.cwd();
    readQuartoProject();
    const configErrors: string[] = [];
    try {
      state.projectConfig = loadProjectConfig(undefined, root);
    } catch (error) {
      configErrors.push((error as Error).message);
    }
    const loaded = loadKnowledgeBaseFiles([...state.projectConfig.knowledgeBase, ...options.knowledgeBaseFiles.map((file) => path.resolve(root, file))]);
    loaded.errors.unshift(...configErrors);
    state.service = createLanguageService({ ...loaded, workspace: workspaceFiles, discoveryOptions, latexIgnoredCommands: () => state.projectConfig.latexIgnoredCommands });
    applySettings(params.initializationOptions, options.knowledgeBaseFiles);
    state.clientRefreshesInlayHints = Boolean(params.capabilities.workspace?.inlayHint?.refreshSupport);
    state.clientHasConfiguration = Boolean(params.capabilities.workspace?.configuration);
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
    state.editCapabilities = { documentChanges: workspaceEdit?.documentChanges === true, createFiles: workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('create') };
    const { entryCommand } = (params.initializationOptions ?? {}) as { entryCommand?: unknown };
    state.entryCommand = typeof entryCommand === 'string' && /^[\w.-]+$/.test(entryCommand) ? entryCommand : undefined;
    state.clientRegistersConfigurationChanges = Boolean(params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration);
    for (const error of loaded.errors) connection.console.error(error);
    if (loaded.errors.length > 0) {
      // A notification, not a request: every client shows it, and none has to answer.
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Error,
        message: `PharmaLens: ${loaded.errors.length} problem(s) in the project configuration or extra knowledge-base files; they were left out. ${loaded.errors[0]}`,
      });
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        completionProvider: { triggerCharacters: ['{', ',', '@'] },
        inlayHintProvider: true,
      },
      serverInfo: { name: 'pharmalens-ls', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (state.clientHasConfiguration) {
      if (state.clientRegistersConfigurationChanges) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'pharmalens' });
      void refreshSettings().then(() => documents.all().forEach((document) => scheduleValidation(document.uri, 0)));
    }
  });

  connection.onDidChangeConfiguration(async () => {
    await refreshSettings();
    for (const document of documents.all()) scheduleValidation(document.uri, 0);
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !state.service) return null;
    const analysis = analysisOf(document);
    return analysis ? state.service.hover(document, analysis, params.position, { ...state.editor.hover, entryCommand: state.entryCommand }) : null;
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !state.service) return [];
    const analysis = analysisOf(document);
    return analysis ? state.service.codeActions(document, analysis, params.context.diagnostics, params.range, state.editCapabilities) : [];
  });

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !state.service || isBibtex(document)) return [];
    const analysis = analysisOf(document);
    return analysis ? state.service.completions(document, analysis, params.position) : [];
  });

  /** The manuscript's statements as table rows; empty for a document that is not open or not a manuscript. */
  connection.onRequest(AFFINITY_TABLE_REQUEST, (params: AffinityTableParams): AffinityTableRow[] => {
    const document = documents.get(params.uri);
    if (!document || !state.service || isBibtex(document)) return [];
    const analysis = analysisOf(document);
    return analysis ? state.service.affinityTable(document, analysis) : [];
  });

  /** The value on the other scale after each quoted value, when `pharmalens.inlayHints.enabled` is on. */
  connection.languages.inlayHint.on((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!state.editor.inlayHints || !document || !state.service || isBibtex(document)) return [];
    const analysis = analysisOf(document);
    return analysis ? state.service.inlayHints(document, analysis, params.range) : [];
  });

  const knowledgeBaseEntryRequest = new RequestType<KnowledgeBaseEntryParams, KnowledgeBaseEntry | null, void>(KNOWLEDGE_BASE_ENTRY_REQUEST);

  /** The compound or target under the cursor, as plain JSON; `null` for a document that is not open or a position on no known name. */
  connection.onRequest(knowledgeBaseEntryRequest, (params): KnowledgeBaseEntry | null => {
    const document = documents.get(params.uri);
    if (!document || !state.service || isBibtex(document)) return null;
    const analysis = analysisOf(document);
    return analysis ? state.service.knowledgeBaseEntry(document, analysis, params.position) : null;
  });

  /** Checks one manuscript, open (its current text) or on disk (its saved text), and publishes its diagnostics. */
  function checkFile(uri: string): Diagnostic[] {
    if (documents.get(uri)) return validate(uri);
    const { document } = readManuscript(fileURLToPath(uri));
    const diagnostics = manuscriptDiagnostics(document, analyzeAndReport(document));
    checkedOnDisk.add(uri);
    void connection.sendDiagnostics({ uri, diagnostics });
    return diagnostics;
  }

  /** Every manuscript under the workspace root, for clients that do not list the files themselves. */
  function workspaceManuscripts(): string[] {
    if (!state.workspaceRoot) return [];
    return filesUnder(state.workspaceRoot).filter(isManuscript).map((file) => pathToFileURL(file).href);
  }

  const yieldToOtherMessages = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  /** Checks the listed manuscripts (or the workspace's) one by one, reporting progress and answering other requests in between. */
  // Any params shape a client sends: `{}`, none, or `[]` (Neovim encodes an empty Lua table so; the JSON-RPC library
  // then spreads the array, and the token comes first).
  connection.onRequest(CHECK_FILES_REQUEST, async (...args: unknown[]): Promise<CheckFilesResult> => {
    const token = args[args.length - 1] as CancellationToken;
    const params = (args.length >= 2 && typeof args[0] === 'object' && args[0] !== null && !Array.isArray(args[0]) ? args[0] : {}) as CheckFilesParams;
    const uris = Array.isArray(params.uris) ? params.uris.filter((uri): uri is string => typeof uri === 'string') : workspaceManuscripts();
    const result: CheckFilesResult = { files: [], unreadable: [], cancelled: false };
    const progressToken = params.workDoneToken;
    const progress = (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => {
      if (progressToken !== undefined) void connection.sendProgress(WorkDoneProgress.type, progressToken, value);
    };
    progress({ kind: 'begin', title: 'PharmaLens: checking manuscripts', percentage: 0, cancellable: true });
    for (const [index, uri] of uris.entries()) {
      if (token.isCancellationRequested) {
        result.cancelled = true;
        break;
      }
      progress({ kind: 'report', message: `${index + 1}/${uris.length} ${path.basename(uri)}`, percentage: Math.floor((index * 100) / Math.max(uris.length, 1)) });
      try {
        result.files.push({ uri, ...diagnosticCounts(checkFile(uri)) });
      } catch (error) {
        result.unreadable.push({ uri, message: (error as Error).message });
      }
      await yieldToOtherMessages();
    }
    progress({ kind: 'end' });
    return result;
  });

  /** Imports a GtoPdb download the user chose into a knowledge-base file; a bad file is answered with its message. */
  connection.onRequest(IMPORT_GTOPDB_REQUEST, (params: ImportGtopdbParams): ImportGtopdbResult => {
    const files = Array.isArray(params?.files) ? params.files.filter((file): file is string => typeof file === 'string') : [];
    if (typeof params?.out !== 'string' || params.out === '') throw new ResponseError(ErrorCodes.InvalidParams, 'pharmalens/importGtopdb needs "out", the path of the file to write');
    try {
      const { outFile, result, summary } = importGtopdbFiles(files, params.out, loadKnowledgeBaseFiles().kb, { release: typeof params.release === 'string' ? params.release : undefined });
      return { outFile, release: result.release, records: result.records, skippedRows: result.skipped.length, summary };
    } catch (error) {
      if (error instanceof InputError) throw new ResponseError(ErrorCodes.InvalidRequest, error.message);
      throw error;
    }
  });

  /** A manuscript's analysis depends on its bibliography files: when one changes, every manuscript is checked again. */
  function bibliographiesChanged(): void {
    analyses.clear();
    for (const document of documents.all()) if (!isBibtex(document)) scheduleValidation(document.uri);
  }

  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((change) => /_quarto\.ya?ml$/i.test(change.uri))) readQuartoProject();
    // A LaTeX root may declare the bibliography of the open chapters.
    if (params.changes.some((change) => /\.(bib|ya?ml|tex|ltx)$/i.test(change.uri))) bibliographiesChanged();
    for (const change of params.changes) {
      if (!checkedOnDisk.has(change.uri) || documents.get(change.uri)) continue;
      try {
        if (change.type === FileChangeType.Deleted) throw new Error('deleted');
        checkFile(change.uri);
      } catch {
        checkedOnDisk.delete(change.uri);
        void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      }
    }
  });

  documents.onDidChangeContent((event) => {
    scheduleValidation(event.document.uri, typingDelay(analysisTimes.get(event.document.uri)));
    if (isBibtex(event.document)) bibliographiesChanged();
  });
  documents.onDidClose((event) => {
    const { uri } = event.document;
    clearTimeout(pendingValidations.get(uri));
    pendingValidations.delete(uri);
    analyses.delete(uri);
    analysisTimes.delete(uri);
    if (checkedOnDisk.has(uri)) {
      try {
        checkFile(uri);
        return;
      } catch {
        checkedOnDisk.delete(uri);
      }
    }
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  documents.listen(connection);

  return {
    state,
    dispose() {
      for (const timer of pendingValidations.values()) clearTimeout(timer);
      pendingValidations.clear();
    },
  };
}
