/**
 * Reports (民情反映): what the resident and the handler pages call. Every answer is a result
 * value whose failure `message` can be shown as it is.
 */
import type { ActionInput, ActionName } from '../core/api';
import { call } from './api';

type In<A extends ActionName<'reports'>> = ActionInput<'reports', A>;

export const categories = (unitId?: string) => call('reports', 'categories', unitId ? { unitId } : {});
export const similar = (unitId: string, category: string) => call('reports', 'similar', { unitId, category });
export const createReport = (input: In<'create'>) => call('reports', 'create', input);
export const myReports = (input: In<'mine'> = {}) => call('reports', 'mine', input);
export const reportDetail = (id: string) => call('reports', 'detail', { id });
/** +1 on a neighbour's report; `note` (what the person had typed) is kept as their comment on it. */
export const followReport = (id: string, note?: string) => call('reports', 'follow', note?.trim() ? { id, note: note.trim() } : { id });
export const inbox = (input: In<'inbox'>) => call('reports', 'inbox', input);

export const rate = (input: In<'rate'>) => call('reports', 'rate', input);
export const dispute = (input: In<'dispute'>) => call('reports', 'dispute', input);
export const provideInfo = (input: In<'provideInfo'>) => call('reports', 'provideInfo', input);

/** The handler's actions: each takes the report's id and the version the handler read. */
export const HANDLER_ACTIONS = [
  'respond',
  // Only on a report with a voice note: what the handler heard, typed.
  'describe',
  'resolve',
  'requestInfo',
  'transfer',
  'escalate',
  'requestExtension',
  'decideExtension',
  'reject',
  'comment',
  'closeFollowUp',
] as const;
export type HandlerAction = (typeof HANDLER_ACTIONS)[number];

export function handle<A extends HandlerAction>(action: A, input: In<A>) {
  return call('reports', action, input);
}

/** The resident's own actions on a detail page. */
export const RESIDENT_ACTIONS = ['follow', 'provideInfo', 'rate', 'dispute'] as const;
