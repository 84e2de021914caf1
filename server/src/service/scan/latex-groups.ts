import * as chars from './chars';
import { indexOfSorted } from '../spans';

const { Ch } = chars;

let pooledOpens = new Int32Array(0);
let pooledCloses = new Int32Array(0);

/** The characters the pairing pass acts on. */
const groupTriggers = chars.triggerTable('\\%{}[]\n');

/**
 * Pairs every `{` with its `}` and every `[` with its `]` in one pass, ignoring escaped characters (`\{`, `\[`) and
 * `%` comments. Pairs never cross a blank line (a paragraph break ends every argument in LaTeX), so an unclosed `{`
 * only leaves its own paragraph unmatched.
 */
export class LatexGroups {
  /** Offsets of every `{` and `[`, ascending (the first `count` entries). */
  private opens: Int32Array;
  /** `closes[i]` is the closer of `opens[i]`, or -1. */
  private closes: Int32Array;
  private count = 0;
  private lastLookup = 0;

  constructor(text: string) {
    // Plain locals and typed arrays in the loop: this pass touches every character of the document.
    // The arrays of the previous document are reused: fresh large typed arrays cost page faults and zeroing, on the
    // order of a millisecond per MB of text. Scans are synchronous, and a scan's groups are dropped when it ends.
    let opens = pooledOpens;
    let closes = pooledCloses;
    const expected = Math.max(64, text.length >> 4);
    if (opens.length < expected) {
      opens = new Int32Array(expected);
      closes = new Int32Array(expected);
    }
    let count = 0;
    // Stacks of indices into `opens` of the unclosed `{` and `[`.
    let braces = new Int32Array(64);
    let braceCount = 0;
    let brackets = new Int32Array(64);
    let bracketCount = 0;
    const length = text.length;
    for (let position = 0; position < length; position++) {
      const code = text.charCodeAt(position);
      if (code >= 128 || groupTriggers[code] === 0) continue;
      switch (code) {
        case Ch.Backslash:
          position++;
          break;
        case Ch.Percent: {
          const newline = text.indexOf('\n', position);
          position = newline < 0 ? length : newline - 1;
          break;
        }
        case Ch.LeftBrace:
        case Ch.LeftBracket:
          if (count === opens.length) {
            opens = grow(opens);
            closes = grow(closes);
          }
          opens[count] = position;
          closes[count] = -1;
          if (code === Ch.LeftBrace) {
            if (braceCount === braces.length) braces = grow(braces);
            braces[braceCount++] = count;
          } else {
            if (bracketCount === brackets.length) brackets = grow(brackets);
            brackets[bracketCount++] = count;
          }
          count++;
          break;
        case Ch.RightBrace:
          if (braceCount > 0) closes[braces[--braceCount]!] = position;
          break;
        case Ch.RightBracket:
          if (bracketCount > 0) closes[brackets[--bracketCount]!] = position;
          break;
        case Ch.LineFeed:
          if (braceCount + bracketCount > 0 && isBlankLineAfter(text, position + 1)) {
            braceCount = 0;
            bracketCount = 0;
          }
          break;
      }
    }
    this.opens = pooledOpens = opens;
    this.closes = pooledCloses = closes;
    this.count = count;
  }

  /** The closer of the `{` or `[` at `open`, or -1 (also when `open` holds neither). */
  closerOf(open: number): number {
    const index = this.indexOfOpen(open);
    return index < 0 ? -1 : this.closes[index]!;
  }

  /** Lookups mostly move forward, so the previous answer's neighbourhood is tried before a binary search. */
  private indexOfOpen(open: number): number {
    const opens = this.opens;
    const count = this.count;
    const guess = this.lastLookup;
    if (guess < count && opens[guess] === open) return guess;
    if (guess + 1 < count && opens[guess + 1] === open) return (this.lastLookup = guess + 1);
    const index = indexOfSorted(count, (candidate) => opens[candidate]!, open);
    if (index >= 0) this.lastLookup = index;
    return index;
  }
}

/** Whether the line starting at `lineStart` holds only spaces/tabs (or the text ends there). */
export function isBlankLineAfter(text: string, lineStart: number): boolean {
  let position = lineStart;
  for (;;) {
    const code = text.charCodeAt(position);
    if (code === Ch.Space || code === Ch.Tab || code === Ch.CarriageReturn) position++;
    else return code === Ch.LineFeed || Number.isNaN(code);
  }
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
