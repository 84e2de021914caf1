import type { Mention } from '../recognize/recognize';
import type { EntityAt } from './types';

type Via = EntityAt['via'];

export const entityAt = (mention: Mention, via: Via): EntityAt => ({ start: mention.start, end: mention.end, id: mention.id, via });

/** Words that may stand between a value and the name it belongs to (`4.3 nM at SERT`, `5 µM for the hERG channel`). */
const linkingWords = new Set(['at', 'for', 'on', 'against', 'to', 'in', 'of', 'the', 'human', 'rat', 'mouse', 'cloned', 'recombinant', 'native', 'its', 'their', 'versus', 'vs', 'towards', 'toward', 'with', 'by', 'from', 'a', 'an', 'was', 'were', 'measured', 'found', 'obtained', 'reported', 'determined']);

/** How far (in pieces) a value looks for its names: a sentence longer than this is a list, not a clause; it also keeps the search linear. */
const reach = 64;

/** A piece of a sentence, as the association needs it. */
export type Piece =
  | { kind: 'mention'; mention: Mention }
  /** `otherCompound`: a compound named after a known one (`buprenorphine-3-glucuronide`), unknown itself. */
  | { kind: 'word'; word: string; written?: string; radioligand?: Mention; otherCompound?: boolean }
  | { kind: 'mark'; mark: string }
  | { kind: 'value' };

/**
 * The name of `kind` that a value at piece `valueIndex` belongs to within its sentence: one that follows it through
 * linking words only (`4.3 nM at SERT`), else the nearest before it, else the nearest after it.
 */
export function clauseEntity(pieces: readonly Piece[], valueIndex: number, kind: Mention['kind']): Mention | null | undefined {
  // `EC50 = 0.3 nM (MX-1) and 5 nM (Capan-1)`: a name the dictionary does not know in parentheses after the value says
  // what it was measured in (a cell line, an isoform): its target is not one named elsewhere.
  const after = pieces[valueIndex + 1];
  const inParentheses = pieces[valueIndex + 2];
  if (kind === 'target' && after?.kind === 'mark' && after.mark === '(' && inParentheses?.kind === 'word' && /^[A-Z]/.test(inParentheses.written ?? '') && !REFERENCE_WORDS.has(inParentheses.word) && pieces[valueIndex + 3]?.kind !== 'mention') return null;
  for (let index = valueIndex + 1; index < pieces.length && index <= valueIndex + 8; index++) {
    const piece = pieces[index];
    if (piece.kind === 'mention' && !isReadout(pieces, index)) {
      if (piece.mention.kind === kind) return piece.mention;
      continue;
    }
    if (piece.kind === 'word' && linkingWords.has(piece.word)) continue;
    if (piece.kind === 'mark' && piece.mark === '(') continue;
    break;
  }
  const owner = parentheticalOwner(pieces, valueIndex, kind);
  if (owner !== undefined) return owner;
  for (let index = valueIndex - 1; index >= 0 && index >= valueIndex - reach; index--) {
    const piece = pieces[index];
    if (piece.kind === 'mention' && piece.mention.kind === kind && !isComparison(pieces, index)) return piece.mention;
    // `while the sigma-2 ligand DTG (1,3-di-o-tolylguanidine) shows Ki values of …`: an unknown name is the clause's subject.
    if (kind === 'compound' && piece.kind === 'word' && index > 0 && looksLikeName(piece.written ?? '') && verbFollows(pieces, index)) return null;
    // `The metabolite (+)-M1 showed …`, `The target compound shows …`: an unnamed or unknown compound is the subject.
    if (kind === 'compound' && piece.kind === 'word' && unnamedCompoundNouns.has(piece.word) && namesUnnamedSubject(pieces, index)) return null;
    // `affinity for D2High with a Ki of 2.7 nM`: the clause's object is a name the dictionary does not know.
    const governor = pieces[index - 1];
    if (piece.kind === 'word' && unknownKindOf(piece) === kind && governor?.kind === 'word' && objectWords.has(governor.word)) return null;
    // `Haloperidol: Ki = 13 nM; CM398: Ki = 0.43 nM`: a labelled item names its own subject, known or not.
    const itemStart = index === 0 ? 0 : piece.kind === 'mark' && piece.mark === ';' ? index + 1 : -1;
    if (itemStart >= 0 && startsLabelledItem(pieces, itemStart)) {
      const owner = labelledItemOwner(pieces, itemStart, kind);
      if (owner !== undefined) return owner;
      if (index > 0) break;
    }
  }
  for (let index = valueIndex + 1; index < pieces.length && index <= valueIndex + reach; index++) {
    const piece = pieces[index];
    if (piece.kind === 'mention' && piece.mention.kind === kind && !isReadout(pieces, index)) return piece.mention;
    // `… 2.7 nM, in contrast to its low affinity for the NMDA receptor`: a contrasted clause speaks of something else;
    // past another value, a compound is that value's (`(+)-M1 (Ki = 3.4 nM), followed by tramadol (Ki = 2.4 µM)`),
    // while a target at the end may be shared (`Imipramine (Ki = 1.4 nM) … than amitriptyline (Ki = 4.3 nM) at SERT`).
    if ((piece.kind === 'word' && contrastWords.has(piece.word)) || (piece.kind === 'value' && kind === 'compound')) break;
  }
  return undefined;
}

