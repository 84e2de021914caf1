import type { ScannedDocument, Table } from '../scan/types';
import type { Dictionary } from './dictionary';
import { firstStartingAt, mentionsWithin, recognizeMentions, type Mention } from './recognize';

/** What the refinements need beyond the dictionary. */
export interface NameContext {
  dictionary: Dictionary;
  /** Whether a compound names a target's family (`dopamine` in `dopamine D1`, `histamine H1 receptor`). */
  namesFamilyOf(compoundId: string, targetId: string): boolean;
  /** The family a target belongs to (`Adrenoceptors`), if the knowledge base says. */
  familyOf?(targetId: string): string | undefined;
  /** A compound's preferred name (`(-)-pentazocine`). */
  compoundName?(compoundId: string): string | undefined;
}

/**
 * The names a manuscript defines or writes in its own way, on top of the dictionary's: abbreviations it defines
 * (`asenapine (Asen)`, `CPZ, chlorpromazine;`), receptor subtypes named by a letter in a coordinated phrase (`mu, delta
 * and kappa receptors`), table row names with a footnote mark or reference glued on (`pyrilamineb`, `Regorafenib2,3b`),
 * and an endogenous ligand naming its receptor (`dopamine D1`, which is a receptor, not dopamine). Sorted, non-overlapping.
 */
export function refineMentions(scanned: ScannedDocument, mentions: readonly Mention[], context: NameContext): Mention[] {
  return refineDocumentMentions(scanned, mentions, context).mentions;
}

/**
 * The names a document defines for itself: words its lists establish as receptors (`mu`) and abbreviations (`AMI`).
 * `established` and `definitions` are what one part of the document contributes, in order: a part re-read after an
 * edit that contributes the same leaves the document's names as they were.
 */
export interface DocumentNames {
  resolved: ReadonlyMap<string, Mention>;
  aliases: ReadonlyMap<string, Mention>;
  /** `abbreviation id kind` of each definition read, in order. */
  definitions: string[];
  /** The text speaks of metabolites named `M1`, `M2` …, which are then not the muscarinic receptors. */
  codesAreMetabolites: boolean;
}

/**
 * `refineMentions`, with the names the document defines; for a part of a document, `documentNames` are the whole
 * document's, which the part's words are read with.
 */
export function refineDocumentMentions(scanned: ScannedDocument, mentions: readonly Mention[], context: NameContext, documentNames?: DocumentNames): { mentions: Mention[]; names: DocumentNames } {
  const { masked } = scanned;
  let refined = transportersNamedByUptake(masked, withoutLigandsNamingReceptors(masked, mergeLigandNamedTargets(masked, mentions, context)), context.dictionary);
  refined = withAdded(refined, cellNames(masked, scanned.tables, refined, context.dictionary));
  const lists = headNounLists(masked, refined, context.dictionary, documentNames?.resolved);
  refined = withAdded(withAdded(refined, lists.inLists, true), lists.established);
  const definitions = abbreviationDefinitions(masked, refined);
  const codesAreMetabolites = METABOLITE_CODES.test(masked);
  const aliases = documentNames?.aliases ?? aliasesDefinedBy(definitions);
  if (aliases.size > 0) refined = withAdded(refined, aliasOccurrences(masked, refined, aliases), true);
  refined = withoutContradictedStereo(masked, refined, context);
  return {
    mentions: withoutOtherFamilySymbols(masked, withoutIdentifierLabels(masked, withoutMetaboliteCodes(masked, withoutSubunitsReadAsReceptors(scanned.tables, refined), documentNames?.codesAreMetabolites ?? codesAreMetabolites)), context),
    names: { resolved: lists.resolved, aliases, definitions: definitions.map(([abbreviation, mention]) => `${abbreviation} ${mention.id} ${mention.kind}`), codesAreMetabolites },
  };
}

