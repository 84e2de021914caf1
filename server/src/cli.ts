import { atLeast, createLanguageService, type LanguageService, type Severity } from './service/index';
import { loadKnowledgeBaseFiles } from './node/knowledge-base-file';
import { nodeWorkspace } from './node/workspace';
import { analyzeBibliography, analyzeFile, type AnalyzedFile, type FileReport } from './cli/analyze-file';
import { parseArguments, USAGE, type CheckOptions, type CliOptions, type FixOptions, type TableOptions } from './cli/arguments';
import { fixDiff, fixManuscript, fixReport, writeFixes } from './cli/fix';
import { loadProjectConfig, type ProjectConfig } from './node/project-config';
import { UsageError } from './cli/errors';
import { InputError } from './node/input-error';
import { FileFilter } from './node/file-filter';
import { readManuscript, readText } from './node/manuscript-files';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { JsonStreamStringify } from 'json-stream-stringify';
import * as path from 'node:path';
import { expandPaths } from './cli/paths';
import { createProgress } from './cli/progress';
import { sarifLog } from './cli/sarif';
import { csvTable, markdownTable, tableRows } from './cli/table';
import { textReport, wantsColour } from './cli/text-report';
import { packageVersion } from './node/version';
import { runImportGtopdb } from './cli/import-gtopdb';

function createService(options: CliOptions, config: ProjectConfig): LanguageService {
  const loaded = loadKnowledgeBaseFiles([...config.knowledgeBase, ...options.kbFiles]);
  if (loaded.errors.length > 0) throw new InputError(loaded.errors.join('\npharmalens: '));
  const workspaceRoot = process.cwd();
  return createLanguageService({ ...loaded, workspace: nodeWorkspace(), discoveryOptions: () => ({ workspaceRoot, fallback: config.bibliography }), latexIgnoredCommands: () => config.latexIgnoredCommands });
}

/** A file that could not be checked, and why: reported while the other files are still checked (exit 2 at the end). */
interface FileError {
  file: string;
  message: string;
}

interface Run {
  analyzed: AnalyzedFile[];
  errors: FileError[];
}

/** One named file checked: standard input, a `.bib`, or a manuscript. */
function analyzeOne(service: LanguageService, file: string, options: CliOptions, config: ProjectConfig): AnalyzedFile {
  const settings = { severity: config.severity };
  if (file === '-') return analyzeFile(service, options.stdinFilename, settings, readManuscript(options.stdinFilename, readFileSync(0)));
  if (/\.bib$/i.test(file)) {
    const { text, warning } = readText(file);
    return analyzeBibliography(file, text, settings, warning);
  }
  return analyzeFile(service, file, settings);
}

type Prepared = ReturnType<typeof prepare>;

/** What every command starts from: the nearest config, the files named (what is excluded left out), the service. */
function prepare(options: CliOptions) {
  const config = loadProjectConfig(options.configFile, process.cwd(), true);
  const filter = new FileFilter(options.gitignore, [{ base: process.cwd(), globs: options.exclude }, { base: config.folder, globs: config.exclude }]);
  const { files, errors } = expandPaths(options.paths, { filter, onSkipped: (file, reason) => process.stderr.write(`pharmalens: warning: ${file}: not followed: ${reason}\n`) });
  return { config, filter, files, errors, service: createService(options, config) };
}

/**
 * The files named, then the bibliographies they use (once each, unless named already or excluded), analyzed one at a
 * time as the caller asks for them; a file that cannot be read goes to `errors` and the others are still checked.
 */
function* analyzeEach(options: CliOptions, prepared: Prepared, errors: FileError[]): Generator<AnalyzedFile> {
  const { config, filter, files, errors: pathErrors, service } = prepared;
  errors.push(...pathErrors);
  const progress = createProgress(files.length);
  const check = (file: string): AnalyzedFile | undefined => {
    try {
      return analyzeOne(service, file, options, config);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push({ file, message: error.message });
      return undefined;
    }
  };
  const bibliographies: string[] = [];
  try {
    for (const [index, file] of files.entries()) {
      progress.update(index + 1, file);
      const analyzed = check(file);
      if (!analyzed) continue;
      bibliographies.push(...analyzed.bibliographies);
      yield analyzed;
    }
    const seen = new Set(files.map((file) => path.resolve(file)));
    for (const bibliography of bibliographies) {
      if (seen.has(path.resolve(bibliography)) || filter.isExcluded(bibliography)) continue;
      seen.add(path.resolve(bibliography));
      const analyzed = check(bibliography);
      if (analyzed) yield analyzed;
    }
  } finally {
    progress.clear();
  }
}

function analyzeAll(options: CliOptions): Run {
  const errors: FileError[] = [];
  const analyzed = [...analyzeEach(options, prepare(options), errors)];
  return { analyzed, errors };
}

/** Files that could not be read, and encodings that had to be guessed, one line each on stderr. */
function reportInputProblems(run: Run): void {
  for (const error of run.errors) process.stderr.write(`pharmalens: ${error.message}\n`);
  for (const { report } of run.analyzed) for (const warning of report.warnings) process.stderr.write(`pharmalens: warning: ${warning}\n`);
}

