/**
 * 更正门牌: a resident asks to move to another door, in their building or another of their compound.
 * It waits in the new building's queue as a registration marked as a move; approving binds the new
 * door and ends the old home in the same write, rejecting leaves everything as it was. Bad asks (the
 * same door, a building that does not exist, a second move while one waits) are refused with their
 * codes and write nothing. On SQLite and on CloudBase (the unmodified node-sdk answered in-process).
 */
import tcb from '@cloudbase/node-sdk';
import { fixedClock, type Door, type MoveChoices, type RegistrationQueueItem, type RegistrationView, type Result, type Unit } from '../../src/core';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { makeDeps, silentLogger } from '../../cloudfunctions/lib/deps';
import { dispatch } from '../../cloudfunctions/lib/functions';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import type { Store } from '../../cloudfunctions/lib/store/port';
import { COLLECTIONS, ensureCollections, openCloudbaseStore } from '../../cloudfunctions/lib/store/cloudbase';
import { installAnswerer, TcbAnswerer } from '../support/tcb';
import { data, expectFailure, harness, T0 } from '../support/harness';

interface Engine {
  store: Store;
  call: <T>(fn: string, action: string, payload: unknown, cred: Credentials) => Promise<Result<T>>;
  close: () => Promise<void>;
}

async function sqliteEngine(): Promise<Engine> {
  const h = await harness({ residents: 5 });
  return { store: h.store, call: (fn, action, payload, cred) => h.call(fn, action, payload, cred), close: () => h.close() };
}

const answerer = new TcbAnswerer();
const app = tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' });
let prefixes = 0;

async function cloudbaseEngine(): Promise<Engine> {
  const prefix = `move${++prefixes}_`;
  await ensureCollections(app, { prefix });
  for (const c of COLLECTIONS) for (const idx of c.indexes) answerer.createIndex(prefix + c.name, idx);
  const store = openCloudbaseStore(app, { prefix });
  const deps = makeDeps(store, { clock: fixedClock(T0), log: silentLogger });
  await seedDemo(deps, { residents: 5 });
  return { store, call: (fn, action, payload, cred) => dispatch(deps, fn, { action, data: payload }, cred) as never, close: () => store.close() };
}

let uninstall = () => {};
beforeAll(() => {
  uninstall = installAnswerer(answerer);
});
afterAll(() => uninstall());

const NEW_DOOR: Door = { entrance: '2', floor: 5, room: '502' };

