import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The version in package.json: beside dist/ when bundled, two folders up when run from source. */
export function packageVersion(): string {
  const candidates = [path.resolve(__dirname, '../package.json'), path.resolve(__dirname, '../../package.json'), path.resolve(__dirname, '../../../package.json')];
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === 'pharmalens' && manifest.version) return manifest.version;
  }
  return '0.0.0';
}
