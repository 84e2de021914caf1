import { entryFor, type Dictionary, type EntityKind, type TrieNode } from './dictionary';
import { Gap, tokenizeStream, TokenStream } from './tokenize';
import { itemsWithin } from '../spans';

export interface Mention {
  start: number;
  end: number;
  kind: EntityKind;
  id: string;
  /** The source text of the mention, as written. */
  text: string;
}

/**
 * Finds every known name in `text` (normally the scanner's `masked` text), longest match first, whole words only.
 * Linear in the text: each token starts at most one walk, bounded by the longest name's token count.
 */
/** Reused from call to call: recognition is synchronous and keeps no token after it returns. */
const scratch = new TokenStream('', 1 << 12);

export function recognizeMentions(text: string, dictionary: Dictionary): Mention[] {
  const tokens = tokenizeStream(text, scratch);
  const mentions: Mention[] = [];
  let index = 0;
  while (index < tokens.count) {
    const match = index === 0 || tokens.gaps[index] !== Gap.Glue || afterSpeciesPrefix(tokens, index) ? longestMatchAt(tokens, index, dictionary) : undefined;
    if (!match) {
      index++;
      continue;
    }
    const { start, end } = balanceMarkup(text, tokens.starts[index], tokens.ends[match.endIndex]);
    mentions.push({ start, end, kind: match.kind, id: match.id, text: text.slice(start, end) });
    index = match.endIndex + 1;
  }
  return mentions;
}

/** `h5-HT2C`, `rD2`, `hα2A`: a lower-case h, r or m starting a word marks the human, rat or mouse clone. */
function afterSpeciesPrefix(tokens: TokenStream, index: number): boolean {
  const previous = index - 1;
  if (previous < 0 || tokens.ends[previous] - tokens.starts[previous] !== 1 || (previous > 0 && tokens.gaps[previous] === Gap.Glue)) return false;
  const prefix = tokens.text.charCodeAt(tokens.starts[previous]);
  if (prefix !== 104 && prefix !== 114 && prefix !== 109) return false;
  const first = tokens.text.charCodeAt(tokens.starts[index]);
  return (first >= 48 && first <= 57) || (first >= 65 && first <= 90) || first > 127;
}

function endsWordAt(tokens: TokenStream, index: number): boolean {
  return index + 1 >= tokens.count || tokens.gaps[index + 1] !== Gap.Glue;
}

function longestMatchAt(tokens: TokenStream, startIndex: number, dictionary: Dictionary): { endIndex: number; kind: EntityKind; id: string } | undefined {
  let node: TrieNode | undefined;
  let best: { endIndex: number; kind: EntityKind; id: string } | undefined;
  for (let index = startIndex; index < tokens.count; index++) {
    if (index > startIndex && tokens.gaps[index] === Gap.Break) break;
    if (!node && !dictionary.mayStart(tokens.hashes[index])) break;
    node = node ? node.children?.get(tokens.key(index)) : dictionary.first(tokens.key(index));
    if (!node) break;
    if (node.entries && endsWordAt(tokens, index)) {
      const last = index;
      const entry = entryFor(node, () => surfacesBetween(tokens, startIndex, last));
      if (entry) best = { endIndex: index, kind: entry.entity.kind, id: entry.entity.id };
    }
  }
  return best;
}

function surfacesBetween(tokens: TokenStream, first: number, last: number): string[] {
  const surfaces: string[] = [];
  for (let index = first; index <= last; index++) surfaces.push(tokens.surface(index));
  return surfaces;
}

function count(text: string, start: number, end: number, ch: string): number {
  let n = 0;
  for (let index = start; index < end; index++) if (text[index] === ch) n++;
  return n;
}

/** Widens a mention over the math and brace delimiters it opened or closed, so `A$_{2A}$` is covered whole. */
function balanceMarkup(text: string, start: number, end: number): { start: number; end: number } {
  let openBraces = count(text, start, end, '{') - count(text, start, end, '}');
  while (openBraces > 0 && text[end] === '}') {
    end++;
    openBraces--;
  }
  if (count(text, start, end, '$') % 2 === 1) {
    if (text[end] === '$') end++;
    else if (text[start - 1] === '$') start--;
  }
  if (text.startsWith('</sub>', end) || text.startsWith('</sup>', end)) end += 6;
  // Pandoc's `α~1A~`, `5-HT^2^`: the closing mark of a subscript or superscript the name opened.
  for (const mark of ['~', '^']) if (count(text, start, end, mark) % 2 === 1 && text[end] === mark) end++;
  return { start, end };
}

export { firstStartingAt } from '../spans';

/** The mentions lying wholly inside `span`. */
export function mentionsWithin(mentions: readonly Mention[], span: { start: number; end: number }): Mention[] {
  return itemsWithin(mentions, span);
}

/** The ids of the compounds (or targets) among `mentions`, in order of first mention. */
export function idsMentioned(mentions: readonly Mention[], kind: Mention['kind']): string[] {
  return [...new Set(mentions.filter((mention) => mention.kind === kind).map((mention) => mention.id))];
}
