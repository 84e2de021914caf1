import { MIN_ANY_CASE_LETTERS, nameFromLine, TOKEN_SEPARATOR, type CaseMode, type CompiledName, type EntityKind } from './names';
import { hashKey } from './tokenize';

export type { EntityKind } from './names';

export interface EntityRef {
  kind: EntityKind;
  id: string;
}

export interface NameEntry {
  entity: EntityRef;
  surfaces: string[];
  caseMode: CaseMode;
  priority: number;
  ambiguous: boolean;
  letterCount: number;
}

export interface TrieNode {
  /** Absent on leaves, which are most nodes. */
  children?: Map<string, TrieNode>;
  entries?: NameEntry[];
}

/** The matcher's view of the names: the trie node reached by a first token, if any name starts with it. */
export interface Dictionary {
  /** False when no name starts with a token of this hash (see `hashKey`): the token's key need not be made. */
  mayStart(hash: number): boolean;
  first(key: string): TrieNode | undefined;
  readonly nameCount: number;
}

const FILTER_BITS = 1 << 20;

/** A Bloom filter over the first tokens of all names: two probes in a million bits, ~0.2% false positives for 25k words. */
function firstTokenFilter(keys: Iterable<string>): (hash: number) => boolean {
  const bits = new Uint32Array(FILTER_BITS >>> 5);
  const probes = (hash: number): [number, number] => [hash & (FILTER_BITS - 1), Math.imul(hash, 0x9e3779b1) >>> 12];
  for (const key of keys) {
    for (const bit of probes(hashKey(key))) bits[bit >>> 5] |= 1 << (bit & 31);
  }
  return (hash) => {
    const first = hash & (FILTER_BITS - 1);
    const second = Math.imul(hash, 0x9e3779b1) >>> 12;
    return (bits[first >>> 5] & (1 << (first & 31))) !== 0 && (bits[second >>> 5] & (1 << (second & 31))) !== 0;
  };
}

const MIN_CAPITALS_VARIANT_LETTERS = 4;

function sameSurfaces(entry: NameEntry, name: CompiledName): boolean {
  if (name.caseMode === 'any-case') return true;
  return entry.surfaces.length === name.surfaces.length && entry.surfaces.every((surface, index) => surface === name.surfaces[index]);
}

function nodeFor(start: TrieNode, keys: readonly string[], from: number): TrieNode {
  let node = start;
  for (let index = from; index < keys.length; index++) {
    node.children ??= new Map();
    let child = node.children.get(keys[index]);
    if (!child) {
      child = {};
      node.children.set(keys[index], child);
    }
    node = child;
  }
  return node;
}

/**
 * Adds a name below `start` (the node of its first `from` tokens); when another entity already claims the same written
 * form, the higher priority wins and a tie makes both unusable.
 */
function insert(start: TrieNode, name: CompiledName, from: number): void {
  const node = nodeFor(start, name.keys, from);
  const entries = (node.entries ??= []);
  const clash = entries.find((existing) => existing.caseMode === name.caseMode && sameSurfaces(existing, name));
  if (!clash) {
    const { surfaces, caseMode, priority, letterCount } = name;
    entries.push({ entity: { kind: name.kind, id: name.id }, surfaces, caseMode, priority, ambiguous: false, letterCount });
  } else if (clash.entity.kind === name.kind && clash.entity.id === name.id) {
    clash.priority = Math.min(clash.priority, name.priority);
  } else if (name.priority < clash.priority) {
    Object.assign(clash, { entity: { kind: name.kind, id: name.id }, priority: name.priority, ambiguous: false });
  } else if (name.priority === clash.priority) {
    clash.ambiguous = true;
  }
}

/** A trie built at once from compiled names (tests, and names compiled at run time). */
export function buildDictionary(names: readonly CompiledName[]): Dictionary {
  const root: TrieNode = {};
  for (const name of names) insert(root, name, 0);
  return { mayStart: firstTokenFilter(root.children?.keys() ?? []), first: (key) => root.children?.get(key), nameCount: names.length };
}

/**
 * A trie over the build's names text (`names.txt`), grown on demand: start-up reads only each block's first token;
 * the block of names starting with a word is parsed the first time a document contains that word.
 */
export function lazyDictionary(namesText: string, extraNames: readonly CompiledName[] = []): Dictionary {
  const blocks = new Map<string, { start: number; end: number }>();
  let nameCount = 0;
  let lineStart = 0;
  while (lineStart < namesText.length) {
    let lineEnd = namesText.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = namesText.length;
    let keyEnd = lineStart;
    while (keyEnd < lineEnd && namesText[keyEnd] !== TOKEN_SEPARATOR && namesText[keyEnd] !== '\t') keyEnd++;
    const key = namesText.slice(lineStart, keyEnd);
    const block = blocks.get(key);
    if (block) block.end = lineEnd;
    else blocks.set(key, { start: lineStart, end: lineEnd });
    nameCount++;
    lineStart = lineEnd + 1;
  }
  const extraByFirstKey = new Map<string, CompiledName[]>();
  for (const name of extraNames) {
    const list = extraByFirstKey.get(name.keys[0]);
    if (list) list.push(name);
    else extraByFirstKey.set(name.keys[0], [name]);
  }
  const grown = new Map<string, TrieNode | undefined>();
  const grow = (key: string): TrieNode | undefined => {
    const block = blocks.get(key);
    const extra = extraByFirstKey.get(key);
    if (!block && !extra) return undefined;
    const node: TrieNode = {};
    if (block) for (const line of namesText.slice(block.start, block.end).split('\n')) insert(node, nameFromLine(line), 1);
    for (const name of extra ?? []) insert(node, name, 1);
    return node;
  };
  return {
    mayStart: firstTokenFilter([...blocks.keys(), ...extraByFirstKey.keys()]),
    first(key) {
      if (grown.has(key)) return grown.get(key);
      const node = grow(key);
      grown.set(key, node);
      return node;
    },
    nameCount: nameCount + extraNames.length,
  };
}

/** Inside a name with capitals (`histamine H1 receptor`), its long lower-case words still match in any case (`Histamine`). */
function tokenCaseMatches(nameSurface: string, writtenSurface: string): boolean {
  if (nameSurface === writtenSurface) return true;
  return nameSurface.length >= MIN_ANY_CASE_LETTERS && nameSurface === nameSurface.toLowerCase() && nameSurface === writtenSurface.toLowerCase();
}

function caseMatches(entry: NameEntry, written: readonly string[]): boolean {
  if (entry.caseMode === 'any-case') return true;
  if (entry.surfaces.every((surface, index) => tokenCaseMatches(surface, written[index]))) return true;
  return entry.letterCount >= MIN_CAPITALS_VARIANT_LETTERS && written.every((surface) => surface === surface.toUpperCase());
}

/** The entry that the written token surfaces select at a trie node, honouring case rules; undefined if none applies. */
export function entryFor(node: TrieNode, written: () => readonly string[]): NameEntry | undefined {
  if (!node.entries) return undefined;
  let best: NameEntry | undefined;
  let surfaces: readonly string[] | undefined;
  for (const entry of node.entries) {
    if (entry.ambiguous) continue;
    if (entry.caseMode === 'exact' && !caseMatches(entry, (surfaces ??= written()))) continue;
    if (!best || entry.priority < best.priority || (entry.caseMode === 'exact' && best.caseMode === 'any-case')) best = entry;
  }
  return best;
}
