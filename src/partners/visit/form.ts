/**
 * 记录走访's model and checks, in the words the partners function uses (core/schemas/partners.ts
 * recordVisit), so a mistake is said under its box before anything is sent; and the input it sends.
 */
import type { RecordVisitInput } from '../../services/partners';

export const MET_MAX = 100;
export const RAISED_MAX = 1000;
export const FEEDBACK_MAX = 500;

export interface VisitForm {
  communityId: string | null;
  day: string;
  met: string;
  raised: string;
  feedback: string;
}

export type Field = 'communityId' | 'day' | 'met' | 'raised' | 'feedback';
export type Problems = Partial<Record<Field, string>>;

/** `earliest`..`today`: the days the server takes (60 days back at most, never ahead). */
export function checkVisit(f: VisitForm, earliest: string, today: string): Problems {
  const out: Problems = {};
  if (!f.communityId) out.communityId = '请选择走访的是哪个社区';
  if (!f.day) out.day = '请选择走访日期';
  else if (f.day > today) out.day = '走访日期不能晚于今天';
  else if (f.day < earliest) out.day = '只能记录 60 天以内的走访';
  const met = f.met.trim();
  if (!met) out.met = '请写见了谁，例如“社区书记、3 号楼楼栋长”';
  else if (met.length > MET_MAX) out.met = `见了谁最多 ${MET_MAX} 个字`;
  const raised = f.raised.trim();
  if (!raised) out.raised = '请写了解到的诉求或反映的问题';
  else if (raised.length > RAISED_MAX) out.raised = `诉求最多 ${RAISED_MAX} 个字`;
  if (f.feedback.trim().length > FEEDBACK_MAX) out.feedback = `反馈最多 ${FEEDBACK_MAX} 个字`;
  return out;
}

export function inputOf(f: VisitForm, partnerId: string, clientRequestId: string): RecordVisitInput {
  const feedback = f.feedback.trim();
  const base = { clientRequestId, partnerId, communityId: f.communityId!, day: f.day, met: f.met.trim(), raised: f.raised.trim() };
  return feedback ? { ...base, feedback } : base;
}

/** The box a refusal names, or null when it is none of ours. */
export function fieldOf(field: string | undefined): Field | null {
  return field === 'communityId' || field === 'day' || field === 'met' || field === 'raised' || field === 'feedback' ? field : null;
}
