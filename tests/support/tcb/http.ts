/**
 * The answerers behind a loopback HTTP endpoint that speaks the CloudBase API's wire format
 * (POST JSON { action, ...params } → 200 JSON; a failure is 200 { code, message, requestId }).
 * A bundled cloud function reaches it the way it reaches the real service inside CloudBase: the
 * platform-injected TCB_CONTEXT_CNFG names the URL. Nothing in the bundle is patched.
 *
 * With a StorageAnswerer it also answers `storage.*` actions and serves the file addresses those
 * give (`/cos/<path>`: GET to download, PUT to upload — COS, in the real service).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AnswerError, type TcbAnswerer } from './answerer';
import type { StorageAnswerer } from './storage';

export interface Served {
  url: string;
  /** API requests answered so far (file GETs and PUTs not counted). */
  requests: () => number;
  close: () => Promise<void>;
}

export async function serveAnswerer(database: TcbAnswerer | null, opts: { storage?: StorageAnswerer } = {}): Promise<Served> {
  const { storage } = opts;
  let requests = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://x');
      if (storage && url.pathname.startsWith('/cos/')) {
        const path = decodeURIComponent(url.pathname.slice('/cos/'.length));
        if (req.method === 'PUT') {
          storage.files.set(path, raw);
          res.writeHead(200).end('');
        } else {
          const bytes = storage.files.get(path);
          if (!bytes) res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
          else res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length }).end(bytes);
        }
        return;
      }
      requests++;
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        res.writeHead(400).end();
        return;
      }
      const action = String(body.action);
      let out: unknown;
      try {
        if (storage && action.startsWith('storage.')) out = storage.answer(action, body);
        else if (database) out = await database.send(action, body);
        else throw new AnswerError('INVALID_ACTION', `no database here: ${action}`, 'req-none');
      } catch (e) {
        if (!(e instanceof AnswerError)) {
          res.writeHead(500).end(String(e));
          return;
        }
        out = { code: e.code, message: e.message, requestId: e.requestId };
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  if (storage) storage.origin = `http://127.0.0.1:${port}`;
  return {
    url: `http://127.0.0.1:${port}/admin`,
    requests: () => requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** One endpoint for the CloudBase API (storage, and the database when given) and the storage's file addresses. */
export function serveCloud(storage: StorageAnswerer, database?: TcbAnswerer): Promise<Served> {
  return serveAnswerer(database ?? null, { storage });
}
