/** A one-line "checking 3/40 file.md" on stderr, only on a terminal and only when there are more than a few files. */
export interface Progress {
  update(done: number, file: string): void;
  clear(): void;
}

const FEW_FILES = 5;

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total <= FEW_FILES) return { update: () => {}, clear: () => {} };
  const width = Math.max(20, (stream.columns || 80) - 1);
  return {
    update: (done, file) => stream.write(`\r\u001b[K${`checking ${done}/${total} ${file}`.slice(0, width)}`),
    clear: () => stream.write('\r\u001b[K'),
  };
}
