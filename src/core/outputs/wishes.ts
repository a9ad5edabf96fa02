/** What the wishes function (微心愿) answers. */
import type { WishStatus } from '../wishes';
import type { UnitRef } from '../views';

export interface WishPersonRef {
  id: string;
  name: string;
}

/** What anyone who may browse sees: no phone, no door, no name. */
export interface WishPublicView {
  id: string;
  what: string;
  forWhom: string;
  byDate: string;
  /** "幸福里小区" (the compound, never the building or door). */
  place: string;
  status: WishStatus;
  statusLabel: string;
  createdAt: number;
}

/** How the claimer reaches the wisher: the lead named on the wish, and the wisher's phone if they allowed it. */
export interface WishContact {
  lead: (WishPersonRef & { phone: string | null; roleLabel: string }) | null;
  phone: string | null;
  /** "3号楼 2单元 502室": the claimer needs the door to bring the wish. */
  place: string;
}

/**
 * What the wisher, their lead, the claimer and staff see. A member or volunteer who is none of
 * these (the detail page opened from the open list) gets the same shape with what would name or
 * place the wisher left out: building, postedBy and claimer null, no fulfil note or photos.
 */
export interface WishView extends WishPublicView {
  version: number;
  /** Null in the public detail (a building narrows a household down too far). */
  building: UnitRef | null;
  postedVia: 'self' | 'lead';
  /** Null in the public detail. */
  postedBy: WishPersonRef | null;
  /** Null for the public and while unclaimed; for the claimer (and staff) once claimed. */
  contact: WishContact | null;
  claimer: WishPersonRef | null;
  claimedAt: number | null;
  fulfilNote: string | null;
  /** Photo URLs to show. */
  fulfilPhotos: string[];
  fulfilledAt: number | null;
  confirmedAt: number | null;
  /** True when the timer confirmed it (nobody did within 7 days). */
  confirmedByTimer: boolean;
  points: number | null;
  rejectReason: string | null;
  /** What the caller may do now: the page shows these buttons only. */
  can: { claim: boolean; giveBack: boolean; fulfil: boolean; confirm: boolean; withdraw: boolean; approve: boolean };
}

export interface WishesOutputs {
  post: { wish: WishView; created: boolean };
  open: { wishes: WishPublicView[]; total: number };
  detail: WishView;
  mine: { posted: WishView[]; claimed: WishView[] };
  claim: WishView;
  giveBack: WishView;
  fulfil: WishView;
  confirm: WishView;
  withdraw: WishView;
  list: { wishes: WishView[]; total: number };
  approve: WishView;
  reject: WishView;
}
