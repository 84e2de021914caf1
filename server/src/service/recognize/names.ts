import type { KnowledgeBase } from '../kb/types';
import { tokenizeName, type NameTokens } from './tokenize';

export type EntityKind = 'compound' | 'target';

/**
 * `any-case`: lower-case or capitalized words (`amitriptyline`, `Serotonin transporter`) match in any case.
 * `exact`: acronyms and symbols (`NET`, `H1`, `hERG`, `Slc6a4`) match as written — their long lower-case words in any
 * case (`Histamine H1 receptor`) — or in capitals when long enough (`HERG`).
 */
export type CaseMode = 'any-case' | 'exact';

/** Lower number wins when two entities claim the same written form. */
export const enum Priority {
  PreferredName = 0,
  Symbol = 1,
  CompoundName = 2,
  Synonym = 3,
}

/** A name ready for the matcher: what the build computes once, so the server only has to insert it. */
export interface CompiledName {
  keys: string[];
  /** The written token forms; only kept for `exact` names. */
  surfaces: string[];
  caseMode: CaseMode;
  priority: Priority;
  kind: EntityKind;
  id: string;
  /** Letters in the name: a name of four or more may also be written in capitals. */
  letterCount: number;
}

export const MIN_ANY_CASE_LETTERS = 4;

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

/** Capital-letter abbreviations (`SERT`, `DAT`, `VMAT2`) that papers prefix with `h` for the human clone. */
const HUMAN_CLONE_PREFIXABLE = /^(?:[A-Z]{3,5}[0-9]?|[A-Z]{1,2}[0-9]{1,2}[A-Z]?)$/;

/** `Cav3.1` is also written `CaV3.1`, `Nav1.5` as `NaV1.5`, `Kv11.1` as `KV11.1`. */
const VOLTAGE_GATED_CHANNEL = /^(Ca|Na|K)v(\d{1,2}(?:\.\d{1,2})?)$/;

interface CandidateName {
  text: string;
  kind: EntityKind;
  id: string;
  priority: Priority;
}

/**
 * A receptor made of one kind of subunit carries the subunit's name (GtoPdb's `5-HT3A` receptor of `5-HT3A` subunits):
 * the name means the receptor, so the subunit does not claim it too (a tie would leave the name unread).
 */
function namesTakenByTheirReceptor(targets: readonly KnowledgeBase['targets'][number][]): Set<string> {
  const byId = new Map(targets.map((target) => [target.id, target]));
  const taken = new Set<string>();
  for (const target of targets) {
    const only = target.members?.length === 1 ? byId.get(target.members[0]) : undefined;
    if (only && only.name.toLowerCase() === target.name.toLowerCase()) taken.add(only.id);
  }
  return taken;
}

function* candidateNames(kb: Pick<KnowledgeBase, 'targets' | 'compounds'>): Generator<CandidateName> {
  const namedAfterReceptor = namesTakenByTheirReceptor(kb.targets);
  for (const target of kb.targets) {
    const entity = { kind: 'target' as const, id: target.id };
    if (!namedAfterReceptor.has(target.id)) yield { text: target.name, ...entity, priority: Priority.PreferredName };
    if (target.abbreviation) yield { text: target.abbreviation, ...entity, priority: Priority.PreferredName };
    // `hSERT`, `hNET`: the human clone, as binding papers write it.
    if (target.abbreviation && HUMAN_CLONE_PREFIXABLE.test(target.abbreviation)) yield { text: `h${target.abbreviation}`, ...entity, priority: Priority.Synonym };
    for (const gene of [target.genes.human, target.genes.rat, target.genes.mouse]) {
      if (gene) yield { text: gene, ...entity, priority: Priority.Symbol };
    }
    for (const synonym of target.synonyms) yield { text: synonym, ...entity, priority: Priority.Synonym };
    for (const name of [target.name, target.abbreviation, ...target.synonyms]) {
      const channel = name ? VOLTAGE_GATED_CHANNEL.exec(name) : null;
      if (channel) yield { text: `${channel[1]}V${channel[2]}`, ...entity, priority: Priority.Synonym };
    }
    // `μ receptor` of the "Opioid receptors" is written `μ-opioid receptor`; `D2 receptor`, `D2 dopamine receptor`.
    const family = /^(\w+) receptors$/i.exec(target.family ?? '')?.[1].toLowerCase();
    const subtype = /^(\S{1,8}) receptor$/.exec(target.name)?.[1];
    if (family && subtype && !subtype.toLowerCase().includes(family)) yield { text: `${subtype} ${family} receptor`, ...entity, priority: Priority.Synonym };
    // `α2C-adrenoceptor` is written `α2C`, `alpha-2C`: the Greek subtype alone.
    const greekSubtype = /^([α-ω]\d[A-D]?)-adrenoceptor$/.exec(target.name)?.[1];
    if (greekSubtype) yield { text: greekSubtype, ...entity, priority: Priority.Synonym };
  }
  for (const compound of kb.compounds) {
    const entity = { kind: 'compound' as const, id: compound.id };
    yield { text: compound.name, ...entity, priority: Priority.CompoundName };
    for (const brand of compound.brandNames ?? []) yield { text: brand, ...entity, priority: Priority.CompoundName };
    for (const synonym of compound.synonyms) yield { text: synonym, ...entity, priority: Priority.Synonym };
  }
}

