/**
 * Every diagnostic code PharmaLens reports, in one registry: the severity defaults, the descriptions SARIF and the
 * settings show, and the codes the project config accepts all come from here (tests compare package.json and the
 * README with it).
 */
import type { CheckCode, RuleInfo, Severity } from './check/types';
import type { CitationCode } from './cite/document';
import { BIBTEX_RULES, CITATION_RULES, type BibtexCode } from './cite/rules/index';
import { condition } from './check/rules/condition';
import { decimalSlip } from './check/rules/decimal-slip';
import { measureMismatch } from './check/rules/measure-mismatch';
import { mismatch } from './check/rules/mismatch';
import { targetSwap } from './check/rules/target-swap';
import { unitSlip } from './check/rules/unit-slip';
import { unknownDirectiveCode, type DirectiveCode } from './check/suppression';

export type DiagnosticCode = CheckCode | CitationCode | BibtexCode | DirectiveCode;

export const AFFINITY_RULES = [unitSlip, decimalSlip, measureMismatch, targetSwap, mismatch, condition] as const;

export const RULES: readonly RuleInfo<DiagnosticCode>[] = [...AFFINITY_RULES, ...CITATION_RULES, ...BIBTEX_RULES, unknownDirectiveCode].map(({ code, defaultSeverity, title, help }) => ({ code, defaultSeverity, title, help }));

const BY_CODE = new Map<string, RuleInfo<DiagnosticCode>>(RULES.map((rule) => [rule.code, rule]));

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return BY_CODE.has(code);
}

/** The severity a code has unless the settings say otherwise. */
export function defaultSeverity(code: DiagnosticCode): Severity {
  return BY_CODE.get(code)!.defaultSeverity;
}
