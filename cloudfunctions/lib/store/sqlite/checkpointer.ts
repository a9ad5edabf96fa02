import { Worker } from 'node:worker_threads';

/**
 * The checkpointer thread: its own connection copies committed WAL frames into the database file
 * every few milliseconds. A checkpoint fsyncs the WAL and the database file, and on a busy disk
 * that takes milliseconds; done on the event loop, every request in flight would wait for it.
 */
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 1000');
let timer = null;
const tick = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  timer = setTimeout(tick, workerData.everyMs);
};
parentPort.on('message', () => { clearTimeout(timer); db.close(); parentPort.close(); });
tick();
`;

export interface Checkpointer {
  /** Resolves once the thread has closed its connection. */
  stop(): Promise<void>;
}

export function startCheckpointer(file: string): Checkpointer {
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), file, everyMs: 20 } });
  worker.unref();
  return {
    async stop() {
      const stopped = new Promise((resolve) => worker.once('exit', resolve));
      // Kept alive until the thread has closed its connection.
      worker.ref();
      worker.postMessage('close');
      await stopped;
    },
  };
}
