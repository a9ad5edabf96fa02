/**
 * Asking for subscribe messages from a tap (src/services/subscribe.ts) against a stand-in for
 * WeChat's requestSubscribeMessage: what the person answers, what WeChat refuses, and what the
 * helper keeps on the phone between taps.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { answer, resetFake, sentTo } from './support/fake-transport';
import {
  __resetSubscribe,
  askForNotices,
  BANNED_KEY,
  FRESH_MS,
  loadNoticeTemplates,
  SWITCHED_OFF_KEY,
  SWITCHED_OFF_TEXT,
  TEMPLATES_KEY,
  type NoticeMoment,
} from '../../src/services/subscribe';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

type Verdict = 'accept' | 'reject' | 'ban' | 'filter';

/** WeChat's panel: by default the person allows every template asked for. */
const requestSubscribeMessage = jest.fn(async (opts: { tmplIds: string[] }): Promise<Record<string, string>> => ({
  errMsg: 'requestSubscribeMessage:ok',
  ...Object.fromEntries(opts.tmplIds.map((id) => [id, 'accept'])),
}));
/** WeChat's settings: the subscribe-message switch as getSetting reports it. */
const getSetting = jest.fn(async (_opts?: { withSubscriptions?: boolean }) => ({ errMsg: 'getSetting:ok', authSetting: {}, subscriptionsSetting: { mainSwitch: false } }));
const wx = Taro as unknown as Record<string, unknown>;
wx.requestSubscribeMessage = requestSubscribeMessage;
wx.getSetting = getSetting;

const answers = (verdicts: Record<string, Verdict>) =>
  requestSubscribeMessage.mockImplementationOnce(async () => ({ errMsg: 'requestSubscribeMessage:ok', ...verdicts }));
const refuses = (errCode: number, errMsg: string) =>
  requestSubscribeMessage.mockImplementationOnce(async () => {
    throw { errCode, errMsg: `requestSubscribeMessage:fail ${errMsg}` };
  });

const SERVER = {
  reportFiled: ['TPL-RESOLVED', 'TPL-NEEDS-INFO', 'TPL-RESPONDED'],
  reportTaken: ['TPL-ASSIGNED', 'TPL-WARNING'],
  lectureSignUp: [],
  topicVoted: [],
};

/** A page's button whose tap asks first, then does its own work after an await (as filing does). */
function FileButton({ moment, work }: { moment: NoticeMoment; work: () => Promise<void> }) {
  return (
    <button
      type="button"
      onClick={async () => {
        void askForNotices(moment);
        await work();
      }}
    >
      提交
    </button>
  );
}

const envBefore = process.env.TARO_ENV;
beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  resetFake();
  __resetSubscribe();
  answer('messages.noticeTemplates', { ok: true, data: SERVER });
});
afterEach(() => {
  process.env.TARO_ENV = envBefore;
  requestSubscribeMessage.mockReset();
  requestSubscribeMessage.mockImplementation(async (opts) => ({ errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(opts.tmplIds.map((id) => [id, 'accept'])) }));
  getSetting.mockReset();
  getSetting.mockImplementation(async () => ({ errMsg: 'getSetting:ok', authSetting: {}, subscriptionsSetting: { mainSwitch: false } }));
});

