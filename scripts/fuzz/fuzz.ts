/**
 * The fuzzer: drives the built server (`dist/server.js --stdio`) with mutated real manuscripts, random edits and
 * requests at random places, wrong-typed settings, restricted clients and malformed workspace files, checks every
 * answer with the oracle, and writes each failing case as a replayable reproducer (the format of
 * `test/fixtures/robustness/`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type InlayHint,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { bibliography, capabilities, knowledgeBaseFile, mutateManuscript, Random, randomPiece, settings, SOURCE_EXTENSIONS } from './inputs';
import { FUZZ_ENTRY_COMMAND, hoverProblems, rangeProblem, workspaceEditProblems, type Problem, type ProblemKind } from './oracle';

export interface FuzzOptions {
  cases: number;
  seed: number;
  projectRoot: string;
  /** The server to fuzz; `dist/server.js` of the project by default. */
  serverPath?: string;
  /** Cases per server process (each process gets fresh settings, capabilities and workspace files). */
  casesPerSession?: number;
  /** Cases in flight at once on one server: hides the diagnostics debounce. */
  concurrency?: number;
  /** A request unanswered this long is a hang. */
  timeoutMs?: number;
  /** Where failing cases are written as reproducers; none when absent. */
  failuresDir?: string;
  progress?: (line: string) => void;
}

export interface FuzzReport {
  cases: number;
  seconds: number;
  requests: number;
  edits: number;
  counts: Record<ProblemKind, number>;
  /** Distinct problems (by message with numbers blanked), with how often and the first case that showed each. */
  distinct: { kind: ProblemKind; message: string; count: number; reproducer?: string }[];
}

interface Message {
  method: string;
  params: unknown;
  request?: boolean;
}

interface Session {
  root: string;
  rootUri: string;
  connection: ProtocolConnection;
  process: ChildProcess;
  capabilities: ClientCapabilities;
  files: Record<string, string>;
  settings: unknown;
  initOptions: unknown;
  /** Published diagnostics by URI and version. */
  published: Map<string, Map<number | undefined, Diagnostic[]>>;
  exited: boolean;
  logged: Problem[];
}

const LANGUAGE_BY_EXTENSION: Record<string, string> = { '.md': 'markdown', '.qmd': 'quarto', '.rmd': 'rmd', '.tex': 'latex' };

function seedTexts(projectRoot: string): string[] {
  const folders = [path.join(projectRoot, 'test/fixtures/real'), path.join(projectRoot, 'examples')];
  return folders.flatMap((folder) => readdirSync(folder).filter((name) => /\.(md|qmd|tex)$/.test(name)).map((name) => readFileSync(path.join(folder, name), 'utf8')));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<{ value?: T; timedOut: boolean; error?: unknown }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ timedOut: true }), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve({ value, timedOut: false });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ timedOut: false, error });
      },
    );
  });
}

async function startSession(random: Random, projectRoot: string, serverPath: string, timeoutMs: number): Promise<{ session?: Session; problems: Problem[] }> {
  const root = mkdtempSync(path.join(tmpdir(), 'pharmalens-fuzz-'));
  const rootUri = pathToFileURL(root).href;
  const exampleKb = readFileSync(path.join(projectRoot, 'examples/lab-values.pharmalens-kb.json'), 'utf8');
  const files: Record<string, string> = { 'refs.bib': bibliography(random), 'kb.json': knowledgeBaseFile(random, exampleKb) };
  if (random.chance(0.3)) files['references.bib'] = bibliography(random);
  if (random.chance(0.2)) files['.pharmalens.json'] = random.pick(['{"knowledgeBase": ["kb.json"], "bibliography": ["refs.bib"]}', '{"severity": 5}', '{', '[[[[', '{"knowledgeBase": "kb.json"}']);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  const clientCapabilities = capabilities(random);
  const sessionSettings = settings(random);
  const initOptions = random.chance(0.5) ? settings(random) : random.chance(0.5) ? { entryCommand: FUZZ_ENTRY_COMMAND } : undefined;
  const child = spawn(process.execPath, [serverPath, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const session: Session = {
    root, rootUri, connection, process: child, capabilities: clientCapabilities, files, settings: sessionSettings, initOptions,
    published: new Map(), exited: false, logged: [],
  };
  child.on('exit', () => {
    session.exited = true;
  });
  child.stdin!.on('error', () => undefined);
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const byVersion = session.published.get(params.uri) ?? new Map<number | undefined, Diagnostic[]>();
    byVersion.set(params.version, params.diagnostics);
    session.published.set(params.uri, byVersion);
  });
  connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
    if (/could not analyze|stage failed|\n\s+at /.test(params.message)) session.logged.push({ kind: 'exception', message: params.message.split('\n')[0]!.slice(0, 300) });
  });
  connection.onNotification('window/showMessage', () => undefined);
  connection.onRequest('workspace/configuration', () => [sessionSettings]);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const initialized = await withTimeout(
    connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'fuzz' }], capabilities: clientCapabilities, initializationOptions: initOptions }),
    timeoutMs * 2,
  );
  if (initialized.timedOut) return { session, problems: [{ kind: 'hang', message: 'initialize unanswered' }] };
  if (initialized.error) return { session, problems: [{ kind: 'exception', message: `initialize failed: ${(initialized.error as Error).message}` }] };
  void connection.sendNotification('initialized', {});
  return { session, problems: [] };
}

