/** Character tests and small forward readers shared by the extract readers. All positions are UTF-16 offsets. */

export const isDigit = (code: number): boolean => code >= 48 && code <= 57;

export const isAsciiLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** Letters and digits of any script (Greek µ, accented names) count as word characters. */
export function isWordChar(code: number): boolean {
  if (isDigit(code) || isAsciiLetter(code)) return true;
  return code > 127 && /\p{L}|\p{N}/u.test(String.fromCharCode(code));
}

/** Blank characters between a number and its unit: spaces, no-break and thin spaces, newlines. */
export function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x2009 || code === 0x202f || code === 0x2005 || code === 0x2006 || code === 0x200a;
}

/** The text at `index` starts with `word` (case-sensitive). */
export function startsWithAt(text: string, index: number, word: string): boolean {
  return text.startsWith(word, index);
}

/** The text at `index` starts with `word`, ignoring ASCII case. */
export function startsWithIgnoreCaseAt(text: string, index: number, word: string): boolean {
  if (index + word.length > text.length) return false;
  for (let offset = 0; offset < word.length; offset++) {
    if ((text.charCodeAt(index + offset) | 32) !== (word.charCodeAt(offset) | 32)) return false;
  }
  return true;
}

/** The character at `index` does not continue a word (end of text, space, punctuation). */
export function endsWordAt(text: string, index: number): boolean {
  return index >= text.length || !isWordChar(text.charCodeAt(index));
}

export function startsWordAt(text: string, index: number): boolean {
  return index === 0 || !isWordChar(text.charCodeAt(index - 1));
}

const latexSpacingCommands = ['\\,', '\\;', '\\:', '\\!', '\\ ', '\\thinspace', '\\enspace', '\\quad', '{}'];

/**
 * Skips what may stand between a number, its sign and its unit: blanks, `~` (a LaTeX tie, when `tieIsSpace`),
 * `\,` and the other spacing commands, empty groups.
 */
export function skipSpacing(text: string, index: number, tieIsSpace: boolean): number {
  let position = index;
  for (;;) {
    const code = text.charCodeAt(position);
    if (isBlank(code) || (tieIsSpace && code === 126)) {
      position++;
      continue;
    }
    const command = code === 92 || code === 123 ? latexSpacingCommands.find((candidate) => text.startsWith(candidate, position) && (candidate.length === 2 || endsLatexCommandAt(text, position + candidate.length))) : undefined;
    if (command) {
      position += command.length;
      continue;
    }
    return position;
  }
}

/** A LaTeX control word ends here (the next character is not a letter). */
export function endsLatexCommandAt(text: string, index: number): boolean {
  return index >= text.length || !isAsciiLetter(text.charCodeAt(index));
}

/** Skips blanks, spacing and math delimiters `$`, and the braces around a value (`{0.5--1.1}`). */
export function skipSpacingAndMath(text: string, index: number, tieIsSpace: boolean): number {
  let position = index;
  for (;;) {
    const next = skipSpacing(text, position, tieIsSpace);
    const code = text.charCodeAt(next);
    if (code === 36) {
      position = next + 1;
      continue;
    }
    return next;
  }
}
