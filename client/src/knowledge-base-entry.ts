import { EventEmitter, Uri, window, workspace, type Disposable, type Position, type TextDocument, type ViewColumn } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  KNOWLEDGE_BASE_ENTRY_REQUEST,
  type KnowledgeBaseEntry,
  type KnowledgeBaseEntryParams,
} from '../../server/src/protocol';

export async function requestKnowledgeBaseEntry(client: LanguageClient, document: TextDocument, position: Position): Promise<KnowledgeBaseEntry | null> {
  const params: KnowledgeBaseEntryParams = {
    uri: client.code2ProtocolConverter.asUri(document.uri),
    position: client.code2ProtocolConverter.asPosition(position),
  };
  return client.sendRequest<KnowledgeBaseEntry | null>(KNOWLEDGE_BASE_ENTRY_REQUEST, params);
}

/** Read-only documents holding an entry as JSON: `pharmalens-entry:/compound/amitriptyline.json`, one per entity. */
const ENTRY_SCHEME = 'pharmalens-entry';
const entries = new Map<string, string>();
const changed = new EventEmitter<Uri>();

export function registerEntryProvider(): Disposable {
  return workspace.registerTextDocumentContentProvider(ENTRY_SCHEME, { onDidChange: changed.event, provideTextDocumentContent: (uri) => entries.get(uri.toString()) ?? '' });
}

function entryUri(entry: KnowledgeBaseEntry): Uri {
  const id = entry.kind === 'compound' ? entry.compound.id : entry.target.id;
  return Uri.from({ scheme: ENTRY_SCHEME, path: `/${entry.kind}/${id.replace(/[/:]/g, '_')}.json` });
}

/**
 * Asks the server for the entry at `position` and shows it beside as a read-only JSON document (its own URI per
 * compound or target: an untitled document's URI is reused, and VS Code may restore the previous one's text into it).
 */
export async function openKnowledgeBaseEntry(
  client: LanguageClient,
  document: TextDocument,
  position: Position,
  besideColumn: ViewColumn | undefined,
): Promise<TextDocument | undefined> {
  const entry = await requestKnowledgeBaseEntry(client, document, position);
  if (!entry) {
    void window.showInformationMessage('PharmaLens: put the cursor on a compound or target the knowledge base knows.');
    return undefined;
  }
  const uri = entryUri(entry);
  entries.set(uri.toString(), `${JSON.stringify(entry, null, 2)}\n`);
  changed.fire(uri);
  const shown = await workspace.openTextDocument(uri);
  await window.showTextDocument(shown, { preview: true, viewColumn: besideColumn === undefined ? undefined : besideColumn + 1 });
  return shown;
}