/** Verbs that follow a compound as the subject of its clause: `Mephedrone inhibited …`, `DTG (…) shows …`. */
export const SUBJECT_VERBS = new Set(['inhibited', 'inhibits', 'binds', 'bound', 'showed', 'shows', 'displayed', 'displays', 'exhibited', 'exhibits', 'demonstrated', 'demonstrates', 'had', 'has', 'blocked', 'blocks', 'antagonized', 'antagonizes', 'antagonised', 'antagonises', 'activated', 'activates', 'acts', 'acted', 'behaved', 'potently', 'selectively', 'competitively', 'also']);
/** `(Fig. 3B)`, `(Table 2)`, `(Ref. 12)`: a pointer into the paper, not what a value was measured in. */
const REFERENCE_WORDS = new Set(['fig', 'figs', 'figure', 'figures', 'table', 'tables', 'ref', 'refs', 'reference', 'supplementary', 'scheme', 'eq', 'see', 'mean', 'sem', 'sd', 'n']);
const HEAD_NOUNS = new Set(['receptor', 'receptors', 'subtype', 'subtypes', 'site', 'sites', 'isoform', 'variant', 'channel', 'channels']);
const objectWords = new Set(['for', 'at', 'to', 'on', 'against']);
const contrastWords = new Set(['whereas', 'while', 'but', 'contrast', 'however', 'although', 'unlike', 'conversely']);
const unnamedCompoundNouns = new Set(['metabolite', 'compound', 'enantiomer', 'isomer', 'analogue', 'analog', 'derivative']);

/**
 * `The metabolite (+)-M1 showed`, `The target compound shows`: the noun opens the clause (no compound named before it,
 * unlike `Clomipramine was the most potent compound`) and is followed by a word that is not `of` or a name.
 */
function namesUnnamedSubject(pieces: readonly Piece[], index: number): boolean {
  for (let before = index - 1; before >= 0; before--) {
    const piece = pieces[before];
    if (piece.kind === 'mark' && piece.mark === ';') break;
    if (piece.kind === 'mention' && piece.mention.kind === 'compound') return false;
  }
  for (let next = index + 1; next < pieces.length && next <= index + 6; next++) {
    const piece = pieces[next];
    if (piece.kind === 'mark') continue;
    if (piece.kind === 'word' && piece.word === '') continue;
    return piece.kind === 'word' && piece.word !== 'of' && piece.word !== 'from';
  }
  return false;
}

/** Words and stereo marks, then `:` (`CM398: sigma-2 Ki = 0.43 nM`, `(+)-Pentazocine: σ1 Ki = 16.7 nM`). */
function labelOf(pieces: readonly Piece[], from: number): Piece[] | undefined {
  const label: Piece[] = [];
  for (let index = from; index < pieces.length && index < from + 7; index++) {
    const piece = pieces[index];
    if (piece.kind === 'mark' && piece.mark === ':') return label.length > 0 ? label : undefined;
    if (piece.kind === 'value' || (piece.kind === 'mark' && piece.mark !== '(' && piece.mark !== ')')) return undefined;
    label.push(piece);
  }
  return undefined;
}

