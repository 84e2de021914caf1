import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { AffinityStatement } from '../extract/types';
import { formatConcentration, formatPValue } from '../kb/format';
import type { Measure } from '../kb/types';

/** The p-scale label of a measure: `pKi`, `pIC50`; `pA2` is its own; a plain effective concentration is `pC`. */
function pScaleLabel(measure: Measure): string {
  if (measure === 'pA2') return 'pA2';
  if (measure === 'conc') return 'pC';
  return `p${measure}`;
}

/** `pKi 8.46` for a concentration, `pKi 7.20–8.46` for a range (the higher concentration gives the lower p-value). */
function pScaleText(statement: AffinityStatement, valueNm: number): string {
  const label = pScaleLabel(statement.measure);
  const high = statement.valueHighNm;
  if (high === undefined || high === valueNm) return `${label} ${formatPValue(valueNm)}`;
  return `${label} ${formatPValue(Math.max(valueNm, high))}–${formatPValue(Math.min(valueNm, high))}`;
}

/** `3.45 nM` for a p-scale value, `1.2–3.45 nM` for a range. */
function concentrationText(statement: AffinityStatement, valueNm: number): string {
  const high = statement.valueHighNm;
  if (high === undefined) return formatConcentration(valueNm);
  return formatConcentration(Math.min(valueNm, high), Math.max(valueNm, high));
}

/** What the hint after a quoted value says: the same value on the other scale; `undefined` when it has no finite counterpart or no unit. */
export function otherScaleText(statement: AffinityStatement): string | undefined {
  const { valueNm } = statement;
  if (valueNm === undefined || !(valueNm > 0) || !Number.isFinite(valueNm)) return undefined;
  return statement.scale === 'concentration' ? pScaleText(statement, valueNm) : concentrationText(statement, valueNm);
}

function overlaps(document: TextDocument, statement: AffinityStatement, range: Range | undefined): boolean {
  if (!range) return true;
  return statement.span.end >= document.offsetAt(range.start) && statement.span.start <= document.offsetAt(range.end);
}

/** One hint after each quoted value in `range` (the whole document when absent), giving it on the other scale. */
export function affinityInlayHints(document: TextDocument, statements: readonly AffinityStatement[], range?: Range): InlayHint[] {
  const hinted = new Set<number>();
  return statements.flatMap((statement) => {
    const label = otherScaleText(statement);
    // A value read for several targets gets one hint.
    if (label === undefined || !overlaps(document, statement, range) || hinted.has(statement.span.end)) return [];
    hinted.add(statement.span.end);
    return [{ position: document.positionAt(statement.span.end), label, paddingLeft: true }];
  });
}
