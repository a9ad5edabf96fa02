/**
 * A browser's upload straight to the environment's cloud storage: storage.getUploadMetadata signs a
 * PUT of one file at a path we choose, and the management page sends the bytes there itself, so a
 * file never passes through a function's small event. Import spreadsheets (import-files.ts) and
 * lecture pictures (photo-uploads.ts) are sent this way. The bucket's CORS rules must let the
 * management page's origin PUT (README, "Deploy to CloudBase").
 */
import type { ImportUpload } from '../../../src/core';

/** What storage.getUploadMetadata answers: a signed address to PUT one file to, and its fileID. */
export interface UploadMetadata {
  url: string;
  token: string;
  authorization: string;
  fileId: string;
  cosFileId: string;
}

/** node-sdk's getUploadMetadata for one path (entry.ts passes the app's; tests the in-process one). */
export type SignUpload = (cloudPath: string) => Promise<UploadMetadata>;

/**
 * The ticket for a PUT of one file at `cloudPath`, with the headers node-sdk's own uploadFile sends.
 * `file` is the fileID the stored file will have.
 */
export async function signedUpload(sign: SignUpload, cloudPath: string, maxBytes: number): Promise<ImportUpload> {
  const m = await sign(cloudPath);
  if (!m?.url || !m.fileId) throw new Error(`storage getUploadMetadata ${cloudPath} failed`);
  const headers = { Signature: m.authorization, authorization: m.authorization, 'x-cos-security-token': m.token, 'x-cos-meta-fileid': m.cosFileId, key: encodeURIComponent(cloudPath) };
  return { file: m.fileId, url: m.url, method: 'PUT', headers, withToken: false, maxBytes };
}
