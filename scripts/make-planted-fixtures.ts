/**
 * Builds test/fixtures/affinity/planted/ from test/fixtures/affinity/correct/: every manuscript is copied and some of
 * its statements get ONE planted error each (affinity.unit-slip, decimal-slip, measure-mismatch, target-swap,
 * mismatch, condition); the copied truth file carries the code in `expect`. Untouched statements stay `ok`.
 *
 * Deterministic (no randomness): statements are visited in file order and assigned by a fixed rule.
 * Everything is verified against dist/kb.json with the checker's rule (see test/fixtures/affinity/README.md):
 * the correct corpus must be consistent, and every planted value must meet its code's definition and no other
 * code's. The script fails loudly (exit 1) when something does not hold.
 *
 * Usage: npm run build (once, for dist/kb.json), then `npx tsx scripts/make-planted-fixtures.ts [--check]`
 * (`--check` verifies the correct corpus and that planted/ is up to date, without writing).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import type { CheckCode as Code } from '../server/src/service/check/types';
import type { Measure } from '../server/src/service/kb/types';

interface Rec {
  id: string;
  compound: string;
  target?: string;
  measure: Measure;
  relation: string;
  valueNm: number;
  valueHighNm?: number;
  species: string;
  conditions?: string;
  outlier?: boolean;
}
interface Tgt {
  id: string;
  members?: string[];
}
interface KB {
  affinities: Rec[];
  targets: Tgt[];
}

interface Statement {
  line: number;
  character: number;
  text: string;
  compound: string;
  target: string;
  measure: Measure;
  relation: string;
  valueNm: number;
  valueHighNm?: number;
  pValue?: number;
  measureText?: string;
  conditionText?: string;
  expect: string;
  planted?: { original: string; detail: string };
}
interface Distractor {
  line: number;
  character?: number;
  text: string;
}
interface Truth {
  file: string;
  statements: Statement[];
  distractors: Distractor[];
}

const ROOT = path.resolve(__dirname, '..');
const FIX = path.join(ROOT, 'test/fixtures/affinity');
const CORRECT = path.join(FIX, 'correct');
const PLANTED = path.join(FIX, 'planted');
const CHECK_ONLY = process.argv.includes('--check');

const LOG3 = Math.log10(3);
const EPS = 1e-9;
/** How many statements each code gets (at most); the rest stay `ok`. */
const PER_CODE = 24;
const CODES: Code[] = [
  'affinity.condition',
  'affinity.target-swap',
  'affinity.measure-mismatch',
  'affinity.unit-slip',
  'affinity.decimal-slip',
  'affinity.mismatch',
];

const errors: string[] = [];
function fail(msg: string): void {
  errors.push(msg);
}

const kbPath = path.join(ROOT, 'dist/kb.json');
if (!existsSync(kbPath)) {
  console.error(`missing ${kbPath}: run \`npm run build\` first`);
  process.exit(1);
}
const kb = JSON.parse(readFileSync(kbPath, 'utf8')) as KB;
// The build writes the affinity records apart (dist/affinities.json).
kb.affinities = (JSON.parse(readFileSync(path.join(ROOT, 'dist/affinities.json'), 'utf8')) as { affinities: Rec[] }).affinities;
const targetById = new Map(kb.targets.map((t) => [t.id, t]));

// ---------------------------------------------------------------------------------------------------------------
// Reference sets (the checker's rule)

/** The target, the groups/complexes it belongs to, and its members. */
function family(target: string): Set<string> {
  const out = new Set([target]);
  for (const t of kb.targets) if (t.members?.includes(target)) out.add(t.id);
  for (const m of targetById.get(target)?.members ?? []) out.add(m);
  return out;
}

