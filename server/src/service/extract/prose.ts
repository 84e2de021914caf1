import type { Relation } from '../kb/types';
import type { ValueItem } from './value';
import type { Mention } from '../recognize/recognize';
import type { Span } from '../scan/types';
import { clauseEntity, coordinatedNames, entityAt, followingList, hasUnknownSibling, isComparison, itemLabelOwner, radioligandOwner, respectivelyEntities, SUBJECT_VERBS, type Piece } from './associate';
import { isBlank } from './chars';
import { lexProse, type Token, type TokenSink } from './lexer';
import type { MeasureLabel } from './measure';
import { combineRelations } from './relation';
import { buildStatement } from './statement';
import type { AffinityStatement, ConcentrationUnit, EntityAt, MeasureSource, UnitSource } from './types';
import { readUnitAt } from './unit';

export interface ProseInput {
  /** The source text (statement texts are cut from it). */
  text: string;
  /** The scanner's masked text: same offsets, code and comments blanked. */
  masked: string;
  mentions: readonly Mention[];
  /** Spans the prose pass skips (tables, read on their own). */
  excluded: readonly Span[];
  isMath: (offset: number) => boolean;
  tieIsSpace: boolean;
  documentSubject?: Mention;
  /** The compound named by the heading (or the title) the offset stands under. */
  headingSubjectAt?: (offset: number) => Mention | undefined;
}

/**
 * What the prose reader carries from one paragraph to the next: the measure the section last named (with its unit)
 * and the last paragraph's compound and target. A re-read of part of a document starts from the state the whole
 * document's read had there, and must end in the state it had at the part's end (see `service/incremental/`).
 */
export interface ReaderState {
  recentLabel?: MeasureLabel;
  recentUnit?: ConcentrationUnit;
  previousCompound?: Mention;
  previousTarget?: Mention;
}

/** The reader's state after each paragraph end, by the offset where the paragraph ended; consecutive equal states once. */
export interface ReaderStates {
  at: number[];
  states: ReaderState[];
}

/** What a table cell's own headers say: a cell written as prose (`Low affinity (Ki = 3.3 µM)`) reads against them. */
export interface CellContext {
  span: Span;
  compound?: EntityAt;
  target?: EntityAt;
  label?: MeasureLabel;
  labelFrom?: MeasureSource;
  unit?: { unit: ConcentrationUnit; from: UnitSource };
}

/** Words after which a number may be the measure's value (`values of`, `and`, `from 11 to 24`); any other word (`at 4 mM`, `n = 3`) makes it something else. */
const valueIntroducers = new Set(['and', 'or', 'vs', 'versus', 'from', 'range', 'ranging', 'between', 'value', 'values', 'constant', 'constants', 'respectively', 'yielding', 'giving', 'gave', 'showed', 'displayed', 'had', 'has', 'have', 'approximately', 'to']);
/** After a measure's first value, a further value must be coordinated with it (`4.3 nM at SERT and 35 nM at NET`), not a condition (`in the presence of 4 mM`). */
const coordinatingWords = new Set(['and', 'or', 'vs', 'versus', 'whereas', 'while', 'but', 'respectively']);
/** A sentence that names nothing may still speak of the paragraph's compound through a pronoun. */
const pronouns = new Set(['it', 'its', 'they', 'their', 'this', 'these', 'same']);
/** Words before a relation that make the number a condition or a statistic (`at a concentration of 10 µM`, `n = 3`, `p < 0.05`). */
const conditionWords = new Set(['at', 'in', 'with', 'using', 'containing', 'presence', 'absence', 'concentration', 'concentrations', 'dose', 'doses', 'dosage', 'treated', 'incubated', 'n', 'p', 'r', 't', 'z', 'f', 'df', 'k', 'x', 'r2', 'weight', 'age', 'aged', 'temperature', 'time', 'hill', 'slope', 'coefficient', 'ratio', 'factor', 'error', 'errors', 'rmse', 'deviation', 'variability']);
const valueIntroducingMarks = new Set(['(', ':', ',', '[']);

/** Extracts the statements written in prose (and inline math): a measure, then its value(s), tied to names of the same sentence. */
export function extractFromProse(input: ProseInput, start?: ReaderState, record?: ReaderStates): AffinityStatement[] {
  const statements: AffinityStatement[] = [];
  const reader = new SentenceReader(input, statements, undefined, start, record);
  lexProse(input.masked, input.mentions, input.excluded, { tieIsSpace: input.tieIsSpace, original: input.text }, reader);
  return statements;
}

