/**
 * Photos in the cloud: the mini-program uploads straight to the environment's storage
 * (wx.cloud.uploadFile) under uploads/<personId>/, and sends the fileIDs. Before a report keeps
 * one, accept() reads it back, cleans it (clean.ts: decoded whole, re-encoded without EXIF) and
 * writes the clean copy under photos/<personId>/, a path the mini-program never writes; the
 * report keeps that copy's fileID and the upload, EXIF and all, is removed.
 */
import tcb from '@cloudbase/node-sdk';
import { DomainError } from '../../../../src/core';
import type { Logger } from '../logger';
import { cleanPhoto } from './clean';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, type Photos } from './port';
import { nodeSdkStorage, type CloudStorage } from './storage';
import { cloudVoices } from './voice';

/** Where a person's uploads go: the mini-program's cloudPath starts with this (services/transport.weapp.ts). */
export const uploadPrefix = (personId: string) => `uploads/${personId}/`;
const cleanPath = (personId: string, name: string) => `photos/${personId}/${name.replace(/\.[a-z]+$/i, '')}.jpg`;

/** cloud://<env>.<bucket>/<path>: the environment's id comes first. */
const FILE_ID = /^cloud:\/\/([A-Za-z0-9-]{1,64})\.([A-Za-z0-9-]{1,128})\/([A-Za-z0-9/_.-]{1,200})$/;
const NAME = /^[A-Za-z0-9_-]{1,64}\.(?:jpe?g|png|webp)$/i;
/** Photos cleaned at once: each holds up to 5 MB and its decoded pixels, in a 256 MB function. */
const AT_ONCE = 3;
/** How long a browser's temporary address is good for (the service allows up to a day). */
export const URL_MAX_AGE_S = 2 * 3600;
/** A kept address is handed out again only while it has at least this long left, so a page opened now shows its photos for an hour. */
export const URL_REUSE_MARGIN_MS = 3600_000;
/** Addresses a warm instance keeps: a few pages of reports' photos, a few hundred KB. */
const URL_CACHE_MAX = 5_000;

interface Upload {
  ref: string;
  /** The fileID the clean copy has (or will have): same environment and bucket, our path. */
  cleanId: string;
  cleanPath: string;
}

export interface CloudPhotosOptions {
  /** The environment's storage: node-sdk's by default, made on first use. */
  storage?: CloudStorage;
  /** This environment's id (default: the one the platform names): a fileID of any other is refused. */
  env?: string;
  log?: Logger;
  /** Wall-clock ms, for the temporary addresses' expiry (tests pass their own). */
  now?: () => number;
}

export function cloudPhotos(opts: CloudPhotosOptions = {}): Photos {
  let app: ReturnType<typeof tcb.init> | null = null;
  const storage = opts.storage ?? nodeSdkStorage(() => (app ??= tcb.init({ env: process.env.TCB_ENV || tcb.SYMBOL_CURRENT_ENV })));
  const log = opts.log ?? { info() {}, error: (msg: string, extra?: Record<string, unknown>) => console.error(JSON.stringify({ level: 'error', msg, ...extra })) };

  function env(): string {
    const e = opts.env ?? (process.env.TCB_ENV || process.env.SCF_NAMESPACE);
    // Without it no fileID can be told ours: a misconfigured function, not the person's fault.
    if (!e) throw new Error('cloudPhotos: the environment id is unknown (TCB_ENV / SCF_NAMESPACE)');
    return e;
  }

  /** The person's own upload in this environment, or a refusal; no I/O. */
  function upload(ref: string, ownerId: string): Upload {
    const m = FILE_ID.exec(ref);
    if (!m) throw new DomainError('PHOTO.NOT_FOUND', undefined, 'photos');
    const [, fileEnv, bucket, filePath] = m;
    const prefix = uploadPrefix(ownerId);
    const name = filePath.slice(prefix.length);
    if (fileEnv !== env() || !filePath.startsWith(prefix) || !NAME.test(name)) throw new DomainError('PHOTO.NOT_YOURS', undefined, 'photos');
    const path = cleanPath(ownerId, name);
    return { ref, cleanId: `cloud://${fileEnv}.${bucket}/${path}`, cleanPath: path };
  }

  /** The cleaned bytes, or null when this upload was cleaned before (a retried request). */
  async function read(u: Upload): Promise<Buffer | null> {
    const got = await storage.download(u.ref, MAX_PHOTO_BYTES);
    if (got.kind === 'too_large') throw new DomainError('PHOTO.TOO_LARGE', undefined, 'photos');
    if (got.kind === 'missing') {
      if (await storage.exists(u.cleanId)) return null;
      throw new DomainError('PHOTO.NOT_FOUND', undefined, 'photos');
    }
    return cleanPhoto(got.bytes, 'photos');
  }

  // Temporary addresses, kept per warm instance until shortly before they expire: the desk opens
  // report after report, and most photos it shows were shown a minute ago.
  const now = opts.now ?? Date.now;
  const addresses = new Map<string, { url: string; expires: number }>();
  const usable = (ref: string, at: number) => {
    const a = addresses.get(ref);
    return a && a.expires - at >= URL_REUSE_MARGIN_MS ? a.url : null;
  };
  function keep(ref: string, url: string, expires: number) {
    addresses.delete(ref);
    addresses.set(ref, { url, expires });
    // Oldest first out (a Map iterates in insertion order).
    while (addresses.size > URL_CACHE_MAX) addresses.delete(addresses.keys().next().value!);
  }

  return {
    async put() {
      throw new Error('in the cloud photos are uploaded by the mini-program with wx.cloud.uploadFile');
    },
    async accept(refs, ownerId) {
      if (refs.length > MAX_PHOTOS) throw new DomainError('PHOTO.TOO_MANY', undefined, 'photos');
      const uploads = [...new Map(refs.map((ref) => [ref, upload(ref, ownerId)])).values()];
      // Every photo is read and cleaned before anything is written: one bad photo writes nothing.
      const cleaned = await inBatches(uploads, AT_ONCE, read);
      const kept = new Map<string, string>();
      await inBatches(uploads, AT_ONCE, async (u, i) => {
        const bytes = cleaned[i];
        kept.set(u.ref, bytes ? await storage.upload(u.cleanPath, bytes) : u.cleanId);
      });
      // The uploads carry the EXIF: gone once their clean copies are written. A retry finds the copies.
      const fresh = uploads.filter((_, i) => cleaned[i]).map((u) => u.ref);
      await storage.remove(fresh).catch((e) => log.error('photos: removing cleaned uploads failed', { fileIDs: fresh, error: String(e) }));
      return refs.map((ref) => kept.get(ref)!);
    },
    ...cloudVoices(storage, env, uploadPrefix, log),
    url: (ref) => ref,
    async urls(refs) {
      const at = now();
      const ask = [...new Set(refs.filter((ref) => ref.startsWith('cloud://') && !usable(ref, at)))];
      if (ask.length) {
        // Counted from before the request: the service's clock starts later, never earlier.
        const expires = at + URL_MAX_AGE_S * 1000;
        const got = await storage.tempUrls(ask, URL_MAX_AGE_S);
        const missing = ask.filter((ref, i) => {
          const url = got[i];
          if (url) keep(ref, url, expires);
          return !url;
        });
        if (missing.length) log.error('photos: no temporary address for stored photos', { fileIDs: missing });
      }
      return refs.map((ref) => usable(ref, at) ?? addresses.get(ref)?.url ?? ref);
    },
  };
}

async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => run(item, i + j)))));
  return out;
}
