import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, MarkupKind, type CodeAction, type CompletionItem, type Diagnostic, type Hover, type InlayHint, type Position, type Range } from 'vscode-languageserver-types';
import { analyzeCitations, BibliographyCache, entryForKey, type CitationAnalysis } from './cite/document';
import { citationProblems, documentCitationProblems, valueCitationProblems } from './cite/rules/index';
import { insideBoundary, type DiscoveryOptions } from './cite/discover';
import type { Workspace } from './workspace';
import { affinityTableRows } from './present/affinity-table';
import type { AffinityTableRow, KnowledgeBaseEntry } from '../protocol';
import { citationHover } from './present/citation-hover';
import { citeActions, FULL_EDIT_CAPABILITIES, statementsIn, type EditCapabilities } from './present/cite-actions';
import { citationCompletions } from './present/completion';
import { affinityInlayHints } from './present/inlay-hints';
import { knowledgeBaseEntryFor } from './present/knowledge-base-entry';
import { checkStatements } from './check/index';
import { readSuppressions, type Suppressions } from './check/suppression';
import type { Checked } from './check/types';
import { extractDocument, type ExtractionBasis } from './extract/index';
import type { AffinityStatement } from './extract/types';
import { codeActionsFor } from './present/code-actions';
import { DIAGNOSTIC_SOURCE, lspDiagnostic, reportFinding, reportProblem, toRange, type DiagnosticSettings, type ReportedProblem } from './present/diagnostics';
import { RULES, type DiagnosticCode } from './rules';
import { statementHover } from './present/statement-hover';
import { indexKnowledgeBase, type IndexedKnowledgeBase } from './kb/indexed';
import type { KnowledgeBase } from './kb/types';
import { DEFAULT_HOVER_OPTIONS, mentionHover, type HoverOptions } from './present/hover';
import { buildDictionary, type Dictionary } from './recognize/dictionary';
import { compileNames } from './recognize/names';
import { idsMentioned, recognizeMentions, type Mention } from './recognize/recognize';
import { refineDocumentMentions, type DocumentNames, type NameContext } from './recognize/document-names';
import { NotIncremental, reanalyze, type AnalysisBasis, type AnalysisUpdate, type PartReader } from './incremental/index';
import { ligandNamesFamily } from './kb/ligand-family';
import { formatForLanguageId, scanDocument, unscannedDocument } from './scan/index';
import type { DocumentFormat, ScannedDocument } from './scan/types';
import { partitionPoint } from './spans';

export interface DocumentAnalysis {
  format: DocumentFormat;
  scanned: ScannedDocument;
  /** Sorted by start offset, non-overlapping. */
  mentions: Mention[];
  /** Ids of the compounds the document mentions, in order of first mention. */
  compoundsMentioned: string[];
  targetsMentioned: string[];
  /** Every affinity statement read, in document order, with the verdict on it. */
  checked: Checked[];
  suppressions: Suppressions;
  /** The document's bibliography files and the problems with its citations. */
  citations: CitationAnalysis;
  /**
   * Stages that failed on this document with an internal error: what they would have found is missing. Shown as an
   * information diagnostic at the document's start; the server logs them, the CLI prints them and exits 2.
   */
  failures: StageFailure[];
  /** What the next version's analysis may start from; absent when a stage failed. */
  basis?: AnalysisBasis;
  /** Whether the whole document was read (and why), or only the paragraphs around an edit. */
  update?: AnalysisUpdate;
}

export type { AnalysisUpdate } from './incremental/index';

export type Stage = 'scan' | 'recognize' | 'extract' | 'check' | 'cite' | 'incremental';

export interface StageFailure {
  stage: Stage;
  message: string;
  stack?: string;
}

export const STAGE_FAILURE_CODE = 'pharmalens.internal-error';

function stageFailure(stage: Stage, error: unknown): StageFailure {
  return error instanceof Error ? { stage, message: error.message, ...(error.stack ? { stack: error.stack } : {}) } : { stage, message: String(error) };
}

