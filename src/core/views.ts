/**
 * The views several contracts share: a unit as a reference, and a report as a list and its page
 * show it. api.ts (every action's output) and desk.ts (the management page) both build on them.
 */
import type { Level, Rating, Report, Status, TimelineType, Channel } from './reports';
import type { UnitKind } from './units';

export interface UnitRef {
  id: string;
  name: string;
  kind: UnitKind;
  path: string;
}

/** A report as a list shows it. `resident` is null for people who must not see who reported it. */
export interface ReportSummary {
  id: string;
  version: number;
  category: string;
  categoryName: string;
  icon: string;
  urgent: boolean;
  description: string;
  status: Status;
  statusLabel: string;
  level: Level;
  levelLabel: string;
  unitName: string;
  /** "幸福里小区 1号楼" */
  place: string;
  handlerName: string | null;
  respondBy: number;
  dueAt: number;
  overdue: boolean;
  dueSoon: boolean;
  createdAt: number;
  followers: number;
}

export interface TimelineView {
  id: string;
  at: number;
  type: TimelineType;
  label: string;
  actorName: string | null;
  fromLevel: Level | null;
  toLevel: Level | null;
  fromStatus: Status | null;
  toStatus: Status | null;
  note: string | null;
  photos: string[];
}

export interface ReportDetail extends ReportSummary {
  location: string | null;
  photos: string[];
  /**
   * The voice note, for those who read the report: an address the caller's player loads (a cloud fileID
   * in the mini-program, a browser address otherwise), how long it plays, and what a handler typed after
   * listening. null when there is none.
   */
  voice?: { url: string; seconds: number; type: string; heard: string | null } | null;
  /** Said where the photos would be, to a reader the resident chose not to show them to (core/own-data.ts PHOTOS_WITHHELD); else null or absent. */
  photosWithheld?: string | null;
  channel: Channel;
  channelLabel: string;
  anonymous: boolean;
  /** Name and phone of the resident: only for handlers and the resident themself. */
  resident: { name: string; phone: string | null } | null;
  handler: { name: string; roleLabel: string; phone: string | null } | null;
  /** What happens next, in a sentence a resident understands. */
  nextStep: string;
  /** What happens next for those who work the report (staff, handlers): whose move, by when; null for anyone else. */
  nextStepForStaff: string | null;
  rating: Rating | null;
  ratingNote: string | null;
  rejectReason: string | null;
  transferredTo: string | null;
  extension: Report['extension'];
  followUp: Report['followUp'];
  breached: boolean;
  flagged: boolean;
  escalations: number;
  disputes: number;
  timeline: TimelineView[];
  /** The actions this caller may take now (names of reports.* actions). */
  can: string[];
  /**
   * The caller watches this urgent report in their building (关注, access.ts WATCHES_URGENT_IN_BUILDING):
   * they read it without handling it, and are no follower.
   */
  watching: boolean;
  /** Why a watcher reads it, in a sentence for the page: "这条紧急反映由物业办理，您作为楼栋长可以查看，不用您办理。"; null otherwise. */
  watchNote: string | null;
}

export interface InboxCounts {
  assigned: number;
  dueSoon: number;
  overdue: number;
  /** Open urgent reports in the caller's buildings that others handle (the 关注 view); not among `assigned`. */
  watching: number;
}
