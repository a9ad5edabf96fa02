import { randomBytes } from 'node:crypto';
import type { Clock, IdSource } from '../../src/core';
import type { Store } from './store/port';
import { inAppNotifier, type Notifier } from './ports/notifier';
import type { Logger } from './ports/logger';
import { qrCodeImage, type CodeImage } from './ports/code-image';
import { localCodeFiles, type CodeFiles } from './ports/code-files';
import { localCopyFiles, type CopyFiles } from './ports/copy-files';
import { localPhotos, type Photos } from './ports/photos';
import { localImportFiles, type ImportFiles } from './ports/import-files';
import { localPhotoUploads, type PhotoUploads } from './ports/photo-uploads';
import { localOpenData, type OpenData } from './ports/open-data';
import { storeCalendars, type StreetCalendars } from './street-calendars';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Settings {
  /** How long a web session lasts. */
  sessionTtlMs: number;
}

/** Everything a use-case may touch. Built once per process (server) or per warm instance (cloud). */
export interface Deps {
  store: Store;
  clock: Clock;
  ids: IdSource;
  settings: Settings;
  log: Logger;
  /** Tells people what happened: the in-app list always, WeChat subscribe messages in the cloud. */
  notifier: Notifier;
  /** Scannable codes that open a mini-program page. */
  codeImage: CodeImage;
  /** Where drawn codes are kept: each is drawn once (wxacode.getUnlimited is rate-limited). */
  codeFiles: CodeFiles;
  /** Where a copy of a person's own data waits for the link sent to their messages (a day). */
  copyFiles: CopyFiles;
  /** Where report photos are kept. */
  photos: Photos;
  /** Where a browser sends a photo it means to keep (a lecture's picture from the management page). */
  photoUploads: PhotoUploads;
  /** Where a spreadsheet waits between its upload and its import. */
  importFiles: ImportFiles;
  /** What WeChat tells about a user (the phone number behind getPhoneNumber); a stand-in locally. */
  openData: OpenData;
  /** Working days for deadlines: each street's calendar (its entered years, then chinese-days). */
  calendars: StreetCalendars;
}

export const systemClock: Clock = { now: () => Date.now() };

// Random bits for ids are drawn a block at a time: one randomBytes call per 512 ids, not per id.
let pool = Buffer.alloc(0);
let poolAt = 0;
function random64(): bigint {
  if (poolAt + 8 > pool.length) {
    pool = randomBytes(4096);
    poolAt = 0;
  }
  const v = pool.readBigUInt64BE(poolAt);
  poolAt += 8;
  return v;
}

/** Time-ordered ids: base36 milliseconds then 10 random base36 characters. */
export const randomIds: IdSource = {
  next(prefix = 'id') {
    const rand = random64().toString(36).padStart(13, '0').slice(0, 10);
    return `${prefix}_${Date.now().toString(36)}${rand}`;
  },
};

export const consoleLogger: Logger = {
  info(msg, extra) {
    console.log(JSON.stringify({ level: 'info', msg, ...extra }));
  },
  error(msg, extra) {
    console.error(JSON.stringify({ level: 'error', msg, ...extra }));
  },
};

export const silentLogger: Logger = { info() {}, error() {} };

export const DEFAULT_SETTINGS: Settings = {
  sessionTtlMs: 12 * 3600_000,
};

/**
 * Deps with the defaults of the local host: system clock, random ids, in-app messages only, QR
 * codes pointing at `publicUrl`. Entries and tests override what they need.
 */
export function makeDeps(store: Store, over: Partial<Omit<Deps, 'store'>> & { publicUrl?: string } = {}): Deps {
  const clock = over.clock ?? systemClock;
  const ids = over.ids ?? randomIds;
  return {
    store,
    clock,
    ids,
    settings: over.settings ?? DEFAULT_SETTINGS,
    log: over.log ?? consoleLogger,
    notifier: over.notifier ?? inAppNotifier(store, clock, ids),
    codeImage: over.codeImage ?? qrCodeImage(over.publicUrl ?? 'http://127.0.0.1:8787'),
    photos: over.photos ?? localPhotos(path.join(tmpdir(), 'jinlin-photos'), ids),
    photoUploads: over.photoUploads ?? localPhotoUploads(),
    codeFiles: over.codeFiles ?? localCodeFiles(path.join(tmpdir(), 'jinlin-codes')),
    copyFiles: over.copyFiles ?? localCopyFiles(path.join(tmpdir(), 'jinlin-copies')),
    importFiles: over.importFiles ?? localImportFiles(path.join(tmpdir(), 'jinlin-imports'), ids),
    calendars: over.calendars ?? storeCalendars(store, clock),
    // Phone codes are honoured locally only when the host simulates WeChat (JINLIN_DEV_WECHAT=1).
    openData: over.openData ?? localOpenData({ devWechat: process.env.JINLIN_DEV_WECHAT === '1' }),
  };
}
