// `npm run bench`: figures, not pass/fail tests. Prints each cloud function's bundle size and its
// cold `require` time (a fresh node process per sample, median of 5), against the targets; then the
// reports figures of scripts/bench-reports.mjs (create over HTTP, the sweep over a million reports), and the
// management page's dashboard of scripts/bench-desk.mjs.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStale } from './build-stale.mjs';
import { printAdminSize } from './size-admin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
buildStale(['functions', 'admin'], { quiet: true });

const dist = path.join(root, 'dist/cloudfunctions');
const SIZE_TARGET = 2.5 * 1024 * 1024;
const REQUIRE_TARGET_MS = 150;

function coldRequireMs(file) {
  const code = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  return Number(execFileSync(process.execPath, ['-e', code], { env: { ...process.env, JINLIN_STORE: 'cloudbase' } }).toString());
}

console.log('cloud function bundles (dist/cloudfunctions/<name>/index.js)');
console.log(`  ${'function'.padEnd(12)} ${'size'.padStart(10)} ${'cold require (median of 5)'.padStart(28)}`);
for (const name of readdirSync(dist).filter((d) => existsSync(path.join(dist, d, 'index.js')))) {
  const file = path.join(dist, name, 'index.js');
  const size = statSync(file).size;
  const samples = Array.from({ length: 5 }, () => coldRequireMs(file)).sort((a, b) => a - b);
  const ms = samples[2];
  const sizeOk = size <= SIZE_TARGET ? 'ok' : 'OVER';
  const msOk = ms <= REQUIRE_TARGET_MS ? 'ok' : 'OVER';
  console.log(
    `  ${name.padEnd(12)} ${(size / 1024 / 1024).toFixed(2).padStart(7)} MB ${sizeOk.padEnd(4)} ${ms.toFixed(1).padStart(10)} ms ${msOk}`,
  );
}
// Bundled beside a function and required on first use only (desk: exceljs for the ledger and imports).
for (const name of readdirSync(dist)) {
  const lazy = path.join(dist, name, 'node_modules');
  if (!existsSync(lazy)) continue;
  for (const pkg of readdirSync(lazy)) {
    const file = path.join(lazy, pkg, 'index.js');
    if (existsSync(file)) console.log(`  ${name}: + ${(statSync(file).size / 1024 / 1024).toFixed(2)} MB ${pkg}, required on first use only`);
  }
}
console.log(`targets: at most ${(SIZE_TARGET / 1024 / 1024).toFixed(1)} MB and ${REQUIRE_TARGET_MS} ms per function`);

console.log('');
printAdminSize();

console.log('');
const reports = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/bench-reports.mjs')], { cwd: root, stdio: 'inherit', env: process.env });
console.log('');
// The management page's dashboard over 200,000 reports (scripts/bench-desk.mjs).
const desk = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/bench-desk.mjs')], { cwd: root, stdio: 'inherit', env: process.env });
process.exitCode = (reports.status ?? 1) || (desk.status ?? 1);
