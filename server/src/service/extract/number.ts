import { isDigit, isWordChar, startsWithAt } from './chars';

export interface NumberRead {
  start: number;
  end: number;
  value: number;
}

const thousandsSeparators = [',', '{,}', ' ', '\u2009', '\u202f', '\u00a0', '\\,'];
const timesSigns = ['×', '\\times', '\\cdot', '·', 'x', '*'];
const exponentMinus = ['-', '−', '–'];

/**
 * Reads an unsigned decimal at `index`: `3.45`, `.13`, `3,020`, `3 020`, `3{,}020`, and a power of ten after it
 * (`1.2 × 10^-9`, `1.2\times10^{-9}`, `1.2 x 10<sup>-9</sup>`, `1.2e-9`).
 */
export function readNumberAt(text: string, index: number): NumberRead | undefined {
  if (index > 0 && isWordChar(text.charCodeAt(index - 1))) return undefined;
  const mantissa = readDecimal(text, index);
  if (!mantissa) return undefined;
  const power = readPowerOfTen(text, mantissa.end);
  if (power) return { start: index, end: power.end, value: mantissa.value * 10 ** power.exponent };
  return { start: index, end: mantissa.end, value: mantissa.value };
}

function readDecimal(text: string, index: number): { value: number; end: number } | undefined {
  let position = index;
  let digits = '';
  while (isDigit(text.charCodeAt(position))) digits += text[position++];
  if (digits.length > 0 && digits.length <= 3) {
    for (;;) {
      const separator = thousandsSeparators.find((candidate) => startsWithAt(text, position, candidate));
      if (!separator || !isThreeDigitGroup(text, position + separator.length)) break;
      digits += text.slice(position + separator.length, position + separator.length + 3);
      position += separator.length + 3;
    }
  }
  if (text.charCodeAt(position) === 46 && isDigit(text.charCodeAt(position + 1))) {
    digits += '.';
    position++;
    while (isDigit(text.charCodeAt(position))) digits += text[position++];
  }
  if (digits.length === 0 || digits === '.') return undefined;
  return { value: Number(digits), end: position };
}

/** Exactly three digits and no fourth (`3,020`, not `1,2345`). */
function isThreeDigitGroup(text: string, index: number): boolean {
  return isDigit(text.charCodeAt(index)) && isDigit(text.charCodeAt(index + 1)) && isDigit(text.charCodeAt(index + 2)) && !isDigit(text.charCodeAt(index + 3));
}

function readPowerOfTen(text: string, index: number): { exponent: number; end: number } | undefined {
  let position = index;
  const code = text.charCodeAt(position);
  if (code === 101 || code === 69) {
    const exponent = readSignedInteger(text, position + 1);
    if (exponent && !isWordChar(text.charCodeAt(exponent.end))) return exponent;
  }
  position = skipInline(text, position);
  const times = timesSigns.find((candidate) => startsWithAt(text, position, candidate));
  if (!times) return undefined;
  position = skipInline(text, position + times.length);
  if (!startsWithAt(text, position, '10')) return undefined;
  position += 2;
  let closer = '';
  if (startsWithAt(text, position, '^{')) {
    position += 2;
    closer = '}';
  } else if (startsWithAt(text, position, '<sup>')) {
    position += 5;
    closer = '</sup>';
  } else if (text.charCodeAt(position) === 40 && /^\([-−–]\d{1,3}\)/.test(text.slice(position, position + 6))) {
    // `× 10(-9)`, as PubMed writes superscripts.
    position++;
    closer = ')';
  } else if (/^ ?[-−–]\d{1,3}(?!\d)/.test(text.slice(position, position + 6))) {
    // `× 10−11 M`, `× 10 −8 M`: a superscript flattened by a page or a PDF.
    if (text.charCodeAt(position) === 32) position++;
  } else if (text.charCodeAt(position) === 94) {
    position++;
  } else {
    return undefined;
  }
  const exponent = readSignedInteger(text, position);
  if (!exponent) return undefined;
  position = exponent.end;
  if (closer) {
    if (!startsWithAt(text, position, closer)) return undefined;
    position += closer.length;
  }
  return { exponent: exponent.exponent, end: position };
}

function readSignedInteger(text: string, index: number): { exponent: number; end: number } | undefined {
  let position = index;
  let sign = 1;
  const minus = exponentMinus.find((candidate) => startsWithAt(text, position, candidate));
  if (minus) {
    sign = -1;
    position += minus.length;
  } else if (text.charCodeAt(position) === 43) {
    position++;
  }
  const digitsStart = position;
  while (isDigit(text.charCodeAt(position)) && position - digitsStart < 3) position++;
  if (position === digitsStart) return undefined;
  return { exponent: sign * Number(text.slice(digitsStart, position)), end: position };
}

/** Spaces, `\,`, `$` between a mantissa, `×` and `10`. */
function skipInline(text: string, index: number): number {
  let position = index;
  for (;;) {
    const code = text.charCodeAt(position);
    if (code === 32 || code === 36 || code === 0x2009 || code === 0xa0 || code === 0x202f) position++;
    else if (startsWithAt(text, position, '\\,') || startsWithAt(text, position, '{}')) position += 2;
    else return position;
  }
}