/** `(+)-`, `(−)-`, `(R)-`, `(S)-`, `(±)-` written before a name, or starting a compound's preferred name. */
const WRITTEN_STEREO = /\(([+−–-]|±|[RS])\)-?$/;
const NAME_STEREO = /^\(([+−–-]|±|[RS])\)-?/;

/** `(+)-Pentazocine` is not `(-)-pentazocine`, the enantiomer the dictionary knows as `pentazocine`: left unread. */
function withoutContradictedStereo(text: string, mentions: readonly Mention[], context: NameContext): Mention[] {
  if (!context.compoundName) return [...mentions];
  const sign = (descriptor: string) => descriptor.replace(/[−–]/, '-');
  return mentions.filter((mention) => {
    if (mention.kind !== 'compound') return true;
    const written = WRITTEN_STEREO.exec(text.slice(Math.max(0, mention.start - 5), mention.start))?.[1];
    if (!written) return true;
    const named = NAME_STEREO.exec(context.compoundName!(mention.id) ?? '')?.[1];
    return !named || sign(named) === sign(written);
  });
}

/** `B1-adrenergic` (β1 typed with a B), `M2-dopaminergic`: the family word after a symbol says which receptor it is. */
const FAMILY_AFTER = /^-(adrenergic|adrenoceptors?|muscarinic|dopaminergic|dopamine|serotonergic|serotonin|opioid|histamine|histaminergic|cannabinoid)\b/i;
const FAMILY_PATTERN: Record<string, RegExp> = {
  adren: /adreno/i,
  muscar: /muscarinic|acetylcholine/i,
  dopam: /dopamine/i,
  seroto: /5-HT|5-hydroxytryptamine|serotonin/i,
  opioi: /opioid/i,
  hista: /histamine/i,
  canna: /cannabinoid/i,
};

/** A symbol of one family written as a member of another (`B1-adrenergic` is not the bradykinin B1 receptor). */
function withoutOtherFamilySymbols(text: string, mentions: readonly Mention[], context: NameContext): Mention[] {
  if (!context.familyOf) return [...mentions];
  return mentions.filter((mention) => {
    if (mention.kind !== 'target') return true;
    const written = FAMILY_AFTER.exec(text.slice(mention.end, mention.end + 20))?.[1].toLowerCase();
    if (!written) return true;
    const pattern = Object.entries(FAMILY_PATTERN).find(([stem]) => written.startsWith(stem))?.[1];
    const family = context.familyOf!(mention.id) ?? '';
    return !pattern || pattern.test(family);
  });
}

