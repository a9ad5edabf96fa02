/**
 * The OpenData port: what WeChat tells us about a user that the user cannot type for us. Today the
 * phone number behind <Button openType="getPhoneNumber">: the page gets a one-time code (it works
 * once, for 5 minutes) and the function trades it for the number (phonenumber.getPhoneNumber, in
 * open-data.cloud.ts). Next, the group a card was opened in.
 *
 * Locally there is no WeChat: the stand-in honours codes `dev-phone:<11 digits>:<anything>`, each
 * once, and only on a host started with JINLIN_DEV_WECHAT=1 (the same switch that honours the
 * stand-in OPENID); otherwise it answers every code `unavailable`, which is what WeChat answers
 * when the number cannot be had, so the person types it and it stays unverified.
 */

/** Why no number came back: a code WeChat does not know, one used already, or WeChat could not answer (quota, outage). */
export type PhoneRefusal = 'invalid' | 'used' | 'unavailable';

export type PhoneAnswer = { ok: true; phone: string } | { ok: false; reason: PhoneRefusal };

export interface OpenData {
  /** The mainland number behind a getPhoneNumber code, or why not. Never throws for WeChat's refusals. */
  phoneNumber(code: string): Promise<PhoneAnswer>;
}

/** The only phones the app takes: mainland mobile numbers (as the phone field of the forms). */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

const DEV_CODE = /^dev-phone:(\d{11}):.+$/;

/** Locally and in tests: `dev-phone:<phone>:<nonce>` codes, each once, only when `devWechat`. */
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
  };
}
