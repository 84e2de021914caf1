import type { Measure } from '../kb/types';
import type { ValueScale } from './types';
import { endsWordAt, isAsciiLetter, isDigit, startsWithAt, startsWithIgnoreCaseAt, startsWordAt } from './chars';

export interface MeasureLabel {
  start: number;
  end: number;
  measure: Measure;
  scale: ValueScale;
}

interface Phrase {
  words: string[];
  measure: Measure;
}

/** Spelled-out measures; words may be joined by a space or a hyphen. */
const phrases: Phrase[] = [
  { words: ['inhibition', 'constant'], measure: 'Ki' },
  { words: ['inhibitory', 'constant'], measure: 'Ki' },
  { words: ['dissociation', 'constant'], measure: 'Kd' },
  { words: ['equilibrium', 'dissociation', 'constant'], measure: 'Kd' },
  { words: ['half', 'maximal', 'inhibitory', 'concentration'], measure: 'IC50' },
  { words: ['half', 'maximal', 'inhibition', 'concentration'], measure: 'IC50' },
  { words: ['half', 'maximal', 'inhibiting', 'concentration'], measure: 'IC50' },
  { words: ['half', 'maximum', 'inhibitory', 'concentration'], measure: 'IC50' },
  { words: ['half', 'maximum', 'inhibiting', 'concentration'], measure: 'IC50' },
  { words: ['half', 'maximal', 'effective', 'concentration'], measure: 'EC50' },
  { words: ['50%', 'inhibitory', 'concentration'], measure: 'IC50' },
  { words: ['50%', 'inhibition', 'concentration'], measure: 'IC50' },
  { words: ['50%', 'effective', 'concentration'], measure: 'EC50' },
];

/** Markup that may wrap or introduce a subscript: `_`, `{`, `$`, `~` (Pandoc), `(`, `<sub>`, `\mathrm{`, `\text{`, `\rm`. */
const subscriptOpeners = ['\\textsubscript{', '<sub>', '\\mathrm{', '\\textrm{', '\\text{', '\\rm ', '\\mathrm', '_', '{', '$', '~', '('];
const subscriptClosers = ['</sub>', '}', '$', '~', ')'];
const labelOpeners = ['\\mathrm{', '\\textrm{', '\\text{', '\\rm '];

/** Reads a measure label (`Ki`, `K$_i$`, `$K_\mathrm{i}$`, `IC<sub>50</sub>`, `pIC50`, `inhibition constant`) at `index`. */
/** First characters a label can start with: K, I(C), E(C), p, \\, and the phrases' i, d, h, e. */
const labelInitials = new Set([...'KIEpidhe\\DH5'].map((character) => character.charCodeAt(0)));

export function readMeasureAt(text: string, index: number): MeasureLabel | undefined {
  if (!labelInitials.has(text.charCodeAt(index))) return undefined;
  if (!startsWordAt(text, index) && text.charCodeAt(index - 1) !== 123 && text.charCodeAt(index - 1) !== 92) return undefined;
  return readSymbolicMeasure(text, index) ?? readPhraseMeasure(text, index);
}

function readSymbolicMeasure(text: string, index: number): MeasureLabel | undefined {
  let position = index;
  const opener = labelOpeners.find((candidate) => startsWithAt(text, position, candidate));
  if (opener) position += opener.length;
  const pScale = text.charCodeAt(position) === 112; // p
  let dollars = 0;
  let openerClosed = false;
  if (pScale) position++;
  if (pScale && opener?.endsWith('{') && text.charCodeAt(position) === 125) { // \mathrm{p}K_\mathrm{i}
    position++;
    openerClosed = true;
  }
  if (pScale && text.charCodeAt(position) === 36) { // p$K_i$
    position++;
    dollars++;
  }
  const head = readHead(text, position, pScale);
  if (!head) return undefined;
  position = head.end;
  if (opener?.endsWith('{') && !openerClosed && text.charCodeAt(position) === 125) position++;
  for (let guard = 0; guard < 4; guard++) {
    const subscriptOpener = subscriptOpeners.find((candidate) => startsWithAt(text, position, candidate));
    if (!subscriptOpener) break;
    if (subscriptOpener === '$') dollars++;
    position += subscriptOpener.length;
  }
  const subscriptStart = position;
  while (position < text.length && (isAsciiLetter(text.charCodeAt(position)) || isDigit(text.charCodeAt(position)))) position++;
  let subscript = text.slice(subscriptStart, position);
  // `IC₅₀`, `Kᵢ`: Unicode subscripts.
  while (position === subscriptStart + subscript.length && UNICODE_SUBSCRIPTS[text[position]] !== undefined && subscript.length < 3) subscript += UNICODE_SUBSCRIPTS[text[position++]];
  // `IC50s`, `Kis`, `EC50s`: plurals.
  const measure = measureFor(head.letters, subscript, pScale) ?? (subscript.length > 1 && subscript.endsWith('s') ? measureFor(head.letters, subscript.slice(0, -1), pScale) : undefined);
  if (!measure) return undefined;
  for (let guard = 0; guard < 4; guard++) {
    const closer = subscriptClosers.find((candidate) => startsWithAt(text, position, candidate));
    if (!closer) break;
    if (closer === '$') {
      if (dollars % 2 === 0) break;
      dollars++;
    }
    position += closer.length;
  }
  if (!endsWordAt(text, position)) return undefined;
  return { start: index, end: position, measure, scale: pScale ? 'p-scale' : 'concentration' };
}