describe('asking from the tap', () => {
  it('opens WeChat’s panel inside the tap, before the tap’s own work, with the moment’s templates', async () => {
    await loadNoticeTemplates();
    const order: string[] = [];
    requestSubscribeMessage.mockImplementationOnce(async (opts) => {
      order.push('panel');
      return { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(opts.tmplIds.map((id) => [id, 'accept'])) };
    });
    render(<FileButton moment="reportFiled" work={async () => void order.push('filed')} />);

    fireEvent.click(screen.getByText('提交'));

    // Synchronously: WeChat opens the panel only from the tap's own call stack.
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(requestSubscribeMessage.mock.calls[0][0]).toMatchObject({ tmplIds: ['TPL-RESOLVED', 'TPL-NEEDS-INFO', 'TPL-RESPONDED'] });
    expect(order[0]).toBe('panel');
    // The templates came from the copy on the phone: no network call during the tap.
    expect(sentTo('messages.noticeTemplates')).toHaveLength(1);
  });

  it('says which templates the person allowed', async () => {
    await loadNoticeTemplates();
    expect(await askForNotices('reportTaken')).toEqual({ status: 'answered', asked: ['TPL-ASSIGNED', 'TPL-WARNING'], accepted: ['TPL-ASSIGNED', 'TPL-WARNING'], rejected: [], banned: [], filtered: [] });
  });

  it('takes a refusal as the person’s answer for this time, and asks again at the next moment', async () => {
    await loadNoticeTemplates();
    answers({ 'TPL-RESOLVED': 'accept', 'TPL-NEEDS-INFO': 'reject', 'TPL-RESPONDED': 'reject' });
    expect(await askForNotices('reportFiled')).toMatchObject({ status: 'answered', accepted: ['TPL-RESOLVED'], rejected: ['TPL-NEEDS-INFO', 'TPL-RESPONDED'] });
    expect(await askForNotices('reportFiled')).toMatchObject({ status: 'answered', accepted: ['TPL-RESOLVED', 'TPL-NEEDS-INFO', 'TPL-RESPONDED'] });
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(2);
    expect(Taro.showModal).not.toHaveBeenCalled();
  });

  it('stops asking once the person has switched subscribe messages off (20004), and says once where news goes', async () => {
    await loadNoticeTemplates();
    refuses(20004, 'the main switch is switched off');
    expect(await askForNotices('reportFiled')).toEqual({ status: 'switchedOff', asked: SERVER.reportFiled });
    await Promise.resolve();
    expect(Taro.showModal).toHaveBeenCalledTimes(1);
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: SWITCHED_OFF_TEXT, showCancel: false }));
    expect(SWITCHED_OFF_TEXT).toContain('“消息”');

    expect(await askForNotices('reportTaken')).toEqual({ status: 'skipped', reason: 'switchedOff' });
    __resetSubscribe(); // the app closed and opened again
    await loadNoticeTemplates();
    expect(await askForNotices('reportFiled')).toEqual({ status: 'skipped', reason: 'switchedOff' });
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(Taro.showModal).toHaveBeenCalledTimes(1);
  });

  it('asks again once WeChat’s settings say subscribe messages are on again', async () => {
    Taro.setStorageSync(SWITCHED_OFF_KEY, Date.now());
    getSetting.mockResolvedValueOnce({ errMsg: 'getSetting:ok', authSetting: {}, subscriptionsSetting: { mainSwitch: true } });
    await loadNoticeTemplates();
    expect(getSetting).toHaveBeenCalledWith({ withSubscriptions: true });
    expect(await askForNotices('reportFiled')).toMatchObject({ status: 'answered' });
  });

  it('leaves out a template WeChat has banned, from then on, and still asks for the others', async () => {
    await loadNoticeTemplates();
    answers({ 'TPL-RESOLVED': 'accept', 'TPL-NEEDS-INFO': 'ban', 'TPL-RESPONDED': 'filter' });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await askForNotices('reportFiled')).toMatchObject({ status: 'answered', accepted: ['TPL-RESOLVED'], banned: ['TPL-NEEDS-INFO'], filtered: ['TPL-RESPONDED'] });
    expect(Taro.getStorageSync(BANNED_KEY)).toEqual(['TPL-NEEDS-INFO']);
    await askForNotices('reportFiled');
    expect(requestSubscribeMessage.mock.calls[1][0]).toMatchObject({ tmplIds: ['TPL-RESOLVED', 'TPL-RESPONDED'] });
    expect(Taro.showModal).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('asks for at most 3 templates, whatever the server answered', async () => {
    answer('messages.noticeTemplates', { ok: true, data: { ...SERVER, lectureSignUp: ['T1', 'T2', 'T3', 'T4', 'T5'] } });
    await loadNoticeTemplates();
    await askForNotices('lectureSignUp');
    expect(requestSubscribeMessage.mock.calls[0][0]).toMatchObject({ tmplIds: ['T1', 'T2', 'T3'] });
  });

  it('asks nothing when no template is configured for the moment', async () => {
    await loadNoticeTemplates();
    expect(await askForNotices('lectureSignUp')).toEqual({ status: 'skipped', reason: 'noTemplates' });
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('asks nothing before the templates are known, and fetches them for the next tap', async () => {
    expect(await askForNotices('reportFiled')).toEqual({ status: 'skipped', reason: 'noTemplates' });
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
    await loadNoticeTemplates();
    expect(sentTo('messages.noticeTemplates')).toHaveLength(1);
    expect(await askForNotices('reportFiled')).toMatchObject({ status: 'answered' });
  });

  it('never throws: a refusal from WeChat or a throw inside it is an outcome, and the tap goes on', async () => {
    await loadNoticeTemplates();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    refuses(20001, 'No template data return, verify the template id exist');
    expect(await askForNotices('reportFiled')).toMatchObject({ status: 'failed', errCode: 20001 });
    requestSubscribeMessage.mockImplementationOnce(() => {
      throw new Error('base library too old');
    });
    expect(await askForNotices('reportFiled')).toMatchObject({ status: 'failed', asked: SERVER.reportFiled, errCode: null, errMsg: 'base library too old' });
    expect(await askForNotices('reportFiled')).toMatchObject({ status: 'answered' });
    warn.mockRestore();
  });

  it('does not open a second panel while one is open (a double tap)', async () => {
    await loadNoticeTemplates();
    const first = askForNotices('reportFiled');
    expect(await askForNotices('reportFiled')).toEqual({ status: 'skipped', reason: 'busy' });
    await first;
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
  });

  it('asks again when a panel was never answered (the app sent away mid-panel) a minute later', async () => {
    await loadNoticeTemplates();
    requestSubscribeMessage.mockImplementationOnce(() => new Promise(() => undefined));
    void askForNotices('reportFiled');
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 30_000);
    expect(await askForNotices('reportFiled')).toEqual({ status: 'skipped', reason: 'busy' });
    clock.mockReturnValue(now + 61_000);
    expect(await askForNotices('reportFiled')).toMatchObject({ status: 'answered' });
    clock.mockRestore();
  });
});

