import { firstStartingAt, type Mention } from '../recognize/recognize';
import type { Span } from '../scan/types';
import { isAsciiLetter, isBlank, isWordChar, startsWordAt } from './chars';
import { readMeasureAt, type MeasureLabel } from './measure';
import { readRelationAt, type RelationRead } from './relation';
import { readValueList, startsValueAt, type ReadOptions, type ValueItem } from './value';
import { firstEndingAfter } from '../spans';

/** What the extractor needs to see of prose: names, measures, relations, values, and the words and marks between them. */
export type Token =
  | { kind: 'mention'; start: number; end: number; mention: Mention }
  | { kind: 'measure'; start: number; end: number; label: MeasureLabel }
  | { kind: 'relation'; start: number; end: number; read: RelationRead }
  | { kind: 'values'; start: number; end: number; items: ValueItem[] }
  | { kind: 'word'; start: number; end: number; word: string; radioligand?: Mention; otherCompound?: boolean }
  | { kind: 'punct'; start: number; end: number; mark: string };

export interface TokenSink {
  token(token: Token): void;
  sentenceEnd(): void;
  /** `section`: a heading, after which a pronoun no longer refers to the last paragraph's compound; `at`: where the paragraph ended. */
  paragraphEnd(section: boolean, at: number): void;
}

/** Abbreviations whose period does not end a sentence. */
const abbreviations = new Set(['al', 'e.g', 'i.e', 'eg', 'ie', 'fig', 'figs', 'ref', 'refs', 'vs', 'ca', 'approx', 'no', 'eq', 'eqs', 'cf', 'resp', 'sect', 'tab', 'dr', 'mr', 'st', 'etc', 'p']);
/** LaTeX commands that start a new sentence (or paragraph, for sectioning). */
const sectioningCommands = new Set(['section', 'subsection', 'subsubsection', 'paragraph', 'chapter', 'par', 'begin', 'end']);
const sentenceCommands = new Set(['item', 'caption', 'footnote', 'newline', '\\']);
const punctuationMarks = ',;:()[]';

/**
 * Splits `text` (or its `range`) into tokens, skipping `excluded` spans (tables); `mentions` sorted by start. Linear in
 * the range.
 */
export function lexProse(
  text: string,
  mentions: readonly Mention[],
  excluded: readonly Span[],
  options: ReadOptions & { original?: string; range?: Span },
  sink: TokenSink,
): void {
  const original = options.original ?? text;
  const rangeEnd = options.range?.end ?? text.length;
  let index = options.range?.start ?? 0;
  let mentionIndex = firstEndingAfter(mentions, index);
  let excludedIndex = 0;
  let lastWord = '';
  while (index < rangeEnd) {
    while (excludedIndex < excluded.length && excluded[excludedIndex].end <= index) excludedIndex++;
    if (excludedIndex < excluded.length && excluded[excludedIndex].start <= index) {
      sink.paragraphEnd(false, index);
      index = excluded[excludedIndex].end;
      continue;
    }
    while (mentionIndex < mentions.length && mentions[mentionIndex].start < index) mentionIndex++;
    const mention = mentions[mentionIndex];
    if (mention && mention.start === index) {
      const token = mentionToken(original, mention);
      sink.token(token);
      lastWord = '';
      index = token.end;
      continue;
    }
    const code = text.charCodeAt(index);
    if (code === 10) {
      // A title line is a heading: its names are not the subject of the text under it (the heading finder judges them).
      if (!options.tieIsSpace && endsTitleLine(text, index)) sink.paragraphEnd(true, index);
      index = afterNewline(text, index, sink, options);
      if (startsParagraphAt(text, index)) {
        const skippedTo = skipParagraphWithoutNumbers(text, original, index, rangeEnd, mentions, sink);
        if (skippedTo > index) lastWord = '';
        index = skippedTo;
      }
      continue;
    }
    if (isBlank(code)) {
      index++;
      continue;
    }
    const atWordStart = startsWordAt(text, index);
    if (atWordStart || code === 92) {
      const label = readMeasureAt(text, index);
      if (label) {
        sink.token({ kind: 'measure', start: label.start, end: label.end, label });
        lastWord = '';
        index = label.end;
        continue;
      }
    }
    if ((atWordStart || code === 92) && startsValueAt(text, index)) {
      const limit = mention ? Math.min(mention.start, rangeEnd) : rangeEnd;
      const items = readValueList(text, index, options).filter((item) => item.end <= limit);
      if (items.length > 0) {
        const end = items[items.length - 1].end;
        sink.token({ kind: 'values', start: index, end, items });
        lastWord = '';
        index = end;
        continue;
      }
    }
    const relation = readRelationAt(text, index, options.tieIsSpace);
    if (relation) {
      sink.token({ kind: 'relation', start: relation.start, end: relation.end, read: relation });
      lastWord = '';
      index = relation.end;
      continue;
    }
    if (isWordChar(code)) {
      let end = index + 1;
      // A name may start inside a word (`h5-HT2C`, the human clone): the word ends where the name begins.
      const wordLimit = mention ? mention.start : text.length;
      while (end < wordLimit && isWordChar(text.charCodeAt(end))) end++;
      while (text.charCodeAt(end) === 46 && isWordChar(text.charCodeAt(end + 1)) && !isWordChar(text.charCodeAt(end + 2))) end += 2; // e.g, i.e
      lastWord = text.slice(index, end).toLowerCase();
      sink.token({ kind: 'word', start: index, end, word: lastWord });
      index = end;
      continue;
    }
    if (code === 92) {
      index = afterCommand(text, index, sink);
      continue;
    }
    if (code === 46 || code === 33 || code === 63) {
      if (endsSentenceAt(text, index, lastWord)) sink.sentenceEnd();
      lastWord = '';
      index++;
      continue;
    }
    if (punctuationMarks.includes(text[index])) {
      sink.token({ kind: 'punct', start: index, end: index + 1, mark: text[index] });
      if (code === 59) lastWord = '';
    }
    index++;
  }
  sink.paragraphEnd(false, rangeEnd);
}


