import type { Severity } from '../check/types';
import { defaultSeverity, type DiagnosticCode } from './diagnostics';

export interface Rule {
  code: DiagnosticCode;
  defaultSeverity: Severity;
  /** One sentence. */
  short: string;
  /** What it means and what to do. */
  help: string;
}

const DESCRIPTIONS: Record<DiagnosticCode, [string, string]> = {
  'affinity.unit-slip': [
    'Affinity value 1000× off: it matches in the neighbouring unit.',
    'The quoted value is 1000× away from every reference value and matches when the unit is changed (nM ↔ µM ↔ mM). Fix: change the unit.',
  ],
  'affinity.decimal-slip': [
    'Affinity value 10× or 100× off: it matches with the decimal point moved.',
    'The quoted value is 10× or 100× away from every reference value and matches with the decimal point moved. Fix: move it.',
  ],
  'affinity.measure-mismatch': [
    'The value matches another measure of the same compound and target.',
    'The value matches another measure of the pair (an IC50 quoted as a Ki, a Kd as a Ki), or a pKi written as a concentration. Fix: change the label.',
  ],
  'affinity.target-swap': [
    "The value is the compound's value at another target named nearby.",
    "The value matches this compound's value at another target named in the same paragraph or table: the targets may be swapped.",
  ],
  'affinity.mismatch': [
    'Affinity value more than 10× from every reference value.',
    'The value is more than 10× from every reference value in the knowledge base, and no unit, decimal, measure or target slip explains it. Check the source.',
  ],
  'affinity.condition': [
    'The value matches only references measured under conditions the text does not state.',
    'The value matches only reference records with conditions (for example an ion concentration) that the text does not state. State the conditions.',
  ],
  'citation.unresolved': [
    'A cited key is in no bibliography file.',
    'A citation key (\\cite, [@key] …) is found in none of the manuscript\'s bibliography files. Fix: use one of the closest keys, or add the entry.',
  ],
  'citation.bibliography-missing': [
    'A declared bibliography file does not exist.',
    'The manuscript declares a bibliography file (\\bibliography, \\addbibresource, front-matter bibliography:, _quarto.yml) that does not exist.',
  ],
  'citation.missing': [
    'A checked affinity value has no citation.',
    'A checked affinity value has no citation in its sentence or table caption. Cite the source of the value.',
  ],
  'citation.source-mismatch': [
    "The value's citation records another value for this pair.",
    "The value's citation (matched to the knowledge base by DOI, PMID or title) records another value, or none, for this compound and target, while another source supports the value.",
  ],
};

export const RULES: readonly Rule[] = (Object.keys(DESCRIPTIONS) as DiagnosticCode[]).map((code) => ({
  code,
  defaultSeverity: defaultSeverity(code),
  short: DESCRIPTIONS[code][0],
  help: DESCRIPTIONS[code][1],
}));

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return code in DESCRIPTIONS;
}
