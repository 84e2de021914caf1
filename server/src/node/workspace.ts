import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Workspace } from '../service/cite/workspace';

/** Files as the editor has them: an open document's unsaved text first, else the file on disk. */
export function nodeWorkspace(openText: (uri: string) => string | undefined = () => undefined): Workspace {
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
        return readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    exists(uri) {
      if (openText(uri) !== undefined) return true;
      const file = pathOf(uri);
      return file !== undefined && existsSync(file);
    },
  };
}
