/**
 * Scores the reader against real published texts with hand-made truth files (the format of ../shared/corpus-dev2:
 * `affinity_statements` with line, value / value_low / value_high as written, unit, measure, compound, target).
 * A truth value is read when a statement on its line has the same number (0.5% tolerance); each statement answers
 * at most one truth value. Compound, target and measure are scored on the values read. A value a truth statement
 * lists as repeated on other lines (`also_on_lines`), or a class-level value stated for a list of compounds, may be read
 * without counting against precision.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService } from '../../server/src/service/index';
import type { AffinityStatement } from '../../server/src/service/extract/types';
import { readManuscript } from '../../server/src/node/manuscript-files';
import { recordsForPair } from '../../server/src/service/check/references';

interface TruthEntity {
  as_written?: string;
  normalized?: string;
  parent?: string;
  aliases?: string[];
  gene?: string | string[] | null;
}

export interface TruthStatement {
  line: number;
  compound?: TruthEntity;
  target?: TruthEntity;
  measure: string;
  value?: number | null;
  value_low?: number | null;
  value_high?: number | null;
  value_as_written?: string;
  unit?: string | null;
  text_as_written?: string;
  flags?: string[];
  /** Lines that repeat the same value (a vendor sheet's prose, table and reference list): reading it there is no error. */
  also_on_lines?: number[];
}

/** Measures the reader is meant to read; free energies (dG in kcal/mol) are not affinities in its sense. */
const READ_MEASURES = new Set(['Ki', 'Kd', 'IC50', 'EC50', 'KB', 'Kb', 'pA2', 'pKi', 'pKd', 'pKB', 'pKb', 'pIC50', 'pEC50']);
const UNIT_NAMES: Record<string, string> = { pM: 'pM', nM: 'nM', uM: 'µM', 'µM': 'µM', 'μM': 'µM', mM: 'mM', M: 'M' };

export interface FileScore {
  file: string;
  truth: number;
  /** Truth values of measures the reader does not read (dG): left out of every figure. */
  outOfScope: number;
  extracted: number;
  found: number;
  compoundRight: number;
  targetRight: number;
  measureRight: number;
  unitRight: number;
  readRight: number;
  /** Truth values whose compound and target the knowledge base names: what read right can reach without new data. */
  reachable: number;
  /** Truth values whose compound–target pair has a reference value in the knowledge base: what a check can reach. */
  referenced: number;
  /** Values read whose verdict is a check against references (consistent, within spread or a finding), not "unchecked". */
  checked: number;
  /** Diagnostics by severity name, all codes. */
  severities: Record<'error' | 'warning' | 'information' | 'hint', number>;
  /** affinity.* errors and warnings: on correct published text each one is a false alarm. */
  alarms: string[];
  missed: string[];
  wrong: string[];
  spurious: string[];
  /** Truth statements whose `value_as_written` is not on their line: a truth-file problem. */
  truthProblems: string[];
}

export interface CorpusScore {
  files: FileScore[];
  total: FileScore;
}

const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;

/** Text files with a truth file beside them (`x.md` + `x.truth.json` or `x.md.truth.json`). */
export function corpusFiles(folder: string): Array<{ text: string; truth: string }> {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /\.(md|markdown|qmd|rmd|tex)$/i.test(name))
    .sort()
    .flatMap((name) => {
      const stem = name.replace(/\.[^.]+$/, '');
      const truth = [`${name}.truth.json`, `${stem}.truth.json`].map((candidate) => path.join(folder, candidate)).find((candidate) => existsSync(candidate));
      return truth ? [{ text: path.join(folder, name), truth }] : [];
    });
}

const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/δ|∆|Δ/g, 'delta')
    .replace(/α/g, 'alpha')
    .replace(/β/g, 'beta')
    .replace(/γ/g, 'gamma')
    .replace(/κ/g, 'kappa')
    .replace(/[μµ]/g, 'mu')
    .replace(/σ/g, 'sigma')
    .replace(/[^a-z0-9]/g, '');

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;
}

