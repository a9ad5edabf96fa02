/**
 * Reporting by voice (#26): a voice note with a category is a report; the note is checked by its
 * bytes (type, length, size) and only its uploader may attach it; handlers and staff play it and type
 * what they heard (audited, on the timeline); neighbours, who may not know who filed, never hear it.
 */
import type { Outputs, ReportDetail, ReportSummary, Unit } from '../../src/core';
import { hashPassword } from '../../cloudfunctions/lib/auth/passwords';
import { mp3Of, WEBM } from '../support/audio';
import { data, expectFailure, harness, type Harness } from '../support/harness';

type Created = Outputs['reports']['create'];

describe('reports by voice', () => {
  let h: Harness;
  let building: Unit;
  let sunId: string;
  let req = 0;
  beforeEach(async () => {
    h = await harness();
    building = await h.unitNamed('1号楼', '幸福里小区');
    sunId = (await h.store.people.findByUsername('jumin'))!.id;
  });
  afterEach(() => h.close());

  const file = async (extra: Record<string, unknown>, who = 'jumin') =>
    h.call<Created>('reports', 'create', { clientRequestId: `voice-request-${++req}`, unitId: building.id, category: 'lift', ...extra }, await h.as(who));
  const voiceOf = async (seconds: number, owner = sunId) => (await h.deps.photos.putVoice(mp3Of(seconds), owner)).id;

  it('files a voice note with a category and no words, and tells the handler it is a voice note', async () => {
    const voice = await voiceOf(12);
    const { report } = data(await file({ voice }));
    expect(report).toMatchObject({ category: 'lift', description: '语音 12 秒', voice: { url: `/files/${voice}`, seconds: 12, type: 'audio/mpeg', heard: null } });
    const stored = (await h.store.reports.get(report.id))!;
    expect(stored.description).toBe('');
    expect(stored.voice).toEqual({ file: voice, seconds: 12, size: mp3Of(12).length, type: 'audio/mpeg', heard: null });
    const property = (await h.store.people.findByUsername('wuye'))!;
    expect((await h.store.messages.listForPerson(property.id, 5))[0]).toMatchObject({ kind: 'report.assigned' });
    expect(JSON.stringify(await h.store.messages.listForPerson(property.id, 5))).toContain('语音 12 秒');
  });

  it('keeps words and a voice note together', async () => {
    const { report } = data(await file({ voice: await voiceOf(5), description: '3单元电梯停了，老人下不了楼' }));
    expect(report.description).toBe('3单元电梯停了，老人下不了楼');
    expect(report.voice?.seconds).toBe(5);
  });

  it('asks for words or a voice note when there is neither, and writes nothing', async () => {
    const before = await h.store.reports.count({ path: '/' });
    const none = await file({});
    expectFailure(none, 'INPUT.INVALID', 'description');
    expect(!none.ok && none.message).toContain('按住说话');
    expectFailure(await file({ description: '' }), 'INPUT.INVALID', 'description');
    expect(await h.store.reports.count({ path: '/' })).toBe(before);
  });

  it('checks the bytes when the note arrives: type, length and size', async () => {
    await expect(h.deps.photos.putVoice(WEBM, sunId)).rejects.toMatchObject({ code: 'VOICE.BAD_TYPE' });
    await expect(h.deps.photos.putVoice(mp3Of(75), sunId)).rejects.toMatchObject({ code: 'VOICE.TOO_LONG', message: expect.stringContaining('60 秒') });
    await expect(h.deps.photos.putVoice(Buffer.alloc(2 * 1024 * 1024 + 1, 0xff), sunId)).rejects.toMatchObject({ code: 'VOICE.TOO_LARGE' });
    await expect(h.deps.photos.putVoice(Buffer.from('ID3 but nothing'), sunId)).rejects.toMatchObject({ code: 'VOICE.BAD_TYPE' });
  });

  it('lets only the uploader attach a note, and refuses what is not one', async () => {
    const before = await h.store.reports.count({ path: '/' });
    const lead = (await h.store.people.findByUsername('louzhang'))!;
    expectFailure(await file({ voice: await voiceOf(4, lead.id) }), 'VOICE.NOT_FOUND', 'voice');
    expectFailure(await file({ voice: 'voc_doesnotexist00' }), 'VOICE.NOT_FOUND', 'voice');
    expectFailure(await file({ voice: '../../etc/passwd' }), 'VOICE.NOT_FOUND', 'voice');
    // A photo's id is not a voice note.
    expectFailure(await file({ voice: 'pho_abcdefghijk' }), 'VOICE.NOT_FOUND', 'voice');
    expect(await h.store.reports.count({ path: '/' })).toBe(before);
  });

  it('lets the handler type what they heard: audited, on the timeline, the words the lists show', async () => {
    const { report } = data(await file({ voice: await voiceOf(9) }));
    expect(report.can).not.toContain('describe');
    const wuye = await h.as('wuye');
    const seen = data(await h.call<ReportDetail>('reports', 'detail', { id: report.id }, wuye));
    expect(seen.can).toContain('describe');
    expect(seen.voice).toMatchObject({ url: expect.stringMatching(/^\/files\/voc_/), seconds: 9 });

    const described = data(await h.call<ReportDetail>('reports', 'describe', { id: report.id, version: seen.version, text: '3单元电梯停在5楼，按了没反应' }, wuye));
    expect(described.description).toBe('3单元电梯停在5楼，按了没反应');
    expect(described.voice?.heard).toBe('3单元电梯停在5楼，按了没反应');
    expect(described.timeline[0]).toMatchObject({ type: 'describe', label: '听了语音，补充了文字描述', actorName: '陈强', note: '3单元电梯停在5楼，按了没反应' });
    const audit = await h.store.audit.listForTarget(report.id, 10).catch(() => []);
    const unitAudit = await h.store.audit.listForTarget(building.id, 50);
    expect([...audit, ...unitAudit].some((e) => e.action === 'reports.describe')).toBe(true);

    const mine = data(await h.call<ReportSummary[]>('reports', 'mine', {}, await h.as('jumin')));
    expect(mine.find((r) => r.id === report.id)?.description).toBe('3单元电梯停在5楼，按了没反应');
  });

  it('refuses describing a report without a voice note, or by someone who does not handle it', async () => {
    const typed = data(await file({ description: '3单元电梯停了，老人下不了楼' })).report;
    expectFailure(await h.call('reports', 'describe', { id: typed.id, version: typed.version, text: '电梯' }, await h.as('wuye')), 'VOICE.NONE');
    const voiced = data(await file({ voice: await voiceOf(3) })).report;
    expectFailure(await h.call('reports', 'describe', { id: voiced.id, version: voiced.version, text: '电梯' }, await h.as('jumin')), 'AUTH.FORBIDDEN');
    expectFailure(await h.call('reports', 'describe', { id: voiced.id, version: voiced.version, text: '' }, await h.as('wuye')), 'INPUT.INVALID', 'text');
    expect((await h.store.reports.get(voiced.id))!.description).toBe('');
  });

  it('never lets a neighbour hear the note: a voice is the person, so they read the words only', async () => {
    const { report } = data(await file({ voice: await voiceOf(6) }));
    const np = (await h.store.people.get(sunId))!;
    await h.store.people.insert({ ...np, id: 'per_neighbour', username: 'linju', demo: false }, await hashPassword('neighbour-pass'));
    await h.store.bindings.insert({ id: 'bnd_nb', personId: 'per_neighbour', unitId: building.id, role: 'resident', createdAt: 0, createdBy: null });
    const signIn = data(await h.call<{ token: string }>('auth', 'signIn', { username: 'linju', password: 'neighbour-pass' }));
    const cred = { token: signIn.token };
    // A neighbour is offered the open report to +1 ("邻居已经反映过"), and reads it once they follow it.
    const offered = data(await h.call<ReportSummary[]>('reports', 'similar', { unitId: building.id, category: 'lift' }, cred));
    expect(offered.find((r) => r.id === report.id)?.description).toBe('语音 6 秒');
    const read = data(await h.call<ReportDetail>('reports', 'follow', { id: report.id }, cred));
    expect(read.description).toBe('语音 6 秒');
    expect(read.voice).toBeNull();
    expect(JSON.stringify(read)).not.toContain('voc_');
    const own = data(await h.call<ReportDetail>('reports', 'detail', { id: report.id }, await h.as('jumin')));
    expect(own.voice?.seconds).toBe(6);
  });

  it('takes the voice note off the reports of someone who leaves (注销): a voice is as personal as a name', async () => {
    const { report } = data(await file({ voice: await voiceOf(8), description: '楼道灯坏了' }));
    const me = await h.as('jumin');
    const { token } = data(await h.call<{ token: string }>('people', 'askToLeave', {}, me));
    data(await h.call('people', 'leave', { token }, me));
    expect(await h.store.reports.get(report.id)).toMatchObject({ description: '楼道灯坏了', voice: null });
  });
});
