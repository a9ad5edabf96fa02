/**
 * Who is applying, and how they are known until they are a person: a registered person adding
 * another household (the caller), a WeChat user nobody knows yet (the platform's OPENID), or, with
 * no WeChat at all (the h5 build, the local host), a new web account known by a key its browser
 * keeps. The key is random, answered once, and only its SHA-256 is stored.
 */
import { randomBytes } from 'node:crypto';
import { DomainError, type Person, type Registration } from '../../../../src/core';
import { sha256 } from '../../auth/tokens';
import type { Deps } from '../../deps';
import type { ActionContext, CallerBinding } from '../define';

export type Applicant =
  | { kind: 'person'; person: Person; bindings: readonly CallerBinding[] }
  | { kind: 'wechat'; openid: string }
  /** `newKey`: the key made for this submit, answered once; null when the applicant brought theirs. */
  | { kind: 'web'; keyHash: string; newKey: string | null };

/** 32 random bytes, base64url: what a web applicant's browser keeps to read its registration. */
export function newRegistrationKey(): string {
  return randomBytes(32).toString('base64url');
}

export function applicantOf(ctx: ActionContext, key: string | undefined): Applicant {
  if (ctx.caller) return { kind: 'person', person: ctx.caller.person, bindings: ctx.caller.bindings };
  if (ctx.client.openid) return { kind: 'wechat', openid: ctx.client.openid };
  const newKey = key ? null : newRegistrationKey();
  return { kind: 'web', keyHash: sha256(key ?? newKey!), newKey };
}

/** Where the applicant's registrations are read from (none: the caller has no way of being known). */
export function registrationsOf(deps: Deps, ctx: ActionContext, key: string | undefined): Promise<Registration[]>[] {
  const lists: Promise<Registration[]>[] = [];
  const store = deps.store.registrations;
  if (ctx.caller) {
    lists.push(store.listForApplicant(ctx.caller.person.id));
    // What they asked for before they were a person: as a WeChat user nobody knew.
    if (ctx.caller.via === 'openid' && ctx.caller.person.openid) lists.push(store.listForOpenid(ctx.caller.person.openid));
  } else if (ctx.client.openid) {
    lists.push(store.listForOpenid(ctx.client.openid));
  }
  if (key) lists.push(store.listForKeyHash(sha256(key)));
  return lists;
}

/** The applicant's pending registration, if any: a second submit answers it and writes nothing. */
export async function pendingOf(deps: Deps, a: Applicant): Promise<Registration | null> {
  const store = deps.store.registrations;
  const list =
    a.kind === 'person'
      ? await store.listForApplicant(a.person.id)
      : a.kind === 'wechat'
        ? await store.listForOpenid(a.openid)
        : a.newKey
          ? [] // a key made just now has nothing yet
          : await store.listForKeyHash(a.keyHash);
  return list.find((r) => r.status === 'pending') ?? null;
}

/**
 * What the registration records of its applicant (a new web account's username and password come
 * from submit). A person applying again is recorded by their logins too: the queue shows what was
 * turned down before by them.
 */
export function applicantFields(a: Applicant): Pick<Registration, 'openid' | 'username' | 'applicantId' | 'keyHash'> {
  switch (a.kind) {
    case 'person':
      return { openid: a.person.openid, username: a.person.username, applicantId: a.person.id, keyHash: null };
    case 'wechat':
      return { openid: a.openid, username: null, applicantId: null, keyHash: null };
    case 'web':
      return { openid: null, username: null, applicantId: null, keyHash: a.keyHash };
  }
}

/** A person already living in the building does not register for it again. */
export function demandNotResident(a: Applicant, buildingId: string): void {
  if (a.kind === 'person' && a.bindings.some((b) => b.role === 'resident' && b.unit.id === buildingId)) throw new DomainError('REGISTRATION.ALREADY_RESIDENT', undefined, 'codeId');
}
