import { dispatch } from '../../cloudfunctions/lib/functions';
import { FUNCTIONS } from '../../cloudfunctions/lib/functions';
import { personAction } from '../../cloudfunctions/lib/actions/define';
import * as z from 'zod';
import { expectFailure, harness, type Harness } from '../support/harness';

describe('the action entry', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.close());

  it('refuses an unknown function and an unknown action', async () => {
    expectFailure(await h.call('lottery', 'draw', {}), 'API.UNKNOWN_FUNCTION');
    expectFailure(await h.call('units', 'explode', {}), 'API.UNKNOWN_ACTION');
    expectFailure(await h.call('units', 'toString', {}), 'API.UNKNOWN_ACTION');
    expectFailure(await h.call('units', '__proto__', {}), 'API.UNKNOWN_ACTION');
    expectFailure(await dispatch(h.deps, 'units', { data: {} }, {}), 'API.UNKNOWN_ACTION');
  });

  it('refuses an event that is not an object', async () => {
    for (const ev of [null, 'units.tree', 42, [1, 2]]) expectFailure(await dispatch(h.deps, 'units', ev, {}), 'INPUT.MALFORMED');
  });

  it('names the bad field when the data has the wrong type or length', async () => {
    const cred = await h.as('shuji');
    expectFailure(await h.call('units', 'rename', { id: 'x', name: 42, version: 1 }, cred), 'INPUT.INVALID', 'name');
    expectFailure(await h.call('units', 'rename', { id: 'x', name: '楼'.repeat(41), version: 1 }, cred), 'INPUT.INVALID', 'name');
    expectFailure(await h.call('units', 'rename', { id: 'x', name: '新名字', version: 'one' }, cred), 'INPUT.INVALID', 'version');
    expectFailure(await h.call('units', 'tree', 'everything', cred), 'INPUT.INVALID');
  });

  it('answers a bug as INTERNAL with a request id, never with its stack, and logs it', async () => {
    const logged: unknown[] = [];
    const deps = { ...h.deps, log: { info() {}, error: (_m: string, extra?: unknown) => logged.push(extra) } };
    (FUNCTIONS.units as Record<string, unknown>).__boom = personAction(z.object({}), async () => {
      throw new Error('secret database detail');
    });
    try {
      const r = await dispatch(deps, 'units', { action: '__boom' }, await h.as('shuji'));
      expectFailure(r, 'INTERNAL');
      expect(JSON.stringify(r)).not.toContain('secret database detail');
      expect(r).toHaveProperty('requestId');
      expect(JSON.stringify(logged)).toContain('secret database detail');
    } finally {
      delete (FUNCTIONS.units as Record<string, unknown>).__boom;
    }
  });
});
