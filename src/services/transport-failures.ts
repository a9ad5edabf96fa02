/**
 * Why a call got no answer from its function, told apart so the person knows what to do: the phone
 * has no network (turn it on), the network is too slow (move, try again), or the function itself
 * failed (wait, then tell someone). Every one of these codes starts with `NETWORK.`: a caller may
 * send the same request again (creates carry a client request id, so a retry never files twice).
 */
import { NETWORK_MESSAGE, UPLOAD_FAILED_MESSAGE, type ClientFailure } from './types';

export type NetworkFailureCode = 'NETWORK.OFFLINE' | 'NETWORK.TIMEOUT' | 'NETWORK.FUNCTION_ERROR' | 'NETWORK.UNREACHABLE';

/** What failed to get through: a call to a function, or a photo on its way to storage. */
export type Carrying = 'call' | 'photo';

const MESSAGES: Record<NetworkFailureCode, Record<Carrying, string>> = {
  'NETWORK.OFFLINE': {
    call: '手机没有联网：请打开 Wi-Fi 或手机流量，连上后再试一次',
    photo: '手机没有联网，照片没有传上去：请打开 Wi-Fi 或手机流量，连上后再试',
  },
  'NETWORK.TIMEOUT': {
    call: '网络太慢，等了很久没有回应：请到信号好一点的地方再试一次',
    photo: '网络太慢，照片没有传上去：请到信号好一点的地方再试，或少选几张',
  },
  'NETWORK.FUNCTION_ERROR': {
    call: '服务出了故障，这次没有办成：请过几分钟再试；一直不行，请告诉楼栋长或社区工作人员',
    photo: '存照片的服务出了故障，照片没有传上去：请过几分钟再试',
  },
  // The phone is online and nothing timed out, yet the request never arrived (a server out of reach).
  'NETWORK.UNREACHABLE': {
    call: NETWORK_MESSAGE,
    photo: UPLOAD_FAILED_MESSAGE,
  },
};

export function networkFailure(code: NetworkFailureCode, carrying: Carrying = 'call'): ClientFailure {
  return { ok: false, code, message: MESSAGES[code][carrying] };
}

/** "timeout", "timed out", "time out" (WeChat's and CloudBase's wordings), or 超时. */
const TIMED_OUT = /time(?:d)?\s?out|超时/i;
/** The function ran and failed, or could not be run: CloudBase's execution errors and missing functions. */
const FUNCTION_FAILED = /execut(?:e|ion)|invoke fail|FunctionName|ResourceNotFound|FUNCTION_/i;

/** CloudBase's errCode: on the error object, else written into errMsg ("errCode: -504002 …"). */
function errCodeOf(e: { errCode?: unknown; errMsg?: string; message?: string }): number | null {
  if (typeof e.errCode === 'number') return e.errCode;
  const m = /errCode:\s*(-?\d+)/.exec(`${e.errMsg ?? ''} ${e.message ?? ''}`);
  return m ? Number(m[1]) : null;
}

/**
 * Reads what wx.cloud.callFunction / uploadFile rejected with, once the phone is known to be online:
 * -504003 and any "timed out" is a timeout; -504xxx (the function threw or could not start), -404011
 * (cloud function execution error) and -501xxx (no such function, resource errors) are the function's;
 * anything else ("request:fail", -1) did not reach it.
 */
export function classifyCloudError(error: unknown): Exclude<NetworkFailureCode, 'NETWORK.OFFLINE'> {
  const e = (typeof error === 'object' && error !== null ? error : { errMsg: String(error) }) as { errCode?: unknown; errMsg?: string; message?: string };
  const text = `${e.errMsg ?? ''} ${e.message ?? ''}`;
  const code = errCodeOf(e);
  if (code === -504003 || TIMED_OUT.test(text)) return 'NETWORK.TIMEOUT';
  if (code !== null && (Math.trunc(code / 1000) === -504 || code === -404011 || Math.trunc(code / 1000) === -501)) return 'NETWORK.FUNCTION_ERROR';
  if (FUNCTION_FAILED.test(text)) return 'NETWORK.FUNCTION_ERROR';
  return 'NETWORK.UNREACHABLE';
}