/** `DOI: 10.1111/…`, `doi 10.1038/…`: the label of a digital object identifier, not the compound DOI. */
const IDENTIFIER_AFTER = /^\s*[:=]?\s*(?:https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\//;

function withoutIdentifierLabels(text: string, mentions: readonly Mention[]): Mention[] {
  return mentions.filter((mention) => !IDENTIFIER_AFTER.test(text.slice(mention.end, mention.end + 48)));
}

/** `its metabolites M1, M2 and M5`, `O-desmethyl metabolite (M1)`: M-numbers that name metabolites in this document. */
const METABOLITE_CODES = /\bmetabolites?\b[^.;]{0,40}?\bM\d\b/i;
/** `(+)-M1`, `(±)-M5`: a stereo prefix makes the name a compound's. */
const STEREO_PREFIX = /(?:\((?:[+−-]|\+\/-|±|[RS](?:,[RS])?)\)-?|\b(?:rac|dl)-)$/;

/**
 * In a manuscript that numbers metabolites M1, M2 …, those are compounds the dictionary does not know, not the
 * muscarinic receptors (unless written `M1 receptor` or `muscarinic M1`); a stereo prefix (`(+)-M1`) is never a target's.
 */
function withoutMetaboliteCodes(text: string, mentions: readonly Mention[], codesAreMetabolites: boolean): Mention[] {
  return mentions.filter((mention) => {
    if (mention.kind !== 'target') return true;
    if (STEREO_PREFIX.test(text.slice(Math.max(0, mention.start - 8), mention.start))) return false;
    if (!codesAreMetabolites || !/^M\d$/.test(mention.text)) return true;
    const before = text.slice(Math.max(0, mention.start - 12), mention.start);
    return /muscarinic\s*$/i.test(before);
  });
}

/** `α1`, `β3`, `alpha-5` alone in a cell. */
const BARE_GREEK_SUBTYPE = /^(?:[αβγδε]|alpha|beta|gamma|delta)[-_~$^{\s]*\d[A-D]?[}$~^]*$/i;
const SUBUNIT_CONTEXT = /GABA|nicotinic|glycine|subunit|nACh/i;

/**
 * In a table about GABA-A, nicotinic or glycine receptors, a column headed `α1`, `α5` or `β3` is a subunit, not the
 * α1-adrenoceptor the name means elsewhere: left unread rather than read wrong.
 */
function withoutSubunitsReadAsReceptors(tables: readonly Table[], mentions: readonly Mention[]): Mention[] {
  const dropped = new Set<Mention>();
  for (const table of tables) {
    const tableText = `${table.caption?.text ?? ''} ${table.rows.map((row) => row.map((cell) => cell.text).join(' ')).join(' ')}`;
    if (!SUBUNIT_CONTEXT.test(tableText)) continue;
    for (const row of table.rows) {
      for (const cell of row) {
        if (!BARE_GREEK_SUBTYPE.test(cell.text.trim())) continue;
        for (const mention of mentionsWithin(mentions, cell)) if (mention.kind === 'target') dropped.add(mention);
      }
    }
  }
  return dropped.size === 0 ? [...mentions] : mentions.filter((mention) => !dropped.has(mention));
}

/** `dopamine D1`, `histamine H1 receptor`, `serotonin 5-HT2A`: the ligand word is part of the receptor's name. */
function mergeLigandNamedTargets(text: string, mentions: readonly Mention[], context: NameContext): Mention[] {
  const merged: Mention[] = [];
  for (let index = 0; index < mentions.length; index++) {
    const mention = mentions[index];
    const next = mentions[index + 1];
    if (mention.kind === 'compound' && next?.kind === 'target' && /^[ \t-]$/.test(text.slice(mention.end, next.start)) && context.namesFamilyOf(mention.id, next.id)) {
      merged.push({ ...next, start: mention.start, text: text.slice(mention.start, next.end) });
      index++;
      continue;
    }
    merged.push(mention);
  }
  return merged;
}

/** What follows a molecule that names a family of proteins: `(5-HT) receptor`, ` receptors`, ` transporter`, ` kinase`. */
const RECEPTOR_NOUN_AFTER = /^[ \t]*(\([^()\n]{1,16}\)[ \t]*)?(?:receptors?|adrenoceptors?|transporters?|kinases?|phosphatases?|residues?)\b/i;

/**
 * `the serotonin (5-HT) receptor subtype 5-HT1F`, `dopamine receptors`, `tyrosine kinase`: the molecule names a family
 * of proteins there, and is not the compound a value is for (nor is its abbreviation in the parenthesis).
 */
function withoutLigandsNamingReceptors(text: string, mentions: readonly Mention[]): Mention[] {
  const dropped = new Set<Mention>();
  for (let index = 0; index < mentions.length; index++) {
    const mention = mentions[index];
    if (mention.kind !== 'compound') continue;
    const after = RECEPTOR_NOUN_AFTER.exec(text.slice(mention.end, mention.end + 40));
    if (!after) continue;
    dropped.add(mention);
    const parenthesisEnd = mention.end + (after[1] ? after.index + after[0].indexOf(after[1]) + after[1].length : 0);
    for (let inner = index + 1; inner < mentions.length && mentions[inner].start < parenthesisEnd; inner++) if (mentions[inner].kind === 'compound') dropped.add(mentions[inner]);
  }
  return dropped.size === 0 ? [...mentions] : mentions.filter((mention) => !dropped.has(mention));
}

/**
 * `[3H]5-HT uptake`, `norepinephrine (NE) uptake`, `serotonin reuptake`: an uptake assay names the transporter of its
 * substrate, the target the value is for (the one the dictionary knows as `5-HT transporter`, `norepinephrine transporter`).
 */
const UPTAKE_WORD = /uptake\b/gi;
/** What stands before `uptake`: the substrate, an optional parenthesis, an optional `re-`. */
const SUBSTRATE_BEFORE = /(?<![\p{L}\p{N}])(\p{L}[\p{L}\p{N}]*(?:-\p{L}+)?|\d-[A-Z]{2,3})[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:re-?)?$/iu;

function transportersNamedByUptake(text: string, mentions: readonly Mention[], dictionary: Dictionary): Mention[] {
  const resolved = new Map<string, Mention | undefined>();
  const found: Mention[] = [];
  UPTAKE_WORD.lastIndex = 0;
  for (let uptake = UPTAKE_WORD.exec(text); uptake; uptake = UPTAKE_WORD.exec(text)) {
    const windowStart = Math.max(0, uptake.index - 64);
    const before = SUBSTRATE_BEFORE.exec(text.slice(windowStart, uptake.index));
    if (!before) continue;
    const start = windowStart + before.index;
    const substrate = before[1];
    const key = substrate.toLowerCase();
    if (!resolved.has(key)) {
      const phrase = `${substrate} transporter`;
      const inPhrase = recognizeMentions(phrase, dictionary);
      resolved.set(key, inPhrase.length === 1 && inPhrase[0].kind === 'target' && inPhrase[0].start === 0 && inPhrase[0].end === phrase.length ? inPhrase[0] : undefined);
    }
    const transporter = resolved.get(key);
    if (!transporter) continue;
    const end = uptake.index + uptake[0].length;
    found.push({ start, end, kind: 'target', id: transporter.id, text: text.slice(start, end) });
  }
  return withAdded(mentions, found, true);
}

/** Adds mentions where none overlaps; `override`: the new ones replace those they overlap. */
function withAdded(mentions: readonly Mention[], added: readonly Mention[], override = false): Mention[] {
  if (added.length === 0) return [...mentions];
  const sortedAdded = [...added].sort((a, b) => a.start - b.start);
  const overlaps = (a: Mention, b: Mention) => a.start < b.end && b.start < a.end;
  const kept = override ? mentions.filter((mention) => !sortedAdded.some((other) => overlaps(mention, other))) : [...mentions];
  const accepted = override ? sortedAdded : sortedAdded.filter((candidate) => {
    const index = firstStartingAt(mentions, candidate.start);
    return !(mentions[index] && overlaps(mentions[index], candidate)) && !(mentions[index - 1] && overlaps(mentions[index - 1], candidate));
  });
  const result = [...kept, ...accepted].sort((a, b) => a.start - b.start);
  return result.filter((mention, index) => index === 0 || mention.start >= result[index - 1].end);
}

/** A name with a footnote letter, mark or reference numbers glued on: `pyrilamineb`, `Reboxetine*`, `Regorafenib2,3b`. */
const GLUED_NOTE = /(?:\^?\{?[a-f]\}?|[*†‡§¶]+|\d+(?:[,–-]\d+)*[a-f]?|\$\^\{?[a-z0-9,]+\}?\$)$/;

function cellNames(text: string, tables: readonly Table[], mentions: readonly Mention[], dictionary: Dictionary): Mention[] {
  const found: Mention[] = [];
  for (const table of tables) {
    for (const row of table.rows) {
      for (const cell of row) {
        if (cell.end - cell.start < 2 || cell.end - cell.start > 60 || mentionsWithin(mentions, cell).length > 0) continue;
        const written = text.slice(cell.start, cell.end);
        // `m1`–`m5` for the muscarinic genes, `h5-ht1a`: a header's lower-case symbol in its usual case.
        const stripped = /^[a-z][\w-]{0,5}$/.test(written) ? written.toUpperCase() : written.replace(/\s*\[[^\]]*\]\s*$/, '').replace(GLUED_NOTE, '');
        if (stripped.length < 2 || stripped === written) continue;
        const inner = recognizeMentions(stripped, dictionary);
        if (inner.length !== 1 || inner[0].start !== 0 || inner[0].end < stripped.trimEnd().length) continue;
        found.push({ ...inner[0], start: cell.start, end: cell.start + inner[0].end, text: text.slice(cell.start, cell.start + inner[0].end) });
      }
    }
  }
  return found;
}