/** Reads a table cell written as prose; names it does not give come from the cell's row and column. */
export function extractFromCell(input: ProseInput, cell: CellContext): AffinityStatement[] {
  const statements: AffinityStatement[] = [];
  const reader = new SentenceReader(input, statements, cell);
  lexProse(input.masked, input.mentions, [], { tieIsSpace: input.tieIsSpace, original: input.text, range: cell.span }, reader);
  return statements;
}

class SentenceReader implements TokenSink {
  private tokens: Token[] = [];
  private paragraphCompound: Mention | undefined;
  private unknownSubject = false;
  /** The measure the section last named, for `affinity (500 nM) for …` sentences that name none. */
  private recentLabel: MeasureLabel | undefined;
  /** The unit written with that measure (`IC 50 (nM)`), for the values that inherit it. */
  private recentUnit: ConcentrationUnit | undefined;
  private paragraphTarget: Mention | undefined;
  /** The last paragraph's compound and target, for a paragraph that opens with `Its …`; a heading clears them. */
  private previousCompound: Mention | undefined;
  private previousTarget: Mention | undefined;

  constructor(private readonly input: ProseInput, private readonly statements: AffinityStatement[], private readonly cell?: CellContext, start?: ReaderState, private readonly record?: ReaderStates) {
    if (start) ({ recentLabel: this.recentLabel, recentUnit: this.recentUnit, previousCompound: this.previousCompound, previousTarget: this.previousTarget } = start);
  }

  token(token: Token): void {
    this.tokens.push(token);
  }

  sentenceEnd(): void {
    if (this.tokens.length > 0) this.readSentence(this.tokens);
    this.tokens = [];
  }

  paragraphEnd(section: boolean, at: number): void {
    this.sentenceEnd();
    if (section) {
      this.previousCompound = undefined;
      this.previousTarget = undefined;
      this.recentLabel = undefined;
      this.recentUnit = undefined;
    } else if (this.paragraphCompound || this.paragraphTarget) {
      this.previousCompound = this.paragraphCompound ?? this.previousCompound;
      this.previousTarget = this.paragraphTarget;
    }
    this.paragraphCompound = undefined;
    this.paragraphTarget = undefined;
    if (this.record) this.recordState(at);
  }

  private recordState(at: number): void {
    const { at: positions, states } = this.record!;
    const last = states[states.length - 1];
    if (last && last.recentLabel === this.recentLabel && last.recentUnit === this.recentUnit && last.previousCompound === this.previousCompound && last.previousTarget === this.previousTarget) return;
    positions.push(at);
    states.push({ recentLabel: this.recentLabel, recentUnit: this.recentUnit, previousCompound: this.previousCompound, previousTarget: this.previousTarget });
  }

  private readSentence(tokens: Token[]): void {
    const hasValues = tokens.some((token) => token.kind === 'values');
    const measures = tokens.filter((token): token is Extract<Token, { kind: 'measure' }> => token.kind === 'measure');
    const pieces = tokens.map((token) => toPiece(token, this.input.masked));
    // `Mephedrone inhibited NET …`: a sentence whose subject is a name the dictionary does not know speaks of neither
    // the paragraph's compound nor the document's.
    this.unknownSubject = !this.cell && startsWithUnknownSubject(tokens, this.input.masked);
    if (hasValues && (this.cell?.label !== undefined || measures.length > 0)) this.readStatements(tokens, pieces);
    else if (hasValues && this.recentLabel && !this.cell && speaksOfAffinity(pieces)) this.readStatements(tokens, pieces, this.recentLabel, this.recentUnit);
    if (measures.length > 0) {
      const last = measures[measures.length - 1];
      this.recentLabel = last.label;
      this.recentUnit = this.unitAfterMeasure(last.end);
    }
    // The sentence's subject compound: its first that is not compared with, a stimulus or qualifying a noun.
    let subject: Mention | undefined;
    pieces.forEach((piece, index) => {
      if (piece.kind !== 'mention') return;
      if (piece.mention.kind === 'target') this.paragraphTarget = piece.mention;
      else if (!subject && !isComparison(pieces, index)) subject = piece.mention;
    });
    if (subject) this.paragraphCompound = subject;
    else if (this.unknownSubject) this.paragraphCompound = undefined;
  }

