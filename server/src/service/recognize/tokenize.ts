import { GREEK_BY_CHAR, GREEK_WORDS, greekWordOfLatexCommand } from './greek';

/**
 * What separates a token from the one before it.
 * `glue`: nothing, or only markup (`A$_{2A}$`, `5-HT<sub>2A</sub>`, a letter–digit change);
 * `hyphen`, `space`: may occur inside a multi-word name; `break`: anything else (punctuation, other commands).
 */
export const enum Gap {
  Glue = 0,
  Hyphen = 1,
  Space = 2,
  Break = 3,
}

/** FNV-1a over UTF-16 code units; the tokenizer computes the same value from a token's lower-cased characters. */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

/**
 * The tokens of a text as parallel arrays (a manuscript has ~150k tokens per MB; an object or a string per token costs
 * more than the matching). A token's key — its lower-case normalized form (`α` → `alpha`) — is made only when asked
 * for; its hash is always there, so most words are ruled out without making a string.
 */
export class TokenStream {
  count = 0;
  starts: Int32Array;
  ends: Int32Array;
  gaps: Uint8Array;
  hashes: Uint32Array;
  /** Keys made at tokenization: Greek letters (`\alpha`, `&alpha;`, `α` → `alpha`) and words with non-ASCII letters. */
  private readonly knownKeys = new Map<number, string>();
  /** Which tokens are Greek letters, whose surface is their key. */
  private readonly greek = new Set<number>();

  constructor(public text: string, capacity = 16) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.gaps = new Uint8Array(capacity);
    this.hashes = new Uint32Array(capacity);
  }

  /** Empties the stream for another text, keeping its arrays. */
  reset(text: string): void {
    this.text = text;
    this.count = 0;
    this.knownKeys.clear();
    this.greek.clear();
  }

  push(start: number, end: number, gap: Gap, greekKey: string | undefined): void {
    if (this.count === this.starts.length) this.grow();
    const index = this.count++;
    this.starts[index] = start;
    this.ends[index] = end;
    this.gaps[index] = gap;
    if (greekKey !== undefined) {
      this.knownKeys.set(index, greekKey);
      this.greek.add(index);
      this.hashes[index] = hashKey(greekKey);
      return;
    }
    // hashKey of the lower-cased ASCII word, without making the string; other words are lowered as strings.
    const text = this.text;
    let hash = 0x811c9dc5;
    for (let at = start; at < end; at++) {
      const code = text.charCodeAt(at);
      if (code >= 128) {
        const key = text.slice(start, end).toLowerCase();
        this.knownKeys.set(index, key);
        this.hashes[index] = hashKey(key);
        return;
      }
      hash = Math.imul(hash ^ (code >= 65 && code <= 90 ? code + 32 : code), 0x01000193);
    }
    this.hashes[index] = hash >>> 0;
  }

  key(index: number): string {
    return this.knownKeys.get(index) ?? this.text.slice(this.starts[index], this.ends[index]).toLowerCase();
  }

  surface(index: number): string {
    return this.greek.has(index) ? (this.knownKeys.get(index) as string) : this.text.slice(this.starts[index], this.ends[index]);
  }

  private grow(): void {
    const capacity = this.starts.length * 2;
    const grown = <T extends Int32Array | Uint8Array | Uint32Array>(array: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(array);
      return next;
    };
    this.starts = grown(this.starts, (n) => new Int32Array(n));
    this.ends = grown(this.ends, (n) => new Int32Array(n));
    this.gaps = grown(this.gaps, (n) => new Uint8Array(n));
    this.hashes = grown(this.hashes, (n) => new Uint32Array(n));
  }
}

/** LaTeX commands that only change how letters look: `\mathrm{i}` is still the letter i. */
const TRANSPARENT_LATEX_COMMANDS: ReadonlySet<string> = new Set([
  'mathrm', 'text', 'textrm', 'textsubscript', 'textsuperscript', 'mathit', 'mathbf', 'textit', 'textup',
  'mathsf', 'rm', 'it', 'ensuremath', 'operatorname', 'textnormal', 'mbox', 'hbox', 'emph', 'textbf',
  'textsf', 'mathnormal', 'boldsymbol', 'bm', 'up',
]);

const SPACE_LATEX_COMMANDS: ReadonlySet<string> = new Set([',', ';', ':', ' ', '!', 'quad', 'qquad', 'thinspace', 'enspace', 'nobreakspace']);

const HTML_GLUE_TAGS: ReadonlySet<string> = new Set(['sub', '/sub', 'sup', '/sup', 'i', '/i', 'em', '/em', 'b', '/b', 'strong', '/strong']);

const LETTER = /\p{L}/u;

