import * as path from 'node:path';
import { Uri, window, workspace, type Disposable, type TextDocument, type TextDocumentContentProvider } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  AFFINITY_TABLE_REQUEST,
  affinityTableCsv,
  affinityTableMarkdown,
  type AffinityTableParams,
  type AffinityTableRow,
} from '../../server/src/protocol';

/** Read-only documents holding a manuscript's table: `pharmalens-table:/<name> affinities.md?<manuscript uri>`. */
export const TABLE_SCHEME = 'pharmalens-table';

export async function requestAffinityTable(client: LanguageClient, document: TextDocument): Promise<AffinityTableRow[]> {
  const params: AffinityTableParams = { uri: client.code2ProtocolConverter.asUri(document.uri) };
  return client.sendRequest<AffinityTableRow[]>(AFFINITY_TABLE_REQUEST, params);
}

function fileName(document: TextDocument): string {
  return path.posix.basename(document.uri.path) || 'manuscript';
}

export function tableUri(manuscript: Uri): Uri {
  const name = path.posix.basename(manuscript.path, path.posix.extname(manuscript.path)) || 'manuscript';
  return Uri.from({ scheme: TABLE_SCHEME, path: `/${name} affinities.md`, query: manuscript.toString() });
}

/** Serves the table documents, asking the server afresh each time one is opened or refreshed. */
export function tableContentProvider(client: () => LanguageClient | undefined): TextDocumentContentProvider {
  return {
    async provideTextDocumentContent(uri: Uri): Promise<string> {
      const manuscript = await workspace.openTextDocument(Uri.parse(uri.query));
      const current = client();
      const rows = current ? await requestAffinityTable(current, manuscript) : [];
      return affinityTableMarkdown(fileName(manuscript), rows);
    },
  };
}

export function registerTableProvider(client: () => LanguageClient | undefined): Disposable {
  return workspace.registerTextDocumentContentProvider(TABLE_SCHEME, tableContentProvider(client));
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
