/**
 * Replays a reproducer of `test/fixtures/robustness/` (files, initialization options, settings, LSP messages with
 * pauses) against a server running in this process, in a fresh temporary workspace, and collects what it answers.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { projectRoot, startServer } from './server';

interface Reproducer {
  about: string;
  files?: Record<string, string>;
  initOptions?: unknown;
  settings?: unknown;
  /** The client's capabilities; without it, an editor's that accepts versioned edits and file creation. */
  caps?: ClientCapabilities;
  messages: ({ method: string; params: unknown; request?: boolean } | { wait: number })[];
}

export interface Replayed {
  root: string;
  rootUri: string;
  /** The answers to the requests, in order. */
  answers: unknown[];
  /** Every publishDiagnostics, in order. */
  published: PublishDiagnosticsParams[];
  /** Every window/logMessage text. */
  logged: string[];
  /** Whether `initialize` was answered. */
  started: boolean;
}

const EDITOR_CAPABILITIES: ClientCapabilities = { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } } };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `$ROOT` in every string of a value, replaced by the workspace's URI. */
function withRoot<T>(value: T, rootUri: string): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value).replaceAll('$ROOT', rootUri)) as T);
}

export async function replay(name: string, overrides: Partial<Reproducer> = {}): Promise<Replayed> {
  const reproducer = { ...(JSON.parse(readFileSync(path.isAbsolute(name) ? name : path.join(projectRoot, 'test/fixtures/robustness', name), 'utf8')) as Reproducer), ...overrides };
  const root = mkdtempSync(path.join(tmpdir(), 'pharmalens-replay-'));
  const rootUri = pathToFileURL(root).href;
  for (const [file, text] of Object.entries(reproducer.files ?? {})) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const caps = reproducer.caps ?? EDITOR_CAPABILITIES;
  const published: PublishDiagnosticsParams[] = [];
  const logged: string[] = [];
  const answers: unknown[] = [];
  let server;
  try {
    server = await startServer(
      {
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'replay' }],
        initializationOptions: withRoot(reproducer.initOptions, rootUri),
        capabilities: { ...caps, workspace: { ...caps.workspace, configuration: reproducer.settings !== undefined } },
      },
      (connection) => {
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
          published.push(params);
        });
        connection.onNotification('window/logMessage', (params: { message: string }) => {
          logged.push(params.message);
        });
        connection.onRequest('workspace/configuration', () => [withRoot(reproducer.settings, rootUri) ?? null]);
        connection.onRequest('client/registerCapability', () => null);
      },
    );
  } catch (error) {
    logged.push(`initialize failed: ${(error as Error).message}`);
    return { root, rootUri, answers, published, logged, started: false };
  }
  for (const message of withRoot(reproducer.messages, rootUri)) {
    if ('wait' in message) await sleep(Math.min(message.wait, 400));
    else if (message.request) answers.push(await server.connection.sendRequest(message.method, message.params));
    else await server.connection.sendNotification(message.method, message.params);
  }
  await sleep(300);
  await server.stop();
  return { root, rootUri, answers, published, logged, started: true };
}
