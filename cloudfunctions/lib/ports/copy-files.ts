/**
 * The CopyFiles port: where a copy of a person's own data (我的信息) waits to be opened from the
 * link sent to their in-app messages. The mini-program cannot save a file a function answers, so the
 * copy is kept and its address handed out, good for a day (OWN_DATA_COPY_TTL_MS). In the cloud the
 * JSON goes to the environment's storage under copies/ and the address is a temporary one that
 * storage itself expires; locally a folder under the data folder, served at /files/copies/<name>
 * until the expiry written beside it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CloudStorage } from './photos/storage';

export interface CopyFiles {
  /** Keeps `bytes` as `name` and answers an address that opens it until `expiresAt` (not after). */
  put(name: string, bytes: Buffer, expiresAt: number, now: number): Promise<string>;
}

/** A copy's name: random, so its address cannot be guessed, and nothing that could leave the folder. */
const NAME = /^cpy_[0-9a-z]{16,40}\.json$/;

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`copy files: bad name ${JSON.stringify(name).slice(0, 60)}`);
  return name;
}

/**
 * Locally: files in `dir` with their expiry beside them; the address is the host's /files/copies/<name>,
 * after `origin` (the address phones reach the host at) so that the link in a message opens elsewhere too.
 */
export function localCopyFiles(dir: string, origin = ''): CopyFiles {
  mkdirSync(dir, { recursive: true });
  return {
    async put(name, bytes, expiresAt) {
      writeFileSync(path.join(dir, checkName(name)), bytes);
      // The expiry last: a copy is served only once it is there.
      writeFileSync(path.join(dir, `${name}.expires`), String(expiresAt));
      return `${origin}/files/copies/${name}`;
    },
  };
}

/** What the local host serves for /files/copies/<name> at `now`: the bytes, or null when missing or expired. */
export function readLocalCopy(dir: string, name: string, now: number): Buffer | null {
  if (!NAME.test(name)) return null;
  const expires = path.join(dir, `${name}.expires`);
  if (!existsSync(expires) || Number(readFileSync(expires, 'utf8')) <= now) return null;
  return readFileSync(path.join(dir, name));
}

/** In the cloud: the environment's storage, under copies/; the address is a temporary one for the time left. */
export function cloudCopyFiles(storage: CloudStorage): CopyFiles {
  return {
    async put(name, bytes, expiresAt, now) {
      const fileID = await storage.upload(`copies/${checkName(name)}`, bytes);
      const [url] = await storage.tempUrls([fileID], Math.max(1, Math.floor((expiresAt - now) / 1000)));
      if (!url) throw new Error(`copy files: no address for ${fileID}`);
      return url;
    },
  };
}
