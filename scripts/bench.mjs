// `npm run bench`: figures, not pass/fail tests. Each part runs alone with `npm run bench -- <part>`
// (several: `-- bundles desk`); no part named runs them all, in this order:
//   bundles  each cloud function's bundle size and its require plus first call (scripts/bench-bundles.mjs)
//   admin    the management page's first-load JavaScript (scripts/size-admin.mjs)
//   reports  create over HTTP, the sweep over a million reports (scripts/bench-reports.mjs: bench-create.mjs and bench-sweep.mjs)
//   desk     the management page's dashboard over 200,000 reports (scripts/bench-desk.mjs)
// A part builds what it measures first if that is stale.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStale } from './build-stale.mjs';
import { printAdminSize } from './size-admin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A script of its own, run with TypeScript imports. */
const script = (file) => () => spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', file)], { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;

const PARTS = {
  bundles: { builds: ['functions'], run: script('bench-bundles.mjs') },
  admin: {
    builds: ['admin'],
    run: () => {
      printAdminSize();
      return 0;
    },
  },
  reports: { builds: [], run: script('bench-reports.mjs') },
  desk: { builds: [], run: script('bench-desk.mjs') },
};

const asked = process.argv.slice(2);
const unknown = asked.filter((p) => !Object.prototype.hasOwnProperty.call(PARTS, p));
if (unknown.length) {
  console.error(`unknown bench part ${unknown.join(', ')}: use ${Object.keys(PARTS).join(', ')}, or none for all`);
  process.exit(2);
}
const parts = asked.length ? asked : Object.keys(PARTS);

let status = 0;
for (const [i, name] of parts.entries()) {
  if (i > 0) console.log('');
  const part = PARTS[name];
  if (part.builds.length) buildStale(part.builds, { quiet: true });
  status ||= part.run();
}
process.exitCode = status;
