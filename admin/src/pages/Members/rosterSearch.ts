/**
 * The roster's filters in the query string (?unit=…&type=retired,mobile&skill=…&status=…&veteran=1),
 * so a reload, a shared link or a click on a count opens the same list. Anything unknown is dropped.
 */
import type { CheckinStatus, MemberType } from '../../api';
import { CHECKIN_STATUSES, MEMBER_TYPES } from '../../core';

export interface RosterFilter {
  unitId?: string;
  types?: MemberType[];
  skills?: string[];
  statuses?: CheckinStatus[];
  veteran?: boolean;
}

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

export function filterFromSearch(search: string): RosterFilter {
  const q = new URLSearchParams(search);
  const types = list(q.get('type')).filter((t): t is MemberType => (MEMBER_TYPES as readonly string[]).includes(t));
  const statuses = list(q.get('status')).filter((s): s is CheckinStatus => (CHECKIN_STATUSES as readonly string[]).includes(s));
  const skills = list(q.get('skill')).slice(0, 10);
  const veteran = q.get('veteran');
  return {
    unitId: q.get('unit') || undefined,
    types: types.length ? types : undefined,
    skills: skills.length ? skills : undefined,
    statuses: statuses.length ? statuses : undefined,
    veteran: veteran === '1' ? true : veteran === '0' ? false : undefined,
  };
}

export function searchOfFilter(f: RosterFilter): string {
  const q = new URLSearchParams();
  if (f.unitId) q.set('unit', f.unitId);
  if (f.types?.length) q.set('type', f.types.join(','));
  if (f.skills?.length) q.set('skill', f.skills.join(','));
  if (f.statuses?.length) q.set('status', f.statuses.join(','));
  if (f.veteran !== undefined) q.set('veteran', f.veteran ? '1' : '0');
  return q.toString();
}
