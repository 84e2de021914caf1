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

function fileSection(report: FileReport, options: TextReportOptions): string[] {
  const shown = report.findings.filter((finding) => atLeast(finding.severity, options.minSeverity));
  const lines = shown.map(
    (finding) =>
      `${paint(options.colour, '1', `${report.file}:${finding.line}:${finding.character}`)} ${paint(options.colour, SEVERITY_COLOUR[finding.severity], finding.severity)} ${paint(options.colour, '2', finding.code)} ${finding.message}`,
  );
  const ids = new Set(report.mentions.map((mention) => mention.id)).size;
  const hidden = report.findings.length - shown.length;
  lines.push(
    `${report.file}: ${report.mentions.length} mention(s) of ${ids} compound(s)/target(s), ${report.statements.length} affinity statement(s), ${shown.length} finding(s)${hidden > 0 ? ` (+${hidden} below --min-severity ${options.minSeverity})` : ''}`,
  );
  return lines;
}

export function summaryLine(reports: readonly FileReport[], minSeverity: Severity): string {
  const counts = SEVERITIES.filter((severity) => atLeast(severity, minSeverity)).map((severity) => {
    const count = reports.reduce((sum, report) => sum + report.findings.filter((finding) => finding.severity === severity).length, 0);
    return `${count} ${severity === 'information' ? 'information' : `${severity}(s)`}`;
  });
  const statements = reports.reduce((sum, report) => sum + report.statements.length, 0);
  return `${reports.length} file(s) checked, ${statements} affinity statement(s): ${counts.join(', ')}`;
}

/** Findings grouped per file (each file's followed by its summary), then one summary line for the run. */
export function textReport(reports: readonly FileReport[], options: TextReportOptions): string {
  const sections = options.quiet ? [] : reports.map((report) => fileSection(report, options).join('\n'));
  return `${[...sections, summaryLine(reports, options.minSeverity)].join('\n')}\n`;
}
