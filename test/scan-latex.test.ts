import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateManuscript } from '../scripts/bench-scan';
import { scanDocument } from '../server/src/service/scan/index';
import { scanLatex, type LatexScanOptions } from '../server/src/service/scan/latex';
import { assertWellFormed, junk, mathTexts, plainSpans, skippedTexts, spanOf, timeIt } from './scan-helpers';

function scan(text: string, options?: LatexScanOptions) {
  const document = scanLatex(text, options);
  assertWellFormed(document);
  return document;
}

function cellTexts(rows: { text: string }[][]): string[][] {
  return rows.map((row) => row.map((cell) => cell.text));
}

describe('latex scan: comments', () => {
  it('skips % to the end of the line, but not \\%, and keeps the comment text readable', () => {
    const text = 'SERT 50\\% inhibition % pharmalens-disable-next-line\r\nNET \\\\% comment after a line break\n%full line\n';
    const document = scan(text);
    assert.deepEqual(plainSpans(document.skipped), [
      spanOf(text, '% pharmalens-disable-next-line'),
      spanOf(text, '% comment after a line break'),
      spanOf(text, '%full line'),
    ]);
    assert.ok(document.skipped.every((span) => span.reason === 'comment'));
    assert.ok(document.masked.includes('SERT 50\\% inhibition '));
    assert.ok(document.masked.includes('\r\nNET \\\\'));
  });
});

describe('latex scan: code', () => {
  it('skips verbatim-like environments whole', () => {
    const text = 'A\n\\begin{verbatim}\nSERT $x$ \\cite{no}\n\\end{verbatim}\nB\n\\begin{lstlisting}[language=R]\nNET\n\\end{lstlisting}\n\\begin{minted}{python}\nDAT\n\\end{minted}\n\\begin{comment}\nhERG\n\\end{comment}\nC';
    const document = scan(text);
    assert.deepEqual(skippedTexts(document, 'code'), [
      '\\begin{verbatim}\nSERT $x$ \\cite{no}\n\\end{verbatim}',
      '\\begin{lstlisting}[language=R]\nNET\n\\end{lstlisting}',
      '\\begin{minted}{python}\nDAT\n\\end{minted}',
      '\\begin{comment}\nhERG\n\\end{comment}',
    ]);
    assert.deepEqual(document.math, []);
    assert.deepEqual(document.citations, []);
  });

  it('skips \\verb, \\verb*, \\lstinline and \\mintinline', () => {
    const text = 'Use \\verb|SERT{| and \\verb*+NET+ and \\lstinline[language=R]{DAT <- 1} and \\lstinline!x! and \\mintinline{r}{hERG}.';
    const document = scan(text);
    assert.deepEqual(skippedTexts(document, 'code'), [
      '\\verb|SERT{|',
      '\\verb*+NET+',
      '\\lstinline[language=R]{DAT <- 1}',
      '\\lstinline!x!',
      '\\mintinline{r}{hERG}',
    ]);
  });

  it('leaves an unclosed verbatim environment and an unclosed \\verb as text', () => {
    const text = '\\begin{verbatim}\nSERT binds $x$.\n\nAnd \\verb|NET\nmore';
    const document = scan(text);
    assert.deepEqual(skippedTexts(document, 'code'), []);
    assert.deepEqual(skippedTexts(document, 'command-arg'), ['verbatim']);
    assert.deepEqual(mathTexts(document), ['$x$']);
  });
});

