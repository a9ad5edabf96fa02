/**
 * What every cloud function's index.ts exports as `main`: find the caller (the OPENID the
 * platform injects, or a session token for web callers through HTTP access), call dispatch,
 * return the result. Nothing else happens here. Each function passes its own FunctionDef, so its
 * bundle holds its own actions and no one else's.
 */
import tcb from '@cloudbase/node-sdk';
import type { Result } from '../../src/core';
import { makeDeps, type Deps } from './deps';
import { inAppNotifier, parseTemplates, wechatNotifier } from './ports/notifier';
import type { CodeImage } from './ports/code-image';
import { cloudPhotos, nodeSdkStorage } from './ports/photos';
import { cloudCodeFiles } from './ports/code-files';
import { cloudCopyFiles } from './ports/copy-files';
import { cloudImportFiles } from './ports/import-files';
import { cloudPhotoUploads } from './ports/photo-uploads';
import type { SignUpload } from './ports/signed-upload';
import { cloudOpenData } from './ports/open-data.cloud';
import type { GroupReader } from './ports/open-data.group.cloud';
import type { Logger } from './ports/logger';
import type { FunctionDef } from './actions/define';
import { dispatcher, httpStatus } from './dispatch';
import { corsHeaders, originOf, parseAllowedOrigins, preflight } from './cors';
import { openConfiguredStore } from './runtime';

interface HttpEvent {
  httpMethod: string;
  headers?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
}

interface CallEvent {
  action?: unknown;
  data?: unknown;
  /** A web session token, when a browser calls the function directly. */
  token?: unknown;
}

function isHttp(event: unknown): event is HttpEvent {
  return typeof event === 'object' && event !== null && typeof (event as HttpEvent).httpMethod === 'string';
}

/** The caller's OPENID as the platform injected it; never read from the event. */
export function platformOpenid(context: unknown): string | null {
  if (typeof context !== 'object' || context === null) return null;
  const c = context as { environment?: unknown; environ?: unknown };
  if (c.environment === undefined && c.environ === undefined && !process.env.WX_OPENID) return null;
  try {
    return tcb.getCloudbaseContext(context as never).WX_OPENID || null;
  } catch {
    return null;
  }
}

/** HTTP access's caller: the first address of x-forwarded-for (the gateway appends the ones it passed). */
export function forwardedFor(headers: HttpEvent['headers']): string | null {
  const raw = headers?.['x-forwarded-for'] ?? headers?.['X-Forwarded-For'];
  const first = raw?.split(',')[0]?.trim();
  return first ? first.slice(0, 64) : null;
}

let shared: Promise<Deps> | null = null;

export interface MainOptions {
  /**
   * Functions that draw mini-program codes pass `wxServerCodeImage` (from ports/code-image.cloud);
   * the others leave it out, so wx-server-sdk is neither bundled into them nor parsed at cold start.
   */
  codeImage?: () => CodeImage;
  /**
   * Functions that read the WeChat group a page was opened in pass `wxServerGroups` (from
   * ports/open-data.group.cloud); the others leave it out, and wx-server-sdk with it.
   */
  readGroups?: (log: Logger) => GroupReader;
}

const noCodeImage: CodeImage = {
  async render() {
    throw new Error('this cloud function was built without a CodeImage: pass codeImage to makeMain');
  },
};

/** One Deps per warm instance: the store connection is reused across invocations. */
export function cloudDeps(opts: MainOptions = {}): Promise<Deps> {
  shared ??= openConfiguredStore().then((store) => {
    const base = makeDeps(store);
    const templates = parseTemplates(process.env.JINLIN_SUBSCRIBE_TEMPLATES);
    const app = tcb.init({ env: process.env.TCB_ENV || tcb.SYMBOL_CURRENT_ENV });
    const notifier = wechatNotifier({
      inApp: inAppNotifier(store, base.clock, base.ids),
      store,
      clock: base.clock,
      log: base.log,
      templates,
      send: async (requestData) => {
        const res = (await app.callWxOpenApi({ apiName: 'subscribeMessage.send', requestData })) as { result?: { errcode?: number; errmsg?: string } };
        const err = res?.result?.errcode;
        if (err) throw new Error(`subscribeMessage.send ${err} ${res.result?.errmsg ?? ''}`);
      },
    });
    // Signed PUTs for the management page's uploads straight to storage (ports/signed-upload.ts).
    const sign: SignUpload = async (cloudPath) => (await app.getUploadMetadata({ cloudPath })).data;
    return { ...base, notifier, codeImage: opts.codeImage ? opts.codeImage() : noCodeImage, photos: cloudPhotos(), codeFiles: cloudCodeFiles(nodeSdkStorage(() => app)), copyFiles: cloudCopyFiles(nodeSdkStorage(() => app)), importFiles: cloudImportFiles(nodeSdkStorage(() => app), sign, base.ids), photoUploads: cloudPhotoUploads(sign, base.ids), openData: cloudOpenData(() => app, base.log, opts.readGroups?.(base.log)) };
  });
  return shared;
}

/** For tests: forget the warm instance's Deps. */
export function resetCloudDeps(): void {
  shared = null;
}

export function makeMain(fnName: string, def: FunctionDef, opts: MainOptions = {}) {
  const dispatch = dispatcher({ [fnName]: def });
  return async function main(event: unknown, context: unknown): Promise<unknown> {
    // Pages on another origin (JINLIN_ALLOWED_ORIGINS, lib/cors.ts): a preflight needs no store, so it is answered first.
    const origins = isHttp(event) ? parseAllowedOrigins(process.env.JINLIN_ALLOWED_ORIGINS) : [];
    if (isHttp(event) && event.httpMethod.toUpperCase() === 'OPTIONS') {
      const p = preflight(originOf(event.headers), origins);
      return { statusCode: p.status, headers: p.headers, body: p.body ?? '' };
    }
    const deps = await cloudDeps(opts);
    const openid = platformOpenid(context);
    if (isHttp(event)) {
      let body: unknown;
      try {
        const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
        body = JSON.parse(raw);
      } catch {
        body = null;
      }
      const auth = event.headers?.authorization ?? event.headers?.Authorization;
      const token = auth ? (/^Bearer\s+(\S+)$/i.exec(auth)?.[1] ?? auth) : null;
      const result: Result<unknown> = await dispatch(deps, fnName, body, { token, openid: null, ip: forwardedFor(event.headers) });
      return {
        statusCode: httpStatus(result),
        headers: { 'content-type': 'application/json; charset=utf-8', ...corsHeaders(originOf(event.headers), origins) },
        body: JSON.stringify(result),
      };
    }
    const e = (typeof event === 'object' && event !== null ? event : {}) as CallEvent;
    const token = typeof e.token === 'string' ? e.token : null;
    return dispatch(deps, fnName, { action: e.action, data: e.data }, { openid, token });
  };
}
