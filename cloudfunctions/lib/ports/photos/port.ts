/** The Photos port's contract, shared by its adapters (local.ts, cloud.ts). */

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
  /** What a client shows for a stored reference. */
  url(ref: string): string;
}
