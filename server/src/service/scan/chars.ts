/**
 * Character-code helpers shared by the scanners (UTF-16 code units).
 *
 * Modules that use these in hot loops bind them to local constants once (`const { Ch, … } = chars`): when the sources
 * are transpiled file by file to CommonJS (tsx, ts-node), every use of an imported binding is a getter call, which
 * costs more than the work those loops do per character.
 */

export const Ch = {
  Tab: 9,
  LineFeed: 10,
  CarriageReturn: 13,
  Space: 32,
  Bang: 33,
  Quote: 34,
  Hash: 35,
  Dollar: 36,
  Percent: 37,
  Ampersand: 38,
  Apostrophe: 39,
  LeftParen: 40,
  RightParen: 41,
  Star: 42,
  Plus: 43,
  Comma: 44,
  Minus: 45,
  Dot: 46,
  Slash: 47,
  Digit0: 48,
  Digit9: 57,
  Colon: 58,
  Semicolon: 59,
  Less: 60,
  Equals: 61,
  Greater: 62,
  At: 64,
  LeftBracket: 91,
  Backslash: 92,
  RightBracket: 93,
  Caret: 94,
  Underscore: 95,
  Backtick: 96,
  LeftBrace: 123,
  Pipe: 124,
  RightBrace: 125,
  Tilde: 126,
} as const;

export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function isDigit(code: number): boolean {
  return code >= Ch.Digit0 && code <= Ch.Digit9;
}

export function isAsciiAlphanumeric(code: number): boolean {
  return isAsciiLetter(code) || isDigit(code);
}

/** Space, tab, line feed, carriage return, form feed. */
export function isWhitespace(code: number): boolean {
  return code === Ch.Space || code === Ch.Tab || code === Ch.LineFeed || code === Ch.CarriageReturn || code === 12;
}

export function isSpaceOrTab(code: number): boolean {
  return code === Ch.Space || code === Ch.Tab;
}

/** ASCII punctuation as CommonMark defines it (the characters a backslash can escape). */
export function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

const unicodeWordCharacter = /[\p{L}\p{N}]/u;

/** Letters and digits of any script; cheap for ASCII, a regex test only beyond it. */
export function isWordCharacter(code: number): boolean {
  if (code < 128) return isAsciiAlphanumeric(code);
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return unicodeWordCharacter.test(String.fromCharCode(code));
}

/** A lookup table for the characters a scanner's main loop must stop at. */
export function triggerTable(characters: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < characters.length; i++) table[characters.charCodeAt(i)] = 1;
  return table;
}

/** First offset in [from, end) that is not a space or tab. */
export function skipSpacesAndTabs(text: string, from: number, end: number): number {
  let position = from;
  while (position < end && isSpaceOrTab(text.charCodeAt(position))) position++;
  return position;
}

/** Offset just past the last non-whitespace character in [start, end), or `start`. */
export function trimEndOffset(text: string, start: number, end: number): number {
  let position = end;
  while (position > start && isWhitespace(text.charCodeAt(position - 1))) position--;
  return position;
}

/** Offset of the first non-whitespace character in [start, end), or `end`. */
export function trimStartOffset(text: string, start: number, end: number): number {
  let position = start;
  while (position < end && isWhitespace(text.charCodeAt(position))) position++;
  return position;
}