const UNICODE_SUBSCRIPTS: Record<string, string> = { '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9', 'ᵢ': 'i', 'ₑ': 'e', 'ᴅ': 'D', 'ᵈ': 'd', 'ᵇ': 'b' };

function readHead(text: string, index: number, pScale: boolean): { letters: string; end: number } | undefined {
  if (startsWithAt(text, index, 'IC') || startsWithAt(text, index, 'EC')) {
    // `IC 50`, `IC` at a line's end and `50` on the next: a PDF's space or line break inside the label.
    const spaced = (text.charCodeAt(index + 2) === 32 || text.charCodeAt(index + 2) === 10) && startsWithAt(text, index + 3, '50');
    return { letters: text.slice(index, index + 2), end: spaced ? index + 3 : index + 2 };
  }
  // `Ic50`, `ic50`: sentence-case and lower-case table styles.
  if (/^[Ii]c50|^[Ee]c50/.test(text.slice(index, index + 4))) return { letters: text.slice(index, index + 2).toUpperCase(), end: index + 2 };
  if (text.charCodeAt(index) === 75) {
    // `K` at the end of a line and `i values` on the next, `pK B value`: a PDF broke the label.
    const broken = (text.charCodeAt(index + 1) === 10 || text.charCodeAt(index + 1) === 32) && /^[iIdDbB](?![\p{L}\p{N}])/u.test(text.slice(index + 2, index + 4));
    return { letters: 'K', end: broken ? index + 2 : index + 1 };
  }
  if (pScale && text.charCodeAt(index) === 65) return { letters: 'A', end: index + 1 }; // pA2
  return undefined;
}

function measureFor(head: string, subscript: string, pScale: boolean): Measure | undefined {
  if (head === 'IC' && subscript === '50') return 'IC50';
  if (head === 'EC' && subscript === '50') return 'EC50';
  if (head === 'A') return pScale && subscript === '2' ? 'pA2' : undefined;
  if (head !== 'K') return undefined;
  if (subscript === 'i' || subscript === 'I') return 'Ki';
  if (subscript === 'd' || subscript === 'D') return 'Kd';
  if (subscript === 'b' || subscript === 'B') return 'Kb';
  return undefined;
}

function readPhraseMeasure(text: string, index: number): MeasureLabel | undefined {
  const first = text.charCodeAt(index) | 32;
  if (first !== 105 && first !== 100 && first !== 104 && first !== 101 && first !== 53) return undefined; // i, d, h, e, 5
  for (const phrase of phrases) {
    const end = matchPhrase(text, index, phrase.words);
    if (end !== undefined) return { start: index, end, measure: phrase.measure, scale: 'concentration' };
  }
  return undefined;
}

function matchPhrase(text: string, index: number, words: string[]): number | undefined {
  let position = index;
  for (let wordIndex = 0; wordIndex < words.length; wordIndex++) {
    if (wordIndex > 0) {
      const separator = text.charCodeAt(position);
      if (separator !== 32 && separator !== 45 && separator !== 10 && separator !== 0x2010 && separator !== 0x2011) return undefined;
      position++;
    }
    if (!startsWithIgnoreCaseAt(text, position, words[wordIndex])) return undefined;
    position += words[wordIndex].length;
  }
  if (text.charCodeAt(position) === 115) position++; // plural: dissociation constants
  return endsWordAt(text, position) ? position : undefined;
}
