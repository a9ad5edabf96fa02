/**
 * The Photos port: where report photos live, and what makes bytes a photo we keep. Locally the host
 * receives the bytes (POST /api/photos) and keeps a cleaned copy under the data folder
 * (photos/local.ts); in the cloud the mini-program uploads straight to cloud storage and the
 * function that links a photo to a report cleans it there (photos/cloud.ts). Cleaning itself, in
 * both: photos/clean.ts.
 */
export { MAX_PHOTO_BYTES, MAX_PHOTOS, type Photos, type PhotoType } from './photos/port';
export { cleanPhoto, MAX_INPUT_PIXELS, MAX_SIDE, sniffImage } from './photos/clean';
export { localPhotos, readLocalPhoto } from './photos/local';
export { readLocalVoice } from './photos/voice';
export { cloudPhotos, uploadPrefix, type CloudPhotosOptions } from './photos/cloud';
export { nodeSdkStorage, type CloudStorage, type Download } from './photos/storage';
