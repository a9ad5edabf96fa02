/**
 * Who a WeChat user checking in may be: people already under the check-in's unit (a resident of one
 * of its buildings, a member staff added) with the same phone whom nobody signs in as yet. Approving
 * may make the applicant one of them instead of a new person; it never happens by itself, since a
 * typed phone proves nothing (and a check-in always waits for the secretary anyway).
 */
import type { Checkin, Person } from '../../../../src/core';
import type { Deps } from '../../deps';
import { unclaimed } from '../registration/candidates';

/** More people with one phone under one compound than this is not a match worth showing. */
const MATCHES = 10;

/** The people under the unit with the check-in's phone, claimed or not (one claimed since is answered as taken, which says more than "not allowed"). */
export async function samePhoneUnder(deps: Deps, c: Checkin, unitPath: string): Promise<Person[]> {
  const found = await deps.store.people.search(c.phone, [unitPath], MATCHES);
  return found.filter((p) => p.phone === c.phone);
}

/** The unclaimed people under the check-in's unit with its phone; none for a person checking in as themselves. */
export async function matchesFor(deps: Deps, c: Checkin, unitPath: string): Promise<Person[]> {
  if (c.applicantId) return [];
  return (await samePhoneUnder(deps, c, unitPath)).filter(unclaimed);
}
