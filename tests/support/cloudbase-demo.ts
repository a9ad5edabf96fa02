/**
 * A running Jinlin on the CloudBase adapter for tests: the unmodified node-sdk answered in-process
 * (tests/support/tcb), the collections made under a prefix with their declared unique indexes, a
 * fixed clock, the small demo data, and a `call` that goes through dispatch — harness.ts's world, on
 * the other store. Each test takes its own prefix, so tests of one file share the answerer, not data.
 */
import tcb from '@cloudbase/node-sdk';
import { fixedClock, type Clock, type Result } from '../../src/core';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { makeDeps, silentLogger, type Deps } from '../../cloudfunctions/lib/deps';
import { dispatch } from '../../cloudfunctions/lib/functions';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { COLLECTIONS, ensureCollections, openCloudbaseStore } from '../../cloudfunctions/lib/store/cloudbase';
import { installAnswerer, TcbAnswerer } from './tcb';
import { T0 } from './harness';

/**
 * The answerer, installed for the lifetime of the test file, and an app of the node-sdk that reaches
 * it. Call it at the top level of the file: it registers the file's beforeAll and afterAll. The
 * answerer is returned for tests that count or break its requests.
 */
export function cloudbase() {
  const answerer = new TcbAnswerer();
  const app = tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' });
  let uninstall = () => {};
  beforeAll(() => {
    uninstall = installAnswerer(answerer);
  });
  afterAll(() => uninstall());
  return { answerer, app };
}

export type Cloudbase = ReturnType<typeof cloudbase>;

type FixedClock = ReturnType<typeof fixedClock>;

export type CloudbaseDemoOptions<C extends Clock> = {
  /** Demo residents to seed (the CloudBase tests need few: every request is answered one by one). */
  residents?: number;
  /** Defaults to a fixed clock at T0; a test that models time passes its own. */
  clock?: C;
} & Partial<Omit<Deps, 'store' | 'clock'>>;

/**
 * The seeded demo on collections named `prefix…`. Further deps (settings, importFiles…) override
 * the defaults; `reopen` gives a second store and deps over the same collections, as a fresh
 * function instance would have.
 */
export async function cloudbaseDemo<C extends Clock = FixedClock>(cloud: Cloudbase, prefix: string, opts: CloudbaseDemoOptions<C> = {}) {
  const { residents = 10, clock: given, ...over } = opts;
  // A caller passing no clock gets the fixed one, so C is its default then.
  const clock = (given ?? fixedClock(T0)) as C;
  await ensureCollections(cloud.app, { prefix });
  for (const c of COLLECTIONS) for (const idx of c.indexes) cloud.answerer.createIndex(prefix + c.name, idx);

  const open = () => {
    const store = openCloudbaseStore(cloud.app, { prefix });
    const deps: Deps = makeDeps(store, { clock, log: silentLogger, ...over });
    const call = <T = unknown>(fn: string, action: string, data?: unknown, cred: Credentials = {}) =>
      dispatch(deps, fn, data === undefined ? { action } : { action, data }, cred) as Promise<Result<T>>;
    return { store, deps, call };
  };
  const { store, deps, call } = open();
  await seedDemo(deps, { residents });

  /** `call` for one function, for tests that speak to one. */
  const callOf =
    (fn: string) =>
    <T = unknown>(action: string, data?: unknown, cred: Credentials = {}) =>
      call<T>(fn, action, data, cred);

  const tokens = new Map<string, string>();
  /** A signed-in person's credentials: a demo account, or one a test made with its own password. */
  async function as(username: string, password = DEMO_PASSWORD): Promise<Credentials> {
    if (!tokens.has(username)) {
      const r = await call<{ token: string }>('auth', 'signIn', { username, password });
      if (!r.ok) throw new Error(`cannot sign in ${username}: ${r.code}`);
      tokens.set(username, r.data.token);
    }
    return { token: tokens.get(username)! };
  }

  async function personId(username: string): Promise<string> {
    const p = await store.people.findByUsername(username);
    if (!p) throw new Error(`no person ${username}`);
    return p.id;
  }

  return { store, deps, clock, call, callOf, as, personId, reopen: open };
}

export type CloudbaseDemo = Awaited<ReturnType<typeof cloudbaseDemo>>;
