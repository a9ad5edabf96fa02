// `npm test`: build what the tests read (cloud function bundles, weapp, h5, admin) if stale,
// run every jest project, and end with one line "N passed, N failed" that CI reads.
// Extra arguments go to jest (e.g. `npm test -- tests/core`).
//
// Two jest runs, one after the other: the node, ui and mini-program projects on every core (they
// share nothing and are CPU-bound), then the browser tests alone on one worker — one server and one
// Chromium at a time, on an otherwise idle machine, so their waits hold (a busy machine made them
// flaky). One run of all four projects gets one worker on a 2-core machine (jest's default is the
// cores less one) and took 21 minutes of CI's 30.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStale } from './build-stale.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

if (process.env.JINLIN_SKIP_BUILD !== '1') buildStale(['functions', 'weapp', 'h5', 'admin']);

const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-test-'));
const runs = [
  { name: 'quick', projects: ['node', 'ui', 'mp'], workers: Math.max(2, cpus().length) },
  { name: 'browser', projects: ['e2e'], workers: 1 },
];

let passed = 0;
let failed = 0;
let skipped = 0;
for (const run of runs) {
  const report = path.join(dir, `${run.name}.json`);
  const jest = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/jest/bin/jest.js'),
      '--ci',
      '--json',
      `--outputFile=${report}`,
      `--maxWorkers=${run.workers}`,
      // `npm test -- tests/core` names no browser test: that run finds none, which is no failure.
      '--passWithNoTests',
      ...args,
      '--selectProjects',
      ...run.projects,
    ],
    { cwd: root, stdio: 'inherit', env: process.env },
  );
  let counted = false;
  try {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
    skipped += r.numPendingTests + r.numTodoTests;
    counted = r.numFailedTests + r.numRuntimeErrorTestSuites > 0;
  } catch {
    failed += 1;
    counted = true;
  }
  if (jest.status !== 0 && !counted) failed += 1;
}
rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