function startsLabelledItem(pieces: readonly Piece[], from: number): boolean {
  return labelOf(pieces, from) !== undefined;
}

/** The owner the labelled item holding a value names (`…; (+)-Pentazocine: σ1 Ki = 16.7 nM`), if it is one. */
export function itemLabelOwner(pieces: readonly Piece[], valueIndex: number, kind: Mention['kind']): Mention | null | undefined {
  for (let index = valueIndex - 1; index >= 0; index--) {
    const piece = pieces[index];
    const itemStart = index === 0 ? 0 : piece.kind === 'mark' && piece.mark === ';' ? index + 1 : -1;
    if (itemStart >= 0 && startsLabelledItem(pieces, itemStart)) return labelledItemOwner(pieces, itemStart, kind);
  }
  return undefined;
}

/** Labels that head an item without naming a compound: `Binding: Ki = 5 nM`. */
const GENERIC_LABELS = new Set(['binding', 'affinity', 'affinities', 'potency', 'selectivity', 'result', 'results', 'note', 'notes', 'data', 'values', 'summary', 'mean', 'target', 'comparator', 'inhibition', 'activity', 'function', 'functional', 'efficacy', 'human', 'rat', 'mouse']);

/**
 * The name an item opening with a label names (`Haloperidol: σ1 Ki = 6.44 nM`): the label's name of `kind`; `null`
 * when the label is a single capitalized word or a code the dictionary does not know (`(+)-Pentazocine:`, `CM398:`),
 * so the values are that unknown compound's; `undefined` when the item has no label or it names none of `kind`.
 */
export function labelledItemOwner(pieces: readonly Piece[], from: number, kind: Mention['kind']): Mention | null | undefined {
  const label = labelOf(pieces, from);
  if (!label) return undefined;
  const named = label.filter((piece): piece is Extract<Piece, { kind: 'mention' }> => piece.kind === 'mention');
  if (named.length > 0) return named.length === 1 && named[0].mention.kind === kind ? named[0].mention : undefined;
  const words = label.filter((piece): piece is Extract<Piece, { kind: 'word' }> => piece.kind === 'word');
  if (words.length !== 1) return undefined;
  const written = words[0].written ?? '';
  if (unknownKindOf(words[0]) === kind) return null;
  return kind === 'compound' && /^[A-Z][a-z]{4,}$/.test(written) && !GENERIC_LABELS.has(words[0].word) ? null : undefined;
}

/**
 * `amitriptyline (Ki = 35 nM)`: a value inside a parenthesis that opens right after a name belongs to that name;
 * `null` when the name is one the dictionary does not know (`D4.2 (3.9)`, `CM398 (0.43 nM)`), so nothing else may be taken.
 */
function parentheticalOwner(pieces: readonly Piece[], valueIndex: number, kind: Mention['kind']): Mention | null | undefined {
  for (let index = valueIndex - 1; index > 0 && index >= valueIndex - 8; index--) {
    const piece = pieces[index];
    if (piece.kind === 'mention' || piece.kind === 'value') return undefined;
    if (piece.kind === 'mark' && (piece.mark === ')' || piece.mark === ';')) return undefined;
    if (piece.kind === 'mark' && piece.mark === '(') {
      const before = pieces[index - 1];
      if (before.kind === 'mention') {
        if (before.mention.kind === kind) return before.mention;
        // `comparable to clozapine at α1A (Ki = 7.9 nM)`: the compound named with the target owns the value too.
        const link = pieces[index - 2];
        const named = pieces[index - 3];
        const linked = link?.kind === 'word' && (link.word === 'at' || link.word === 'for' || link.word === 'on');
        return kind === 'compound' && linked && named?.kind === 'mention' && named.mention.kind === 'compound' ? named.mention : undefined;
      }
      if (before.kind === 'word' && unknownKindOf(before) === kind) return null;
      // `D2S receptor (Ki = 3.9 nM)`, `B1-adrenergic receptor (Ki = 46 nM)`: an unknown subtype before its head noun.
      if (kind === 'target' && before.kind === 'word' && HEAD_NOUNS.has(before.word)) {
        let named = index - 2;
        while (named > 0 && pieces[named].kind === 'word' && LIST_MEMBER_WORDS.has((pieces[named] as { word: string }).word)) named--;
        const symbol = pieces[named];
        if (symbol?.kind === 'word' && unknownKindOf(symbol) === 'target') return null;
      }
      // `MPHP (4.53) > 4Cl-α-PVP (8.05)`: with no compound named before, a name the dictionary does not know owns the
      // value as its compound; after one (`Ponatinib inhibits native ABL (IC50: 0.37 nM)`), as its target.
      const compoundBefore = namesCompoundBefore(pieces, index - 1);
      const unknownOwner = before.kind === 'word' && index - 1 > 0 && looksLikeName(before.written ?? '') && compoundBefore === (kind === 'target');
      if (kind !== 'compound') return unknownOwner ? null : undefined;
      return comparedOwner(pieces, index) ?? (unknownOwner ? null : undefined);
    }
  }
  return undefined;
}

