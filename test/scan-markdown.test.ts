import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateManuscript } from '../scripts/bench-scan';
import { formatForLanguageId, scanDocument } from '../server/src/service/scan/index';
import { scanMarkdown } from '../server/src/service/scan/markdown';
import {
  assertWellFormed,
  junk,
  mathTexts,
  plainSpans,
  skippedTexts,
  spanOf,
  timeIt,
} from './scan-helpers';

function scan(text: string) {
  const document = scanMarkdown(text);
  assertWellFormed(document);
  return document;
}

describe('markdown scan: YAML front matter', () => {
  const text = `---
title: "Tricyclics and SERT"
bibliography:
  - refs/main.bib
  - "extra refs.bib"
---

Amitriptyline binds SERT.
`;

  it('skips the block, parses it and lists bibliography paths with their spans', () => {
    const document = scan(text);
    const closing = text.indexOf('\n---\n') + 4;
    assert.deepEqual(document.frontMatter?.span, { start: 0, end: closing });
    assert.deepEqual(document.frontMatter?.data, { title: 'Tricyclics and SERT', bibliography: ['refs/main.bib', 'extra refs.bib'] });
    assert.equal(document.frontMatter?.error, undefined);
    assert.deepEqual(document.skipped[0], { start: 0, end: closing, reason: 'front-matter' });
    assert.deepEqual(document.bibliographies, [
      { ...spanOf(text, 'refs/main.bib'), path: 'refs/main.bib' },
      { ...spanOf(text, 'extra refs.bib'), path: 'extra refs.bib' },
    ]);
    assert.equal(document.masked.slice(0, closing).trim(), '');
    assert.equal(document.masked.slice(0, closing).split('\n').length, 6);
    assert.ok(document.masked.includes('Amitriptyline binds SERT.'));
  });

  it('accepts a single bibliography string and a `...` closing line', () => {
    const source = "---\nbibliography: 'refs.bib'\n...\nText.\n";
    const document = scan(source);
    assert.deepEqual(document.bibliographies, [{ ...spanOf(source, 'refs.bib'), path: 'refs.bib' }]);
    assert.deepEqual(document.frontMatter?.span, { start: 0, end: source.indexOf('...') + 3 });
  });

  it('reports a YAML error instead of throwing, and still skips the block', () => {
    const source = '---\ntitle: [unclosed\nauthor: x: y\n---\nText.\n';
    const document = scan(source);
    assert.equal(typeof document.frontMatter?.error, 'string');
    assert.equal(document.frontMatter?.data, undefined);
    assert.equal(document.skipped[0]?.reason, 'front-matter');
  });

  it('is not front matter when unclosed, not at the start, or followed by a blank line', () => {
    for (const source of ['---\ntitle: x\n\nText', 'Text\n---\ntitle: x\n---\n', '---\n\ntitle: x\n---\n']) {
      const document = scan(source);
      assert.equal(document.frontMatter, undefined, source);
      assert.equal(skippedTexts(document, 'front-matter').length, 0);
    }
  });
});

