import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { createServer } from '../../server/src/lsp/server';
import {
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeParams,
  type InitializeResult,
  type ProtocolConnection,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';

export const projectRoot = path.resolve(__dirname, '../..');

export interface RunningServer {
  connection: ProtocolConnection;
  initialized: InitializeResult;
  /** `window/showMessage` notifications received so far. */
  messages: ShowMessageParams[];
  stop(): Promise<void>;
}

/**
 * Starts a server and completes the initialize handshake; `setUp` registers handlers (e.g. for
 * `workspace/configuration`) before the first message. By default the server runs in this process over a pair of
 * streams (`createServer`, no build needed); `{ spawn: true }` starts the built `dist/server.js --stdio` instead.
 */
export async function startServer(params: Partial<InitializeParams> = {}, setUp?: (connection: ProtocolConnection) => void, options: { spawn?: boolean } = {}): Promise<RunningServer> {
  let connection: ProtocolConnection;
  let shutDown: () => void;
  if (options.spawn) {
    const server = spawn(process.execPath, [path.join(projectRoot, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    shutDown = () => void connection.sendNotification(ExitNotification.type);
  } else {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const server = createServer(serverConnection);
    serverConnection.listen();
    connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    // No `exit` in-process: the library answers it by ending the process.
    shutDown = () => {
      server.dispose();
      serverConnection.dispose();
      toServer.end();
      toClient.end();
    };
  }
  const messages: ShowMessageParams[] = [];
  connection.onNotification('window/showMessage', (message: ShowMessageParams) => {
    messages.push(message);
  });
  setUp?.(connection);
  connection.listen();
  // In-process, no parent process to watch: a processId would start the library's watchdog timer.
  const initialized = await connection.sendRequest(InitializeRequest.type, { processId: options.spawn ? process.pid : null, rootUri: null, capabilities: {}, workspaceFolders: null, ...params });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    initialized,
    messages,
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      shutDown();
      connection.dispose();
    },
  };
}