/** `Ki-24`, `KB 141`, `IC 261`: a code spelled like a measure and its value (`Ki 24 nM`) is not read as a name. */
const MEASURE_AND_NUMBER = /^(?:p?K[ibdBD]|IC|EC|pA)[\s-]\d[\d.]*$/i;

function isAcceptableName(text: string, stopNames: ReadonlySet<string>): boolean {
  if (text.length < 2 || text.length > 60 || DESCRIPTIVE_NAME.test(text) || MEASURE_AND_NUMBER.test(text)) return false;
  // `AChE`, `BuChE`, `hERG`: a capital inside a word marks a symbol, matched in its own case, not the English word it spells.
  if (stopNames.has(text.toLowerCase()) && !/[a-z][A-Z]/.test(text)) return false;
  if (text.length === 2 && !/\d/.test(text)) return false;
  return true;
}

function compiled(tokens: NameTokens, candidate: CandidateName, caseMode: CaseMode): CompiledName {
  const exact = caseMode === 'exact';
  return {
    keys: tokens.keys,
    surfaces: exact ? tokens.surfaces : [],
    caseMode,
    priority: candidate.priority,
    kind: candidate.kind,
    id: candidate.id,
    letterCount: exact ? countLetters(tokens.surfaces) : 0,
  };
}

/** Every name of the knowledge base that a writer may type, with its matching rules. Pure; run at build time. */
export function compileNames(kb: Pick<KnowledgeBase, 'targets' | 'compounds' | 'stopNames'>): CompiledName[] {
  const stopNames = new Set(kb.stopNames.map((name) => name.toLowerCase()));
  const names: CompiledName[] = [];
  for (const candidate of candidateNames(kb)) {
    const text = candidate.text.trim();
    if (!isAcceptableName(text, stopNames)) continue;
    const tokens = tokenizeName(text);
    if (tokens.keys.length === 0 || tokens.hasInnerBreak) continue;
    const caseMode = caseModeOf(text, tokens);
    names.push(compiled(tokens, candidate, caseMode));
    const plural = pluralVariant(tokens);
    if (plural) names.push(compiled(plural, candidate, caseMode));
  }
  return names;
}

/**
 * The compiled names as text, one name per line, sorted by first token so that the names starting with one word form one
 * block: `keys\tsurfaces\texact\tpriority\tkind\tid\tletters`, tokens joined by U+0001. The server reads only the first
 * token of each line at start-up and parses a block the first time a document contains its word.
 */
export const TOKEN_SEPARATOR = '\u0001';

function fieldSafe(value: string): string {
  return value.replace(/[\t\n\r]/g, ' ');
}

export function namesToText(names: readonly CompiledName[]): string {
  const lines = names.map((name) =>
    [
      name.keys.map(fieldSafe).join(TOKEN_SEPARATOR),
      name.surfaces.map(fieldSafe).join(TOKEN_SEPARATOR),
      name.caseMode === 'exact' ? '1' : '0',
      String(name.priority),
      name.kind === 'compound' ? 'c' : 't',
      fieldSafe(name.id),
      String(name.letterCount),
    ].join('\t'),
  );
  const firstKey = (line: string): string => line.slice(0, line.search(/[\u0001\t]/));
  return lines
    .map((line, index) => ({ line, index, key: firstKey(line) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
    .map((entry) => entry.line)
    .join('\n');
}

export function nameFromLine(line: string): CompiledName {
  const [keys, surfaces, exact, priority, kind, id, letterCount] = line.split('\t');
  return {
    keys: keys.split(TOKEN_SEPARATOR),
    surfaces: surfaces === '' ? [] : surfaces.split(TOKEN_SEPARATOR),
    caseMode: exact === '1' ? 'exact' : 'any-case',
    priority: Number(priority),
    kind: kind === 'c' ? 'compound' : 'target',
    id,
    letterCount: Number(letterCount),
  };
}
