/**
 * The CodeFiles port: where a code's drawn image is kept, so it is drawn once. wxacode.getUnlimited
 * is rate-limited, so a poster viewed again reads the kept PNG instead of asking WeChat again. In
 * the cloud the PNG goes to the environment's storage under codes/; locally to a folder.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CloudStorage } from './photos/storage';

export interface CodeFiles {
  /** Keeps `bytes` as `name` (replacing what is there) and answers where: the ref to record. */
  put(name: string, bytes: Buffer): Promise<string>;
  /** The kept bytes, or null when nothing is kept there (any more). */
  get(ref: string): Promise<Buffer | null>;
}

/** A code image's name: the code's id and .png; nothing that could leave the folder. */
const NAME = /^[0-9a-z]{1,32}\.png$/;
/** A drawn code is tens of KB; anything far larger is not one of ours. */
const MAX_BYTES = 2 * 1024 * 1024;

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`code files: bad name ${JSON.stringify(name).slice(0, 60)}`);
  return name;
}

/** Locally: files in `dir`; the ref is the name. */
export function localCodeFiles(dir: string): CodeFiles {
  mkdirSync(dir, { recursive: true });
  return {
    async put(name, bytes) {
      writeFileSync(path.join(dir, checkName(name)), bytes);
      return name;
    },
    async get(ref) {
      if (!NAME.test(ref)) return null;
      const file = path.join(dir, ref);
      return existsSync(file) ? readFileSync(file) : null;
    },
  };
}

/** In the cloud: the environment's storage (nodeSdkStorage), under codes/; the ref is the fileID. */
export function cloudCodeFiles(storage: CloudStorage): CodeFiles {
  return {
    async put(name, bytes) {
      return storage.upload(`codes/${checkName(name)}`, bytes);
    },
    async get(ref) {
      const got = await storage.download(ref, MAX_BYTES);
      if (got.kind === 'missing') return null;
      if (got.kind === 'too_large') throw new Error(`code files: ${ref} is larger than ${MAX_BYTES} bytes`);
      return got.bytes;
    },
  };
}
