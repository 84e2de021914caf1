/**
 * A text file's bytes as text: a byte-order mark decides (UTF-8, UTF-16 LE/BE); without one, UTF-16 is recognised by
 * its zero bytes, valid UTF-8 is UTF-8, and anything else is read as Windows-1252 (a superset of Latin-1) with a
 * warning, so that `µ` stays `µ` instead of becoming U+FFFD.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Whether the bytes start with a byte-order mark (dropped from `text`). */
  byteOrderMark: boolean;
  /** Set when the encoding was a guess the user should know about. */
  warning?: string;
}

function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) zeroEven++;
    if (bytes[index + 1] === 0) zeroOdd++;
  }
  // ASCII-range text in UTF-16 has a zero in every other byte; UTF-8 or Latin-1 text has almost none.
  const pairs = sample / 2;
  if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return undefined;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const marked = (encoding: TextEncoding, length: number): DecodedText => ({ text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(length)), encoding, byteOrderMark: true });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return marked('utf-8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return marked('utf-16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return marked('utf-16be', 2);
  const utf16 = utf16WithoutMark(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, byteOrderMark: false, warning: `no byte-order mark; read as ${utf16.toUpperCase()} from its zero bytes` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', byteOrderMark: false };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', byteOrderMark: false, warning: 'not valid UTF-8; read as Windows-1252 (Latin-1)' };
  }
}
