import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './lsp/server';

/** `pharmalens-ls --stdio` (or IPC, as the VS Code client starts it): the language server over this process's streams. */
const connection = createConnection(ProposedFeatures.all);
process.on('unhandledRejection', (reason) => connection.console.error(`PharmaLens: unhandled rejection: ${String(reason)}`));
createServer(connection);
connection.listen();