/**
 * `less potent than fluoxetine in our system (IC50 of 1.50 µM)`: the compound a comparison names, a few words before
 * the parenthesis, owns the value given for it.
 */
function comparedOwner(pieces: readonly Piece[], open: number): Mention | undefined {
  for (let index = open - 1; index > 0 && index >= open - 5; index--) {
    const piece = pieces[index];
    if (piece.kind === 'mark' || piece.kind === 'value') return undefined;
    if (piece.kind !== 'mention') continue;
    const before = pieces[index - 1];
    const compared = before?.kind === 'word' && (before.word === 'than' || ((before.word === 'to' || before.word === 'with') && pieces[index - 2]?.kind === 'word' && comparingWords.has((pieces[index - 2] as { word: string }).word)));
    return piece.mention.kind === 'compound' && compared ? piece.mention : undefined;
  }
  return undefined;
}

/**
 * The radioligand a Kd is of (saturation binding): `[3H]granisetron (Kd=1.17 nM)`, or the one named before the value
 * in its clause (`The sites have a high affinity for [3H]nitrendipine with a dissociation constant of 2.1 nM`).
 */
export function radioligandOwner(pieces: readonly Piece[], valueIndex: number): Mention | undefined {
  for (let index = valueIndex - 1; index >= 0 && index >= valueIndex - reach; index--) {
    const piece = pieces[index];
    if (piece.kind === 'word' && piece.radioligand) return piece.radioligand;
    if (piece.kind === 'value' || (piece.kind === 'mark' && piece.mark === ';')) return undefined;
  }
  return undefined;
}

function namesCompoundBefore(pieces: readonly Piece[], end: number): boolean {
  for (let index = 0; index < end; index++) if (pieces[index].kind === 'mention' && (pieces[index] as { mention: Mention }).mention.kind === 'compound') return true;
  return false;
}

/** A subject verb right after the word at `index`, past a parenthesis: `DTG (1,3-di-o-tolylguanidine) shows`. */
function verbFollows(pieces: readonly Piece[], index: number): boolean {
  let next = index + 1;
  if (pieces[next]?.kind === 'mark' && (pieces[next] as { mark: string }).mark === '(') {
    while (next < pieces.length && next < index + 16 && !(pieces[next].kind === 'mark' && (pieces[next] as { mark: string }).mark === ')')) next++;
    next++;
  }
  const piece = pieces[next];
  return piece?.kind === 'word' && SUBJECT_VERBS.has(piece.word);
}

/** A word written like a name rather than English: capitals inside or a digit (`MPHP`, `PiHP`, `MEC`), or capitalized mid-sentence (`Amoxepine`). */
function looksLikeName(written: string): boolean {
  return written.length >= 3 && (/[A-Z].*[A-Z]|\d/.test(written) || /^[A-Z][a-z]{3,}$/.test(written));
}

/** The kind of name a word the dictionary does not know is shaped like, if any. */
function unknownKindOf(piece: Extract<Piece, { kind: 'word' }>): Mention['kind'] | undefined {
  return piece.otherCompound ? 'compound' : unknownNameKind(piece.written ?? '');
}

