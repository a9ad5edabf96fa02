/**
 * Voice notes, kept the way photos are (the same port, its two adapters): locally the host receives
 * the bytes (POST /api/voices) and keeps them under the data folder beside a small JSON naming their
 * owner; in the cloud the mini-program uploads to uploads/<personId>/ and the report's function reads
 * the file back, checks it (core/reports/voice.ts: the type from its bytes, its length measured) and
 * copies it under voices/<personId>/, a path the mini-program never writes, so the bytes a handler
 * plays are the ones that were checked. Unlike a photo nothing is re-encoded: audio carries no
 * position, and the formats allowed are the ones every client plays.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DomainError, readVoice, VOICE_BYTES_MAX, VOICE_EXT, VOICE_TYPES, type IdSource, type Voice, type VoiceType } from '../../../../src/core';
import type { Logger } from '../logger';
import type { Photos } from './port';
import type { CloudStorage } from './storage';

type VoicePart = Pick<Photos, 'putVoice' | 'acceptVoice'>;

const LOCAL_ID = /^voc_[a-z0-9]{10,40}$/;

/** The local host's voice notes: `<id>.<ext>` with `<id>.json` beside it. */
export function localVoices(dir: string, ids: IdSource): VoicePart {
  const meta = (id: string) => path.join(dir, `${id}.json`);
  return {
    async putVoice(bytes, ownerId) {
      // Checked before anything is written: a refused file leaves nothing behind.
      const voice = readVoice(bytes);
      const id = ids.next('voc').toLowerCase();
      writeFileSync(path.join(dir, `${id}.${VOICE_EXT[voice.type]}`), bytes);
      writeFileSync(meta(id), JSON.stringify({ owner: ownerId, type: voice.type, size: voice.size, seconds: voice.seconds }));
      return { id, url: `/files/${id}`, seconds: voice.seconds };
    },
    async acceptVoice(ref, ownerId) {
      if (!LOCAL_ID.test(ref) || !existsSync(meta(ref))) throw new DomainError('VOICE.NOT_FOUND', undefined, 'voice');
      const m = JSON.parse(readFileSync(meta(ref), 'utf8')) as { owner: string; type: VoiceType; size: number; seconds: number };
      if (m.owner !== ownerId) throw new DomainError('VOICE.NOT_FOUND', undefined, 'voice');
      return { file: ref, seconds: m.seconds, size: m.size, type: m.type, heard: null };
    },
  };
}

/** A stored local voice note for serving: its bytes and type, or null. */
export function readLocalVoice(dir: string, id: string): { bytes: Buffer; type: VoiceType } | null {
  if (!LOCAL_ID.test(id)) return null;
  const m = path.join(dir, `${id}.json`);
  if (!existsSync(m)) return null;
  const { type } = JSON.parse(readFileSync(m, 'utf8')) as { type: VoiceType };
  if (!VOICE_TYPES.includes(type)) return null;
  return { bytes: readFileSync(path.join(dir, `${id}.${VOICE_EXT[type]}`)), type };
}

/** cloud://<env>.<bucket>/<path>, as photos/cloud.ts reads it. */
const FILE_ID = /^cloud:\/\/([A-Za-z0-9-]{1,64})\.([A-Za-z0-9-]{1,128})\/([A-Za-z0-9/_.-]{1,200})$/;
const NAME = /^[A-Za-z0-9_-]{1,64}\.(?:mp3|aac|m4a)$/i;

/** The cloud's voice notes, over the same storage photos use. `env` answers this environment's id. */
export function cloudVoices(storage: CloudStorage, env: () => string, uploadPrefix: (personId: string) => string, log: Logger): VoicePart {
  return {
    async putVoice() {
      throw new Error('in the cloud voice notes are uploaded by the mini-program with wx.cloud.uploadFile');
    },
    async acceptVoice(ref, ownerId) {
      const m = FILE_ID.exec(ref);
      if (!m) throw new DomainError('VOICE.NOT_FOUND', undefined, 'voice');
      const [, fileEnv, bucket, filePath] = m;
      const prefix = uploadPrefix(ownerId);
      const name = filePath.slice(prefix.length);
      if (fileEnv !== env() || !filePath.startsWith(prefix) || !NAME.test(name)) throw new DomainError('VOICE.NOT_YOURS', undefined, 'voice');
      const keptPath = `voices/${ownerId}/${name}`;
      const keptId = `cloud://${fileEnv}.${bucket}/${keptPath}`;
      let got = await storage.download(ref, VOICE_BYTES_MAX);
      let fresh = true;
      if (got.kind === 'missing') {
        // A retried request: the upload was checked and copied before; the copy is what is kept.
        got = await storage.download(keptId, VOICE_BYTES_MAX);
        fresh = false;
      }
      if (got.kind === 'too_large') throw new DomainError('VOICE.TOO_LARGE', undefined, 'voice');
      if (got.kind === 'missing') throw new DomainError('VOICE.NOT_FOUND', undefined, 'voice');
      const voice = readVoice(got.bytes);
      if (!fresh) return { file: keptId, ...voice };
      const file = await storage.upload(keptPath, got.bytes);
      await storage.remove([ref]).catch((e) => log.error('voices: removing a copied upload failed', { fileID: ref, error: String(e) }));
      return { file, ...voice };
    },
  };
}

export type { Voice };
