// `npm run bench`: figures, not pass/fail tests. Each part runs alone with `npm run bench -- <part>`
// (several: `-- bundles desk`); no part named runs them all, in this order:
//   bundles  each cloud function's bundle size and its require plus first call (scripts/bench-bundles.mjs)
//   admin    the management page's first-load JavaScript (scripts/size-admin.mjs)
//   reports  create over HTTP, the sweep over a million reports (scripts/bench-reports.mjs: bench-create.mjs and bench-sweep.mjs)
//   desk     the management page's dashboard over 200,000 reports (scripts/bench-desk.mjs)
//   lectures 2,000 residents signing up for 100 seats at 64 clients, over HTTP and on the CloudBase adapter (scripts/bench-lectures.mjs)
//   cloudbase the CloudBase store with a fixed delay per request (20 ms; `-- cloudbase 35` for another):
//            the timer's sweep of 5,000 due reports, an import of 20,000 residents through the job, the
//            dashboard of 20,000 (scripts/bench-cloudbase.mjs); one of them alone: `-- cloudbase imports`
//            (sweep, imports, dashboard; several may be named)
// A part builds what it measures first if that is stale.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStale } from './build-stale.mjs';
import { printAdminSize } from './size-admin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A script of its own, run with TypeScript imports. */
const script = (file, args = []) => () => spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', file), ...args], { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;

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
  lectures: { builds: [], run: script('bench-lectures.mjs') },
  // A number after it is its delay per request in ms (`npm run bench -- cloudbase 35`); its own parts by name.
  cloudbase: { builds: [], run: () => script('bench-cloudbase.mjs', [...(delayArg ? [delayArg] : []), ...cloudbaseParts])() },
};
/** The cloudbase part's own parts (scripts/bench-cloudbase.mjs): named alone, they run there. */
const CLOUDBASE_PARTS = ['sweep', 'imports', 'dashboard'];

const args = process.argv.slice(2);
// The cloudbase part's delay per request: a number given with it (or with its parts).
const delayArg = args.find((a) => /^\d+(\.\d+)?$/.test(a) && args.some((x) => x === 'cloudbase' || CLOUDBASE_PARTS.includes(x)));
const cloudbaseParts = args.filter((a) => CLOUDBASE_PARTS.includes(a));
const asked = args.filter((a) => a !== delayArg && !CLOUDBASE_PARTS.includes(a));
if (cloudbaseParts.length && !asked.includes('cloudbase')) asked.push('cloudbase');
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