describe('the templates kept on the phone', () => {
  it('survives the app closing, and is not fetched again while fresh', async () => {
    await loadNoticeTemplates();
    __resetSubscribe();
    await loadNoticeTemplates();
    expect(sentTo('messages.noticeTemplates')).toHaveLength(1);
    expect(await askForNotices('reportTaken')).toMatchObject({ status: 'answered', asked: SERVER.reportTaken });
  });

  it('is fetched again when stale, and kept when the network fails', async () => {
    Taro.setStorageSync(TEMPLATES_KEY, { templates: { reportFiled: ['TPL-OLD'], reportTaken: [], lectureSignUp: [], topicVoted: [] }, at: Date.now() - FRESH_MS - 1 });
    answer('messages.noticeTemplates', { ok: false, code: 'NETWORK.UNREACHABLE', message: '网络不通' });
    await loadNoticeTemplates();
    expect(sentTo('messages.noticeTemplates')).toHaveLength(1);
    expect(await askForNotices('reportFiled')).toMatchObject({ asked: ['TPL-OLD'] });

    answer('messages.noticeTemplates', { ok: true, data: SERVER });
    await loadNoticeTemplates();
    expect(await askForNotices('reportFiled')).toMatchObject({ asked: SERVER.reportFiled });
  });
});

describe('in a browser (h5)', () => {
  it('does nothing: no panel, no network call', async () => {
    process.env.TARO_ENV = 'h5';
    await loadNoticeTemplates();
    expect(await askForNotices('reportFiled')).toEqual({ status: 'skipped', reason: 'notWeapp' });
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
    expect(sentTo('messages.noticeTemplates')).toHaveLength(0);
  });
});
