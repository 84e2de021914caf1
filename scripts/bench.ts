/**
 * The project's benchmark: start-up and whole-document analysis on 1 MB manuscripts.
 * Run: npm run bench   (median of several runs, in-process, plus a real server start over stdio)
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createProtocolConnection, InitializeRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { createLanguageService } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';

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

async function serverReadyMs(): Promise<number> {
  const start = performance.now();
  const server = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
  const elapsed = performance.now() - start;
  connection.dispose();
  server.kill();
  return elapsed;
}

async function main(): Promise<void> {
  let loaded = loadKnowledgeBaseFiles();
  const loadMs = timeIt(() => {
    loaded = loadKnowledgeBaseFiles();
  }, 5);
  const serviceMs = timeIt(() => createLanguageService(loaded), 5);
  const service = createLanguageService(loaded);
  const { kb } = loaded;
  const readyTimes: number[] = [];
  for (let index = 0; index < 5; index++) readyTimes.push(await serverReadyMs());

  console.log(`knowledge base: ${kb.targets.length} targets, ${kb.compounds.length} compounds, ${kb.affinities.length} affinity records`);
  console.log(`load + validate kb.json, names ${loadMs.toFixed(1)} ms (median of 5)`);
  console.log(`build dictionary + indexes     ${serviceMs.toFixed(1)} ms (median of 5)`);
  console.log(`server process ready (stdio)   ${median(readyTimes).toFixed(0)} ms (spawn → initialize result, median of 5)`);

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
}

void main();
