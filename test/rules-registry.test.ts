import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AFFINITY_RULES, RULES, defaultSeverity, isDiagnosticCode } from '../server/src/service/rules';
import { bibliographyDiagnostics } from '../server/src/service/present/bibtex-diagnostics';

const root = path.resolve(__dirname, '..');

test('every code has one rule in the registry, and each affinity rule is an object with its check', () => {
  assert.equal(new Set(RULES.map((rule) => rule.code)).size, RULES.length);
  for (const rule of AFFINITY_RULES) {
    assert.equal(typeof rule.run, 'function', rule.code);
    assert.match(rule.code, /^affinity\./);
  }
  assert.ok(isDiagnosticCode('bibtex.syntax') && isDiagnosticCode('citation.missing') && !isDiagnosticCode('affinity.nothing'));
  assert.equal(defaultSeverity('bibtex.duplicate-key'), 'warning');
});

test('the pharmalens.severity setting in package.json is the registry: every code, its default and its title', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const setting = manifest.contributes.configuration.properties['pharmalens.severity'];
  assert.equal(setting.additionalProperties, false);
  assert.deepEqual(
    Object.entries(setting.properties as Record<string, { default: string; description: string; enum: string[] }>).map(([code, property]) => [code, property.default, property.description, property.enum.join(' ')]),
    RULES.map((rule) => [rule.code, rule.defaultSeverity, rule.title, 'error warning information hint off']),
    'run: npx tsx scripts/sync-manifest.ts',
  );
});

test("the README's rule tables list every code with its default severity", () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  for (const rule of RULES) assert.match(readme, new RegExp(`^\\| \`${rule.code.replace(/[.-]/g, '\\$&')}\` \\| ${rule.defaultSeverity} \\|`, 'm'), rule.code);
});

test('BibTeX diagnostics take their severity from the settings like every other code', () => {
  const document = TextDocument.create('file:///refs.bib', 'bibtex', 1, '@article{a, title = {A}}\n@article{a, title = {B}}\n@article{broken, title = {Unclosed\n');
  assert.deepEqual(bibliographyDiagnostics(document).map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['bibtex.syntax', 1], ['bibtex.duplicate-key', 2]]);
  assert.deepEqual(bibliographyDiagnostics(document, { severity: { 'bibtex.syntax': 'off', 'bibtex.duplicate-key': 'hint' } }).map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['bibtex.duplicate-key', 4]]);
});
