import { inAppNotifier, keywordValue, parseTemplates, subscribeRequest, wechatNotifier, type SubscribeRequest } from '../../cloudfunctions/lib/ports/notifier';
import { checkCodeRequest, miniProgramCodeImage, qrCodeImage } from '../../cloudfunctions/lib/ports/code-image';
import { DomainError } from '../../src/core';
import { harness, type Harness } from '../support/harness';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('Notifier', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  const templates = parseTemplates(JSON.stringify({ 'report.assigned': { templateId: 'TPL-1', data: { thing1: 'title', time2: 'time', thing3: 'building' } } }));

  async function withOpenid(username: string, openid: string) {
    const p = (await h.store.people.findByUsername(username))!;
    const copy = { ...p, id: `${p.id}_wx`, username: null, openid };
    await h.store.people.insert(copy, null);
    return copy;
  }

  it('sends a subscribe message shaped for WeChat, after the in-app message', async () => {
    const lead = await withOpenid('louzhang', 'o-lead');
    const sent: SubscribeRequest[] = [];
    const notifier = wechatNotifier({
      inApp: inAppNotifier(h.store, h.clock, h.deps.ids),
      store: h.store,
      clock: h.clock,
      log: h.deps.log,
      templates,
      send: async (r) => {
        sent.push(r);
      },
    });
    await notifier.notify({ personId: lead.id, kind: 'report.assigned', title: '幸福里小区1号楼电梯停运，老人下不了楼，请尽快处理', body: '…', page: 'pages/index/index', fields: { building: '1号楼' } });
    expect(sent).toEqual([
      {
        touser: 'o-lead',
        template_id: 'TPL-1',
        page: 'pages/index/index',
        data: { thing1: { value: '幸福里小区1号楼电梯停运，老人下不了楼…' }, time2: { value: '2026-11-23 09:00' }, thing3: { value: '1号楼' } },
      },
    ]);
    expect([...sent[0].data.thing1.value]).toHaveLength(20);
    expect(await h.store.messages.countUnread(lead.id)).toBe(1);
  });

  it('keeps the in-app message when WeChat refuses, and sends nothing without a template or an openid', async () => {
    const lead = await withOpenid('louzhang', 'o-lead');
    const noWx = (await h.store.people.findByUsername('jumin'))!;
    const logged: unknown[] = [];
    let calls = 0;
    const notifier = wechatNotifier({
      inApp: inAppNotifier(h.store, h.clock, h.deps.ids),
      store: h.store,
      clock: h.clock,
      log: { info: (_m, extra) => logged.push(extra), error() {} },
      templates,
      send: async () => {
        calls++;
        throw new Error('43101 user refuse to accept the msg');
      },
    });
    await notifier.notify({ personId: lead.id, kind: 'report.assigned', title: 't', body: 'b' });
    await notifier.notify({ personId: lead.id, kind: 'report.unknown', title: 't', body: 'b' });
    await notifier.notify({ personId: noWx.id, kind: 'report.assigned', title: 't', body: 'b' });
    expect(calls).toBe(1);
    expect(JSON.stringify(logged)).toContain('43101');
    expect(await h.store.messages.countUnread(lead.id)).toBe(2);
    expect(await h.store.messages.countUnread(noWx.id)).toBe(1);
  });

  it('reads templates from the setting and says what is wrong with a bad one', () => {
    expect(parseTemplates(undefined)).toEqual({});
    expect(() => parseTemplates('{')).toThrow(/JINLIN_SUBSCRIBE_TEMPLATES/);
    expect(() => parseTemplates('{"a": {"data": {}}}')).toThrow(/templateId/);
    expect(keywordValue('phrase4', '已经办结了')).toBe('已经办结了');
    expect(keywordValue('phrase4', '已经全部办结')).toBe('已经全部…');
    expect(subscribeRequest('o', { templateId: 't', data: { thing1: 'missing' } }, { personId: 'p', kind: 'k', title: 'x', body: 'y' }, 'now').data).toEqual({
      thing1: { value: '' },
    });
  });
});

describe('CodeImage', () => {
  it('draws a PNG QR code of the h5 page locally', async () => {
    const img = await qrCodeImage('http://127.0.0.1:8787/').render({ scene: 'ck=AB12', page: 'pages/index/index', width: 300 });
    expect(img.contentType).toBe('image/png');
    expect(img.bytes.subarray(0, 4)).toEqual(PNG);
    expect(img.bytes.readUInt32BE(16)).toBe(300);
  });

  it('asks WeChat for a mini-program code with the same checked parameters', async () => {
    const asked: unknown[] = [];
    const code = miniProgramCodeImage(async (p) => {
      asked.push(p);
      return { buffer: Buffer.concat([PNG, Buffer.from('rest')]) };
    });
    const img = await code.render({ scene: 'ck=AB12', page: 'pages/index/index' });
    expect(asked).toEqual([{ scene: 'ck=AB12', page: 'pages/index/index', width: 430, check_path: false, env_version: 'release' }]);
    expect(img.bytes.subarray(0, 4)).toEqual(PNG);
    const broken = miniProgramCodeImage(async () => ({ errCode: 41030, errMsg: 'invalid page' }));
    await expect(broken.render({ scene: 'x', page: 'pages/nope' })).rejects.toThrow(/41030/);
  });

  it('refuses scenes WeChat would refuse, before calling anything', () => {
    for (const scene of ['', 'x'.repeat(33), '中文', 'a b', 'a%20'])
      expect(() => checkCodeRequest({ scene, page: 'pages/index/index' })).toThrow(DomainError);
    expect(() => checkCodeRequest({ scene: 'ok', page: '/pages/index' })).toThrow(/页面路径/);
    expect(() => checkCodeRequest({ scene: 'ok', page: 'pages/index', width: 100 })).toThrow(/宽度/);
    expect(checkCodeRequest({ scene: 'x'.repeat(32), page: 'pages/index/index' }).width).toBe(430);
  });
});
