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
                    (default information for text, hint — everything — for json and sarif)
  --fail-on L       exit 1 when a finding of level L or more severe is found, or none (default error)
  --quiet           text: print only the summary line
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
  minSeverity?: Severity;
  failOn: Severity | 'none';
  quiet: boolean;
}

export interface TableOptions extends CommonOptions {
  command: 'table';
  format: TableFormat;
}

export type CliOptions = CheckOptions | TableOptions;

const FORMATS = { check: ['text', 'json', 'sarif'], table: ['csv', 'md'] } as const;

function valueOf(rest: string[], index: number, option: string, what: string): string {
  const value = rest[index];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${option} needs ${what}.`);
  return value;
}

function severityOption(option: string, value: string, allowNone: boolean): Severity | 'none' {
  if (isSeverity(value) || (allowNone && value === 'none')) return value;
  throw new UsageError(`${option} takes error, warning, information, hint${allowNone ? ' or none' : ''}, not "${value}".`);
}

export function parseArguments(argv: readonly string[]): CliOptions {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') throw new UsageError(USAGE);
  if (command !== 'check' && command !== 'table') throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  const formats: readonly string[] = FORMATS[command];
  let format: string = formats[0];
  let minSeverity: Severity | undefined;
  let failOn: Severity | 'none' = 'error';
  let quiet = false;
  let configFile: string | undefined;
  const paths: string[] = [];
  const kbFiles: string[] = [];
  for (let index = 0; index < rest.length; index++) {
    const argument = rest[index];
    const checkOnly = () => {
      if (command !== 'check') throw new UsageError(`${argument} is an option of check, not of ${command}.`);
    };
    if (argument === '--format') {
      format = valueOf(rest, ++index, '--format', formats.join(' or '));
      if (!formats.includes(format)) throw new UsageError(`--format takes ${formats.join(' or ')}, not "${format}".`);
    } else if (argument === '--min-severity') {
      checkOnly();
      minSeverity = severityOption(argument, valueOf(rest, ++index, argument, 'a level'), false) as Severity;
    } else if (argument === '--fail-on') {
      checkOnly();
      failOn = severityOption(argument, valueOf(rest, ++index, argument, 'a level'), true);
    } else if (argument === '--quiet' || argument === '-q') {
      checkOnly();
      quiet = true;
    } else if (argument === '--kb') {
      kbFiles.push(valueOf(rest, ++index, '--kb', 'a file'));
    } else if (argument === '--config') {
      configFile = valueOf(rest, ++index, '--config', 'a file');
    } else if (argument.startsWith('-') && argument !== '-') {
      throw new UsageError(`Unknown option "${argument}".\n\n${USAGE}`);
    } else {
      paths.push(argument);
    }
  }
  if (paths.length === 0) throw new UsageError(`No file given.\n\n${USAGE}`);
  if (command === 'table') return { command, paths, kbFiles, configFile, format: format as TableFormat };
  return { command, paths, kbFiles, configFile, format: format as CheckFormat, minSeverity, failOn, quiet };
}