describe('markdown scan: code', () => {
  it('skips fenced code blocks with backticks and tildes, info strings included', () => {
    const text = 'Before NET.\n\n```{r}\n#| label: fig-x\nSERT <- 4.3\n```\n\n~~~~ python\nDAT = 1\n~~~~\nAfter.\n';
    const document = scan(text);
    assert.deepEqual(skippedTexts(document, 'code'), ['```{r}\n#| label: fig-x\nSERT <- 4.3\n```', '~~~~ python\nDAT = 1\n~~~~']);
    assert.ok(!document.masked.includes('SERT'));
    assert.ok(!document.masked.includes('DAT'));
    assert.ok(document.masked.includes('Before NET.') && document.masked.includes('After.'));
  });

  it('needs a closing fence at least as long as the opening one; an unclosed fence runs to the end', () => {
    const text = '````\ncode\n```\nstill code\n````\nprose\n```\nunclosed SERT\n';
    const document = scan(text);
    assert.deepEqual(plainSpans(document.skipped), [
      { start: 0, end: text.indexOf('````\nprose') + 4 },
      { start: text.indexOf('```\nunclosed'), end: text.length },
    ]);
    assert.ok(document.masked.includes('prose'));
  });

  it('does not open a backtick fence whose info string contains a backtick', () => {
    const document = scan('```not `a` fence\nSERT\n');
    assert.ok(document.masked.includes('SERT'));
  });

  it('skips indented code after a blank line, but not list continuations or paragraph continuations', () => {
    const text = 'Para\n\n    indented SERT\n    more\n\nText\n    continuation NET\n\n- item\n\n    list paragraph DAT\n';
    const document = scan(text);
    assert.deepEqual(skippedTexts(document, 'code'), ['    indented SERT\n    more']);
    assert.ok(document.masked.includes('continuation NET'));
    assert.ok(document.masked.includes('list paragraph DAT'));
  });

  it('skips inline code spans with matching backtick runs only', () => {
    const text = 'Use `SERT` and ``a ` b`` but `` ` `` then `unmatched NET.';
    const document = scan(text);
    assert.deepEqual(skippedTexts(document, 'code'), ['`SERT`', '``a ` b``', '`` ` ``']);
    assert.ok(document.masked.includes('`unmatched NET.'));
  });

  it('skips fenced code inside block quotes', () => {
    const document = scan('> ```\n> SERT\n> ```\n> quoted NET\n');
    assert.ok(!document.masked.includes('SERT'));
    assert.ok(document.masked.includes('quoted NET'));
  });
});

describe('markdown scan: comments and HTML', () => {
  it('lists HTML comments as skipped comments whose text stays readable from `text`', () => {
    const text = 'A\n<!-- pharmalens-disable-next-line -->\nAmitriptyline Ki = 1 nM. <!-- inline note --> End.\n';
    const document = scan(text);
    const comments = document.skipped.filter((span) => span.reason === 'comment');
    assert.deepEqual(plainSpans(comments), [spanOf(text, '<!-- pharmalens-disable-next-line -->'), spanOf(text, '<!-- inline note -->')]);
    assert.ok(text.slice(comments[0]!.start, comments[0]!.end).includes('pharmalens-disable-next-line'));
    assert.ok(document.masked.includes('Amitriptyline Ki = 1 nM.'));
  });

  it('skips multi-line comment blocks across blank lines and reads the rest of the closing line', () => {
    const text = '<!--\nSERT\n\nNET\n--> DAT after\n';
    const document = scan(text);
    assert.deepEqual(skippedTexts(document, 'comment'), ['<!--\nSERT\n\nNET\n-->']);
    assert.equal(document.masked, '    \n    \n\n   \n    DAT after\n');
  });

  it('masks HTML tags but keeps <sub>/<sup> markup', () => {
    const text = '<div class="note">5-HT<sub>2A</sub> and Ca<sup>2+</sup><br/></div>';
    const document = scan(text);
    assert.deepEqual(skippedTexts(document, 'html'), ['<div class="note">', '<br/>', '</div>']);
    assert.ok(document.masked.includes('5-HT<sub>2A</sub> and Ca<sup>2+</sup>'));
  });

  it('leaves comparison signs alone', () => {
    const text = 'IC50 < 10 nM and Ki<1 nM, a <b and c\n> d, x<y.';
    const document = scan(text);
    assert.equal(document.skipped.length, 0);
  });

  it('skips <script>, <style> and <pre> blocks', () => {
    const document = scan('<script>\nvar SERT = 1;\n</script>\nText.\n');
    assert.deepEqual(skippedTexts(document, 'code'), ['<script>\nvar SERT = 1;\n</script>']);
  });
});