describe.each([
  ['SQLite', sqliteEngine],
  ['CloudBase', cloudbaseEngine],
])('moving door on %s', (_name, open) => {
  let e: Engine;
  let one: Unit;
  let two: Unit;
  const tokens = new Map<string, Credentials>();
  const as = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, { token: data(await e.call<{ token: string }>('auth', 'signIn', { username, password: DEMO_PASSWORD }, {})).token });
    return tokens.get(username)!;
  };

  beforeEach(async () => {
    tokens.clear();
    e = await open();
    const units = await e.store.units.listSubtree('/');
    const compound = units.find((u) => u.name === '幸福里小区')!;
    one = units.find((u) => u.name === '1号楼' && u.parentId === compound.id)!;
    two = units.find((u) => u.name === '2号楼' && u.parentId === compound.id)!;
  });
  afterEach(() => e.close());

  const sun = async () => (await e.store.people.findByUsername('jumin'))!;
  const homes = async () => (await e.store.bindings.listForPerson((await sun()).id)).filter((b) => b.role === 'resident').map((b) => ({ unitId: b.unitId, door: b.door ?? null }));
  const move = async (input: Record<string, unknown>) => e.call<RegistrationView>('registration', 'move', input, await as('jumin'));
  const queue = async (who: string) => data(await e.call<{ registrations: RegistrationQueueItem[] }>('registration', 'pending', {}, await as(who))).registrations;

  it('offers the homes and the compound’s buildings, then moves within the building once its lead approves', async () => {
    const choices = data(await e.call<MoveChoices>('registration', 'moveChoices', {}, await as('jumin')));
    expect(choices.homes.map((h) => h.building.id)).toEqual([one.id]);
    expect(choices.buildings.map((b) => b.id)).toEqual(expect.arrayContaining([one.id, two.id]));
    expect(choices.pending).toBeNull();

    const asked = data(await move({ buildingId: one.id, door: NEW_DOOR }));
    expect(asked).toMatchObject({ status: 'pending', building: { id: one.id }, doorLabel: '2单元 5层 502室', moveFrom: { building: { id: one.id } } });
    expect(data(await e.call<MoveChoices>('registration', 'moveChoices', {}, await as('jumin'))).pending).toMatchObject({ id: asked.id });
    const queued = (await queue('louzhang')).find((r) => r.id === asked.id)!;
    expect(queued.moveFrom).toMatchObject({ building: { id: one.id } });
    expect(queued.applicant).toMatchObject({ name: '孙福贵' });

    expect(data(await e.call<RegistrationView>('registration', 'approve', { id: asked.id, version: asked.version }, await as('louzhang')))).toMatchObject({ status: 'approved' });
    expect(await homes()).toEqual([{ unitId: one.id, door: NEW_DOOR }]);

    // The door is now the one asked for: asking for it again is the same door.
    expectFailure(await move({ buildingId: one.id, door: { entrance: '2单元', floor: 5, room: '502室' } }), 'REGISTRATION.SAME_DOOR', 'door');
  });

  it('moves to another building: the new home bound and the old one ended in the same approval', async () => {
    const asked = data(await move({ fromBuildingId: one.id, buildingId: two.id, door: NEW_DOOR }));
    // The new building's queue (its compound secretary: 2号楼 has no lead), not the old one's.
    expect((await queue('zhibu')).map((r) => r.id)).toContain(asked.id);
    expect((await queue('louzhang')).map((r) => r.id)).not.toContain(asked.id);
    expect(await homes()).toEqual([{ unitId: one.id, door: null }]);

    data(await e.call<RegistrationView>('registration', 'approve', { id: asked.id, version: asked.version }, await as('zhibu')));
    expect(await homes()).toEqual([{ unitId: two.id, door: NEW_DOOR }]);
    expect((await e.store.registrations.get(asked.id))!.status).toBe('approved');
  });

  it('leaves everything as it was when the lead rejects the move, and a new one may be asked', async () => {
    const asked = data(await move({ buildingId: two.id, door: NEW_DOOR }));
    const rejected = data(await e.call<RegistrationView>('registration', 'reject', { id: asked.id, version: asked.version, reason: '2号楼没有502，请核对门牌' }, await as('zhibu')));
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '2号楼没有502，请核对门牌' });
    expect(await homes()).toEqual([{ unitId: one.id, door: null }]);
    expect(data(await move({ buildingId: two.id, door: { ...NEW_DOOR, room: '501' } }))).toMatchObject({ status: 'pending' });
  });

  it('refuses a building that does not exist, a second move while one waits, and someone else’s home, writing nothing', async () => {
    const before = await homes();
    expectFailure(await move({ buildingId: 'unit_nowhere', door: NEW_DOOR }), 'UNIT.NOT_FOUND', 'buildingId');
    expectFailure(await move({ fromBuildingId: two.id, buildingId: one.id, door: NEW_DOOR }), 'REGISTRATION.NOT_HOME', 'fromBuildingId');
    expectFailure(await move({ buildingId: one.id, door: { entrance: '', floor: null, room: '' } }), 'INPUT.INVALID', 'door.room');
    expect(await e.store.registrations.listForApplicant((await sun()).id)).toEqual([]);

    data(await move({ buildingId: two.id, door: NEW_DOOR }));
    expectFailure(await move({ buildingId: one.id, door: NEW_DOOR }), 'REGISTRATION.MOVE_PENDING');
    expect((await e.store.registrations.listForApplicant((await sun()).id)).length).toBe(1);
    expect(await homes()).toEqual(before);
  });
});
