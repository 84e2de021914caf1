/** Finds where JSON text stops being valid, so a syntax error can be reported as line and column. */

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

class Stop {
  constructor(readonly offset: number, readonly problem: string) {}
}

/** Offset and description of the first JSON syntax error, or `undefined` when the text is valid JSON. */
export function findJsonSyntaxError(text: string): { offset: number; problem: string } | undefined {
  let i = 0;
  const fail = (problem: string): never => {
    throw new Stop(i, problem);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const describe = () => (i >= text.length ? 'unexpected end of input' : `unexpected ${JSON.stringify(text[i])}`);
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(describe());
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail('bad escape');
      } else if (text.charCodeAt(i) < 0x20) fail('control character in string');
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 64));
    if (!match) fail(describe());
    i += match![0].length;
  };
  const value = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') return object();
    if (ch === '[') return array();
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    fail(describe());
  };
  const object = () => {
    i++;
    skipSpace();
    if (text[i] === '}') return void i++;
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail(`expected a double-quoted property name, found ${describe().replace('unexpected ', '')}`);
      string();
      skipSpace();
      if (text[i] !== ':') fail(`expected ':' after a property name, found ${describe().replace('unexpected ', '')}`);
      i++;
      value();
      skipSpace();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === '}') return void i++;
      fail(`expected ',' or '}', found ${describe().replace('unexpected ', '')}`);
    }
  };
  const array = () => {
    i++;
    skipSpace();
    if (text[i] === ']') return void i++;
    for (;;) {
      value();
      skipSpace();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === ']') return void i++;
      fail(`expected ',' or ']', found ${describe().replace('unexpected ', '')}`);
    }
  };
  try {
    value();
    skipSpace();
    if (i < text.length) fail(`unexpected ${JSON.stringify(text[i])} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, problem: error.problem };
    throw error;
  }
}

/** `file:line:column: invalid JSON: problem` for text that `JSON.parse` rejected with `error`. */
export function jsonSyntaxErrorMessage(text: string, sourceName: string, error: unknown): string {
  const located = findJsonSyntaxError(text);
  const { line, column } = positionAt(text, located?.offset ?? 0);
  const problem = located?.problem ?? (error instanceof Error ? error.message : String(error));
  return `${sourceName}:${line}:${column}: invalid JSON: ${problem}`;
}
