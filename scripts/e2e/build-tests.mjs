// Bundles the e2e suites (test/e2e/suite/*.ts) into test/e2e/out/ for the extension host to require.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const suiteDir = path.join(root, 'test/e2e/suite');
export const outDir = path.join(root, 'test/e2e/out');

export async function buildTests() {
  const entryPoints = fs
    .readdirSync(suiteDir)
    .filter((name) => name === 'index.ts' || name.endsWith('.e2e.ts'))
    .map((name) => path.join(suiteDir, name));
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return path.join(outDir, 'index.js');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildTests());
