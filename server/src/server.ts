import {
  createConnection,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type DocumentAnalysis, type LanguageService } from './service/index';
import { loadKnowledgeBaseFiles } from './node/knowledge-base-file';

const connection = createConnection(ProposedFeatures.all);
process.on('unhandledRejection', (reason) => connection.console.error(`PharmaLens: unhandled rejection: ${String(reason)}`));
const documents = new TextDocuments(TextDocument);
const analyses = new Map<string, { version: number; analysis: DocumentAnalysis | undefined }>();
let service: LanguageService | undefined;

function analysisOf(document: TextDocument): DocumentAnalysis | undefined {
  const cached = analyses.get(document.uri);
  if (cached && cached.version === document.version) return cached.analysis;
  let analysis: DocumentAnalysis | undefined;
  try {
    analysis = service?.analyze(document);
  } catch (error) {
    connection.console.error(`PharmaLens could not analyze ${document.uri}: ${(error as Error).stack ?? String(error)}`);
  }
  analyses.set(document.uri, { version: document.version, analysis });
  return analysis;
}

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { knowledgeBaseFiles?: string[] };
  const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  const root = rootUri?.startsWith('file:') ? fileURLToPath(rootUri) : process.cwd();
  const loaded = loadKnowledgeBaseFiles((options.knowledgeBaseFiles ?? []).map((file) => path.resolve(root, file)));
  service = createLanguageService(loaded);
  for (const error of loaded.errors) connection.console.error(error);
  if (loaded.errors.length > 0) {
    // A notification, not a request: every client shows it, and none has to answer.
    void connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Error,
      message: `PharmaLens: ${loaded.errors.length} problem(s) in extra knowledge-base files; they were left out. ${loaded.errors[0]}`,
    });
  }
  return {
    capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, hoverProvider: true },
    serverInfo: { name: 'pharmalens-ls', version: '0.1.0' },
  };
});

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !service) return null;
  const analysis = analysisOf(document);
  return analysis ? service.hover(document, analysis, params.position) : null;
});

documents.onDidClose((event) => analyses.delete(event.document.uri));

documents.listen(connection);
connection.listen();
