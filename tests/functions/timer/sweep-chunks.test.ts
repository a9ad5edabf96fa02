/**
 * The sweep within a batch: it saves a claimed batch a chunk at a time and asks its budget before
 * each chunk, so a batch that would outlast the run stops part way with what it saved kept, and lets
 * go at once of the reports it claimed and did not reach (the next run takes them, without waiting
 * for the claims to expire). Notices go out a few at once. Deadlines are injected (a clock that
 * moves at every look) and notices counted in flight, never timed.
 */
import type { Deps } from '../../../cloudfunctions/lib/deps';
import { NOTICES_AT_ONCE, sweep } from '../../../cloudfunctions/lib/jobs/sweep';
import type { Notice } from '../../../cloudfunctions/lib/ports/notifier';
import { sweepWithin } from '../../../cloudfunctions/lib/timer/sweep-within';
import { buildFixture, copyOf, dump, knownStrings, openAt } from './fixture';

let base: string;
let known: Set<string>;
beforeAll(async () => {
  base = await buildFixture();
  known = knownStrings(base);
}, 60_000);

const acted = (r: { warned: number; escalated: number; closed: number }) => r.warned + r.escalated + r.closed;

describe('the sweep, chunk by chunk', () => {
  it('stops inside a batch when its time is spent, and the next run at once finishes as one run would', async () => {
    const whole = copyOf(base);
    const w = openAt(whole);
    const all = await sweepWithin(w.deps, { owner: 'whole', now: () => 0, deadline: Infinity }, 100, 2);
    await w.store.close();
    expect(all.more).toBe(false);
    expect(acted(all)).toBeGreaterThan(8);

    const file = copyOf(base);
    const { store, deps } = openAt(file);
    // Every look at the clock is 5 s later: the start, then one look before the claim and before each chunk.
    let t = 0;
    const first = await sweepWithin(deps, { owner: 'run-1', now: () => (t += 5_000), deadline: 22_000 }, 100, 2);
    // Looks at 10 s (claim), 15 s (second chunk): at 20 s only 2 s are left for a 5 s piece.
    expect(first).toMatchObject({ more: true });
    expect(acted(first) + first.skipped).toBe(4);
    // What it did not reach is free now: the next run (same moment, so no claim has expired) takes it all.
    const second = await sweepWithin(deps, { owner: 'run-2', now: () => 0, deadline: Infinity }, 100, 2);
    await store.close();
    expect(second.more).toBe(false);
    expect(acted(first) + acted(second)).toBe(acted(all));
    expect(dump(file, known, ['whole', 'run-'])).toEqual(dump(whole, known, ['whole', 'run-']));
  });

  it(`sends notices ${NOTICES_AT_ONCE} at once, each after its report is saved, and goes on past one that fails`, async () => {
    const file = copyOf(base);
    const { store, deps } = openAt(file);
    let inFlight = 0;
    let most = 0;
    const delivered: Notice[] = [];
    const errors: string[] = [];
    const notifier: Deps['notifier'] = {
      ...deps.notifier,
      async deliver(n) {
        inFlight++;
        most = Math.max(most, inFlight);
        // The report the notice is about is saved already: its in-app message is in the store.
        const saved = (await store.messages.listForPerson(n.personId, 200)).some((m) => m.title === n.title);
        for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
        inFlight--;
        if (!saved) throw new Error(`notice before its save: ${n.title}`);
        if (delivered.length === 0) {
          delivered.push(n);
          throw new Error('WeChat is down');
        }
        delivered.push(n);
      },
    };
    const log = { ...deps.log, error: (msg: string, extra?: Record<string, unknown>) => void errors.push(`${msg} ${String(extra?.error)}`) };
    const res = await sweep({ ...deps, notifier, log }, 'notices', 100, { chunk: 100 });
    const messages = (await Promise.all([...new Set(delivered.map((n) => n.personId))].map((p) => store.messages.listForPerson(p, 200)))).flat();
    await store.close();
    expect(acted(res)).toBeGreaterThan(8);
    expect(delivered.length).toBeGreaterThan(NOTICES_AT_ONCE);
    expect(most).toBe(NOTICES_AT_ONCE);
    // The one that failed is logged; every notice was tried, and each has its in-app message.
    expect(errors).toEqual(['sweep: a notice was not delivered WeChat is down']);
    expect(messages.length).toBeGreaterThanOrEqual(delivered.length);
  });
});