/**
 * Receptor subtypes named by a bare word in a coordinated phrase under one head noun: `mu, delta and kappa receptors`,
 * `human mu (Ki = …), delta (…) and nociceptin (…) but not kappa receptors`. A word read so in a document is the same
 * receptor wherever it stands alone in that document (`mu-specific`, `at mu`).
 */
const HEAD_NOUN = /\b(?:(opioid|opiate|adrenergic|muscarinic|histamine|dopamine|serotonin|cannabinoid|sigma)[ \t-]+)?(receptors?|adrenoceptors?|binding sites?|sites?|types?|subtypes?)\b|\b(transporters?)\b/gi;
const LIST_WORD = /^[\p{L}][\p{L}\p{N}]{0,14}$/u;
const JOINERS = /^(?:,|and|or|nor|but not|and not|\/|,\s*and|,\s*or|,\s*but not)$/;

/**
 * Names distributed over a list under one head noun: `mu, delta and kappa receptors`, `norepinephrine, serotonin, and
 * dopamine transporters` (where `dopamine` alone would be the compound). Returns the names read in the lists, and the
 * words a document so establishes as receptors (`mu`), which name them wherever they stand alone.
 */
function headNounLists(text: string, mentions: readonly Mention[], dictionary: Dictionary, documentResolved?: ReadonlyMap<string, Mention>): { inLists: Mention[]; established: Mention[]; resolved: Map<string, Mention> } {
  const resolved = new Map<string, Mention>();
  const inLists: Mention[] = [];
  HEAD_NOUN.lastIndex = 0;
  for (let head = HEAD_NOUN.exec(text); head; head = HEAD_NOUN.exec(text)) {
    const family = head[1]?.toLowerCase();
    // A transporter is named by its substrate (`dopamine, serotonin and norepinephrine transporters`), never a family.
    // `the μ, δ and κ type`, `at μ sites`: subtypes of receptors.
    const noun = head[3] ? 'transporter' : /^(?:sites?|types?|subtypes?)$/i.test(head[2]) ? 'receptor' : head[2].toLowerCase().replace(/s$/, '').replace(/ sites?$/, ' site');
    let position = head.index;
    for (let items = 0; items < 8; items++) {
      const word = wordBefore(text, position);
      if (!word || !LIST_WORD.test(word.text)) break;
      const wordStart = word.start;
      const key = folded(word.text);
      const named = mentionAt(mentions, wordStart);
      let target: Mention | undefined;
      if (named?.kind === 'target') {
        // `kappa receptors` may be a name of its own: the list's last word, already read.
        if (named.end < head.index) break;
        target = named;
      } else {
        target = resolved.get(key) ?? resolveSubtype(word.text, family, noun, dictionary);
        if (!target) break;
        inLists.push({ start: named?.start ?? wordStart, end: named?.end ?? wordStart + word.text.length, kind: 'target', id: target.id, text: named?.text ?? word.text });
        // A compound's name (`dopamine`) is a target only in such a list; an unknown word (`mu`) is one throughout.
        if (!named) resolved.set(key, target);
      }
      const joiner = /(,\s*(?:and|or|but not)?|and|or|nor|but not|and not|\/)\s*$/.exec(text.slice(Math.max(0, wordStart - 12), wordStart).trimEnd());
      if (!joiner || !JOINERS.test(joiner[1].replace(/\s+/g, ' ').trim())) break;
      position = wordStart - (text.slice(Math.max(0, wordStart - 12), wordStart).length - joiner.index);
    }
  }
  const established: Mention[] = [];
  const establishing = documentResolved ?? resolved;
  if (establishing.size > 0) {
    const words = new RegExp(`(?<![\\p{L}\\p{N}\\[Δ∆])(${[...establishing.keys()].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}]|-\\d|\\s*\\d)`, 'giu');
    for (let match = words.exec(text); match; match = words.exec(text)) {
      if (isInsideMention(mentions, match.index)) continue;
      const target = establishing.get(folded(match[1]))!;
      established.push({ start: match.index, end: match.index + match[1].length, kind: 'target', id: target.id, text: match[1] });
    }
  }
  return { inLists, established, resolved };
}

