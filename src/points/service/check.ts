/**
 * 记录服务's checks, in the words the member reads under each box, before anything is sent (the server
 * says the same: schemas/points.ts recordService), and the days it offers.
 */
import { SERVICE_MINUTES_MAX } from '../../core/points';
import { dayKey } from '../../core/time';

export const WHAT_MAX = 200;
export const FOR_WHOM_MAX = 50;
/** The shortest service worth a record (the schema's lower bound). */
export const MINUTES_MIN = 10;
const DAY = 24 * 3600_000;

export interface ServiceDraft {
  what: string;
  hours: string;
  minutes: string;
  forWhom: string;
}

export type ServiceErrors = Partial<Record<'what' | 'date' | 'minutes' | 'forWhom', string | null>>;

const whole = (s: string) => (s.trim() === '' ? 0 : /^\d{1,3}$/.test(s.trim()) ? Number(s.trim()) : NaN);

/** The duration typed as hours and minutes, in minutes; NaN when either is not a whole number. */
export const minutesOf = (d: Pick<ServiceDraft, 'hours' | 'minutes'>) => whole(d.hours) * 60 + whole(d.minutes);

export function checkService(d: ServiceDraft): ServiceErrors {
  const what = d.what.trim().length;
  const minutes = minutesOf(d);
  return {
    what: what === 0 ? '请写一写做了什么服务' : what > WHAT_MAX ? `服务内容最多 ${WHAT_MAX} 个字` : null,
    minutes: Number.isNaN(minutes)
      ? '时长请填整数，例如 1 小时 30 分钟'
      : minutes < MINUTES_MIN
        ? `服务时长至少 ${MINUTES_MIN} 分钟`
        : minutes > SERVICE_MINUTES_MAX
          ? `一条记录最多 ${SERVICE_MINUTES_MAX / 60} 小时，更长的请分几天记`
          : null,
    forWhom: d.forWhom.trim().length > FOR_WHOM_MAX ? `服务对象最多 ${FOR_WHOM_MAX} 个字` : null,
  };
}

export const hasErrors = (e: ServiceErrors) => Object.values(e).some(Boolean);

/** Today, yesterday and the day before ("2026-11-23"). */
export const daysOffered = (now: number = Date.now()) => [0, 1, 2].map((i) => dayKey(now - i * DAY));

/** The earliest day the picker offers: service is recorded soon after, not a year on. */
export const earliestDay = (now: number = Date.now()) => dayKey(now - 90 * DAY);
