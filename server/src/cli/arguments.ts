import { parseArgs } from 'node:util';
import { isSeverity, type Severity } from '../service/index';
import { UsageError } from './errors';

export const USAGE = `Usage: pharmalens check PATH... [--format text|json|sarif] [--min-severity LEVEL] [--fail-on LEVEL|none]
                        [--quiet] [--kb FILE] [--config FILE]
       pharmalens table PATH... [--format csv|md] [--kb FILE] [--config FILE]
       pharmalens import-gtopdb FILE... --out FILE [--release NAME]   (pharmalens import-gtopdb --help)

Reads Markdown, Quarto, R Markdown and LaTeX manuscripts (.md .markdown .qmd .Rmd .tex; a folder is searched
recursively, skipping node_modules, .git and dist; globs such as 'paper/**/*.md' are expanded), recognizes compound
and target names, reads every quoted affinity (Ki, Kd, IC50 …) and checks it and its citations.
  --format text     file:line:col severity code message, grouped per file, and a summary (default for check)
  --format json     every mention, every affinity statement with its verdict and references, every finding
  --format sarif    SARIF 2.1.0, for GitHub code scanning and other SARIF viewers
  --format csv|md   (table) every affinity statement as a CSV or Markdown table (default csv)
  --min-severity L  report findings of level L or more severe: error, warning, information, hint
                    (default warning, for every format: information and hints on request)
  --fail-on L       exit 1 when a finding of level L or more severe is found, or none (default error)
  --quiet, -q       text: print the findings only, without the summary line
  --kb FILE         an extra knowledge-base file (JSON, same schema as the bundled one); repeatable
  --config FILE     the project config (default: .pharmalens.json or pharmalens.config.json in this folder)
Exit codes: 0 no finding at or above --fail-on, 1 findings at or above --fail-on, 2 usage or input error.`;

export type CheckFormat = 'text' | 'json' | 'sarif';
export type TableFormat = 'csv' | 'md';

interface CommonOptions {
  paths: string[];
  kbFiles: string[];
  configFile?: string;
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

export type CliOptions = CheckOptions | TableOptions;

const FORMATS = { check: ['text', 'json', 'sarif'], table: ['csv', 'md'] } as const;

const OPTIONS = {
  format: { type: 'string' },
  'min-severity': { type: 'string' },
  'fail-on': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  kb: { type: 'string', multiple: true },
  config: { type: 'string' },
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

export function parseArguments(argv: readonly string[]): CliOptions {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') throw new UsageError(USAGE);
  if (command !== 'check' && command !== 'table') throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageProblem(error as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
  if (command !== 'check') {
    const given = CHECK_ONLY.find((option) => values[option] !== undefined);
    if (given) throw new UsageError(`--${given} is an option of check, not of ${command}.`);
  }
  const formats: readonly string[] = FORMATS[command];
  const format = values.format ?? formats[0];
  if (!formats.includes(format)) throw new UsageError(`--format takes ${formats.join(' or ')}, not "${format}".`);
  if (positionals.length === 0) throw new UsageError(`No file given.\n\n${USAGE}`);
  const common = { paths: positionals, kbFiles: values.kb ?? [], configFile: values.config };
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
