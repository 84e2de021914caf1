// Entry point that VS Code's extension host calls for --extensionTestsPath: runs every *.e2e.js next to it with mocha.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function suiteFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.e2e.js'))
    .sort()
    .map((name) => path.join(dir, name));
}

export async function run(): Promise<void> {
  // PHARMALENS_E2E_GREP (set by scripts/e2e/run.mjs from the caller's env): only the tests whose full title matches.
  const grep = process.env.PHARMALENS_E2E_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 120_000, ...(grep ? { grep } : {}) });
  for (const file of suiteFiles(__dirname)) mocha.addFile(file);
  const { passes, failures } = await new Promise<{ passes: number; failures: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
  });
  console.log(`e2e: ${passes} passed, ${failures} failed`);
  if (failures > 0) throw new Error(`${failures} e2e test(s) failed`);
  if (passes === 0) throw new Error('no e2e test ran');
}