describe('markdown scan: URLs and links', () => {
  it('skips autolinks, bare URLs and www links with GFM trailing punctuation rules', () => {
    const text = 'See <https://example.org/a?b=c>, https://en.wikipedia.org/wiki/Amitriptyline_(drug). Or www.guidetopharmacology.org, <mail@example.org>.';
    const document = scan(text);
    assert.deepEqual(skippedTexts(document, 'url'), [
      '<https://example.org/a?b=c>',
      'https://en.wikipedia.org/wiki/Amitriptyline_(drug)',
      'www.guidetopharmacology.org',
      '<mail@example.org>',
    ]);
  });

  it('skips link and image destinations with titles but keeps the link text', () => {
    const text = 'The [SERT review](https://doi.org/10.1/x "Owens") and ![NET figure](img/net.png).';
    const document = scan(text);
    assert.deepEqual(skippedTexts(document, 'url'), ['(https://doi.org/10.1/x "Owens")', '(img/net.png)']);
    assert.ok(document.masked.includes('[SERT review]'));
    assert.ok(document.masked.includes('![NET figure]'));
  });

  it('skips reference definitions and reference labels, keeps footnote definitions as prose', () => {
    const text = 'Read [the paper][owens] now.\n\n[owens]: https://doi.org/10.1/x "Title"\n\n[^1]: Footnote about SERT.\n\nA note[^1].\n';
    const document = scan(text);
    assert.deepEqual(skippedTexts(document, 'label'), ['[owens]', '[owens]:', '[^1]:', '[^1]']);
    assert.deepEqual(skippedTexts(document, 'url'), ['https://doi.org/10.1/x "Title"']);
    assert.ok(document.masked.includes('Footnote about SERT.'));
    assert.ok(document.masked.includes('[the paper]'));
  });
});

describe('markdown scan: citations and cross-references', () => {
  it('reads bracketed citations with several keys, prefixes, locators and author suppression', () => {
    const text = 'SERT [see @owens1997, p. 3; @tatsumi1997] and NET [-@bymaster2001].';
    const document = scan(text);
    assert.deepEqual(document.citations, [
      {
        ...spanOf(text, '[see @owens1997, p. 3; @tatsumi1997]'),
        command: 'pandoc',
        keys: [
          { ...spanOf(text, 'owens1997'), key: 'owens1997' },
          { ...spanOf(text, 'tatsumi1997'), key: 'tatsumi1997' },
        ],
      },
      { ...spanOf(text, '[-@bymaster2001]'), command: 'pandoc', keys: [{ ...spanOf(text, 'bymaster2001'), key: 'bymaster2001' }] },
    ]);
    assert.deepEqual(skippedTexts(document, 'citation-key'), ['@owens1997', '@tatsumi1997', '-@bymaster2001']);
    assert.ok(document.masked.includes(`[see ${' '.repeat('@owens1997'.length)}, p. 3; ${' '.repeat('@tatsumi1997'.length)}]`));
  });

  it('reads in-text citations with internal punctuation and without trailing punctuation', () => {
    const text = '@owens:1997.b found it, as did @doe_2020-x. And @{Weird Key 1}.';
    const document = scan(text);
    assert.deepEqual(
      document.citations.map((citation) => [text.slice(citation.start, citation.end), citation.keys.map((key) => key.key)]),
      [
        ['@owens:1997.b', ['owens:1997.b']],
        ['@doe_2020-x', ['doe_2020-x']],
        ['@{Weird Key 1}', ['Weird Key 1']],
      ],
    );
  });

  it('does not read e-mail addresses or lone @ as citations', () => {
    const document = scan('Write to jane.doe@example.org or a@b.com; @ alone; x@y.');
    assert.deepEqual(document.citations, []);
    assert.deepEqual(document.skipped, []);
  });

  it('skips Quarto cross-references and attribute blocks as labels, not citations', () => {
    const text = '# Methods {#sec-methods}\n\nSee @fig-binding and [@tbl-ki; @eq-cheng] and @sec-methods.\n\n![Binding](b.png){#fig-binding width=50%}\n';
    const document = scan(text);
    assert.deepEqual(document.citations, []);
    assert.deepEqual(skippedTexts(document, 'label'), ['{#sec-methods}', '@fig-binding', '@tbl-ki', '@eq-cheng', '@sec-methods', '{#fig-binding width=50%}']);
  });

  it('does not read a citation inside code or math', () => {
    const document = scan('`@owens1997` and $a@b$');
    assert.deepEqual(document.citations, []);
  });

  it('does not read `\\@` as a citation', () => {
    assert.deepEqual(scan('An escaped \\@owens1997.').citations, []);
  });
});