function valueMatches(statement: AffinityStatement, truth: TruthStatement): boolean {
  const low = truth.value ?? truth.value_low;
  if (low === undefined || low === null) return false;
  if (!sameNumber(statement.value, low)) return false;
  if (truth.value_high !== undefined && truth.value_high !== null && truth.value === null) {
    return statement.valueHigh === undefined || sameNumber(statement.valueHigh, truth.value_high);
  }
  return true;
}

/** The measure as the reader names it: KB is Kb, and a p-scale truth measure is the reader's measure on the p-scale. */
function measureRight(statement: AffinityStatement, truth: TruthStatement): boolean {
  const pScale = /^p/.test(truth.measure);
  const measure = (pScale && truth.measure !== 'pA2' ? truth.measure.slice(1) : truth.measure).replace(/^KB$/, 'Kb');
  return statement.measure === measure && (statement.scale === 'p-scale') === pScale;
}

function unitRight(statement: AffinityStatement, truth: TruthStatement): boolean {
  if (statement.scale === 'p-scale') return truth.unit === null || truth.unit === undefined;
  // The truth may record the unit a reader would guess where the text states none; not guessing is right too.
  if (statement.unit === undefined && truth.flags?.some((flag) => /unit_not_stated|no_unit/.test(flag))) return true;
  if (!truth.unit) return statement.unit === undefined;
  return statement.unit === UNIT_NAMES[truth.unit];
}

export class Scorer {
  private knownNames: { compounds: Set<string>; genes: Set<string>; targets: Set<string> } | undefined;
  private idsByName: { compounds: Map<string, Set<string>>; genes: Map<string, Set<string>>; targets: Map<string, Set<string>> } | undefined;

  constructor(private readonly service: LanguageService) {}

  /** Whether the knowledge base names the truth's compound and target at all (the reader cannot read what it lacks). */
  reachable(truth: TruthStatement): boolean {
    if (!this.knownNames) {
      const { kb } = this.service.knowledgeBase;
      const compounds = new Set(kb.compounds.flatMap((compound) => [compound.id, compound.name, ...compound.synonyms, ...(compound.brandNames ?? [])]).map(fold));
      const genes = new Set(kb.targets.flatMap((target) => [target.id, target.genes.human, target.genes.rat, target.genes.mouse, ...(target.members ?? [])]).filter((gene): gene is string => Boolean(gene)).map((gene) => gene.toUpperCase()));
      const targets = new Set(kb.targets.flatMap((target) => [target.name, target.abbreviation, ...target.synonyms]).filter((name): name is string => Boolean(name)).map(fold));
      this.knownNames = { compounds, genes, targets };
    }
    const { compounds, genes, targets } = this.knownNames;
    const wanted = [truth.compound?.normalized, ...(truth.compound?.aliases ?? [])].filter((name): name is string => Boolean(name)).map(fold);
    const compoundKnown = [...wanted, ...wanted.map((name) => name.replace(/^(r|s|rs|sr|rr|ss|l|d|dl|levo|dextro)(?=[a-z]{4})/, ''))].some((name) => compounds.has(name));
    const gene = truth.target?.gene;
    const targetKnown =
      typeof gene === 'string' && gene
        ? genes.has(gene.toUpperCase())
        : Array.isArray(gene) && gene.length > 0
          ? gene.some((name) => genes.has(name.toUpperCase()))
          : [truth.target?.normalized, truth.target?.as_written].some((name) => name !== undefined && targets.has(fold(name)));
    return compoundKnown && targetKnown;
  }