/**
 * A word as a case-insensitive Unicode regular expression compares it: the micro sign `µ` and the Greek `μ` are one
 * letter there, though `toLowerCase` keeps them apart. The receptor words are keyed so.
 */
function folded(word: string): string {
  return word.toUpperCase().toLowerCase();
}

const isWordCode = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code > 127 && /[\p{L}\p{N}]/u.test(String.fromCharCode(code)));

/** The word before `position`, over blanks and one parenthesis (`delta (Ki = 270 nM) and`), or undefined. */
function wordBefore(text: string, position: number): { start: number; text: string } | undefined {
  let end = position;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9 || text.charCodeAt(end - 1) === 10)) end--;
  if (text.charCodeAt(end - 1) === 41) {
    const open = text.lastIndexOf('(', end - 1);
    if (open < 0 || end - open > 122 || text.slice(open + 1, end - 1).includes(')')) return undefined;
    end = open;
    while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  }
  let start = end;
  while (start > 0 && end - start < 15 && isWordCode(text.charCodeAt(start - 1))) start--;
  if (start === end || (start > 0 && isWordCode(text.charCodeAt(start - 1)))) return undefined;
  return { start, text: text.slice(start, end) };
}

/** `mu` under `opioid receptors` is the target the dictionary knows as `mu opioid receptor` or `mu receptor`. */
function resolveSubtype(word: string, family: string | undefined, noun: string, dictionary: Dictionary): Mention | undefined {
  if (/^(?:the|of|at|for|to|and|or|not|all|both|other|these|those|its|their|human|rat|mouse|guinea|pig|cloned|native|central|peripheral|different|various|several|some|many|specific|selective)$/i.test(word)) return undefined;
  const phrases = family ? [`${word} ${family} ${noun}`, `${family} ${word} ${noun}`, `${word} ${noun}`] : [`${word} ${noun}`];
  for (const phrase of phrases) {
    const found = recognizeMentions(phrase, dictionary);
    if (found.length === 1 && found[0].kind === 'target' && found[0].start === 0 && found[0].end === phrase.length) return found[0];
  }
  return undefined;
}

