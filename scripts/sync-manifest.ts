/**
 * Writes the `pharmalens.severity` setting of package.json from the rule registry (every code, its default and title).
 * Run after adding or changing a rule: npx tsx scripts/sync-manifest.ts (test/rules-registry.test.ts checks it).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../server/src/service/rules';
const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'package.json');
const manifest = JSON.parse(readFileSync(path, 'utf8'));
const severity = manifest.contributes.configuration.properties['pharmalens.severity'];
delete severity.description;
severity.markdownDescription = `Severity per diagnostic code, or \`off\`. Codes: ${RULES.map((rule) => `\`${rule.code}\``).join(', ')}.`;
// The default stays {}: a full map would override every severity of the project's .pharmalens.json.
severity.default = {};
severity.additionalProperties = false;
severity.properties = Object.fromEntries(RULES.map((rule) => [rule.code, { type: 'string', enum: ['error', 'warning', 'information', 'hint', 'off'], default: rule.defaultSeverity, description: rule.title }]));
writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
