/**
 * The project's benchmark: start-up and whole-document analysis on 1 MB manuscripts, and the whole CLI process on real
 * published text beside a floor (node reading the file and one regex pass) and cspell, measured side by side in the
 * same run: this machine is noisy, so the ratios are the figures to report.
 * Run: npm run bench   (median of several runs, in-process, plus a real server start over stdio)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createProtocolConnection, InitializeRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { createLanguageService } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';
import { importGtopdbRelease } from '../server/src/service/kb/import/gtopdb-release';

const root = path.resolve(__dirname, '..');
const RUNS = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeIt(run: () => void, runs = RUNS): number {
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * 1 MB of manuscript: the example repeated (a stress text: ~20,000 names and ~2,700 affinity statements per MB), or
 * with `proseCopies` pages of ordinary prose between repeats (closer to a real paper's density).
 */
function megabyteOf(file: string, proseCopies = 0): string {
  const unit = readFileSync(path.join(root, file), 'utf8');
  const body = unit.replace(/^---[\s\S]*?\n---\n/, '').replace(/\\documentclass[\s\S]*?\\begin\{document\}/, '').replace(/\\end\{document\}[\s\S]*$/, '');
  const prose = readFileSync(path.join(root, 'test/fixtures/prose/ordinary-english.md'), 'utf8').replace(/^#.*$/gm, '');
  let text = '';
  while (text.length < 1_000_000) text += `${body}\n${prose.repeat(proseCopies)}\n`;
  return text;
}

/** Resident memory of a process in MB (Linux), undefined elsewhere. */
function residentMb(pid: number | undefined): number | undefined {
  if (pid === undefined || !existsSync(`/proc/${pid}/status`)) return undefined;
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Number(kb) / 1024 : undefined;
}

/** Spawn → `initialize` answered, and the server's memory then and after checking a manuscript (records read). */
async function serverStart(): Promise<{ readyMs: number; readyMb?: number; afterCheckMb?: number }> {
  const start = performance.now();
  const server = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
  const readyMs = performance.now() - start;
  const readyMb = residentMb(server.pid);
  const uri = `file://${path.join(root, 'examples/amitriptyline-review.md')}`;
  const published = new Promise<void>((resolve) => connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
    if (params.uri === uri) resolve();
  }));
  connection.sendNotification('initialized', {});
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(path.join(root, 'examples/amitriptyline-review.md'), 'utf8') } });
  await published;
  const afterCheckMb = residentMb(server.pid);
  connection.dispose();
  server.kill();
  return { readyMs, readyMb, afterCheckMb };
}

/**
 * One letter typed at a random place of a 1 MB manuscript, 20 times one after the other: the analysis from the previous
 * version's (read in part when it can be), beside the whole read of the same text.
 */
function incrementalEdits(service: ReturnType<typeof createLanguageService>, start: TextDocument, startAnalysis: ReturnType<ReturnType<typeof createLanguageService>['analyze']>, label: string, onePlace = false): void {
  let document = start;
  let analysis = startAnalysis ?? service.analyze(document)!;
  const times: number[] = [];
  const wholeTimes: number[] = [];
  let inPart = 0;
  // Typing at one place: after the first sentence of the text's middle paragraph, one letter after the other.
  const place = start.getText().indexOf('. ', start.getText().indexOf('\n\n', start.getText().length / 2)) + 1;
  for (let edit = 1; edit <= 20; edit++) {
    const text = document.getText();
    const offset = onePlace ? place + edit - 1 : (edit * 104_729) % text.length;
    document = TextDocument.create(document.uri, document.languageId, document.version + 1, `${text.slice(0, offset)}e${text.slice(offset)}`);
    const begin = performance.now();
    analysis = service.analyze(document, analysis)!;
    times.push(performance.now() - begin);
    if (analysis.update?.kind === 'incremental') inPart++;
    const wholeBegin = performance.now();
    service.analyze(document);
    wholeTimes.push(performance.now() - wholeBegin);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `one letter typed${onePlace ? ' (a word at one place)' : ''}, ${label.padEnd(15)} median ${median(times).toFixed(1)} ms, p90 ${sorted[Math.floor(sorted.length * 0.9)].toFixed(1)} ms to re-analyse ${(document.getText().length / 1e6).toFixed(2)} MB (${inPart} of 20 edits read in part; the whole read ${median(wholeTimes).toFixed(0)} ms, in process)`,
  );
}