/** `index` is the first character of a line that follows a blank line. */
function startsParagraphAt(text: string, index: number): boolean {
  if (index >= text.length || text.charCodeAt(index) === 10) return false;
  const newline = text.lastIndexOf('\n', index - 1);
  if (newline < 0) return false;
  for (let position = newline - 1; position >= 0; position--) {
    const code = text.charCodeAt(position);
    if (code === 10) return true;
    if (!isBlank(code)) return false;
  }
  return true;
}

/**
 * Most of a manuscript is prose without a single digit, and a statement needs a number: such a paragraph only
 * passes its names on (for the paragraph-subject rule) and is not read character by character. Paragraphs with
 * commands, headings or table rows are read in full, since those end paragraphs or sentences on their own.
 */
function skipParagraphWithoutNumbers(text: string, original: string, start: number, rangeEnd: number, mentions: readonly Mention[], sink: TokenSink): number {
  const blankLine = text.indexOf('\n\n', start);
  const end = blankLine < 0 || blankLine > rangeEnd ? rangeEnd : blankLine;
  for (let position = start; position < end; position++) {
    const code = text.charCodeAt(position);
    if ((code >= 48 && code <= 57) || code === 92) return start;
    const lineStart = position === start || text.charCodeAt(position - 1) === 10;
    if (lineStart && (code === 35 || code === 124)) return start;
  }
  for (let index = firstStartingAt(mentions, start); index < mentions.length && mentions[index].end <= end; index++) {
    sink.token(mentionToken(original, mentions[index]));
  }
  return end;
}

const TITLE_LAST_WORD = /(?:^|[\s(])(?:of|the|a|an|and|or|with|than|to|for|in|at|by|from|on|as|is|was|were|are|that|which|its|their)\s*$/i;

/**
 * A title line above the text it names, with no blank line between (`Sigma-2 Binding Contrasts with Haloperidol's
 * Profile` over an abstract): the first line of its paragraph, short, with no closing punctuation, followed by a line
 * starting in capitals. Its names are not the next sentence's.
 */
export function endsTitleLine(text: string, newline: number): boolean {
  const lineStart = text.lastIndexOf('\n', newline - 1) + 1;
  if (lineStart > 0 && !(lineStart === 1 || text.charCodeAt(lineStart - 2) === 10 || text.charCodeAt(text.lastIndexOf('\n', lineStart - 2) + 1) === 35)) return false;
  const line = text.slice(lineStart, newline).trimEnd();
  if (line.length < 12 || line.length > 200 || /[.,;:!?|]$/.test(line) || line.startsWith('#') || line.startsWith('|') || TITLE_LAST_WORD.test(line)) return false;
  const next = text.charCodeAt(newline + 1);
  return (next >= 65 && next <= 90) || (next >= 48 && next <= 57);
}

/** A blank line ends a paragraph; a Markdown heading line starts one. */
function afterNewline(text: string, index: number, sink: TokenSink, options: ReadOptions): number {
  let position = index + 1;
  while (position < text.length && isBlank(text.charCodeAt(position)) && text.charCodeAt(position) !== 10) position++;
  const next = text.charCodeAt(position);
  if (next === 10 || position >= text.length) sink.paragraphEnd(false, index);
  else if (!options.tieIsSpace && (next === 35 || next === 124)) sink.paragraphEnd(next === 35, index);
  return position;
}

function afterCommand(text: string, index: number, sink: TokenSink): number {
  let end = index + 1;
  while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
  if (end === index + 1) end++;
  const name = text.slice(index + 1, end);
  if (sectioningCommands.has(name)) sink.paragraphEnd(name !== 'par' && name !== 'begin' && name !== 'end', index);
  else if (sentenceCommands.has(name)) sink.sentenceEnd();
  return end;
}

/** `sertraline.[1] DMS is …`, `[1][2]`, `^12^`: reference marks after a full stop. */
const REFERENCE_MARKS = /^(?:\[\d+(?:[,–-]\s?\d+)*\]|\^\d+(?:[,–-]\d+)*\^)+(?=\s|$)/;

function endsSentenceAt(text: string, index: number, lastWord: string): boolean {
  const after = text.charCodeAt(index + 1);
  if (index + 1 < text.length && !isBlank(after) && after !== 41 && after !== 34 && after !== 39 && after !== 42) {
    const marks = REFERENCE_MARKS.exec(text.slice(index + 1, index + 40));
    if (!marks) return false;
    return endsSentenceAt(text, index + marks[0].length, lastWord);
  }
  // A single letter before the stop is an initial (`J. Smith`), unless it is the unit after a number (`10(-4) M.`).
  if (abbreviations.has(lastWord) || (lastWord.length === 1 && isAsciiLetter(lastWord.charCodeAt(0)) && !/[\d)]\s*$/.test(text.slice(Math.max(0, index - 8), index - 1)))) return false;
  let position = index + 1;
  while (position < text.length && (isBlank(text.charCodeAt(position)) || text.charCodeAt(position) === 41)) position++;
  if (position >= text.length) return true;
  const next = text[position];
  return next !== next.toLowerCase() || !isWordChar(text.charCodeAt(position)) || /\d/.test(next);
}

