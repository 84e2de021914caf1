import type { KnowledgeBase } from '../kb/types';
import { tokenize, type Token } from './tokenize';

export type EntityKind = 'compound' | 'target';

export interface EntityRef {
  kind: EntityKind;
  id: string;
}

/**
 * `any-case`: lower-case or capitalized words (`amitriptyline`, `Serotonin transporter`) match in any case.
 * `exact`: acronyms and symbols (`NET`, `H1`, `hERG`, `Slc6a4`) match only as written, or in capitals when long enough (`HERG`).
 */
type CaseMode = 'any-case' | 'exact';

/** Lower number wins when two entities claim the same written form. */
const enum Priority {
  PreferredName = 0,
  Symbol = 1,
  CompoundName = 2,
  Synonym = 3,
}

interface NameEntry {
  entity: EntityRef;
  surfaces: string[];
  caseMode: CaseMode;
  priority: Priority;
  ambiguous: boolean;
}

interface TrieNode {
  children: Map<string, TrieNode>;
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

function caseModeOf(name: string): CaseMode {
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters.length < MIN_ANY_CASE_LETTERS) return 'exact';
  const firstWord = name.split(/[\s-]/)[0];
  const rest = name.slice(1);
  const onlyInitialCapital = rest === rest.toLowerCase() && /^\p{L}/u.test(firstWord) && firstWord.length >= MIN_ANY_CASE_LETTERS;
  if (name === name.toLowerCase() || onlyInitialCapital) {
    return /\d/.test(name) && letters.length < 6 ? 'exact' : 'any-case';
  }
  return 'exact';
}

function pluralVariant(tokens: Token[]): Token[] | undefined {
  const last = tokens[tokens.length - 1];
  if (!/^[a-z]{4,}$/.test(last.surface) || last.surface.endsWith('s')) return undefined;
  return [...tokens.slice(0, -1), { ...last, key: `${last.key}s`, surface: `${last.surface}s` }];
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
  const trimmed = text.trim();
  if (trimmed.length < 2 || trimmed.length > 60 || DESCRIPTIVE_NAME.test(trimmed)) return false;
  if (stopNames.has(trimmed.toLowerCase())) return false;
  if (trimmed.length === 2 && !/\d/.test(trimmed)) return false;
  return true;
}

function sameEntity(a: EntityRef, b: EntityRef): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/** Compiles every name in the knowledge base into a token trie; built once per knowledge base. */
export function buildDictionary(kb: KnowledgeBase, options: DictionaryOptions = {}): Dictionary {
  const stopNames = new Set([...(options.stopNames ?? []), ...kb.stopNames].map((name) => name.toLowerCase()));
  const root: TrieNode = { children: new Map() };
  let nameCount = 0;

  const insert = (tokens: Token[], entry: Omit<NameEntry, 'surfaces' | 'ambiguous'>): void => {
    let node = root;
    for (const token of tokens) {
      let child = node.children.get(token.key);
      if (!child) {
        child = { children: new Map() };
        node.children.set(token.key, child);
      }
      node = child;
    }
    const surfaces = tokens.map((token) => token.surface);
    const entries = (node.entries ??= []);
    const clash = entries.find((existing) => existing.caseMode === entry.caseMode && sameSurfaces(existing, surfaces, entry.caseMode));
    if (!clash) {
      entries.push({ ...entry, surfaces, ambiguous: false });
      nameCount++;
      return;
    }
    if (sameEntity(clash.entity, entry.entity)) {
      clash.priority = Math.min(clash.priority, entry.priority);
    } else if (entry.priority < clash.priority) {
      Object.assign(clash, { entity: entry.entity, priority: entry.priority, ambiguous: false });
    } else if (entry.priority === clash.priority) {
      clash.ambiguous = true;
    }
  };

  for (const candidate of candidateNames(kb)) {
    if (!isAcceptableName(candidate.text, stopNames)) continue;
    const tokens = tokenize(candidate.text);
    if (tokens.length === 0 || tokens.some((token, index) => index > 0 && token.gapBefore === 'break')) continue;
    const caseMode = caseModeOf(candidate.text);
    insert(tokens, { entity: candidate.entity, caseMode, priority: candidate.priority });
    const plural = pluralVariant(tokens);
    if (plural) insert(plural, { entity: candidate.entity, caseMode, priority: candidate.priority });
  }
  return { root, nameCount };
}

function sameSurfaces(entry: NameEntry, surfaces: string[], caseMode: CaseMode): boolean {
  if (caseMode === 'any-case') return true;
  return entry.surfaces.length === surfaces.length && entry.surfaces.every((surface, index) => surface === surfaces[index]);
}

/** The entry that the written tokens select at a trie node, honouring case rules; undefined if none applies. */
export function entryFor(node: TrieNode, written: Token[]): NameEntry | undefined {
  if (!node.entries) return undefined;
  let best: NameEntry | undefined;
  for (const entry of node.entries) {
    if (entry.ambiguous || !caseMatches(entry, written)) continue;
    if (!best || entry.priority < best.priority || (entry.caseMode === 'exact' && best.caseMode === 'any-case')) best = entry;
  }
  return best;
}

function caseMatches(entry: NameEntry, written: Token[]): boolean {
  if (entry.caseMode === 'any-case') return true;
  if (entry.surfaces.every((surface, index) => tokenCaseMatches(surface, written[index].surface))) return true;
  const letterCount = entry.surfaces.join('').replace(/[^\p{L}]/gu, '').length;
  return letterCount >= MIN_CAPITALS_VARIANT_LETTERS && written.every((token) => token.surface === token.surface.toUpperCase());
}

/** Inside a name with capitals (`histamine H1 receptor`), its long lower-case words still match in any case (`Histamine`). */
function tokenCaseMatches(nameSurface: string, writtenSurface: string): boolean {
  if (nameSurface === writtenSurface) return true;
  return nameSurface.length >= MIN_ANY_CASE_LETTERS && nameSurface === nameSurface.toLowerCase() && nameSurface === writtenSurface.toLowerCase();
}

export type { TrieNode, NameEntry };