/** One character typed at a random place of an open 1 MB manuscript, `didChange` → its diagnostics published, 20 times. */
async function editLoop(text: string): Promise<number[]> {
  const server = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
  connection.sendNotification('initialized', {});
  const uri = 'file:///bench/edited.md';
  let waiting: ((version: number) => void) | undefined;
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number }) => {
    if (params.uri === uri) waiting?.(params.version ?? -1);
  });
  const published = (version: number) => new Promise<void>((resolve) => {
    waiting = (seen) => {
      if (seen === version || seen === -1) resolve();
    };
  });
  let done = published(1);
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await done;
  const document = TextDocument.create(uri, 'markdown', 1, text);
  const times: number[] = [];
  for (let version = 2; version <= 21; version++) {
    const offset = (version * 104_729) % text.length;
    const position = document.positionAt(offset);
    done = published(version);
    const start = performance.now();
    connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text: ' ' }] });
    await done;
    times.push(performance.now() - start);
  }
  connection.dispose();
  server.kill();
  return times;
}

/** The whole CLI process on a one-line manuscript, median of `runs`. */
function cliOneLineMs(runs = 11): number {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-bench-'));
  const file = path.join(folder, 'one-line.md');
  writeFileSync(file, 'Amitriptyline binds the serotonin transporter.\n');
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'check', file], { stdio: 'ignore' });
    times.push(performance.now() - start);
  }
  rmSync(folder, { recursive: true, force: true });
  return median(times);
}

/** A 25,000-row interactions file: the bundled GtoPdb 2020.5 rows, then as many again as needed with new ligand ids. */
function interactionsOf25000Rows(): string {
  const [header, ...rows] = readFileSync(path.join(root, 'data/sources/gtopdb_2020.5_interactions.csv'), 'utf8').trimEnd().split('\n');
  const ligandIdColumn = header.split(',').indexOf('ligand_id');
  const extra: string[] = [];
  for (let index = 0; rows.length + extra.length < 25_000; index++) {
    const cells = rows[index % rows.length].split(',');
    if (cells.length !== header.split(',').length) continue;
    cells[ligandIdColumn] = String(100_000 + index);
    extra.push(cells.join(','));
  }
  return [header, ...rows, ...extra].join('\n');
}

/**
 * The real published texts the project holds (in-repository fixtures, and `../shared/corpus-dev*` where present),
 * front matter removed, concatenated and repeated to `bytes`. Markdown-family files only: one manuscript, one format.
 */
function realText(bytes: number): string {
  const folders = [path.join(root, 'test/fixtures/real'), ...['corpus-dev', 'corpus-dev2'].map((name) => path.join(root, '..', 'shared', name))].filter(existsSync);
  const unit = folders
    .flatMap((folder) => readdirSync(folder).filter((name) => /\.(md|qmd|Rmd)$/.test(name)).sort().map((name) => path.join(folder, name)))
    .map((file) => readFileSync(file, 'utf8').replace(/^---[\s\S]*?\n---\n/, ''))
    .join('\n\n');
  let text = '';
  while (text.length < bytes) text += `${unit}\n\n`;
  return text.slice(0, text.lastIndexOf('\n\n', bytes) + 1);
}

/** A process's time and peak resident memory (VmHWM, polled: Linux), median time of `runs`. */
async function wholeProcess(command: string, args: string[], runs: number): Promise<{ seconds: number; peakMb?: number }> {
  const times: number[] = [];
  let peak: number | undefined;
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    const child = spawn(command, args, { stdio: 'ignore' });
    let hwm: number | undefined;
    const poll = setInterval(() => {
      const status = child.pid !== undefined && existsSync(`/proc/${child.pid}/status`) ? readFileSync(`/proc/${child.pid}/status`, 'utf8') : '';
      const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      if (kb) hwm = Math.max(hwm ?? 0, Number(kb) / 1024);
    }, 5);
    await new Promise((resolve) => child.on('exit', resolve));
    clearInterval(poll);
    times.push((performance.now() - start) / 1000);
    if (hwm !== undefined) peak = Math.max(peak ?? 0, hwm);
  }
  return { seconds: median(times), peakMb: peak };
}

/** cspell, when it is installed (the project does not depend on it): its command line, else undefined. */
function cspellCommand(): string[] | undefined {
  const local = path.join(root, 'node_modules/.bin/cspell');
  if (existsSync(local)) return [local];
  const found = spawnSync('sh', ['-c', 'command -v cspell'], { encoding: 'utf8' }).stdout.trim();
  return found ? [found] : undefined;
}

