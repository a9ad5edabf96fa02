/**
 * Leaving (注销), confirmed twice: askToLeave answers a token (its hash kept in the audit log, where
 * nothing else need be kept), leave with that token within LEAVE_CONFIRM_TTL_MS leaves.
 *
 * Leaving is resumable and idempotent rather than one transaction (its records live in a dozen
 * aggregates, and CloudBase transactions span single documents): each record is changed in one
 * atomic write of its own aggregate, each step skips what is done already, and the person is
 * forgotten last, so a run that stops halfway is finished by sending the same token again (or a new
 * one): until the last step the person can still sign in to do it.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  DROPPED_ON_LEAVING,
  DomainError,
  LEAVE_ASK_LIMIT,
  LEAVE_CONFIRM_TTL_MS,
  LEAVE_CONSEQUENCES,
  LEAVE_REASON,
  LEFT_PERSON_NAME,
  checkinTransition,
  dayKey,
  hasLeft,
  type Checkin,
  type LeaveConfirmation,
  type Left,
  type Pairing,
} from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/people';
import { audit, bindingsOf } from '../common';
import { personAction, type ActionDef, type AuthedContext } from '../define';
import { deliverPromotions, tellPromoted } from '../lectures/notices';
import { endPairingsOf } from '../members/end-pairings';
import { takeTry } from '../tries';
import { scrubDeliberation } from './leave-deliberation';
import { leavePartners } from './leave-partners';
import { cancelOrders, clearPoints, closeServiceRecords, closeWishes } from './leave-points-wishes';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
/** Versioned writes that meet a change made meanwhile are read again and tried this many times. */
const TRIES = 3;

/** Refused while the person holds a role leaving does not drop: reports and people are in their hands. */
async function demandMayLeave(ctx: AuthedContext): Promise<void> {
  const held = await ctx.deps.store.bindings.listForPerson(ctx.caller.person.id);
  if (held.some((b) => !DROPPED_ON_LEAVING.includes(b.role))) throw new DomainError('PERSON.HOLDS_ROLES');
}

/** Where the audit log shows that someone left: their first home (read before the bindings go). */
async function homePath(ctx: AuthedContext): Promise<string | null> {
  return (await bindingsOf(ctx.deps, ctx.caller.person.id))[0]?.unit.path ?? null;
}

export const askToLeave: ActionDef = personAction(schemas.people.askToLeave, async (ctx): Promise<LeaveConfirmation> => {
  await demandMayLeave(ctx);
  await takeTry(ctx, 'leaveAsk', LEAVE_ASK_LIMIT, 'PERSON.TOO_MANY_TRIES');
  const token = randomBytes(16).toString('hex');
  await audit(ctx, 'people.leaveAsked', 'person', ctx.caller.person.id, { tokenHash: hashOf(token) }, await homePath(ctx));
  return { token, expiresAt: ctx.deps.clock.now() + LEAVE_CONFIRM_TTL_MS, consequences: LEAVE_CONSEQUENCES };
});

async function demandConfirmed(ctx: AuthedContext, token: string): Promise<void> {
  const since = ctx.deps.clock.now() - LEAVE_CONFIRM_TTL_MS;
  const asked = await ctx.deps.store.audit.listForTarget(ctx.caller.person.id, 50);
  const hash = hashOf(token);
  if (!asked.some((e) => e.action === 'people.leaveAsked' && e.actorId === ctx.caller.person.id && e.at >= since && e.detail.tokenHash === hash))
    throw new DomainError('PERSON.LEAVE_NOT_CONFIRMED', undefined, 'token');
}

