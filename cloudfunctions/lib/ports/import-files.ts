/**
 * The ImportFiles port: where a spreadsheet waits between its upload and its import. A file of
 * 20,000 rows does not belong in a function's request (the local host takes 1 MiB of JSON, and a
 * cloud function's event is small), so the browser sends the file first — locally to the host's
 * upload route, kept under the data folder; in the cloud straight to the environment's storage at
 * a signed address — and preview and commit name it. Each file lives under its uploader's id, and
 * only its uploader can read it back.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DomainError, type IdSource, type ImportUpload } from '../../../src/core';
import type { CloudStorage } from './photos/storage';
import { signedUpload, type SignUpload } from './signed-upload';

/** The largest file an import takes: 20,000 rows of .xlsx or .csv are well below it. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export interface ImportFiles {
  /** Where `ownerId` sends a file named like `fileName` (only its extension is kept). */
  ticket(ownerId: string, fileName: string): Promise<ImportUpload>;
  /** The bytes of a file `ownerId` uploaded; null when there is none (or it is someone else's). Throws IMPORT.FILE_TOO_LARGE. */
  read(ref: string, ownerId: string): Promise<Buffer | null>;
  /** Forgets an uploaded file once its import is over; a file already gone is nothing to do. */
  remove(ref: string): Promise<void>;
  /** The local host's upload route: keeps the bytes sent to a ticket's address. Absent in the cloud, where the browser writes to storage. */
  receive?(ownerId: string, name: string, bytes: Buffer): Promise<void>;
}

/** A file's name as a ticket gives it: an id and the extension; nothing that could leave its folder. */
const NAME = /^imf_[0-9a-z_]{1,48}\.(xlsx|csv)$/;
/** Person ids as the store makes them; anything else is not a folder of ours. */
const OWNER = /^[A-Za-z0-9_-]{1,64}$/;

const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv' } as const;
/** The content types the local upload route takes (server/app.ts). */
export const IMPORT_CONTENT_TYPES: readonly string[] = Object.values(MIME);

function newName(ids: IdSource, fileName: string): { name: string; ext: keyof typeof MIME } {
  const ext = /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv';
  return { name: `${ids.next('imf').toLowerCase()}.${ext}`, ext };
}

const tooLarge = () => new DomainError('IMPORT.FILE_TOO_LARGE', undefined, 'file');

/** Locally: `dir/<ownerId>/<name>`; the ref is `<ownerId>/<name>`. */
export function localImportFiles(dir: string, ids: IdSource): ImportFiles {
  const fileOf = (ref: string): string | null => {
    const [owner, name, ...rest] = ref.split('/');
    return rest.length === 0 && OWNER.test(owner ?? '') && NAME.test(name ?? '') ? path.join(dir, owner, name) : null;
  };
  return {
    async ticket(ownerId, fileName) {
      if (!OWNER.test(ownerId)) throw new Error(`import files: bad owner ${JSON.stringify(ownerId).slice(0, 80)}`);
      const { name, ext } = newName(ids, fileName);
      return { file: `${ownerId}/${name}`, url: `/api/imports/${name}`, method: 'POST', headers: { 'Content-Type': MIME[ext] }, withToken: true, maxBytes: MAX_IMPORT_BYTES };
    },
    async read(ref, ownerId) {
      const file = fileOf(ref);
      if (!file || ref.split('/')[0] !== ownerId || !existsSync(file)) return null;
      if (statSync(file).size > MAX_IMPORT_BYTES) throw tooLarge();
      return readFileSync(file);
    },
    async remove(ref) {
      const file = fileOf(ref);
      if (file) rmSync(file, { force: true });
    },
    async receive(ownerId, name, bytes) {
      if (!OWNER.test(ownerId) || !NAME.test(name)) throw new DomainError('IMPORT.FILE_MISSING', undefined, 'file');
      if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge();
      mkdirSync(path.join(dir, ownerId), { recursive: true });
      writeFileSync(path.join(dir, ownerId, name), bytes);
    },
  };
}

/**
 * In the cloud: the environment's storage under imports/<ownerId>/; the ref is the fileID. The
 * browser PUTs the bytes to the address getUploadMetadata signs (signed-upload.ts).
 */
export function cloudImportFiles(storage: CloudStorage, uploadMetadata: SignUpload, ids: IdSource): ImportFiles {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    async ticket(ownerId, fileName) {
      if (!OWNER.test(ownerId)) throw new Error(`import files: bad owner ${JSON.stringify(ownerId).slice(0, 80)}`);
      return signedUpload(uploadMetadata, `imports/${ownerId}/${newName(ids, fileName).name}`, MAX_IMPORT_BYTES);
    },
    async read(ref, ownerId) {
      // Only a file under the caller's own folder: a fileID is not a secret.
      if (!OWNER.test(ownerId) || !new RegExp(`^cloud://[^/]+/imports/${escape(ownerId)}/imf_[0-9a-z_]{1,48}\\.(xlsx|csv)$`).test(ref)) return null;
      const got = await storage.download(ref, MAX_IMPORT_BYTES);
      if (got.kind === 'missing') return null;
      if (got.kind === 'too_large') throw tooLarge();
      return got.bytes;
    },
    async remove(ref) {
      if (ref.startsWith('cloud://')) await storage.remove([ref]);
    },
  };
}
