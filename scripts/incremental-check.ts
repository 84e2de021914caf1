/**
 * Random edits to real text: the analysis read in part must equal the whole read. Prints how many edits were read in
 * part, why the others were read whole, and every difference.
 * `npx tsx scripts/incremental-check.ts [--edits N] [--seed S] [--folder DIR …] [--independent]` (the in-repository real
 * texts always; `--independent`: each edit on the original text, not on the last edit's result).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createLanguageService, memoryWorkspace } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';
import { realManuscripts, runRandomEdits, seededRandom } from '../test/helpers/random-edits';

const root = path.resolve(__dirname, '..');
const { values } = parseArgs({ options: { edits: { type: 'string', default: '300' }, seed: { type: 'string', default: '1' }, folder: { type: 'string', multiple: true, default: [] }, independent: { type: 'boolean', default: false } } });
const random = seededRandom(Number(values.seed));
const service = createLanguageService({ ...loadKnowledgeBaseFiles(), workspace: memoryWorkspace({ 'file:///w/references.bib': readFileSync(path.join(root, 'examples/references.bib'), 'utf8') }) });

let failed = false;
for (const manuscript of realManuscripts([path.join(root, 'test/fixtures/real'), ...(values.folder ?? [])])) {
  const run = runRandomEdits(service, manuscript, Number(values.edits), random, !values.independent);
  console.log(`${manuscript.languageId}, ${(manuscript.text.length / 1000).toFixed(0)} kB: ${run.readInPart} of ${run.edits} edits read in part; ${run.differences.length} differ from the whole read`);
  for (const [reason, count] of [...run.reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(4)}  ${reason}`);
  for (const difference of run.differences) console.log(difference);
  failed ||= run.differences.length > 0;
}
process.exitCode = failed ? 1 : 0;
