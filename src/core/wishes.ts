/**
 * Micro-wishes (微心愿): a resident — or their building or grid lead on their behalf — posts a small
 * wish (a walking stick, a ride to the hospital, a child's school bag); staff approve it for
 * publication; a member or volunteer claims it (one claimer, under any concurrency), fulfils it
 * with a note and photos, or gives it back; the wisher (or their lead) confirms, or the timer does
 * after WISH_CONFIRM_DAYS with a notice, as reports close; confirmation grants the claimer points.
 * An open wish nobody claimed by its day expires (a timer job). 黄金社区's 金语心愿, 联邦新城's 微心愿.
 *
 * The public view shows what is wished and for whom in general words ("独居老人"), never a phone, a
 * door or a name: the claimer reaches the wisher through the lead named on the wish, or by the
 * wisher's phone if the wisher allowed it.
 */
import type { Door } from './households';

export const WISH_STATUSES = ['pending', 'open', 'claimed', 'fulfilled', 'confirmed', 'rejected', 'expired', 'withdrawn'] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];

export const WISH_STATUS_LABEL: Record<WishStatus, string> = {
  pending: '待审核',
  open: '待认领',
  claimed: '已认领',
  fulfilled: '已实现，待确认',
  confirmed: '已确认',
  rejected: '未通过审核',
  expired: '已过期',
  withdrawn: '已撤回',
};

export const WISH_EVENTS = ['approve', 'reject', 'claim', 'giveBack', 'fulfil', 'confirm', 'autoConfirm', 'expire', 'withdraw', 'leave'] as const;
export type WishEvent = (typeof WISH_EVENTS)[number];

/** (status, event) → status: the one place a wish's status changes (style rule 4). */
export const WISH_TRANSITIONS: Readonly<Record<WishStatus, Partial<Record<WishEvent, WishStatus>>>> = {
  pending: { approve: 'open', reject: 'rejected', withdraw: 'withdrawn', leave: 'withdrawn' },
  open: { claim: 'claimed', expire: 'expired', withdraw: 'withdrawn', leave: 'withdrawn' },
  // A claimer who leaves gives the wish back (event leave from claimed → open).
  claimed: { giveBack: 'open', fulfil: 'fulfilled', withdraw: 'withdrawn', leave: 'open' },
  fulfilled: { confirm: 'confirmed', autoConfirm: 'confirmed' },
  confirmed: {},
  rejected: {},
  expired: {},
  withdrawn: {},
};

/** The next status, or null when the event does not apply (WISH.NOT_ALLOWED). */
export function wishTransition(status: WishStatus, event: WishEvent): WishStatus | null {
  return WISH_TRANSITIONS[status][event] ?? null;
}

/** A fulfilled wish nobody confirmed is confirmed by the timer after this many days (with a notice). */
export const WISH_CONFIRM_DAYS = 7;
/** A wish's day is at most this far ahead. */
export const WISH_DAYS_AHEAD_MAX = 180;
export const WISH_PHOTOS_MAX = 9;

/** The mini-program page notices open (the wishes subpackage's detail). */
export const WISH_PAGE = 'wishes/detail/index';
export const wishPage = (id: string) => `${WISH_PAGE}?id=${encodeURIComponent(id)}`;

/** Who posted it: the wisher themselves, or their building or grid lead for them (an older neighbour without a phone). */
export type WishPostedVia = 'self' | 'lead';

export interface Wish {
  id: string;
  communityId: string;
  /** The wisher's building: lists by subtree, the lead who handles it. */
  buildingId: string;
  unitPath: string;
  /** The wisher's door: never shown publicly. */
  door: Door;
  /** The wisher, when they are a person in Jinlin; null when a lead posted for someone who is not. */
  wisherId: string | null;
  /** 心愿内容: "想要一根带凳子的拐杖". */
  what: string;
  /** 为谁: general words, no name ("独居老人", "留守儿童"). */
  forWhom: string;
  /** China date by which it is wished ("2026-12-20"); an open wish past it expires. */
  byDate: string;
  postedBy: string;
  postedVia: WishPostedVia;
  /** The building or grid lead the claimer reaches the wisher through (the poster when a lead posted). */
  leadId: string | null;
  /** The wisher allowed the claimer to see their phone. */
  phoneShared: boolean;
  /** The wisher's phone (or a contact's the lead gave); shown only to the claimer, and only when phoneShared. */
  phone: string | null;
  status: WishStatus;
  approvedBy: string | null;
  approvedAt: number | null;
  rejectReason: string | null;
  claimerId: string | null;
  claimedAt: number | null;
  /** What the claimer did, and photos (stored paths). */
  fulfilNote: string | null;
  fulfilPhotos: string[];
  fulfilledAt: number | null;
  confirmedAt: number | null;
  /** Who confirmed: the wisher, their lead, or null when the timer did. */
  confirmedBy: string | null;
  /** The points its confirmation granted the claimer; null until then. */
  points: number | null;
  /** The page's request id: a retried post is one wish. */
  clientRequestId: string;
  createdAt: number;
  updatedAt: number;
  version: number;
}
