/** `pharmalens import-gtopdb FILE… --out FILE`: a GtoPdb download as a knowledge-base file. */
import { parseArgs } from 'node:util';
import { loadKnowledgeBaseFiles } from '../node/knowledge-base-file';
import { importGtopdbFiles } from '../node/gtopdb-import';
import { UsageError } from './errors';

export const IMPORT_USAGE = `Usage: pharmalens import-gtopdb FILE... --out FILE [--release NAME]

Reads a GtoPdb download — interactions.csv, and optionally ligands.csv and targets_and_families.csv — in the current
layout (a "# GtoPdb Version" banner, columns such as "Target ID") or an older one (snake_case columns), and writes a
knowledge-base file whose affinity records replace the bundled GtoPdb records wherever it is loaded (--kb,
pharmalens.knowledgeBase.extraFiles, "knowledgeBase" in .pharmalens.json). Unreadable rows are reported with their
line numbers and skipped; on any other problem nothing is written.
  --out FILE        the knowledge-base file to write (JSON)
  --release NAME    the release, when the files have no banner naming it (e.g. 2020.5)
Exit codes: 0 written, 2 usage or input error.`;

export function runImportGtopdb(argv: readonly string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { out: { type: 'string', short: 'o' }, release: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${IMPORT_USAGE}`);
  }
  if (parsed.values.help) {
    process.stdout.write(`${IMPORT_USAGE}\n`);
    return 0;
  }
  if (!parsed.values.out) throw new UsageError(`--out FILE is required.\n\n${IMPORT_USAGE}`);
  if (parsed.positionals.length === 0) throw new UsageError(`No file given.\n\n${IMPORT_USAGE}`);
  const { kb } = loadKnowledgeBaseFiles();
  const run = importGtopdbFiles(parsed.positionals, parsed.values.out, kb, { release: parsed.values.release });
  process.stdout.write(`${run.summary.join('\n')}\n`);
  return 0;
}
