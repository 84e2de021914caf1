/**
 * What the fuzzer sends: mutated real manuscripts, edits, positions, settings, client capabilities and workspace files
 * (`.bib`, extra knowledge-base files, `.pharmalens.json`), all drawn from one seeded generator so a run can be repeated.
 */
import type { ClientCapabilities } from 'vscode-languageserver-protocol';

/** A small seeded generator (mulberry32): the same seed gives the same run. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** Pieces that break parsers: unclosed groups and fences, math, tables, citations, odd Unicode, the product's own words. */
const PIECES = [
  '{', '}', '$', '$$', '\\', '\\(', '```\n', '~~~', '|', '| --- |', '\n', '\n\n', '---\n', '...\n', '>', '- ', '1. ', '#',
  '\\begin{table}', '\\end{table}', '\\begin{tabular}{ll}', '\\\\', '&', '\\multicolumn{2}{c}{', '\\end{', '\\SI{4.3}{\\nano\\molar}',
  '<table><tr><td>', '</td></tr>', '<!--', '-->', '%', '\\verb|', '[@', '@key', '\\cite{', '\\citep{a,', ']', '(', ')',
  '😀', '\uD83D', '\uDE00', '\u0000', '\u202E', '\u200B', '\uFEFF', 'µ', 'μ', 'α', 'β', '\r\n', '\r', '\t',
  ' 4.3 nM', ' Ki = ', ' IC50 ', ' Kd of ', ' pKi 8.2', ' 0.35 µM', ' ± 0.2', '1e-9 M', ' × 10−8 M', ' nm',
  'amitriptyline', 'SERT', 'hERG', 'H1', 'α1-adrenoceptor', 'μ-opioid receptor', '5-HT2A', 'morphine', 'tramadol',
  'bibliography: refs.bib\n', '\\addbibresource{refs.bib}', '\\bibliography{../../outside}', '\\addbibresource{/etc/passwd}',
];

export const SOURCE_EXTENSIONS = ['.md', '.qmd', '.tex', '.rmd'] as const;

export function randomPiece(random: Random): string {
  if (random.chance(0.05)) return String.fromCharCode(random.int(0x10000));
  return random.pick(PIECES);
}

/** A manuscript mutated a few times: pieces inserted, spans deleted or repeated, now and then a pathological block. */
export function mutateManuscript(random: Random, text: string): string {
  let result = text;
  const mutations = 1 + random.int(6);
  for (let count = 0; count < mutations; count++) {
    const at = random.int(result.length + 1);
    const roll = random.next();
    if (roll < 0.45) result = result.slice(0, at) + randomPiece(random) + result.slice(at);
    else if (roll < 0.65) result = result.slice(0, at) + result.slice(Math.min(result.length, at + random.int(400)));
    else if (roll < 0.8) result = result.slice(0, at) + result.slice(at, at + random.int(2000)) + result.slice(at);
    else if (roll < 0.97) result = result.slice(0, at) + Array.from({ length: 1 + random.int(20) }, () => randomPiece(random)).join('') + result.slice(at);
    else result = result.slice(0, at) + pathologicalBlock(random) + result.slice(at);
  }
  return result;
}

/** Rare inputs that once stalled the server: long lines, deep nesting, big tables, dense values. */
function pathologicalBlock(random: Random): string {
  switch (random.int(6)) {
    case 0: return 'x'.repeat(20_000 + random.int(180_000));
    case 1: return '{'.repeat(1000 + random.int(9000));
    case 2: return '>'.repeat(500 + random.int(2000)) + ' quote';
    case 3: return `\n| drug | SERT | NET |\n|---|---|---|\n${Array.from({ length: 50 + random.int(300) }, (_, row) => `| amitriptyline ${row} | ${row}.3 | ${row} nM |`).join('\n')}\n`;
    case 4: return 'amitriptyline SERT Ki = 4.3 nM; '.repeat(500 + random.int(3000));
    default: return `---\n${'key: value\n'.repeat(1 + random.int(2000))}---\n`;
  }
}