describe('latex scan: math', () => {
  it('lists inline and display math, keeping the text in masked', () => {
    const text = 'SERT $K_\\mathrm{i} = 4.3$~nM, $$K_d = 1$$, \\(IC_{50}\\) and \\[\\alpha_{1A}\\].';
    const document = scan(text);
    assert.deepEqual(mathTexts(document), ['$K_\\mathrm{i} = 4.3$', '$$K_d = 1$$', '\\(IC_{50}\\)', '\\[\\alpha_{1A}\\]']);
    assert.equal(document.masked, text);
  });

  it('lists math environments and masks labels inside them', () => {
    const text = '\\begin{equation}\\label{eq:cp}\nK_i = \\frac{IC_{50}}{1 + [L]/K_d}\n\\end{equation}\n\\begin{align*}\na &= b \\\\\n\\end{align*}\n\\begin{eqnarray}x\\end{eqnarray}';
    const document = scan(text);
    assert.deepEqual(plainSpans(document.math), [
      spanOf(text, '\\begin{equation}\\label{eq:cp}\nK_i = \\frac{IC_{50}}{1 + [L]/K_d}\n\\end{equation}'),
      spanOf(text, '\\begin{align*}\na &= b \\\\\n\\end{align*}'),
      spanOf(text, '\\begin{eqnarray}x\\end{eqnarray}'),
    ]);
    assert.deepEqual(skippedTexts(document, 'label'), ['eq:cp']);
    assert.ok(document.masked.includes('K_i = \\frac{IC_{50}}{1 + [L]/K_d}'));
  });

  it('does not count an escaped \\$ and keeps comments inside math as comments', () => {
    const text = 'Costs \\$5; $a % note\n+ b$ done';
    const document = scan(text);
    assert.deepEqual(mathTexts(document), ['$a % note\n+ b$']);
    assert.deepEqual(skippedTexts(document, 'comment'), ['% note']);
  });

  it('drops inline math left open at a paragraph break', () => {
    const document = scan('Open $x here.\n\nThen $y$ closes.');
    assert.deepEqual(mathTexts(document), ['$y$']);
  });
});

describe('latex scan: citations', () => {
  it('reads natbib/biblatex commands with optional arguments, several keys and stars', () => {
    const text = 'SERT \\citep[see][p.~3]{owens1997, tatsumi1997} and \\textcite{sanchez1999}, \\citet*{a:b-c} \\nocite{*}.';
    const document = scan(text);
    assert.deepEqual(document.citations, [
      {
        ...spanOf(text, '\\citep[see][p.~3]{owens1997, tatsumi1997}'),
        command: 'citep',
        keys: [
          { ...spanOf(text, 'owens1997'), key: 'owens1997' },
          { ...spanOf(text, 'tatsumi1997'), key: 'tatsumi1997' },
        ],
      },
      { ...spanOf(text, '\\textcite{sanchez1999}'), command: 'textcite', keys: [{ ...spanOf(text, 'sanchez1999'), key: 'sanchez1999' }] },
      { ...spanOf(text, '\\citet*{a:b-c}'), command: 'citet', keys: [{ ...spanOf(text, 'a:b-c'), key: 'a:b-c' }] },
      { ...spanOf(text, '\\nocite{*}'), command: 'nocite', keys: [] },
    ]);
    assert.deepEqual(skippedTexts(document, 'citation-key'), ['owens1997', 'tatsumi1997', 'sanchez1999', 'a:b-c', '*']);
    assert.ok(document.masked.includes('\\citep[see][p.~3]{         ,            }'));
  });

  it('reads every command of the family', () => {
    const commands = ['cite', 'citep', 'citet', 'parencite', 'autocite', 'textcite', 'footcite', 'citeauthor', 'citeyear', 'nocite', 'Textcite', 'citealp'];
    const text = commands.map((command) => `\\${command}{k${command}}`).join(' ');
    const document = scan(text);
    assert.deepEqual(document.citations.map((citation) => [citation.command, citation.keys[0]!.key]), commands.map((command) => [command, `k${command}`]));
  });

  it('reads multicite commands and keys split over lines with comments', () => {
    const text = '\\cites[see][1]{a}[2]{b,\n  c}{d} then \\cite{e,% old key\n f}';
    const document = scan(text);
    assert.deepEqual(document.citations.map((citation) => [citation.command, citation.keys.map((key) => key.key)]), [
      ['cites', ['a', 'b', 'c', 'd']],
      ['cite', ['e', 'f']],
    ]);
    assert.deepEqual(skippedTexts(document, 'comment'), ['% old key']);
  });

  it('treats a citation command without an argument, or with an unclosed one, as text', () => {
    const document = scan('\\cite and \\cite{unclosed\n\nnext');
    assert.deepEqual(document.citations, []);
  });
});

