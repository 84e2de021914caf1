import { parseArgs } from 'node:util';
import { isSeverity, type Severity } from '../service/index';
import { UsageError } from './errors';

export const USAGE = `Usage: pharmalens check PATH... [options]     check every quoted affinity and its citation
       pharmalens table PATH... [options]     list every quoted affinity as a table
       pharmalens fix PATH... [--dry-run]     apply the fixes that need no choice (unit and decimal slips)
       pharmalens import-gtopdb FILE... --out FILE [--release NAME]   (pharmalens import-gtopdb --help)
       pharmalens --help | --version

Reads Markdown, Quarto, R Markdown and LaTeX manuscripts (.md .markdown .qmd .Rmd .tex) and BibTeX files (.bib); a
folder is searched recursively (skipping node_modules, dist, hidden folders and what .gitignore ignores); globs such
as 'paper/**/*.md' are expanded; - reads standard input. Recognizes compound and target names, reads every quoted
affinity (Ki, Kd, IC50 …) and checks it and its citations.
  -f, --format F         check: text (default; file:line:col severity code message, and one summary line),
                         json (every mention, statement with its verdict and references, finding, and errors)
                         or sarif (SARIF 2.1.0, for GitHub code scanning); table: csv (default) or md
  --min-severity L       check: report findings of level L or more severe: error, warning, information, hint
                         (default warning, for every format: information and hints on request)
  --fail-on L            check: exit 1 when a finding of level L or more severe is found, or none (default error)
  -q, --quiet            check, text: print the findings only, without the summary line
  --dry-run              fix: print the changes as a unified diff instead of writing the files
  -e, --exclude GLOB     leave out files and folders matching GLOB (relative to this folder); repeatable
  --no-gitignore         also check files that .gitignore files ignore
  --stdin-filename NAME  the name (and so the language) of the text read from -, default stdin.md
  --kb FILE              an extra knowledge-base file (JSON, same schema as the bundled one); repeatable
  -c, --config FILE      the project config (default: .pharmalens.json or pharmalens.config.json in this folder
                         or the nearest parent folder that has one)
  -h, --help             this text;  -V, --version  the version
Options take their value as --option value or --option=value.
Exit codes: 0 no finding at or above --fail-on, 1 findings at or above --fail-on, 2 usage or input error (a file
that cannot be read is reported and the others are still checked).`;

export type CheckFormat = 'text' | 'json' | 'sarif';
export type TableFormat = 'csv' | 'md';

interface CommonOptions {
  paths: string[];
  kbFiles: string[];
  configFile?: string;
  exclude: string[];
  gitignore: boolean;
  stdinFilename: string;
}

export interface CheckOptions extends CommonOptions {
  command: 'check';
  format: CheckFormat;
  minSeverity: Severity;
  failOn: Severity | 'none';
  quiet: boolean;
}

export interface TableOptions extends CommonOptions {
  command: 'table';
  format: TableFormat;
}

export interface FixOptions extends CommonOptions {
  command: 'fix';
  dryRun: boolean;
}

/** `--help` or `--version`: printed on stdout, exit 0. */
export type InformationRequest = { command: 'help' } | { command: 'version' };

export type CliOptions = CheckOptions | TableOptions | FixOptions;

const FORMATS = { check: ['text', 'json', 'sarif'], table: ['csv', 'md'] } as const;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'min-severity': { type: 'string' },
  'fail-on': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'dry-run': { type: 'boolean' },
  exclude: { type: 'string', short: 'e', multiple: true },
  'no-gitignore': { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  kb: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

/** Options only `check` takes. */
const CHECK_ONLY = ['min-severity', 'fail-on', 'quiet'] as const;

function severityOption(option: string, value: string, allowNone: boolean): Severity | 'none' {
  if (isSeverity(value) || (allowNone && value === 'none')) return value;
  throw new UsageError(`${option} takes error, warning, information, hint${allowNone ? ' or none' : ''}, not "${value}".`);
}

/** node:util's wording, in ours: `Unknown option '--foo'…` → `Unknown option "--foo".` */
function usageProblem(error: Error & { code?: string }): string {
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return `Unknown option "${unknown[1]}".\n\n${USAGE}`;
  const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(error.message);
  if (missing) return `${missing[1]} needs a value.`;
  return `${error.message}\n\n${USAGE}`;
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageProblem(error as Error & { code?: string }));
  }
}

export function parseArguments(argv: readonly string[]): CliOptions | InformationRequest {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError(USAGE);
  if (command !== 'check' && command !== 'table' && command !== 'fix') {
    // `pharmalens --help`, `pharmalens -V`: no command needed.
    const { values } = parse(argv);
    if (values.help) return { command: 'help' };
    if (values.version) return { command: 'version' };
    throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
  const { values, positionals } = parse(rest);
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  if (command !== 'check') {
    const given = CHECK_ONLY.find((option) => values[option] !== undefined);
    if (given) throw new UsageError(`--${given} is an option of check, not of ${command}.`);
  }
  if (command !== 'fix' && values['dry-run']) throw new UsageError(`--dry-run is an option of fix, not of ${command}.`);
  if (command === 'fix' && values.format !== undefined) throw new UsageError('--format is an option of check and table, not of fix.');
  if (positionals.length === 0) throw new UsageError(`No file given.\n\n${USAGE}`);
  const common: CommonOptions = {
    paths: positionals,
    kbFiles: values.kb ?? [],
    configFile: values.config,
    exclude: values.exclude ?? [],
    gitignore: !values['no-gitignore'],
    stdinFilename: values['stdin-filename'] ?? 'stdin.md',
  };
  if (command === 'fix') return { command, ...common, dryRun: values['dry-run'] ?? false };
  const formats: readonly string[] = FORMATS[command];
  const format = values.format ?? formats[0];
  if (!formats.includes(format)) throw new UsageError(`--format takes ${formats.join(' or ')}, not "${format}".`);
  if (command === 'table') return { command, ...common, format: format as TableFormat };
  return {
    command,
    ...common,
    format: format as CheckFormat,
    minSeverity: values['min-severity'] === undefined ? 'warning' : (severityOption('--min-severity', values['min-severity'], false) as Severity),
    failOn: values['fail-on'] === undefined ? 'error' : severityOption('--fail-on', values['fail-on'], true),
    quiet: values.quiet ?? false,
  };
}
