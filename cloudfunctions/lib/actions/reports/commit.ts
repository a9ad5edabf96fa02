/**
 * Every report use-case is: load → check who may → the engine's pure change → a versioned save
 * with its timeline, audit entry and messages → deliver. A refused step writes nothing.
 */
import { DomainError, streetIdOfPath, type Act, type Change, type CommunityPolicy, type Report } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { Notice } from '../../ports/notifier';
import { auditEntry } from '../common';
import type { AuthedContext } from '../define';
import { mayView } from './access';

/**
 * What the engine needs for a change made now by `actorId` under the community's policy, counting
 * time on the calendar of the street the report's unit (at `unitPath`) lies in.
 */
export async function act(deps: Deps, policy: CommunityPolicy, actorId: string | null, unitPath: string): Promise<Act> {
  const cal = await deps.calendars.forStreet(streetIdOfPath(unitPath));
  return { cal, policy, now: deps.clock.now(), actorId, newId: () => deps.ids.next('evt') };
}

/** The report if the caller may see it; with `version`, only if it is still the one they read. */
export async function load(ctx: AuthedContext, id: string, version?: number): Promise<Report> {
  const r = await ctx.deps.store.reports.get(id);
  if (!r || !mayView(ctx.caller, r)) throw new DomainError('REPORT.NOT_FOUND', undefined, 'id');
  if (version !== undefined && r.version !== version) throw new DomainError('CONFLICT.VERSION');
  return r;
}

/** What a saved change brings with it: its audit entry and who hears of it. */
export interface Effects {
  /** The audited action, e.g. 'reports.resolve' (recorded against the report's unit). */
  audit?: string;
  /** The notices to send, given the report as it will be saved. */
  notices?: (next: Report) => Notice[] | Promise<Notice[]>;
}

/**
 * Saves a change over the version the caller read, with its audit entry and in-app messages in the
 * same write: a lost race (CONFLICT.VERSION) writes none of them. Messages are delivered further
 * (subscribe messages) only once the write has landed.
 */
export async function commit(ctx: AuthedContext, before: Report, expected: number, change: Change, effects: Effects = {}): Promise<Report> {
  if (before.version !== expected) throw new DomainError('CONFLICT.VERSION');
  const { deps } = ctx;
  const notices = effects.notices ? await effects.notices({ ...change.report, version: expected + 1 }) : [];
  const saved = await deps.store.reports.save(change.report, expected, change.entries, {
    audit: effects.audit ? [auditEntry(ctx, effects.audit, 'unit', before.unitId, { reportId: before.id }, before.unitPath)] : [],
    messages: notices.map((n) => deps.notifier.message(n)),
  });
  if (!saved) throw new DomainError('CONFLICT.VERSION');
  for (const n of notices) await deps.notifier.deliver(n);
  return saved;
}
