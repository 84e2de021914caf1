/** The README's install from a clone: `npm pack`, then `npm install -g` of the package, into a temporary prefix. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { projectRoot } from './helpers/server';

test('npm pack and npm install -g put pharmalens and pharmalens-ls on PATH, and they run', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pharmalens-install-'));
  execFileSync('npm', ['pack', '--pack-destination', folder, '--silent'], { cwd: projectRoot, encoding: 'utf8' });
  const [tarball] = readdirSync(folder).filter((name) => name.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack wrote a package');
  const prefix = path.join(folder, 'prefix');
  execFileSync('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', path.join(folder, tarball)], { encoding: 'utf8' });
  const env = { ...process.env, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}` };
  const { version } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  const run = spawnSync('pharmalens', ['check', path.join(projectRoot, 'test/fixtures/affinity/planted/amitriptyline-profile.md')], { env, encoding: 'utf8' });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, / error affinity\./);
  assert.equal(spawnSync('pharmalens', ['--version'], { env, encoding: 'utf8' }).stdout, `${version}\n`);
  assert.match(spawnSync('pharmalens-ls', ['--help'], { env, encoding: 'utf8' }).stdout, /^Usage: pharmalens-ls --stdio/);
});
