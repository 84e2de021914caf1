import type { Severity } from '../check/types';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** LSP numbers severities 1 (error) to 4 (hint). */
export function severityFromLsp(lspSeverity: number | undefined): Severity {
  return SEVERITIES[(lspSeverity ?? 1) - 1] ?? 'error';
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** True when `severity` is `threshold` or more severe. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}
