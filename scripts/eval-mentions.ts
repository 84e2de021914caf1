/**
 * Recognition on real manuscripts with hand-made truth files (`*.truth.json` with `mentions`: line, col, as_written, kind).
 * Usage: npx tsx scripts/eval-mentions.ts DIR   (e.g. ../shared/corpus-dev; a development check, not a test)
 * A truth mention counts as found when a recognized mention on its line overlaps its columns; every recognized
 * mention that overlaps no truth mention is listed for review (it may be a real name the truth file left out).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';

interface TruthMention {
  line: number;
  col: number;
  as_written: string;
  kind: string;
}

const directory = process.argv[2];
if (!directory) {
  console.error('usage: tsx scripts/eval-mentions.ts DIR');
  process.exit(2);
}
const service = createLanguageService(loadKnowledgeBaseFiles());
let truthTotal = 0;
let truthFound = 0;
let foundTotal = 0;
let foundMatching = 0;

for (const truthFile of readdirSync(directory).filter((name) => name.endsWith('.truth.json')).sort()) {
  const truth = JSON.parse(readFileSync(path.join(directory, truthFile), 'utf8')) as { file: string; mentions: TruthMention[] };
  const file = path.join(directory, truth.file ?? truthFile.replace('.truth.json', ''));
  const languageId = file.endsWith('.tex') ? 'latex' : 'markdown';
  const document = TextDocument.create(`file://${path.resolve(file)}`, languageId, 1, readFileSync(file, 'utf8'));
  const found = (service.analyze(document)?.mentions ?? []).map((mention) => {
    const start = document.positionAt(mention.start);
    return { line: start.line + 1, col: start.character + 1, endCol: start.character + 1 + (mention.end - mention.start), mention };
  });
  const overlaps = (t: TruthMention, f: (typeof found)[number]): boolean => f.line === t.line && f.col < t.col + t.as_written.length && t.col < f.endCol;
  const missed = truth.mentions.filter((t) => !found.some((f) => overlaps(t, f)));
  const extra = found.filter((f) => !truth.mentions.some((t) => overlaps(t, f)));
  truthTotal += truth.mentions.length;
  truthFound += truth.mentions.length - missed.length;
  foundTotal += found.length;
  foundMatching += found.length - extra.length;
  console.log(`\n${truthFile}: truth ${truth.mentions.length}, found ${found.length}, missed ${missed.length}, not in truth ${extra.length}`);
  for (const t of missed) console.log(`  missed   ${t.line}:${t.col} ${t.kind} ${JSON.stringify(t.as_written)}`);
  for (const f of extra) console.log(`  extra    ${f.line}:${f.col} ${f.mention.kind} ${f.mention.id} ${JSON.stringify(f.mention.text)}`);
}
const percent = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
console.log(`\nrecall ${truthFound}/${truthTotal} = ${percent(truthFound, truthTotal)}; precision ${foundMatching}/${foundTotal} = ${percent(foundMatching, foundTotal)}`);