async function stopSession(session: Session): Promise<void> {
  if (!session.exited) {
    await withTimeout(session.connection.sendRequest('shutdown'), 2000);
    void session.connection.sendNotification('exit');
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (!session.exited) session.process.kill();
  }
  session.connection.dispose();
  rmSync(session.root, { recursive: true, force: true });
}

function randomPosition(random: Random, lines: TextDocument) {
  const line = random.chance(0.05) ? lines.lineCount + random.int(5) : random.int(lines.lineCount);
  return { line, character: random.chance(0.05) ? 10_000 : random.int(120) };
}

function randomRange(random: Random, lines: TextDocument): Range {
  if (random.chance(0.1)) return { start: { line: 0, character: 0 }, end: lines.positionAt(lines.getText().length) };
  const start = lines.positionAt(random.int(lines.getText().length + 1));
  const end = random.chance(0.5) ? start : lines.positionAt(Math.min(lines.getText().length, lines.offsetAt(start) + random.int(3000)));
  return { start, end };
}

interface CaseResult {
  problems: Problem[];
  messages: Message[];
  requests: number;
  edits: number;
}

async function runCase(random: Random, session: Session, index: number, source: string, timeoutMs: number): Promise<CaseResult> {
  const problems: Problem[] = [];
  const messages: Message[] = [];
  let requests = 0;
  let edits = 0;
  const extension = random.pick(SOURCE_EXTENSIONS);
  const uri = random.chance(0.05) ? `untitled:Untitled-${index}` : `${session.rootUri}/case-${index}${extension}`;
  const languageId = LANGUAGE_BY_EXTENSION[extension] ?? 'markdown';
  let text = mutateManuscript(random, source);
  let version = 1;
  const texts = new Map<number, string>([[1, text]]);
  const send = (method: string, params: unknown) => {
    messages.push({ method, params });
    void session.connection.sendNotification(method, params);
  };
  const request = async <T>(method: string, params: unknown): Promise<T | undefined> => {
    messages.push({ method, params, request: true });
    requests++;
    const answer = await withTimeout(session.connection.sendRequest<T>(method, params), timeoutMs);
    if (answer.timedOut) problems.push({ kind: 'hang', message: `${method} unanswered after ${timeoutMs} ms` });
    if (answer.error) problems.push({ kind: 'exception', message: `${method}: ${(answer.error as Error).message.slice(0, 300)}` });
    return answer.value;
  };
  send('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  for (let change = random.int(4); change > 0; change--) {
    const lines = TextDocument.create(uri, languageId, version, text);
    const range = random.chance(0.05) ? { start: { line: lines.lineCount + 3, character: 0 }, end: { line: lines.lineCount + 4, character: 0 } } : randomRange(random, lines);
    const newText = random.chance(0.8) ? randomPiece(random) : '';
    text = TextDocument.applyEdits(lines, [{ range, newText }]);
    texts.set(++version, text);
    send('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
  }
  const lines = TextDocument.create(uri, languageId, version, text);
  const readFile = (fileUri: string) => {
    try {
      return readFileSync(fileURLToPath(fileUri), 'utf8');
    } catch {
      return undefined;
    }
  };
  for (let ask = 1 + random.int(5); ask > 0; ask--) {
    const kind = random.int(5);
    if (kind === 0) {
      const hover = await request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: randomPosition(random, lines) });
      problems.push(...hoverProblems(hover ?? null, text));
    } else if (kind === 1 || kind === 2) {
      const known = [...(session.published.get(uri)?.values() ?? [])].flat();
      const diagnostics = known.length > 0 && random.chance(0.7) ? known.slice(0, 1 + random.int(known.length)) : [];
      const actions = (await request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range: randomRange(random, lines), context: { diagnostics } })) ?? [];
      for (const action of actions) {
        edits++;
        problems.push(...workspaceEditProblems(action.edit, { rootUri: session.rootUri, documentUri: uri, documentText: text, capabilities: session.capabilities, readFile }, action.title));
      }
    } else if (kind === 3) {
      const hints = (await request<InlayHint[] | null>('textDocument/inlayHint', { textDocument: { uri }, range: randomRange(random, lines) })) ?? [];
      for (const hint of hints) {
        const problem = rangeProblem(text, { start: hint.position, end: hint.position }, 'inlay hint');
        if (problem) problems.push({ kind: 'invalid', message: problem });
      }
    } else {
      await request('textDocument/completion', { textDocument: { uri }, position: randomPosition(random, lines) });
      await request('pharmalens/knowledgeBaseEntry', { uri, position: randomPosition(random, lines) });
    }
  }
  // The diagnostics of the last version: published after the debounce.
  const waitUntil = Date.now() + timeoutMs;
  while (!session.published.get(uri)?.has(version) && Date.now() < waitUntil && !session.exited) await new Promise((resolve) => setTimeout(resolve, 20));
  if (!session.exited && !session.published.get(uri)?.has(version)) problems.push({ kind: 'hang', message: `no diagnostics for version ${version} after ${timeoutMs} ms` });
  for (const [publishedVersion, diagnostics] of session.published.get(uri) ?? []) {
    const publishedText = publishedVersion === undefined ? undefined : texts.get(publishedVersion);
    if (publishedText === undefined) continue;
    for (const diagnostic of diagnostics) {
      const problem = rangeProblem(publishedText, diagnostic.range, `diagnostic ${String(diagnostic.code)}`);
      if (problem) problems.push({ kind: 'invalid', message: problem });
    }
  }
  // A stage failure the server logged for this document belongs to this case (and so gets its messages as a reproducer).
  for (let index = session.logged.length - 1; index >= 0; index--) {
    if (session.logged[index]!.message.includes(uri)) problems.push(...session.logged.splice(index, 1));
  }
  send('textDocument/didClose', { textDocument: { uri } });
  session.published.delete(uri);
  if (session.exited) problems.push({ kind: 'exception', message: 'the server process exited' });
  return { problems, messages, requests, edits };
}

