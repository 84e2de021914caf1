import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createLanguageService } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';
import { readManuscript } from '../server/src/node/manuscript-files';

const folder = path.resolve(__dirname, 'fixtures/phrasing');
const service = createLanguageService(loadKnowledgeBaseFiles());
const manuscripts = readdirSync(folder).filter((name) => /\.(md|qmd|tex)$/.test(name) && name !== 'README.md').sort();

test('phrasings from real papers: every statement read as reviewed, and no affinity diagnostic on correct values', () => {
  const lines: string[] = [];
  const alarms: string[] = [];
  for (const name of manuscripts) {
    const { document } = readManuscript(path.join(folder, name));
    const analysis = service.analyze(document);
    assert.ok(analysis, name);
    for (const { statement, verdict } of analysis.checked) {
      const line = document.positionAt(statement.span.start).line + 1;
      lines.push(`${name}:${line} ${statement.text} → ${statement.compound?.id ?? 'None'} @ ${statement.target?.id ?? 'None'} ${statement.measure} ${verdict.kind}`);
    }
    for (const diagnostic of service.diagnostics(document, analysis)) {
      if (String(diagnostic.code).startsWith('affinity.')) alarms.push(`${name}:${diagnostic.range.start.line + 1} ${diagnostic.code}: ${diagnostic.message}`);
    }
  }
  // `UPDATE_SNAPSHOTS=1 node --import tsx --test test/phrasing.test.ts` rewrites the snapshot; review its diff by hand.
  if (process.env.UPDATE_SNAPSHOTS) writeFileSync(path.join(folder, 'expected.txt'), `${[...lines].sort().join('\n')}\n`);
  const expected = readFileSync(path.join(folder, 'expected.txt'), 'utf8').trimEnd().split('\n');
  assert.deepEqual(lines.sort(), expected.sort());
  assert.deepEqual(alarms, []);
});
