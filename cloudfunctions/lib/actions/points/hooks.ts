/**
 * What other functions grant, as they do it: a lecture attendance marked by staff (their scan of the
 * attendee's code, or a tick on the list — not the attendee's own scan of the venue code, which
 * nobody witnessed) and a member's visit to a paired household. A failed grant never fails the
 * attendance or the visit: it is logged, and since each source grants once, marking or recording
 * it again later grants what is missing.
 */
import type { AttendanceVia, Lecture, Pairing, Visit } from '../../../../src/core';
import type { Deps } from '../../deps';
import { earnPoints, type EarnRequest } from './earn';

async function safely(deps: Deps, what: string, a: EarnRequest): Promise<void> {
  try {
    await earnPoints(deps, a);
  } catch (e) {
    deps.log.error('points grant failed', { what, personId: a.personId, sourceId: a.sourceId, error: e instanceof Error ? e.message : String(e) });
  }
}

/** Vias that staff witnessed: attendance by them earns points. */
const STAFF_MARKED: readonly AttendanceVia[] = ['ticket', 'list'];

export async function lecturePoints(deps: Deps, a: { lecture: Lecture; personId: string; signupId: string; via: AttendanceVia; markedBy: string; at: number }): Promise<void> {
  if (!STAFF_MARKED.includes(a.via)) return;
  await safely(deps, 'lecture', {
    personId: a.personId,
    communityId: a.lecture.communityId,
    kind: 'lecture',
    sourceId: a.signupId,
    reason: `参加讲座《${a.lecture.title}》`,
    grantedBy: a.markedBy,
    at: a.at,
  });
}

export async function visitPoints(deps: Deps, p: Pairing, v: Visit): Promise<void> {
  await safely(deps, 'visit', {
    personId: v.memberId,
    communityId: p.communityId,
    kind: 'visit',
    sourceId: v.id,
    reason: p.contactName ? `联户走访：${p.contactName}家（${v.date}）` : `联户走访（${v.date}）`,
    grantedBy: null,
    at: v.createdAt,
  });
}
