/**
 * Who is checking in, and how they are known until approval makes them a person: a person (the
 * caller, signed in or through WeChat), or a WeChat user nobody knows yet (the platform's OPENID).
 * Without WeChat and without signing in there is nobody to record: a web visitor signs in first.
 */
import { CHECKIN_ROLE, CHECKIN_STATUS_LABEL, DomainError, type Checkin, type Person, type Unit } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { ActionContext, CallerBinding } from '../define';

export type Applicant = { kind: 'person'; person: Person; bindings: readonly CallerBinding[] } | { kind: 'wechat'; openid: string };

export function applicantOf(ctx: ActionContext): Applicant {
  if (ctx.caller) return { kind: 'person', person: ctx.caller.person, bindings: ctx.caller.bindings };
  if (ctx.client.openid) return { kind: 'wechat', openid: ctx.client.openid };
  throw new DomainError('AUTH.REQUIRED', '请在微信里扫党员报到码报到；在电脑上请先登录');
}

/** What the check-in records of its applicant: a person by their id and their WeChat (if any), so either way finds it. */
export function applicantFields(a: Applicant): Pick<Checkin, 'openid' | 'applicantId'> {
  return a.kind === 'person' ? { openid: a.person.openid, applicantId: a.person.id } : { openid: a.openid, applicantId: null };
}

/**
 * Where the caller's check-ins are read from: as a person (what they submitted and what approval
 * bound to them), and as the WeChat user they were before; or as a WeChat user nobody knows yet.
 */
export function checkinsOf(deps: Deps, ctx: ActionContext): Promise<Checkin[]>[] {
  const store = deps.store.checkins;
  const lists: Promise<Checkin[]>[] = [];
  if (ctx.caller) {
    lists.push(store.listForPerson(ctx.caller.person.id));
    if (ctx.caller.person.openid) lists.push(store.listForOpenid(ctx.caller.person.openid));
  } else if (ctx.client.openid) {
    lists.push(store.listForOpenid(ctx.client.openid));
  }
  return lists;
}

/** The applicant's pending check-in, if any: a second submit answers it and writes nothing. */
export async function pendingOf(deps: Deps, a: Applicant): Promise<Checkin | null> {
  const store = deps.store.checkins;
  const lists = a.kind === 'person' ? [store.listForPerson(a.person.id), ...(a.person.openid ? [store.listForOpenid(a.person.openid)] : [])] : [store.listForOpenid(a.openid)];
  for (const list of await Promise.all(lists)) {
    const pending = list.find((c) => c.status === 'pending');
    if (pending) return pending;
  }
  return null;
}

/**
 * A member checks in once at a time: refused when the person holds the member role on `unit`
 * already, or has a check-in standing anywhere (they are transferred out there first).
 */
export async function demandNotMember(deps: Deps, a: Applicant, unit: Unit): Promise<void> {
  if (a.kind !== 'person') return;
  if (a.bindings.some((b) => b.role === CHECKIN_ROLE && b.unit.id === unit.id))
    throw new DomainError('CHECKIN.ALREADY_MEMBER', `您已经是 ${unit.name} 的党员了，不用再报到；您的记录请在“我的报到”里查看`, 'codeId');
  const standing = (await deps.store.checkins.listForPerson(a.person.id)).find((c) => c.status === 'approved');
  if (!standing) return;
  const where = standing.unitId === unit.id ? unit : await deps.store.units.get(standing.unitId);
  throw new DomainError(
    'CHECKIN.ALREADY_MEMBER',
    standing.unitId === unit.id
      ? `您已经在 ${unit.name} ${CHECKIN_STATUS_LABEL.approved}，不用再报到`
      : `您已经在 ${where?.name ?? '别处'} 报到了：要到 ${unit.name} 报到，请先请那里的党支部书记办理转出`,
    'codeId',
  );
}