interface RefSet {
  uncond: Rec[];
  cond: Rec[];
}
const refCache = new Map<string, RefSet>();
function refs(compound: string, target: string, measure: Measure): RefSet {
  const key = `${compound}|${target}|${measure}`;
  const hit = refCache.get(key);
  if (hit) return hit;
  const fam = family(target);
  const all = kb.affinities.filter(
    (a) => a.compound === compound && a.target !== undefined && fam.has(a.target) && (a.measure === measure || a.measure === INTERCHANGEABLE[measure]) && !a.outlier,
  );
  const human = all.filter((a) => a.species === 'human');
  const use = human.length ? human : all;
  const set = { uncond: use.filter((a) => !a.conditions), cond: use.filter((a) => a.conditions) };
  refCache.set(key, set);
  return set;
}

/** A value as an interval in nM with its relation. */
interface Val {
  lo: number;
  hi: number;
  rel: string;
}

/** Log distance of a quoted value from the [min, max] range of the reference records (0 inside). */
function dist(v: Val, recs: Rec[]): number {
  if (!recs.length) return Infinity;
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of recs) {
    lo = Math.min(lo, r.valueNm);
    hi = Math.max(hi, r.relation === '>' || r.relation === '>=' ? Infinity : (r.valueHighNm ?? r.valueNm));
  }
  const L = Math.log10;
  if (v.rel === '>' || v.rel === '>=') return Math.max(0, L(v.lo / hi)); // "> x" excludes only a range below x
  if (v.rel === '<' || v.rel === '<=') return Math.max(0, L(lo / v.hi));
  return Math.max(0, L(lo / v.hi), L(v.lo / hi));
}
const consistent = (v: Val, recs: Rec[]): boolean => dist(v, recs) <= LOG3 + EPS;
const scale = (v: Val, f: number): Val => ({ lo: v.lo * f, hi: v.hi * f, rel: v.rel });
const valOf = (s: Pick<Statement, 'valueNm' | 'valueHighNm' | 'relation'>): Val => ({
  lo: s.valueNm,
  hi: s.valueHighNm ?? s.valueNm,
  rel: s.relation,
});

const OTHER_MEASURES: Measure[] = ['Ki', 'Kd', 'IC50', 'EC50', 'Kb'];
const INTERCHANGEABLE: Partial<Record<Measure, Measure>> = { Ki: 'Kd', Kd: 'Ki' };

