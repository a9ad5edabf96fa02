/**
 * `npm start` ends here: open the SQLite database, fill it with demo data if it is empty, serve
 * every function at /api/<name>, the h5 build at / and the admin build at /admin/, and run the
 * timer jobs. Ctrl-C shuts down cleanly.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS, makeDeps, type Deps } from '../cloudfunctions/lib/deps';
import { openSqliteStore } from '../cloudfunctions/lib/store/sqlite';
import { seedDemo, DEMO_GRID_PEOPLE, DEMO_PEOPLE } from '../cloudfunctions/lib/seed/demo';
import { DEMO_PASSWORD } from '../cloudfunctions/lib/actions/auth';
import { ROLE_LABEL } from '../src/core';
import { buildServer } from './app';
import { localPhotos } from '../cloudfunctions/lib/ports/photos';
import { localCodeFiles } from '../cloudfunctions/lib/ports/code-files';
import { localCopyFiles } from '../cloudfunctions/lib/ports/copy-files';
import { localImportFiles } from '../cloudfunctions/lib/ports/import-files';
import { randomIds } from '../cloudfunctions/lib/deps';
import { TIMER_JOBS } from '../cloudfunctions/lib/timer/registry';
import { runJobs, changedSomething } from '../cloudfunctions/lib/timer/runner';
import { readSettings } from './settings';

async function main() {
  const root = path.resolve(__dirname, '..');
  const settings = readSettings(root);
  mkdirSync(path.dirname(settings.dbFile), { recursive: true });
  const store = openSqliteStore(settings.dbFile, { backgroundCheckpoints: true });
  const filesDir = path.join(path.dirname(settings.dbFile), 'files');
  // Test-only: a clock the end-to-end tests can move forward (JINLIN_TEST_CLOCK=1).
  let offset = 0;
  const testClock = process.env.JINLIN_TEST_CLOCK === '1' ? { advance: (ms: number) => void (offset += ms) } : null;
  // QR codes (and links sent in messages) must open on the phones that scan them: set JINLIN_PUBLIC_URL to an address they reach.
  const publicUrl = process.env.JINLIN_PUBLIC_URL || `http://${settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host}:${settings.port}`;
  const deps: Deps = makeDeps(store, {
    clock: { now: () => Date.now() + offset },
    photos: localPhotos(filesDir, randomIds),
    // Drawn code images are kept with the data, beside the photos: a poster prints the same image each time.
    codeFiles: localCodeFiles(path.join(filesDir, 'codes')),
    // Copies of a person's own data, opened from the link in their messages for a day (/files/copies/<name>).
    copyFiles: localCopyFiles(path.join(filesDir, 'copies'), publicUrl),
    // Spreadsheets wait here between their upload (POST /api/imports/<name>) and their import.
    importFiles: localImportFiles(path.join(filesDir, 'imports'), randomIds),
    settings: { ...DEFAULT_SETTINGS, sessionTtlMs: settings.sessionHours * 3600_000 },
    publicUrl,
  });

  let seeded = false;
  if (settings.demo) {
    const t = Date.now();
    seeded = await seedDemo(deps, { residents: settings.demoResidents, reports: settings.demoReports });
    if (seeded) console.log(`已写入演示数据（${settings.demoResidents} 位居民，用时 ${Date.now() - t} ms）`);
  }

  // Simulated WeChat (JINLIN_DEV_WECHAT=1): the stand-in OPENID header and phone codes (lib/ports/open-data.ts) are honoured.
  const devWechat = process.env.JINLIN_DEV_WECHAT === '1';
  const app = await buildServer({ deps, distDir: settings.distDir, filesDir, testClock, devWechat, allowedOrigins: settings.allowedOrigins });
  if (testClock) console.log('注意：测试时钟已开启（JINLIN_TEST_CLOCK=1），不要在正式环境使用');
  if (devWechat) console.log('注意：微信模拟已开启（JINLIN_DEV_WECHAT=1），请求头 X-Jinlin-Dev-Openid 会被当作微信用户，不要在正式环境使用');
  await app.listen({ port: settings.port, host: settings.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : settings.port;
  const base = `http://${settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host}:${port}`;

  // The timer's jobs, the same registry the `timer` cloud function's trigger runs in the cloud
  // (the sweep, session purge, …). Runs once at start to catch up.
  let running = false;
  let runs = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const r of await runJobs(TIMER_JOBS, deps, { owner: `host-${process.pid}-${++runs}` }))
        if (r.ok && changedSomething(r)) deps.log.info(`timer ${r.name}`, { ms: r.ms, ...(r.result as object) });
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), settings.timerMinutes * 60_000);
  timer.unref();

  const demoPeople = await store.people.listDemo();
  const demo = demoPeople.length > 0;
  console.log(`近邻 Jinlin 已启动: ${base}/`);
  console.log(`  居民端（H5）   ${base}/`);
  console.log(`  管理后台       ${base}/admin/`);
  console.log(`  接口           ${base}/api/<函数名>`);
  console.log(`  数据库         ${settings.dbFile}`);
  if (demo) {
    console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）:`);
    // The grids' lead and steward exist only in the full demo (with its history).
    const seededLogins = new Set(demoPeople.map((p) => p.username));
    for (const p of [...DEMO_PEOPLE, ...DEMO_GRID_PEOPLE].filter((d) => seededLogins.has(d.username))) console.log(`  ${p.username.padEnd(9)} ${p.name}  ${ROLE_LABEL[p.role]}`);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`收到 ${signal}，正在关闭…`);
    clearInterval(timer);
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
