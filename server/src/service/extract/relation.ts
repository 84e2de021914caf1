import type { Relation } from '../kb/types';
import { endsLatexCommandAt, endsWordAt, startsWithAt, startsWithIgnoreCaseAt, startsWordAt } from './chars';

export interface RelationRead {
  start: number;
  end: number;
  relation: Relation;
  /** A sign (`<`, `\leq`) or a word (`was`, `less than`); the sign is part of the statement's span when it touches the value. */
  written: 'sign' | 'word';
}

const signs: Array<[string, Relation]> = [
  ['<=', '<='], ['>=', '>='], ['≤', '<='], ['≥', '>='], ['⩽', '<='], ['⩾', '>='], ['&lt;', '<'], ['&gt;', '>'], ['&le;', '<='], ['&ge;', '>='],
  ['<', '<'], ['>', '>'], ['=', '='], ['≈', '~'], ['∼', '~'], ['≃', '~'], ['~', '~'],
];

const commands: Array<[string, Relation]> = [
  ['\\approx', '~'], ['\\simeq', '~'], ['\\sim', '~'], ['\\leqslant', '<='], ['\\geqslant', '>='], ['\\leq', '<='], ['\\geq', '>='],
  ['\\le', '<='], ['\\ge', '>='], ['\\lt', '<'], ['\\gt', '>'], ['\\textless', '<'], ['\\textgreater', '>'],
];

/** Multi-word phrases first; case-insensitive, whole words. */
const words: Array<[string, Relation]> = [
  ['less than or equal to', '<='], ['greater than or equal to', '>='], ['less than', '<'], ['lower than', '<'], ['smaller than', '<'],
  ['greater than', '>'], ['more than', '>'], ['higher than', '>'], ['in excess of', '>'], ['at least', '>='], ['at most', '<='], ['up to', '<='],
  ['below', '<'], ['under', '<'], ['above', '>'], ['over', '>'], ['exceeding', '>'],
  ['approximately', '~'], ['approx.', '~'], ['about', '~'], ['around', '~'], ['roughly', '~'], ['nearly', '~'], ['ca.', '~'], ['circa', '~'], ['some', '~'],
  ['of', '='], ['was', '='], ['were', '='], ['is', '='], ['are', '='], ['equal to', '='], ['equals', '='], ['being', '='], ['as', '='], ['be', '='],
];

/** Relation words grouped by their first letter, so that most words are dismissed with one lookup. */
const wordsByInitial = new Map<number, Array<[string, Relation]>>();
for (const entry of words) {
  const initial = entry[0].charCodeAt(0);
  wordsByInitial.set(initial, [...(wordsByInitial.get(initial) ?? []), entry]);
}
const signInitials = new Set(signs.map(([spelling]) => spelling.charCodeAt(0)));

/**
 * Reads a relation at `index`. A `~` counts only where it cannot be a tie or a Pandoc subscript: in LaTeX a tie joins
 * words (`of~3`), so there only a `~` after a blank is a relation.
 */
export function readRelationAt(text: string, index: number, tildeIsTie: boolean): RelationRead | undefined {
  const code = text.charCodeAt(index);
  if (code === 92) {
    for (const [spelling, relation] of commands) {
      if (startsWithAt(text, index, spelling) && endsLatexCommandAt(text, index + spelling.length)) return { start: index, end: index + spelling.length, relation, written: 'sign' };
    }
    return undefined;
  }
  if (signInitials.has(code)) for (const [spelling, relation] of signs) {
    if (!startsWithAt(text, index, spelling)) continue;
    if (spelling === '~' && tildeIsTie && index > 0 && text.charCodeAt(index - 1) !== 32) return undefined;
    return { start: index, end: index + spelling.length, relation, written: 'sign' };
  }
  const candidates = wordsByInitial.get(code | 32);
  if (!candidates || !startsWordAt(text, index)) return undefined;
  for (const [spelling, relation] of candidates) {
    if (!startsWithIgnoreCaseAt(text, index, spelling)) continue;
    const end = index + spelling.length;
    if (spelling.endsWith('.') || endsWordAt(text, end)) return { start: index, end, relation, written: 'word' };
  }
  return undefined;
}

/** Of two relations written one after the other (`was about`, `of <`), the one that is not plain equality wins. */
export function combineRelations(earlier: Relation | undefined, later: Relation): Relation {
  return later === '=' && earlier !== undefined ? earlier : later;
}
