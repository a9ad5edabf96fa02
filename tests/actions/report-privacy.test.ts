/**
 * What a neighbour following (+1) a report reads of the resident who filed it: what was reported
 * and how it is handled, never who reported it or what they added (src/core/access.ts
 * RESIDENT_SHOWN). The resident, the handlers and staff read everything.
 */
import type { Outputs, ReportDetail, ReportSummary, Unit } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { hashPassword } from '../../cloudfunctions/lib/auth/passwords';
import { data, harness, type Harness } from '../support/harness';

type Created = Outputs['reports']['create'];
/** A valid 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const NAME = '孙福贵';
const PHONE = '13800000007';

describe('a report as a following neighbour reads it', () => {
  let h: Harness;
  let building: Unit;
  let neighbour: Credentials;
  let neighbourId: string;
  let req = 0;

  beforeEach(async () => {
    h = await harness();
    building = await h.unitNamed('1号楼', '幸福里小区');
    neighbourId = 'per_neighbour';
    await h.store.people.insert({ id: neighbourId, name: '钱邻居', phone: '13955556666', username: 'linju', openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, await hashPassword('neighbour-pass'));
    await h.store.bindings.insert({ id: 'bnd_neighbour', personId: neighbourId, unitId: building.id, role: 'resident', createdAt: 0, createdBy: null });
    neighbour = { token: data(await h.call<{ token: string }>('auth', 'signIn', { username: 'linju', password: 'neighbour-pass' })).token };
  });
  afterEach(() => h.close());

  const file = async (extra: Record<string, unknown> = {}) =>
    data(
      await h.call<Created>(
        'reports',
        'create',
        { clientRequestId: `privacy-request-${++req}`, unitId: building.id, category: 'noise', description: '楼上每天半夜装修，吵得睡不着', ...extra },
        await h.as('jumin'),
      ),
    ).report;
  const read = async (id: string, cred: Credentials) => data(await h.call<ReportDetail>('reports', 'detail', { id }, cred));

  /** Filed (with a photo), followed, asked, answered with a door and a phone, resolved and rated with a note. */
  async function story(anonymous: boolean): Promise<ReportDetail> {
    const sun = (await h.store.people.findByUsername('jumin'))!;
    const photo = await h.deps.photos.put(PNG, sun.id);
    const filed = await file({ anonymous, photos: [photo.id] });
    data(await h.call<ReportDetail>('reports', 'follow', { id: filed.id }, neighbour));
    const lead = await h.as('louzhang');
    let r = data(await h.call<ReportDetail>('reports', 'requestInfo', { id: filed.id, version: (await h.store.reports.get(filed.id))!.version, question: '孙大爷，请问您家是几单元几号？' }, lead));
    const answerPhoto = await h.deps.photos.put(PNG, sun.id);
    r = data(await h.call<ReportDetail>('reports', 'provideInfo', { id: filed.id, version: r.version, answer: `3单元501，电话${PHONE}`, photos: [answerPhoto.id] }, await h.as('jumin')));
    r = data(await h.call<ReportDetail>('reports', 'resolve', { id: filed.id, version: r.version, note: '已和楼上沟通' }, lead));
    data(await h.call<ReportDetail>('reports', 'rate', { id: filed.id, version: r.version, rating: 'unsatisfied', note: '楼栋长态度不好，501还是吵' }, await h.as('jumin')));
    return filed;
  }

  describe.each([
    ['anonymous', true],
    ['named', false],
  ])('an %s report', (_label, anonymous) => {
    it('shows the neighbour a neutral author on the resident’s entries and nothing they added beyond the description', async () => {
      const filed = await story(anonymous);
      const seen = await read(filed.id, neighbour);
      const text = JSON.stringify(seen);
      expect(text).not.toContain(NAME);
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain('501');
      expect(seen.resident).toBeNull();
      expect(seen.ratingNote).toBeNull();
      expect(seen.photos).toEqual([]);
      const byResident = seen.timeline.filter((e) => ['create', 'provideInfo', 'rate'].includes(e.type));
      expect(byResident.map((e) => e.actorName)).toEqual(['居民', '居民', '居民']);
      expect(byResident.find((e) => e.type === 'create')!.note).toBe('楼上每天半夜装修，吵得睡不着');
      for (const e of byResident.filter((x) => x.type !== 'create')) expect(e.note).toBeNull();
      for (const e of byResident) expect(e.photos).toEqual([]);
      // The handler's own entries are the handler's: named, with their notes.
      expect(seen.timeline.find((e) => e.type === 'resolve')).toMatchObject({ actorName: '赵桂兰', note: '已和楼上沟通' });
    });

    it('shows the resident, the lead and staff everything', async () => {
      const filed = await story(anonymous);
      for (const who of ['jumin', 'louzhang', 'shequ']) {
        const seen = await read(filed.id, await h.as(who));
        expect(seen.resident).toEqual({ name: NAME, phone: PHONE });
        expect(seen.ratingNote).toBe('楼栋长态度不好，501还是吵');
        expect(seen.photos).toHaveLength(2);
        expect(seen.timeline.find((e) => e.type === 'provideInfo')).toMatchObject({ actorName: NAME, note: `3单元501，电话${PHONE}` });
        expect(seen.timeline.find((e) => e.type === 'create')).toMatchObject({ actorName: NAME });
      }
    });

    it('tells the neighbour of progress without the handler’s questions to the resident, or asking them to rate', async () => {
      await story(anonymous);
      const messages = await h.store.messages.listForPerson(neighbourId, 50);
      expect(messages.length).toBeGreaterThan(0);
      const text = JSON.stringify(messages);
      expect(text).not.toContain('几单元');
      expect(text).not.toContain(NAME);
      expect(text).not.toContain('孙大爷');
      expect(messages.map((m) => m.kind)).not.toContain('report.needsInfo');
      for (const m of messages) expect(m.title).not.toContain('评价');
      // The resident is still asked, and asked to rate.
      const sun = (await h.store.people.findByUsername('jumin'))!;
      const theirs = await h.store.messages.listForPerson(sun.id, 50);
      expect(theirs.find((m) => m.kind === 'report.needsInfo')?.body).toContain('几单元');
      expect(theirs.find((m) => m.kind === 'report.resolved')?.title).toContain('评价');
    });
  });

  it('shows who followed a report to its handlers only: the filer reads a neighbour, the follower their own name', async () => {
    const filed = await file({ anonymous: false });
    data(await h.call<ReportDetail>('reports', 'follow', { id: filed.id }, neighbour));
    const plusOne = async (cred: Credentials) => (await read(filed.id, cred)).timeline.find((e) => e.type === 'plusOne')?.actorName;
    expect(await plusOne(await h.as('jumin'))).toBe('居民');
    expect(await plusOne(neighbour)).toBe('钱邻居');
    expect(await plusOne(await h.as('louzhang'))).toBe('钱邻居');
    expect(await plusOne(await h.as('shequ'))).toBe('钱邻居');
  });

  it('lists what is already reported on the building without who reported it', async () => {
    await file({ anonymous: false });
    const similar = data(await h.call<ReportSummary[]>('reports', 'similar', { unitId: building.id, category: 'noise' }, neighbour));
    expect(similar).toHaveLength(1);
    expect(JSON.stringify(similar)).not.toContain(NAME);
    expect(JSON.stringify(similar)).not.toContain(PHONE);
  });

  it('shows a report filed by the lead for a resident with the lead as its recorder and the resident hidden', async () => {
    const sun = (await h.store.people.findByUsername('jumin'))!;
    const filed = data(
      await h.call<Created>(
        'reports',
        'create',
        { clientRequestId: `privacy-request-${++req}`, unitId: building.id, category: 'noise', description: '楼道灯坏了好几天了', channel: 'group_chat', residentId: sun.id },
        await h.as('louzhang'),
      ),
    ).report;
    data(await h.call<ReportDetail>('reports', 'follow', { id: filed.id }, neighbour));
    const seen = await read(filed.id, neighbour);
    expect(seen.resident).toBeNull();
    expect(JSON.stringify(seen)).not.toContain(NAME);
    expect(seen.timeline.find((e) => e.type === 'create')?.actorName).toBe('赵桂兰');
    expect((await read(filed.id, await h.as('jumin'))).resident).toEqual({ name: NAME, phone: PHONE });
    // The lead recorded it and handles it: they read who followed it; the resident does not.
    expect((await read(filed.id, await h.as('louzhang'))).timeline.find((e) => e.type === 'plusOne')?.actorName).toBe('钱邻居');
    expect((await read(filed.id, await h.as('jumin'))).timeline.find((e) => e.type === 'plusOne')?.actorName).toBe('居民');
  });
});
