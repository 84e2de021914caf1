import { atLeast, SEVERITIES, type Severity } from '../service/index';
import type { FileReport } from './analyze-file';

export interface TextReportOptions {
  minSeverity: Severity;
  quiet: boolean;
  colour: boolean;
}

const SEVERITY_COLOUR: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '90' };

function paint(colour: boolean, code: string, text: string): string {
  return colour ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** Colour only for a terminal that has not asked for none (https://no-color.org). */
export function wantsColour(stream: NodeJS.WriteStream, environment: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !environment.NO_COLOR;
}

function findingLines(report: FileReport, options: TextReportOptions): string[] {
  return report.findings
    .filter((finding) => atLeast(finding.severity, options.minSeverity))
    .map((finding) => `${paint(options.colour, '1', `${report.file}:${finding.line}:${finding.character}`)} ${paint(options.colour, SEVERITY_COLOUR[finding.severity], finding.severity)} ${paint(options.colour, '2', finding.code)} ${finding.message}`);
}

export function summaryLine(reports: readonly FileReport[], minSeverity: Severity): string {
  const counts = SEVERITIES.filter((severity) => atLeast(severity, minSeverity)).map((severity) => {
    const count = reports.reduce((sum, report) => sum + report.findings.filter((finding) => finding.severity === severity).length, 0);
    return `${count} ${severity === 'information' ? 'information' : `${severity}(s)`}`;
  });
  const statements = reports.reduce((sum, report) => sum + report.statements.length, 0);
  const below = reports.reduce((sum, report) => sum + report.findings.filter((finding) => !atLeast(finding.severity, minSeverity)).length, 0);
  const hidden = below > 0 ? ` (+${below} below --min-severity ${minSeverity})` : '';
  return `${reports.length} file(s) checked, ${statements} affinity statement(s): ${counts.join(', ')}${hidden}`;
}

/** One line per finding (clean files print nothing), then one summary line for the run unless --quiet. */
export function textReport(reports: readonly FileReport[], options: TextReportOptions): string {
  const lines = reports.flatMap((report) => findingLines(report, options));
  if (!options.quiet) lines.push(summaryLine(reports, options.minSeverity));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
