/** The speaker pool: community staff keep it; residents never see a speaker's contact. */
import type { SpeakerView } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { lecturesKit, type LecturesKit } from './support/lectures';

let k: LecturesKit;
beforeEach(async () => {
  k = await lecturesKit();
});
afterEach(() => k.h.close());

describe('the speaker pool', () => {
  it('lets community staff add, list, edit and archive speakers, each act in the audit log', async () => {
    const li = await k.speaker('李律师', k.secretary);
    const list = data(await k.h.call<{ speakers: SpeakerView[] }>('lectures', 'speakers', { communityId: k.community.id }, k.staff));
    expect(list.speakers.map((s) => s.name).sort()).toEqual(['李律师', '王教授'].sort());
    expect(list.speakers.find((s) => s.name === '王教授')).toMatchObject({ title: '主任医师', contact: '13912345678', archived: false, version: 1 });

    const edited = data(await k.h.call<SpeakerView>('lectures', 'editSpeaker', { id: li.id, version: 1, name: '李明律师', title: null, field: '法律', affiliation: '某律师事务所', contact: '' }, k.staff));
    expect(edited).toMatchObject({ name: '李明律师', title: null, field: '法律', contact: null, version: 2 });
    const archived = data(await k.h.call<SpeakerView>('lectures', 'archiveSpeaker', { id: li.id, version: 2 }, k.staff));
    expect(archived).toMatchObject({ archived: true, version: 3 });
    expect(data(await k.h.call<{ speakers: SpeakerView[] }>('lectures', 'speakers', { communityId: k.community.id }, k.staff)).speakers.map((s) => s.id)).toEqual([k.main.id]);
    expect(data(await k.h.call<{ speakers: SpeakerView[] }>('lectures', 'speakers', { communityId: k.community.id, includeArchived: true }, k.staff)).speakers).toHaveLength(2);

    const actions = (await k.h.store.audit.search({ targetId: li.id }, 10)).map((e) => e.action).sort();
    expect(actions).toEqual(['lectures.archiveSpeaker', 'lectures.createSpeaker', 'lectures.editSpeaker']);
  });

  it('refuses anyone but the community’s staff, a unit that is not a community, and a stale version, writing nothing', async () => {
    const { cred } = await k.resident('居民甲');
    for (const who of [cred, await k.h.as('zhibu'), await k.h.as('louzhang')]) {
      await k.writesNothing(async () => expectFailure(await k.h.call('lectures', 'createSpeaker', { communityId: k.community.id, name: '赵老师' }, who), 'AUTH.FORBIDDEN'));
    }
    await k.writesNothing(async () => expectFailure(await k.h.call('lectures', 'createSpeaker', { communityId: k.xingfu.id, name: '赵老师' }, k.staff), 'INPUT.INVALID', 'communityId'));
    await k.writesNothing(async () => expectFailure(await k.h.call('lectures', 'createSpeaker', { communityId: 'com_missing', name: '赵老师' }, k.staff), 'UNIT.NOT_FOUND', 'communityId'));
    await k.writesNothing(async () => expectFailure(await k.h.call('lectures', 'createSpeaker', { communityId: k.community.id, name: '' }, k.staff), 'INPUT.INVALID', 'name'));
    await k.writesNothing(async () => expectFailure(await k.h.call('lectures', 'editSpeaker', { id: k.main.id, version: 7, name: '改名' }, k.staff), 'CONFLICT.VERSION'));
    await k.writesNothing(async () => expectFailure(await k.h.call('lectures', 'editSpeaker', { id: 'spk_missing', version: 1, name: '改名' }, k.staff), 'SPEAKER.NOT_FOUND', 'id'));
    await k.writesNothing(async () => expectFailure(await k.h.call('lectures', 'archiveSpeaker', { id: k.main.id, version: 1 }, cred), 'AUTH.FORBIDDEN'));
  });

  it('shows residents the speaker without a contact', async () => {
    const l = await k.lecture();
    const { cred } = await k.resident('居民乙');
    const detail = data(await k.h.call<Record<string, unknown>>('lectures', 'detail', { id: l.id }, cred));
    expect(detail.speaker).toEqual({ id: k.main.id, name: '王教授', title: '主任医师', field: '老年健康', affiliation: '市第一医院' });
    expect(JSON.stringify(detail)).not.toContain('13912345678');
  });
});
