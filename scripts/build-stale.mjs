// Builds each named target whose output is older than its sources: `node scripts/build-stale.mjs h5 admin`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale, TARGETS } from './stale.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function buildStale(names, { quiet = false } = {}) {
  for (const name of names) {
    const t = TARGETS[name];
    if (!t) throw new Error(`unknown build target ${name}`);
    if (!isStale(root, t.output, t.sources)) {
      if (!quiet) console.log(`✓ ${name} 已是最新`);
      continue;
    }
    console.log(`… 正在构建 ${name}（npm run ${t.script}）`);
    const started = Date.now();
    const r = spawnSync('npm', ['run', '--silent', t.script], { cwd: root, stdio: 'inherit', env: process.env });
    if (r.status !== 0) {
      console.error(`✗ 构建 ${name} 失败（退出码 ${r.status}）`);
      process.exit(r.status ?? 1);
    }
    console.log(`✓ ${name} 构建完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildStale(process.argv.slice(2));
