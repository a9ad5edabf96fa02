/**
 * The caller's side of the report access rules in core (src/core/access.ts): the same questions
 * asked with a caller, and the list of actions a report's page offers them.
 */
import {
  DomainError,
  LEVEL_LABEL,
  NOT_A_HANDLER,
  isHandler,
  isOpen,
  isReportOwner,
  managesReportsIn,
  mayDecideExtension,
  mayFollowReport,
  mayHandleReport,
  mayViewReport,
  hasLevelAbove,
  transition,
  type Report,
} from '../../../../src/core';
import type { Deps } from '../../deps';
import type { Caller } from '../define';
import { chainOf } from './routing';

export const isResidentOf = (caller: Caller, r: Report): boolean => isReportOwner(caller.person.id, r);

export const mayView = (caller: Caller, r: Report): boolean => mayViewReport(caller.person.id, caller.bindings, r);

export const mayHandle = (caller: Caller, r: Report): boolean => mayHandleReport(caller.person.id, caller.bindings, r);

/** Refuses anyone who handles no report anywhere, with what to do instead: the handler pages' first question. */
export function mustBeHandler(caller: Caller): void {
  if (!isHandler(caller.bindings)) throw new DomainError('AUTH.FORBIDDEN', NOT_A_HANDLER);
}

/**
 * Refuses a caller who may not handle this report, saying why: they handle nothing at all (and what
 * to do instead), the report is over, or it is someone else's (whose, so they know whom to call).
 */
export async function mustHandle(deps: Deps, caller: Caller, r: Report): Promise<void> {
  if (mayHandle(caller, r)) return;
  mustBeHandler(caller);
  if (!isOpen(r.status) && r.status !== 'resolved') throw new DomainError('AUTH.FORBIDDEN', '这条反映已经结束，不能再办理');
  const handler = r.handlerId ? await deps.store.people.get(r.handlerId) : null;
  throw new DomainError('AUTH.FORBIDDEN', `这条反映现在由${LEVEL_LABEL[r.level]}${handler ? `的${handler.name}` : ''}办理，您可以查看，不能办理`);
}

/** Extensions are decided by the level above the report's level (or staff). */
export async function mayDecide(deps: Deps, caller: Caller, r: Report): Promise<boolean> {
  if (!r.extension) return false;
  if (managesReportsIn(caller.bindings, { path: r.unitPath })) return true;
  const chain = await chainOf(deps, { path: r.unitPath });
  return mayDecideExtension(caller.bindings, r, chain.find((u) => u.kind === r.extension!.deciderLevel));
}

/** The reports.* actions the caller may take on the report now. */
export async function allowedActions(deps: Deps, caller: Caller, r: Report): Promise<string[]> {
  const out: string[] = [];
  const allowed = (e: Parameters<typeof transition>[1]) => transition(r.status, e) !== null;
  if (mayHandle(caller, r) && isOpen(r.status)) {
    if (allowed('respond') && r.respondedAt === null) out.push('respond');
    for (const a of ['resolve', 'transfer', 'requestInfo'] as const) if (allowed(a)) out.push(a);
    if (allowed('escalate') && hasLevelAbove(r.level)) out.push('escalate');
    if (allowed('requestExtension') && !r.extension && hasLevelAbove(r.level)) out.push('requestExtension');
    if (allowed('rejectDuplicate') || allowed('rejectNotActionable')) out.push('reject');
    out.push('comment');
  }
  if (r.voice && mayHandle(caller, r) && (isOpen(r.status) || r.status === 'resolved')) out.push('describe');
  if (r.extension && (await mayDecide(deps, caller, r)) && allowed('decideExtension')) out.push('decideExtension');
  if (isResidentOf(caller, r)) {
    if (r.status === 'resolved') out.push('rate', 'dispute');
    if (r.status === 'needs_info') out.push('provideInfo');
  }
  if (r.followUp?.status === 'open' && managesReportsIn(caller.bindings, { path: r.unitPath })) out.push('closeFollowUp');
  if (isOpen(r.status) && !isResidentOf(caller, r) && !r.followers.includes(caller.person.id) && mayFollowReport(caller.bindings, r)) out.push('follow');
  return out;
}