  /** Whether the knowledge base holds a reference value for the truth's compound at its target (any measure). */
  referenced(truth: TruthStatement): boolean {
    if (!this.idsByName) {
      const { kb } = this.service.knowledgeBase;
      const add = (map: Map<string, Set<string>>, key: string | undefined, id: string) => {
        if (!key) return;
        const ids = map.get(key);
        if (ids) ids.add(id);
        else map.set(key, new Set([id]));
      };
      const compounds = new Map<string, Set<string>>();
      for (const compound of kb.compounds) for (const name of [compound.id, compound.name, ...compound.synonyms, ...(compound.brandNames ?? [])]) add(compounds, fold(name), compound.id);
      const genes = new Map<string, Set<string>>();
      const targets = new Map<string, Set<string>>();
      for (const target of kb.targets) {
        for (const gene of [target.id, target.genes.human, target.genes.rat, target.genes.mouse]) add(genes, gene?.toUpperCase(), target.id);
        for (const name of [target.name, target.abbreviation, ...target.synonyms]) add(targets, name ? fold(name) : undefined, target.id);
      }
      this.idsByName = { compounds, genes, targets };
    }
    const { compounds, genes, targets } = this.idsByName;
    const wanted = [truth.compound?.normalized, ...(truth.compound?.aliases ?? [])].filter((name): name is string => Boolean(name)).map(fold);
    const compoundIds = [...wanted, ...wanted.map((name) => name.replace(/^(r|s|rs|sr|rr|ss|l|d|dl|levo|dextro)(?=[a-z]{4})/, ''))].flatMap((name) => [...(compounds.get(name) ?? [])]);
    const gene = truth.target?.gene;
    const geneNames = typeof gene === 'string' && gene ? [gene] : Array.isArray(gene) ? gene : [];
    const targetIds = geneNames.length > 0
      ? geneNames.flatMap((name) => [...(genes.get(name.toUpperCase()) ?? [])])
      : [truth.target?.normalized, truth.target?.as_written].flatMap((name) => (name ? [...(targets.get(fold(name)) ?? [])] : []));
    return compoundIds.some((compoundId) => targetIds.some((targetId) => recordsForPair(this.service.knowledgeBase, compoundId, targetId).length > 0));
  }

  private compoundNames(id: string): Set<string> {
    const compound = this.service.knowledgeBase.compound(id);
    const names = [id, compound?.name ?? '', ...(compound?.synonyms ?? []), ...(compound?.brandNames ?? [])];
    return new Set(names.map(fold).filter(Boolean));
  }

  compoundRight(statement: AffinityStatement, truth: TruthStatement): boolean {
    if (!statement.compound || !truth.compound) return false;
    const known = this.compoundNames(statement.compound.id);
    // The truth's `parent` also names the parent of a metabolite (radafaxine → bupropion), which is another compound:
    // only a stereo prefix may fall away (`(+)-tramadol` read as tramadol).
    const wanted = [truth.compound.normalized, ...(truth.compound.aliases ?? [])].filter((name): name is string => Boolean(name)).map(fold);
    const stripped = wanted.map((name) => name.replace(/^(r|s|rs|sr|rr|ss|l|d|dl|levo|dextro)(?=[a-z]{4})/, ''));
    return [...wanted, ...stripped].some((name) => known.has(name));
  }

  targetRight(statement: AffinityStatement, truth: TruthStatement): boolean {
    if (!statement.target || !truth.target) return false;
    const kb = this.service.knowledgeBase;
    const target = kb.target(statement.target.id);
    const readGenes = new Set<string>([target?.genes.human, target?.genes.rat, target?.genes.mouse, statement.target.id].filter((gene): gene is string => Boolean(gene)).map((gene) => gene.toUpperCase()));
    const members = (target?.members ?? []).map((member) => member.toUpperCase());
    const gene = truth.target.gene;
    if (typeof gene === 'string' && gene) return readGenes.has(gene.toUpperCase());
    if (Array.isArray(gene) && gene.length > 0) {
      const wanted = new Set(gene.map((name) => name.toUpperCase()));
      if (members.length > 0) return members.some((member) => wanted.has(member)) && [...wanted].some((name) => members.includes(name));
      return [...readGenes].some((name) => wanted.has(name));
    }
    const names = new Set([target?.name, target?.abbreviation, ...(target?.synonyms ?? []), statement.target.id].filter((name): name is string => Boolean(name)).map(fold));
    return [truth.target.normalized, truth.target.as_written].some((name) => name !== undefined && names.has(fold(name)));
  }