describe('markdown scan: math', () => {
  it('lists $…$, $$…$$, \\(…\\) and \\[…\\] spans and keeps their text in masked', () => {
    const text = 'SERT $K_\\mathrm{i}$ = 4.3 nM and\n$$\nK_i = \\frac{IC_{50}}{1 + [L]/K_d}\n$$\nwith \\(5\\text{-HT}_{2A}\\) and \\[\\alpha_1\\].';
    const document = scan(text);
    assert.deepEqual(mathTexts(document), ['$K_\\mathrm{i}$', '$$\nK_i = \\frac{IC_{50}}{1 + [L]/K_d}\n$$', '\\(5\\text{-HT}_{2A}\\)', '\\[\\alpha_1\\]']);
    assert.equal(document.masked, text);
  });

  it('follows Pandoc: no space after the opening $, none before the closing $, no digit after it', () => {
    const paragraphs = ['It costs $5 and $6 today.', 'Not $ x$ math.', 'Nor $x $ this.', 'Nor $a$1 this.', 'Escaped \\$x\\$.', 'But $\\alpha$ is.'];
    const document = scan(paragraphs.join('\n\n'));
    assert.deepEqual(mathTexts(document), ['$\\alpha$']);
  });

  it('keeps math within its paragraph: an unclosed $ does not swallow the next one', () => {
    const document = scan('Unclosed $x here.\n\nNext $y$ paragraph.');
    assert.deepEqual(mathTexts(document), ['$y$']);
  });
});

describe('markdown scan: pipe tables', () => {
  const text = `Intro.

| Compound | SERT K~i~ (nM) | Source |
|:---------|---------------:|--------|
| Amitriptyline | 4.3 | [@owens1997] |
| A \\| B | $K_i$ = 1 |  |

: Binding affinities {#tbl-affinity}
`;

  it('reads rows and trimmed cells with exact spans, escaped pipes, header and caption', () => {
    const document = scan(text);
    assert.equal(document.tables.length, 1);
    const [table] = document.tables;
    assert.equal(table!.hasHeader, true);
    assert.deepEqual(table!.caption, { ...spanOf(text, 'Binding affinities'), text: 'Binding affinities' });
    assert.equal(table!.start, text.indexOf('| Compound'));
    assert.equal(table!.end, text.indexOf('|  |') + 4);
    const cellTexts = table!.rows.map((row) => row.map((cell) => cell.text));
    assert.deepEqual(cellTexts, [
      ['Compound', 'SERT K~i~ (nM)', 'Source'],
      ['Amitriptyline', '4.3', '[@owens1997]'],
      ['A | B', '$K_i$ = 1', ''],
    ]);
    assert.deepEqual(plainSpans([table!.rows[0]![1]!]), [spanOf(text, 'SERT K~i~ (nM)')]);
    assert.deepEqual(plainSpans([table!.rows[2]![0]!]), [spanOf(text, 'A \\| B')]);
  });

  it('scans the cells inline: citations, math and the caption label', () => {
    const document = scan(text);
    assert.deepEqual(document.citations.map((citation) => citation.keys[0]!.key), ['owens1997']);
    assert.deepEqual(mathTexts(document), ['$K_i$']);
    assert.deepEqual(skippedTexts(document, 'label'), ['{#tbl-affinity}']);
  });

  it('reads a `Table:` caption before the table and a headerless table', () => {
    const source = 'Table: Affinities of TCAs\n\n|---|---|\n| a | 1 |\n| b | 2 |\n';
    const document = scan(source);
    assert.equal(document.tables.length, 1);
    assert.equal(document.tables[0]!.hasHeader, false);
    assert.deepEqual(document.tables[0]!.rows.map((row) => row.map((cell) => cell.text)), [['a', '1'], ['b', '2']]);
    assert.deepEqual(document.tables[0]!.caption, { ...spanOf(source, 'Affinities of TCAs'), text: 'Affinities of TCAs' });
  });

  it('accepts tables without outer pipes and ends at a blank line or a line without a pipe', () => {
    const source = 'a | b\n--|--\n1 | 2\nno pipe here\n';
    const document = scan(source);
    assert.deepEqual(document.tables[0]!.rows.map((row) => row.map((cell) => cell.text)), [['a', 'b'], ['1', '2']]);
    assert.ok(document.masked.includes('no pipe here'));
  });

  it('is not a table when the delimiter row has a different number of cells, or is missing', () => {
    assert.deepEqual(scan('| a | b |\n|---|\n| 1 | 2 |\n').tables, []);
    assert.deepEqual(scan('| a | b |\n| 1 | 2 |\n').tables, []);
  });
});

