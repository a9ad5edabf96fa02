/**
 * The report form's draft (草稿), kept on the phone until the report is filed or the person
 * discards it, so that going back mid-form, or a closed app, loses nothing: building, category,
 * text, place, privacy and photos. One draft a person (a shared browser keeps each person's apart),
 * with the form's client request id, so a draft filed from two places is still one report.
 *
 * Photos. Each photo is uploaded when picked (components/Photos.tsx does the same), so what the
 * report needs is its uploaded id; the draft also keeps something to show it by:
 * - weapp: the picked file's temporary path dies with the app, so it is moved into the
 *   mini-program's saved files (Taro.saveFile, 10 MB for all saved files) when picked, and removed
 *   again when the draft ends. A photo whose upload had not finished is uploaded from that saved file
 *   when the draft is restored.
 * - h5: a browser cannot save a picked file anywhere lasting (its blob: URL dies with the tab, and
 *   localStorage holds strings of a few MB), so an uploaded photo is kept by its id and the server's
 *   address (/files/<id>); one still uploading when the tab closed cannot be kept and is left out.
 */
import Taro from '@tarojs/taro';

export interface DraftPhoto {
  /** The uploaded photo's id (cloud fileID on weapp), or null while its upload has not finished. */
  id: string | null;
  /** What shows it: a saved file (weapp) or the server's address (h5). */
  path: string;
}

export interface ReportDraft {
  requestId: string;
  unitId: string | null;
  category: string | null;
  description: string;
  location: string;
  anonymous: boolean;
  photos: DraftPhoto[];
  savedAt: number;
  /** Why a queued filing was refused when it was retried (services/filing-queue.ts): shown with the draft. */
  problem?: string;
}

const KEY_PREFIX = 'jinlin.reportDraft.';
const keyFor = (personId: string) => `${KEY_PREFIX}${personId}`;

const isWeapp = () => process.env.TARO_ENV === 'weapp';

/** Nothing worth offering back: no category, no words, no place, no photo. */
export function isEmptyDraft(d: Pick<ReportDraft, 'category' | 'description' | 'location' | 'photos'>): boolean {
  return !d.category && !d.description.trim() && !d.location.trim() && d.photos.length === 0;
}

function valid(v: unknown): v is ReportDraft {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Partial<ReportDraft>;
  return (
    typeof d.requestId === 'string' &&
    typeof d.description === 'string' &&
    typeof d.location === 'string' &&
    Array.isArray(d.photos) &&
    d.photos.every((p) => typeof p === 'object' && p !== null && typeof p.path === 'string')
  );
}

/** The person's draft, or null (none, or one this version cannot read). */
export function readDraft(personId: string): ReportDraft | null {
  try {
    const v: unknown = Taro.getStorageSync(keyFor(personId));
    return valid(v) ? v : null;
  } catch {
    return null;
  }
}

/** Keeps the form as it is now; an empty form keeps nothing. */
export function writeDraft(personId: string, draft: Omit<ReportDraft, 'savedAt'>, now = Date.now()): void {
  try {
    if (isEmptyDraft(draft)) Taro.removeStorageSync(keyFor(personId));
    else Taro.setStorageSync(keyFor(personId), { ...draft, savedAt: now });
  } catch {
    // Storage full or refused: the form still works; only the draft is not kept.
  }
}

/**
 * The draft is done with: filed (its report now holds the uploaded photos) or discarded. Its saved
 * photo files are removed too. `requestId`: only the draft of that filing (a later draft stays).
 */
export function endDraft(personId: string, requestId?: string): void {
  const d = readDraft(personId);
  if (requestId && d && d.requestId !== requestId) return;
  try {
    Taro.removeStorageSync(keyFor(personId));
  } catch {
    // As in writeDraft.
  }
  for (const p of d?.photos ?? []) dropPhoto(p.path);
}

/** Notes on the draft why its filing was refused, so the form can say so when it is reopened. */
export function markDraftProblem(personId: string, requestId: string, problem: string): void {
  const d = readDraft(personId);
  if (!d || d.requestId !== requestId) return;
  try {
    Taro.setStorageSync(keyFor(personId), { ...d, problem });
  } catch {
    // As in writeDraft.
  }
}

/**
 * Makes a picked photo outlive the app: on weapp it is moved into the saved files and the saved path
 * is answered (the temporary path is gone after this). Elsewhere, or when saving fails (the 10 MB of
 * saved files are full), the path is answered as it is: the photo is still used now, only not kept.
 */
export async function keepPhoto(tempPath: string): Promise<string> {
  if (!isWeapp()) return tempPath;
  try {
    const res = await Taro.saveFile({ tempFilePath: tempPath });
    return (res as { savedFilePath?: string }).savedFilePath || tempPath;
  } catch {
    return tempPath;
  }
}

/** Removes a saved photo file (weapp) nobody needs any more. */
export function dropPhoto(path: string): void {
  // A path that is no saved file (a temporary one, when saving failed) is refused by WeChat: harmless.
  if (!isWeapp() || !path) return;
  Promise.resolve()
    .then(() => Taro.removeSavedFile({ filePath: path }))
    .catch(() => undefined);
}
