import * as path from 'node:path';
import { commands, Position, Uri, ViewColumn, window, workspace, type ExtensionContext, type TextDocument, type TextEditor } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { AffinityTableView, exportCsv, requestAffinityTable, type TableViewState } from './affinity-table';
import { checkWorkspace } from './check-workspace';
import { importGtopdb } from './import-gtopdb';
import { restartingErrorHandler } from './crash-restart';
import { openKnowledgeBaseEntry, registerEntryProvider } from './knowledge-base-entry';
import { documentSelector, enabledLanguages, isManuscript } from './languages';
import { ManuscriptStatus } from './status-bar';

export const COMMANDS = {
  showAffinityTable: 'pharmalens.showAffinityTable',
  exportAffinityTableCsv: 'pharmalens.exportAffinityTableCsv',
  checkWorkspace: 'pharmalens.checkWorkspace',
  restartServer: 'pharmalens.restartServer',
  openKnowledgeBaseEntry: 'pharmalens.openKnowledgeBaseEntry',
  importGtopdb: 'pharmalens.importGtopdb',
  statusActions: 'pharmalens.statusActions',
  openWalkthroughExample: 'pharmalens.openWalkthroughExample',
} as const;

/** What `activate` returns: for the end-to-end tests and other extensions. */
export interface PharmaLensApi {
  /** The status bar item's text, `undefined` when hidden, after bringing it up to date. */
  statusBarText(): Promise<string | undefined>;
  /** What the affinity table view shows, `undefined` when it is closed. */
  affinityTableState(): TableViewState | undefined;
  /** What clicking a line number in the table view does: selects that line's value in the manuscript. */
  revealTableLine(line: number): Promise<TextEditor | undefined>;
}

let client: LanguageClient | undefined;
let tableView: AffinityTableView | undefined;

function createClient(context: ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // A small young generation: garbage of an analysis is collected sooner, so three open 1 MB manuscripts take ~137 MB
  // instead of ~153 MB, at no measured cost in time (`npm run bench`, issue 16). (The server limits the old
  // generation's growth itself.)
  const memory = ['--max-semi-space-size=2'];
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: memory } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...memory, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(enabledLanguages()),
    // Bibliographies and project files change what manuscripts cite; manuscripts checked from disk are checked again.
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/{*.bib,_quarto.yml,*.md,*.markdown,*.qmd,*.Rmd,*.rmd,*.tex,*.ltx}') },
    // Read on every (re)start: a changed list of knowledge-base files takes effect when the server restarts.
    initializationOptions: () => ({
      knowledgeBaseFiles: workspace.getConfiguration('pharmalens').get<string[]>('knowledgeBase.extraFiles', []),
      entryCommand: COMMANDS.openKnowledgeBaseEntry,
    }),
    // A card's "All N records" link runs this one command; every other link or command in server Markdown stays inert.
    markdown: { isTrusted: { enabledCommands: [COMMANDS.openKnowledgeBaseEntry] } },
    errorHandler: restartingErrorHandler(),
  };
  return new LanguageClient('pharmalens', 'PharmaLens', serverOptions, clientOptions);
}

/** The manuscript a command acts on: the one given, the active one, or the one whose table is shown. */
async function manuscriptFor(argument: unknown): Promise<TextDocument | undefined> {
  if (argument instanceof Uri) return workspace.openTextDocument(argument);
  const active = window.activeTextEditor?.document;
  const shown = tableView?.state?.manuscript;
  if (!active && shown) return workspace.openTextDocument(Uri.parse(shown));
  if (active && isManuscript(active)) return active;
  void window.showInformationMessage('PharmaLens: open a Markdown, Quarto, R Markdown or LaTeX manuscript first.');
  return undefined;
}

/** The walkthrough's example: a short manuscript with one misquoted value, opened as a new unsaved Markdown document. */
async function openWalkthroughExample(context: ExtensionContext): Promise<TextDocument> {
  const example = await workspace.fs.readFile(Uri.file(context.asAbsolutePath(path.join('walkthrough', 'example.md'))));
  const document = await workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(example) });
  await window.showTextDocument(document, { viewColumn: ViewColumn.One });
  return document;
}

/** Opens (or brings forward) the affinity table view beside the editor on the manuscript; returns what it shows. */
async function showAffinityTable(argument: unknown): Promise<TableViewState | undefined> {
  const manuscript = await manuscriptFor(argument);
  return manuscript && tableView ? tableView.show(manuscript) : undefined;
}

