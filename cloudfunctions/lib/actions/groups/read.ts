/**
 * Reading the WeChat group a page was opened in: getGroupEnterInfo's cloudID traded for the group's
 * openGId through the OpenData port. Reading fails for many reasons (the page was not opened from a
 * group, the person left it, the 5 minutes passed, and some WeChat does not document): each failure
 * is logged with its reason, and said in words that fit where it happened, since what the person can
 * do instead differs (choose their building, scan its code, open the card again).
 */
import { DomainError, type Unit } from '../../../../src/core';
import { sha256 } from '../../auth/tokens';
import type { GroupAnswer } from '../../ports/open-data';
import type { ActionContext } from '../define';

/** What a failure to read the group says, where it happened. */
export interface GroupRefusals {
  /** The input field the cloudID came in. */
  field: string;
  expired: string;
  unreadable: string;
}

/** The group behind `cloudID`, or why not; a failure is logged with its reason, never thrown. */
export async function groupAnswer(ctx: ActionContext, cloudID: string, why: string): Promise<GroupAnswer> {
  const answer = await ctx.deps.openData.groupOf(cloudID);
  if (!answer.ok) ctx.deps.log.info('group not read', { reason: answer.reason, for: why, requestId: ctx.requestId });
  return answer;
}

/** The openGId behind `cloudID`; GROUP.EXPIRED or GROUP.UNREADABLE, in `refusals`' words, when it cannot be read. */
export async function readGroup(ctx: ActionContext, cloudID: string, why: string, refusals: GroupRefusals): Promise<string> {
  const answer = await groupAnswer(ctx, cloudID, why);
  if (answer.ok) return answer.openGId;
  if (answer.reason === 'expired') throw new DomainError('GROUP.EXPIRED', refusals.expired, refusals.field);
  throw new DomainError('GROUP.UNREADABLE', refusals.unreadable, refusals.field);
}

/** The live building a group is bound to, or null (none, or only an archived one). */
export async function boundBuilding(ctx: ActionContext, openGId: string): Promise<Unit | null> {
  const unit = await ctx.deps.store.units.findByGroupId(openGId);
  return unit && !unit.archived && unit.kind === 'building' ? unit : null;
}

/**
 * A group as the audit log and the logs name it: a short digest of its openGId, enough to tell one
 * group from another in the log, and no openGId in clear (it names the group to anyone who has it).
 */
export function groupDigest(openGId: string): string {
  return sha256(`group:${openGId}`).slice(0, 12);
}