  scoreFile(textFile: string, truthFile: string): FileScore {
    const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as { affinity_statements?: TruthStatement[]; class_level_affinity_statements?: TruthStatement[] };
    const { document } = readManuscript(textFile);
    const lines = document.getText().split('\n');
    const analysis = this.service.analyze(document);
    const score: FileScore = {
      file: textFile,
      truth: 0,
      outOfScope: 0,
      extracted: 0,
      found: 0,
      compoundRight: 0,
      targetRight: 0,
      measureRight: 0,
      unitRight: 0,
      readRight: 0,
      reachable: 0,
      referenced: 0,
      checked: 0,
      severities: { error: 0, warning: 0, information: 0, hint: 0 },
      alarms: [],
      missed: [],
      wrong: [],
      spurious: [],
      truthProblems: [],
    };
    if (!analysis) return score;
    const name = path.basename(textFile);
    const diagnostics: Diagnostic[] = this.service.diagnostics(document, analysis);
    for (const diagnostic of diagnostics) {
      const severity = SEVERITY_NAMES[(diagnostic.severity ?? 1) - 1];
      score.severities[severity]++;
      if (String(diagnostic.code).startsWith('affinity.') && (severity === 'error' || severity === 'warning')) {
        score.alarms.push(`${name}:${diagnostic.range.start.line + 1} ${severity} ${diagnostic.code}: ${diagnostic.message}`);
      }
    }
    const read = analysis.checked.map(({ statement, verdict }) => ({ statement, verdict, line: document.positionAt(statement.valueSpan.start).line + 1, used: false }));
    score.extracted = read.length;
    const describe = (statement: AffinityStatement) =>
      `${statement.measure}${statement.scale === 'p-scale' ? ' (p)' : ''} "${statement.text}" ${statement.compound?.id ?? '-'} at ${statement.target?.id ?? '-'}${statement.unit ? '' : ' (no unit)'}`;
    const inScope = (truth.affinity_statements ?? []).filter((entry) => {
      if (READ_MEASURES.has(entry.measure)) return true;
      score.outOfScope++;
      return false;
    });
    score.truth = inScope.length;
    score.reachable = inScope.filter((entry) => this.reachable(entry)).length;
    score.referenced = inScope.filter((entry) => this.referenced(entry)).length;
    for (const entry of inScope) {
      const written = entry.value_as_written?.trim();
      if (written && !(lines[entry.line - 1] ?? '').includes(written)) score.truthProblems.push(`${name}:${entry.line} "${written}" is not on that line`);
    }
    // Most exact readings first, so that an order confusion within a line costs as little as possible.
    const matchOf = new Map<TruthStatement, (typeof read)[number]>();
    const quality = (candidate: (typeof read)[number], entry: TruthStatement) =>
      (this.compoundRight(candidate.statement, entry) ? 2 : 0) + (this.targetRight(candidate.statement, entry) ? 2 : 0) + (measureRight(candidate.statement, entry) ? 1 : 0);
    for (const wanted of [5, 4, 2, 0]) {
      for (const entry of inScope) {
        if (matchOf.has(entry)) continue;
        const candidate = read.find((item) => !item.used && item.line === entry.line && valueMatches(item.statement, entry) && quality(item, entry) >= wanted);
        if (!candidate) continue;
        candidate.used = true;
        matchOf.set(entry, candidate);
      }
    }
    for (const entry of inScope) {
      const label = `${name}:${entry.line} ${entry.measure} ${entry.value_as_written ?? entry.value} ${entry.unit ?? ''} (${entry.compound?.normalized ?? '?'} at ${entry.target?.normalized ?? '?'})`;
      const match = matchOf.get(entry);
      if (!match) {
        score.missed.push(label);
        continue;
      }
      score.found++;
      const compoundOk = this.compoundRight(match.statement, entry);
      const targetOk = this.targetRight(match.statement, entry);
      const measureOk = measureRight(match.statement, entry);
      const unitOk = unitRight(match.statement, entry);
      if (compoundOk) score.compoundRight++;
      if (targetOk) score.targetRight++;
      if (measureOk) score.measureRight++;
      if (unitOk) score.unitRight++;
      if (compoundOk && targetOk) score.readRight++;
      if (compoundOk && targetOk && match.verdict.kind !== 'unchecked') score.checked++;
      if (!compoundOk || !targetOk || !measureOk || !unitOk) {
        const wrongParts = [!compoundOk && 'compound', !targetOk && 'target', !measureOk && 'measure', !unitOk && 'unit'].filter(Boolean).join(', ');
        score.wrong.push(`${label}: read ${describe(match.statement)} [${wrongParts}]`);
      }
    }
    for (const item of read) {
      if (item.used) continue;
      // Also no error: a value the truth gives for a list of compounds together (`K(i) > 100 nM (tramadol, codeine, …)`),
      // which truth writers file as class-level or as one statement per compound.
      const repeat =
        inScope.some((entry) => entry.also_on_lines?.includes(item.line) && valueMatches(item.statement, entry)) ||
        (truth.class_level_affinity_statements ?? []).some((entry) => entry.line === item.line && valueMatches(item.statement, entry));
      if (repeat) score.extracted--;
      else score.spurious.push(`${name}:${item.line} ${describe(item.statement)}`);
    }
    return score;
  }

