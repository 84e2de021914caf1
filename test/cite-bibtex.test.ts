import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBibtex } from '../server/src/service/cite/bibtex';

function keysOf(text: string): string[] {
  return parseBibtex(text).entries.map((entry) => entry.key);
}

function slice(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

/** A `.bib` file of `count` complete article entries. */
export function generatedBibliography(count: number): string {
  let text = '@string{jpet = "J Pharmacol Exp Ther"}\n\n';
  for (let i = 0; i < count; i++) {
    text += `@article{author${i}_${2000 + (i % 25)},\n  author = {Smith, John and M{\\"u}ller, Jane},\n`
      + `  title = {The {K}$_i$ of compound ${i} at the {$\\alpha_1$}-adrenoceptor},\n  journal = jpet,\n`
      + `  year = ${2000 + (i % 25)},\n  volume = {${i % 300}},\n  pages = {1--10},\n  doi = {10.1000/x${i}},\n  pmid = {${10000000 + i}}\n}\n\n`;
  }
  return text;
}

describe('cite bibtex: entries', () => {
  it('reads type, key, fields in lower case, values for comparison and as written, and spans', () => {
    const text = '% a comment line\n@Article{jo2000,\n  Title = {The {Ki} of {Amitriptyline}},\n  YEAR = 2000,\n  doi = "10.1016/{S0014}-2999"\n}\n';
    const [entry, ...rest] = parseBibtex(text).entries;
    assert.equal(rest.length, 0);
    assert.equal(entry!.type, 'article');
    assert.equal(entry!.key, 'jo2000');
    assert.deepEqual(entry!.fields, { title: 'The Ki of Amitriptyline', year: '2000', doi: '10.1016/S0014-2999' });
    assert.deepEqual(entry!.rawFields, { title: '{The {Ki} of {Amitriptyline}}', year: '2000', doi: '"10.1016/{S0014}-2999"' });
    assert.equal(slice(text, entry!.keySpan), 'jo2000');
    assert.ok(slice(text, entry!.span).startsWith('@Article{jo2000,') && slice(text, entry!.span).endsWith('"\n}'));
    assert.equal(entry!.complete, true);
  });

  it('accepts parentheses, a trailing comma, nested braces, escaped quotes inside braces and multi-line values', () => {
    const text = '@book(b1, title = "A {"}quoted{"} title", note = {line one\n   line two {with {deep} braces}},)\n';
    const [entry] = parseBibtex(text).entries;
    assert.deepEqual(entry!.fields, { title: 'A "quoted" title', note: 'line one line two with deep braces' });
    assert.deepEqual(parseBibtex(text).errors, []);
  });

  it('expands @string macros, # concatenation and month names; reports an undefined macro', () => {
    const text = '@STRING{jpet = "J Pharmacol"}\n@string(ext = { Exp Ther})\n@article{a, journal = jpet # ext, month = aug, note = nomacro # " x"}\n';
    const parsed = parseBibtex(text);
    assert.deepEqual(parsed.entries[0]!.fields, { journal: 'J Pharmacol Exp Ther', month: 'August', note: 'nomacro x' });
    assert.equal(parsed.entries[0]!.rawFields['journal'], 'jpet # ext');
    assert.deepEqual([...parsed.strings], [['jpet', 'J Pharmacol'], ['ext', ' Exp Ther']]);
    assert.deepEqual(parsed.errors.map((error) => [error.line, error.message]), [[3, 'undefined string macro "nomacro"']]);
  });

  it('macros defined as a long macro twice over, thousands of times, share one expansion budget per file', () => {
    const doublings = Array.from({ length: 17 }, () => '@string{a = a # a}');
    const copies = Array.from({ length: 5000 }, (_, index) => `@string{b${index} = a # a}`);
    const parsed = parseBibtex([`@string{a = "xy"}`, ...doublings, ...copies, '@misc{m, title = b4999 # {end}}'].join('\n'));
    const expanded = [...parsed.strings.values()].reduce((sum, value) => sum + value.length, 0);
    assert.ok(expanded <= 1_100_000, `${expanded} characters held by macros`);
    assert.equal(parsed.errors.filter((error) => /expand to more than 1000000 characters in this file/.test(error.message)).length, 1);
    assert.equal(parsed.byKey.get('m')?.fields['title'], 'end');
  });

  it('skips @comment (with braces inside) and keeps @preamble as written', () => {
    const text = '@comment{jabref-meta: {groups}; @article{not, title={x}}}\n@preamble{"\\newcommand{\\noop}[1]{}"}\n@misc{real, title = {R}}\n';
    const parsed = parseBibtex(text);
    assert.deepEqual(parsed.entries.map((entry) => entry.key), ['real']);
    assert.deepEqual(parsed.preambles, ['"\\newcommand{\\noop}[1]{}"']);
    assert.deepEqual(parsed.errors, []);
  });

  it('ignores free text and % lines between entries, reporting text that is not a comment', () => {
    const text = 'Exported by a reference manager.\n\n@article{a, title={A}}\n% note\n@article{b, title={B}}\n';
    const parsed = parseBibtex(text);
    assert.deepEqual(parsed.entries.map((entry) => entry.key), ['a', 'b']);
    assert.deepEqual(parsed.errors.map((error) => [error.line, error.column]), [[1, 1]]);
  });

  it('reports repeated keys, keeping the first entry for the key and every entry in the list', () => {
    const text = '@article{dup, title={First}}\n@article{other, title={O}}\n@book{dup, title={Second}}\n';
    const parsed = parseBibtex(text);
    assert.deepEqual(keysOf(text), ['dup', 'other', 'dup']);
    assert.equal(parsed.byKey.get('dup')!.fields['title'], 'First');
    assert.equal(parsed.duplicates.length, 1);
    const [duplicate] = parsed.duplicates;
    assert.equal(duplicate!.key, 'dup');
    assert.equal(duplicate!.keySpan.start, text.lastIndexOf('dup'));
    assert.equal(duplicate!.firstKeySpan.start, text.indexOf('dup'));
  });

  it('reports a repeated field and keeps its first value', () => {
    const parsed = parseBibtex('@article{a,\n title={One},\n title={Two}}');
    assert.equal(parsed.entries[0]!.fields['title'], 'One');
    assert.deepEqual(parsed.errors.map((error) => [error.line, error.message]), [[3, 'field "title" repeated in entry "a"']]);
  });
});

describe('cite bibtex: a malformed file', () => {
  const text = [
    '@article{good1,', '  title = {First good},', '  year = 2001', '}', '',
    '@article{unclosed,', '  title = {Never closed,', '  year = 2002', '', // 6–9
    '@article{nocomma', '  title = {Missing comma after the key},', '  year = 2003', '}', '', // 10–14
    '@article{between, title = {A} year = 2004}', '', // 15
    'garbage between entries', '', // 17
    '@article{noequals, title {x}}', '', // 19
    '@article{good2, title = {Second good}, year = 2005}', // 21
    '@article{unclosedEntry, title = {x}', // 22
    '@article{good3, title = "Third good"}', // 23
    '@ {stray}', '@article{', // 24–25
  ].join('\n');

  const parsed = parseBibtex(text);

  it('still yields every good entry', () => {
    const complete = parsed.entries.filter((entry) => entry.complete).map((entry) => entry.key);
    assert.deepEqual(complete, ['good1', 'nocomma', 'between', 'good2', 'good3']);
    assert.deepEqual(parsed.entries.find((entry) => entry.key === 'nocomma')!.fields, { title: 'Missing comma after the key', year: '2003' });
    assert.deepEqual(parsed.entries.find((entry) => entry.key === 'between')!.fields, { title: 'A', year: '2004' });
  });

  it('keeps the keys of broken entries, marked incomplete', () => {
    const broken = parsed.entries.filter((entry) => !entry.complete).map((entry) => entry.key);
    assert.deepEqual(broken, ['unclosed', 'noequals', 'unclosedEntry']);
  });

  it('names the line and column of each error', () => {
    assert.deepEqual(parsed.errors.map((error) => [error.line, error.column]), [
      [7, 11], // the `{` that is never closed
      [11, 3], // `title` after the key without a comma
      [15, 31], // `year` after a value without a comma
      [17, 1], // garbage
      [19, 20], // `title {x}` without `=`
      [22, 1], // the entry that is not closed
      [24, 1], // `@` without a type
      [25, 10], // `@article{` without a key
    ]);
    for (const error of parsed.errors) {
      const lineStart = text.split('\n').slice(0, error.line - 1).join('\n').length + (error.line > 1 ? 1 : 0);
      assert.equal(lineStart + error.column - 1, error.offset);
      assert.ok(error.message.length > 0);
    }
  });

  it('never throws, whatever the input', () => {
    const pieces = ['@', 'article', '{', '}', '(', ')', ',', '=', '"', '#', 'key', ' ', '\n', '%', '\\', 'string', 'comment'];
    let seed = 7;
    for (let round = 0; round < 500; round++) {
      let junk = '';
      for (let i = 0; i < 40; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        junk += pieces[seed % pieces.length];
      }
      const result = parseBibtex(junk);
      for (const entry of result.entries) assert.ok(entry.span.start <= entry.span.end && entry.span.end <= junk.length, junk);
      for (const error of result.errors) assert.ok(error.line >= 1 && error.column >= 1, junk);
    }
  });
});

describe('cite bibtex: a 2,000-entry file', () => {
  it('reads every entry (time printed, not asserted)', () => {
    const text = generatedBibliography(2000);
    parseBibtex(text);
    const runs: number[] = [];
    let parsed = parseBibtex(text);
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      parsed = parseBibtex(text);
      runs.push(performance.now() - start);
    }
    runs.sort((a, b) => a - b);
    console.log(`parseBibtex: 2,000 entries, ${(text.length / 1024).toFixed(0)} KiB, median ${runs[2]!.toFixed(1)} ms`);
    assert.equal(parsed.entries.length, 2000);
    assert.equal(parsed.byKey.size, 2000);
    assert.deepEqual(parsed.errors, []);
    const last = parsed.byKey.get('author1999_2024')!;
    assert.equal(last.fields['journal'], 'J Pharmacol Exp Ther');
    assert.equal(last.fields['pmid'], '10001999');
    assert.equal(slice(text, last.span).endsWith('}'), true);
  });
});