  /** `inherited`: `It has negligible affinity (>10,000 nM) for D1 …` after a sentence that named the measure (Ki). */
  private readStatements(tokens: Token[], pieces: Piece[], inherited?: MeasureLabel, inheritedUnit?: ConcentrationUnit): void {
    const { cell } = this;
    let label: MeasureLabel | undefined = cell?.label ?? inherited;
    let measureFrom: MeasureSource = cell?.labelFrom ?? (inherited ? 'context' : 'sentence');
    let sentenceUnit: { unit: ConcentrationUnit; from: UnitSource } | undefined = cell?.unit ?? (inheritedUnit && { unit: inheritedUnit, from: 'context' });
    /** `CBD-Ki = 34 nM vs. ∆9-THC-Ki = 15 nM`, `SERT Ki 4.3 nM`: the name written against the measure owns its values. */
    let labelOwner: Mention | null | undefined;
    let labelIndex = -1;
    /** `… of 13.11 μM and 1.33 for fluoxetine and 0.80 μM and 1.65 for norfluoxetine`: the list goes on. */
    let sameList: { label: MeasureLabel; quantities: { position: number; count: number } } | undefined;
    const namesInSentence = tokens.some((token) => token.kind === 'mention');
    const radioligandInSentence = tokens.some((token) => token.kind === 'word' && token.radioligand !== undefined);
    const pronounSubject = !namesInSentence && tokens.some((token) => token.kind === 'word' && pronouns.has(token.word));
    const labelsUsed = new Set<MeasureLabel>();
    const saysRespectively = tokens.some((token) => token.kind === 'word' && token.word === 'respectively');
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index];
      if (token.kind === 'mention' || (token.kind === 'punct' && token.mark === ';')) {
        labelsUsed.clear(); // a new name or clause may take the measure again: `its SERT value of 8.9 nM`
        labelOwner = undefined;
        continue;
      }
      if (token.kind === 'measure') {
        label = token.label;
        labelIndex = index;
        measureFrom = 'sentence';
        labelOwner = ownerOfMeasure(tokens, index, this.input.masked);
        const unit = this.unitAfterMeasure(token.end);
        if (unit) sentenceUnit = { unit, from: 'sentence' };
        continue;
      }
      const radioligandKd = label?.measure === 'Kd' && radioligandInSentence;
      if (token.kind !== 'values' || !label || (!namesInSentence && !pronounSubject && !cell && !radioligandKd)) continue;
      if (isConfidenceInterval(tokens, index)) continue;
      // `an IC50 value and a Hill coefficient of 0.71 µM and 1.29, respectively`: every other value is the measure's.
      const listed = labelIndex >= 0 && token.items.length > 1 ? quantityList(tokens, labelIndex, index) ?? (sameList?.label === label ? sameList.quantities : undefined) : undefined;
      const quantities = listed && token.items.length % listed.count === 0 ? listed : undefined;
      if (quantities) sameList = { label, quantities };
      const relation = quantities ? relationBefore(tokens, index, true) ?? undefined : relationBefore(tokens, index, labelsUsed.has(label));
      if (relation === null) continue;
      labelsUsed.add(label);
      // `24.9 nM heart, 4810 nM lung`: a value paired with a tissue is that tissue's receptor, which the paragraph's
      // last-named target need not be.
      const after = pieces[index + 1];
      const pairedWithTissue = after?.kind === 'word' && TISSUE_WORDS.has(after.word);
      const measureValues = quantities ? Math.floor(token.items.length / quantities.count) : token.items.length;
      const pairs = measureValues > 1 ? this.respectivelyPairs(pieces, index, measureValues, saysRespectively) : undefined;
      token.items.forEach((itemAsRead, itemIndex) => {
        if (quantities && itemIndex % quantities.count !== quantities.position) return;
        const item = nanomolarWrittenLowerCase(this.input.masked, itemAsRead, label!) ?? itemAsRead;
        if (isIonConcentration(this.input.text, item)) return;
        const entities: { compound?: EntityAt | null; target?: EntityAt | null } = pairs ? pairs[quantities ? Math.floor(itemIndex / quantities.count) : itemIndex] ?? {} : namesInSentence || labelOwner === null ? this.clauseEntities(pieces, index, labelOwner) : cell ? { compound: cell.compound, target: cell.target } : this.paragraphEntities(pieces, index);
        // `[3H]granisetron (Kd=1.17 nM)`: a Kd with no compound of its own is its radioligand's (saturation binding).
        if ((entities.compound === undefined || entities.compound?.via === 'paragraph-subject') && label!.measure === 'Kd' && !pairs) {
          const radioligand = radioligandOwner(pieces, index);
          if (radioligand) entities.compound = entityAt(radioligand, 'clause');
        }
        if (!entities.compound && !entities.target && !cell?.compound && !cell?.target) return;
        const written = relation?.relation ?? '=';
        // `no affinity for SERT, NET or DAT (Ki > 10 µM)`: a bound stated once for a list of targets holds for each.
        const clauseTarget = entities.target ?? undefined;
        const spansRange = isBound(written) || item.valueHigh !== undefined;
        // `no affinity for SERT, NET or DAT (Ki > 10 µM)`, `affinity (500–10,000 nM) for the 5-HT1A, 5-HT1B and α2 receptors`.
        const listedAfter = !pairs && token.items.length === 1 && spansRange && introducesList(pieces, index) ? dropRepeats(followingList(pieces, index, 'target')) : [];
        const listed = listedAfter.length > 1 ? listedAfter : !pairs && token.items.length === 1 && spansRange && clauseTarget?.via === 'clause' ? coordinatedNames(pieces, clauseTarget, 'target') : [];
        const targets = listed.length > 1 ? listed.map((mention) => entityAt(mention, mention.start === clauseTarget?.start ? 'clause' : 'list-order')) : [entities.target];
        // `K(i) > 100 nM (tramadol, codeine, meperidine and pentazocine)`: a bound or range stated for the compounds it lists.
        const listedCompounds = !pairs && token.items.length === 1 && spansRange ? parenthesizedCompounds(pieces, index) : [];
        const compounds = listedCompounds.length > 0 ? listedCompounds.map((mention) => entityAt(mention, 'clause')) : [undefined];
        for (const target of targets) for (const listedCompound of compounds) {
          const statement = buildStatement({
            text: this.input.text,
            item,
            label: label!,
            measureSpan: { start: label!.start, end: label!.end },
            relation: written,
            relationSignStart: itemIndex === 0 ? relation?.signStart : undefined,
            fallbackUnit: sentenceUnit,
            measureFrom,
            // In a cell, the table reader has already decided whether the document's compound may stand in; a compound
            // the cell's own text named before does (`Haloperidol: …. Haloperidol additionally binds D2 with Ki = 2.8 nM`).
            compound: listedCompound ?? (entities.compound === null ? undefined : entities.compound ?? (cell ? cell.compound ?? this.cellSubject() : this.subjectCompound(item.start))),
            // `All six bound hSERT. Clomipramine was the most potent, with a KD of 0.3 nM`: the paragraph's target.
            target: target === null ? undefined : target ?? cell?.target ?? (pairedWithTissue ? undefined : this.paragraphTarget && entityAt(this.paragraphTarget, 'paragraph-subject')),
            context: cell ? 'table' : this.input.isMath(item.valueSpan.start) ? 'math' : 'prose',
          });
          if (statement) this.statements.push(statement);
        }
      });
    }
  }

  /** `Ki (nM):` or `(Ki, nM)` — a unit written right after the measure applies to the sentence's bare numbers. */
  private unitAfterMeasure(end: number): ConcentrationUnit | undefined {
    const { masked } = this.input;
    let position = end;
    while (position < masked.length && position < end + 4 && (isBlank(masked.charCodeAt(position)) || '(,;$['.includes(masked[position]))) position++;
    // `(Ki in nM):`, `Ki values (in µM)`.
    if (masked.startsWith('in ', position)) position += 3;
    const unit = readUnitAt(masked, position);
    if (!unit || unit.kind !== 'concentration') return undefined;
    const after = masked[unit.end];
    return after === ')' || after === ']' || after === ':' ? unit.unit : undefined;
  }

  /** `null`: the clause names it with a word the dictionary does not know. */
  private clauseEntities(pieces: Piece[], valueIndex: number, labelOwner?: Mention | null): { compound?: EntityAt | null; target?: EntityAt | null } {
    if (labelOwner === null) return { compound: null, target: this.clauseEntities(pieces, valueIndex).target };
    // In a table cell, the compounds the text names are mostly the assay's (`CP55940-enhanced GTPγS binding`): the
    // cell's column or row says whose the value is, unless a name is written against the value or its measure.
    const ownerOnly = this.cell !== undefined;
    const compound = labelOwner?.kind === 'compound' ? labelOwner : ownerOnly ? ownedBy(pieces, valueIndex, 'compound') ?? itemLabelOwner(pieces, valueIndex, 'compound') : clauseEntity(pieces, valueIndex, 'compound');
    const target = labelOwner?.kind === 'target' ? labelOwner : clauseEntity(pieces, valueIndex, 'target');
    return { compound: compound && entityAt(compound, 'clause'), target: target && entityAt(target, 'clause') };
  }

  /**
   * Values of a list paired in order with names: after "respectively", the last names before the values; without it,
   * only when exactly as many names of one kind stand before the values (`The Ki values for SERT, NET and DAT were 4.3,
   * 35 and 3250 nM`). A `null` name: the values belong to names that cannot be told apart, so none may be taken from
   * elsewhere.
   */
  private respectivelyPairs(pieces: Piece[], valueIndex: number, count: number, saysRespectively: boolean): Array<{ compound?: EntityAt | null; target?: EntityAt | null }> | undefined {
    const exactly = !saysRespectively;
    const targets = respectivelyEntities(pieces, valueIndex, 'target', count, exactly);
    const compounds = targets ? undefined : respectivelyEntities(pieces, valueIndex, 'compound', count, exactly);
    if (!targets && !compounds) {
      // `Alpha-dihydroergocryptine and lisuride … (Ki = 35.4 and 56.7 nM, respectively)`: fewer known names than
      // values means some are names the dictionary does not know; which value is whose cannot be told.
      if (!saysRespectively) return undefined;
      // A respectively list the names cannot be aligned with (a name the dictionary does not know, or one missing):
      // a kind with several names in the sentence is unknown for each value; a single name holds for all.
      const clause = this.clauseEntities(pieces, valueIndex);
      const compoundsUnknown = hasUnknownSibling(pieces, valueIndex, 'compound') || distinctNames(pieces, 'compound') > 1;
      const targetsUnknown = distinctNames(pieces, 'target') > 1;
      if (!compoundsUnknown && !targetsUnknown) return undefined;
      return Array.from({ length: count }, () => ({ target: targetsUnknown ? null : clause.target, compound: compoundsUnknown ? null : clause.compound }));
    }
    const clause = this.clauseEntities(pieces, valueIndex);
    const via = saysRespectively ? 'respectively' : 'list-order';
    return Array.from({ length: count }, (_, index) => ({
      target: targets ? entityAt(targets[index], via) : clause.target,
      compound: compounds ? entityAt(compounds[index], via) : clause.compound,
    }));
  }

  /**
   * `It also blocks the pore, with an IC50 of 220 µM`: the paragraph's compound and the target it spoke of last; a
   * target the sentence names with an unknown symbol (`the B1-adrenergic receptor (Ki = …)`) stays unknown.
   */
  private paragraphEntities(pieces: Piece[], valueIndex: number): { compound?: EntityAt; target?: EntityAt | null } {
    const compound = this.paragraphCompound ?? this.previousCompound;
    if (!compound) return {};
    const target = clauseEntity(pieces, valueIndex, 'target') === null ? null : this.paragraphCompound ? this.paragraphTarget : this.paragraphTarget ?? this.previousTarget;
    return { compound: entityAt(compound, 'paragraph-subject'), target: target && entityAt(target, 'paragraph-subject') };
  }

  private cellSubject(): EntityAt | undefined {
    const named = this.unknownSubject ? undefined : this.paragraphCompound;
    return named && entityAt(named, 'paragraph-subject');
  }

  private subjectCompound(offset: number): EntityAt | undefined {
    if (this.unknownSubject) return undefined;
    const paragraphCompound = this.paragraphCompound ?? this.previousCompound;
    if (paragraphCompound) return entityAt(paragraphCompound, 'paragraph-subject');
    const heading = this.input.headingSubjectAt?.(offset);
    if (heading) return entityAt(heading, 'heading');
    return this.input.documentSubject && entityAt(this.input.documentSubject, 'document-subject');
  }
}

