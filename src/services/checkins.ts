/**
 * Checking in (党员报到) and deciding check-ins: what the check-in form and the approvers' queue call.
 * Only their subpackages load this file (我的 reads check-ins through services/members.ts), so none of
 * it weighs on the main package. Deciding is the branch secretary's and the community secretary's.
 */
import type { ActionInput } from '../core/api';
import { call } from './api';

export type CheckinInput = ActionInput<'members', 'submit'>;

export const submitCheckin = (input: CheckinInput) => call('members', 'submit', input);

export { pendingCheckins } from './members';

/** Approves: as `personId` (someone under the unit with the same phone), or as whoever the applicant is. */
export const approveCheckin = (id: string, version: number, personId: string | null) =>
  call('members', 'approve', personId ? { id, version, personId } : { id, version });

export const returnCheckin = (id: string, version: number, reason: string) => call('members', 'return', { id, version, reason });
