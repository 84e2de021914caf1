import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEditorSettings } from '../server/src/lsp/settings';

test('editor settings are parsed once into a typed object; wrong types are left out and named', () => {
  const { settings, problems } = parseEditorSettings({
    severity: { 'affinity.mismatch': 'hint', 'bibtex.syntax': 'off', 'affinity.nothing': 'error', 'citation.missing': 7 },
    bibliography: 'refs.bib',
    inlayHints: { enabled: 'yes' },
    hover: { maxAffinityRows: 5 },
    knowledgeBaseFiles: [null],
  });
  assert.deepEqual(settings.severity, { 'affinity.mismatch': 'hint', 'bibtex.syntax': 'off' });
  assert.deepEqual(settings.bibliography, ['refs.bib']);
  assert.equal(settings.inlayHints, false);
  assert.equal(settings.hover.maxAffinityRows, 5);
  assert.deepEqual(settings.knowledgeBaseFiles, []);
  assert.deepEqual(problems, [
    'pharmalens.inlayHints.enabled should be true or false; ignored',
    'pharmalens.knowledgeBase.extraFiles should be a list of paths; ignored',
    'pharmalens.severity: unknown diagnostic code "affinity.nothing"; ignored',
    'pharmalens.severity: "citation.missing" takes error, warning, information, hint or off; ignored',
  ]);
  assert.deepEqual(parseEditorSettings(null).problems, []);
  assert.deepEqual(parseEditorSettings([1]).problems, ['the pharmalens settings should be an object; ignored']);
});