/**
 * The name written right against a measure label (`CBD-Ki`, `SERT Ki`, `hERG IC50`, `Ki(D3)`, `Ki (D2)`), which owns
 * the values that follow it.
 */
function ownerOfMeasure(tokens: readonly Token[], measureIndex: number, text: string): Mention | null | undefined {
  const [open, inside, close] = [tokens[measureIndex + 1], tokens[measureIndex + 2], tokens[measureIndex + 3]];
  if (open?.kind === 'punct' && open.mark === '(' && inside?.kind === 'mention' && close?.kind === 'punct' && close.mark === ')' && open.start - tokens[measureIndex].end <= 1) return inside.mention;
  const before = tokens[measureIndex - 1];
  if (!before) return undefined;
  const gap = text.slice(before.end, tokens[measureIndex].start);
  // `dronabinol-Ki = 3.3 µM`: a word the dictionary does not know, hyphenated to the measure, is an unknown compound's.
  if (before.kind === 'word' && gap === '-' && before.word.length >= 4) return null;
  if (before.kind !== 'mention') return undefined;
  return /^[\s-]?$/.test(gap) ? before.mention : undefined;
}

const TISSUE_WORDS = new Set(['heart', 'lung', 'lungs', 'brain', 'cortex', 'striatum', 'hippocampus', 'cerebellum', 'liver', 'kidney', 'spleen', 'atria', 'atrium', 'ventricle', 'ileum', 'trachea', 'aorta', 'bladder', 'platelets', 'uterus', 'colon', 'prostate', 'retina']);

