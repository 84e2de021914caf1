/**
 * The knowledge base's TypeScript types and its JSON Schema say the same: every field of each type is a property of
 * its schema definition and the reverse, and a field is required in one exactly where it is required in the other.
 * A mismatch fails the type check of `npm run test:unit` (this file's `agree` object would not compile).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AffinityRecord, Compound, Pathway, PathwayRole, Reference, Target } from '../server/src/service/kb/types';
import { knowledgeBaseDefinitions } from '../scripts/kb-build/schema';

type Definitions = typeof knowledgeBaseDefinitions;
type PropertiesOf<Name extends keyof Definitions> = keyof Definitions[Name]['properties'];
type RequiredOf<Name extends keyof Definitions> = Definitions[Name]['required'][number];
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Agrees<T, Name extends keyof Definitions> = Same<keyof T, PropertiesOf<Name>> extends true ? Same<RequiredKeys<T>, RequiredOf<Name>> : false;

const agree: {
  reference: Agrees<Reference, 'reference'>;
  compound: Agrees<Compound, 'compound'>;
  pathwayRole: Agrees<PathwayRole, 'pathwayRole'>;
  target: Agrees<Target, 'target'>;
  affinity: Agrees<AffinityRecord, 'affinity'>;
  pathway: Agrees<Pathway, 'pathway'>;
} = { reference: true, compound: true, pathwayRole: true, target: true, affinity: true, pathway: true };

test('the knowledge-base types and the JSON Schema agree field by field (checked by the compiler)', () => {
  assert.ok(Object.values(agree).every(Boolean));
  assert.deepEqual(Object.keys(agree).sort(), Object.keys(knowledgeBaseDefinitions).sort());
});
