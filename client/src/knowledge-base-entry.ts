import { window, workspace, type TextDocument, type TextEditor } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  KNOWLEDGE_BASE_ENTRY_REQUEST,
  type KnowledgeBaseEntry,
  type KnowledgeBaseEntryParams,
} from '../../server/src/service/present/knowledge-base-entry';

export async function requestKnowledgeBaseEntry(client: LanguageClient, editor: TextEditor): Promise<KnowledgeBaseEntry | null> {
  const params: KnowledgeBaseEntryParams = {
    uri: client.code2ProtocolConverter.asUri(editor.document.uri),
    position: client.code2ProtocolConverter.asPosition(editor.selection.active),
  };
  return client.sendRequest<KnowledgeBaseEntry | null>(KNOWLEDGE_BASE_ENTRY_REQUEST, params);
}

/** Asks the server for the entry under the cursor and shows it in an untitled JSON document; returns that document. */
export async function openKnowledgeBaseEntry(client: LanguageClient, editor: TextEditor): Promise<TextDocument | undefined> {
  const entry = await requestKnowledgeBaseEntry(client, editor);
  if (!entry) {
    void window.showInformationMessage('PharmaLens: put the cursor on a compound or target the knowledge base knows.');
    return undefined;
  }
  const document = await workspace.openTextDocument({ language: 'json', content: `${JSON.stringify(entry, null, 2)}\n` });
  await window.showTextDocument(document, { preview: true, viewColumn: editor.viewColumn === undefined ? undefined : editor.viewColumn + 1 });
  return document;
}