/** Quantities given in one list with an affinity: `Hill coefficient`, `slope`, `Emax`, `maximal inhibition`. */
const OTHER_QUANTITY_WORDS = new Set(['hill', 'coefficient', 'coefficients', 'slope', 'slopes', 'nh', 'emax', 'bmax', 'efficacy', 'maximum', 'maximal', 'tau', 'inhibition']);

/**
 * `an IC50 value and a Hill coefficient of …` (the measure first of two) or `a Hill coefficient and an IC50 of …`
 * (second): the measure's place among the quantities a list of values gives.
 */
function quantityList(tokens: readonly Token[], measureIndex: number, valuesIndex: number): { position: number; count: number } | undefined {
  const isWord = (token: Token | undefined, words: ReadonlySet<string> | string[]) => token?.kind === 'word' && (Array.isArray(words) ? words.includes(token.word) : words.has(token.word));
  const articles = ['a', 'an', 'the'];
  const between = tokens.slice(measureIndex + 1, valuesIndex);
  if (between.length > 8) return undefined;
  const and = between.findIndex((token) => isWord(token, ['and']));
  if (and >= 0) {
    let next = and + 1;
    while (isWord(between[next], articles)) next++;
    return isWord(between[next], OTHER_QUANTITY_WORDS) ? { position: 0, count: 2 } : undefined;
  }
  let before = measureIndex - 1;
  while (isWord(tokens[before], articles)) before--;
  if (!isWord(tokens[before], ['and'])) return undefined;
  for (let index = before - 1; index >= 0 && index >= before - 3; index--) if (isWord(tokens[index], OTHER_QUANTITY_WORDS)) return { position: 1, count: 2 };
  return undefined;
}

