/**
 * The visit form's checks, said in the words the member reads under each box, before anything is sent
 * (the server says the same: schemas/pairings.ts, schemas/reports.ts), and the days it offers.
 */
import { dayKey } from '../../core/time';
import { checkDescription } from '../../utils/report';

export const DONE_MAX = 500;
export const NEEDS_MAX = 500;
const DAY = 24 * 3600_000;

export interface VisitDraft {
  done: string;
  needs: string;
  /** 帮他反映 is on. */
  help: boolean;
  category: string | null;
  description: string;
  /** The report is filed already (an earlier tap): its part is not asked again. */
  filed: boolean;
}

export type VisitErrors = Partial<Record<'date' | 'done' | 'needs' | 'category' | 'description', string | null>>;

export function checkVisit(d: VisitDraft): VisitErrors {
  const done = d.done.trim().length;
  const asksReport = d.help && !d.filed;
  return {
    done: done === 0 ? '请写一写这次走访做了什么' : done > DONE_MAX ? `这次走访做了什么最多 ${DONE_MAX} 个字` : null,
    needs: d.needs.trim().length > NEEDS_MAX ? `住户需要什么最多 ${NEEDS_MAX} 个字` : null,
    category: asksReport && !d.category ? '请选择要反映的是什么问题' : null,
    description: asksReport ? checkDescription(d.description) : null,
  };
}

export const hasErrors = (e: VisitErrors) => Object.values(e).some(Boolean);

/** Today, yesterday and the day before ("2026-11-23"), none before the day the pairing began. */
export function daysOffered(pairedOn: string, now: number = Date.now()): string[] {
  return [0, 1, 2].map((i) => dayKey(now - i * DAY)).filter((d) => d >= pairedOn);
}
