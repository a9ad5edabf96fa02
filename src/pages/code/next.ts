/**
 * Where the landing page goes on from a code, per purpose. A page named here receives the code as
 * `?code=<id>` (the landing page already resolved it; `scene` stays the landing page's own).
 * Pages not built yet are null: the landing page then says so and whom to ask instead of showing a
 * button that leads nowhere. A building's code and a personal code go on to the join page (登记入住),
 * a member code to the check-in form (党员报到), a venue code to 现场签到 (the attendee scans the screen's
 * rotating code there), a compound's public code to its echo wall (回音壁).
 */
import type { CodePurpose } from '../../core/codes';
import { PAGES } from '../../utils/nav';
import { MEMBER_PAGES } from '../../members/urls';
import { LECTURE_PAGES } from '../../lectures/urls';
import { ECHO_PAGES } from '../../echo/urls';

export const NEXT_PAGE: Readonly<Record<CodePurpose, string | null>> = {
  building: PAGES.registerJoin,
  member: MEMBER_PAGES.checkin,
  venue: LECTURE_PAGES.attend,
  public: ECHO_PAGES.wall,
  personal: PAGES.registerJoin,
};

/** The main button's words when the page exists. */
export const NEXT_ACTION: Readonly<Record<CodePurpose, string>> = {
  building: '登记入住本楼',
  member: '党员报到',
  venue: '现场签到',
  public: '查看回音壁',
  personal: '本人登记',
};

/** Until the page exists: who helps a person do the same thing by hand. */
export const ASK_INSTEAD: Readonly<Record<CodePurpose, string>> = {
  building: '请先找楼栋长登记，或联系社区。',
  member: '请联系小区党支部书记或社区报到。',
  venue: '请找现场的社区工作人员签到。',
  public: '请问楼栋长或社区。',
  personal: '请找楼栋长或社区帮您登记。',
};

/** The page that carries the code on, with the code, or null when that step is not open yet. */
export function nextUrl(purpose: CodePurpose, id: string): string | null {
  const page = NEXT_PAGE[purpose];
  return page ? `${page}?code=${encodeURIComponent(id)}` : null;
}
