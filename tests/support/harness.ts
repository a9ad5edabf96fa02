/**
 * A running Jinlin for tests: SQLite in a temp file, a fixed clock, the small demo data,
 * and a `call` that goes through dispatch — the same entry the server and the cloud functions use.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock, type Result, type Unit } from '../../src/core';
import { makeDeps, randomIds, silentLogger, type Deps } from '../../cloudfunctions/lib/deps';
import { localPhotos } from '../../cloudfunctions/lib/ports/photos';
import { dispatch } from '../../cloudfunctions/lib/functions';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import type { Credentials } from '../../cloudfunctions/lib/identity';

export const T0 = Date.parse('2026-11-23T09:00:00+08:00');

export async function harness(opts: { residents?: number } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-act-'));
  const clock = fixedClock(T0);
  const store = openSqliteStore(path.join(dir, 'jinlin.db'));
  const deps: Deps = makeDeps(store, { clock, log: silentLogger, photos: localPhotos(path.join(dir, 'files'), randomIds) });
  await seedDemo(deps, { residents: opts.residents ?? 40 });

  const call = <T = unknown>(fn: string, action: string, data?: unknown, cred: Credentials = {}) =>
    dispatch(deps, fn, data === undefined ? { action } : { action, data }, cred) as Promise<Result<T>>;

  const tokens = new Map<string, string>();
  /** A signed-in demo person's credentials. */
  async function as(username: string): Promise<Credentials> {
    if (!tokens.has(username)) {
      const r = await call<{ token: string }>('auth', 'signIn', { username, password: DEMO_PASSWORD });
      if (!r.ok) throw new Error(`cannot sign in ${username}: ${r.code}`);
      tokens.set(username, r.data.token);
    }
    return { token: tokens.get(username)! };
  }

  const all = async () => (await store.units.listSubtree('/', { includeArchived: true })) as Unit[];
  async function unitNamed(name: string, parentName?: string): Promise<Unit> {
    const units = await all();
    const parent = parentName ? units.find((u) => u.name === parentName) : undefined;
    const u = units.find((x) => x.name === name && (!parent || x.parentId === parent.id));
    if (!u) throw new Error(`no unit ${parentName ?? ''}/${name}`);
    return u;
  }

  return { deps, store, clock, call, as, unitNamed, allUnits: all, close: () => store.close() };
}

export type Harness = Awaited<ReturnType<typeof harness>>;

export function expectFailure(r: Result<unknown>, code: string, field?: string) {
  expect(r).toMatchObject({ ok: false, code });
  if (!r.ok) {
    expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    if (field !== undefined) expect(r.field).toBe(field);
  }
}

export function data<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}