/** Which codes explain a quoted value (written with measure m at target t, `near` = other targets in the block). */
function explanations(s: Statement, v: Val, m: Measure, near: string[]): Set<Code | 'ok'> {
  const out = new Set<Code | 'ok'>();
  const own = refs(s.compound, s.target, m);
  if (consistent(v, own.uncond)) out.add('ok');
  // Ki and Kd are interchangeable for the checker: a value matching the other one is not a misquote.
  const sibling = INTERCHANGEABLE[m];
  if (sibling && consistent(v, refs(s.compound, s.target, sibling).uncond)) out.add('ok');
  for (const k of [-3, 3]) if (consistent(scale(v, 10 ** k), own.uncond)) out.add('affinity.unit-slip');
  for (const k of [-2, -1, 1, 2]) if (consistent(scale(v, 10 ** k), own.uncond)) out.add('affinity.decimal-slip');
  for (const m2 of OTHER_MEASURES) {
    if (m2 !== m && m2 !== sibling && consistent(v, refs(s.compound, s.target, m2).uncond)) out.add('affinity.measure-mismatch');
  }
  // a p-scale value written as if it were nM: the number read as pX
  if (v.lo === v.hi && v.lo >= 2 && v.lo <= 12 && consistent({ lo: 10 ** (9 - v.lo), hi: 10 ** (9 - v.lo), rel: '=' }, own.uncond)) {
    out.add('affinity.measure-mismatch');
  }
  const fam = family(s.target);
  for (const t2 of near) {
    if (fam.has(t2)) continue;
    for (const m2 of OTHER_MEASURES) if (consistent(v, refs(s.compound, t2, m2).uncond)) out.add('affinity.target-swap');
  }
  if (consistent(v, own.cond)) out.add('affinity.condition');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Text edits

/** Unit swaps to the neighbouring unit: [pattern, replacement, factor of the value read in nM]. */
const UNIT_SWAPS: [RegExp, string, number][] = [
  [/\\nano\\molar/, '\\micro\\molar', 1e3],
  [/\\micro\\molar/, '\\nano\\molar', 1e-3],
  [/\\micro M/, '\\nano M', 1e-3],
  [/nmol\/L/, 'µmol/L', 1e3],
  [/\{nM\}/, '{µM}', 1e3],
  [/pM\b/, 'nM', 1e3],
  [/nM\b/, 'µM', 1e3],
  [/µM/, 'nM', 1e-3],
  [/μM/, 'mM', 1e3],
  [/uM\b/, 'nM', 1e-3],
  [/microM\b/, 'nM', 1e-3],
  [/mM\b/, 'µM', 1e-3],
];
const NUM = /\d[\d,]*(?:\.\d+)?|\.\d+/g;
const parseNum = (s: string): number => Number(s.replace(/,/g, ''));

/** Plain decimal rendering with `sig` significant digits (no exponent), thousands separator when `comma`. */
function fmt(x: number, sig: number, comma: boolean): string {
  let s = Number(x.toPrecision(Math.max(1, sig))).toString();
  if (/e/.test(s)) s = x.toFixed(Math.max(0, sig - Math.floor(Math.log10(x)) - 1));
  if (comma && x >= 1000 && !s.includes('.')) s = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return s;
}
function sigDigits(s: string): number {
  const d = s.replace(/,/g, '').replace('.', '').replace(/^0+/, '');
  return Math.max(2, d.length);
}

/** The numbers of a value text: [match, index] of the value (first) and, for a range, the second. */
function numbersOf(text: string): { m: string; i: number }[] {
  const out: { m: string; i: number }[] = [];
  for (const mm of text.matchAll(NUM)) out.push({ m: mm[0], i: mm.index ?? 0 });
  return out;
}
const isRange = (s: Statement): boolean => s.valueHighNm !== undefined;
const isSci = (s: Statement): boolean => /10\^|10\{|\\times|×/.test(s.text);

const MEASURE_FORMS: Record<string, string[]> = {
  // same index = same style
  Ki: ['Ki', 'K_i', 'K$_i$', '$K_\\mathrm{i}$', '$K_{\\text{i}}$', 'K(i)', 'K~i~', 'inhibition constant', 'K\\textsubscript{i}', 'K_\\mathrm{i}'],
  Kd: ['Kd', 'K_d', 'K$_d$', '$K_\\mathrm{d}$', '$K_{\\text{d}}$', 'K(d)', 'K~d~', 'dissociation constant', 'K\\textsubscript{d}', 'K_\\mathrm{d}'],
  IC50: ['IC50', 'IC_50', 'IC$_{50}$', '$\\mathrm{IC}_{50}$', '$\\mathrm{IC}_{50}$', 'IC(50)', 'IC~50~', 'half-maximal inhibitory concentration', 'IC\\textsubscript{50}', '\\mathrm{IC}_{50}'],
};
function relabel(label: string, to: Measure): string | undefined {
  for (const forms of Object.values(MEASURE_FORMS)) {
    const i = forms.indexOf(label);
    if (i >= 0) return MEASURE_FORMS[to]?.[i];
  }
  return undefined;
}

interface Edit {
  line: number; // 0-based
  start: number;
  end: number;
  insert: string;
}
/** Removes a condition phrase; at the start of a line the following word is capitalised. */
function conditionEdit(line: string, L: number, at: number, len: number): Edit {
  if (at > 0) return { line: L, start: at, end: at + len, insert: '' };
  let end = at + len;
  while (line[end] === ' ') end++;
  return { line: L, start: at, end: end + 1, insert: (line[end] ?? '').toUpperCase() };
}
/** Replaces a measure label, adjusting a preceding article (a K$_i$ / an IC$_{50}$). */
function labelEdit(line: string, L: number, at: number, len: number, label: string): Edit {
  const vowel = /^(IC|\$\\mathrm\{IC|\\mathrm\{IC|inhib)/.test(label);
  if (line.slice(at - 3, at) === 'an ' && !vowel) return { line: L, start: at - 3, end: at + len, insert: `a ${label}` };
  if (line.slice(at - 2, at) === 'a ' && line[at - 3] !== 'n' && vowel) return { line: L, start: at - 2, end: at + len, insert: `an ${label}` };
  return { line: L, start: at, end: at + len, insert: label };
}

interface Plant {
  code: Code;
  edits: Edit[];
  statement: Partial<Statement>; // new fields
  detail: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Load the corpus

interface Doc {
  name: string;
  lines: string[];
  truth: Truth;
  block: number[]; // per line: block id (blank-line separated), -1 for blank lines
}
function loadDocs(): Doc[] {
  const docs: Doc[] = [];
  for (const f of readdirSync(CORRECT).sort()) {
    if (!/\.(md|qmd|tex)$/.test(f)) continue;
    const truthFile = path.join(CORRECT, f.replace(/\.(md|qmd|tex)$/, '.truth.json'));
    if (!existsSync(truthFile)) {
      fail(`${f}: no truth file`);
      continue;
    }
    const lines = readFileSync(path.join(CORRECT, f), 'utf8').split('\n');
    const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Truth;
    if (truth.file !== f) fail(`${f}: truth.file is ${truth.file}`);
    const block: number[] = [];
    let b = 0;
    for (const l of lines) {
      if (l.trim() === '') {
        block.push(-1);
        b++;
      } else block.push(b);
    }
    docs.push({ name: f, lines, truth, block });
  }
  return docs;
}

function nearTargets(doc: Doc, s: Statement): string[] {
  const b = doc.block[s.line - 1];
  return [...new Set(doc.truth.statements.filter((o) => doc.block[o.line - 1] === b && o.target !== s.target).map((o) => o.target))];
}

/** Verify the correct corpus: positions, and consistency with the knowledge base by the checker's rule. */
function verifyCorrect(doc: Doc): void {
  for (const s of doc.truth.statements) {
    const where = `${doc.name}:${s.line}`;
    const line = doc.lines[s.line - 1] ?? '';
    if (line.substr(s.character, s.text.length) !== s.text) fail(`${where}: text "${s.text}" not at character ${s.character}`);
    if (s.expect !== 'ok') fail(`${where}: expect must be ok in correct/`);
    const r = refs(s.compound, s.target, s.measure);
    if (!r.uncond.length && !r.cond.length) fail(`${where}: no records for ${s.compound}/${s.target}/${s.measure}`);
    const v = valOf(s);
    const okUncond = consistent(v, r.uncond);
    const okCond = consistent(v, r.cond);
    if (s.conditionText) {
      if (!line.includes(s.conditionText)) fail(`${where}: conditionText not on the line`);
      if (!okCond) fail(`${where}: ${s.text} not consistent with the conditioned records (d=${dist(v, r.cond).toFixed(2)})`);
    } else if (!okUncond) {
      fail(`${where}: ${s.text} ${s.compound}/${s.target}/${s.measure} not consistent (d=${dist(v, r.uncond).toFixed(2)})`);
    }
    if (!s.conditionText && r.cond.length && r.uncond.length === 0) fail(`${where}: only conditioned records but no condition stated`);
    if (s.pValue !== undefined && Math.abs(Math.log10(s.valueNm) - (9 - s.pValue)) > 0.01) fail(`${where}: valueNm does not match pValue`);
    if (s.measureText && line.lastIndexOf(s.measureText, s.character) < 0) fail(`${where}: measureText not before the value`);
  }
  for (const d of doc.truth.distractors) {
    const line = doc.lines[d.line - 1] ?? '';
    if (!line.includes(d.text)) fail(`${doc.name}:${d.line}: distractor "${d.text}" not on the line`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Candidate plants per statement

const plantable = (s: Statement): boolean =>
  (s.relation === '=' || s.relation === '~') && s.pValue === undefined && !s.conditionText && !isSci(s);

/** Checks a planted reading and returns a description, or undefined when it does not meet `code` exactly. */
function verifyPlant(doc: Doc, s: Statement, code: Code, v: Val, m: Measure): string | undefined {
  const ex = explanations(s, v, m, nearTargets(doc, s));
  const own = refs(s.compound, s.target, m).uncond;
  const d = dist(v, own);
  if (ex.has('ok')) return undefined;
  if (code !== 'affinity.measure-mismatch' && code !== 'affinity.condition' && !(d > 1 + EPS)) return undefined;
  if (code === 'affinity.measure-mismatch' && own.length && !(d > 1 + EPS)) return undefined;
  if (code === 'affinity.condition' && own.length && !(d > 1 + EPS)) return undefined;
  const intended = code === 'affinity.mismatch' ? ex.size === 0 : ex.size === 1 && ex.has(code);
  if (!intended) return undefined;
  return `log distance from the written measure's reference range ${d === Infinity ? 'n/a (no record)' : d.toFixed(2)}`;
}

function candidates(doc: Doc, s: Statement, idx: number): Plant[] {
  const out: Plant[] = [];
  const L = s.line - 1;
  const line = doc.lines[L];
  const nums = numbersOf(s.text);
  const v0 = valOf(s);

  // condition: remove the stated condition
  if (s.conditionText) {
    const at = line.indexOf(s.conditionText);
    const det = verifyPlant(doc, s, 'affinity.condition', v0, s.measure);
    if (at >= 0 && det) {
      out.push({
        code: 'affinity.condition',
        edits: [conditionEdit(line, L, at, s.conditionText.length)],
        statement: { conditionText: undefined },
        detail: `removed "${s.conditionText.trim()}"; ${det}`,
      });
    }
    return out; // conditioned statements are used for this code only
  }

  // measure-mismatch: p-scale value written as nM
  if (s.pValue !== undefined && s.measureText && /^p/.test(s.measureText) && s.relation === '=') {
    const mAt = line.lastIndexOf(s.measureText, s.character);
    const v = { lo: s.pValue, hi: s.pValue, rel: '=' };
    const det = verifyPlant(doc, s, 'affinity.measure-mismatch', v, s.measure);
    if (det && mAt >= 0 && /^\d/.test(s.text) && nums.length === 1) {
      out.push({
        code: 'affinity.measure-mismatch',
        edits: [
          labelEdit(line, L, mAt, s.measureText.length, s.measureText.slice(1)),
          { line: L, start: s.character, end: s.character + s.text.length, insert: `${s.text} nM` },
        ],
        statement: { text: `${s.text} nM`, valueNm: s.pValue, pValue: undefined, measureText: s.measureText.slice(1) },
        detail: `p${s.measure} ${s.pValue} written as ${s.pValue} nM; ${det}`,
      });
    }
  }
  if (!plantable(s)) return out;

  // measure-mismatch: relabel the measure
  // A label that governs several values ("its IC50 at H1 was 4.5 nM and at D2 329 nM") would mislabel them all.
  const labelShared = (at: number): boolean =>
    doc.truth.statements.some(
      (o) => o !== s && o.line === s.line && o.measure === s.measure && o.character > s.character && (o.measureText === undefined || line.lastIndexOf(o.measureText, o.character) === at),
    );
  if (s.measureText) {
    const mAt = line.lastIndexOf(s.measureText, s.character);
    for (const m2 of (labelShared(mAt) ? [] : ['Ki', 'IC50', 'Kd']) as Measure[]) {
      if (m2 === s.measure || m2 === INTERCHANGEABLE[s.measure]) continue;
      const label = relabel(s.measureText, m2);
      if (!label || mAt < 0) continue;
      const det = verifyPlant(doc, s, 'affinity.measure-mismatch', v0, m2);
      if (!det) continue;
      out.push({
        code: 'affinity.measure-mismatch',
        edits: [labelEdit(line, L, mAt, s.measureText.length, label)],
        statement: { measure: m2, measureText: label },
        detail: `${s.measure} relabelled ${m2}; ${det}`,
      });
      break;
    }
  }

  // unit-slip: the unit written next to the value changed to its neighbour — not a unit that a list before it shares
  // ("0.043 and 35 nM, respectively": changing nM would change both values).
  const sharesUnit = doc.truth.statements.some((o) => o !== s && o.line === s.line && o.character < s.character && !/[a-zµμ]/i.test(o.text.replace(/\\[a-z]+/gi, '')));
  for (const [re, rep, f] of sharesUnit ? [] : UNIT_SWAPS) {
    const mm = re.exec(s.text);
    if (!mm) continue;
    const newText = s.text.replace(new RegExp(re.source, 'g'), rep);
    const v = scale(v0, f);
    const det = verifyPlant(doc, s, 'affinity.unit-slip', v, s.measure);
    if (det) {
      out.push({
        code: 'affinity.unit-slip',
        edits: [{ line: L, start: s.character, end: s.character + s.text.length, insert: newText }],
        statement: { text: newText, valueNm: v.lo, valueHighNm: isRange(s) ? v.hi : undefined },
        detail: `unit ${mm[0]} → ${rep} (×${f}); ${det}`,
      });
    }
    break;
  }

  const replaceValue = (newNum: string): string => s.text.slice(0, nums[0].i) + newNum + s.text.slice(nums[0].i + nums[0].m.length);
  const comma = s.text.includes(',');
  const single = !isRange(s) && nums.length >= 1;

  // decimal-slip: the decimal point moved two places (one place only when that is still > 10× off)
  if (single) {
    const order = idx % 2 === 0 ? [100, 0.01, 10, 0.1] : [0.01, 100, 0.1, 10];
    for (const f of order) {
      const n0 = parseNum(nums[0].m);
      const newNum = fmt(n0 * f, sigDigits(nums[0].m), comma);
      const v = { lo: s.valueNm * (parseNum(newNum) / n0), hi: s.valueNm * (parseNum(newNum) / n0), rel: s.relation };
      const det = verifyPlant(doc, s, 'affinity.decimal-slip', v, s.measure);
      if (!det) continue;
      const newText = replaceValue(newNum);
      out.push({
        code: 'affinity.decimal-slip',
        edits: [{ line: L, start: s.character, end: s.character + s.text.length, insert: newText }],
        statement: { text: newText, valueNm: v.lo },
        detail: `${nums[0].m} → ${newNum} (×${f}); ${det}`,
      });
      break;
    }
  }

  // target-swap: the value of this compound at another target of the same block (same measure), > 10× apart
  if (nums.length >= 1) {
    const b = doc.block[L];
    const fam = family(s.target);
    const partners = doc.truth.statements.filter(
      (o) => o !== s && doc.block[o.line - 1] === b && o.compound === s.compound && o.measure === s.measure && !fam.has(o.target) && o.pValue === undefined && !o.conditionText && o.valueHighNm === undefined,
    );
    for (const o of partners) {
      const unitF = s.valueNm / parseNum(nums[0].m); // nM per written unit
      const newNum = fmt(o.valueNm / unitF, 3, comma);
      const v = { lo: parseNum(newNum) * unitF, hi: parseNum(newNum) * unitF, rel: s.relation };
      const det = verifyPlant(doc, s, 'affinity.target-swap', v, s.measure);
      if (!det) continue;
      // the swapped value must match the other target (same measure)
      if (!consistent(v, refs(s.compound, o.target, s.measure).uncond)) continue;
      const oldNum = isRange(s) ? s.text.slice(nums[0].i, nums[1].i + nums[1].m.length) : nums[0].m;
      const newText = s.text.slice(0, nums[0].i) + newNum + s.text.slice(nums[0].i + oldNum.length);
      out.push({
        code: 'affinity.target-swap',
        edits: [{ line: L, start: s.character, end: s.character + s.text.length, insert: newText }],
        statement: { text: newText, valueNm: v.lo, valueHighNm: undefined },
        detail: `value of ${o.target} (${o.text}, line ${o.line}) written for ${s.target}; ${det}`,
      });
      break;
    }
  }

  // mismatch: a factor no other rule explains (half-way between decades)
  if (nums.length >= 1) {
    const factors = idx % 2 === 0 ? [31.6, 1 / 31.6, 316, 1 / 316] : [1 / 31.6, 31.6, 1 / 316, 316];
    for (const f of factors) {
      const ns = isRange(s) ? [nums[0], nums[1]] : [nums[0]];
      const newNums = ns.map((n) => fmt(parseNum(n.m) * f, 3, comma));
      const ratio = parseNum(newNums[0]) / parseNum(ns[0].m);
      const v = { lo: s.valueNm * ratio, hi: (s.valueHighNm ?? s.valueNm) * (parseNum(newNums[newNums.length - 1]) / parseNum(ns[ns.length - 1].m)), rel: s.relation };
      const det = verifyPlant(doc, s, 'affinity.mismatch', v, s.measure);
      if (!det) continue;
      let newText = s.text;
      for (let k = ns.length - 1; k >= 0; k--) newText = newText.slice(0, ns[k].i) + newNums[k] + newText.slice(ns[k].i + ns[k].m.length);
      out.push({
        code: 'affinity.mismatch',
        edits: [{ line: L, start: s.character, end: s.character + s.text.length, insert: newText }],
        statement: { text: newText, valueNm: v.lo, valueHighNm: isRange(s) ? v.hi : undefined },
        detail: `×${f >= 1 ? f : `1/${(1 / f).toFixed(1)}`}; ${det}`,
      });
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Main

const docs = loadDocs();
for (const d of docs) verifyCorrect(d);
if (errors.length) {
  console.error(`correct corpus does not hold:\n  ${errors.join('\n  ')}`);
  process.exit(1);
}

// candidate plants for every statement
interface Slot {
  doc: Doc;
  s: Statement;
  cands: Plant[];
}
const slots: Slot[] = [];
let idx = 0;
for (const d of docs) for (const s of d.truth.statements) slots.push({ doc: d, s, cands: candidates(d, s, idx++) });

// Assignment: scarce codes first; within a code, candidates spread evenly over the corpus (every k-th).
const assigned = new Map<Slot, Plant>();
const feasible = (c: Code): Slot[] => slots.filter((sl) => !assigned.has(sl) && sl.cands.some((p) => p.code === c));
const order = [...CODES].sort((a, b) => feasible(a).length - feasible(b).length || CODES.indexOf(a) - CODES.indexOf(b));
for (const code of order) {
  const f = feasible(code);
  const take = Math.min(PER_CODE, f.length);
  const step = f.length / Math.max(1, take);
  for (let k = 0; k < take; k++) {
    const sl = f[Math.floor(k * step)];
    assigned.set(sl, sl.cands.find((p) => p.code === code)!);
  }
}

// Build the planted files
const counts = new Map<Code, number>(CODES.map((c) => [c, 0]));
const outputs = new Map<string, string>();
for (const d of docs) {
  const lines = [...d.lines];
  const truth: Truth = JSON.parse(JSON.stringify(d.truth));
  const edits: { e: Edit; si: number }[] = [];
  d.truth.statements.forEach((s, si) => {
    const sl = slots.find((x) => x.s === s)!;
    const p = assigned.get(sl);
    if (!p) return;
    counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
    for (const e of p.edits) edits.push({ e, si });
    const t = truth.statements[si];
    Object.assign(t, p.statement, { expect: p.code, planted: { original: s.text, detail: p.detail } });
    for (const k of Object.keys(t) as (keyof Statement)[]) if (t[k] === undefined) delete t[k];
  });
  // apply edits right to left per line, shifting positions of statements and distractors after each edit
  edits.sort((a, b) => a.e.line - b.e.line || b.e.start - a.e.start);
  for (let i = 1; i < edits.length; i++) {
    const a = edits[i - 1].e;
    const b = edits[i].e;
    if (a.line === b.line && b.end > a.start) throw new Error(`${d.name}:${a.line + 1}: overlapping edits`);
  }
  for (const { e, si } of edits) {
    const delta = e.insert.length - (e.end - e.start);
    lines[e.line] = lines[e.line].slice(0, e.start) + e.insert + lines[e.line].slice(e.end);
    truth.statements.forEach((t, ti) => {
      if (t.line - 1 !== e.line) return;
      if (ti === si && e.start === d.truth.statements[si].character) return; // the edited value itself
      if (t.character >= e.end) t.character += delta;
    });
    truth.distractors = truth.distractors.filter((x) => {
      const c = x.character ?? -1;
      if (x.line - 1 !== e.line || c < 0) return true;
      if (c >= e.start && c < e.end) return false; // removed with the condition
      if (c >= e.end) x.character = c + delta;
      return true;
    });
  }
  // verify the planted file: every statement's text at its position
  for (const t of truth.statements) {
    if (lines[t.line - 1].substr(t.character, t.text.length) !== t.text) fail(`planted ${d.name}:${t.line}: "${t.text}" not at ${t.character}`);
  }
  for (const x of truth.distractors) {
    if (x.character !== undefined && lines[x.line - 1].substr(x.character, x.text.length) !== x.text) fail(`planted ${d.name}:${x.line}: distractor "${x.text}" moved`);
  }
  outputs.set(d.name, lines.join('\n'));
  outputs.set(d.name.replace(/\.(md|qmd|tex)$/, '.truth.json'), JSON.stringify(truth, null, 1) + '\n');
}

if (process.env.DEBUG) for (const sl of slots) console.log(sl.doc.name, sl.s.line, sl.s.text, sl.cands.map((p) => p.code.replace("affinity.", "")).join(","));
for (const c of CODES) if ((counts.get(c) ?? 0) < 20) fail(`${c}: only ${counts.get(c)} planted statements (need ≥ 20)`);
if (errors.length) {
  console.error(`planting failed:\n  ${errors.join('\n  ')}`);
  process.exit(1);
}

if (CHECK_ONLY) {
  const stale = [...outputs].filter(([f, text]) => !existsSync(path.join(PLANTED, f)) || readFileSync(path.join(PLANTED, f), 'utf8') !== text);
  if (stale.length) {
    console.error(`planted/ is out of date (${stale.map(([f]) => f).join(', ')}): run npx tsx scripts/make-planted-fixtures.ts`);
    process.exit(1);
  }
} else {
  if (existsSync(PLANTED)) rmSync(PLANTED, { recursive: true });
  mkdirSync(PLANTED, { recursive: true });
  for (const [f, text] of outputs) writeFileSync(path.join(PLANTED, f), text);
}

const total = slots.length;
console.log(`correct: ${docs.length} files, ${total} statements, ${docs.reduce((n, d) => n + d.truth.distractors.length, 0)} distractors`);
for (const d of docs) console.log(`  ${d.name}: ${d.truth.statements.length} statements`);
console.log(`compounds: ${new Set(slots.map((s) => s.s.compound)).size}, targets: ${new Set(slots.map((s) => s.s.target)).size}`);
console.log('planted per code (feasible candidates in brackets):');
for (const c of CODES) console.log(`  ${c}: ${counts.get(c)} [${slots.filter((sl) => sl.cands.some((p) => p.code === c)).length}]`);
console.log(`untouched (ok) statements in planted/: ${total - assigned.size}`);
