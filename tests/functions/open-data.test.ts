/**
 * The OpenData port's phone number: in the cloud, WeChat's answers to phonenumber.getPhoneNumber
 * read as a number or a refusal (never a throw); locally, the stand-in's dev-phone codes, each once,
 * honoured only on a host that simulates WeChat. And the group a page was opened in: in the cloud,
 * wx-server-sdk's getOpenData (a stand-in for the package here) read as an openGId or a refusal;
 * locally, dev-group cloudIDs under the same switch.
 */
import { cloudOpenData, type WxOpenApi } from '../../cloudfunctions/lib/ports/open-data.cloud';
import { cloudGroupReader, wxServerGroups, type WxServerOpenData } from '../../cloudfunctions/lib/ports/open-data.group.cloud';
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

describe('the cloud group', () => {
  /** A stand-in for wx-server-sdk's getOpenData, answering (or throwing) `res`. */
  function sdkAnswering(res: unknown, thrown = false) {
    const calls: unknown[] = [];
    const sdk: WxServerOpenData = {
      async getOpenData(param) {
        calls.push(param);
        if (thrown) throw res;
        return res;
      },
    };
    return { sdk, calls };
  }
  /** wx-server-sdk rejects with an Error carrying WeChat's errCode (its returnAsFinalCloudSDKError). */
  const sdkError = (errCode: number, errMsg: string) => Object.assign(new Error(`errCode: ${errCode} | errMsg: ${errMsg}`), { errCode, errMsg });

  it('asks getOpenData for the one cloudID and answers the openGId', async () => {
    const { sdk, calls } = sdkAnswering({ errCode: 0, errMsg: 'getOpenData:ok', list: [{ cloudID: 'c-1', data: { openGId: 'tG123abc', watermark: { appid: 'wx1', timestamp: 1 } } }] });
    const { log, lines } = recordingLog();
    expect(await cloudGroupReader(() => sdk, log)('c-1')).toEqual({ ok: true, openGId: 'tG123abc' });
    expect(calls).toEqual([{ list: ['c-1'] }]);
    expect(lines).toEqual([]);
  });

  it.each([
    ['an expired cloudID (-601006)', 'expired', { list: [{ cloudID: 'c-1', errCode: -601006, errMsg: 'cloudID expired.' }] }],
    ['an invalid cloudID (-601005)', 'invalid', { list: [{ cloudID: 'c-1', errCode: -601005, errMsg: 'invalid cloudID' }] }],
    ['another user’s cloudID (-601007)', 'invalid', { list: [{ cloudID: 'c-1', errCode: -601007, errMsg: 'cloudID and calling user does not match' }] }],
    ['a busy WeChat (-601001)', 'unavailable', { list: [{ cloudID: 'c-1', errCode: -601001, errMsg: 'system error' }] }],
    ['open data of another kind', 'unavailable', { list: [{ cloudID: 'c-1', data: { stepInfoList: [] } }] }],
    ['an empty list', 'unavailable', { list: [] }],
    ['no answer at all', 'unavailable', undefined],
  ])('reads %s as %s, and logs why', async (_what, reason, res) => {
    const { log, lines } = recordingLog();
    expect(await cloudGroupReader(() => sdkAnswering(res).sdk, log)('c-1')).toEqual({ ok: false, reason });
    expect(lines).toEqual([{ level: 'info', msg: 'group not read', extra: expect.objectContaining({ reason }) }]);
  });

  it('reads a rejected call by its errCode, never a throw', async () => {
    const { log, lines } = recordingLog();
    expect(await cloudGroupReader(() => sdkAnswering(sdkError(-601006, 'cloudID expired.'), true).sdk, log)('c-1')).toEqual({ ok: false, reason: 'expired' });
    expect(lines).toEqual([{ level: 'info', msg: 'group not read', extra: { reason: 'expired', errCode: -601006, errMsg: 'cloudID expired.' } }]);
  });

  it('reads a call that fails otherwise (network, permission) as unavailable, and logs it as an error', async () => {
    const { log, lines } = recordingLog();
    expect(await cloudGroupReader(() => sdkAnswering(sdkError(-601004, 'api permission denied'), true).sdk, log)('c-1')).toEqual({ ok: false, reason: 'unavailable' });
    expect(await cloudGroupReader(() => sdkAnswering(new Error('ECONNRESET'), true).sdk, log)('c-1')).toEqual({ ok: false, reason: 'unavailable' });
    expect(lines.map((l) => [l.level, l.msg, l.extra?.errCode])).toEqual([
      ['error', 'getOpenData failed', -601004],
      ['error', 'getOpenData failed', null],
    ]);
  });

  it('requires wx-server-sdk on the first read only, initialised once for the calling environment', async () => {
    const init = jest.fn();
    const getOpenData = jest.fn(async () => ({ list: [{ cloudID: 'c', data: { openGId: 'tGfromSdk' } }] }));
    let required = 0;
    jest.doMock('wx-server-sdk', () => {
      required++;
      return { DYNAMIC_CURRENT_ENV: Symbol.for('current'), init, getOpenData };
    });
    try {
      let read!: ReturnType<typeof wxServerGroups>;
      jest.isolateModules(() => {
        read = (require('../../cloudfunctions/lib/ports/open-data.group.cloud') as typeof import('../../cloudfunctions/lib/ports/open-data.group.cloud')).wxServerGroups(recordingLog().log);
      });
      expect(required).toBe(0);
      expect(await read('c-1')).toEqual({ ok: true, openGId: 'tGfromSdk' });
      expect(await read('c-2')).toEqual({ ok: true, openGId: 'tGfromSdk' });
      expect(required).toBe(1);
      expect(init).toHaveBeenCalledTimes(1);
      expect(init).toHaveBeenCalledWith({ env: Symbol.for('current') });
      expect(getOpenData.mock.calls).toEqual([[{ list: ['c-1'] }], [{ list: ['c-2'] }]]);
    } finally {
      jest.dontMock('wx-server-sdk');
    }
  });

  it('is a bug in a function built without a group reader, not a refusal', async () => {
    await expect(cloudOpenData(() => answering({}).app, recordingLog().log).groupOf('c-1')).rejects.toThrow(/readGroups/);
  });

  it('is the function’s group reader when it has one', async () => {
    const od = cloudOpenData(() => answering({}).app, recordingLog().log, async (c) => ({ ok: true, openGId: `g-${c}` }));
    expect(await od.groupOf('c-1')).toEqual({ ok: true, openGId: 'g-c-1' });
  });
});

describe('the local stand-in’s groups', () => {
  it('reads dev-group cloudIDs as often as asked, an expired one as expired, anything else as invalid', async () => {
    const od = localOpenData({ devWechat: true });
    expect(await od.groupOf('dev-group:tGabc_1-2:x')).toEqual({ ok: true, openGId: 'tGabc_1-2' });
    expect(await od.groupOf('dev-group:tGabc_1-2:x')).toEqual({ ok: true, openGId: 'tGabc_1-2' });
    expect(await od.groupOf('dev-group-expired:x')).toEqual({ ok: false, reason: 'expired' });
    expect(await od.groupOf('dev-group::x')).toEqual({ ok: false, reason: 'invalid' });
    expect(await od.groupOf('dev-group:tG abc:x')).toEqual({ ok: false, reason: 'invalid' });
    expect(await od.groupOf('a real cloudID')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('reads no group at all unless the host simulates WeChat', async () => {
    expect(await localOpenData({ devWechat: false }).groupOf('dev-group:tGabc:x')).toEqual({ ok: false, reason: 'unavailable' });
  });
});
