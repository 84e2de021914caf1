/**
 * The service has one door (`service/index.ts`), the wire protocol one file (`protocol.ts`): the adapters — the LSP
 * server, the CLI, the node host and the VS Code client — import nothing deeper.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');

function tsFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    return statSync(file).isDirectory() ? tsFiles(file) : name.endsWith('.ts') ? [file] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm)].map((match) => match[1]);
}

/** Every import of `files` that resolves into `folder` but is not one of `allowed`, as `file → import`. */
function deeperImports(files: string[], folder: string, allowed: string[]): string[] {
  return files.flatMap((file) =>
    imports(file)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => path.resolve(path.dirname(file), specifier))
      .filter((target) => target.startsWith(folder + path.sep) && !allowed.includes(target))
      .map((target) => `${path.relative(root, file)} → ${path.relative(root, target)}`),
  );
}

test('the LSP server, the CLI and the node host reach the service only through service/index.ts', () => {
  const server = path.join(root, 'server/src');
  const adapters = [path.join(server, 'server.ts'), path.join(server, 'cli.ts'), ...tsFiles(path.join(server, 'cli')), ...tsFiles(path.join(server, 'node')), ...tsFiles(path.join(server, 'lsp'))];
  assert.deepEqual(deeperImports(adapters, path.join(server, 'service'), [path.join(server, 'service/index')]), []);
});

test('the VS Code client imports from the server only protocol.ts', () => {
  const client = tsFiles(path.join(root, 'client/src'));
  assert.deepEqual(deeperImports(client, path.join(root, 'server/src'), [path.join(root, 'server/src/protocol')]), []);
});

test('the service imports no adapter, no transport and no file system', () => {
  // The rules' tests beside them run the whole pipeline through test helpers: they are tests, not the service.
  const service = tsFiles(path.join(root, 'server/src/service')).filter((file) => !file.endsWith('.test.ts'));
  const transports = service.flatMap((file) => imports(file).filter((specifier) => /^vscode-languageserver(\/node)?$|^vscode-languageclient|^vscode$|^node:(fs|child_process|net|http|https|os|worker_threads)$/.test(specifier)).map((specifier) => `${path.relative(root, file)} → ${specifier}`));
  assert.deepEqual(transports, []);
  const server = path.join(root, 'server/src');
  const adapterFolders = [path.join(server, 'cli'), path.join(server, 'node'), path.join(server, 'lsp')];
  const reachingOut = service.flatMap((file) =>
    imports(file)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => path.resolve(path.dirname(file), specifier))
      .filter((target) => adapterFolders.some((folder) => target.startsWith(folder + path.sep)) || target === path.join(server, 'server') || target === path.join(server, 'cli'))
      .map((target) => `${path.relative(root, file)} → ${path.relative(root, target)}`),
  );
  assert.deepEqual(reachingOut, []);
});
