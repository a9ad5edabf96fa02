/**
 * The timer's runner and registry: each job within its budget and all within the function's
 * timeout; one job's failure logged and reported without stopping the others; a sweep stopped by
 * its budget picks up where it left off on the next run, as the timer does after being down.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { silentLogger, type Deps } from '../../../cloudfunctions/lib/deps';
import { TIMEOUT_MARGIN_MS } from '../../../cloudfunctions/lib/timer/entry';
import type { TimerJob } from '../../../cloudfunctions/lib/timer/job';
import { TIMER_JOBS, TIMER_TIMEOUT_MS } from '../../../cloudfunctions/lib/timer/registry';
import { changedSomething, OVERRUN_GRACE_MS, runJobs } from '../../../cloudfunctions/lib/timer/runner';
import { sweepWithin } from '../../../cloudfunctions/lib/timer/sweep-within';
import { buildFixture, copyOf, dump, knownStrings, openAt } from './fixture';

const job = (name: string, run: TimerJob['run'], budgetMs = 1_000): TimerJob => ({ name, does: name, budgetMs, run });
const logged = () => {
  const errors: { msg: string; extra?: Record<string, unknown> }[] = [];
  return { errors, log: { ...silentLogger, error: (msg: string, extra?: Record<string, unknown>) => void errors.push({ msg, extra }) } };
};
const fakeDeps = (log = silentLogger) => ({ log }) as unknown as Deps;

describe('the timer registry', () => {
  it('names each job once, says what it does, and fits every budget inside the timer function’s timeout', () => {
    const names = TIMER_JOBS.map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
    for (const j of TIMER_JOBS) {
      expect(j.name).toMatch(/^[a-z][A-Za-z]+$/);
      expect(j.does).toMatch(/[\u4e00-\u9fff]/);
      expect(j.budgetMs).toBeGreaterThan(0);
    }
    const config = JSON.parse(readFileSync(path.resolve(__dirname, '../../../cloudfunctions/timer/config.json'), 'utf8'));
    expect(config.timeout * 1000).toBe(TIMER_TIMEOUT_MS);
    expect(config.triggers).toHaveLength(1);
    const total = TIMER_JOBS.reduce((sum, j) => sum + j.budgetMs + OVERRUN_GRACE_MS, 0);
    // The run itself ends TIMEOUT_MARGIN_MS before the function's timeout (timer/entry.ts).
    expect(total).toBeLessThanOrEqual(TIMER_TIMEOUT_MS - TIMEOUT_MARGIN_MS);
  });
});

describe('running the jobs', () => {
  it('reports each job’s result in order', async () => {
    const results = await runJobs([job('first', async () => ({ done: 2 })), job('second', async () => ({ done: 0 }))], fakeDeps(), { owner: 'run' });
    expect(results).toEqual([
      { name: 'first', ok: true, ms: expect.any(Number), result: { done: 2 } },
      { name: 'second', ok: true, ms: expect.any(Number), result: { done: 0 } },
    ]);
    expect(results.map(changedSomething)).toEqual([true, false]);
  });

  it('logs a failing job and still runs the ones after it', async () => {
    const { errors, log } = logged();
    const after = jest.fn(async () => ({ done: 1 }));
    const results = await runJobs(
      [
        job('broken', async () => {
          throw new Error('database went away');
        }),
        job('after', after),
      ],
      fakeDeps(log),
      { owner: 'run' },
    );
    expect(results).toEqual([
      { name: 'broken', ok: false, ms: expect.any(Number), error: 'database went away' },
      { name: 'after', ok: true, ms: expect.any(Number), result: { done: 1 } },
    ]);
    expect(after).toHaveBeenCalled();
    expect(errors).toEqual([{ msg: 'timer job failed', extra: expect.objectContaining({ job: 'broken', owner: 'run', error: expect.stringContaining('database went away') }) }]);
  });

  it('gives each job its own claim owner and a deadline of its budget', async () => {
    const t = 1_000;
    const seen: unknown[] = [];
    await runJobs([job('a', async (_d, ctx) => void seen.push({ owner: ctx.owner, left: ctx.deadline - ctx.now() }), 5_000)], fakeDeps(), { owner: 'timer-req1', now: () => t });
    expect(seen).toEqual([{ owner: 'timer-req1:a', left: 5_000 }]);
  });

  it('moves on from a job still running past its budget, and says so', async () => {
    jest.useFakeTimers();
    try {
      const { errors, log } = logged();
      const run = runJobs([job('stuck', () => new Promise(() => {}), 100), job('next', async () => 'ran')], fakeDeps(log), { owner: 'run' });
      await jest.advanceTimersByTimeAsync(100 + OVERRUN_GRACE_MS);
      const results = await run;
      expect(results).toEqual([
        { name: 'stuck', ok: false, ms: expect.any(Number), error: expect.stringContaining('past its budget') },
        { name: 'next', ok: true, ms: expect.any(Number), result: 'ran' },
      ]);
      expect(errors[0]).toMatchObject({ msg: 'timer job failed', extra: { job: 'stuck' } });
    } finally {
      jest.useRealTimers();
    }
  });

  it('skips a job when the run has no time left for it, within the function’s timeout', async () => {
    let t = 0;
    const results = await runJobs(
      [
        job('long', async () => {
          t += 9_000;
          return 'done';
        }, 9_000),
        job('late', async () => 'never', 1_000),
      ],
      fakeDeps(),
      { owner: 'run', timeoutMs: 9_000 + OVERRUN_GRACE_MS, now: () => t },
    );
    expect(results[1]).toEqual({ name: 'late', ok: false, ms: 0, error: 'no time left in this run', skipped: true });
  });
});

describe('the sweep within its budget', () => {
  let base: string;
  let known: Set<string>;
  beforeAll(async () => {
    base = await buildFixture();
    known = knownStrings(base);
  }, 60_000);

  it('stops starting batches when its time is spent, and the next runs finish the work as one run would', async () => {
    const whole = copyOf(base);
    const w = openAt(whole);
    const all = await sweepWithin(w.deps, { owner: 'whole', now: () => 0, deadline: Infinity }, 3);
    await w.store.close();
    expect(all.more).toBe(false);

    // The fake clock moves 5 s at every look, so a batch seems to take 5 s: a 25 s budget fits two.
    const file = copyOf(base);
    const { store, deps } = openAt(file);
    let t = 0;
    const now = () => (t += 5_000);
    const runs: Awaited<ReturnType<typeof sweepWithin>>[] = [];
    for (let i = 0; i < 20; i++) {
      const [r] = await runJobs([job('sweep', (d, ctx) => sweepWithin(d, ctx, 3), 25_000)], deps, { owner: `run-${i}`, now });
      if (!r.ok) throw new Error(r.error);
      runs.push(r.result as Awaited<ReturnType<typeof sweepWithin>>);
      if (!runs[runs.length - 1].more) break;
    }
    await store.close();
    expect(runs.length).toBeGreaterThan(2);
    expect(runs.slice(0, -1).every((r) => r.more && r.warned + r.escalated + r.closed + r.skipped <= 6)).toBe(true);
    const sum = (k: 'warned' | 'escalated' | 'closed') => runs.reduce((s, r) => s + r[k], 0);
    expect({ warned: sum('warned'), escalated: sum('escalated'), closed: sum('closed') }).toEqual({ warned: all.warned, escalated: all.escalated, closed: all.closed });
    expect(dump(file, known, ['whole', 'run-'])).toEqual(dump(whole, known, ['whole', 'run-']));
  });
});
