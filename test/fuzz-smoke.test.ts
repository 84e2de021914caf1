/**
 * A 500-case smoke run of the fuzzer (`npm run fuzz` runs as many as asked) against the built server: no crash, no
 * hang, no invalid answer, no bad edit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFuzz } from '../scripts/fuzz/fuzz';
import { projectRoot } from './helpers/server';

test('500 fuzz cases: 0 crashes, 0 hangs, 0 invalid answers, 0 bad edits', async () => {
  // The test suite may share the machine with other test files: 15 s here is a hang guard; `npm run fuzz` judges 5 s.
  const report = await runFuzz({ cases: 500, seed: 20261206, projectRoot, timeoutMs: 15_000, concurrency: 2 });
  assert.equal(report.cases, 500);
  assert.ok(report.requests > 1000 && report.edits > 50, `the run exercised the server: ${report.requests} requests, ${report.edits} edits`);
  assert.deepEqual(report.distinct, []);
  assert.deepEqual(report.counts, { exception: 0, hang: 0, invalid: 0, 'bad-edit': 0 });
});
