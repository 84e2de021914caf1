/**
 * Generates server/src/service/kb/validate-kb.generated.js from schema.ts with ajv's standalone code generation,
 * so the server validates the knowledge base without compiling the schema at start-up (compiling costs ~200 ms here).
 * Run after changing schema.ts: npx tsx scripts/kb-build/validator.ts (also run by build-kb.ts).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateValidatorSource } from './validator-source.js';
import { knowledgeBaseExtensionSchema } from './schema.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const VALIDATOR_PATH = 'server/src/service/kb/validate-kb.generated.js';
/** The published JSON Schema of a knowledge-base file: VS Code validates and completes `*.pharmalens-kb.json` with it. */
export const PUBLISHED_SCHEMA_PATH = 'schemas/pharmalens-kb.schema.json';

export function publishedSchemaText(): string {
  return `${JSON.stringify(knowledgeBaseExtensionSchema, null, 2)}\n`;
}

export function writeValidator(): void {
  writeFileSync(join(ROOT, VALIDATOR_PATH), generateValidatorSource());
  writeFileSync(join(ROOT, PUBLISHED_SCHEMA_PATH), publishedSchemaText());
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeValidator();
  console.log(`wrote ${VALIDATOR_PATH}`);
}
