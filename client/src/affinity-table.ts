import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import {
  commands,
  languages,
  Position,
  Range,
  Selection,
  TextEditorRevealType,
  Uri,
  ViewColumn,
  window,
  workspace,
  type Disposable,
  type TextDocument,
  type TextEditor,
  type WebviewPanel,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AFFINITY_TABLE_REQUEST, affinityTableCsv, type AffinityTableParams, type AffinityTableRow } from '../../server/src/protocol';
import { affinityTableHtml } from './affinity-table-html';

function fileName(document: TextDocument): string {
  return path.posix.basename(document.uri.path) || 'manuscript';
}

export async function requestAffinityTable(client: LanguageClient, document: TextDocument): Promise<AffinityTableRow[]> {
  const params: AffinityTableParams = { uri: client.code2ProtocolConverter.asUri(document.uri) };
  return client.sendRequest<AffinityTableRow[]>(AFFINITY_TABLE_REQUEST, params);
}

const REFRESH_DELAY_MS = 300;

/** What the table view shows now: for tests and for the export button. */
export interface TableViewState {
  manuscript: string;
  rows: AffinityTableRow[];
}

/**
 * The affinity table as a panel beside the editor that stays open: it follows the active manuscript (and its edits,
 * through the diagnostics the server publishes), sorts by any column and reveals a value's line when its number is
 * clicked. One panel for the window.
 */
export class AffinityTableView implements Disposable {
  private panel: WebviewPanel | undefined;
  private manuscript: TextDocument | undefined;
  private pending: TextDocument | undefined;
  private rows: AffinityTableRow[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: Disposable[];

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly isManuscript: (document: TextDocument) => boolean,
    private readonly exportCommand: string,
  ) {
    this.subscriptions = [
      window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && this.isManuscript(editor.document) && editor.document !== this.pending) void this.show(editor.document, false);
      }),
      languages.onDidChangeDiagnostics((event) => {
        const shown = this.manuscript?.uri.toString();
        if (this.panel && event.uris.some((uri) => uri.toString() === shown)) this.scheduleRefresh();
      }),
    ];
  }

  get state(): TableViewState | undefined {
    return this.panel && this.manuscript ? { manuscript: this.manuscript.uri.toString(), rows: this.rows } : undefined;
  }

  /** Shows `manuscript`'s table, opening the panel beside the editor if it is closed; `reveal` brings it to the front. */
  async show(manuscript: TextDocument, reveal = true): Promise<TableViewState | undefined> {
    if (!this.panel) {
      this.panel = window.createWebviewPanel('pharmalens.affinityTable', 'Affinities', { viewColumn: ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.manuscript = undefined;
        this.pending = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message));
    } else if (reveal) {
      this.panel.reveal(undefined, true);
    }
    await this.refresh(manuscript);
    return this.state;
  }

  private scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Asks for `manuscript`'s rows (the one shown by default), then shows them and it together. */
  private async refresh(manuscript = this.manuscript): Promise<void> {
    const client = this.client();
    if (!this.panel || !manuscript || !client) return;
    this.pending = manuscript;
    const rows = await requestAffinityTable(client, manuscript);
    // A later request (another manuscript became active meanwhile) wins.
    if (!this.panel || this.pending !== manuscript) return;
    this.manuscript = manuscript;
    this.rows = rows;
    this.panel.title = `Affinities: ${fileName(manuscript)}`;
    this.panel.webview.html = affinityTableHtml(fileName(manuscript), this.rows, nonce(), this.panel.webview.cspSource);
  }

  /** The line's value selected in the manuscript's editor (opened in its column if it is not visible). */
  async revealLine(line: number): Promise<TextEditor | undefined> {
    const manuscript = this.manuscript;
    if (!manuscript || !Number.isInteger(line) || line < 1 || line > manuscript.lineCount) return undefined;
    const row = this.rows.find((candidate) => candidate.line === line);
    const visible = window.visibleTextEditors.find((editor) => editor.document === manuscript);
    const editor = await window.showTextDocument(manuscript, { viewColumn: visible?.viewColumn ?? ViewColumn.One, preserveFocus: false });
    const text = manuscript.lineAt(line - 1).text;
    const column = row ? Math.max(0, text.indexOf(row.text)) : 0;
    const start = new Position(line - 1, column);
    editor.selection = new Selection(start, row && column + row.text.length <= text.length ? start.translate(0, row.text.length) : start);
    editor.revealRange(new Range(start, start), TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  private async onMessage(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const { type, line } = message as { type?: unknown; line?: unknown };
    if (type === 'reveal' && typeof line === 'number') await this.revealLine(line);
    if (type === 'exportCsv' && this.manuscript) await commands.executeCommand(this.exportCommand, this.manuscript.uri);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function nonce(): string {
  return randomBytes(16).toString('base64');
}

function defaultCsvUri(manuscript: TextDocument): Uri | undefined {
  if (manuscript.uri.scheme !== 'file') return undefined;
  const base = manuscript.uri.path.slice(0, manuscript.uri.path.length - path.posix.extname(manuscript.uri.path).length);
  return manuscript.uri.with({ path: `${base}-affinities.csv` });
}

/** Writes the table as CSV to `destination`, or where the user picks in a save dialog; returns where it went. */
export async function exportCsv(client: LanguageClient, manuscript: TextDocument, destination?: Uri): Promise<Uri | undefined> {
  const target = destination ?? (await window.showSaveDialog({ defaultUri: defaultCsvUri(manuscript), filters: { CSV: ['csv'] }, title: 'Export affinity table' }));
  if (!target) return undefined;
  const csv = affinityTableCsv(await requestAffinityTable(client, manuscript));
  await workspace.fs.writeFile(target, new TextEncoder().encode(csv));
  return target;
}
