import type { AffinityRecord, Measure } from '../kb/types';
import type { AffinityStatement } from '../extract/types';
import type { Assumption } from '../extract/reading';
import type { Span } from '../scan/types';
import type { RuleContext } from './context';

export type CheckCode =
  | 'affinity.unit-slip'
  | 'affinity.decimal-slip'
  | 'affinity.measure-mismatch'
  | 'affinity.target-swap'
  | 'affinity.mismatch'
  | 'affinity.condition';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** What the registry (`service/rules.ts`) knows of every diagnostic code: its default, a one-line title and its help. */
export interface RuleInfo<Code extends string = string> {
  code: Code;
  defaultSeverity: Severity;
  /** One sentence (SARIF's short description, the settings' description). */
  title: string;
  /** What it means and what to do. */
  help: string;
}

/** An affinity check: one object, one file under `check/rules/`. */
export interface AffinityRule extends RuleInfo<CheckCode> {
  run(context: RuleContext): Finding | undefined;
}

export interface TextEdit {
  span: Span;
  newText: string;
}

/** A quick fix as data: the adapters turn it into a WorkspaceEdit. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a writer most likely wants. */
  preferred?: boolean;
}

/** What the knowledge base says about a statement's compound, target and measure. */
export interface Evidence {
  measure: Measure;
  records: AffinityRecord[];
  /** Low and high ends over the records, in nM. */
  lowNm: number;
  highNm: number;
}

export interface Finding {
  code: CheckCode;
  statement: AffinityStatement;
  message: string;
  /** The reference values the verdict rests on. */
  evidence: Evidence;
  /** How far the quoted value is from the reference range, as a factor (≥ 1). */
  factor: number;
  /** How closely the rule's explanation (the corrected value) matches, as a factor (≥ 1); Infinity when nothing explains it. */
  residual: number;
  fixes: Fix[];
  /**
   * What the reading of the statement rests on beyond its own clause, cell or headers (the compound from the heading,
   * the unit from a caption): a finding on an inferred reading is never more than information.
   */
  assumed: Assumption[];
  /**
   * The references are one published value (one paper or one database entry): the spread between laboratories is
   * unknown, so a difference is never more than information, except a unit slip that puts the value ≥ 100× off.
   */
  singleSource: boolean;
  /** The most severe level the rule itself allows (a target swap to a target the text does not name is a hint). */
  atMost?: 'information' | 'hint';
}

/** An affinity value read and the verdict on it: what the checker gives for each statement of a document. */
export interface Checked {
  statement: AffinityStatement;
  verdict: Verdict;
}

export type Verdict =
  | { kind: 'consistent'; evidence: Evidence; factor: number }
  | { kind: 'within-spread'; evidence: Evidence; factor: number }
  | { kind: 'finding'; finding: Finding }
  | { kind: 'unchecked'; reason: string };