  scoreFolders(folders: readonly string[]): CorpusScore {
    const files = folders.flatMap((folder) => corpusFiles(folder).map(({ text, truth }) => this.scoreFile(text, truth)));
    return { files, total: sumScores('all', files) };
  }
}

export function sumScores(label: string, files: readonly FileScore[]): FileScore {
  const total: FileScore = { ...emptyScore(label) };
  for (const file of files) {
    for (const key of ['truth', 'outOfScope', 'extracted', 'found', 'compoundRight', 'targetRight', 'measureRight', 'unitRight', 'readRight', 'reachable', 'referenced', 'checked'] as const) total[key] += file[key];
    for (const severity of SEVERITY_NAMES) total.severities[severity] += file.severities[severity];
    for (const key of ['alarms', 'missed', 'wrong', 'spurious', 'truthProblems'] as const) total[key].push(...file[key]);
  }
  return total;
}

function emptyScore(file: string): FileScore {
  return { file, truth: 0, outOfScope: 0, extracted: 0, found: 0, compoundRight: 0, targetRight: 0, measureRight: 0, unitRight: 0, readRight: 0, reachable: 0, referenced: 0, checked: 0, severities: { error: 0, warning: 0, information: 0, hint: 0 }, alarms: [], missed: [], wrong: [], spurious: [], truthProblems: [] };
}

const percent = (part: number, whole: number): string => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);

export const recall = (score: FileScore): number => (score.truth === 0 ? 1 : score.found / score.truth);
export const precision = (score: FileScore): number => (score.extracted === 0 ? 1 : score.found / score.extracted);
export const readRight = (score: FileScore): number => (score.truth === 0 ? 1 : score.readRight / score.truth);

/** One line of figures: values, recall, precision, compound / target / measure / unit right of those read, read right of all values, diagnostics. */
export function scoreLine(score: FileScore): string {
  const { severities } = score;
  return [
    `${String(score.truth).padStart(4)} values`,
    `recall ${percent(score.found, score.truth).padStart(6)}`,
    `precision ${percent(score.found, score.extracted).padStart(6)} (${score.extracted} read)`,
    `compound ${percent(score.compoundRight, score.found).padStart(6)}`,
    `target ${percent(score.targetRight, score.found).padStart(6)}`,
    `measure ${percent(score.measureRight, score.found).padStart(6)}`,
    `unit ${percent(score.unitRight, score.found).padStart(6)}`,
    `read right ${percent(score.readRight, score.truth).padStart(6)} (KB names ${percent(score.reachable, score.truth)})`,
    `KB values ${score.referenced}/${score.truth}`,
    `checked ${score.checked}`,
    `E/W/I/H ${severities.error}/${severities.warning}/${severities.information}/${severities.hint}`,
    `alarms ${score.alarms.length}`,
  ].join(' · ');
}