/** Per ASCII code: 1 letter, 2 digit, 3 whitespace, 4 hyphen, 5 markup that glues, 6 special (`\`, `<`, `&`, `~`), 0 break. */
const ASCII_CLASS = new Uint8Array(128);
for (let code = 65; code <= 90; code++) ASCII_CLASS[code] = 1;
for (let code = 97; code <= 122; code++) ASCII_CLASS[code] = 1;
for (let code = 48; code <= 57; code++) ASCII_CLASS[code] = 2;
for (const code of [9, 10, 12, 13, 32]) ASCII_CLASS[code] = 3;
ASCII_CLASS[45] = 4;
for (const ch of '$_^{}') ASCII_CLASS[ch.charCodeAt(0)] = 5;
for (const ch of '\\<&~') ASCII_CLASS[ch.charCodeAt(0)] = 6;

const NON_ASCII_HYPHENS = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0x00ad]);
const NON_ASCII_SPACES = new Set([0xa0, 0x2009, 0x202f, 0x2007, 0x2002, 0x2003]);

function isLetterCode(text: string, index: number, code: number): boolean {
  if (code < 128) return ASCII_CLASS[code] === 1;
  const ch = text[index];
  return !GREEK_BY_CHAR.has(ch) && LETTER.test(ch);
}

/**
 * Splits prose into word tokens for name matching, in one left-to-right pass.
 * Letter runs and digit runs are separate tokens (`H1` → `h`,`1`), so markup between them does not matter;
 * a decimal point between digits stays inside the number (`Kv11.1`).
 */
export function tokenizeStream(text: string, into?: TokenStream): TokenStream {
  const stream = into ?? new TokenStream(text, Math.max(16, text.length >> 2));
  stream.reset(text);
  const length = text.length;
  let gap: Gap = Gap.Break;
  let newlinesInGap = 0;
  let index = 0;
  /** The `)` closing a PubMed-style subscript (`D(2)`, `5-HT(2A)`, `alpha(4)beta(2)`), which glues like markup. */
  let subscriptClose = -1;

  // The rare constructs (`\command`, `<tag>`, `&entity;`) go through these; the hot loop below updates `gap` itself.
  const push = (start: number, end: number, greekKey?: string): void => {
    stream.push(start, end, gap, greekKey);
    gap = Gap.Glue;
    newlinesInGap = 0;
  };
  const widen = (next: Gap): void => {
    if (next > gap) gap = next;
  };

  while (index < length) {
    const code = text.charCodeAt(index);
    const kind = code < 128 ? ASCII_CLASS[code] : 0;

    if (kind === 1 || kind === 2 || (code >= 128 && isLetterCode(text, index, code))) {
      let end = index + 1;
      if (kind === 2) {
        while (end < length) {
          const next = text.charCodeAt(end);
          if (next >= 48 && next <= 57) end++;
          else if (next === 46 && end + 1 < length && text.charCodeAt(end + 1) >= 48 && text.charCodeAt(end + 1) <= 57) end += 2;
          else break;
        }
      } else {
        while (end < length) {
          const next = text.charCodeAt(end);
          if (next < 128 ? ASCII_CLASS[next] !== 1 : !isLetterCode(text, end, next)) break;
          end++;
        }
      }
      stream.push(index, end, gap, undefined);
      gap = Gap.Glue;
      newlinesInGap = 0;
      index = end;
      continue;
    }

    if (kind === 3) {
      const next = code === 10 && ++newlinesInGap >= 2 ? Gap.Break : Gap.Space;
      if (next > gap) gap = next;
      index++;
      continue;
    }

    if (kind === 4) {
      if (Gap.Hyphen > gap) gap = Gap.Hyphen;
      index++;
      continue;
    }

    if (kind === 5) {
      const afterMarker = code === 94 ? footnoteMarkerEnd(text, index + 1) : -1;
      if (afterMarker > 0) {
        // `Escitalopram$^{a}$`, `Duloxetine^a^`: a table footnote mark, not part of the name.
        gap = Gap.Break;
        index = afterMarker;
        continue;
      }
      index++;
      continue;
    }

    if (kind === 6) {
      index = readSpecial(text, index, code, push, widen);
      continue;
    }

    if (code === 40 && gap === Gap.Glue && index > 0 && stream.count > 0 && stream.ends[stream.count - 1] === index && isLetterCode(text, index - 1, text.charCodeAt(index - 1))) {
      // `D(2)` but not `BRD4(1)`, the first bromodomain: a subscript follows a letter.
      const close = pubmedSubscriptClose(text, index);
      if (close > 0) {
        subscriptClose = close;
        index++;
        continue;
      }
    }
    if (code === 41 && index === subscriptClose) {
      index++;
      continue;
    }

    if (code >= 128) {
      const greek = GREEK_BY_CHAR.get(text[index]);
      if (greek) push(index, index + 1, greek);
      else if (NON_ASCII_HYPHENS.has(code)) widen(Gap.Hyphen);
      else if (NON_ASCII_SPACES.has(code)) widen(Gap.Space);
      else widen(Gap.Break);
      index++;
      continue;
    }

    gap = Gap.Break;
    index++;
  }
  return stream;
}