/** 转出 for an approved check-in, 退回 for a pending one (transferOut's rules: the member role comes off, pairings end); then forgotten. */
async function endCheckins(ctx: AuthedContext, openid: string | null): Promise<{ ended: number; pairings: number }> {
  const { deps, caller } = ctx;
  const mine = await deps.store.checkins.listForPerson(caller.person.id);
  const byOpenid = openid ? await deps.store.checkins.listForOpenid(openid) : [];
  const all = [...new Map([...mine, ...byOpenid].map((c) => [c.id, c])).values()];
  let ended = 0;
  let pairings = 0;
  for (const first of all) {
    let c: Checkin | null = first;
    for (let tries = 0; c && tries < TRIES; tries++) {
      const now = deps.clock.now();
      if (c.status === 'approved') {
        const next = checkinTransition(c, 'transferOut', { at: now, by: caller.person.id, reason: LEAVE_REASON, date: dayKey(now) });
        const done = await deps.store.checkins.end(next, c.version);
        if (done) {
          ended++;
          pairings += await endPairingsOf(ctx, done, 'transferOut');
        }
        c = done ?? (await deps.store.checkins.get(c.id));
      } else if (c.status === 'pending') {
        const next = checkinTransition(c, 'return', { at: now, by: caller.person.id, reason: LEAVE_REASON });
        c = (await deps.store.checkins.decide(next, c.version)) ?? (await deps.store.checkins.get(c.id));
      } else if (c.name !== LEFT_PERSON_NAME || c.openid !== null) {
        c = (await deps.store.checkins.forget(c.id, c.version, now)) ?? (await deps.store.checkins.get(c.id));
      } else break;
    }
  }
  return { ended, pairings };
}

/** Pairings where the person is the member, ended (those a check-in's end did not already end). */
async function endPairings(ctx: AuthedContext): Promise<number> {
  const { deps, caller } = ctx;
  let ended = 0;
  for (const first of await deps.store.pairings.listForMember(caller.person.id)) {
    let p: Pairing | null = first;
    for (let tries = 0; p && p.status === 'active' && tries < TRIES; tries++) {
      const now = deps.clock.now();
      const next: Pairing = { ...p, status: 'ended', endedAt: now, endedBy: caller.person.id, endReason: LEAVE_REASON, updatedAt: now, version: p.version + 1 };
      if (await deps.store.pairings.update(next, p.version)) {
        ended++;
        break;
      }
      p = await deps.store.pairings.get(p.id);
    }
  }
  return ended;
}

/** Sign-ups for lectures still to come, cancelled: the seat goes to the waiting list's head, who is told. */
async function cancelSignups(ctx: AuthedContext): Promise<number> {
  const { deps, caller } = ctx;
  const signups = (await deps.store.lectures.listSignupsOf(caller.person.id, 1000)).filter((s) => s.status !== 'cancelled');
  const lectures = new Map((await deps.store.lectures.getMany([...new Set(signups.map((s) => s.lectureId))])).map((l) => [l.id, l]));
  let cancelled = 0;
  for (const s of signups) {
    const lecture = lectures.get(s.lectureId);
    // A lecture that has begun keeps its sign-ups as they were: its attendance figures are the community's.
    if (!lecture || deps.clock.now() >= lecture.startsAt) continue;
    const tell = tellPromoted(deps);
    const out = await deps.store.lectures.cancelSignup(s.id, deps.clock.now(), tell);
    if (!out.ok) continue;
    cancelled++;
    const promoted = [...out.promoted];
    if (out.leftBehind) promoted.push(...(await deps.store.lectures.promote(lecture.id, deps.clock.now(), tell)).promoted);
    await deliverPromotions(deps, promoted, out.lecture);
  }
  return cancelled;
}

/** Pending registrations rejected, and every registration's applicant forgotten. */
async function forgetRegistrations(ctx: AuthedContext, openid: string | null): Promise<number> {
  const { deps, caller } = ctx;
  const mine = await deps.store.registrations.listForApplicant(caller.person.id);
  const byOpenid = openid ? await deps.store.registrations.listForOpenid(openid) : [];
  let forgotten = 0;
  for (const first of new Map([...mine, ...byOpenid].map((r) => [r.id, r])).values()) {
    let r = first;
    if (r.status === 'pending') {
      const rejected = await deps.store.registrations.reject(r.id, r.version, caller.person.id, deps.clock.now(), LEAVE_REASON);
      const now = rejected ?? (await deps.store.registrations.get(r.id));
      if (!now || now.status === 'pending') continue;
      r = now;
    }
    if (r.name === LEFT_PERSON_NAME && r.openid === null && r.username === null) continue;
    if (await deps.store.registrations.forget(r.id, r.version, deps.clock.now())) forgotten++;
  }
  return forgotten;
}

