import type { SkipReason } from './types';

/**
 * How a command's arguments are read, xparse-style, up to its last skipped argument (later arguments are prose and
 * are scanned normally): `o` optional `[…]`, masked; `p` optional, passed over but kept; `m` mandatory `{…}`, masked;
 * `v` mandatory, read verbatim like `\url`'s argument (`%` is literal), masked; `r` booktabs' `(lr)`, masked.
 */
export interface ArgumentRule {
  reason: SkipReason;
  signature: string;
}

const rules: Array<[SkipReason, string, string[]]> = [
  ['label', 'm', ['label', 'ref', 'eqref', 'autoref', 'Autoref', 'cref', 'Cref', 'pageref', 'nameref', 'Nameref', 'vref',
    'Vref', 'cpageref', 'Cpageref', 'labelcref', 'namecref', 'nameCref', 'zcref', 'subref', 'tabref', 'figref', 'secref']],
  ['label', 'mm', ['crefrange', 'Crefrange', 'cpagerefrange']],
  ['label', 'o', ['hyperref']],
  ['url', 'v', ['url', 'nolinkurl', 'doi', 'path']],
  ['url', 'ov', ['href']],
  ['command-arg', 'm', ['input', 'include', 'includeonly', 'subfile', 'setstretch', 'bibliographystyle', 'pagestyle',
    'thispagestyle', 'pagenumbering', 'vspace', 'hspace', 'newcounter', 'hypersetup', 'lstset', 'geometry',
    'graphicspath', 'usetikzlibrary', 'tikzset', 'pgfplotsset', 'linespread', 'DeclareGraphicsExtensions',
    'setcitestyle', 'sisetup', 'enlargethispage', 'counterwithin', 'counterwithout', 'selectlanguage',
    'setdefaultlanguage', 'setotherlanguage', 'usepgfplotslibrary', 'tcbuselibrary']],
  ['command-arg', 'om', ['includegraphics', 'includesvg', 'includepdf', 'usepackage', 'RequirePackage', 'documentclass',
    'color', 'textcolor', 'colorbox', 'pagecolor', 'rowcolor', 'cellcolor', 'columncolor', 'captionsetup',
    'setmainfont', 'setsansfont', 'setmonofont', 'newfontfamily', 'scalebox', 'rotatebox',
    'makebox', 'framebox', 'parbox', 'raisebox']],
  ['command-arg', 'mm', ['setlength', 'addtolength', 'setcounter', 'addtocounter', 'numberwithin', 'fontsize',
    'resizebox', 'import', 'subimport']],
  ['command-arg', 'omm', ['fcolorbox']],
  ['command-arg', 'mmm', ['definecolor']],
  ['command-arg', 'mom', ['newtheorem']],
];

export const builtinArgumentRules: ReadonlyMap<string, ArgumentRule> = (() => {
  const map = new Map<string, ArgumentRule>();
  for (const [reason, signature, names] of rules) for (const name of names) map.set(name, { reason, signature });
  return map;
})();

export const citationCommands = new Set([
  'cite', 'Cite', 'citep', 'Citep', 'citet', 'Citet', 'citealp', 'Citealp', 'citealt', 'Citealt', 'citenum',
  'parencite', 'Parencite', 'autocite', 'Autocite', 'textcite', 'Textcite', 'footcite', 'footcitetext', 'smartcite',
  'Smartcite', 'supercite', 'fullcite', 'footfullcite', 'citeauthor', 'Citeauthor', 'citeyear', 'citeyearpar',
  'citetitle', 'citeurl', 'citedate', 'nocite',
  'cites', 'Cites', 'parencites', 'Parencites', 'autocites', 'Autocites', 'textcites', 'Textcites', 'footcites',
  'smartcites', 'Smartcites', 'supercites',
]);

/** biblatex multicite commands: `\cites[pre][post]{a}[pre][post]{b}`. */
export function isMultiCitation(name: string): boolean {
  return name.endsWith('cites');
}

export const bibliographyCommands = new Set(['bibliography', 'nobibliography', 'addbibresource', 'addglobalbib', 'addsectionbib']);

/** `\newcommand{\x}[n][default]{body}` and friends: the whole definition is skipped; value = number of bodies. */
export const definitionCommands = new Map<string, number>([
  ['newcommand', 1], ['renewcommand', 1], ['providecommand', 1], ['DeclareRobustCommand', 1], ['newrobustcmd', 1],
  ['renewrobustcmd', 1], ['DeclareMathOperator', 1], ['newenvironment', 2], ['renewenvironment', 2],
  ['NewDocumentCommand', 2], ['RenewDocumentCommand', 2], ['ProvideDocumentCommand', 2], ['DeclareDocumentCommand', 2],
  ['NewExpandableDocumentCommand', 2], ['NewDocumentEnvironment', 3], ['RenewDocumentEnvironment', 3],
  ['newcommandx', 1], ['DeclarePairedDelimiter', 2], ['newsiunitx', 1],
]);

