/**
 * The cloud OpenData: phonenumber.getPhoneNumber through @cloudbase/node-sdk's callWxOpenApi (the
 * function's config.json must grant it in permissions.openapi). WeChat's refusals become values;
 * a failed call (a network error, a missing permission) is logged and read as `unavailable`, so the
 * person can still type their number. The group a page was opened in is read by wx-server-sdk
 * (open-data.group.cloud.ts), passed in by the functions that read groups only.
 */
import type { Logger } from './logger';
import { MAINLAND_MOBILE, type GroupAnswer, type OpenData, type PhoneAnswer } from './open-data';

/** The part of a node-sdk app this needs. */
export interface WxOpenApi {
  callWxOpenApi(opts: { apiName: string; requestData: Record<string, unknown> }): Promise<unknown>;
}

interface PhoneNumberResponse {
  errcode?: number;
  errmsg?: string;
  phone_info?: { phoneNumber?: string; purePhoneNumber?: string; countryCode?: string };
}

/** WeChat's errcodes: 40029 an invalid code, 40163 a code already used; 1400001 (out of quota) and the rest: try typing it. */
const INVALID = 40029;
const USED = 40163;

/** What WeChat's answer means for us. */
export function readPhoneAnswer(res: unknown): PhoneAnswer {
  // callWxOpenApi answers { result: <WeChat's JSON> } or, when the gateway refused, { code, message }.
  const result = (res as { result?: PhoneNumberResponse } | null)?.result;
  if (!result || typeof result !== 'object') return { ok: false, reason: 'unavailable' };
  const errcode = result.errcode ?? 0;
  if (errcode === INVALID) return { ok: false, reason: 'invalid' };
  if (errcode === USED || /code\s+(been\s+)?used/i.test(result.errmsg ?? '')) return { ok: false, reason: 'used' };
  if (errcode !== 0) return { ok: false, reason: 'unavailable' };
  const phone = result.phone_info?.purePhoneNumber;
  // A number from abroad is not one the app can take: the person is asked to type one.
  return phone && MAINLAND_MOBILE.test(phone) ? { ok: true, phone } : { ok: false, reason: 'unavailable' };
}

/** A function built without a group reader reading a group is a bug (makeMain's readGroups). */
async function noGroups(): Promise<GroupAnswer> {
  throw new Error('this cloud function was built without a group reader: pass readGroups to makeMain');
}

export function cloudOpenData(app: () => WxOpenApi, log: Logger, groupOf: (cloudID: string) => Promise<GroupAnswer> = noGroups): OpenData {
  return {
    groupOf,
    async phoneNumber(code) {
      let res: unknown;
      try {
        res = await app().callWxOpenApi({ apiName: 'phonenumber.getPhoneNumber', requestData: { code } });
      } catch (e) {
        log.error('phonenumber.getPhoneNumber failed', { error: String((e as Error)?.message ?? e) });
        return { ok: false, reason: 'unavailable' };
      }
      const answer = readPhoneAnswer(res);
      if (!answer.ok && answer.reason === 'unavailable') {
        const r = (res as { result?: PhoneNumberResponse; code?: unknown; message?: unknown } | null) ?? {};
        log.info('phone number unavailable', { errcode: r.result?.errcode ?? r.code ?? null, errmsg: r.result?.errmsg ?? r.message ?? null });
      }
      return answer;
    },
  };
}
