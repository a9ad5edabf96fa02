/**
 * Tries per caller and window, for what is public and must not be hammered: resolving codes (ids
 * are random, but public means guessable by brute force) and submitting registrations (a posted
 * building code must not let anyone fill a building's queue). Counted in the store, so every
 * instance of a function counts the same tries.
 */
import { DomainError, type ErrorCode } from '../../../src/core';
import type { ActionContext } from './define';

export interface TryLimit {
  perWindow: number;
  windowMs: number;
}

/** The start of the window of `windowMs` that `now` falls in: windows are aligned on the clock (a quarter hour starts at :00, :15, …). */
export function windowStart(now: number, windowMs: number): number {
  return now - (now % windowMs);
}

/** Whose tries these are: the person if known, else their WeChat, else their address, else everyone without one. */
export function callerKey(ctx: ActionContext, what: string): string {
  if (ctx.caller) return `${what}:person:${ctx.caller.person.id}`;
  if (ctx.client.openid) return `${what}:openid:${ctx.client.openid}`;
  if (ctx.client.ip) return `${what}:ip:${ctx.client.ip}`;
  return `${what}:anon`;
}

/** Counts one try of `what` by the caller; past the limit of its window, refuses with `code`. */
export async function takeTry(ctx: ActionContext, what: string, limit: TryLimit, code: ErrorCode): Promise<void> {
  const start = windowStart(ctx.deps.clock.now(), limit.windowMs);
  if ((await ctx.deps.store.rateLimits.take(callerKey(ctx, what), start)) > limit.perWindow) throw new DomainError(code);
}
