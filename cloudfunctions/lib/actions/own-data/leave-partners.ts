/**
 * Leaving (注销) and partner organisations: the person's link to a partner ends, they are no longer the
 * contact person of any partner (the contact's name and phone stay: they are the organisation's, what
 * staff call), and no project of those partners names them as its owner any more (the partner names a
 * new one when it accepts or carries on). The visits they recorded stay, naming a person who left.
 * Resumable: a second run finds nothing left to change.
 */
import type { Partner, Project } from '../../../../src/core';
import type { AuthedContext } from '../define';

/** Versioned writes that meet a change made meanwhile are read again and tried this many times. */
const TRIES = 3;
const MANY = 10_000;

async function clearContact(ctx: AuthedContext, first: Partner): Promise<boolean> {
  const { deps, caller } = ctx;
  let p: Partner | null = first;
  for (let tries = 0; p && p.contact.personId === caller.person.id && tries < TRIES; tries++) {
    const now = deps.clock.now();
    if (await deps.store.partners.update({ ...p, contact: { ...p.contact, personId: null }, updatedAt: now, version: p.version + 1 }, p.version)) return true;
    p = await deps.store.partners.get(p.id);
  }
  return false;
}

async function clearOwner(ctx: AuthedContext, first: Project): Promise<boolean> {
  const { deps, caller } = ctx;
  let p: Project | null = first;
  for (let tries = 0; p && p.partnerOwnerId === caller.person.id && tries < TRIES; tries++) {
    if (await deps.store.projects.update({ ...p, partnerOwnerId: null, updatedAt: deps.clock.now(), version: p.version + 1 }, p.version)) return true;
    p = await deps.store.projects.get(p.id);
  }
  return false;
}

export async function leavePartners(ctx: AuthedContext): Promise<{ partnerLinksEnded: number; projectOwnersCleared: number }> {
  const { deps, caller } = ctx;
  const me = caller.person.id;
  const [contactOf, link] = await Promise.all([deps.store.partners.contactOf(me), deps.store.partners.memberLink(me)]);
  const partnerIds = [...new Set([...contactOf.map((p) => p.id), ...(link ? [link.partnerId] : [])])];
  // Owners first, while the partners they own projects of are still found through them.
  let projectOwnersCleared = 0;
  if (partnerIds.length)
    for (const p of (await deps.store.projects.list({ partnerIds }, MANY, 0)).projects) if (p.partnerOwnerId === me && (await clearOwner(ctx, p))) projectOwnersCleared++;
  let partnerLinksEnded = 0;
  for (const p of contactOf) if (await clearContact(ctx, p)) partnerLinksEnded++;
  if (link && (await deps.store.partners.unlinkMember(link.partnerId, me))) partnerLinksEnded++;
  return { partnerLinksEnded, projectOwnersCleared };
}
