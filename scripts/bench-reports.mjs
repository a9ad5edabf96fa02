// `npm run bench`, part 2 (run as `node --import tsx scripts/bench-reports.mjs`): figures for reports,
// not pass/fail tests.
//  1. reports.create through the real local host (its own process) at 64 concurrent keep-alive
//     clients, beside the same rows inserted straight into SQLite through the store.
//  2. The timer's sweep over a big table: its work must follow the overdue count, not the total.
// Temp files and the server process are removed on exit; the sweep's source databases are kept
// under <tmp>/jinlin-bench-cache (keyed by schema version) so reruns skip the build.
// JINLIN_BENCH_PROFILE=1 runs the server with --cpu-prof and prints its top self-time functions.
import { cleanup } from './bench-kit.mjs';
import { benchCreate, benchDirect } from './bench-create.mjs';
import { benchSweep } from './bench-sweep.mjs';

const ONLY = process.env.JINLIN_BENCH_ONLY; // 'create' or 'sweep' to run one part
try {
  if (ONLY !== 'sweep') {
    const { count, rps } = await benchCreate();
    await benchDirect(count, rps);
  }
  if (!ONLY) console.log('');
  if (ONLY !== 'create') await benchSweep();
} catch (e) {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
} finally {
  cleanup();
}
