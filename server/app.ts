/**
 * The local host's HTTP surface. Routes stay thin: parse, call dispatch, map the result.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { fail } from '../src/core';
import { dispatch, httpStatus } from '../cloudfunctions/lib/functions';
import type { Deps } from '../cloudfunctions/lib/deps';
import { resolveCaller } from '../cloudfunctions/lib/identity';
import { MAX_PHOTO_BYTES, readLocalPhoto, readLocalVoice } from '../cloudfunctions/lib/ports/photos';
import { VOICE_BYTES_MAX } from '../src/core';
import { IMPORT_CONTENT_TYPES, MAX_IMPORT_BYTES } from '../cloudfunctions/lib/ports/import-files';
import { readLocalCopy } from '../cloudfunctions/lib/ports/copy-files';
import { sweep } from '../cloudfunctions/lib/jobs/sweep';
import { DomainError, reportManageRoots } from '../src/core';
import { open311Routes } from './open311';
import { allowCrossOrigin } from './cors';

export interface ServerOptions {
  deps: Deps;
  /** Folder holding h5/ and admin/ builds; the pages are served only if they exist. */
  distDir?: string;
  logRequests?: boolean;
  /** Folder of uploaded photos (served at /files/<id>). */
  filesDir?: string;
  /** Test-only: POST /api/__test with { advanceMs } or { sweep: true }. Never on in production. */
  testClock?: { advance(ms: number): void } | null;
  /**
   * Honour the header X-Jinlin-Dev-Openid as the caller's WeChat OPENID, to drive the mini-program's
   * path from a browser and in tests (JINLIN_DEV_WECHAT=1). Off: a request carrying it is refused.
   */
  devWechat?: boolean;
  /** Origins whose pages may call /api/ (JINLIN_ALLOWED_ORIGINS); none: the host's own pages only. */
  allowedOrigins?: readonly string[];
}

/** The stand-in for the OPENID the platform injects in the cloud. */
export const DEV_OPENID_HEADER = 'x-jinlin-dev-openid';
const DEV_OPENID = /^[A-Za-z0-9_-]{1,64}$/;

const NOT_BUILT = (what: string, cmd: string) => `<!doctype html><meta charset="utf-8"><title>近邻</title>
<body style="font:18px/1.6 system-ui;padding:2em"><h1>近邻 · ${what}尚未构建</h1><p>请运行 <code>${cmd}</code> 或 <code>npm start</code>（会自动构建）。</p></body>`;

/** Reads "Bearer <token>"; anything else presented as a token is returned as-is so it fails validation. */
function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m ? m[1] : header;
}

