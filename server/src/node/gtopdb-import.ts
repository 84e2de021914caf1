/**
 * Import of a GtoPdb download into a knowledge-base file, for the CLI (`pharmalens import-gtopdb`) and the server
 * (the VS Code command): reads the files, imports, checks the result against the bundled base, and writes it whole or
 * not at all.
 */
import { checkIntegrity, GtopdbImportError, importGtopdbRelease, loadKnowledgeBaseExtension, mergeKnowledgeBases, type KnowledgeBase, type ReleaseImport } from '../service/index';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { InputError } from './input-error';

export interface GtopdbImportRun {
  outFile: string;
  result: ReleaseImport;
  /** What was read and written, one line each, for a terminal or a notification. */
  summary: string[];
}

/** Skipped rows listed one by one up to this many; the rest are counted. */
const MAX_SKIPPED_LISTED = 20;

function readDownloaded(file: string): { source: string; text: string } {
  try {
    return { source: file, text: readFileSync(file, 'utf8') };
  } catch (error) {
    throw new InputError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

export function summaryOf(result: ReleaseImport, outFile: string): string[] {
  const counts = result.interactions;
  const lines = [
    ...result.files.map((file) => `${file.source}: ${file.kind}${file.layout ? ` (${file.layout === 'current' ? 'current layout' : 'older snake_case layout'})` : ''}, ${file.rows} rows`),
    `GtoPdb ${result.release}: ${counts.withAffinity} interactions with an affinity → ${result.records} records (${counts.withoutAffinity} without an affinity, ${counts.withoutTarget} without a target, ${counts.ligandAsTarget} with a ligand as target left out)`,
    `new: ${result.newCompounds} compounds, ${result.newTargets} targets, ${result.newReferences} PubMed references; ${result.duplicates} records repeat a paper the bundled base already holds`,
  ];
  if (result.skipped.length > 0) {
    lines.push(`${result.skipped.length} unreadable row${result.skipped.length === 1 ? '' : 's'} skipped:`);
    lines.push(...result.skipped.slice(0, MAX_SKIPPED_LISTED).map((row) => `  ${row.source}:${row.line}: ${row.reason}`));
    if (result.skipped.length > MAX_SKIPPED_LISTED) lines.push(`  … and ${result.skipped.length - MAX_SKIPPED_LISTED} more`);
  }
  lines.push(`wrote ${outFile}: it replaces the bundled GtoPdb records wherever it is loaded (pharmalens.knowledgeBase.extraFiles, --kb, "knowledgeBase" in .pharmalens.json)`);
  return lines;
}

/**
 * Imports `files` against `base` and writes `outFile`. Throws `InputError` (naming the file and line) when a file cannot
 * be read or is not a GtoPdb download, or when the result would not load; `outFile` is then left as it was.
 */
export function importGtopdbFiles(files: readonly string[], outFile: string, base: KnowledgeBase, options: { release?: string } = {}): GtopdbImportRun {
  if (files.length === 0) throw new InputError('no file given: pass GtoPdb\'s interactions.csv (and optionally ligands.csv, targets_and_families.csv)');
  let result: ReleaseImport;
  try {
    result = importGtopdbRelease(files.map(readDownloaded), base, options);
  } catch (error) {
    if (error instanceof GtopdbImportError) throw new InputError(error.message);
    throw error;
  }
  const json = `${JSON.stringify(result.extension, null, 1)}\n`;
  const loaded = loadKnowledgeBaseExtension(json, outFile);
  const problems = loaded.extension ? checkIntegrity(mergeKnowledgeBases(base, loaded.extension), outFile) : loaded.errors;
  if (problems.length > 0) throw new InputError(`the imported knowledge base would not load, nothing written:\n${problems.join('\n')}`);
  const temporary = path.join(path.dirname(outFile), `.${path.basename(outFile)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, json);
    renameSync(temporary, outFile);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new InputError(`${outFile}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return { outFile, result, summary: summaryOf(result, outFile) };
}
