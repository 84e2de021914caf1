import type { Measure } from '../kb/types';

/** Head and subscript of each symbolic measure: `K` + `i`, `IC` + `50`, (p)`A` + `2`. */
const SYMBOLS: Partial<Record<Measure, { head: string; subscript: string }>> = {
  Ki: { head: 'K', subscript: 'i' },
  Kd: { head: 'K', subscript: 'd' },
  Kb: { head: 'K', subscript: 'b' },
  IC50: { head: 'IC', subscript: '50' },
  EC50: { head: 'EC', subscript: '50' },
  pA2: { head: 'A', subscript: '2' },
};

const PHRASES: Partial<Record<Measure, string>> = {
  Ki: 'inhibition constant',
  Kd: 'dissociation constant',
  IC50: 'half-maximal inhibitory concentration',
  EC50: 'half-maximal effective concentration',
};

const HEAD = /^(\\(?:mathrm|textrm|text)\{|\\rm )?(p)?(\$)?(IC|EC|K|A)/;
const CLOSERS = ['</sub>', '}', '$', '~', ')'];

/**
 * The label `written` (`K$_i$`, `IC<sub>50</sub>`, `$K_\mathrm{i}$`, `pKi`, `inhibition constant`) rewritten for
 * `measure` in the same markup, so a fix keeps the document's style: `K$_i$` → `IC$_{50}$`, `pKi` → `pIC50`, `K_I` → `K_D`.
 */
export function relabelMeasure(written: string, measure: Measure): string {
  const symbol = SYMBOLS[measure];
  const head = HEAD.exec(written);
  if (!head || !symbol) {
    const phrase = PHRASES[measure];
    if (!phrase || head) return measure;
    return /^[A-Z]/.test(written) ? phrase.charAt(0).toUpperCase() + phrase.slice(1) : phrase;
  }
  const headStart = head[0].length - head[4].length;
  const headEnd = head[0].length;
  let subscriptEnd = written.length;
  for (let guard = 0; guard < 4; guard++) {
    const closer = CLOSERS.find((candidate) => written.slice(0, subscriptEnd).endsWith(candidate));
    if (!closer || subscriptEnd - closer.length < headEnd) break;
    subscriptEnd -= closer.length;
  }
  let subscriptStart = subscriptEnd;
  while (subscriptStart > headEnd && /[A-Za-z0-9]/.test(written.charAt(subscriptStart - 1))) subscriptStart--;
  const between = written.slice(headEnd, subscriptStart);
  // `K_I` keeps its capital subscript (`K_D`); `K$_i$` has an unbraced subscript, and `50` needs braces in TeX.
  const cased = /^[A-Z]+$/.test(written.slice(subscriptStart, subscriptEnd)) ? symbol.subscript.toUpperCase() : symbol.subscript;
  const subscript = between.endsWith('_') && cased.length > 1 ? `{${cased}}` : cased;
  return written.slice(0, headStart) + symbol.head + between + subscript + written.slice(subscriptEnd);
}
