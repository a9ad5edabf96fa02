/**
 * The environment's cloud storage, as much of it as cleaning a photo needs. node-sdk's is the real
 * one; tests answer node-sdk's storage requests in-process (tests/support/tcb/storage.ts).
 */
import http from 'node:http';
import https from 'node:https';
import type tcb from '@cloudbase/node-sdk';

type App = ReturnType<typeof tcb.init>;

export type Download = { kind: 'ok'; bytes: Buffer } | { kind: 'missing' } | { kind: 'too_large' };

export interface CloudStorage {
  /** The file's bytes, unless it is missing or longer than `maxBytes` (then reading stops there). */
  download(fileID: string, maxBytes: number): Promise<Download>;
  exists(fileID: string): Promise<boolean>;
  /** Writes `bytes` at `cloudPath` (replacing what is there) and answers its fileID. */
  upload(cloudPath: string, bytes: Buffer): Promise<string>;
  remove(fileIDs: readonly string[]): Promise<void>;
  /**
   * Temporary https addresses good for `maxAgeS` seconds, in the order asked; null for a file that
   * is missing (or may not be given). TEMP_URLS_PER_REQUEST at most go in one request.
   */
  tempUrls(fileIDs: readonly string[], maxAgeS: number): Promise<(string | null)[]>;
}

/** getTempFileURL's limit: "一次最多取 50 个" (at most 50 files a call). */
export const TEMP_URLS_PER_REQUEST = 50;

/** A file that getTempFileURL could not find (or may not give): node-sdk answers it per file. */
const isMissing = (code: string | undefined) => code !== 'SUCCESS';

/**
 * node-sdk's storage. Downloads go through getTempFileURL and a GET of that address, as
 * app.downloadFile does, but stop reading at `maxBytes`: downloadFile keeps whatever size it is
 * sent in memory, and a function has 256 MB.
 */
export function nodeSdkStorage(app: () => App): CloudStorage {
  async function tempUrl(fileID: string): Promise<string | null> {
    const res = await app().getTempFileURL({ fileList: [{ fileID, maxAge: 600 }] });
    if (!Array.isArray(res.fileList)) throw new Error(`storage getTempFileURL failed: ${JSON.stringify(res).slice(0, 200)}`);
    const item = res.fileList[0] as { code?: string; tempFileURL?: string } | undefined;
    return !item || isMissing(item.code) || !item.tempFileURL ? null : item.tempFileURL;
  }
  return {
    async download(fileID, maxBytes) {
      const url = await tempUrl(fileID);
      return url ? getCapped(encodeURI(url), maxBytes) : { kind: 'missing' };
    },
    async exists(fileID) {
      return (await tempUrl(fileID)) !== null;
    },
    async upload(cloudPath, bytes) {
      const res = await app().uploadFile({ cloudPath, fileContent: bytes });
      if (!res?.fileID) throw new Error(`storage uploadFile ${cloudPath} failed: ${JSON.stringify(res).slice(0, 200)}`);
      return res.fileID;
    },
    async remove(fileIDs) {
      if (fileIDs.length) await app().deleteFile({ fileList: [...fileIDs] });
    },
    async tempUrls(fileIDs, maxAgeS) {
      const parts: string[][] = [];
      for (let i = 0; i < fileIDs.length; i += TEMP_URLS_PER_REQUEST) parts.push(fileIDs.slice(i, i + TEMP_URLS_PER_REQUEST));
      const answered = await Promise.all(
        parts.map(async (part) => {
          const res = await app().getTempFileURL({ fileList: part.map((fileID) => ({ fileID, maxAge: maxAgeS })) });
          if (!Array.isArray(res.fileList)) throw new Error(`storage getTempFileURL failed: ${JSON.stringify(res).slice(0, 200)}`);
          // Matched by fileID, not by place: the answer's order is the service's.
          const byId = new Map((res.fileList as { fileID?: string; code?: string; tempFileURL?: string }[]).map((f) => [f.fileID, f]));
          return part.map((id) => {
            const f = byId.get(id);
            return !f || isMissing(f.code) || !f.tempFileURL ? null : f.tempFileURL;
          });
        }),
      );
      return answered.flat();
    },
  };
}

/** GET `url`, giving up (and closing the connection) once more than `maxBytes` arrive. */
function getCapped(url: string, maxBytes: number): Promise<Download> {
  const get = url.startsWith('https:') ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const req = get(url, { timeout: 10_000 }, (res) => {
      if (res.statusCode === 404) {
        res.resume();
        return resolve({ kind: 'missing' });
      }
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`storage download: HTTP ${res.statusCode}`));
      }
      if (Number(res.headers['content-length'] ?? 0) > maxBytes) {
        req.destroy();
        return resolve({ kind: 'too_large' });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) {
          req.destroy();
          return resolve({ kind: 'too_large' });
        }
        chunks.push(c);
      });
      res.on('end', () => resolve({ kind: 'ok', bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('storage download: timed out')));
    req.on('error', reject);
  });
}