/** What a failed stage leaves out, for the reader of the diagnostic. */
const STAGE_CONSEQUENCE: Record<Stage, string> = {
  scan: 'the document was read as plain prose (tables, math and citations not found)',
  recognize: 'no compound or target was recognized',
  extract: 'no affinity value was read',
  check: 'the values read were not checked',
  cite: 'citations and bibliographies were not checked',
  incremental: 'the edit was read again with the whole document instead, and nothing is missing',
};

/** A finding as the CLI and the server report it: code, severity, span, message and fixes; no LSP types. */
export interface ReportedFinding extends Omit<ReportedProblem, 'code'> {
  code: DiagnosticCode | typeof STAGE_FAILURE_CODE;
}

function failureFinding(failure: StageFailure): ReportedFinding {
  return {
    code: STAGE_FAILURE_CODE,
    severity: 'information',
    span: { start: 0, end: 0 },
    message: failure.stage === 'incremental'
      ? `PharmaLens could not read the edit in part (${failure.message}), so ${STAGE_CONSEQUENCE[failure.stage]}. This is a bug in PharmaLens; the log has the details.`
      : `PharmaLens could not finish reading this document: its ${failure.stage} stage failed (${failure.message}), so ${STAGE_CONSEQUENCE[failure.stage]}. This is a bug in PharmaLens; the log has the details.`,
    fixes: [],
  };
}

function diagnosticOf(document: TextDocument, finding: ReportedFinding): Diagnostic {
  if (finding.code !== STAGE_FAILURE_CODE) return lspDiagnostic(document, finding as ReportedProblem);
  return { range: toRange(document, finding.span), severity: DiagnosticSeverity.Information, code: finding.code, source: DIAGNOSTIC_SOURCE, message: finding.message };
}

export interface LanguageService {
  readonly knowledgeBase: IndexedKnowledgeBase;
  /**
   * `undefined` when the document's language is not one PharmaLens reads. With the analysis of an earlier version of
   * the same document (same settings), only the paragraphs around what changed are read when that gives the same result.
   */
  analyze(document: TextDocument, previous?: DocumentAnalysis): DocumentAnalysis | undefined;
  mentionAt(analysis: DocumentAnalysis, offset: number): Mention | undefined;
  /** A quoted value's reading and verdict, a citation's entry, or a compound or target card (its blocks as `options` say). */
  hover(document: TextDocument, analysis: DocumentAnalysis, position: Position, options?: Partial<HoverOptions>): Hover | null;
  /** Findings that no magic comment suppresses, as LSP diagnostics. */
  /** The document's findings as domain objects (code, severity, span, message, fixes), suppressions and settings applied. */
  findings(analysis: DocumentAnalysis, settings?: DiagnosticSettings): ReportedFinding[];
  /** The same findings as LSP diagnostics. */
  diagnostics(document: TextDocument, analysis: DocumentAnalysis, settings?: DiagnosticSettings): Diagnostic[];
  /** Quick fixes for the diagnostics, and citation actions for the quoted values in `range`. */
  /** Quick fixes for the diagnostics, and cite actions for the values in `range`, as edits the client can apply. */
  codeActions(document: TextDocument, analysis: DocumentAnalysis, diagnostics: readonly Diagnostic[], range?: Range, client?: EditCapabilities): CodeAction[];
  /** Citation keys after `\cite{` or `@`. */
  completions(document: TextDocument, analysis: DocumentAnalysis, position: Position): CompletionItem[];
  /** Every affinity statement with its verdict, reference range and sources, as plain rows. */
  affinityTable(document: TextDocument, analysis: DocumentAnalysis): AffinityTableRow[];
  /** After each quoted value in `range` (the whole document when absent), the value on the other scale: pKi beside nM, nM beside pKi. */
  inlayHints(document: TextDocument, analysis: DocumentAnalysis, range?: Range): InlayHint[];
  /** The compound or target under the cursor with its affinity records and references; `null` when there is none. */
  knowledgeBaseEntry(document: TextDocument, analysis: DocumentAnalysis, position: Position): KnowledgeBaseEntry | null;
}

export interface LanguageServiceOptions {
  kb: KnowledgeBase;
  /** The knowledge base's names, compiled ahead of time (see `lazyDictionary`); compiled from `kb` when absent. */
  dictionary?: Dictionary;
  /** How the host reads bibliography files; without it no bibliography is found. */
  workspace?: Workspace;
  /** Workspace root, `_quarto.yml` text and the bibliography setting, asked for at each analysis. */
  discoveryOptions?: () => DiscoveryOptions;
  /** LaTeX commands whose first argument is not prose (project config `latexIgnoredCommands`). */
  latexIgnoredCommands?: () => readonly string[];
}

