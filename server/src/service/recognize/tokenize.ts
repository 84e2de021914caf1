import { GREEK_BY_CHAR, GREEK_WORDS, greekWordOfLatexCommand } from './greek';

/**
 * What separates a token from the one before it.
 * `glue`: nothing, or only markup (`A$_{2A}$`, `5-HT<sub>2A</sub>`, a letter–digit change);
 * `hyphen`, `space`: may occur inside a multi-word name; `break`: anything else (punctuation, other commands).
 */
export type Gap = 'glue' | 'hyphen' | 'space' | 'break';

export interface Token {
  start: number;
  end: number;
  /** Lower-case normalized form used as the matching key (`α` → `alpha`). */
  key: string;
  /** Normalized form with the writer's case, for case-sensitive names. */
  surface: string;
  gapBefore: Gap;
}

const GAP_RANK: Record<Gap, number> = { glue: 0, hyphen: 1, space: 2, break: 3 };

function widen(current: Gap, next: Gap): Gap {
  return GAP_RANK[next] > GAP_RANK[current] ? next : current;
}

/** LaTeX commands that only change how letters look: `\mathrm{i}` is still the letter i. */
const TRANSPARENT_LATEX_COMMANDS: ReadonlySet<string> = new Set([
  'mathrm', 'text', 'textrm', 'textsubscript', 'textsuperscript', 'mathit', 'mathbf', 'textit', 'textup',
  'mathsf', 'rm', 'it', 'ensuremath', 'operatorname', 'textnormal', 'mbox', 'hbox', 'emph', 'textbf',
  'textsf', 'mathnormal', 'boldsymbol', 'bm', 'up',
]);

const SPACE_LATEX_COMMANDS: ReadonlySet<string> = new Set([',', ';', ':', ' ', '!', 'quad', 'qquad', 'thinspace', 'enspace', 'nobreakspace']);

const HTML_GLUE_TAGS: ReadonlySet<string> = new Set(['sub', '/sub', 'sup', '/sup', 'i', '/i', 'em', '/em', 'b', '/b', 'strong', '/strong']);

const HYPHENS = '-\u2010\u2011\u2012\u2013\u2212\u00ad';

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

const LETTER = /\p{L}/u;

function isLetterChar(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) return isAsciiLetter(code);
  return LETTER.test(ch) && !GREEK_BY_CHAR.has(ch);
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0xa0 || code === 0x2009 || code === 0x202f;
}

/**
 * Splits prose into word tokens for name matching, in one left-to-right pass.
 * Letter runs and digit runs are separate tokens (`H1` → `h`,`1`), so markup between them does not matter;
 * a decimal point between digits stays inside the number (`Kv11.1`).
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let gap: Gap = 'break';
  let newlinesInGap = 0;
  let i = from;

  const push = (start: number, end: number, surface: string): void => {
    tokens.push({ start, end, key: surface.toLowerCase(), surface, gapBefore: gap });
    gap = 'glue';
    newlinesInGap = 0;
  };

  while (i < to) {
    const code = text.charCodeAt(i);
    const ch = text[i];

    if (isDigit(code)) {
      let j = i + 1;
      while (j < to) {
        const c = text.charCodeAt(j);
        if (isDigit(c)) j++;
        else if (c === 46 && j + 1 < to && isDigit(text.charCodeAt(j + 1))) j += 2;
        else break;
      }
      push(i, j, text.slice(i, j));
      i = j;
      continue;
    }

    if (isLetterChar(ch)) {
      let j = i + 1;
      while (j < to && isLetterChar(text[j])) j++;
      push(i, j, text.slice(i, j));
      i = j;
      continue;
    }

    const greek = GREEK_BY_CHAR.get(ch);
    if (greek) {
      push(i, i + 1, greek);
      i++;
      continue;
    }

    if (isWhitespace(code)) {
      if (code === 10) {
        newlinesInGap++;
        gap = widen(gap, newlinesInGap >= 2 ? 'break' : 'space');
      } else {
        gap = widen(gap, 'space');
      }
      i++;
      continue;
    }

    if (HYPHENS.includes(ch)) {
      gap = widen(gap, 'hyphen');
      i++;
      continue;
    }

    if (ch === '\\') {
      i = consumeLatexCommand(text, i, to, (kind, word, start, end) => {
        if (kind === 'greek') push(start, end, word);
        else gap = widen(gap, kind);
      });
      continue;
    }

    if (ch === '<') {
      const close = text.indexOf('>', i + 1);
      if (close > i && close - i <= 8 && HTML_GLUE_TAGS.has(text.slice(i + 1, close).trim().toLowerCase())) {
        i = close + 1;
        continue;
      }
      gap = 'break';
      i++;
      continue;
    }

    if (ch === '&') {
      const semicolon = text.indexOf(';', i + 1);
      if (semicolon > i && semicolon - i <= 10) {
        const entity = text.slice(i + 1, semicolon);
        if (GREEK_WORDS.has(entity.toLowerCase())) {
          push(i, semicolon + 1, entity.toLowerCase());
          i = semicolon + 1;
          continue;
        }
        if (entity === 'nbsp' || entity === 'thinsp') {
          gap = widen(gap, 'space');
          i = semicolon + 1;
          continue;
        }
      }
      gap = 'break';
      i++;
      continue;
    }

    if (ch === '$' || ch === '_' || ch === '^' || ch === '{' || ch === '}') {
      i++;
      continue;
    }

    if (ch === '~') {
      gap = widen(gap, 'space');
      i++;
      continue;
    }

    gap = 'break';
    i++;
  }
  return tokens;
}

type CommandKind = 'greek' | Gap;

function consumeLatexCommand(
  text: string,
  backslash: number,
  to: number,
  emit: (kind: CommandKind, word: string, start: number, end: number) => void,
): number {
  let j = backslash + 1;
  while (j < to && isAsciiLetter(text.charCodeAt(j))) j++;
  if (j === backslash + 1) {
    const symbol = text[backslash + 1] ?? '';
    if (SPACE_LATEX_COMMANDS.has(symbol)) emit('space', '', backslash, backslash + 2);
    else if (symbol === '-' || symbol === '/') emit('glue', '', backslash, backslash + 2);
    else emit('break', '', backslash, backslash + 2);
    return Math.min(to, backslash + 2);
  }
  const name = text.slice(backslash + 1, j);
  const greek = greekWordOfLatexCommand(name);
  if (greek) {
    emit('greek', greek, backslash, j);
    if (text[j] === '{' && text[j + 1] === '}') j += 2;
    return j;
  }
  if (TRANSPARENT_LATEX_COMMANDS.has(name)) return j;
  if (SPACE_LATEX_COMMANDS.has(name)) {
    emit('space', '', backslash, j);
    return j;
  }
  emit('break', '', backslash, j);
  return j;
}
