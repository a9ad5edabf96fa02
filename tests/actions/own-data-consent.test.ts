/**
 * A person's consent (我的信息's switches): their name on the points board (off until they say yes)
 * and their reports' photos shown to neighbours (on until they say no). Set by the person for
 * themselves only, audited without personal data; a neighbour reading a report of a resident who
 * said no reads, where the photos would be, that the resident chose not to show them — the resident
 * and those who handle it still see them.
 */
import { PHOTOS_WITHHELD, type OwnConsent, type OwnData, type ReportDetail, type Unit } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { hashPassword } from '../../cloudfunctions/lib/auth/passwords';
import { data, expectFailure, harness, type Harness } from '../support/harness';

/** A valid 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('consent', () => {
  let h: Harness;
  let building: Unit;
  let neighbour: Credentials;
  let req = 0;

  beforeEach(async () => {
    h = await harness({ residents: 5 });
    building = await h.unitNamed('1号楼', '幸福里小区');
    await h.store.people.insert({ id: 'per_neighbour', name: '钱邻居', phone: '13955556666', username: 'linju', openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, await hashPassword('neighbour-pass'));
    await h.store.bindings.insert({ id: 'bnd_neighbour', personId: 'per_neighbour', unitId: building.id, role: 'resident', createdAt: 0, createdBy: null });
    neighbour = { token: data(await h.call<{ token: string }>('auth', 'signIn', { username: 'linju', password: 'neighbour-pass' })).token };
  });
  afterEach(() => h.close());

  const consentIn = async (cred: Credentials) => data(await h.call<OwnData>('people', 'ownData', {}, cred)).account.items[0].consent;
  const setConsent = (change: Record<string, unknown>, cred: Credentials) => h.call<OwnConsent>('people', 'setConsent', change, cred);

  it('reads the defaults until the person chooses: not on the board, photos shown', async () => {
    expect(await consentIn(await h.as('jumin'))).toEqual({ board: false, photos: true });
  });

  it('sets each switch for the caller alone, keeps the other, and audits the choice without naming the person', async () => {
    const me = await h.as('jumin');
    const sun = (await h.store.people.findByUsername('jumin'))!;
    expect(data(await setConsent({ board: true }, me))).toEqual({ board: true, photos: true });
    expect(data(await setConsent({ photos: false }, me))).toEqual({ board: true, photos: false });
    expect(await consentIn(me)).toEqual({ board: true, photos: false });
    // Nobody else's changed: the lead still reads the defaults.
    expect(await consentIn(await h.as('louzhang'))).toEqual({ board: false, photos: true });
    const entries = (await h.store.audit.listForTarget(sun.id, 10)).filter((e) => e.action === 'people.setConsent');
    expect(entries.map(({ detail: { requestId: _r, ...choice } }) => choice)).toEqual(expect.arrayContaining([{ board: true }, { photos: false }]));
    for (const e of entries) {
      expect(e.actorId).toBe(sun.id);
      expect(JSON.stringify(e.detail)).not.toContain('孙福贵');
      expect(JSON.stringify(e.detail)).not.toContain('13800000007');
    }
  });

  it('refuses a change that names no switch, or a switch that is not yes or no, writing nothing', async () => {
    const me = await h.as('jumin');
    const sun = (await h.store.people.findByUsername('jumin'))!;
    expectFailure(await setConsent({}, me), 'INPUT.INVALID', 'board');
    expectFailure(await setConsent({ photos: 'no' }, me), 'INPUT.INVALID', 'photos');
    expectFailure(await setConsent({ board: true }, {}), 'AUTH.REQUIRED');
    expect((await h.store.people.get(sun.id))!.version).toBe(sun.version);
  });

  /** A report the building lead records for 孙福贵 from the group chat, with a photo, followed by a neighbour. */
  async function recordedWithPhoto(): Promise<string> {
    const lead = await h.as('louzhang');
    const sun = (await h.store.people.findByUsername('jumin'))!;
    const photo = await h.deps.photos.put(PNG, (await h.store.people.findByUsername('louzhang'))!.id);
    const r = data(
      await h.call<{ report: ReportDetail }>(
        'reports',
        'create',
        { clientRequestId: `consent-request-${++req}`, unitId: building.id, category: 'noise', description: '楼道里堆满杂物', channel: 'group_chat', residentId: sun.id, photos: [photo.id] },
        lead,
      ),
    ).report;
    data(await h.call<ReportDetail>('reports', 'follow', { id: r.id }, neighbour));
    return r.id;
  }
  const read = async (id: string, cred: Credentials) => data(await h.call<ReportDetail>('reports', 'detail', { id }, cred));

  it('shows a neighbour the photos of a resident who did not say no', async () => {
    const id = await recordedWithPhoto();
    const seen = await read(id, neighbour);
    expect(seen.photos).toHaveLength(1);
    expect(seen.photosWithheld).toBeNull();
  });

  it('withholds the photos from a neighbour once the resident says no, and says so; the resident and the handlers still see them', async () => {
    const id = await recordedWithPhoto();
    data(await setConsent({ photos: false }, await h.as('jumin')));
    const seen = await read(id, neighbour);
    expect(seen.photos).toEqual([]);
    expect(seen.photosWithheld).toBe(PHOTOS_WITHHELD);
    for (const e of seen.timeline) expect(e.photos).toEqual([]);
    for (const who of ['jumin', 'louzhang', 'shequ']) {
      const full = await read(id, await h.as(who));
      expect(full.photos).toHaveLength(1);
      expect(full.photosWithheld).toBeNull();
      expect(full.timeline.find((e) => e.type === 'create')!.photos).toHaveLength(1);
    }
    // Said yes again: shown again.
    data(await setConsent({ photos: true }, await h.as('jumin')));
    expect((await read(id, neighbour)).photos).toHaveLength(1);
  });
});