describe('latex scan: labels, references, URLs and other non-prose arguments', () => {
  it('masks the arguments of reference and label commands', () => {
    const text = '\\label{sec:ki} \\ref{fig:a} \\eqref{eq:b} \\autoref{t} \\cref{c} \\Cref{d} \\pageref{e}';
    const document = scan(text);
    assert.deepEqual(skippedTexts(document, 'label'), ['sec:ki', 'fig:a', 'eq:b', 't', 'c', 'd', 'e']);
  });

  it('masks URLs (read verbatim, % included) and keeps the \\href text', () => {
    const text = '\\url{https://x.org/a%20b} and \\href{https://doi.org/10.1/x}{the SERT paper}.';
    const document = scan(text);
    assert.deepEqual(skippedTexts(document, 'url'), ['https://x.org/a%20b', 'https://doi.org/10.1/x']);
    assert.deepEqual(skippedTexts(document, 'comment'), []);
    assert.ok(document.masked.includes('{the SERT paper}'));
  });

  it('masks preamble, file and graphics arguments and environment names', () => {
    const text = '\\documentclass[11pt]{article}\n\\usepackage[version=4]{mhchem}\n\\input{sections/intro}\n\\include{ch2}\n\\includegraphics[width=\\linewidth]{fig/SERT.pdf}\n\\bibliographystyle{apalike}\n\\begin{document}\nText\n\\end{document}';
    const document = scan(text);
    assert.deepEqual(skippedTexts(document, 'command-arg'), [
      '11pt', 'article', 'version=4', 'mhchem', 'sections/intro', 'ch2', 'width=\\linewidth', 'fig/SERT.pdf', 'apalike', 'document', 'document',
    ]);
  });

  it('skips whole macro definitions', () => {
    const text = '\\newcommand{\\ki}[1]{$K_i = #1$}\n\\renewcommand*\\nm[2][x]{#1\\,nM}\n\\newenvironment{note}{\\begin{quote}}{\\end{quote}}\n\\def\\sert#1{SERT #1}\n\\let\\old\\new\nAfter \\ki{4}.';
    const document = scan(text);
    assert.deepEqual(skippedTexts(document, 'command-arg'), [
      '\\newcommand{\\ki}[1]{$K_i = #1$}',
      '\\renewcommand*\\nm[2][x]{#1\\,nM}',
      '\\newenvironment{note}{\\begin{quote}}{\\end{quote}}',
      '\\def\\sert#1{SERT #1}',
      '\\let\\old\\new',
    ]);
    assert.deepEqual(document.math, []);
    assert.ok(document.masked.includes('After \\ki{4}.'));
  });

  it('keeps the arguments of unknown commands as prose', () => {
    const text = '\\emph{Amitriptyline} \\textbf{SERT} \\myDrug{NET} \\alpha';
    assert.equal(scan(text).masked, text);
  });

  it('masks the first mandatory argument of user-listed commands', () => {
    const text = '\\myDrug[opt]{code name} stays \\other{kept} \\gene{SLC6A4}';
    const document = scan(text, { ignoredArgCommands: ['\\myDrug', 'gene'] });
    assert.deepEqual(plainSpans(document.skipped), [spanOf(text, 'code name'), spanOf(text, 'SLC6A4')]);
    assert.ok(document.masked.includes('[opt]'));
    assert.equal(scanDocument(text, 'latex', { latexIgnoredArgCommands: ['myDrug'] }).skipped.length, 1);
  });
});

