import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadKnowledgeBase, mergeKnowledgeBases } from '../service/kb/load';
import type { KnowledgeBase } from '../service/kb/types';

/** `dist/kb.json` beside the bundle, or the built one when running from source. */
export function bundledKnowledgeBasePath(): string {
  const candidates = [path.join(__dirname, 'kb.json'), path.resolve(__dirname, '../../../dist/kb.json'), path.resolve(__dirname, '../../dist/kb.json')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`PharmaLens knowledge base not found (looked for ${candidates.join(', ')}); run \`npm run build\`.`);
  return found;
}

export interface LoadedKnowledgeBase {
  kb: KnowledgeBase;
  /** Problems with extra files; the bundled knowledge base is used without them. */
  errors: string[];
}

function readKnowledgeBaseFile(file: string): { kb?: KnowledgeBase; errors: string[] } {
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (error) {
    return { errors: [`${file}: cannot read (${(error as Error).message})`] };
  }
  return loadKnowledgeBase(json, file);
}

/** Loads the bundled knowledge base and merges the user's extra files; a bad extra file is reported and left out. */
export function loadKnowledgeBaseFiles(extraFiles: readonly string[] = []): LoadedKnowledgeBase {
  const bundled = readKnowledgeBaseFile(bundledKnowledgeBasePath());
  if (!bundled.kb) throw new Error(`The bundled knowledge base is invalid:\n${bundled.errors.join('\n')}`);
  let kb = bundled.kb;
  const errors: string[] = [];
  for (const file of extraFiles) {
    const extra = readKnowledgeBaseFile(file);
    if (extra.kb) kb = mergeKnowledgeBases(kb, extra.kb);
    errors.push(...extra.errors);
  }
  return { kb, errors };
}
