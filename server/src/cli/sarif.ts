import { RULES, type Severity } from '../service/index';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Log, Notification, Region, ReportingDescriptor, Result } from 'sarif';
import type { FileFinding, FileRange, FileReport } from './analyze-file';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const SARIF_LEVEL: Record<Severity, NonNullable<Result['level']>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A path relative to the current folder, `/`-separated and percent-encoded, as SARIF's `uri` with `%SRCROOT%`. */
export function relativeUri(file: string, root: string): string {
  const relative = path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
  return relative.split('/').map(encodeURIComponent).join('/');
}

function region(range: FileRange): Region {
  return { startLine: range.line, startColumn: range.character, endLine: range.endLine, endColumn: range.endCharacter };
}

function artifactLocation(uri: string): ArtifactLocation {
  return { uri, uriBaseId: '%SRCROOT%' };
}

function sarifResult(finding: FileFinding, uri: string): Result {
  const ruleIndex = RULES.findIndex((rule) => rule.code === finding.code);
  return {
    ruleId: finding.code,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: SARIF_LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(uri), region: region(finding) } }],
    ...(finding.fixes.length > 0
      ? {
          fixes: finding.fixes.map((fix) => ({
            description: { text: fix.title },
            artifactChanges: [
              {
                artifactLocation: artifactLocation(uri),
                replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit), insertedContent: { text: edit.newText } })),
              },
            ],
          })),
        }
      : {}),
  };
}

function sarifRule(rule: (typeof RULES)[number]): ReportingDescriptor {
  return {
    id: rule.code,
    name: rule.code.replace(/[.-](\w)/g, (_, letter: string) => letter.toUpperCase()).replace(/^\w/, (letter) => letter.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.help },
    help: { text: rule.help, markdown: `**${rule.code}** (default: ${rule.defaultSeverity}). ${rule.help}` },
    defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity], enabled: true },
  };
}

function notification(level: 'error' | 'warning', text: string, file: string, root: string): Notification {
  return { level, message: { text }, locations: [{ physicalLocation: { artifactLocation: artifactLocation(relativeUri(file, root)) } }] };
}

/**
 * A SARIF 2.1.0 log with one run: every rule PharmaLens has, every finding of every file, and, as tool notifications of
 * the invocation, the files that could not be checked (the run then did not succeed) and the encodings guessed.
 */
export function sarifLog(reports: readonly FileReport[], version: string, root: string, errors: readonly { file: string; message: string }[] = []): Log {
  const notifications = [
    ...errors.map((error) => notification('error', error.message, error.file, root)),
    ...reports.flatMap((report) => report.warnings.map((warning) => notification('warning', warning, report.file, root))),
  ];
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        // No informationUri: the project has no public page yet, and SARIF makes it optional.
        tool: { driver: { name: 'PharmaLens', semanticVersion: version, version, rules: RULES.map(sarifRule) } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(`${root}${path.sep}`).href } },
        invocations: [{ executionSuccessful: errors.length === 0, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((report) => report.findings.map((finding) => sarifResult(finding, relativeUri(report.file, root)))),
      },
    ],
  };
}