/**
 * The compounds a parenthesis right after the value lists, two items at least (names the dictionary does not know
 * count as items but give no statement); nothing when the parenthesis holds another value or measure.
 */
function parenthesizedCompounds(pieces: readonly Piece[], valueIndex: number): Mention[] {
  if (!(pieces[valueIndex + 1]?.kind === 'mark' && (pieces[valueIndex + 1] as { mark: string }).mark === '(')) return [];
  const compounds: Mention[] = [];
  let items = 0;
  let inItem = false;
  for (let index = valueIndex + 2; index < pieces.length && index < valueIndex + 40; index++) {
    const piece = pieces[index];
    if (piece.kind === 'mark' && piece.mark === ')') return items >= 2 ? compounds : [];
    if (piece.kind === 'value' || (piece.kind === 'mention' && piece.mention.kind !== 'compound') || (piece.kind === 'word' && piece.word === '')) return [];
    const separator = (piece.kind === 'mark' && piece.mark === ',') || (piece.kind === 'word' && (piece.word === 'and' || piece.word === 'or'));
    if (separator) {
      inItem = false;
      continue;
    }
    if (!inItem) items++;
    inItem = true;
    if (piece.kind === 'mention') compounds.push(piece.mention);
  }
  return [];
}

function dropRepeats(names: readonly Mention[]): Mention[] {
  return names.filter((name, index) => names.findIndex((other) => other.id === name.id) === index);
}

/** `(>10,000 nM) for the D1, D5 and H1 receptors`: a preposition right after the value (or its parenthesis). */
function introducesList(pieces: readonly Piece[], valueIndex: number): boolean {
  let index = valueIndex + 1;
  while (pieces[index]?.kind === 'mark' && (pieces[index] as { mark: string }).mark === ')') index++;
  const next = pieces[index];
  return next?.kind === 'word' && (next.word === 'for' || next.word === 'at' || next.word === 'to' || next.word === 'on' || next.word === 'against');
}

/**
 * `8.66 (8.47–8.85)`, `2.5 µM (95% CI: 1.7–3.7 µM)`: the limits of the value before the parenthesis, not another value.
 */
function isConfidenceInterval(tokens: readonly Token[], valueIndex: number): boolean {
  for (let index = valueIndex - 1; index >= 0 && index >= valueIndex - 4; index--) {
    const token = tokens[index];
    if (token.kind === 'punct' && token.mark === '(') return tokens[index - 1]?.kind === 'values';
    if (token.kind === 'word' && !/^(?:ci|confidence|interval|limits?|range|\d+)$/.test(token.word)) return false;
    if (token.kind === 'mention' || token.kind === 'measure') return false;
  }
  return false;
}

