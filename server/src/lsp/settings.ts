/**
 * The editor's `pharmalens.*` settings (initialization options, then `workspace/configuration`), parsed once into a
 * typed object. A value of the wrong type is left out and named in `problems`, never allowed to break the server.
 */
import { hoverOptionsFromSettings, isDiagnosticCode, isSeverity, type DiagnosticSettings, type HoverOptions } from '../service/index';

export interface EditorSettings {
  /** Extra knowledge-base files (initialization options only: they are read at start). */
  knowledgeBaseFiles: string[];
  severity: NonNullable<DiagnosticSettings['severity']>;
  /** BibTeX files used when a manuscript declares none. */
  bibliography: string[];
  inlayHints: boolean;
  hover: Partial<HoverOptions>;
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = { knowledgeBaseFiles: [], severity: {}, bibliography: [], inlayHints: false, hover: {} };

function stringList(value: unknown, name: string, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  problems.push(`pharmalens.${name} should be a list of paths; ignored`);
  return [];
}

function severities(value: unknown, problems: string[]): EditorSettings['severity'] {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push('pharmalens.severity should be an object of code → level; ignored');
    return {};
  }
  const severity: EditorSettings['severity'] = {};
  for (const [code, level] of Object.entries(value as Record<string, unknown>)) {
    if (!isDiagnosticCode(code)) problems.push(`pharmalens.severity: unknown diagnostic code "${code}"; ignored`);
    else if (level !== 'off' && !isSeverity(level)) problems.push(`pharmalens.severity: "${code}" takes error, warning, information, hint or off; ignored`);
    else severity[code] = level;
  }
  return severity;
}

/** Parses the `pharmalens` section (or the initialization options, which use the same keys plus `knowledgeBaseFiles`). */
export function parseEditorSettings(raw: unknown): { settings: EditorSettings; problems: string[] } {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings: DEFAULT_EDITOR_SETTINGS, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings: DEFAULT_EDITOR_SETTINGS, problems: ['the pharmalens settings should be an object; ignored'] };
  const section = raw as Record<string, unknown>;
  const inlayHints = section.inlayHints as { enabled?: unknown } | undefined;
  if (inlayHints !== undefined && (typeof inlayHints !== 'object' || inlayHints === null || (inlayHints.enabled !== undefined && typeof inlayHints.enabled !== 'boolean'))) {
    problems.push('pharmalens.inlayHints.enabled should be true or false; ignored');
  }
  return {
    settings: {
      knowledgeBaseFiles: stringList(section.knowledgeBaseFiles, 'knowledgeBase.extraFiles', problems),
      severity: severities(section.severity, problems),
      bibliography: stringList(section.bibliography, 'bibliography', problems),
      inlayHints: typeof inlayHints?.enabled === 'boolean' ? inlayHints.enabled : false,
      hover: hoverOptionsFromSettings(section.hover),
    },
    problems,
  };
}
