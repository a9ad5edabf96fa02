/**
 * Importing a spreadsheet the way the management page does, through dispatch: where to send the
 * file (importUpload), the bytes to the local host's upload route (here its handler, the local
 * ImportFiles' receive), then preview, commit and importContinue until the job is over.
 */
import type { ImportJobView, ImportKind, ImportPreview, ImportUpload, Result } from '../../../src/core';
import type { Credentials } from '../../../cloudfunctions/lib/identity';
import type { Deps } from '../../../cloudfunctions/lib/deps';

/** What these need of a test's host: dispatch as someone, and the deps (for the upload route's handler). */
interface Caller {
  call<T = unknown>(fn: string, action: string, data: unknown, cred: Credentials): Promise<Result<T>>;
  deps: Deps;
}

export const csvBytes = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\r\n'), 'utf8');

/** The uploaded file's ref, or the refusal of importUpload. */
export async function upload(h: Caller, cred: Credentials, fileName: string, bytes: Buffer): Promise<Result<string>> {
  const t = await h.call<ImportUpload>('management', 'importUpload', { fileName }, cred);
  if (!t.ok) return t;
  const [owner, name] = t.data.file.split('/');
  await h.deps.importFiles.receive!(owner, name, bytes);
  return { ok: true, data: t.data.file };
}

export interface ImportFile {
  kind: ImportKind | string;
  unitId: string;
  fileName: string;
  bytes: Buffer;
}

/** Uploads and previews: the preview (or refusal) and the input the commit repeats. */
export async function previewFile(h: Caller, cred: Credentials, f: ImportFile): Promise<{ preview: Result<ImportPreview>; input: Record<string, unknown> | null }> {
  const up = await upload(h, cred, f.fileName, f.bytes);
  if (!up.ok) return { preview: up, input: null };
  const input = { kind: f.kind, unitId: f.unitId, fileName: f.fileName, file: up.data };
  return { preview: await h.call<ImportPreview>('management', 'importPreview', input, cred), input };
}

/** Follows a job with importContinue until it is over (as the page's progress bar does); every view seen. */
export async function follow(h: Caller, cred: Credentials, jobId: string, maxCalls = 1000): Promise<ImportJobView[]> {
  const seen: ImportJobView[] = [];
  for (let i = 0; i < maxCalls; i++) {
    const r = await h.call<ImportJobView>('management', 'importContinue', { jobId }, cred);
    if (!r.ok) throw new Error(`importContinue: ${r.code} ${r.message}`);
    seen.push(r.data);
    if (r.data.finished) return seen;
  }
  throw new Error(`import ${jobId} not over after ${maxCalls} calls`);
}

/** Upload, preview, commit, follow: the job's last view, or the first refusal. */
export async function importAll(h: Caller, cred: Credentials, f: ImportFile): Promise<Result<ImportJobView>> {
  const { preview, input } = await previewFile(h, cred, f);
  if (!preview.ok) return preview;
  const commit = await h.call<ImportJobView>('management', 'importCommit', { ...input, digest: preview.data.digest }, cred);
  if (!commit.ok) return commit;
  const views = await follow(h, cred, commit.data.id);
  return { ok: true, data: views[views.length - 1] };
}
