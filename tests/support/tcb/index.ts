/**
 * Plugs a TcbAnswerer into the unmodified node-sdk.
 *
 * Every database call goes through `Db.reqClass` (@cloudbase/database), and node-sdk's
 * `app.database()` assigns its HTTP requester to that static each time it is called. So the
 * answerer is installed as an accessor that always returns its own request class and ignores
 * those assignments, until `uninstall()`. The class is process-wide: one answerer at a time.
 */
import path from 'node:path';
import type { Db as DbClass } from '@cloudbase/database';
import type { TcbAnswerer } from './answerer';

export { AnswerError, DEFAULT_LIMIT, MAX_LIMIT, TcbAnswerer, type AnswererOptions, type Doc, type IndexSpec } from './answerer';

/** The Db class of the very @cloudbase/database copy that node-sdk loads. */
function sdkDb(): typeof DbClass {
  const sdkDir = path.dirname(require.resolve('@cloudbase/node-sdk'));
  return require(require.resolve('@cloudbase/database', { paths: [sdkDir] })).Db;
}

export function installAnswerer(answerer: TcbAnswerer): () => void {
  const Db = sdkDb();
  const previous = Object.getOwnPropertyDescriptor(Db, 'reqClass');
  class AnswererRequest {
    constructor(readonly config: unknown) {}
    send(action: string, params?: Record<string, unknown>): Promise<unknown> {
      return answerer.send(action, params ?? {});
    }
  }
  Object.defineProperty(Db, 'reqClass', {
    configurable: true,
    get: () => AnswererRequest,
    set: () => {
      /* node-sdk's app.database() re-assigns its HTTP requester: keep answering in-process */
    },
  });
  return () => {
    if (previous) Object.defineProperty(Db, 'reqClass', previous);
    else delete (Db as { reqClass?: unknown }).reqClass;
  };
}