describe('markdown scan: grid tables', () => {
  const text = `Intro.

+-----------+----------------+--------------+
| Parameter | Agomelatine    | Prolonged-   |
|           |                | release      |
+===========+================+==============+
| Binding   | MT1: 0.10      | MT1: 0.081   |
| (Ki, nM)  | MT2: 0.12 [@a] |              |
+-----------+----------------+--------------+
| Half-life | 1–2 h                         |
+-----------+-------------------------------+

Table: Melatonin receptor agonists
`;

  it('reads each line as a row, groups the lines of one row, and takes the header above the = border', () => {
    const document = scan(text);
    assert.equal(document.tables.length, 1);
    const [table] = document.tables;
    assert.equal(table!.hasHeader, true);
    assert.deepEqual(table!.rowGroups, [0, 0, 1, 1, 2]);
    assert.deepEqual(table!.rows.map((row) => row.map((cell) => cell.text)), [
      ['Parameter', 'Agomelatine', 'Prolonged-'],
      ['', '', 'release'],
      ['Binding', 'MT1: 0.10', 'MT1: 0.081'],
      ['(Ki, nM)', 'MT2: 0.12 [@a]', ''],
      ['Half-life', '1–2 h'],
    ]);
    assert.equal(table!.rows[4]![1]!.columns, 2);
    assert.deepEqual(plainSpans([table!.rows[2]![1]!]), [spanOf(text, 'MT1: 0.10')]);
    assert.equal(table!.start, text.indexOf('+---'));
    assert.equal(table!.end, text.lastIndexOf('+') + 1);
    assert.deepEqual(table!.caption?.text, 'Melatonin receptor agonists');
    assert.deepEqual(document.citations.map((citation) => citation.keys[0]!.key), ['a']);
  });

  it('is not a table without a | line under the border, and a line of other text ends it', () => {
    assert.deepEqual(scan('+---+---+\nno cells\n').tables, []);
    const ended = scan('+---+---+\n| a | 1 |\nafter\n');
    assert.deepEqual(ended.tables[0]!.rows.map((row) => row.map((cell) => cell.text)), [['a', '1']]);
    assert.ok(ended.masked.includes('after'));
  });
});

describe('markdown scan: masked text', () => {
  it('blanks skipped spans only, keeping line breaks (\\n and \\r\\n) and offsets', () => {
    const text = 'SERT `code\r\nspan` NET\r\n<!-- a\r\nb -->\r\nDAT https://x.org\r\n';
    const document = scan(text);
    assert.equal(document.masked, 'SERT      \r\n      NET\r\n      \r\n     \r\nDAT              \r\n');
  });
});

describe('markdown scan: malformed input never throws', () => {
  const cases: Record<string, string> = {
    empty: '',
    'only newline': '\n',
    'unclosed everything': '---\nx: [\n```\n$x \\( <!-- [@a; `b {#c <div ',
    'unclosed front matter and fence': '---\ntitle: x\n```\nSERT',
    'lone markers': '$ $$ ` `` [ ] ( ) < > @ { } \\ | --- ~~~ :',
    'nested brackets': '[[[[[@a]]]] [x](y(z) [@b](',
    'table junk': '|\n|-|\n||||\n|:-:|\n| a |\n',
    'grid table junk': '+--+--+\n| a |\n|\n+==+\n| x | y | z |\n+-\n+\n+++\n|',
    'CR only': 'a\rb\r\r$x$\r',
    'BOM front matter': '\ufeff---\ntitle: x\n---\nText',
    '100,000-character line': 'SERT '.repeat(20_000) + '$' + 'a'.repeat(100_000) + '`',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      scan(text);
      assertWellFormed(scanDocument(text, 'markdown'));
    });
  }

  it('random binary junk with NUL bytes and lone surrogates', () => {
    for (let seed = 1; seed <= 40; seed++) scan(junk(seed, 3000, '$`[]()<>@{}\\|-:#!*~\n\n \t\r.=^;abcSERT0123456789'));
  });

  it('adversarial repetitions stay fast (linear)', () => {
    const patterns = ['$a ', '`', '``a`', '[', '[@a', '<a ', '<!--', '\\(', '$$', '@', '{#', 'http://x(', '[a](', '| a ', '-@', '+--+\n| a |\n', '+-+\n'];
    for (const pattern of patterns) {
      const text = pattern.repeat(Math.ceil(200_000 / pattern.length));
      const ms = timeIt(() => scan(text));
      assert.ok(Number.isFinite(ms));
    }
  });
});