/**
 * A radiolabel right before the name: `[3H]paroxetine`, `[^3H]`, `[$^{3}$H]`, `[<sup>125</sup>I]`, `[³H]`, `3H-`.
 * Read in the original text: a scanner masks `[^3^H]` as a footnote mark.
 */
const RADIOLABEL_BEFORE = /(?:\[\s*(?:\^|\$\s*\^\s*\{?|<sup>|\\textsuperscript\{)?\s*(?:3|11|14|18|32|35|125|131)\s*(?:\}?\s*\$|<\/sup>|\}|\^)?\s*[HCFPSI]\s*\]|[³¹²⁵⁸⁴]+[HCFPSI](?:\]|-)?|\b(?:3H|125I|14C)-)\s*$/;

/** `buprenorphine-3-glucuronide`, `morphine-6-β-D-glucuronide`, `clozapine N-oxide`: a conjugate named after its parent. */
const DERIVATIVE_AFTER = /^(?:-?\d*['′]?-?(?:[αβ]-D-)?(?:glucuronide|sulfate|sulphate|glucoside)|[- ]N-oxide)\b/i;
/** `O-desmethyl-tramadol`, `nor-fluoxetine`, `7-hydroxy-mitragynine`: a metabolite named after its parent. */
const DERIVATIVE_BEFORE = /(?:\b(?:nor|des|desmethyl|demethyl|didesmethyl|desethyl|hydroxy|dihydro|(?:[NO],)?[NO]-(?:di|tri)?desmethyl|\d+-hydroxy))-$/i;

/**
 * Where a compound's name is part of another compound's (a conjugate or metabolite of it), the end of that name; the
 * value written with it is that other compound's, which the dictionary does not know.
 */
function derivedNameEnd(text: string, mention: Mention): number | undefined {
  if (mention.kind !== 'compound') return undefined;
  const after = DERIVATIVE_AFTER.exec(text.slice(mention.end, mention.end + 30));
  if (after) return mention.end + after[0].length;
  return DERIVATIVE_BEFORE.test(text.slice(Math.max(0, mention.start - 20), mention.start)) ? mention.end : undefined;
}

/** The 20 characters before a compound name say it is the radioligand of a binding assay, not the compound tested. */
function isRadioligand(text: string, mention: Mention): boolean {
  if (mention.kind !== 'compound') return false;
  return RADIOLABEL_BEFORE.test(text.slice(Math.max(0, mention.start - 24), mention.start));
}

/**
 * A name as a token; a radioligand (`[3H]paroxetine binding`) is a word, so no value is tied to it but its own Kd
 * (saturation binding).
 */
function mentionToken(text: string, mention: Mention): Token {
  if (isRadioligand(text, mention)) return { kind: 'word', start: mention.start, end: mention.end, word: 'radioligand', radioligand: mention };
  const derived = derivedNameEnd(text, mention);
  if (derived !== undefined) return { kind: 'word', start: mention.start, end: derived, word: 'compound', otherCompound: true };
  return { kind: 'mention', start: mention.start, end: mention.end, mention };
}