function mentionAt(mentions: readonly Mention[], offset: number): Mention | undefined {
  const index = firstStartingAt(mentions, offset + 1) - 1;
  return index >= 0 && mentions[index].start <= offset && offset < mentions[index].end ? mentions[index] : undefined;
}

function isInsideMention(mentions: readonly Mention[], offset: number): boolean {
  return mentionAt(mentions, offset) !== undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Abbreviations the manuscript defines for a compound or target: `asenapine (Asen, aka Org 5222)`, `O-desmethyl-
 * tramadol (M1)`, and in legends `CPZ, chlorpromazine;` / `Asen: asenapine`. The letters of the abbreviation must
 * appear in order in the name (`Cloz` in clozapine), so a vendor in parentheses (`clozapine (Sigma)`) is not taken.
 */
function abbreviationDefinitions(text: string, mentions: readonly Mention[]): [string, Mention][] {
  const definitions: [string, Mention][] = [];
  for (const mention of mentions) {
    const after = /^\s*\(\s*([A-Za-z0-9][\w-]{0,11})\s*[),;]/.exec(text.slice(mention.end, mention.end + 20));
    if (after && isAbbreviationOf(after[1], mention.text)) definitions.push([after[1], mention]);
    const before = /(?:^|[;:\n]|\.\s)\s*([A-Za-z0-9][\w-]{0,11})\s*[,:=]\s*$/.exec(text.slice(Math.max(0, mention.start - 16), mention.start));
    if (before && /^\s*(?:[;,.)\n]|$)/.test(text.slice(mention.end, mention.end + 2)) && isAbbreviationOf(before[1], mention.text)) definitions.push([before[1], mention]);
  }
  return definitions;
}

