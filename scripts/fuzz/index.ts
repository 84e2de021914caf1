/**
 * `npm run fuzz -- --cases N --seed S [--out folder] [--concurrency C] [--timeout ms]
 * [--server dist/server.js]`: fuzzes the built server and
 * prints the rate and the problems found (crashes, hangs, invalid answers, bad edits), one line per distinct cause,
 * with a reproducer for each in `--out`. Exits 1 when there is any.
 * `npm run fuzz -- --replay FILE...` replays reproducers one at a time and says how long each request took.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { replayReproducer, runFuzz } from './fuzz';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    cases: { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'fuzz-failures' },
    concurrency: { type: 'string', default: '4' },
    timeout: { type: 'string', default: '5000' },
    'per-session': { type: 'string', default: '200' },
    server: { type: 'string' },
    replay: { type: 'boolean' },
  },
});

const wholeNumber = (name: string, text: string) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, not "${text}"`);
  return value;
};

async function main(): Promise<void> {
  const projectRoot = path.resolve(__dirname, '../..');
  if (values.replay) {
    // `--replay FILE...`: each reproducer alone against the server, with how long each request took.
    const serverPath = values.server === undefined ? path.join(projectRoot, 'dist/server.js') : path.resolve(values.server);
    let slow = 0;
    for (const file of positionals) {
      const timings = await replayReproducer(file, serverPath, wholeNumber('timeout', values.timeout));
      const worst = timings.reduce((max, timing) => Math.max(max, timing.ms), 0);
      if (timings.some((timing) => timing.timedOut)) slow++;
      console.log(`${file}: ${timings.length} request(s), slowest ${worst} ms${timings.some((timing) => timing.timedOut) ? ' (over the limit)' : ''}`);
    }
    process.exitCode = slow > 0 ? 1 : 0;
    return;
  }
  const report = await runFuzz({
    cases: wholeNumber('cases', values.cases),
    seed: wholeNumber('seed', values.seed),
    concurrency: Math.max(1, wholeNumber('concurrency', values.concurrency)),
    timeoutMs: wholeNumber('timeout', values.timeout),
    casesPerSession: Math.max(1, wholeNumber('per-session', values['per-session'])),
    failuresDir: path.resolve(values.out),
    projectRoot,
    serverPath: values.server === undefined ? undefined : path.resolve(values.server),
    progress: (line) => console.error(line),
  });
  console.log(`${report.cases} cases in ${report.seconds.toFixed(1)} s (${(report.cases / report.seconds).toFixed(1)} a second), ${report.requests} requests, ${report.edits} workspace edits checked`);
  console.log(`crashes/exceptions ${report.counts.exception} · hangs ${report.counts.hang} · invalid answers ${report.counts.invalid} · bad edits ${report.counts['bad-edit']}`);
  for (const problem of report.distinct) console.log(`  ${problem.count}× ${problem.kind}: ${problem.message}${problem.reproducer ? `\n     reproducer: ${path.relative(process.cwd(), problem.reproducer)}` : ''}`);
  process.exitCode = report.distinct.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 2;
});
