/**
 * Where a browser sends a photo it means to keep (the management page's lecture picture). Locally
 * the host's photo route (POST /api/photos), which cleans and keeps it and answers its id; in the
 * cloud, where there is no such route, a signed PUT straight to storage (signed-upload.ts, the way
 * an import's spreadsheet goes) under the uploads/<personId>/ folder the mini-program writes to, so
 * the Photos port accepts, reads back and cleans it when the lecture is saved, as it does a report's.
 */
import type { IdSource, PictureUpload } from '../../../src/core';
import { MAX_PHOTO_BYTES, uploadPrefix, type PhotoType } from './photos';
import { signedUpload, type SignUpload } from './signed-upload';

export interface PhotoUploads {
  /** Where `ownerId` sends one photo of `type`. */
  ticket(ownerId: string, type: PhotoType): Promise<PictureUpload>;
}

const EXT: Record<PhotoType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
/** Person ids as the store makes them; anything else is not a folder of ours. */
const OWNER = /^[A-Za-z0-9_-]{1,64}$/;

/** The local host: its photo route, which takes the session token and answers `{ id, url }`. */
export function localPhotoUploads(): PhotoUploads {
  return {
    async ticket(_ownerId, type) {
      return { file: null, url: '/api/photos', method: 'POST', headers: { 'Content-Type': type }, withToken: true, maxBytes: MAX_PHOTO_BYTES };
    },
  };
}

/** The cloud: a signed address for uploads/<ownerId>/<new id>.<ext>; the fileID is the picture to save. */
export function cloudPhotoUploads(sign: SignUpload, ids: IdSource): PhotoUploads {
  return {
    async ticket(ownerId, type) {
      if (!OWNER.test(ownerId)) throw new Error(`photo uploads: bad owner ${JSON.stringify(ownerId).slice(0, 80)}`);
      return signedUpload(sign, `${uploadPrefix(ownerId)}${ids.next('pic').toLowerCase()}.${EXT[type]}`, MAX_PHOTO_BYTES);
    },
  };
}
