/**
 * Every job of the timer's registry, the way FixMyStreet's t/script tests its scripts: run once,
 * and run twice at once from the same database, the two leave the same state behind, because the
 * platform may fire a timer twice or while the last run is still going.
 */
import { TIMER_JOBS } from '../../../cloudfunctions/lib/timer/registry';
import { runJobs } from '../../../cloudfunctions/lib/timer/runner';
import { sweepWithin } from '../../../cloudfunctions/lib/timer/sweep-within';
import { buildFixture, copyOf, dump, knownStrings, openAt } from './fixture';

let base: string;
let known: Set<string>;
beforeAll(async () => {
  base = await buildFixture();
  known = knownStrings(base);
}, 60_000);

const OWNERS = ['once', 'first', 'second'];

async function runOnce(run: (deps: ReturnType<typeof openAt>['deps'], owner: string) => Promise<unknown>) {
  const file = copyOf(base);
  const { store, deps } = openAt(file);
  const result = await run(deps, 'once');
  await store.close();
  return { state: dump(file, known, OWNERS), result };
}

async function runTwiceAtOnce(run: (deps: ReturnType<typeof openAt>['deps'], owner: string) => Promise<unknown>) {
  const file = copyOf(base);
  const { store, deps } = openAt(file);
  const results = await Promise.all([run(deps, 'first'), run(deps, 'second')]);
  await store.close();
  return { state: dump(file, known, OWNERS), results };
}

describe.each(TIMER_JOBS.map((job) => [job.name, job] as const))('timer job %s', (_name, job) => {
  const run = (deps: ReturnType<typeof openAt>['deps'], owner: string) => runJobs([job], deps, { owner });

  it('has something to do in the fixture (a new job needs its own work there)', async () => {
    const { state } = await runOnce(run);
    expect(state).not.toEqual(dump(base, known, OWNERS));
  });

  it('leaves the same state run twice at once as run once', async () => {
    const once = await runOnce(run);
    const twice = await runTwiceAtOnce(run);
    for (const r of twice.results as Awaited<ReturnType<typeof run>>[]) expect(r).toEqual([expect.objectContaining({ name: job.name, ok: true })]);
    expect(twice.state).toEqual(once.state);
  });

  it('does nothing more when run again at the same time', async () => {
    const file = copyOf(base);
    const { store, deps } = openAt(file);
    await run(deps, 'first');
    await store.close();
    const after = dump(file, known, OWNERS);
    const again = openAt(file);
    await run(again.deps, 'second');
    await again.store.close();
    expect(dump(file, known, OWNERS)).toEqual(after);
  });
});

describe('the sweep, in small batches that interleave', () => {
  const run = (deps: ReturnType<typeof openAt>['deps'], owner: string) => sweepWithin(deps, { owner, now: () => performance.now(), deadline: Infinity }, 3);

  it('acts on each due report once between two sweeps at once', async () => {
    const once = await runOnce(run);
    const twice = await runTwiceAtOnce(run);
    const [a, b] = twice.results as Awaited<ReturnType<typeof run>>[];
    const r = once.result as Awaited<ReturnType<typeof run>>;
    expect(r.warned + r.escalated + r.closed).toBeGreaterThan(10);
    expect({ warned: a.warned + b.warned, escalated: a.escalated + b.escalated, closed: a.closed + b.closed }).toEqual({ warned: r.warned, escalated: r.escalated, closed: r.closed });
    expect(twice.state).toEqual(once.state);
  });
});
