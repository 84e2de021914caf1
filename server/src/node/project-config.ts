import { isDiagnosticCode, isSeverity, jsonSyntaxErrorMessage, positionAt, type DiagnosticSettings } from '../service/index';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { InputError } from './input-error';

export const CONFIG_FILE_NAMES = ['.pharmalens.json', 'pharmalens.config.json'];

export interface ProjectConfig {
  /** The file read, or undefined when there is none. */
  file?: string;
  severity: NonNullable<DiagnosticSettings['severity']>;
  /** Extra knowledge-base files, resolved against the config file's folder. */
  knowledgeBase: string[];
  /** Bibliography files used when a manuscript declares none, resolved against the config file's folder. */
  bibliography: string[];
  /** LaTeX commands (without backslash) whose first argument is not prose, like `\label` (other commands' arguments are read as prose). */
  latexIgnoredCommands: string[];
  /** Globs of files and folders the CLI leaves out, relative to `folder`. */
  exclude: string[];
  /** The folder the config's relative paths and globs are relative to: its own. */
  folder: string;
}

export function emptyConfig(folder: string): ProjectConfig {
  return { severity: {}, knowledgeBase: [], bibliography: [], latexIgnoredCommands: [], exclude: [], folder };
}

function commandList(file: string, text: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && /^\\?[A-Za-z@]+\*?$/.test(item))) {
    throw new InputError(`${locate(file, text, 'latexIgnoredCommands')}: "latexIgnoredCommands" must be a list of command names such as "mycite"`);
  }
  return value.map((item: string) => item.replace(/^\\/, ''));
}

/** `file:line:` of the first place `needle` (a key or value, quoted) appears, else the file alone. */
function locate(file: string, text: string, needle: string | undefined): string {
  const offset = needle === undefined ? -1 : text.indexOf(JSON.stringify(needle));
  return offset < 0 ? file : `${file}:${positionAt(text, offset).line}`;
}

function stringList(file: string, text: string, value: unknown, key: string, folder: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new InputError(`${locate(file, text, key)}: "${key}" must be a list of file names`);
  }
  return value.map((item: string) => path.resolve(folder, item));
}

function globList(file: string, text: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new InputError(`${locate(file, text, 'exclude')}: "exclude" must be a list of globs such as "_site" or "drafts/**"`);
  return value;
}

function severityTable(file: string, text: string, value: unknown): ProjectConfig['severity'] {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`${locate(file, text, 'severity')}: "severity" must be an object of code: level`);
  }
  const table: ProjectConfig['severity'] = {};
  for (const [code, level] of Object.entries(value)) {
    if (!isDiagnosticCode(code)) throw new InputError(`${locate(file, text, code)}: unknown diagnostic code "${code}"`);
    if (!isSeverity(level) && level !== 'off') {
      throw new InputError(`${locate(file, text, code)}: "${code}" takes error, warning, information, hint or off, not ${JSON.stringify(level)}`);
    }
    table[code] = level;
  }
  return table;
}

/** `file` names the config in messages; its relative paths resolve against `folder` (the config file's own folder). */
export function parseProjectConfig(file: string, text: string, folder = path.dirname(path.resolve(file))): ProjectConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(jsonSyntaxErrorMessage(text, file, error));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new InputError(`${file}:1: the config must be a JSON object`);
  const record = data as Record<string, unknown>;
  const unknownKey = Object.keys(record).find((key) => !['severity', 'knowledgeBase', 'bibliography', 'latexIgnoredCommands', 'exclude', '$schema'].includes(key));
  if (unknownKey) throw new InputError(`${locate(file, text, unknownKey)}: unknown setting "${unknownKey}" (known: severity, knowledgeBase, bibliography, latexIgnoredCommands, exclude)`);
  return {
    file,
    severity: severityTable(file, text, record.severity),
    knowledgeBase: stringList(file, text, record.knowledgeBase, 'knowledgeBase', folder),
    bibliography: stringList(file, text, record.bibliography, 'bibliography', folder),
    latexIgnoredCommands: commandList(file, text, record.latexIgnoredCommands),
    exclude: globList(file, text, record.exclude),
    folder,
  };
}

/** The first of CONFIG_FILE_NAMES in `folder`, or (`searchParents`) in the nearest folder above it that has one. */
export function findProjectConfig(folder: string, searchParents: boolean): string | undefined {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    const found = CONFIG_FILE_NAMES.map((name) => path.join(current, name)).find((candidate) => existsSync(candidate));
    if (found || !searchParents || path.dirname(current) === current) return found;
  }
}

/**
 * The config named by --config, else the one in `folder` — or, for the CLI (`searchParents`), the nearest one above
 * it; the server stays inside its workspace — else an empty one.
 */
export function loadProjectConfig(explicitFile: string | undefined, folder: string, searchParents = false): ProjectConfig {
  const file = explicitFile ?? findProjectConfig(folder, searchParents);
  if (!file) return emptyConfig(folder);
  const shownName = explicitFile ?? path.relative(folder, file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${shownName}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  // Shown by its name relative to the folder, but its paths resolve against where it is, not the process's cwd.
  return parseProjectConfig(shownName, text, path.dirname(path.resolve(file)));
}
