/** Every message shows values as a reader sees them, never the source's markup (issue 15, point 5). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { renderedText } from '../server/src/service/extract/rendered';
import { bundledService } from './helpers/fixture';
import { projectRoot } from './helpers/server';

test('values written with siunitx, math mode, ties, Pandoc subscripts or a leading = are rendered as text', () => {
  const cases: [string, string][] = [
    ['\\SI{0.345}{\\nano\\molar}', '0.345 nM'],
    ['80~nM', '80 nM'],
    ['4.4$~nM', '4.4 nM'],
    ['= 3 nM', '3 nM'],
    ['IC50 \\SI{4.78}{\\micro\\molar}', 'IC50 4.78 µM'],
    ['3.45~\\textmu M', '3.45 µM'],
    ['$K_\\mathrm{i}$ of 3 nM', 'Ki of 3 nM'],
    ['K~i~ = 3 nM', 'Ki = 3 nM'],
    ['1.2 \\times 10^{-9} M', '1.2 × 10⁻⁹ M'],
    ['5.2 \\pm 0.3 nM', '5.2 ± 0.3 nM'],
  ];
  for (const [written, shown] of cases) assert.equal(renderedText(written), shown, written);
});

test('no finding on the LaTeX and Markdown fixtures shows \\, $, ~ or { in its message or fix titles', () => {
  const service = bundledService();
  const folders = ['test/fixtures/affinity/planted', 'test/fixtures/affinity', 'test/fixtures/real'];
  let checked = 0;
  for (const folder of folders) {
    for (const name of readdirSync(path.join(projectRoot, folder)).filter((file) => /\.(tex|md|qmd)$/.test(file))) {
      const text = readFileSync(path.join(projectRoot, folder, name), 'utf8');
      const document = TextDocument.create(`file:///fixtures/${name}`, name.endsWith('.tex') ? 'latex' : name.endsWith('.qmd') ? 'quarto' : 'markdown', 1, text);
      for (const finding of service.findings(service.analyze(document)!)) {
        checked++;
        for (const shown of [finding.message, ...finding.fixes.map((fix) => fix.title)]) assert.doesNotMatch(shown, /[\\$~{]/, `${name}: ${shown}`);
      }
    }
  }
  assert.ok(checked > 50, `${checked} findings looked at`);
});
