import { Ch } from './chars';

/**
 * One pass over a LaTeX source that pairs every `{` with its `}` and every `[` with its `]`, ignoring escaped
 * characters (`\{`, `\[`) and `%` comments. Pairs never cross a blank line (a paragraph break ends every argument in
 * LaTeX), so an unclosed `{` only leaves its own paragraph unmatched. `closerOf[open]` is the closer's offset, or 0.
 */
export function matchLatexGroups(text: string): Int32Array {
  const closerOf = new Int32Array(text.length);
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
        braces.push(position);
        break;
      case Ch.RightBrace:
        if (braces.length > 0) closerOf[braces.pop()!] = position;
        break;
      case Ch.LeftBracket:
        brackets.push(position);
        break;
      case Ch.RightBracket:
        if (brackets.length > 0) closerOf[brackets.pop()!] = position;
        break;
      case Ch.LineFeed:
        if (braces.length + brackets.length > 0 && isBlankLineAfter(text, position + 1)) {
          braces.length = 0;
          brackets.length = 0;
        }
        break;
    }
  }
  return closerOf;
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
