/** A report (民情反映) and its append-only timeline. */
import type { Level } from './categories';
import type { ReportEvent, Status } from './machine';
import type { Voice } from './voice';

/** `open311`: filed by a partner's system (a street's 12345 desk) through Open311 with a key the community issued. */
export const CHANNELS = ['resident', 'group_chat', 'visit', 'phone', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABEL: Record<Channel, string> = { resident: '居民自报', group_chat: '楼栋群代报', visit: '走访', phone: '电话', open311: '合作平台' };

export const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABEL: Record<Rating, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };

export interface Breach {
  level: Level;
  unitId: string | null;
  handlerId: string | null;
  at: number;
}

export interface Extension {
  requestedBy: string;
  requestedAt: number;
  days: number;
  reason: string;
  /** Who may decide: the level above the report's level. */
  deciderLevel: Level;
}

export interface FollowUp {
  status: 'open' | 'done';
  createdAt: number;
  closedAt: number | null;
  closedBy: string | null;
  note: string | null;
}

export interface Report {
  id: string;
  /** Sent by the client with a create, so a retried request never makes two reports. */
  clientRequestId: string;
  /** The resident the report is for (null when staff record a visit for someone not registered). */
  residentId: string | null;
  /** Who recorded it: the resident, or a building lead / staff on their behalf. */
  createdBy: string;
  channel: Channel;
  /** Name and phone given when someone else recorded it. */
  contactName: string | null;
  contactPhone: string | null;
  /** The building (or compound, for common areas) the report is about. */
  unitId: string;
  unitPath: string;
  communityId: string | null;
  category: string;
  urgent: boolean;
  description: string;
  /** Where in the building, e.g. "3单元 电梯". */
  location: string | null;
  photos: string[];
  /** A voice note instead of (or besides) the typed description; absent on reports filed before voice notes. */
  voice?: Voice | null;
  /** Keep my name private: handlers still see it, the public echo never does. */
  anonymous: boolean;
  /** The resident let the echo wall (回音壁) show the photos; absent on reports filed before the choice = not shown. */
  photosPublic?: boolean;

  status: Status;
  level: Level;
  levelUnitId: string | null;
  handlerId: string | null;
  /** The clock of the current level. */
  levelStartedAt: number;
  respondBy: number;
  warnAt: number;
  dueAt: number;
  respondedAt: number | null;
  /** The response deadline of the first level (the response rate counts against it). */
  firstRespondBy: number;
  warned: boolean;
  /** Ever breached at any level (the on-time rate counts this). */
  breached: boolean;
  breaches: Breach[];
  escalations: number;
  disputes: number;
  extension: Extension | null;
  /** Flag for the street's leaders: breached at the top. */
  flagged: boolean;
  transferredTo: string | null;
  resolvedAt: number | null;
  resolvedLevel: Level | null;
  closedAt: number | null;
  rating: Rating | null;
  ratingNote: string | null;
  followUp: FollowUp | null;
  duplicateOf: string | null;
  rejectReason: string | null;
  /** Neighbours who reported the same thing (+1). */
  followers: string[];

  /** The earliest moment the timer must look at this report again (null when it needs nothing). */
  nextCheckAt: number | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export type TimelineType = ReportEvent | 'create' | 'skip' | 'breach' | 'warn' | 'plusOne' | 'followUpClosed' | 'reassign' | 'describe';

export interface TimelineEntry {
  id: string;
  reportId: string;
  at: number;
  /** null for the system (timer). */
  actorId: string | null;
  type: TimelineType;
  fromStatus: Status | null;
  toStatus: Status | null;
  fromLevel: Level | null;
  toLevel: Level | null;
  note: string | null;
  photos: string[];
}
