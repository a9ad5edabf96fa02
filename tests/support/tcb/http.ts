/**
 * The answerer behind a loopback HTTP endpoint that speaks the CloudBase API's wire format
 * (POST JSON { action, ...params } → 200 JSON; a failure is 200 { code, message, requestId }).
 * A bundled cloud function reaches it the way it reaches the real service inside CloudBase: the
 * platform-injected TCB_CONTEXT_CNFG names the URL. Nothing in the bundle is patched.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AnswerError, type TcbAnswerer } from './answerer';

export async function serveAnswerer(answerer: TcbAnswerer): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      requests++;
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end();
        return;
      }
      let out: unknown;
      try {
        out = await answerer.send(String(body.action), body);
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
