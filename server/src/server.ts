import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './lsp/server';
import { packageVersion } from './node/version';

const SERVER_USAGE = `Usage: pharmalens-ls --stdio | --node-ipc | --socket=PORT

The PharmaLens language server: hovers, affinity checks and citation fixes for pharmacology manuscripts in Markdown,
Quarto, R Markdown and LaTeX, over the Language Server Protocol. An editor starts it; see the README for Neovim, Emacs
and Helix configurations.
  --stdio          talk LSP over standard input and output
  --node-ipc       talk LSP over Node's IPC channel (what the VS Code extension uses)
  --socket=PORT    talk LSP over a socket
  -h, --help       this text;  -V, --version  the version`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${SERVER_USAGE}\n`);
} else if (args.includes('--version') || args.includes('-V')) {
  process.stdout.write(`${packageVersion()}\n`);
} else if (!args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe') || arg.startsWith('--clientProcessId'))) {
  process.stderr.write(`pharmalens-ls: say how to talk to the editor.\n\n${SERVER_USAGE}\n`);
  process.exitCode = 2;
} else {
  /** `pharmalens-ls --stdio` (or IPC, as the VS Code client starts it): the language server over this process's streams. */
  // Edits read in part leave garbage a megabyte at a time, and V8 lets the heap grow up to 4× before collecting it: 40
  // edits of one of three open 1 MB manuscripts took 153 → 354 MB. Growing by 20% at most: 137 → 160 MB, at no
  // measured cost in time (issue 16). Set here, it holds in every editor, not only where execArgv can be given.
  setFlagsFromString('--heap-growing-percent=20');
  const connection = createConnection(ProposedFeatures.all);
  process.on('unhandledRejection', (reason) => connection.console.error(`PharmaLens: unhandled rejection: ${String(reason)}`));
  createServer(connection);
  connection.listen();
}