/** `(2)`, `(2A)`, `(1B)` right after a name, as PubMed writes subscripts: the index of its `)`, or -1. */
function pubmedSubscriptClose(text: string, open: number): number {
  let position = open + 1;
  const digitsStart = position;
  while (position < text.length && position - digitsStart < 2 && text.charCodeAt(position) >= 48 && text.charCodeAt(position) <= 57) position++;
  if (position === digitsStart) return -1;
  const letter = text.charCodeAt(position);
  if ((letter >= 65 && letter <= 90) || (letter >= 97 && letter <= 122)) position++;
  return text.charCodeAt(position) === 41 ? position : -1;
}

/**
 * After a `^` at `index - 1`: the end of a footnote mark (`{a}`, `a`, `{*}`, `*`, a lone lower-case letter or star
 * followed by a closing `}`, `$`, `^` or a non-letter), or -1. Superscripts that belong to names (`2+`, `+`) are not marks.
 */
function footnoteMarkerEnd(text: string, index: number): number {
  let position = index;
  const braced = text.charCodeAt(position) === 123; // {
  if (braced) position++;
  const mark = text.charCodeAt(position);
  if (!((mark >= 97 && mark <= 122) || mark === 42)) return -1;
  position++;
  if (braced) return text.charCodeAt(position) === 125 ? position + 1 : -1;
  const next = text.charCodeAt(position);
  return Number.isNaN(next) || !((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) ? position : -1;
}

type Push = (start: number, end: number, greekKey?: string) => void;
type Widen = (gap: Gap) => void;

/** `\command`, `<tag>`, `&entity;` and `~`; returns the index after what was read. */
function readSpecial(text: string, index: number, code: number, push: Push, widen: Widen): number {
  if (code === 126) {
    widen(Gap.Space);
    return index + 1;
  }
  if (code === 92) return readLatexCommand(text, index, push, widen);
  if (code === 60) {
    const close = text.indexOf('>', index + 1);
    if (close > index && close - index <= 8 && HTML_GLUE_TAGS.has(text.slice(index + 1, close).trim().toLowerCase())) return close + 1;
    widen(Gap.Break);
    return index + 1;
  }
  const semicolon = text.indexOf(';', index + 1);
  if (semicolon > index && semicolon - index <= 10) {
    const entity = text.slice(index + 1, semicolon).toLowerCase();
    if (GREEK_WORDS.has(entity)) {
      push(index, semicolon + 1, entity);
      return semicolon + 1;
    }
    if (entity === 'nbsp' || entity === 'thinsp') {
      widen(Gap.Space);
      return semicolon + 1;
    }
  }
  widen(Gap.Break);
  return index + 1;
}

function readLatexCommand(text: string, backslash: number, push: Push, widen: Widen): number {
  let end = backslash + 1;
  while (end < text.length && ASCII_CLASS[text.charCodeAt(end)] === 1) end++;
  if (end === backslash + 1) {
    const symbol = text[backslash + 1] ?? '';
    if (SPACE_LATEX_COMMANDS.has(symbol)) widen(Gap.Space);
    else if (symbol !== '-' && symbol !== '/') widen(Gap.Break);
    return Math.min(text.length, backslash + 2);
  }
  const name = text.slice(backslash + 1, end);
  const greek = greekWordOfLatexCommand(name);
  if (greek) {
    push(backslash, end, greek);
    return text[end] === '{' && text[end + 1] === '}' ? end + 2 : end;
  }
  if (TRANSPARENT_LATEX_COMMANDS.has(name)) return end;
  widen(SPACE_LATEX_COMMANDS.has(name) ? Gap.Space : Gap.Break);
  return end;
}

/** A small text (a name from the knowledge base) as its keys and surfaces. */
export interface NameTokens {
  keys: string[];
  surfaces: string[];
  /** Punctuation between two of its words: such a name cannot be matched as one term. */
  hasInnerBreak: boolean;
}

const nameStream = new TokenStream('', 64);

export function tokenizeName(name: string): NameTokens {
  const stream = tokenizeStream(name, nameStream);
  const keys = Array.from({ length: stream.count }, (_, index) => stream.key(index));
  const surfaces = keys.map((_, index) => stream.surface(index));
  let hasInnerBreak = false;
  for (let index = 1; index < stream.count; index++) if (stream.gaps[index] === Gap.Break) hasInnerBreak = true;
  return { keys, surfaces, hasInnerBreak };
}