const COMMON_STARTERS = new Set(['the', 'this', 'these', 'those', 'that', 'it', 'its', 'in', 'at', 'with', 'for', 'all', 'both', 'each', 'binding', 'affinity', 'values', 'data', 'results', 'compounds', 'drugs', 'neither', 'none', 'other', 'such', 'our', 'we', 'they', 'table', 'figure', 'fig', 'here', 'there', 'however', 'moreover', 'furthermore', 'finally', 'overall', 'treatment', 'pretreatment', 'administration']);

/** `2-(3-chlorophenyl)-1H-quinazolin-4-one`, `4-methylpentedrone`, `N-ethylhexedrone`: locants and letters joined by hyphens. */
const SYSTEMATIC_NAME = /^(?=.*[A-Za-z]{4})(?:(?:[\dA-Z][\d,'′]*-|\(|\[)[\w(),'′\[\]-]{4,}|(?=.*\d)(?=(?:[^-]*-){2})[\w(),'′\[\]-]{6,})$/;

/** A sentence opening with a capitalized word no name matched, then a verb: `Mephedrone inhibited …`, `CM398 binds …`. */
function startsWithUnknownSubject(tokens: readonly Token[], text: string): boolean {
  const [first, second] = tokens;
  if (first?.kind === 'word' && first.otherCompound) return true;
  // `2-(3-Chlorophenyl)-1H-quinazolin-4-one demonstrates …`: a systematic name no name matched, then a verb.
  if (first) {
    const chunk = /^\S+/.exec(text.slice(first.start, first.start + 120))?.[0] ?? '';
    const next = tokens.find((token) => token.start >= first.start + chunk.length);
    const inside = tokens.filter((token) => token.start < first.start + chunk.length);
    if (SYSTEMATIC_NAME.test(chunk) && !inside.some((token) => token.kind === 'mention') && next?.kind === 'word' && SUBJECT_VERBS.has(next.word)) return true;
  }
  if (first?.kind !== 'word' || second?.kind !== 'word' || !SUBJECT_VERBS.has(second.word)) return false;
  const written = text.slice(first.start, first.end);
  return /^[A-Z]/.test(written) && written.length >= 4 && !COMMON_STARTERS.has(first.word);
}

/** `affinity (500–10,000 nM) for`: the word, then a parenthesis holding the value. */
function speaksOfAffinity(pieces: readonly Piece[]): boolean {
  // `more potent than amphetamine (257) and cocaine (111)`, after `IC50 (nM) was …`: compounds each with a number in
  // parentheses; two at least, since one alone may be a reference number.
  const compoundsWithNumber = pieces.filter((piece, index) => piece.kind === 'mention' && piece.mention.kind === 'compound' && isMark(pieces[index + 1], '(') && pieces[index + 2]?.kind === 'value' && isMark(pieces[index + 3], ')')).length;
  if (compoundsWithNumber >= 2) return true;
  return pieces.some((piece, index) => {
    // `It also interacted with h5-HT2B receptors (6.6)`: a target with its value in parentheses.
    const targetWithValue = piece.kind === 'mention' && piece.mention.kind === 'target' && pieces[index + 1]?.kind === 'mark' && (pieces[index + 1] as { mark: string }).mark === '(' && pieces[index + 2]?.kind === 'value';
    if (targetWithValue) return true;
    if (piece.kind !== 'word' || (piece.word !== 'affinity' && piece.word !== 'affinities')) return false;
    const open = pieces[index + 1];
    return open?.kind === 'mark' && open.mark === '(' && pieces.slice(index + 2, index + 4).some((next) => next.kind === 'value');
  });
}

function isMark(piece: Piece | undefined, mark: string): boolean {
  return piece?.kind === 'mark' && piece.mark === mark;
}

/** `fluoxetine (Ki = 1 nM)`: the name a value's parenthesis opens after, if any. */
function ownedBy(pieces: readonly Piece[], valueIndex: number, kind: Mention['kind']): Mention | undefined {
  for (let index = valueIndex - 1; index > 0 && index >= valueIndex - 8; index--) {
    const piece = pieces[index];
    if (piece.kind === 'mention' || piece.kind === 'value' || (piece.kind === 'mark' && piece.mark !== '(')) return undefined;
    if (piece.kind === 'mark') {
      const before = pieces[index - 1];
      return before.kind === 'mention' && before.mention.kind === kind ? before.mention : undefined;
    }
  }
  return undefined;
}

/** The distinct names of a kind a sentence gives as subjects (comparisons and qualifiers aside). */
function distinctNames(pieces: readonly Piece[], kind: Mention['kind']): number {
  const ids = new Set<string>();
  pieces.forEach((piece, index) => {
    if (piece.kind === 'mention' && piece.mention.kind === kind && !isComparison(pieces, index)) ids.add(piece.mention.id);
  });
  return ids.size;
}

/**
 * `Ki of MPH with DAT: 34 nm`: after a measure, `nm` is nanomolar written in lower case, not nanometres. The label must
 * stand within 60 characters before the value.
 */
function nanomolarWrittenLowerCase(text: string, item: ValueItem, label: MeasureLabel): ValueItem | undefined {
  if (!item.foreignUnit || label.scale !== 'concentration' || item.valueSpan.start - label.end > 60) return undefined;
  const unitStart = item.valueSpan.end + (/^\s?/.exec(text.slice(item.valueSpan.end, item.valueSpan.end + 1))?.[0].length ?? 0);
  if (!/^nm(?![\p{L}\p{N}])/u.test(text.slice(unitStart, unitStart + 3))) return undefined;
  return { ...item, foreignUnit: false, unit: 'nM', unitSpan: { start: unitStart, end: unitStart + 2 }, end: unitStart + 2 };
}

/** `[K+]o was reduced to 2 mM`, `in 4 mM Ca2+`: a millimolar ion concentration is an assay condition, not an affinity. */
const ION_NEAR = /(?:\[\s*|\b)(?:K|Na|Ca|Mg|Cl|Zn)(?:\$?\^?\{?\s*2?\s*[+-]|\u207a|\u00b2\u207a)|\b(?:potassium|sodium|calcium|magnesium|chloride)\b/i;

function isIonConcentration(text: string, item: ValueItem): boolean {
  if (item.unit !== 'mM' && item.unit !== 'M') return false;
  return ION_NEAR.test(text.slice(Math.max(0, item.start - 40), item.start)) || ION_NEAR.test(text.slice(item.end, item.end + 16));
}

function isBound(relation: Relation): boolean {
  return relation === '>' || relation === '>=' || relation === '<' || relation === '<=';
}

function toPiece(token: Token, text: string): Piece {
  if (token.kind === 'mention') return { kind: 'mention', mention: token.mention };
  if (token.kind === 'word') return { kind: 'word', word: token.word, written: text.slice(token.start, token.end), radioligand: token.radioligand, otherCompound: token.otherCompound };
  // `of`, `was`: read as relations before a value, but words like any other to the association rules.
  if (token.kind === 'relation' && token.read.written === 'word') return { kind: 'word', word: text.slice(token.start, token.end).toLowerCase() };
  if (token.kind === 'punct') return { kind: 'mark', mark: token.mark };
  if (token.kind === 'values') return { kind: 'value' };
  return { kind: 'word', word: '' };
}

/**
 * The relation written before the value at `index`: `undefined` when the value follows the measure, a name, a list
 * word or a mark; `null` when something else stands before it (`at 4 mM`, `n = 3`, `p < 0.05`), so it is not the measure's value.
 */
function relationBefore(tokens: Token[], index: number, labelUsed: boolean): { relation: Relation; signStart?: number } | undefined | null {
  let relation: Relation | undefined;
  let signStart: number | undefined;
  let position = index - 1;
  while (position >= 0 && tokens[position].kind === 'relation') {
    const read = (tokens[position] as Extract<Token, { kind: 'relation' }>).read;
    relation = relation === undefined ? read.relation : combineRelations(read.relation, relation);
    if (read.written === 'sign' && position === index - 1) signStart = read.start;
    position--;
  }
  const before = tokens[position];
  if (!before) return relation ? { relation, signStart } : null;
  const introduced = labelUsed ? isCoordinated(before) : isIntroduced(before, relation !== undefined);
  if (!introduced) return null;
  return relation ? { relation, signStart } : undefined;
}

function isIntroduced(before: Token, afterRelation: boolean): boolean {
  if (before.kind === 'measure' || before.kind === 'mention') return true;
  if (before.kind === 'punct') return afterRelation || valueIntroducingMarks.has(before.mark);
  if (before.kind === 'word') return valueIntroducers.has(before.word) || (afterRelation && !conditionWords.has(before.word));
  return false;
}

function isCoordinated(before: Token): boolean {
  if (before.kind === 'measure' || before.kind === 'mention') return true;
  if (before.kind === 'punct') return before.mark === ',' || before.mark === '(' || before.mark === ';';
  return before.kind === 'word' && coordinatingWords.has(before.word);
}
