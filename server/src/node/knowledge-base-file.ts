import { checkIntegrity, compileNames, jsonSyntaxErrorMessage, lazyDictionary, loadBundledKnowledgeBase, loadKnowledgeBaseExtension, mergeKnowledgeBases, type AffinityRecord, type CompiledName, type Dictionary, type KnowledgeBase, type Reference } from '../service/index';
import { isAscii } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The folder with `kb.json` and `names.txt`: beside the bundle, or `dist/` when running from source. */
export function bundledKnowledgeBaseFolder(): string {
  const candidates = [__dirname, path.resolve(__dirname, '../../../dist'), path.resolve(__dirname, '../../dist')];
  const found = candidates.find((candidate) => existsSync(path.join(candidate, 'kb.json')));
  if (!found) throw new Error(`PharmaLens knowledge base not found (looked for kb.json in ${candidates.join(', ')}); run \`npm run build\`.`);
  return found;
}

export interface LoadedKnowledgeBase {
  kb: KnowledgeBase;
  /** The names the recognizer matches: the bundled ones compiled at build time, the extra files' compiled here. */
  dictionary: Dictionary;
  /** Problems with extra files; each bad file is left out and the rest is used. */
  errors: string[];
}

function readText(file: string): { text?: string; error?: string } {
  try {
    const bytes = readFileSync(file);
    // The bundled files are ASCII (the build escapes the rest); a one-byte string decodes and parses faster.
    return { text: bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8') };
  } catch (error) {
    return { error: `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}

/** `names.txt` starts with the version of the knowledge base it was compiled from; a stale file is not used. */
function bundledNamesText(folder: string, kb: KnowledgeBase): string | undefined {
  const { text } = readText(path.join(folder, 'names.txt'));
  const firstLineEnd = text?.indexOf('\n') ?? -1;
  if (!text || firstLineEnd < 0 || text.slice(0, firstLineEnd) !== kb.version) return undefined;
  return text.slice(firstLineEnd + 1);
}

/**
 * The bundled affinity records, and the bare PubMed references only they cite, live in `affinities.json` beside
 * `kb.json`: they are read the first time anything asks for `kb.affinities` or `kb.references`, so that a server
 * answers `initialize` (and the CLI checks a file without values) without parsing them.
 */
function withRecordsOnFirstUse(kb: KnowledgeBase, folder: string): void {
  const file = path.join(folder, 'affinities.json');
  if (kb.affinities.length > 0 || !existsSync(file)) return;
  const ownReferences = kb.references;
  let loaded: { affinities: AffinityRecord[]; references: Reference[] } | undefined;
  const load = () => {
    if (loaded) return loaded;
    const { text, error } = readText(file);
    if (text === undefined) throw new Error(`The bundled knowledge base is incomplete: ${error}`);
    let data: { version?: unknown; affinities?: unknown; references?: unknown };
    try {
      data = JSON.parse(text) as typeof data;
    } catch (parseError) {
      throw new Error(`The bundled knowledge base is invalid: ${jsonSyntaxErrorMessage(text, file, parseError)}`);
    }
    if (data.version !== kb.version || !Array.isArray(data.affinities) || !Array.isArray(data.references)) {
      throw new Error(`The bundled knowledge base is invalid: ${file} is not the record file of kb.json version ${kb.version}; run \`npm run build\`.`);
    }
    loaded = { affinities: data.affinities as AffinityRecord[], references: [...ownReferences, ...(data.references as Reference[])] };
    return loaded;
  };
  for (const key of ['affinities', 'references'] as const) {
    Object.defineProperty(kb, key, {
      enumerable: true,
      configurable: true,
      get: () => load()[key],
      set(value: never) {
        load()[key] = value;
      },
    });
  }
}

/** Loads the bundled knowledge base and merges the user's extra files; a bad extra file is reported and left out. */
export function loadKnowledgeBaseFiles(extraFiles: readonly string[] = []): LoadedKnowledgeBase {
  const folder = bundledKnowledgeBaseFolder();
  const bundledFile = path.join(folder, 'kb.json');
  const bundled = readText(bundledFile);
  const loaded = bundled.text === undefined ? { errors: [bundled.error ?? bundledFile] } : loadBundledKnowledgeBase(bundled.text, bundledFile);
  if (!loaded.kb) throw new Error(`The bundled knowledge base is invalid:\n${loaded.errors.join('\n')}`);
  let kb = loaded.kb;
  withRecordsOnFirstUse(kb, folder);
  const namesText = bundledNamesText(folder, kb);
  const extraNames: CompiledName[] = namesText === undefined ? compileNames(kb) : [];
  const errors: string[] = [];
  for (const file of extraFiles) {
    const read = readText(file);
    if (read.text === undefined) {
      errors.push(read.error ?? file);
      continue;
    }
    const { extension, errors: extensionErrors } = loadKnowledgeBaseExtension(read.text, file);
    if (!extension) {
      errors.push(...extensionErrors);
      continue;
    }
    const merged = mergeKnowledgeBases(kb, extension);
    const integrity = checkIntegrity(merged, file);
    if (integrity.length > 0) {
      errors.push(...integrity);
      continue;
    }
    kb = merged;
    extraNames.push(...compileNames({ targets: extension.targets ?? [], compounds: extension.compounds ?? [], stopNames: merged.stopNames }));
  }
  return { kb, dictionary: lazyDictionary(namesText ?? '', extraNames), errors };
}
