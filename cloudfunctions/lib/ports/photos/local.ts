/** Photos on the local host: POST /api/photos cleans and keeps them under the data folder, GET /files/<id> serves them. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DomainError, type IdSource } from '../../../../src/core';
import { cleanPhoto } from './clean';
import { MAX_PHOTOS, type Photos, type PhotoType } from './port';
import { localVoices } from './voice';

const EXT: Record<PhotoType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const ID = /^pho_[a-z0-9]{10,40}$/;

/** Files under `dir`, each with a small JSON beside it naming its owner and type. */
export function localPhotos(dir: string, ids: IdSource): Photos {
  mkdirSync(dir, { recursive: true });
  const meta = (id: string) => path.join(dir, `${id}.json`);
  return {
    async put(bytes, ownerId) {
      // Cleaned before anything is written: a refused file leaves nothing behind.
      const clean = await cleanPhoto(bytes);
      const id = ids.next('pho').toLowerCase();
      writeFileSync(path.join(dir, `${id}.jpg`), clean);
      // The JSON last: a photo exists (for accept and for serving) only once it is there.
      writeFileSync(meta(id), JSON.stringify({ owner: ownerId, type: 'image/jpeg', size: clean.length }));
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
    ...localVoices(dir, ids),
    url: (ref) => `/files/${ref}`,
    urls: async (refs) => refs.map((ref) => `/files/${ref}`),
  };
}

/** Reads a stored local photo for serving: its bytes and type, or null. Photos stored before cleaning keep their own type. */
export function readLocalPhoto(dir: string, id: string): { bytes: Buffer; type: PhotoType } | null {
  if (!ID.test(id)) return null;
  const m = path.join(dir, `${id}.json`);
  if (!existsSync(m)) return null;
  const { type } = JSON.parse(readFileSync(m, 'utf8')) as { type: PhotoType };
  if (!(type in EXT)) return null;
  return { bytes: readFileSync(path.join(dir, `${id}.${EXT[type]}`)), type };
}
