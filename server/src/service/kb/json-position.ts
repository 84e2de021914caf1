/** Where JSON text stops being valid (jsonc-parser, in strict JSON mode), so a syntax error is reported as line and column. */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export interface TextPosition {
  line: number;
  column: number;
}

/** 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** `CommaExpected` → `comma expected`. */
function words(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Deeper than this, a file is refused before parsing: a recursive parser would overflow the stack on it. */
const MAX_DEPTH = 512;

/** Where brackets and braces first nest deeper than `MAX_DEPTH`, strings skipped; a linear scan. */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 34) {
      for (index++; index < text.length && text.charCodeAt(index) !== 34; index++) if (text.charCodeAt(index) === 92) index++;
    } else if (code === 91 || code === 123) {
      if (++depth > MAX_DEPTH) return index;
    } else if (code === 93 || code === 125) depth--;
  }
  return undefined;
}

/** Offset and description of the first JSON syntax error, or `undefined` when the text is valid JSON. */
export function findJsonSyntaxError(text: string): { offset: number; problem: string } | undefined {
  const deep = tooDeepAt(text);
  if (deep !== undefined) return { offset: deep, problem: `nested deeper than ${MAX_DEPTH} levels` };
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const [first] = errors;
  if (!first) return undefined;
  const found = first.offset >= text.length ? 'unexpected end of input' : `unexpected ${JSON.stringify(text.slice(first.offset, first.offset + Math.max(1, Math.min(first.length, 20))))}`;
  return { offset: first.offset, problem: `${found} (${words(printParseErrorCode(first.error))})` };
}

/** `file:line:column: invalid JSON: problem` for text that `JSON.parse` rejected with `error`. */
export function jsonSyntaxErrorMessage(text: string, sourceName: string, error: unknown): string {
  const located = findJsonSyntaxError(text);
  const { line, column } = positionAt(text, located?.offset ?? 0);
  const problem = located?.problem ?? (error instanceof Error ? error.message : String(error));
  return `${sourceName}:${line}:${column}: invalid JSON: ${problem}`;
}