function keepAtLeast(reports: FileReport[], minSeverity: Severity): FileReport[] {
  return reports.map((report) => ({ ...report, findings: report.findings.filter((finding) => atLeast(finding.severity, minSeverity)) }));
}

function exitCodeFor(reports: readonly FileReport[], failOn: Severity | 'none'): number {
  if (failOn === 'none') return 0;
  return reports.some((report) => report.findings.some((finding) => atLeast(finding.severity, failOn))) ? 1 : 0;
}

/** A stage that failed on a file is a bug: said on stderr, with the exit code 2, while the other files are still reported. */
function reportFailures(reports: readonly FileReport[]): boolean {
  const failed = reports.filter((report) => report.failures.length > 0);
  for (const report of failed) {
    for (const failure of report.failures) process.stderr.write(`pharmalens: ${report.file}: the ${failure.stage} stage failed: ${failure.stack ?? failure.message}\n`);
  }
  return failed.length > 0;
}

async function runCheck(options: CheckOptions): Promise<number> {
  if (options.format === 'json') return runCheckJson(options);
  const run = analyzeAll(options);
  const reports = run.analyzed.map((analyzed) => analyzed.report);
  const failed = reportFailures(reports);
  reportInputProblems(run);
  const shown = keepAtLeast(reports, options.minSeverity);
  if (options.format === 'sarif') {
    process.stdout.write(`${JSON.stringify(sarifLog(shown, packageVersion(), process.cwd(), run.errors), null, 2)}\n`);
  } else {
    process.stdout.write(textReport(reports, { minSeverity: options.minSeverity, quiet: options.quiet, colour: wantsColour(process.stdout, process.env) }));
  }
  return failed || run.errors.length > 0 ? 2 : exitCodeFor(reports, options.failOn);
}

/**
 * `--format json`, written as the files are checked: each file's report is serialized in pieces and dropped, so that
 * neither the reports of a whole repository nor one long string are ever held (the same bytes as `JSON.stringify`).
 */
async function runCheckJson(options: CheckOptions): Promise<number> {
  // Configuration and knowledge-base errors end the run before a byte of JSON is written.
  const prepared = prepare(options);
  const errors: FileError[] = [];
  const summaries: FileReport[] = [];
  let filesDone: () => void = () => undefined;
  const errorsAfterFiles = new Promise<FileError[]>((resolve) => {
    filesDone = () => resolve(errors);
  });
  function* reports(): Generator<FileReport> {
    try {
      for (const { report } of analyzeEach(options, prepared, errors)) {
        summaries.push({ ...report, mentions: [], statements: [] });
        yield keepAtLeast([report], options.minSeverity)[0];
      }
    } finally {
      filesDone();
    }
  }
  await pipeline(new JsonStreamStringify({ files: Readable.from(reports()), errors: errorsAfterFiles }, undefined, 2), process.stdout, { end: false });
  process.stdout.write('\n');
  const failed = reportFailures(summaries);
  reportInputProblems({ analyzed: summaries.map((report) => ({ report, table: [], bibliographies: [] })), errors });
  return failed || errors.length > 0 ? 2 : exitCodeFor(summaries, options.failOn);
}

function runTable(options: TableOptions): number {
  const run = analyzeAll(options);
  reportInputProblems(run);
  const rows = tableRows(run.analyzed.map((file) => ({ file: file.report.file, rows: file.table })));
  process.stdout.write(options.format === 'md' ? markdownTable(rows) : csvTable(rows));
  return reportFailures(run.analyzed.map((file) => file.report)) || run.errors.length > 0 ? 2 : 0;
}

function runFix(options: FixOptions): number {
  const { config, files, errors, service } = prepare(options);
  let applied = 0;
  let changedFiles = 0;
  for (const file of files.filter((candidate) => candidate !== '-' && !/\.bib$/i.test(candidate))) {
    try {
      const source = readManuscript(file);
      const result = fixManuscript(service, file, source, { severity: config.severity });
      if (result.fixes.length === 0) continue;
      if (options.dryRun) process.stdout.write(fixDiff(result));
      else {
        for (const line of fixReport(result)) process.stdout.write(`${line}\n`);
        if (result.notWritten) process.stderr.write(`pharmalens: ${file}: ${result.notWritten}\n`);
        else writeFixes(result, source);
      }
      if (!result.notWritten) {
        applied += result.fixes.length;
        changedFiles++;
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push({ file, message: error.message });
    }
  }
  for (const error of errors) process.stderr.write(`pharmalens: ${error.message}\n`);
  process.stderr.write(`${options.dryRun ? 'would apply' : 'applied'} ${applied} fix(es) in ${changedFiles} file(s)\n`);
  return errors.length > 0 ? 2 : 0;
}

async function run(argv: string[]): Promise<number> {
  if (argv[0] === 'import-gtopdb') return runImportGtopdb(argv.slice(1));
  const options = parseArguments(argv);
  if (options.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.command === 'version') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (options.command === 'fix') return runFix(options);
  return options.command === 'table' ? runTable(options) : runCheck(options);
}

// `pharmalens check … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof UsageError ? error.message : `pharmalens: ${(error as Error).message}`;
    process.stderr.write(`${message}\n`);
    process.exitCode = 2;
  },
);