async function exportAffinityTableCsv(argument: unknown, destination?: Uri): Promise<Uri | undefined> {
  const manuscript = await manuscriptFor(argument);
  if (!manuscript || !client) return undefined;
  const written = await exportCsv(client, manuscript, destination);
  if (written && !destination) void window.showInformationMessage(`PharmaLens: affinity table written to ${written.fsPath}.`);
  return written;
}

/** A manuscript and a place in it, as a test passes them (`Uri`, `Position`) or a card's link (a URI string, `{ line, character }`). */
function placeOf(uri: unknown, position: unknown): { uri: Uri; position: Position } | undefined {
  const parsedUri = uri instanceof Uri ? uri : typeof uri === 'string' ? Uri.parse(uri, true) : undefined;
  if (!parsedUri || typeof position !== 'object' || position === null) return undefined;
  const { line, character } = position as { line?: unknown; character?: unknown };
  if (position instanceof Position) return { uri: parsedUri, position };
  return typeof line === 'number' && typeof character === 'number' && line >= 0 && character >= 0 ? { uri: parsedUri, position: new Position(line, character) } : undefined;
}

/**
 * Opens the knowledge-base entry of the compound or target at the cursor of the active manuscript, or at `position`
 * of the manuscript `uri` when a caller (a link, a test) names the place.
 */
async function openKnowledgeBaseEntryAt(uri?: unknown, position?: unknown): Promise<TextDocument | undefined> {
  const place = placeOf(uri, position);
  if (place) {
    const document = await workspace.openTextDocument(place.uri);
    return client && isManuscript(document) ? openKnowledgeBaseEntry(client, document, place.position, ViewColumn.One) : undefined;
  }
  const editor = window.activeTextEditor;
  if (!editor || !isManuscript(editor.document)) {
    void window.showInformationMessage('PharmaLens: open a Markdown, Quarto, R Markdown or LaTeX manuscript first.');
    return undefined;
  }
  return client ? openKnowledgeBaseEntry(client, editor.document, editor.selection.active, editor.viewColumn) : undefined;
}

let restarting: Promise<void> = Promise.resolve();

/** Restarts the server with the languages now enabled; restarts asked for while one runs wait their turn. */
function restartServer(): Promise<void> {
  restarting = restarting.then(async () => {
    if (!client) return;
    client.clientOptions.documentSelector = documentSelector(enabledLanguages());
    await client.restart();
  });
  return restarting;
}

/** What the status item offers when clicked. */
async function showStatusActions(): Promise<void> {
  const choices = [
    { label: '$(table) Show Affinity Table', command: COMMANDS.showAffinityTable },
    { label: '$(checklist) Check All Manuscripts in the Workspace', command: COMMANDS.checkWorkspace },
    { label: '$(gear) Open PharmaLens Settings', command: 'workbench.action.openSettings', args: ['@ext:pharmalens.pharmalens'] },
  ];
  const chosen = await window.showQuickPick(choices, { title: 'PharmaLens' });
  if (chosen) await commands.executeCommand(chosen.command, ...(chosen.args ?? []));
}

export async function activate(context: ExtensionContext): Promise<PharmaLensApi> {
  client = createClient(context);
  const status = new ManuscriptStatus(COMMANDS.statusActions, async (document) => (client ? (await requestAffinityTable(client, document)).length : 0));
  context.subscriptions.push(
    status,
    (tableView = new AffinityTableView(() => client, isManuscript, COMMANDS.exportAffinityTableCsv)),
    registerEntryProvider(),
    commands.registerCommand(COMMANDS.showAffinityTable, showAffinityTable),
    commands.registerCommand(COMMANDS.statusActions, showStatusActions),
    commands.registerCommand(COMMANDS.openWalkthroughExample, () => openWalkthroughExample(context)),
    commands.registerCommand(COMMANDS.exportAffinityTableCsv, exportAffinityTableCsv),
    commands.registerCommand(COMMANDS.checkWorkspace, () => (client ? checkWorkspace(client) : undefined)),
    commands.registerCommand(COMMANDS.restartServer, restartServer),
    commands.registerCommand(COMMANDS.openKnowledgeBaseEntry, openKnowledgeBaseEntryAt),
    commands.registerCommand(COMMANDS.importGtopdb, (files?: Uri[], destination?: Uri, use?: boolean) => (client ? importGtopdb(client, files, destination, use) : undefined)),
    workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('pharmalens.enable') || event.affectsConfiguration('pharmalens.knowledgeBase.extraFiles')) void restartServer().then(() => status.refresh());
    }),
  );
  await client.start();
  status.scheduleRefresh();
  return {
    statusBarText: async () => {
      await status.refresh();
      return status.text;
    },
    affinityTableState: () => tableView?.state,
    revealTableLine: async (line) => tableView?.revealLine(line),
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
