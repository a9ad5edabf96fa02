/**
 * The Photos port: where report photos live. Locally the host receives the bytes (POST
 * /api/photos) and keeps them under the data folder; in the cloud the mini-program uploads
 * straight to cloud storage (wx.cloud.uploadFile) and sends the fileIDs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DomainError, type IdSource } from '../../../src/core';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS = 9;

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The type the bytes really are (never the type the client claims). */
export function sniffImage(bytes: Buffer): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export function checkPhoto(bytes: Buffer): PhotoType {
  if (bytes.length > MAX_PHOTO_BYTES) throw new DomainError('PHOTO.TOO_LARGE');
  const type = sniffImage(bytes);
  if (!type) throw new DomainError('PHOTO.BAD_TYPE');
  return type;
}

export interface Photos {
  /** Stores an uploaded photo for `ownerId`; local only. */
  put(bytes: Buffer, ownerId: string): Promise<{ id: string; url: string }>;
  /** Checks that every reference may be attached by `ownerId`; throws PHOTO.* otherwise. */
  accept(refs: readonly string[], ownerId: string): Promise<string[]>;
  /** What a client shows for a stored reference. */
  url(ref: string): string;
}

const EXT: Record<PhotoType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const ID = /^pho_[a-z0-9]{10,40}$/;

/** Files under `dir`, each with a small JSON beside it naming its owner and type. */
export function localPhotos(dir: string, ids: IdSource): Photos {
  mkdirSync(dir, { recursive: true });
  const meta = (id: string) => path.join(dir, `${id}.json`);
  return {
    async put(bytes, ownerId) {
      const type = checkPhoto(bytes);
      const id = ids.next('pho').toLowerCase();
      writeFileSync(path.join(dir, `${id}.${EXT[type]}`), bytes);
      writeFileSync(meta(id), JSON.stringify({ owner: ownerId, type, size: bytes.length }));
      return { id, url: `/files/${id}` };
    },
    async accept(refs, ownerId) {
      if (refs.length > MAX_PHOTOS) throw new DomainError('PHOTO.TOO_MANY', undefined, 'photos');
      for (const ref of refs) {
        if (!ID.test(ref) || !existsSync(meta(ref))) throw new DomainError('PHOTO.NOT_FOUND', undefined, 'photos');
        const m = JSON.parse(readFileSync(meta(ref), 'utf8')) as { owner: string };
        if (m.owner !== ownerId) throw new DomainError('PHOTO.NOT_FOUND', undefined, 'photos');
      }
      return [...refs];
    },
    url: (ref) => `/files/${ref}`,
  };
}

/** Reads a stored local photo for serving: its bytes and type, or null. */
export function readLocalPhoto(dir: string, id: string): { bytes: Buffer; type: PhotoType } | null {
  if (!ID.test(id)) return null;
  const m = path.join(dir, `${id}.json`);
  if (!existsSync(m)) return null;
  const { type } = JSON.parse(readFileSync(m, 'utf8')) as { type: PhotoType };
  return { bytes: readFileSync(path.join(dir, `${id}.${EXT[type]}`)), type };
}

/** In the cloud: fileIDs of the environment's storage ("cloud://env.xxx/reports/…"). */
export function cloudPhotos(): Photos {
  const FILE = /^cloud:\/\/[A-Za-z0-9._-]+\/[A-Za-z0-9/_.-]{1,180}$/;
  return {
    async put() {
      throw new Error('in the cloud photos are uploaded by the mini-program with wx.cloud.uploadFile');
    },
    async accept(refs) {
      if (refs.length > MAX_PHOTOS) throw new DomainError('PHOTO.TOO_MANY', undefined, 'photos');
      for (const ref of refs) if (!FILE.test(ref)) throw new DomainError('PHOTO.NOT_FOUND', undefined, 'photos');
      return [...refs];
    },
    url: (ref) => ref,
  };
}
