/**
 * The OpenData port's phone number: in the cloud, WeChat's answers to phonenumber.getPhoneNumber
 * read as a number or a refusal (never a throw); locally, the stand-in's dev-phone codes, each once,
 * honoured only on a host that simulates WeChat.
 */
import { cloudOpenData, type WxOpenApi } from '../../cloudfunctions/lib/ports/open-data.cloud';
import { localOpenData } from '../../cloudfunctions/lib/ports/open-data';
import type { Logger } from '../../cloudfunctions/lib/ports/logger';

function recordingLog() {
  const lines: { level: string; msg: string; extra?: Record<string, unknown> }[] = [];
  const log: Logger = { info: (msg, extra) => lines.push({ level: 'info', msg, extra }), error: (msg, extra) => lines.push({ level: 'error', msg, extra }) };
  return { log, lines };
}

function answering(res: unknown | Error) {
  const calls: unknown[] = [];
  const app: WxOpenApi = {
    async callWxOpenApi(opts) {
      calls.push(opts);
      if (res instanceof Error) throw res;
      return res;
    },
  };
  return { app, calls };
}

describe('the cloud phone number', () => {
  it('asks phonenumber.getPhoneNumber with the code and answers the pure number', async () => {
    const { app, calls } = answering({ result: { errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: '+86 13812345678', purePhoneNumber: '13812345678', countryCode: '86' } } });
    expect(await cloudOpenData(() => app, recordingLog().log).phoneNumber('abc')).toEqual({ ok: true, phone: '13812345678' });
    expect(calls).toEqual([{ apiName: 'phonenumber.getPhoneNumber', requestData: { code: 'abc' } }]);
  });

  it.each([
    ['an invalid code (40029)', 'invalid', { result: { errcode: 40029, errmsg: 'invalid code' } }],
    ['a used code (40163)', 'used', { result: { errcode: 40163, errmsg: 'code been used' } }],
    ['a used code said only in errmsg', 'used', { result: { errcode: 45011, errmsg: 'code been used, rid: 1' } }],
    ['no quota left (1400001)', 'unavailable', { result: { errcode: 1400001, errmsg: 'quota' } }],
    ['a busy WeChat (-1)', 'unavailable', { result: { errcode: -1, errmsg: 'system error' } }],
    ['the gateway refusing the call', 'unavailable', { code: 'PERMISSION_DENIED', message: 'no openapi permission' }],
    ['a number from abroad', 'unavailable', { result: { errcode: 0, phone_info: { purePhoneNumber: '2025550123', countryCode: '1' } } }],
  ])('reads %s as %s', async (_what, reason, res) => {
    expect(await cloudOpenData(() => answering(res).app, recordingLog().log).phoneNumber('abc')).toEqual({ ok: false, reason });
  });

  it('reads a call that throws as unavailable, and logs it', async () => {
    const { log, lines } = recordingLog();
    expect(await cloudOpenData(() => answering(new Error('ECONNRESET')).app, log).phoneNumber('abc')).toEqual({ ok: false, reason: 'unavailable' });
    expect(lines).toEqual([{ level: 'error', msg: 'phonenumber.getPhoneNumber failed', extra: { error: 'ECONNRESET' } }]);
  });
});

describe('the local stand-in', () => {
  it('trades a dev-phone code once', async () => {
    const od = localOpenData({ devWechat: true });
    expect(await od.phoneNumber('dev-phone:13900001111:x')).toEqual({ ok: true, phone: '13900001111' });
    expect(await od.phoneNumber('dev-phone:13900001111:x')).toEqual({ ok: false, reason: 'used' });
    expect(await od.phoneNumber('dev-phone:13900001111:y')).toEqual({ ok: true, phone: '13900001111' });
    expect(await od.phoneNumber('dev-phone:12345678901:z')).toEqual({ ok: false, reason: 'invalid' });
    expect(await od.phoneNumber('anything else')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('gives no number at all unless the host simulates WeChat', async () => {
    expect(await localOpenData({ devWechat: false }).phoneNumber('dev-phone:13900001111:x')).toEqual({ ok: false, reason: 'unavailable' });
  });
});
