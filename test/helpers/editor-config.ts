/** What the README's editor configurations need around them in a test: the config as printed, `pharmalens-ls` on PATH. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { projectRoot } from './server';

/** The first code block after `heading` in the README (the heading line matched by `heading`, then a ```lang fence). */
export function readmeBlock(heading: RegExp, language: string): string | undefined {
  const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const at = readme.search(heading);
  if (at < 0) return undefined;
  return new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(readme.slice(at))?.[1];
}

/** A fresh folder with `bin/pharmalens-ls` running this build's server, as `npm install -g` puts it on PATH. */
export function folderWithServerOnPath(prefix: string): { folder: string; bin: string } {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  const bin = path.join(folder, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'pharmalens-ls'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(projectRoot, 'dist/server.js')}" "$@"\n`, { mode: 0o755 });
  return { folder, bin };
}