/** Numbers, file names and action titles blanked (`"Cite X" touches /etc/passwd` → `"…" touches /etc/passwd`): one line per cause. */
const signature = (problem: Problem) => `${problem.kind}: ${problem.message.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, '#').replace(/case-#\.\w+|Untitled-#/g, 'case')}`;

function reproducer(session: Session, result: CaseResult, problem: Problem): string {
  const replaceRoot = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll(session.rootUri, '$ROOT')) as unknown;
  return `${JSON.stringify({
    about: `fuzzer: ${problem.kind}: ${problem.message}`,
    files: session.files,
    ...(session.initOptions !== undefined ? { initOptions: session.initOptions } : {}),
    ...(session.settings !== undefined ? { settings: session.settings } : {}),
    caps: session.capabilities,
    messages: replaceRoot(result.messages.flatMap((message, index) => (index === 0 ? [message, { wait: 400 }] : [message]))),
  }, null, 1)}\n`;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const random = new Random(options.seed);
  const timeoutMs = options.timeoutMs ?? 5000;
  const perSession = options.casesPerSession ?? 200;
  const concurrency = options.concurrency ?? 4;
  const sources = seedTexts(options.projectRoot);
  const counts: Record<ProblemKind, number> = { exception: 0, hang: 0, invalid: 0, 'bad-edit': 0 };
  const distinct = new Map<string, FuzzReport['distinct'][number]>();
  const started = Date.now();
  let done = 0;
  let requests = 0;
  let edits = 0;
  if (options.failuresDir) mkdirSync(options.failuresDir, { recursive: true });
  const record = (problem: Problem, write?: () => string) => {
    counts[problem.kind]++;
    const key = signature(problem);
    const seen = distinct.get(key);
    if (seen) {
      seen.count++;
      // A hang may be the machine, not the server: every one (up to 20 a cause) is kept, to be replayed alone.
      if (problem.kind === 'hang' && write && options.failuresDir && seen.count <= 20) {
        writeFileSync(path.join(options.failuresDir, `fuzz-${options.seed}-${[...distinct.keys()].indexOf(key) + 1}-hang-${seen.count}.json`), write());
      }
      return;
    }
    const entry: FuzzReport['distinct'][number] = { kind: problem.kind, message: problem.message, count: 1 };
    if (write && options.failuresDir) {
      entry.reproducer = path.join(options.failuresDir, `fuzz-${options.seed}-${distinct.size + 1}-${problem.kind}.json`);
      writeFileSync(entry.reproducer, write());
    }
    distinct.set(key, entry);
    options.progress?.(`new: ${problem.kind}: ${problem.message}${entry.reproducer ? ` (${entry.reproducer})` : ''}`);
  };
  while (done < options.cases) {
    const { session, problems } = await startSession(random, options.projectRoot, options.serverPath ?? path.join(options.projectRoot, 'dist/server.js'), timeoutMs);
    for (const problem of problems) record(problem);
    if (!session || problems.length > 0) {
      done++;
      if (session) await stopSession(session);
      continue;
    }
    const sessionCases = Math.min(perSession, options.cases - done);
    // Drawn before the workers start, so a case's inputs do not depend on which worker takes it.
    const caseSeeds = Array.from({ length: sessionCases }, () => random.int(2 ** 31));
    let next = 0;
    const worker = async () => {
      while (next < sessionCases && !session.exited) {
        const caseRandom = new Random(caseSeeds[next]!);
        const index = done + next++;
        const result = await runCase(caseRandom, session, index, caseRandom.pick(sources), timeoutMs);
        requests += result.requests;
        edits += result.edits;
        for (const problem of result.problems) record(problem, () => reproducer(session, result, problem));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    for (const problem of session.logged) record(problem, () => reproducer(session, { problems: [], messages: [], requests: 0, edits: 0 }, problem));
    done += next;
    await stopSession(session);
    options.progress?.(`${done} cases, ${((Date.now() - started) / 1000).toFixed(0)} s, problems ${JSON.stringify(counts)}`);
  }
  return { cases: done, seconds: (Date.now() - started) / 1000, requests, edits, counts, distinct: [...distinct.values()] };
}

/**
 * Replays a reproducer (the format of `test/fixtures/robustness/`) against the built server over stdio, alone, and
 * says how long each request took: a hang the fuzzer saw on a busy machine is re-timed here.
 */
export async function replayReproducer(file: string, serverPath: string, timeoutMs = 5000): Promise<{ request: string; ms: number; timedOut: boolean }[]> {
  const reproducer = JSON.parse(readFileSync(file, 'utf8')) as { files?: Record<string, string>; initOptions?: unknown; settings?: unknown; caps?: ClientCapabilities; messages: (Message | { wait: number })[] };
  const root = mkdtempSync(path.join(tmpdir(), 'pharmalens-replay-'));
  const rootUri = pathToFileURL(root).href;
  const withRoot = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value).replaceAll('$ROOT', rootUri)) as T));
  for (const [name, text] of Object.entries(reproducer.files ?? {})) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  const child = spawn(process.execPath, [serverPath, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('workspace/configuration', () => [withRoot(reproducer.settings) ?? null]);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('window/showMessage', () => undefined);
  connection.listen();
  const timings: { request: string; ms: number; timedOut: boolean }[] = [];
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'replay' }], capabilities: reproducer.caps ?? {}, initializationOptions: withRoot(reproducer.initOptions) });
    void connection.sendNotification('initialized', {});
    for (const message of withRoot(reproducer.messages)) {
      if ('wait' in message) await new Promise((resolve) => setTimeout(resolve, message.wait));
      else if (!message.request) void connection.sendNotification(message.method, message.params);
      else {
        const started = Date.now();
        const answer = await withTimeout(connection.sendRequest(message.method, message.params), timeoutMs);
        timings.push({ request: message.method, ms: Date.now() - started, timedOut: answer.timedOut });
      }
    }
  } finally {
    child.kill();
    connection.dispose();
    rmSync(root, { recursive: true, force: true });
  }
  return timings;
}
