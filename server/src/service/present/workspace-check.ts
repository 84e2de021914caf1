import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * The custom LSP request that checks manuscripts on disk (or open) and publishes their diagnostics, so a whole
 * workspace shows in the Problems panel. Without `uris`, the server checks every manuscript under its workspace root.
 * Progress goes through the standard `workDoneToken`; the request honours cancellation between files.
 */
export const CHECK_FILES_REQUEST = 'pharmalens/checkFiles';

export interface CheckFilesParams {
  uris?: string[];
  workDoneToken?: string | number;
}

export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

export interface CheckFilesResult {
  /** Every manuscript checked, with its published diagnostics counted by severity. */
  files: ({ uri: string } & DiagnosticCounts)[];
  /** Files that could not be read or are not manuscripts, with the reason. */
  unreadable: { uri: string; message: string }[];
  /** True when the check was cancelled before every file was read. */
  cancelled: boolean;
}

export function diagnosticCounts(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  const counts: DiagnosticCounts = { errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 2) counts.warnings++;
    else if (diagnostic.severity === 3) counts.information++;
    else if (diagnostic.severity === 4) counts.hints++;
    else counts.errors++;
  }
  return counts;
}

/** "2 errors, 1 warning in 3 of 12 manuscripts" — or "no problems in 12 manuscripts". */
export function checkSummary(result: CheckFilesResult): string {
  const total = (key: keyof DiagnosticCounts) => result.files.reduce((sum, file) => sum + file[key], 0);
  const plural = (count: number, word: string, many = `${word}s`) => `${count} ${count === 1 ? word : many}`;
  const parts = [
    [total('errors'), 'error'],
    [total('warnings'), 'warning'],
    [total('information'), 'note'],
    [total('hints'), 'hint'],
  ]
    .filter(([count]) => (count as number) > 0)
    .map(([count, word]) => plural(count as number, word as string));
  const manuscripts = plural(result.files.length, 'manuscript');
  const withProblems = result.files.filter((file) => file.errors + file.warnings + file.information + file.hints > 0).length;
  const found = parts.length === 0 ? `no problems in ${manuscripts}` : `${parts.join(', ')} in ${withProblems} of ${manuscripts}`;
  const unreadable = result.unreadable.length > 0 ? `; ${plural(result.unreadable.length, 'file')} could not be read` : '';
  return `${found}${unreadable}${result.cancelled ? ' (cancelled before the end)' : ''}`;
}
