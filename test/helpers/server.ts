import { spawn } from 'node:child_process';
import * as path from 'node:path';
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
 * Starts the built server (`dist/server.js --stdio`) and completes the initialize handshake;
 * `setUp` registers handlers (e.g. for `workspace/configuration`) before the first message.
 */
export async function startServer(params: Partial<InitializeParams> = {}, setUp?: (connection: ProtocolConnection) => void): Promise<RunningServer> {
  const server = spawn(process.execPath, [path.join(projectRoot, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const messages: ShowMessageParams[] = [];
  connection.onNotification('window/showMessage', (message: ShowMessageParams) => {
    messages.push(message);
  });
  setUp?.(connection);
  connection.listen();
  const initialized = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null, ...params });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    initialized,
    messages,
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      connection.dispose();
    },
  };
}