const FLOOR = "const t=require('fs').readFileSync(process.argv[1],'utf8');let n=0;for(const m of t.matchAll(/\\d+(?:\\.\\d+)?\\s*[nµu]M\\b/g))n++;console.log(n)";

/** The whole CLI on real and dense text beside the floor and cspell; then the CLI from 0.25 to 8 MB of real text. */
async function wholeProcessTable(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-bench-'));
  const cli = path.join(root, 'dist/cli.js');
  const cspell = cspellCommand();
  const write = (name: string, text: string): string => {
    const file = path.join(folder, name);
    writeFileSync(file, text);
    return file;
  };
  const texts: [string, string][] = [
    ['real published text', write('real-1mb.md', realText(1_000_000))],
    ['dense review text', write('dense-1mb.md', megabyteOf('examples/amitriptyline-review.md'))],
  ];
  const seconds = (value: number) => `${value.toFixed(2)} s`;
  const memory = (value: number | undefined) => (value === undefined ? '' : `, ${value.toFixed(0)} MB`);
  console.log('whole process, 1 MB Markdown (median of 3)     PharmaLens CLI        floor                 ratio   cspell lint');
  for (const [label, file] of texts) {
    const ours = await wholeProcess(process.execPath, [cli, 'check', file], 3);
    const floor = await wholeProcess(process.execPath, ['-e', FLOOR, file], 3);
    const theirs = cspell ? await wholeProcess(cspell[0], [...cspell.slice(1), 'lint', '--no-progress', '--no-summary', file], 3) : undefined;
    const cspellCell = theirs ? `${seconds(theirs.seconds)}${memory(theirs.peakMb)} (ours ${(theirs.seconds / ours.seconds).toFixed(1)}× faster)` : 'not installed';
    console.log(
      `  ${label.padEnd(44)} ${`${seconds(ours.seconds)}${memory(ours.peakMb)}`.padEnd(21)} ${`${seconds(floor.seconds)}${memory(floor.peakMb)}`.padEnd(21)} ${`${(ours.seconds / floor.seconds).toFixed(1)}×`.padEnd(7)} ${cspellCell}`,
    );
  }
  console.log('whole process by size, real text                 CLI          per MB above 0.25 MB');
  let base: { megabytes: number; seconds: number } | undefined;
  for (const megabytes of [0.25, 0.5, 1, 2, 4, 8]) {
    const file = write(`real-${megabytes}mb.md`, realText(megabytes * 1_000_000));
    const run = await wholeProcess(process.execPath, [cli, 'check', file], megabytes >= 4 ? 1 : 3);
    const slope = base ? `${((run.seconds - base.seconds) / (megabytes - base.megabytes)).toFixed(2)} s/MB` : '';
    base ??= { megabytes, seconds: run.seconds };
    console.log(`  ${`${megabytes} MB`.padEnd(48)} ${`${seconds(run.seconds)}${memory(run.peakMb)}`.padEnd(12)} ${slope}`);
  }
  rmSync(folder, { recursive: true, force: true });
}

