/**
 * Starts the real local server (`node scripts/start.mjs`) on a fresh SQLite database and a free
 * port, the way a person runs `npm start`, but without rebuilding the pages.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export interface RunningServer {
  /** "http://127.0.0.1:<port>" without a trailing slash. */
  url: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The server runs with JINLIN_SKIP_BUILD=1, so build the pages it serves first if they are older
 * than their sources (the project's own stale check). Under `npm test` they were just built and
 * the check finds nothing to do; with JINLIN_SKIP_BUILD=1 whatever is built is served as it is.
 */
export function ensureBuilt(): void {
  if (process.env.JINLIN_SKIP_BUILD === '1') return;
  // Jest sets NODE_ENV=test, and Taro builds for whatever NODE_ENV says: anything but production
  // adds React Fast Refresh, whose $RefreshReg$ breaks the served page. Build what ships.
  const r = spawnSync(process.execPath, ['scripts/build-stale.mjs', 'h5', 'admin'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`building the pages failed:\n${r.stdout}\n${r.stderr}`);
}

export async function startServer(opts: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-e2e-db-'));
  const port = await freePort();
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, JINLIN_PORT: String(port), JINLIN_DB: path.join(dir, 'jinlin.db'), JINLIN_SKIP_BUILD: '1', ...(opts.env ?? {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it also stops the server process start.mjs spawns.
    detached: true,
  });
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      const t = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(t);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${opts.timeoutMs ?? 60000} ms:\n${out}`)), opts.timeoutMs ?? 60000);
    const onData = (chunk: string) => {
      out += chunk;
      const m = out.match(/http:\/\/[\d.]+:\d+/);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before starting:\n${out}`));
    });
  }).catch(async (e) => {
    await stop();
    throw e;
  });

  return { url, output: () => out, stop };
}