/** The stand-in OPENID a request carries (the hook below has refused it unless devWechat). */
function devOpenid(req: { headers: Record<string, string | string[] | undefined> }): string | null {
  const v = req.headers[DEV_OPENID_HEADER];
  return typeof v === 'string' && v ? v : null;
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logRequests ? { level: 'info' } : false, bodyLimit: 1024 * 1024 });
  // First: a preflight is answered before anything else looks at the request.
  allowCrossOrigin(app, opts.allowedOrigins ?? []);

  // Malformed JSON, wrong content type, oversized bodies: answer in our own shape, never a stack.
  app.setErrorHandler((err: { statusCode?: number; code?: string }, req, reply) => {
    const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500) opts.deps.log.error('server error', { url: req.url, error: String((err as Error).stack ?? err) });
    const body =
      status === 413
        ? req.url.startsWith('/api/photos')
          ? fail('PHOTO.TOO_LARGE')
          : req.url.startsWith('/api/voices')
            ? fail('VOICE.TOO_LARGE')
          : req.url.startsWith('/api/imports/')
            ? fail('IMPORT.FILE_TOO_LARGE')
            : fail('INPUT.MALFORMED', '请求内容太大')
        : status === 415
          ? fail('INPUT.MALFORMED', '请求应为 JSON（Content-Type: application/json）')
          : status < 500
            ? fail('INPUT.MALFORMED', '请求内容不是有效的 JSON')
            : fail('INTERNAL');
    reply.status(status).send(body);
  });

  // A stand-in OPENID is never quietly ignored: served as a WeChat user when the host simulates
  // WeChat, refused otherwise, so a test or a page that means to be a WeChat user never runs as nobody.
  app.addHook('onRequest', async (req, reply) => {
    const v = req.headers[DEV_OPENID_HEADER];
    if (v === undefined) return;
    if (!opts.devWechat)
      return reply.status(403).send(fail('AUTH.FORBIDDEN', '本地服务没有模拟微信，不接受 X-Jinlin-Dev-Openid：请用 JINLIN_DEV_WECHAT=1 启动，或去掉这个请求头'));
    if (typeof v !== 'string' || !DEV_OPENID.test(v)) return reply.status(400).send(fail('INPUT.MALFORMED', 'X-Jinlin-Dev-Openid 应为 1 到 64 位字母、数字、_ 或 -'));
  });

  app.post<{ Params: { fn: string } }>('/api/:fn', async (req, reply) => {
    const result = await dispatch(opts.deps, req.params.fn, req.body, { token: bearer(req.headers.authorization), openid: devOpenid(req), ip: req.ip });
    reply.status(httpStatus(result)).send(result);
  });
  // Photos arrive as raw bytes (the mini-program's h5 build posts the file itself).
  app.addContentTypeParser(['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES + 1024 }, (_req, body, done) =>
    done(null, body),
  );
  app.post('/api/photos', { bodyLimit: MAX_PHOTO_BYTES + 1024 }, async (req, reply) => {
    try {
      const caller = await resolveCaller(opts.deps, { token: bearer(req.headers.authorization), openid: devOpenid(req) });
      if (!caller) return reply.status(401).send(fail('AUTH.REQUIRED'));
      if (!Buffer.isBuffer(req.body)) return reply.status(400).send(fail('PHOTO.BAD_TYPE'));
      const stored = await opts.deps.photos.put(req.body, caller.person.id);
      return reply.send({ ok: true, data: stored });
    } catch (e) {
      if (e instanceof DomainError)
        return reply.status(e.code === 'PHOTO.TOO_LARGE' ? 413 : e.code === 'AUTH.NOT_REGISTERED' ? 403 : e.code.startsWith('AUTH') ? 401 : 400).send(e.toFailure());
      throw e;
    }
  });
  // Voice notes arrive as raw bytes too (the h5 build's recorder encodes MP3 in the browser): checked
  // by their bytes (core/reports/voice.ts), whatever type the request claims.
  app.addContentTypeParser(['audio/mpeg', 'audio/aac', 'audio/mp4'], { parseAs: 'buffer', bodyLimit: VOICE_BYTES_MAX + 1024 }, (_req, body, done) => done(null, body));
  app.post('/api/voices', { bodyLimit: VOICE_BYTES_MAX + 1024 }, async (req, reply) => {
    try {
      const caller = await resolveCaller(opts.deps, { token: bearer(req.headers.authorization), openid: devOpenid(req) });
      if (!caller) return reply.status(401).send(fail('AUTH.REQUIRED'));
      if (!Buffer.isBuffer(req.body)) return reply.status(400).send(fail('VOICE.BAD_TYPE'));
      const stored = await opts.deps.photos.putVoice(req.body, caller.person.id);
      return reply.send({ ok: true, data: stored });
    } catch (e) {
      if (e instanceof DomainError)
        return reply.status(e.code === 'VOICE.TOO_LARGE' ? 413 : e.code === 'AUTH.NOT_REGISTERED' ? 403 : e.code.startsWith('AUTH') ? 401 : 400).send(e.toFailure());
      throw e;
    }
  });
  // Import spreadsheets arrive as raw bytes at the address management.importUpload gave, up to
  // MAX_IMPORT_BYTES (20,000 rows are well past the 1 MiB of a JSON request); staff only, each
  // into their own folder (ports/import-files.ts).
  app.addContentTypeParser([...IMPORT_CONTENT_TYPES], { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES + 1024 }, (_req, body, done) => done(null, body));
  app.post<{ Params: { name: string } }>('/api/imports/:name', { bodyLimit: MAX_IMPORT_BYTES + 1024 }, async (req, reply) => {
    try {
      const caller = await resolveCaller(opts.deps, { token: bearer(req.headers.authorization), openid: null });
      if (!caller) return reply.status(401).send(fail('AUTH.REQUIRED'));
      if (reportManageRoots(caller.bindings).length === 0) return reply.status(403).send(fail('AUTH.FORBIDDEN'));
      const files = opts.deps.importFiles;
      if (!files.receive || !Buffer.isBuffer(req.body)) return reply.status(400).send(fail('IMPORT.BAD_FILE', '请上传 .xlsx 或 .csv 文件'));
      await files.receive(caller.person.id, req.params.name, req.body);
      return reply.send({ ok: true, data: { bytes: req.body.length } });
    } catch (e) {
      if (e instanceof DomainError) return reply.status(e.code === 'IMPORT.FILE_TOO_LARGE' ? 413 : e.code.startsWith('AUTH') ? 401 : 400).send(e.toFailure());
      throw e;
    }
  });
  // Stored photos are re-encoded JPEGs (ports/photos/clean.ts); nosniff still keeps a browser from
  // reading any file, or a miss, as something other than the type it is sent as.
  app.get<{ Params: { id: string } }>('/files/:id', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    const photo = opts.filesDir ? (readLocalPhoto(opts.filesDir, req.params.id) ?? readLocalVoice(opts.filesDir, req.params.id)) : null;
    if (!photo) return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    return reply.type(photo.type).header('cache-control', 'private, max-age=86400').send(photo.bytes);
  });
  // A copy of a person's own data: the link in their messages is the key (a random name), and works for a day.
  app.get<{ Params: { name: string } }>('/files/copies/:name', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    const copy = opts.filesDir ? readLocalCopy(path.join(opts.filesDir, 'copies'), req.params.name, opts.deps.clock.now()) : null;
    if (!copy) return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    return reply.type('application/json; charset=utf-8').header('cache-control', 'private, no-store').header('content-disposition', 'attachment; filename="my-data.json"').send(copy);
  });
  if (opts.testClock) {
    const clock = opts.testClock;
    app.post<{ Body: { advanceMs?: number; sweep?: boolean } }>('/api/__test', async (req) => {
      if (typeof req.body?.advanceMs === 'number') clock.advance(req.body.advanceMs);
      const swept = req.body?.sweep ? await sweep(opts.deps, 'test-sweep') : null;
      return { ok: true, data: { now: opts.deps.clock.now(), swept } };
    });
  }
  app.get('/api/health', async () => ({ ok: true, data: { store: opts.deps.store.kind, time: opts.deps.clock.now() } }));
  app.all('/api/*', async (req, reply) => {
    reply.status(404).send(req.method === 'POST' ? fail('API.UNKNOWN_FUNCTION') : fail('INPUT.MALFORMED', '请用 POST 调用接口'));
  });
  await app.register(open311Routes, { deps: opts.deps });

  const dist = opts.distDir;
  const h5 = dist ? path.join(dist, 'h5') : null;
  const admin = dist ? path.join(dist, 'admin') : null;
  const h5Built = !!h5 && existsSync(path.join(h5, 'index.html'));
  const adminBuilt = !!admin && existsSync(path.join(admin, 'index.html'));
  if (adminBuilt) await app.register(fastifyStatic, { root: admin!, prefix: '/admin/', decorateReply: !h5Built, wildcard: true });
  if (h5Built) await app.register(fastifyStatic, { root: h5!, prefix: '/', decorateReply: true, wildcard: true });

  app.get('/admin', async (_req, reply) => reply.redirect('/admin/'));
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply.status(404).send(fail('API.UNKNOWN_FUNCTION'));
    // Client-side routes fall back to the app's index.html; a missing asset stays a 404.
    const isAsset = /\.[a-z0-9]{1,5}$/i.test(url);
    if (url.startsWith('/admin')) {
      if (!adminBuilt) return reply.status(503).type('text/html').send(NOT_BUILT('管理后台', 'npm run build:admin'));
      if (isAsset) return reply.status(404).send('Not found');
      return reply.type('text/html').sendFile('index.html', admin!);
    }
    if (!h5Built) return reply.status(503).type('text/html').send(NOT_BUILT('居民端（H5）', 'npm run build:h5'));
    if (isAsset) return reply.status(404).send('Not found');
    return reply.type('text/html').sendFile('index.html', h5!);
  });

  return app;
}