/** A word shaped like a receptor subtype (`D4.2`, `Nav1.7`) or a compound code (`CM398`, `LY-334370`) that no name matched. */
function unknownNameKind(written: string): Mention['kind'] | undefined {
  if (/^[A-Z][a-z]?\d{1,2}(?:\.\d{1,2})?(?:[A-Za-z]|High|Low)?$/.test(written)) return 'target';
  if (/^[A-Z]{2,5}-?\d{2,7}[A-Za-z]?$/.test(written)) return 'compound';
  return undefined;
}

/** Words that make the next name a comparison, not the subject: `Nortriptyline, like desipramine, prefers NET`. Names
 * that are the stimulus or the ligand of the assay are passed over the same way. */
const comparisonWords = new Set(['like', 'unlike', 'than', 'versus', 'vs']);
const comparingWords = new Set(['relative', 'compared', 'comparison', 'contrast', 'comparable', 'similar', 'superior', 'inferior', 'equipotent']);
/** `Nortriptyline, the main metabolite of amitriptyline, binds NET`: the name after `<noun> of` is not the subject. */
const relationNouns = new Set(['metabolite', 'metabolites', 'analogue', 'analog', 'derivative', 'prodrug', 'enantiomer', 'isomer', 'congener', 'precursor', 'parent']);

/** `antagonised histamine`, `displaced imipramine`: the name after these is the agonist or ligand of the assay. */
const assayObjectWords = new Set(['antagonised', 'antagonized', 'antagonises', 'antagonizes', 'antagonising', 'antagonizing', 'displaced', 'displaces', 'displacing', 'against']);
/** `histamine-induced contractions`, `5-HT-evoked currents`: the name before these is the stimulus. */
const stimulusWords = new Set(['induced', 'evoked', 'stimulated', 'elicited', 'triggered', 'enhanced', 'mediated', 'activated', 'driven', 'promoted']);

const READOUT_WORDS = new Set(['phosphorylation', 'expression', 'translocation']);

/** `ERK1/2 phosphorylation (IC50 = 29 nM)`: a protein whose change is the assay's readout, not the drug's target. */
function isReadout(pieces: readonly Piece[], index: number): boolean {
  const piece = pieces[index];
  const after = pieces[index + 1];
  return piece?.kind === 'mention' && piece.mention.kind === 'target' && after?.kind === 'word' && READOUT_WORDS.has(after.word);
}

/** `dopamine receptors`, `a dopamine agonist`, `5-HT uptake`, `fluoxetine concentrations`: the compound qualifies a noun. */
const qualifiedNouns = new Set(['receptor', 'receptors', 'agonist', 'agonists', 'antagonist', 'antagonists', 'transporter', 'transporters', 'uptake', 'reuptake', 'release', 'level', 'levels', 'system', 'systems', 'neurotransmission', 'signalling', 'signaling', 'pathway', 'pathways', 'neurons', 'neuronal', 'tone', 'turnover', 'concentrations', 'content', 'metabolism', 'responses', 'response', 'analogues', 'analogs', 'derivatives', 'class', 'scaffold']);

/**
 * A name that is not the subject its clause speaks of: compared with (`like desipramine`, `relative to sertraline`),
 * the stimulus or ligand of the assay (`histamine-induced`, `displaced imipramine`), a relative (`metabolite of
 * amitriptyline`), or a compound qualifying a noun (`dopamine receptors`, `a dopamine agonist`).
 */
export function isComparison(pieces: readonly Piece[], index: number): boolean {
  const after = pieces[index + 1];
  const mention = pieces[index];
  if (isReadout(pieces, index)) return true;
  if (mention?.kind === 'mention' && mention.mention.kind === 'compound' && after?.kind === 'word' && (stimulusWords.has(after.word) || qualifiedNouns.has(after.word))) return true;
  const before = pieces[index - 1];
  if (before === undefined || before.kind !== 'word') return false;
  if (comparisonWords.has(before.word)) return true;
  // `relative to sertraline`, `compared with imipramine`, `in contrast to fluoxetine`.
  const beforeThat = pieces[index - 2];
  if ((before.word === 'to' || before.word === 'with') && beforeThat?.kind === 'word' && comparingWords.has(beforeThat.word)) return true;
  if (mention?.kind === 'mention' && mention.mention.kind === 'compound' && assayObjectWords.has(before.word)) return true;
  const noun = pieces[index - 2];
  return before.word === 'of' && noun !== undefined && noun.kind === 'word' && relationNouns.has(noun.word);
}