describe('latex scan: bibliographies', () => {
  it('lists \\bibliography and \\addbibresource paths with spans and masks them', () => {
    const text = '\\bibliography{refs, more/other}\n\\addbibresource[location=local]{dir/x.bib}';
    const document = scan(text);
    assert.deepEqual(document.bibliographies, [
      { ...spanOf(text, 'refs'), path: 'refs' },
      { ...spanOf(text, 'more/other'), path: 'more/other' },
      { ...spanOf(text, 'dir/x.bib'), path: 'dir/x.bib' },
    ]);
    assert.deepEqual(skippedTexts(document, 'command-arg'), ['refs', 'more/other', 'location=local', 'dir/x.bib']);
  });
});

describe('latex scan: tables', () => {
  const text = `\\begin{table}[ht]
  \\centering
  \\caption{Affinities of tricyclic antidepressants}\\label{tab:ki}
  \\begin{tabular}{l S[table-format=2.1] r}
    \\toprule
    Compound & \\multicolumn{1}{c}{SERT $K_i$ (nM)} & NET \\\\
    \\midrule
    Amitriptyline & 4.3 & 35 \\cite{owens1997} \\\\ % checked
    Imipramine \\& co. & 1.4 & \\\\[2pt]
    \\cmidrule(lr){2-3}
    {a & b} & x & y
    \\bottomrule
  \\end{tabular}
\\end{table}`;

  it('reads rows, cells, header rule and caption', () => {
    const document = scan(text);
    assert.equal(document.tables.length, 1);
    const [table] = document.tables;
    assert.deepEqual(plainSpans([table!]), [spanOf(text, text.slice(text.indexOf('\\begin{tabular}'), text.indexOf('\\end{tabular}') + 13))]);
    assert.equal(table!.hasHeader, true);
    assert.deepEqual(table!.caption, { ...spanOf(text, 'Affinities of tricyclic antidepressants'), text: 'Affinities of tricyclic antidepressants' });
    assert.deepEqual(cellTexts(table!.rows), [
      ['Compound', 'SERT $K_i$ (nM)', 'NET'],
      ['Amitriptyline', '4.3', '35 \\cite{owens1997}'],
      ['Imipramine \\& co.', '1.4', ''],
      ['{a & b}', 'x', 'y'],
    ]);
    assert.deepEqual(plainSpans([table!.rows[0]![1]!]), [spanOf(text, 'SERT $K_i$ (nM)')]);
  });

  it('masks the column spec, spanning-cell specs and rule arguments, and still scans cells', () => {
    const document = scan(text);
    assert.deepEqual(skippedTexts(document, 'command-arg'), ['table', 'tabular', 'l S[table-format=2.1] r', '1', 'c', '2pt', 'lr', '2-3', 'tabular', 'table']);
    assert.deepEqual(document.citations.map((citation) => citation.keys[0]!.key), ['owens1997']);
    assert.deepEqual(mathTexts(document), ['$K_i$']);
  });

  it('has no header without a rule after the first row; reads tabularx, longtable and its own caption', () => {
    const source = '\\begin{tabularx}{\\linewidth}{lX}\na & b \\\\\nc & d\n\\end{tabularx}\n\\begin{longtable}{ll}\n\\caption{Long one}\\\\\n\\hline\nh1 & h2 \\\\\n\\hline\n\\endhead\nx & y \\\\\n\\end{longtable}';
    const document = scan(source);
    assert.equal(document.tables.length, 2);
    assert.equal(document.tables[0]!.hasHeader, false);
    assert.deepEqual(cellTexts(document.tables[0]!.rows), [['a', 'b'], ['c', 'd']]);
    assert.deepEqual(skippedTexts(document, 'command-arg').slice(0, 3), ['tabularx', '\\linewidth', 'lX']);
    assert.equal(document.tables[1]!.caption?.text, 'Long one');
    assert.deepEqual(cellTexts(document.tables[1]!.rows), [['\\caption{Long one}'], ['h1', 'h2'], ['x', 'y']]);
  });

  it('does not treat array (math) as a table and ignores & in align', () => {
    const document = scan('$\\begin{array}{cc} a & b \\\\ c & d \\end{array}$ \\begin{align} x &= 1 \\end{align}');
    assert.deepEqual(document.tables, []);
  });

  it('drops an unclosed tabular', () => {
    const document = scan('\\begin{tabular}{ll}\na & b \\\\\n');
    assert.deepEqual(document.tables, []);
  });
});