async function main(): Promise<void> {
  let loaded = loadKnowledgeBaseFiles();
  const loadMs = timeIt(() => {
    loaded = loadKnowledgeBaseFiles();
  }, 5);
  const serviceMs = timeIt(() => createLanguageService(loaded), 5);
  const service = createLanguageService(loaded);
  const { kb } = loaded;
  const starts: Awaited<ReturnType<typeof serverStart>>[] = [];
  for (let index = 0; index < 5; index++) starts.push(await serverStart());
  const recordsMs = timeIt(() => {
    void loadKnowledgeBaseFiles().kb.affinities.length;
  }, 5);
  const mb = (values: (number | undefined)[]) => (values.every((value) => value !== undefined) ? `${median(values as number[]).toFixed(0)} MB` : 'n/a');

  console.log(`knowledge base: ${kb.targets.length} targets, ${kb.compounds.length} compounds, ${kb.affinities.length} affinity records`);
  console.log(`load + validate kb.json, names ${loadMs.toFixed(1)} ms (median of 5)`);
  console.log(`  + affinity records on first use ${(recordsMs - loadMs).toFixed(1)} ms (median of 5)`);
  console.log(`build dictionary + indexes     ${serviceMs.toFixed(1)} ms (median of 5)`);
  console.log(`server process ready (stdio)   ${median(starts.map((start) => start.readyMs)).toFixed(0)} ms (spawn → initialize result, median of 5)`);
  console.log(`server memory (RSS)            ${mb(starts.map((start) => start.readyMb))} when ready, ${mb(starts.map((start) => start.afterCheckMb))} after checking the example (records read)`);
  console.log(`CLI on a one-line file         ${cliOneLineMs().toFixed(0)} ms (whole process, median of 11)`);
  const vsix = readdirSync(root).filter((name) => name.endsWith('.vsix')).map((name) => ({ name, bytes: statSync(path.join(root, name)).size }));
  for (const { name, bytes } of vsix) console.log(`package ${name.padEnd(22)} ${(bytes / 1e6).toFixed(2)} MB (npm run package to refresh)`);
  const interactions = interactionsOf25000Rows();
  let imported = 0;
  const importMs = timeIt(() => {
    imported = importGtopdbRelease([{ source: 'interactions.csv', text: interactions }], kb, { release: 'bench' }).records;
  }, 3);
  console.log(`import-gtopdb, 25,000 rows     ${importMs.toFixed(0)} ms (${imported} records, in process, median of 3)`);

  const cases: [string, string, number][] = [
    ['examples/amitriptyline-review.md', 'markdown', 0],
    ['examples/amitriptyline-review.tex', 'latex', 0],
    ['examples/amitriptyline-review.md', 'markdown', 8],
    ['examples/amitriptyline-review.tex', 'latex', 8],
  ];
  for (const [file, languageId, proseCopies] of cases) {
    const text = megabyteOf(file, proseCopies);
    const document = TextDocument.create(`file:///bench/${path.basename(file)}`, languageId, 1, text);
    const coldStart = performance.now();
    service.analyze(TextDocument.create(`file:///bench/cold-${path.basename(file)}`, languageId, 1, text));
    const coldMs = performance.now() - coldStart;
    let mentions = 0;
    let statements = 0;
    const ms = timeIt(() => {
      const analysis = service.analyze(document);
      mentions = analysis?.mentions.length ?? 0;
      statements = analysis?.checked.length ?? 0;
    });
    const perMb = ms / (text.length / 1_000_000);
    const density = proseCopies === 0 ? 'stress' : 'paper-like';
    console.log(`analyze ${languageId.padEnd(8)} ${density.padEnd(10)} ${(text.length / 1e6).toFixed(2)} MB  ${ms.toFixed(1)} ms  (${perMb.toFixed(1)} ms/MB, ${mentions} mentions, ${statements} statements, median of ${RUNS}; first run ${coldMs.toFixed(0)} ms)`);
  }
  const real = realText(1_000_000);
  const realDocument = TextDocument.create('file:///bench/real.md', 'markdown', 1, real);
  let realStatements = 0;
  const realMs = timeIt(() => {
    realStatements = service.analyze(realDocument)?.checked.length ?? 0;
  });
  console.log(`analyze markdown real text ${(real.length / 1e6).toFixed(2)} MB  ${realMs.toFixed(1)} ms  (${realStatements} statements, in process, median of ${RUNS})`);
  const realAnalysis = service.analyze(realDocument)!;
  const hoverTimes: number[] = [];
  for (let index = 0; index < 500; index++) {
    const mention = realAnalysis.mentions[(index * 7919) % realAnalysis.mentions.length];
    const start = performance.now();
    service.hover(realDocument, realAnalysis, realDocument.positionAt(mention.start + 1));
    hoverTimes.push(performance.now() - start);
  }
  hoverTimes.sort((a, b) => a - b);
  console.log(`hover on a 1 MB real text      median ${median(hoverTimes).toFixed(2)} ms, p99 ${hoverTimes[Math.floor(hoverTimes.length * 0.99)].toFixed(2)} ms (500 mentions)`);
  incrementalEdits(service, realDocument, realAnalysis, 'real text');
  incrementalEdits(service, TextDocument.create('file:///bench/paper.md', 'markdown', 1, megabyteOf('examples/amitriptyline-review.md', 8)), undefined, 'paper-like text');
  incrementalEdits(service, realDocument, realAnalysis, 'real text', true);
  for (const bytes of [100_000, 1_000_000]) {
    const edits = await editLoop(realText(bytes));
    console.log(`server, one character typed    median ${median(edits).toFixed(0)} ms from didChange to fresh diagnostics in ${bytes / 1e6} MB of real text (typing delay included, ${edits.length} edits at random places)`);
  }
  await wholeProcessTable();
}

void main();
