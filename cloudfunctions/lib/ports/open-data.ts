/**
 * The OpenData port: what WeChat tells us about a user that the user cannot type for us. Today the
 * phone number behind <Button openType="getPhoneNumber">: the page gets a one-time code (it works
 * once, for 5 minutes) and the function trades it for the number (phonenumber.getPhoneNumber, in
 * open-data.cloud.ts). And the group a page was opened in: getGroupEnterInfo gives the page a
 * cloudID (valid 5 minutes) that the function trades for the group's openGId (wx-server-sdk's
 * getOpenData, in open-data.group.cloud.ts, which only the functions that read groups load).
 *
 * Locally there is no WeChat: the stand-in honours codes `dev-phone:<11 digits>:<anything>`, each
 * once, and cloudIDs `dev-group:<openGId>:<anything>` (and `dev-group-expired:<anything>`, an
 * expired one), only on a host started with JINLIN_DEV_WECHAT=1 (the same switch that honours the
 * stand-in OPENID); otherwise it answers every code and cloudID `unavailable`, which is what WeChat
 * answers when it cannot tell: the person types their number, or chooses their building.
 */

/** Why no number came back: a code WeChat does not know, one used already, or WeChat could not answer (quota, outage). */
export type PhoneRefusal = 'invalid' | 'used' | 'unavailable';

export type PhoneAnswer = { ok: true; phone: string } | { ok: false; reason: PhoneRefusal };

/** Why no group came back: a cloudID past its 5 minutes, one WeChat does not know (or not this caller's), or WeChat could not answer. */
export type GroupRefusal = 'expired' | 'invalid' | 'unavailable';

export type GroupAnswer = { ok: true; openGId: string } | { ok: false; reason: GroupRefusal };

export interface OpenData {
  /** The mainland number behind a getPhoneNumber code, or why not. Never throws for WeChat's refusals. */
  phoneNumber(code: string): Promise<PhoneAnswer>;
  /** The openGId behind getGroupEnterInfo's cloudID, or why not. Never throws for WeChat's refusals. */
  groupOf(cloudID: string): Promise<GroupAnswer>;
}

/** The only phones the app takes: mainland mobile numbers (as the phone field of the forms). */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

const DEV_CODE = /^dev-phone:(\d{11}):.+$/;
/** An openGId as the stand-in takes it: WeChat's are base64url-like, about 28 characters. */
const DEV_GROUP = /^dev-group:([A-Za-z0-9_-]{1,64}):.+$/;
const DEV_GROUP_EXPIRED = /^dev-group-expired:/;

/**
 * Locally and in tests, only when `devWechat`: `dev-phone:<phone>:<nonce>` codes, each once; and
 * `dev-group:<openGId>:<nonce>` cloudIDs, as often as asked (WeChat's work until they expire),
 * `dev-group-expired:<…>` answering `expired`.
 */
export function localOpenData(opts: { devWechat: boolean }): OpenData {
  const used = new Set<string>();
  return {
    async phoneNumber(code) {
      if (!opts.devWechat) return { ok: false, reason: 'unavailable' };
      const m = DEV_CODE.exec(code);
      if (!m || !MAINLAND_MOBILE.test(m[1])) return { ok: false, reason: 'invalid' };
      if (used.has(code)) return { ok: false, reason: 'used' };
      used.add(code);
      return { ok: true, phone: m[1] };
    },
    async groupOf(cloudID) {
      if (!opts.devWechat) return { ok: false, reason: 'unavailable' };
      if (DEV_GROUP_EXPIRED.test(cloudID)) return { ok: false, reason: 'expired' };
      const m = DEV_GROUP.exec(cloudID);
      return m ? { ok: true, openGId: m[1] } : { ok: false, reason: 'invalid' };
    },
  };
}