describe('latex scan: malformed input never throws', () => {
  const cases: Record<string, string> = {
    empty: '',
    'lone backslash': '\\',
    'unclosed brace': '\\textbf{SERT binds NET\n\nNext paragraph \\cite{a} }}}}',
    'unclosed math': '$x \\( y \\[ z $$ w \\begin{equation} v',
    'unclosed environments': '\\begin{table}\\begin{tabular}{ll} a & b \\\\ \\begin{verbatim} x',
    'end without begin': '\\end{tabular} \\end{table} \\end{equation} \\end{}',
    'arguments cut off': '\\cite[ \\label \\begin \\begin{ \\href{ \\url{x \\verb \\newcommand \\def \\let \\multicolumn{',
    'brackets': '[[[[ ]]]] {{{{ }}}} \\[ \\] \\{ \\}',
    '100,000-character line': '\\textbf{' + 'SERT '.repeat(20_000) + '$' + '{'.repeat(50_000) + '%',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      scan(text);
      assertWellFormed(scanDocument(text, 'latex'));
    });
  }

  it('random binary junk with NUL bytes and lone surrogates', () => {
    for (let seed = 1; seed <= 40; seed++) scan(junk(seed, 3000, '\\\\\\{}[]()$%&#^_~@*,\n\n \tabcegiln{verbatim}{tabular}cite'));
  });

  it('random command soup', () => {
    const words = ['\\begin{tabular}{ll}', '\\end{tabular}', '\\begin{table}', '\\end{table}', '\\caption{c}', '\\cite{k}', '&', '\\\\', '\\hline', '\\multicolumn{2}{c}{x}', '$', '\\[', '\\]', '{', '}', '%', '\n', '\n\n', 'SERT', '\\verb|', '\\begin{equation}', '\\end{equation}', '\\newcommand{\\x}{', '\\label{'];
    for (let seed = 1; seed <= 30; seed++) {
      let state = seed;
      const pieces: string[] = [];
      for (let i = 0; i < 400; i++) {
        state = (state * 1103515245 + 12345) % 2147483648;
        pieces.push(words[state % words.length]!, ' ');
      }
      scan(pieces.join(''));
    }
  });

  it('adversarial repetitions stay fast (linear)', () => {
    const patterns = ['\\cite[', '\\begin{verbatim}', '{', '[', '\\verb|', '\\url{', '$', '\\(', '\\label{', '\\newcommand{\\x}', '&', '\\\\', '%'];
    for (const pattern of patterns) {
      const text = pattern.repeat(Math.ceil(200_000 / pattern.length));
      assert.ok(Number.isFinite(timeIt(() => scan(text))));
    }
  });
});

describe('latex scan: 1 MB manuscript', () => {
  it('scans a generated manuscript linearly (time printed, not asserted)', (context) => {
    const full = generateManuscript('latex', 1_000_000);
    const half = generateManuscript('latex', 500_000);
    for (let i = 0; i < 3; i++) scanLatex(half);
    const halfMs = timeIt(() => scanLatex(half));
    let document = scanLatex(full);
    const fullMs = timeIt(() => (document = scanLatex(full)));
    assertWellFormed(document);
    assert.ok(document.tables.length > 100 && document.citations.length > 1000 && document.math.length > 1000);
    assert.ok(document.tables.every((table) => table.hasHeader && table.caption && table.rows.length === 4));
    const megabytes = Buffer.byteLength(full) / 1e6;
    context.diagnostic(`latex: ${(fullMs / megabytes).toFixed(1)} ms/MB (1 MB: ${fullMs.toFixed(1)} ms, 0.5 MB: ${halfMs.toFixed(1)} ms)`);
  });
});