const NO_CITATION_ANALYSIS: CitationAnalysis = { bibliographies: [], missing: [], problems: [] };

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const knowledgeBase = indexKnowledgeBase(options.kb);
  const dictionary = options.dictionary ?? buildDictionary(compileNames(options.kb));
  const { workspace } = options;
  const bibliographyCache = new BibliographyCache();
  const namesFamily = ligandNamesFamily(knowledgeBase);

  const nameContext: NameContext = { dictionary, namesFamilyOf: namesFamily, familyOf: (id) => knowledgeBase.target(id)?.family, compoundName: (id) => knowledgeBase.compound(id)?.name };
  const scanOptions = () => ({ latexIgnoredArgCommands: options.latexIgnoredCommands?.() });

  const analyzeWhole = (document: TextDocument, format: DocumentFormat, reason: string): DocumentAnalysis => {
    // A stage that fails is recorded, not hidden: the later stages go on with what it leaves, and the failure is shown.
    const failures: StageFailure[] = [];
    const attempt = <T>(stage: Stage, run: () => T, instead: () => T): T => {
      try {
        return run();
      } catch (error) {
        failures.push(stageFailure(stage, error));
        return instead();
      }
    };
    const text = document.getText();
    const scanned = attempt('scan', () => scanDocument(text, format, scanOptions()), () => unscannedDocument(text));
    const refined = attempt<{ mentions: Mention[]; names?: DocumentNames }>('recognize', () => refineDocumentMentions(scanned, recognizeMentions(scanned.masked, dictionary), nameContext), () => ({ mentions: [] }));
    const { mentions } = refined;
    const extraction = attempt<{ statements: AffinityStatement[]; basis?: ExtractionBasis }>('extract', () => extractDocument(scanned, mentions, format), () => ({ statements: [] }));
    const { statements } = extraction;
    const checked = attempt(
      'check',
      () => checkStatements({ kb: knowledgeBase, format, scanned, mentions, statements }),
      () => statements.map((statement) => ({ statement, verdict: { kind: 'unchecked' as const, reason: 'the check failed on this document' } })),
    );
    const citations = !workspace
      ? NO_CITATION_ANALYSIS
      : attempt(
          'cite',
          () => {
            const found = analyzeCitations(document.uri, scanned, options.discoveryOptions?.() ?? {}, workspace, bibliographyCache);
            return { ...found, problems: citationProblems({ kb: knowledgeBase, scanned, citations: found, checked }) };
          },
          () => NO_CITATION_ANALYSIS,
        );
    const basis = refined.names && extraction.basis && failures.length === 0 ? { names: refined.names, extraction: extraction.basis } : undefined;
    return {
      format,
      scanned,
      mentions,
      compoundsMentioned: idsMentioned(mentions, 'compound'),
      targetsMentioned: idsMentioned(mentions, 'target'),
      checked,
      suppressions: readSuppressions(scanned, RULES.map((rule) => rule.code)),
      citations,
      failures,
      ...(basis && { basis }),
      update: { kind: 'full', reason },
    };
  };

  const partReader = (format: DocumentFormat): PartReader => ({
    format,
    read: (text, names) => {
      const scanned = scanDocument(text, format, scanOptions());
      const refined = refineDocumentMentions(scanned, recognizeMentions(scanned.masked, dictionary), nameContext, names);
      return { scanned, mentions: refined.mentions, names: refined.names };
    },
    statements: ({ scanned, mentions }, part) => {
      const { statements, basis, tables } = extractDocument(scanned, mentions, format, part);
      return { checked: checkStatements({ kb: knowledgeBase, format, scanned, mentions, statements }), basis, tables };
    },
    valueProblems: (scanned, checked, citations) => (workspace ? valueCitationProblems({ kb: knowledgeBase, scanned, citations, checked }) : []),
    documentProblems: (scanned, citations) => (workspace ? documentCitationProblems({ kb: knowledgeBase, scanned, citations, checked: [] }) : []),
  });

  const analyze = (document: TextDocument, previous?: DocumentAnalysis): DocumentAnalysis | undefined => {
    const format = formatForLanguageId(document.languageId, document.uri);
    if (!format) return undefined;
    if (!previous) return analyzeWhole(document, format, 'no earlier version');
    try {
      return reanalyze(previous, document.getText(), partReader(format));
    } catch (error) {
      if (error instanceof NotIncremental) return analyzeWhole(document, format, error.message);
      // A stage that fails on the part fails on the whole too, and is reported there; only a failure of reading in
      // part itself is reported as such.
      const whole = analyzeWhole(document, format, 'reading the edit in part failed');
      return whole.failures.length > 0 ? whole : { ...whole, failures: [stageFailure('incremental', error)] };
    }
  };

  const mentionAt = (analysis: DocumentAnalysis, offset: number): Mention | undefined => {
    const { mentions } = analysis;
    // The mention whose span holds the offset, its end included (a cursor just after a name is on it).
    const index = partitionPoint(mentions.length, (candidate) => mentions[candidate].end < offset);
    return index < mentions.length && mentions[index].start <= offset ? mentions[index] : undefined;
  };

  const hover = (document: TextDocument, analysis: DocumentAnalysis, position: Position, options: Partial<HoverOptions> = {}): Hover | null => {
    const offset = document.offsetAt(position);
    // One value may be read for several targets (`no affinity for SERT, NET or DAT (Ki > 10 µM)`): one card each.
    const quoted = analysis.checked.filter(({ statement }) => statement.span.start <= offset && offset <= statement.span.end);
    if (quoted.length > 0) {
      const [first] = quoted;
      return {
        contents: { kind: MarkupKind.Markdown, value: quoted.map(({ statement, verdict }) => statementHover(knowledgeBase, statement, verdict)).join('\n\n---\n\n') },
        range: { start: document.positionAt(first.statement.span.start), end: document.positionAt(first.statement.span.end) },
      };
    }
    const citedKey = analysis.scanned.citations.flatMap((citation) => citation.keys).find((key) => key.start <= offset && offset <= key.end);
    const citedEntry = citedKey ? entryForKey(analysis.citations, citedKey.key) : undefined;
    if (citedKey && citedEntry) {
      return {
        contents: { kind: MarkupKind.Markdown, value: citationHover(knowledgeBase, citedEntry) },
        range: { start: document.positionAt(citedKey.start), end: document.positionAt(citedKey.end) },
      };
    }
    const mention = mentionAt(analysis, offset);
    if (!mention) return null;
    const { entryCommand, ...cardOptions } = options;
    // The command receives the manuscript and the mention's place, as PharmaLens: Open Knowledge-Base Entry does.
    const entryLink = entryCommand ? `command:${entryCommand}?${encodeURIComponent(JSON.stringify([document.uri, document.positionAt(mention.start)]))}` : undefined;
    const context = { documentCompounds: analysis.compoundsMentioned, documentTargets: analysis.targetsMentioned, entryLink };
    const markdown = mentionHover(knowledgeBase, mention, context, { ...DEFAULT_HOVER_OPTIONS, ...cardOptions });
    if (!markdown) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: markdown },
      range: { start: document.positionAt(mention.start), end: document.positionAt(mention.end) },
    };
  };

  const findings = (analysis: DocumentAnalysis, settings?: DiagnosticSettings): ReportedFinding[] => [
    ...analysis.failures.map(failureFinding),
    ...analysis.checked.flatMap(({ verdict }) => {
      if (verdict.kind !== 'finding' || analysis.suppressions.isSuppressed(verdict.finding.code, verdict.finding.statement.span.start)) return [];
      return reportFinding(verdict.finding, settings) ?? [];
    }),
    ...analysis.citations.problems.flatMap((problem) => {
      if (analysis.suppressions.isSuppressed(problem.code, problem.span.start)) return [];
      return reportProblem(problem, settings) ?? [];
    }),
    ...analysis.suppressions.problems.flatMap((problem) => reportProblem(problem, settings) ?? []),
  ];

  const diagnostics = (document: TextDocument, analysis: DocumentAnalysis, settings?: DiagnosticSettings): Diagnostic[] =>
    findings(analysis, settings).map((finding) => diagnosticOf(document, finding));

  const completions = (document: TextDocument, analysis: DocumentAnalysis, position: Position): CompletionItem[] =>
    citationCompletions(document.getText({ start: { line: position.line, character: 0 }, end: position }), analysis.format, analysis.citations.bibliographies);

  const codeActions = (document: TextDocument, analysis: DocumentAnalysis, requested: readonly Diagnostic[], range?: Range, client: EditCapabilities = FULL_EDIT_CAPABILITIES): CodeAction[] => {
    // A client moves a diagnostic's range with edits but keeps its `data`: fixes come from the finding now at that
    // range (same code), and a diagnostic that no longer matches one gets none.
    const key = (diagnostic: Diagnostic) => `${String(diagnostic.code)}@${diagnostic.range.start.line}:${diagnostic.range.start.character}-${diagnostic.range.end.line}:${diagnostic.range.end.character}`;
    const current = new Map(diagnostics(document, analysis).map((diagnostic) => [key(diagnostic), diagnostic]));
    const fresh = requested.flatMap((diagnostic) => current.get(key(diagnostic)) ?? []);
    const fixes = codeActionsFor(document, analysis.format, fresh);
    if (!range || !workspace) return fixes;
    const context = { kb: knowledgeBase, document, format: analysis.format, scanned: analysis.scanned, citations: analysis.citations, workspace, client, mayWrite: insideBoundary(document.uri, options.discoveryOptions?.() ?? {}), parseBibliography: (uri: string, text: string) => bibliographyCache.parse(uri, text) };
    const cites = citeActions(context, statementsIn(analysis.checked, document, range));
    return [...fixes, ...cites];
  };

  const affinityTable = (document: TextDocument, analysis: DocumentAnalysis): AffinityTableRow[] => affinityTableRows(knowledgeBase, document, analysis.checked);

  const inlayHints = (document: TextDocument, analysis: DocumentAnalysis, range?: Range): InlayHint[] =>
    affinityInlayHints(document, analysis.checked.map(({ statement }) => statement), range);

  const knowledgeBaseEntry = (document: TextDocument, analysis: DocumentAnalysis, position: Position): KnowledgeBaseEntry | null =>
    knowledgeBaseEntryFor(knowledgeBase, mentionAt(analysis, document.offsetAt(position)));

  return { knowledgeBase, analyze, mentionAt, hover, findings, diagnostics, codeActions, completions, affinityTable, inlayHints, knowledgeBaseEntry };
}

