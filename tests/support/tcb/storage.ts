/**
 * CloudBase storage answered in-process, beside the database answerer, for the unmodified node-sdk:
 * its storage calls are the same API requests as the database's (POST { action: 'storage.…' } to
 * the TCB_CONTEXT_CNFG URL), then a GET of the temporary address getTempFileURL gave, or a PUT to
 * the address getUploadMetadata gave (COS, in the real service). Both addresses point back here.
 */
import { AnswerError, type TcbAnswerer } from './answerer';

export class StorageAnswerer {
  /** Bytes by path inside the bucket ("uploads/per_x/a.jpg"). */
  readonly files = new Map<string, Buffer>();
  /** Every storage action, in order. */
  readonly log: string[] = [];
  readonly bucket: string;
  origin = '';

  constructor(readonly env: string) {
    // What a real bucket id looks like: the env name in hex, the env, an app id.
    this.bucket = `${Buffer.from(env).toString('hex').slice(0, 4)}-${env}-1250000000`;
  }

  fileId(path: string): string {
    return `cloud://${this.env}.${this.bucket}/${path}`;
  }

  /** The path inside this bucket, or null for a fileID of another environment or bucket. */
  pathOf(fileId: string): string | null {
    const prefix = `cloud://${this.env}.${this.bucket}/`;
    return fileId.startsWith(prefix) ? fileId.slice(prefix.length) : null;
  }

  /** What wx.cloud.uploadFile does from the mini-program. */
  upload(path: string, bytes: Buffer): string {
    this.files.set(path, bytes);
    return this.fileId(path);
  }

  answer(action: string, params: Record<string, unknown>): unknown {
    this.log.push(action);
    const requestId = `req-storage-${this.log.length}`;
    switch (action) {
      case 'storage.getUploadMetadata': {
        const path = String(params.path);
        return { requestId, data: { url: `${this.origin}/cos/${path}`, token: 'cos-token', authorization: 'cos-auth', fileId: this.fileId(path), cosFileId: `cos-${path}` } };
      }
      case 'storage.batchGetDownloadUrl': {
        const list = (params.file_list as { fileid: string }[]).map(({ fileid }) => {
          const path = this.pathOf(fileid);
          return path !== null && this.files.has(path)
            ? { fileID: fileid, tempFileURL: `${this.origin}/cos/${path}?sign=temp`, code: 'SUCCESS' }
            : { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
        });
        return { requestId, data: { download_list: list } };
      }
      case 'storage.batchDeleteFile': {
        const list = (params.fileid_list as string[]).map((fileID) => {
          const path = this.pathOf(fileID);
          const found = path !== null && this.files.delete(path);
          return { fileID, code: found ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' };
        });
        return { requestId, data: { delete_list: list } };
      }
      default:
        throw new AnswerError('INVALID_ACTION', `storage answerer: ${action} is not answered`, requestId);
    }
  }
}


/** What the CloudBase runtime injects into a function instance, pointed at `url`. */
export function platformEnv(url: string, env: string): Record<string, string> {
  return {
    // Without the SCF markers node-sdk probes metadata.tencentyun.com to learn where it runs.
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: env,
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: url }),
    TENCENTCLOUD_SECRETID: 'test-id',
    TENCENTCLOUD_SECRETKEY: 'test-key',
    TCB_ENV: env,
  };
}
