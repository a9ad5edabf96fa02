import { makeTimer } from '../lib/timer/entry';
import { TIMER_JOBS, TIMER_TIMEOUT_MS } from '../lib/timer/registry';

/** Every 5 minutes: every job of the timer's registry (the sweep, session purge, …). */
export const main = makeTimer('timer', TIMER_JOBS, TIMER_TIMEOUT_MS);