describe('markdown scan: 1 MB manuscript', () => {
  it('scans a generated manuscript linearly (time printed, not asserted)', (context) => {
    const full = generateManuscript('markdown', 1_000_000);
    const half = generateManuscript('markdown', 500_000);
    for (let i = 0; i < 3; i++) scanMarkdown(half);
    const halfMs = timeIt(() => scanMarkdown(half));
    let document = scanMarkdown(full);
    const fullMs = timeIt(() => (document = scanMarkdown(full)));
    assertWellFormed(document);
    assert.ok(document.tables.length > 100 && document.citations.length > 1000 && document.math.length > 1000);
    const megabytes = Buffer.byteLength(full) / 1e6;
    context.diagnostic(`markdown: ${(fullMs / megabytes).toFixed(1)} ms/MB (1 MB: ${fullMs.toFixed(1)} ms, 0.5 MB: ${halfMs.toFixed(1)} ms)`);
  });
});

describe('formatForLanguageId', () => {
  it('maps language ids', () => {
    for (const id of ['markdown', 'quarto', 'rmd', 'rmarkdown']) assert.equal(formatForLanguageId(id), 'markdown');
    for (const id of ['latex', 'tex', 'plaintex', 'latex-expl3']) assert.equal(formatForLanguageId(id), 'latex');
    assert.equal(formatForLanguageId('python'), undefined);
    assert.equal(formatForLanguageId('constructor'), undefined);
  });

  it('falls back to the file extension when the language id is unknown', () => {
    assert.equal(formatForLanguageId('plaintext', 'file:///a/b/paper.qmd'), 'markdown');
    assert.equal(formatForLanguageId('', 'file:///a/b/paper.Rmd'), 'markdown');
    assert.equal(formatForLanguageId('x', 'file:///a/paper.markdown?x=1#y'), 'markdown');
    assert.equal(formatForLanguageId('x', '/a/thesis.ltx'), 'latex');
    assert.equal(formatForLanguageId('x', 'untitled:Untitled-1'), undefined);
    assert.equal(formatForLanguageId('x', 'file:///a.d/README'), undefined);
  });
});

describe('markdown scan: HTML tables (Word and Google Docs exports)', () => {
  it('reads rows, header cells and the caption; tags are not prose, cell contents are', () => {
    const text = [
      'Before.',
      '',
      '<TABLE class="x">',
      '<caption>Binding of amitriptyline (Ki, nM)</caption>',
      '<tr><th>Target</th><th align="right">Ki (nM)</th></tr>',
      '<tr><td>SERT</td><td>4.3</td></tr>',
      '<tr><td><b>NET</b></td><td>35',
      '</table>',
      'After.',
    ].join('\n');
    const document = scan(text);
    assert.equal(document.tables.length, 1);
    const [table] = document.tables;
    assert.equal(table!.hasHeader, true);
    assert.deepEqual(table!.rows.map((row) => row.map((cell) => cell.text)), [['Target', 'Ki (nM)'], ['SERT', '4.3'], ['<b>NET</b>', '35']]);
    assert.equal(table!.caption?.text, 'Binding of amitriptyline (Ki, nM)');
    assert.equal(text.slice(table!.start, table!.end), text.slice(text.indexOf('<TABLE'), text.indexOf('</table>') + 8));
    assert.doesNotMatch(document.masked, /<tr>|<td>|align=/i);
    assert.match(document.masked, /SERT/);
    assert.match(document.masked, /After\./);
  });

  it('an unclosed table runs to the end of the text without losing its cells', () => {
    const document = scan('<table><tr><td>SERT<td>4.3\n<tr><td>NET<td>35\n');
    assert.deepEqual(document.tables[0]!.rows.map((row) => row.map((cell) => cell.text)), [['SERT', '4.3'], ['NET', '35']]);
    assert.equal(document.tables[0]!.hasHeader, false);
  });
});
