import { makeTimer } from '../lib/entry';
import { sweep } from '../lib/actions/reports';

/** Every 5 minutes: warn, escalate overdue reports, auto-close unrated ones. */
export const main = makeTimer('deadlines', (deps, runId) => sweep(deps, runId));
