// `npm start`: build what is stale (h5 and admin pages), then run the local host on SQLite.
// JINLIN_SKIP_BUILD=1 serves whatever is already built (the tests use it).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStale } from './build-stale.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (process.env.JINLIN_SKIP_BUILD !== '1') buildStale(['h5', 'admin']);

// A fresh demo database gets a year of reports, so the management page's dashboard is not empty.
const env = { JINLIN_DEMO_REPORTS: '400', ...process.env };
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], { cwd: root, stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
