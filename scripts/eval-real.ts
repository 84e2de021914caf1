/**
 * The reader on real published texts: recall, precision, compound / target / measure right, read right (value +
 * compound + target) and the diagnostics, per file and overall.
 * Usage: npm run eval:real -- [--details] [DIR…]
 * Default folders: test/fixtures/real (in the repository), then ../shared/corpus-dev and ../shared/corpus-dev2 when present.
 * A measurement, not a test; test/real-corpus.test.ts keeps floors on the in-repository folder.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createLanguageService } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';
import { Scorer, scoreLine, sumScores } from './lib/real-corpus';

const { values: options, positionals } = parseArgs({ options: { details: { type: 'boolean', default: false } }, allowPositionals: true });
const root = path.resolve(__dirname, '..');
const defaults = [path.join(root, 'test/fixtures/real'), path.resolve(root, '../shared/corpus-dev'), path.resolve(root, '../shared/corpus-dev2')];
const folders = (positionals.length > 0 ? positionals.map((folder) => path.resolve(folder)) : defaults).filter((folder) => existsSync(folder));

const scorer = new Scorer(createLanguageService(loadKnowledgeBaseFiles()));
const perFolder = folders.map((folder) => ({ folder, score: scorer.scoreFolders([folder]) }));

for (const { folder, score } of perFolder) {
  console.log(`\n${path.relative(process.cwd(), folder) || folder}`);
  for (const file of score.files) console.log(`  ${path.basename(file.file).padEnd(56)} ${scoreLine(file)}`);
  console.log(`  ${'TOTAL'.padEnd(56)} ${scoreLine(score.total)}`);
  if (options.details) {
    const { total } = score;
    for (const [title, lines] of [['missed', total.missed], ['read wrong', total.wrong], ['read, not in the truth', total.spurious], ['alarms', total.alarms], ['truth problems', total.truthProblems]] as const) {
      if (lines.length > 0) console.log(`\n  ${title}:\n${lines.map((line) => `    ${line}`).join('\n')}`);
    }
  }
}
const overall = sumScores('all', perFolder.flatMap(({ score }) => score.files));
console.log(`\nALL ${folders.length} folders, ${overall.truth} values in ${perFolder.reduce((sum, { score }) => sum + score.files.length, 0)} files: ${scoreLine(overall)}`);
if (overall.outOfScope > 0) console.log(`(${overall.outOfScope} truth values of measures not read, e.g. free energies, left out)`);
if (overall.truthProblems.length > 0) console.log(`${overall.truthProblems.length} truth problems (values not on their line): run with --details`);