/**
 * The names of `kind` written before piece `valueIndex`, in order, when there are at least `count` (`exactly`: just
 * `count`): the last `count` of them.
 */
export function respectivelyEntities(pieces: readonly Piece[], valueIndex: number, kind: Mention['kind'], count: number, exactly = false): Mention[] | undefined {
  const names: Mention[] = [];
  // `a Ki of 2.21 nM at 5-HT1F, compared with Ki values of 1043 and 1357 nM at 5-HT1B and 5-HT1D, respectively`: names
  // before an earlier value are that value's.
  let ownedByValue = false;
  for (let index = Math.max(0, valueIndex - reach); index < valueIndex; index++) {
    const piece = pieces[index];
    if (piece.kind === 'value') {
      names.length = 0;
      ownedByValue = true;
    } else if (piece.kind === 'mention') {
      if (piece.mention.kind === kind && !ownedByValue) names.push(piece.mention);
    } else if (!(piece.kind === 'word' && (linkingWords.has(piece.word) || piece.word === 'the' || piece.word === ''))) {
      ownedByValue = false;
    }
  }
  const distinct = dropParentheticalSynonyms(names);
  if (exactly) return distinct.length === count && new Set(distinct.map((name) => name.id)).size === count ? distinct : undefined;
  if (distinct.length >= count) return distinct.slice(distinct.length - count);
  if (distinct.length > 0) return undefined;
  // `Ki values of 0.24 and 6.0 nM at SERT and NET, respectively`: the list of names right after the values.
  const following = dropParentheticalSynonyms(followingList(pieces, valueIndex, kind));
  return following.length === count ? following : undefined;
}

/** Words a list of names right after its values may hold: `at the human SERT, NET and DAT receptors, respectively`. */
const listWords = new Set([...linkingWords, 'and', 'or', 'respectively', 'receptor', 'receptors', 'transporter', 'transporters', 'subtype', 'subtypes', 'sites', 'site']);

/** Words that qualify members of a list of receptors: `α1-adrenergic, β-adrenergic, H1, and mACh receptors`. */
const LIST_MEMBER_WORDS = new Set(['adrenergic', 'dopaminergic', 'serotonergic', 'muscarinic', 'nicotinic', 'histaminergic', 'cholinergic', 'opioid', 'serotonin', 'dopamine', 'histamine', 'type', 'alpha', 'beta']);

export function followingList(pieces: readonly Piece[], valueIndex: number, kind: Mention['kind']): Mention[] {
  const names: Mention[] = [];
  for (let index = valueIndex + 1; index < pieces.length && index <= valueIndex + reach; index++) {
    const piece = pieces[index];
    if (piece.kind === 'mention') {
      if (piece.mention.kind === kind) names.push(piece.mention);
      continue;
    }
    if (piece.kind === 'mark' && piece.mark === '(') {
      // `for dopamine D3 (partial agonist), serotonin 5-HT2B (antagonist), and 5-HT7`: a note on a member.
      const close = pieces.findIndex((next, at) => at > index && at <= index + 10 && next.kind === 'mark' && next.mark === ')');
      if (close < 0 || pieces.slice(index + 1, close).some((inside) => inside.kind === 'value')) break;
      index = close;
      continue;
    }
    if (piece.kind === 'mark' && (piece.mark === ',' || piece.mark === ')')) continue;
    if (piece.kind === 'word' && (listWords.has(piece.word) || LIST_MEMBER_WORDS.has(piece.word) || /[A-Z\d]/.test(piece.written ?? ''))) continue;
    // `5-HT2`: a name the dictionary does not know, read as a number and a word.
    if (piece.kind === 'value' && pieces[index + 1]?.kind === 'word') continue;
    break;
  }
  return names;
}

const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'for', 'and', 'or', 'to', 'in', 'at', 'with', 'by', 'both', 'between', 'than', 'as', 'that', 'which', 'its', 'their', 'these', 'those', 'drugs', 'compounds', 'agonists', 'antagonists']);