/**
 * The name and phone given when a report was recorded for the person, and their voice note (a voice
 * is as personal as a name): taken off, the report kept with what a handler typed of the voice.
 */
async function forgetReportContacts(ctx: AuthedContext): Promise<number> {
  const { deps, caller } = ctx;
  let kept = 0;
  let before: number | undefined;
  for (;;) {
    const page = await deps.store.reports.listForResident(caller.person.id, 100, before);
    for (const first of page) {
      if (first.residentId !== caller.person.id) continue;
      kept++;
      let r = first;
      for (let tries = 0; (r.contactName !== null || r.contactPhone !== null || r.voice) && tries < TRIES; tries++) {
        if (await deps.store.reports.save({ ...r, contactName: null, contactPhone: null, voice: null }, r.version, [])) break;
        r = (await deps.store.reports.get(r.id)) ?? r;
      }
    }
    if (page.length < 100) return kept;
    before = page[page.length - 1].createdAt;
  }
}

export const leave: ActionDef = personAction(schemas.people.leave, async (ctx, input): Promise<Left> => {
  const { deps, caller } = ctx;
  const person = caller.person;
  if (hasLeft(person)) {
    // Forgotten already, the run that did it stopped before the sessions: end them now.
    const sessionsEnded = await deps.store.sessions.revokeAllFor(person.id, deps.clock.now());
    return { left: true, reportsKept: 0, registrationsForgotten: 0, checkinsEnded: 0, pairingsEnded: 0, signupsCancelled: 0, codesRevoked: 0, bindingsRemoved: 0, sessionsEnded, ordersCancelled: 0, pointsCleared: 0, wishesClosed: 0, servicesClosed: 0, opinionsScrubbed: 0, votesReassigned: 0, partnerLinksEnded: 0, projectOwnersCleared: 0 };
  }
  await demandConfirmed(ctx, input.token);
  await demandMayLeave(ctx);
  const unitPath = await homePath(ctx);
  const openid = person.openid;

  const checkins = await endCheckins(ctx, openid);
  const pairingsEnded = checkins.pairings + (await endPairings(ctx));
  const signupsCancelled = await cancelSignups(ctx);
  let codesRevoked = 0;
  for (const c of await deps.store.codes.listForPerson(person.id))
    if (c.revokedAt === null && (await deps.store.codes.revoke(c.id, deps.clock.now(), person.id, LEAVE_REASON))) codesRevoked++;
  const registrationsForgotten = await forgetRegistrations(ctx, openid);
  const reportsKept = await forgetReportContacts(ctx);
  // Orders before the balance: their points come back first, then all of it goes.
  const ordersCancelled = await cancelOrders(ctx);
  const pointsCleared = await clearPoints(ctx);
  const servicesClosed = await closeServiceRecords(ctx);
  const wishesClosed = await closeWishes(ctx);
  const { opinionsScrubbed, votesReassigned } = await scrubDeliberation(ctx);
  const { partnerLinksEnded, projectOwnersCleared } = await leavePartners(ctx);
  let bindingsRemoved = 0;
  for (const b of await deps.store.bindings.listForPerson(person.id)) if (DROPPED_ON_LEAVING.includes(b.role) && (await deps.store.bindings.remove(b.id))) bindingsRemoved++;

  // Last: until here the person can still sign in and send the token again to finish.
  await deps.store.people.forget(person.id, deps.clock.now());
  const sessionsEnded = await deps.store.sessions.revokeAllFor(person.id, deps.clock.now());
  const left: Left = { left: true, reportsKept, registrationsForgotten, checkinsEnded: checkins.ended, pairingsEnded, signupsCancelled, codesRevoked, bindingsRemoved, sessionsEnded, ordersCancelled, pointsCleared, wishesClosed, servicesClosed, opinionsScrubbed, votesReassigned, partnerLinksEnded, projectOwnersCleared };
  const { left: _l, ...counts } = left;
  await audit(ctx, 'people.leave', 'person', person.id, counts, unitPath);
  return left;
});