/** An abbreviation defined for two different things means neither. */
function aliasesDefinedBy(definitions: readonly [string, Mention][]): Map<string, Mention> {
  const aliases = new Map<string, Mention>();
  for (const [abbreviation, mention] of definitions) {
    const existing = aliases.get(abbreviation);
    if (existing && (existing.id !== mention.id || existing.kind !== mention.kind)) aliases.set(abbreviation, { ...existing, id: '' });
    else aliases.set(abbreviation, mention);
  }
  for (const [abbreviation, mention] of aliases) if (mention.id === '') aliases.delete(abbreviation);
  return aliases;
}

function isAbbreviationOf(abbreviation: string, name: string): boolean {
  if (!/[A-Z0-9]/.test(abbreviation) || /^\d+$/.test(abbreviation) || abbreviation.length < 2) return false;
  if (abbreviation.toLowerCase() === name.toLowerCase()) return false;
  if (/^(?:Fig|Figure|Table|Ref|Refs|Eq|Supplementary|Scheme|Appendix|NS|ns|SEM|SD|CI|IC50|EC50|Ki|Kd|Kb)$/i.test(abbreviation)) return false;
  const letters = abbreviation.toLowerCase().replace(/[^a-z]/g, '');
  const target = latinized(name.toLowerCase());
  let at = 0;
  for (const letter of letters) {
    at = target.indexOf(letter, at);
    if (at < 0) return false;
    at++;
  }
  return letters.length > 0 && target.startsWith(letters[0]) ? true : letters.length > 0 && new RegExp(`(?:^|[^a-z])${letters[0]}`).test(target);
}

const GREEK_LATIN: Record<string, string> = { α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', κ: 'kappa', μ: 'mu', µ: 'mu', σ: 'sigma', ε: 'epsilon' };

function latinized(text: string): string {
  return text.replace(/[αβγδκμµσε]/g, (letter) => GREEK_LATIN[letter]);
}

/** Every whole-word occurrence of a defined abbreviation, as a mention of what it abbreviates. */
function aliasOccurrences(text: string, mentions: readonly Mention[], aliases: ReadonlyMap<string, Mention>): Mention[] {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${[...aliases.keys()].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const found: Mention[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const meant = aliases.get(match[1])!;
    const index = firstStartingAt(mentions, match.index + 1) - 1;
    const covering = index >= 0 && mentions[index].start <= match.index && match.index < mentions[index].end ? mentions[index] : undefined;
    // Inside a longer name (`M1` in `M1 receptor`) the dictionary's reading stands; the abbreviation's own definition is kept.
    if (covering && (covering.end - covering.start > match[1].length || covering.id === meant.id)) continue;
    found.push({ start: match.index, end: match.index + match[1].length, kind: meant.kind, id: meant.id, text: match[1] });
  }
  return found;
}