/**
 * A known name coordinated with a word the dictionary does not know (`Alpha-dihydroergocryptine and lisuride`,
 * `femoxetine, paroxetine`): the list names compounds it cannot all read.
 */
export function hasUnknownSibling(pieces: readonly Piece[], valueIndex: number, kind: Mention['kind']): boolean {
  for (let index = Math.max(2, valueIndex - reach); index < valueIndex; index++) {
    const piece = pieces[index];
    if (piece.kind !== 'mention' || piece.mention.kind !== kind) continue;
    // `Etoperidone and lisuride`, `tramadol, its (+) and (-) enantiomers, M1, …`: an unknown word joined on either side.
    for (const [joiner, sibling] of [[pieces[index - 1], pieces[index - 2]], [pieces[index + 1], pieces[index + 2]]]) {
      const joined = (joiner?.kind === 'word' && (joiner.word === 'and' || joiner.word === 'or')) || (joiner?.kind === 'mark' && joiner.mark === ',');
      if (joined && sibling?.kind === 'word' && (sibling.word.length > 3 || unknownKindOf(sibling) === kind) && !FUNCTION_WORDS.has(sibling.word)) return true;
    }
  }
  return false;
}

/**
 * The coordinated list a name ends (`SERT, NET or DAT`, `SERT and NET`), in document order; the name alone when it ends
 * none. A parenthetical synonym (`SERT (5-HTT)`) is not a second name.
 */
export function coordinatedNames(pieces: readonly Piece[], entity: EntityAt, kind: Mention['kind']): Mention[] {
  const at = pieces.findIndex((piece) => piece.kind === 'mention' && piece.mention.start === entity.start);
  if (at < 0) return [];
  const names = [(pieces[at] as Extract<Piece, { kind: 'mention' }>).mention];
  let index = at - 1;
  for (;;) {
    let joined = false;
    while (index >= 0) {
      const piece = pieces[index];
      if (piece.kind === 'mark' && piece.mark === ',') joined = true;
      else if (piece.kind === 'word' && (piece.word === 'and' || piece.word === 'or')) joined = true;
      else break;
      index--;
    }
    // `SERT (5-HTT) and NET`: step over a parenthesis that follows the previous name.
    if (joined && pieces[index]?.kind === 'mark' && (pieces[index] as { mark: string }).mark === ')') {
      let open = index - 1;
      while (open >= 0 && open > index - 8 && !(pieces[open].kind === 'mark' && (pieces[open] as { mark: string }).mark === '(')) open--;
      if (open >= 0 && open > index - 8) index = open - 1;
    }
    const previous = pieces[index];
    // `M1/M2/M3`: names written one against the other are a list too.
    if (!joined && previous?.kind === 'mention' && previous.mention.kind === kind) joined = true;
    if (!joined || previous === undefined || previous.kind !== 'mention' || previous.mention.kind !== kind) break;
    if (previous.mention.id !== names[0].id) names.unshift(previous.mention);
    index--;
  }
  return names;
}

/** `SERT (5-HTT) and NET`: a name followed by another with the same id counts once. */
function dropParentheticalSynonyms(names: Mention[]): Mention[] {
  return names.filter((name, index) => index === 0 || names[index - 1].id !== name.id);
}

/**
 * The compound mentioned most often in the document (the first of equals), the subject of its tables and pronouns,
 * when it holds at least half the compound mentions: on real text a weaker majority named the wrong compound 18 times in 20.
 */
export function documentSubject(mentions: readonly Mention[]): Mention | undefined {
  const counts = new Map<string, number>();
  const firsts = new Map<string, Mention>();
  let best: Mention | undefined;
  let bestCount = 0;
  for (const mention of mentions) {
    if (mention.kind !== 'compound') continue;
    const count = (counts.get(mention.id) ?? 0) + 1;
    counts.set(mention.id, count);
    if (!firsts.has(mention.id)) firsts.set(mention.id, mention);
    if (count > bestCount) {
      bestCount = count;
      best = firsts.get(mention.id);
    }
  }
  // A document that speaks of several compounds about as often has no subject to fall back on.
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  return bestCount >= 2 && bestCount >= SUBJECT_SHARE * total ? best : undefined;
}

/** The share of the compound mentions the document's subject must hold. */
const SUBJECT_SHARE = 0.5;