const BIB_ENTRY = `@article{tatsumi1997pharmacological,
  author = {Tatsumi, M. and Groshan, K. and Blakely, R. D. and Richelson, E.},
  title = {Pharmacological profile of antidepressants and related compounds at human monoamine transporters},
  journal = {Eur J Pharmacol},
  year = {1997},
  volume = {340},
  pages = {249--258},
  doi = {10.1016/s0014-2999(97)01393-9},
  pmid = {9537821}
}
`;

/** A `.bib`: valid, mutated, unclosed at the end, with self-doubling `@string` macros, or many entries. */
export function bibliography(random: Random): string {
  switch (random.int(6)) {
    case 0: return BIB_ENTRY;
    case 1: return mutateManuscript(random, BIB_ENTRY + BIB_ENTRY.replace('tatsumi1997pharmacological', 'other'));
    case 2: return `${BIB_ENTRY}\n@article{open,\n  title = {Unclosed`;
    case 3: {
      const doublings = Array.from({ length: 16 + random.int(12) }, () => '@string{a = a # a}');
      const copies = Array.from({ length: random.int(3000) }, (_, index) => `@string{b${index} = a # a}`);
      return `@string{a = "ab"}\n${[...doublings, ...copies].join('\n')}\n@misc{m, title = a}\n`;
    }
    case 4: return Array.from({ length: 200 + random.int(1800) }, (_, index) => `@misc{k${index}, title = {Entry ${index}}, year = {2000}}`).join('\n');
    default: return `@misc{inject, title = {[x](command:workbench.action.files.delete) <img src=x onerror=alert(1)> <script>1</script>}, doi = {10.1/x}}\n`;
  }
}

/** An extra knowledge-base file: valid and small, deeply nested, truncated, wrong types, or not JSON at all. */
export function knowledgeBaseFile(random: Random, example: string): string {
  const valid = example.replace(/"title": "[^"]*"/, '"title": "Lab [x](command:x) <img src=x onerror=alert(1)>"');
  switch (random.int(6)) {
    case 0: return valid;
    case 1: return '['.repeat(1000 + random.int(100_000));
    case 2: return valid.slice(0, random.int(valid.length));
    case 3: return JSON.stringify({ references: 5, affinities: [null, 1, 'x', { valueNm: 'many' }] });
    case 4: return mutateManuscript(random, valid);
    default: return '\u0000\uFFFF not json';
  }
}

/** A value of the wrong type now and then, or none. */
function oddValue(random: Random): unknown {
  return random.pick([5, null, 'x', [null], [1], { a: 1 }, true, [], '', -1, 1e308, ['kb.json'], 'kb.json']);
}

/** The `pharmalens` settings section: absent, plausible, or wrong-typed field by field. */
export function settings(random: Random): unknown {
  if (random.chance(0.2)) return oddValue(random);
  const value: Record<string, unknown> = {};
  const fields = ['bibliography', 'severity', 'inlayHints', 'knowledgeBase', 'latex', 'check'];
  for (const field of fields) if (random.chance(0.4)) value[field] = oddValue(random);
  if (random.chance(0.3)) value['bibliography'] = random.pick([['refs.bib'], ['/etc/passwd'], ['../../../tmp/outside.bib'], 'refs.bib']);
  if (random.chance(0.3)) value['inlayHints'] = { enabled: random.chance(0.5) };
  if (random.chance(0.2)) value['knowledgeBase'] = { extraFiles: random.pick([['kb.json'], 'kb.json', [5], ['/nonexistent.json']]) };
  return value;
}

/** What the client declares about workspace edits, configuration and inlay hints. */
export function capabilities(random: Random): ClientCapabilities {
  const workspaceEdit = random.pick([
    undefined,
    {},
    { documentChanges: true },
    { documentChanges: true, resourceOperations: ['create' as const, 'rename' as const, 'delete' as const] },
    { documentChanges: false, resourceOperations: ['create' as const] },
  ]);
  return { workspace: { workspaceEdit, configuration: random.chance(0.7), inlayHint: { refreshSupport: random.chance(0.5) } } };
}