/** `\def\x#1{body}`, `\gdef`, `\edef`, `\xdef`. */
export const primitiveDefinitionCommands = new Set(['def', 'gdef', 'edef', 'xdef']);

export const verbatimEnvironments = new Set([
  'verbatim', 'verbatim*', 'Verbatim', 'Verbatim*', 'BVerbatim', 'LVerbatim', 'lstlisting', 'minted', 'comment',
  'alltt', 'spverbatim', 'filecontents', 'filecontents*', 'tcblisting', 'pythoncode', 'rcode', 'Sinput', 'Soutput',
  'Scode', 'Rcode',
]);

export const mathEnvironments = new Set([
  'equation', 'equation*', 'align', 'align*', 'gather', 'gather*', 'multline', 'multline*', 'eqnarray', 'eqnarray*',
  'math', 'displaymath', 'flalign', 'flalign*', 'alignat', 'alignat*', 'dmath', 'dmath*', 'subequations',
]);

/** Tabular environments and the signature of their arguments (width / position / column spec), all masked. */
export const tableEnvironments = new Map<string, string>([
  ['tabular', 'om'], ['tabular*', 'mom'], ['tabularx', 'mom'], ['tabulary', 'mom'], ['longtable', 'om'],
  ['longtable*', 'om'], ['xltabular', 'mom'], ['tabu', 'm'], ['longtabu', 'm'], ['tblr', 'om'], ['longtblr', 'oom'],
  ['supertabular', 'om'], ['xtabular', 'om'],
]);

/** Floats whose `\caption` becomes the caption of the tables inside them. */
export const tableFloatEnvironments = new Set(['table', 'table*', 'sidewaystable', 'sidewaystable*', 'wraptable', 'threeparttable']);

/** Horizontal rules inside a tabular, with the signature of their arguments (`r` = booktabs `(lr)` trim). */
export const tableRuleCommands = new Map<string, string>([
  ['hline', ''], ['toprule', 'o'], ['midrule', 'o'], ['bottomrule', 'o'], ['cmidrule', 'orm'], ['cline', 'm'],
  ['specialrule', 'mmm'], ['addlinespace', 'o'], ['hhline', 'm'], ['morecmidrules', ''], ['Xhline', 'm'],
  ['firsthline', ''], ['lasthline', ''], ['hdashline', ''], ['cdashline', 'm'],
]);

/** longtable's header markers: a row before them is a header row. */
export const tableHeaderMarkers = new Set(['endhead', 'endfirsthead']);
export const tableFooterMarkers = new Set(['endfoot', 'endlastfoot']);

/** Commands `LatexScanner.namedCommand` handles by name before consulting the tables above. */
const specialCommands = ['begin', 'end', 'verb', 'Verb', 'lstinline', 'mintinline', 'caption', 'multicolumn', 'multirow',
  'tabularnewline', 'let'];

/**
 * An open-addressing set of command names, looked up by a slice of the text without allocating it: the scanner only
 * needs the name as a string when it is known, and then gets the interned one.
 */
export class NameTable {
  private readonly slots: Array<string | undefined>;
  private readonly mask: number;

  constructor(names: Iterable<string>) {
    const unique = [...new Set(names)];
    let capacity = 16;
    while (capacity < unique.length * 4) capacity *= 2;
    this.slots = new Array<string | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
    for (const name of unique) {
      let slot = nameHash(name, 0, name.length) & this.mask;
      while (this.slots[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.slots[slot] = name;
    }
  }

  /** The stored name equal to `text.slice(start, end)`, or undefined. */
  lookup(text: string, start: number, end: number): string | undefined {
    const slots = this.slots;
    const length = end - start;
    let slot = nameHash(text, start, end) & this.mask;
    for (;;) {
      const candidate = slots[slot];
      if (candidate === undefined) return undefined;
      if (candidate.length === length) {
        let index = 0;
        while (index < length && candidate.charCodeAt(index) === text.charCodeAt(start + index)) index++;
        if (index === length) return candidate;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

function nameHash(text: string, start: number, end: number): number {
  let hash = end - start;
  for (let position = start; position < end; position++) hash = Math.imul(hash ^ text.charCodeAt(position), 0x9e3779b1);
  return (hash ^ (hash >>> 15)) >>> 0;
}

/** Every command name the LaTeX scanner treats specially (user-configured ones are checked separately). */
export const knownCommandNames = new NameTable([
  ...specialCommands,
  ...citationCommands,
  ...bibliographyCommands,
  ...definitionCommands.keys(),
  ...primitiveDefinitionCommands,
  ...tableRuleCommands.keys(),
  ...tableHeaderMarkers,
  ...tableFooterMarkers,
  ...builtinArgumentRules.keys(),
]);

/** Environment names the LaTeX scanner acts on; any other environment's name is never needed as a string. */
export const knownEnvironmentNames = new NameTable([
  ...verbatimEnvironments,
  ...mathEnvironments,
  ...tableEnvironments.keys(),
  ...tableFloatEnvironments,
]);
