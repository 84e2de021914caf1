import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { Workspace } from '../service/index';
import { decodeText } from './decode-text';

/**
 * Files as the editor has them: an open document's unsaved text first, else the file on disk — read again only when
 * its modification time or size changes (every analysis asks for the manuscript's bibliographies).
 */
export function nodeWorkspace(openText: (uri: string) => string | undefined = () => undefined): Workspace {
  const cache = new Map<string, { mtimeMs: number; size: number; text: string }>();
  const listings = new Map<string, { mtimeMs: number; files: string[] }>();
  const pathOf = (uri: string): string | undefined => {
    try {
      return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    readFile(uri) {
      const open = openText(uri);
      if (open !== undefined) return open;
      const file = pathOf(uri);
      if (!file) return undefined;
      try {
        const { mtimeMs, size } = statSync(file);
        const cached = cache.get(file);
        if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached.text;
        const text = decodeText(readFileSync(file)).text;
        cache.set(file, { mtimeMs, size, text });
        return text;
      } catch {
        cache.delete(file);
        return undefined;
      }
    },
    exists(uri) {
      if (openText(uri) !== undefined) return true;
      const file = pathOf(uri);
      return file !== undefined && existsSync(file);
    },
    listFiles(folderUri) {
      const folder = pathOf(folderUri);
      if (!folder) return undefined;
      try {
        // A LaTeX chapter looks for its root at every analysis: the listing is read again only when the folder changes.
        const { mtimeMs } = statSync(folder);
        const cached = listings.get(folder);
        if (cached && cached.mtimeMs === mtimeMs) return cached.files;
        const files = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => pathToFileURL(path.join(folder, entry.name)).href);
        listings.set(folder, { mtimeMs, files });
        return files;
      } catch {
        listings.delete(folder);
        return undefined;
      }
    },
  };
}