export type { Mention } from './recognize/recognize';
export type { KnowledgeBase } from './kb/types';

// ---------- What the adapters (server, CLI, node host) use: they import nothing deeper than this file. ----------

export type { Workspace } from './workspace';
export type { EditCapabilities } from './present/cite-actions';
export { memoryWorkspace } from './workspace';
export type { DiscoveryOptions } from './cite/discover';
export type { Severity, Verdict } from './check/types';
export type { AffinityRecord, Reference } from './kb/types';
export type { DiagnosticData, DiagnosticSettings } from './present/diagnostics';
export type { HoverOptions } from './present/hover';
export { hoverOptionsFromSettings } from './present/hover';
export { bibliographyDiagnostics, bibliographyFindings } from './present/bibtex-diagnostics';
export { atLeast, isSeverity, SEVERITIES, severityFromLsp } from './present/severity';
export { escapeMarkdown, table as markdownTable } from './present/markdown';
export { RULES, isDiagnosticCode, type DiagnosticCode } from './rules';
export { checkIntegrity, loadBundledKnowledgeBase, loadKnowledgeBaseExtension, mergeKnowledgeBases, type KnowledgeBaseExtension } from './kb/load';
export { jsonSyntaxErrorMessage, positionAt } from './kb/json-position';
export { GtopdbImportError, importGtopdbRelease, type ReleaseImport } from './kb/import/gtopdb-release';
export { lazyDictionary, type Dictionary } from './recognize/dictionary';
export { compileNames, type CompiledName } from './recognize/names';
export { formatForLanguageId, languageIdOfPath } from './scan/index';
export { isSkippedFolderName } from './scan/languages';
