import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from './service/index';
import { loadKnowledgeBaseFiles } from './node/knowledge-base-file';
import { nodeWorkspace } from './node/workspace';
import { formatForLanguageId } from './service/scan/index';
import type { Verdict } from './service/check/types';

const SEVERITY_NAME = ['', 'error', 'warning', 'information', 'hint'];

function verdictJson(verdict: Verdict): Record<string, unknown> {
  const evidence = verdict.kind === 'finding' ? verdict.finding.evidence : verdict.kind === 'unchecked' ? undefined : verdict.evidence;
  return {
    verdict: verdict.kind,
    ...(verdict.kind === 'finding' ? { code: verdict.finding.code, message: verdict.finding.message, factor: verdict.finding.factor } : {}),
    ...(verdict.kind === 'consistent' || verdict.kind === 'within-spread' ? { factor: verdict.factor } : {}),
    ...(verdict.kind === 'unchecked' ? { reason: verdict.reason } : {}),
    references: (evidence?.records ?? []).map((record) => ({
      measure: record.measure, valueNm: record.valueNm, valueHighNm: record.valueHighNm, relation: record.relation, species: record.species,
      conditions: record.conditions, referenceId: record.referenceId, grade: record.grade, origin: record.origin,
    })),
  };
}

const USAGE = `Usage: pharmalens check FILE... [--format text|json] [--kb FILE]

Reads Markdown, Quarto, R Markdown and LaTeX manuscripts: recognizes compound and target names, reads every quoted
affinity (Ki, Kd, IC50 …) and checks it against the knowledge base.
  --format text   one line per finding: file:line:col severity code message, and a summary per file (default)
  --format json   every mention, every affinity statement with its verdict and the reference values used, every finding
  --kb FILE       an extra knowledge-base file (JSON, same schema as the bundled one)`;

interface CliOptions {
  command: string;
  files: string[];
  format: 'text' | 'json';
  kbFiles: string[];
}

class UsageError extends Error {}

function parseArguments(argv: string[]): CliOptions {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') throw new UsageError(USAGE);
  if (command !== 'check') throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  const options: CliOptions = { command, files: [], format: 'text', kbFiles: [] };
  for (let index = 0; index < rest.length; index++) {
    const argument = rest[index];
    if (argument === '--format') {
      const format = rest[++index];
      if (format !== 'text' && format !== 'json') throw new UsageError(`--format takes text or json, not "${format ?? ''}".`);
      options.format = format;
    } else if (argument === '--kb') {
      const file = rest[++index];
      if (!file) throw new UsageError('--kb needs a file.');
      options.kbFiles.push(file);
    } else if (argument.startsWith('--')) {
      throw new UsageError(`Unknown option "${argument}".\n\n${USAGE}`);
    } else {
      options.files.push(argument);
    }
  }
  if (options.files.length === 0) throw new UsageError(`No file given.\n\n${USAGE}`);
  return options;
}

const LANGUAGE_BY_EXTENSION: Record<string, string> = {
  '.md': 'markdown', '.markdown': 'markdown', '.qmd': 'quarto', '.rmd': 'rmd', '.tex': 'latex', '.ltx': 'latex',
};

function languageIdOf(file: string): string | undefined {
  return LANGUAGE_BY_EXTENSION[path.extname(file).toLowerCase()];
}

function run(argv: string[]): number {
  const options = parseArguments(argv);
  const loaded = loadKnowledgeBaseFiles(options.kbFiles);
  if (loaded.errors.length > 0) {
    for (const error of loaded.errors) process.stderr.write(`pharmalens: ${error}\n`);
    return 2;
  }
  const service = createLanguageService({ ...loaded, workspace: nodeWorkspace(), discoveryOptions: () => ({ workspaceRoot: process.cwd() }) });
  const results = [];
  for (const file of options.files) {
    const languageId = languageIdOf(file);
    if (!languageId || !formatForLanguageId(languageId, file)) {
      process.stderr.write(`pharmalens: ${file}: not a Markdown, Quarto, R Markdown or LaTeX file\n`);
      return 2;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(`pharmalens: ${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
      return 2;
    }
    const document = TextDocument.create(pathToFileURL(path.resolve(file)).href, languageId, 1, text);
    const analysis = service.analyze(document);
    const mentions = (analysis?.mentions ?? []).map((mention) => {
      const start = document.positionAt(mention.start);
      const end = document.positionAt(mention.end);
      const entity = mention.kind === 'compound' ? service.knowledgeBase.compound(mention.id) : service.knowledgeBase.target(mention.id);
      return {
        line: start.line + 1,
        character: start.character + 1,
        endLine: end.line + 1,
        endCharacter: end.character + 1,
        kind: mention.kind,
        id: mention.id,
        name: entity?.name ?? mention.id,
        text: mention.text,
      };
    });
    const position = (offset: number) => {
      const at = document.positionAt(offset);
      return { line: at.line + 1, character: at.character + 1 };
    };
    const statements = (analysis?.checked ?? []).map(({ statement, verdict }) => ({
      ...position(statement.span.start),
      text: statement.text,
      compound: statement.compound?.id ?? null,
      target: statement.target?.id ?? null,
      measure: statement.measure,
      scale: statement.scale,
      relation: statement.relation,
      value: statement.value,
      valueHigh: statement.valueHigh,
      unit: statement.unit,
      valueNm: statement.valueNm,
      valueHighNm: statement.valueHighNm,
      context: statement.context,
      association: { compound: statement.compound?.via ?? null, target: statement.target?.via ?? null },
      ...verdictJson(verdict),
    }));
    const findings = analysis
      ? service.diagnostics(document, analysis).map((diagnostic) => ({
          line: diagnostic.range.start.line + 1,
          character: diagnostic.range.start.character + 1,
          severity: SEVERITY_NAME[diagnostic.severity ?? 1],
          code: String(diagnostic.code),
          message: diagnostic.message,
        }))
      : [];
    results.push({ file, mentions, statements, findings });
  }
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ files: results }, null, 2)}\n`);
  } else {
    for (const { file, mentions, statements, findings } of results) {
      const shown = findings.filter((finding) => finding.severity !== 'hint');
      for (const finding of shown) process.stdout.write(`${file}:${finding.line}:${finding.character} ${finding.severity} ${finding.code} ${finding.message}\n`);
      const ids = new Set(mentions.map((mention) => mention.id)).size;
      const hints = findings.length - shown.length;
      process.stdout.write(
        `${file}: ${mentions.length} mention(s) of ${ids} compound(s)/target(s), ${statements.length} affinity statement(s), ${shown.length} finding(s)${hints > 0 ? ` (+${hints} hint(s), listed by --format json)` : ''}\n`,
      );
    }
  }
  return 0;
}

// `pharmalens check … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  process.exitCode = run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`pharmalens: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}
