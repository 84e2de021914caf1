import type { KnowledgeBase } from '../kb/types';
import { tokenizeName, type NameTokens } from './tokenize';

export type EntityKind = 'compound' | 'target';

export interface EntityRef {
  kind: EntityKind;
  id: string;
}

/**
 * `any-case`: lower-case or capitalized words (`amitriptyline`, `Serotonin transporter`) match in any case.
 * `exact`: acronyms and symbols (`NET`, `H1`, `hERG`, `Slc6a4`) match as written — their long lower-case words in any
 * case (`Histamine H1 receptor`) — or in capitals when long enough (`HERG`).
 */
type CaseMode = 'any-case' | 'exact';

/** Lower number wins when two entities claim the same written form. */
const enum Priority {
  PreferredName = 0,
  Symbol = 1,
  CompoundName = 2,
  Synonym = 3,
}

export interface NameEntry {
  entity: EntityRef;
  surfaces: string[];
  caseMode: CaseMode;
  priority: Priority;
  ambiguous: boolean;
  /** Letters in the name: a name of four or more may also be written in capitals. */
  letterCount: number;
}

export interface TrieNode {
  /** Absent on leaves, which are most nodes. */
  children?: Map<string, TrieNode>;
  entries?: NameEntry[];
}

export interface Dictionary {
  readonly root: TrieNode;
  readonly nameCount: number;
}

const MIN_ANY_CASE_LETTERS = 4;
const MIN_CAPITALS_VARIANT_LETTERS = 4;

/** Characters that tell a written name is a description (`solute carrier family 6 (…), member 4`), not a term a writer types. */
const DESCRIPTIVE_NAME = /[(),;:[\]/+=*"']/;

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

function caseModeOf(name: string, tokens: NameTokens): CaseMode {
  let letters = 0;
  let capitalsAfterFirst = false;
  let hasDigit = false;
  for (let index = 0; index < name.length; index++) {
    const ch = name[index];
    if (ch >= '0' && ch <= '9') hasDigit = true;
    else if (ch.toLowerCase() !== ch.toUpperCase()) {
      letters++;
      if (index > 0 && isUpper(ch)) capitalsAfterFirst = true;
    }
  }
  if (letters < MIN_ANY_CASE_LETTERS || capitalsAfterFirst) return 'exact';
  if (isUpper(name[0]) && tokens.keys[0].length < MIN_ANY_CASE_LETTERS) return 'exact';
  return hasDigit && letters < 6 ? 'exact' : 'any-case';
}

function countLetters(surfaces: string[]): number {
  let letters = 0;
  for (const surface of surfaces) for (const ch of surface) if (ch.toLowerCase() !== ch.toUpperCase()) letters++;
  return letters;
}

function pluralVariant(tokens: NameTokens): NameTokens | undefined {
  const last = tokens.surfaces[tokens.surfaces.length - 1];
  if (last.length < 4 || last.endsWith('s') || !/^[a-z]+$/.test(last)) return undefined;
  return {
    keys: [...tokens.keys.slice(0, -1), `${last}s`],
    surfaces: [...tokens.surfaces.slice(0, -1), `${last}s`],
    hasInnerBreak: tokens.hasInnerBreak,
  };
}

export interface DictionaryOptions {
  /** Lower-case names that must never be recognized (common words, ions…). */
  stopNames?: Iterable<string>;
}

interface CandidateName {
  text: string;
  entity: EntityRef;
  priority: Priority;
}

function* candidateNames(kb: KnowledgeBase): Generator<CandidateName> {
  for (const target of kb.targets) {
    const entity: EntityRef = { kind: 'target', id: target.id };
    yield { text: target.name, entity, priority: Priority.PreferredName };
    if (target.abbreviation) yield { text: target.abbreviation, entity, priority: Priority.PreferredName };
    for (const gene of [target.genes.human, target.genes.rat, target.genes.mouse]) {
      if (gene) yield { text: gene, entity, priority: Priority.Symbol };
    }
    for (const synonym of target.synonyms) yield { text: synonym, entity, priority: Priority.Synonym };
  }
  for (const compound of kb.compounds) {
    const entity: EntityRef = { kind: 'compound', id: compound.id };
    yield { text: compound.name, entity, priority: Priority.CompoundName };
    for (const brand of compound.brandNames ?? []) yield { text: brand, entity, priority: Priority.CompoundName };
    for (const synonym of compound.synonyms) yield { text: synonym, entity, priority: Priority.Synonym };
  }
}

function isAcceptableName(text: string, stopNames: ReadonlySet<string>): boolean {
  if (text.length < 2 || text.length > 60 || DESCRIPTIVE_NAME.test(text)) return false;
  if (stopNames.has(text.toLowerCase())) return false;
  if (text.length === 2 && !/\d/.test(text)) return false;
  return true;
}

function sameEntity(a: EntityRef, b: EntityRef): boolean {
  return a.kind === b.kind && a.id === b.id;
}

function sameSurfaces(entry: NameEntry, surfaces: string[], caseMode: CaseMode): boolean {
  if (caseMode === 'any-case') return true;
  return entry.surfaces.length === surfaces.length && entry.surfaces.every((surface, index) => surface === surfaces[index]);
}

function insert(root: TrieNode, tokens: NameTokens, entity: EntityRef, caseMode: CaseMode, priority: Priority): boolean {
  let node = root;
  for (const key of tokens.keys) {
    node.children ??= new Map();
    let child = node.children.get(key);
    if (!child) {
      child = {};
      node.children.set(key, child);
    }
    node = child;
  }
  const entries = (node.entries ??= []);
  const clash = entries.find((existing) => existing.caseMode === caseMode && sameSurfaces(existing, tokens.surfaces, caseMode));
  if (!clash) {
    const exact = caseMode === 'exact';
    entries.push({ entity, surfaces: exact ? tokens.surfaces : [], caseMode, priority, ambiguous: false, letterCount: exact ? countLetters(tokens.surfaces) : 0 });
    return true;
  }
  if (sameEntity(clash.entity, entity)) {
    clash.priority = Math.min(clash.priority, priority);
  } else if (priority < clash.priority) {
    Object.assign(clash, { entity, priority, ambiguous: false });
  } else if (priority === clash.priority) {
    clash.ambiguous = true;
  }
  return false;
}

/** Compiles every name in the knowledge base into a token trie; built once per knowledge base. */
export function buildDictionary(kb: KnowledgeBase, options: DictionaryOptions = {}): Dictionary {
  const stopNames = new Set([...(options.stopNames ?? []), ...kb.stopNames].map((name) => name.toLowerCase()));
  const root: TrieNode = {};
  let nameCount = 0;
  for (const candidate of candidateNames(kb)) {
    const text = candidate.text.trim();
    if (!isAcceptableName(text, stopNames)) continue;
    const tokens = tokenizeName(text);
    if (tokens.keys.length === 0 || tokens.hasInnerBreak) continue;
    const caseMode = caseModeOf(text, tokens);
    if (insert(root, tokens, candidate.entity, caseMode, candidate.priority)) nameCount++;
    const plural = pluralVariant(tokens);
    if (plural) insert(root, plural, candidate.entity, caseMode, candidate.priority);
  }
  return { root, nameCount };
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
