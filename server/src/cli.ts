import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from './service/index';
import { loadKnowledgeBaseFiles } from './node/knowledge-base-file';
import { formatForLanguageId } from './service/scan/index';

const USAGE = `Usage: pharmalens check FILE... [--format text|json] [--kb FILE]

Recognizes compound and target names in Markdown, Quarto, R Markdown and LaTeX manuscripts.
  --format text   one line per mention: file:line:col kind id "text" (default)
  --format json   { files: [{ file, mentions: [{ line, character, endLine, endCharacter, kind, id, name, text }] }] }
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
  const service = createLanguageService(loaded);
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
    const document = TextDocument.create(path.resolve(file), languageId, 1, text);
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
    results.push({ file, mentions });
  }
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ files: results }, null, 2)}\n`);
  } else {
    for (const { file, mentions } of results) {
      for (const mention of mentions) {
        process.stdout.write(`${file}:${mention.line}:${mention.character} ${mention.kind} ${mention.id} ${JSON.stringify(mention.text)}\n`);
      }
      process.stdout.write(`${file}: ${mentions.length} mention(s) of ${new Set(mentions.map((mention) => mention.id)).size} compound(s)/target(s)\n`);
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
