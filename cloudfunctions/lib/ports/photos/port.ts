/** The Photos port's contract, shared by its adapters (local.ts, cloud.ts); it keeps reports' voice notes too (voice.ts). */
import type { Voice } from '../../../../src/core';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS = 9;

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

export interface Photos {
  /** Cleans (clean.ts) and stores an uploaded photo for `ownerId`; local only. Throws PHOTO.* for what is not a photo. */
  put(bytes: Buffer, ownerId: string): Promise<{ id: string; url: string }>;
  /**
   * Checks that every reference may be attached by `ownerId` and answers the references to keep,
   * in the same order: in the cloud, those of the cleaned copies. Throws PHOTO.* otherwise,
   * having written nothing.
   */
  accept(refs: readonly string[], ownerId: string): Promise<string[]>;
  /** Checks (core/reports/voice.ts) and stores an uploaded voice note for `ownerId`; local only. Throws VOICE.* for what is not one. */
  putVoice(bytes: Buffer, ownerId: string): Promise<{ id: string; url: string; seconds: number }>;
  /** Checks that the voice note may be attached by `ownerId` and answers what the report keeps. Throws VOICE.* otherwise, having written nothing. */
  acceptVoice(ref: string, ownerId: string): Promise<Voice>;
  /** What the mini-program shows for a stored reference (in the cloud, the fileID its `<Image>` loads itself). */
  url(ref: string): string;
  /**
   * What a browser (the management page, the h5 pages) shows for stored references, in the same
   * order: locally `/files/<id>`; in the cloud a temporary https address, since a browser cannot
   * load a `cloud://` fileID (one missing from storage stays as it is, and shows as broken).
   */
  urls(refs: readonly string[]): Promise<string[]>;
}
