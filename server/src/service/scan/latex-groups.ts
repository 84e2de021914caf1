import * as chars from './chars';
import { IntList } from './int-list';

const { Ch } = chars;

/**
 * Pairs every `{` with its `}` and every `[` with its `]` in one pass, ignoring escaped characters (`\{`, `\[`) and
 * `%` comments. Pairs never cross a blank line (a paragraph break ends every argument in LaTeX), so an unclosed `{`
 * only leaves its own paragraph unmatched.
 */
export class LatexGroups {
  /** Offsets of every `{` and `[`, ascending. */
  private readonly opens: IntList;
  /** `closes[i]` is the closer of `opens[i]`, or -1. */
  private readonly closes: IntList;
  private lastLookup = 0;

  constructor(text: string) {
    this.opens = new IntList(text.length >> 5);
    this.closes = new IntList(text.length >> 5);
    const braces: number[] = [];
    const brackets: number[] = [];
    const length = text.length;
    for (let position = 0; position < length; position++) {
      switch (text.charCodeAt(position)) {
        case Ch.Backslash:
          position++;
          break;
        case Ch.Percent: {
          const newline = text.indexOf('\n', position);
          position = newline < 0 ? length : newline - 1;
          break;
        }
        case Ch.LeftBrace:
          braces.push(this.addOpen(position));
          break;
        case Ch.LeftBracket:
          brackets.push(this.addOpen(position));
          break;
        case Ch.RightBrace:
          if (braces.length > 0) this.closes.set(braces.pop()!, position);
          break;
        case Ch.RightBracket:
          if (brackets.length > 0) this.closes.set(brackets.pop()!, position);
          break;
        case Ch.LineFeed:
          if (braces.length + brackets.length > 0 && isBlankLineAfter(text, position + 1)) {
            braces.length = 0;
            brackets.length = 0;
          }
          break;
      }
    }
  }

  private addOpen(position: number): number {
    this.closes.push(-1);
    return this.opens.push(position);
  }

  /** The closer of the `{` or `[` at `open`, or -1 (also when `open` holds neither). */
  closerOf(open: number): number {
    const index = this.indexOfOpen(open);
    return index < 0 ? -1 : this.closes.get(index);
  }

  /** Lookups mostly move forward, so the previous answer's neighbourhood is tried before a binary search. */
  private indexOfOpen(open: number): number {
    const opens = this.opens;
    const guess = this.lastLookup;
    if (guess < opens.length && opens.get(guess) === open) return guess;
    if (guess + 1 < opens.length && opens.get(guess + 1) === open) return (this.lastLookup = guess + 1);
    let low = 0;
    let high = opens.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = opens.get(middle);
      if (value === open) return (this.lastLookup = middle);
      if (value < open) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
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
