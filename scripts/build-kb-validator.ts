/**
 * Generates server/src/service/kb/validate-kb.generated.js from schema.ts with ajv's standalone code generation,
 * so the server validates the knowledge base without compiling the schema at start-up (compiling costs ~200 ms here).
 * Run after changing schema.ts: npx tsx scripts/build-kb-validator.ts (also run by build-kb.ts).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateValidatorSource } from '../server/src/service/kb/validator-source.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const VALIDATOR_PATH = 'server/src/service/kb/validate-kb.generated.js';

export function writeValidator(): void {
  writeFileSync(join(ROOT, VALIDATOR_PATH), generateValidatorSource());
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeValidator();
  console.log(`wrote ${VALIDATOR_PATH}`);
}
