/**
 * Every cloud function's actions, by function name: what the local host serves at /api/<name> and
 * what the tests call. Cloud functions never import this file: each bundles its own FunctionDef
 * (cloudfunctions/<name>/index.ts), so a resident's first tap on `reports` does not load the management page's actions.
 */
import { auth } from './actions/auth';
import { codes } from './actions/codes';
import { groups } from './actions/groups';
import { lectures } from './actions/lectures';
import { management } from './actions/management';
import { members } from './actions/members';
import { messages } from './actions/messages';
import { open311 } from './actions/open311';
import { pairings } from './actions/pairings';
import { people } from './actions/people';
import { points } from './actions/points';
import { registration } from './actions/registration';
import { reports } from './actions/reports';
import { units } from './actions/units';
import { wishes } from './actions/wishes';
import { assessments } from './actions/assessments';
import { deliberation } from './actions/deliberation';
import { partners } from './actions/partners';
import { dispatcher, type FunctionRegistry } from './dispatch';

export const FUNCTIONS: FunctionRegistry = { auth, units, people, messages, reports, management, codes, registration, groups, members, open311, lectures, pairings, points, wishes, assessments, deliberation, partners };

/** dispatch(deps, functionName, event, credentials) over every function. */
export const dispatch = dispatcher(FUNCTIONS);

export { httpStatus } from './dispatch';
