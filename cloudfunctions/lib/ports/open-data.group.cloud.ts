/**
 * The cloud side of OpenData's groupOf: wx-server-sdk's `cloud.getOpenData({ list: [cloudID] })`,
 * which trades getGroupEnterInfo's cloudID for `{ cloudID, data: { openGId, watermark } }`, or for
 * `{ cloudID, errCode, errMsg }` when WeChat will not (the whole call may also reject with an
 * errCode). Kept apart from open-data.cloud.ts so that only the functions that read groups (through
 * makeMain's readGroups option) import it, and wx-server-sdk (external, bundled beside those
 * functions: config/build-functions.mjs) is required on the first group read only.
 *
 * WeChat's refusals become values; anything else (a network error, a missing permission, an
 * answer of another shape) is logged and read as `unavailable`: the person chooses their building.
 */
import type { Logger } from './logger';
import type { GroupAnswer } from './open-data';

/** The part of wx-server-sdk this needs. */
export interface WxServerOpenData {
  getOpenData(param: { list: string[] }): Promise<unknown>;
}

export type GroupReader = (cloudID: string) => Promise<GroupAnswer>;

/** wx-server-sdk's errCodes for a cloudID (its config/error.config: WX_CLOUDID_EXPIRED and its neighbours). */
const EXPIRED = -601006;
const INVALID = -601005;
/** A cloudID another user's page was given: for us, one we cannot read. */
const NOT_THE_CALLERS = -601007;

interface Failed {
  errCode?: unknown;
  errMsg?: unknown;
}

function refusalOf(errCode: unknown): GroupAnswer {
  if (errCode === EXPIRED) return { ok: false, reason: 'expired' };
  if (errCode === INVALID || errCode === NOT_THE_CALLERS) return { ok: false, reason: 'invalid' };
  return { ok: false, reason: 'unavailable' };
}

/** What getOpenData's answer for one cloudID means for us. */
export function readGroupAnswer(res: unknown): GroupAnswer {
  const item = (res as { list?: unknown } | null)?.list;
  const first = Array.isArray(item) ? (item[0] as (Failed & { data?: { openGId?: unknown } }) | undefined) : undefined;
  if (!first || typeof first !== 'object') return { ok: false, reason: 'unavailable' };
  if (first.errCode !== undefined && first.errCode !== 0) return refusalOf(first.errCode);
  const openGId = first.data?.openGId;
  return typeof openGId === 'string' && openGId.length > 0 ? { ok: true, openGId } : { ok: false, reason: 'unavailable' };
}

/** What WeChat said, for the log: never the cloudID's data. */
function said(x: unknown): { errCode: unknown; errMsg: unknown } {
  const f = (x ?? {}) as Failed;
  return { errCode: f.errCode ?? null, errMsg: typeof f.errMsg === 'string' ? f.errMsg.slice(0, 200) : (f.errMsg ?? null) };
}

export function cloudGroupReader(sdk: () => WxServerOpenData, log: Logger): GroupReader {
  return async (cloudID) => {
    let res: unknown;
    try {
      res = await sdk().getOpenData({ list: [cloudID] });
    } catch (e) {
      const answer = refusalOf((e as Failed | null)?.errCode);
      if (answer.ok === false && answer.reason === 'unavailable') log.error('getOpenData failed', { ...said(e), error: String((e as Error)?.message ?? e).slice(0, 200) });
      else log.info('group not read', { reason: answer.ok ? null : answer.reason, ...said(e) });
      return answer;
    }
    const answer = readGroupAnswer(res);
    if (!answer.ok) {
      const first = Array.isArray((res as { list?: unknown } | null)?.list) ? (res as { list: unknown[] }).list[0] : res;
      log.info('group not read', { reason: answer.reason, ...said(first) });
    }
    return answer;
  };
}

/** The group reader of a deployed function: wx-server-sdk, required and initialised on the first read. */
export function wxServerGroups(log: Logger): GroupReader {
  let sdk: WxServerOpenData | null = null;
  return cloudGroupReader(() => {
    if (!sdk) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const cloud = require('wx-server-sdk');
      cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
      sdk = cloud as WxServerOpenData;
    }
    return sdk;
  }, log);
}
