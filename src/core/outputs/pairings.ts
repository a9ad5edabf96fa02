/** What the pairings function (联户, 走访) answers. */
import type { Door } from '../households';
import type { PairingStatus } from '../pairings';
import type { UnitRef } from '../views';

export interface PairingPersonRef {
  id: string;
  name: string;
}

export interface PairingHousehold {
  buildingId: string;
  /** "幸福里小区 3号楼" */
  trail: string;
  door: Door;
  /** "2单元 5层 502室" */
  doorLabel: string;
}

export interface PairingView {
  id: string;
  version: number;
  status: PairingStatus;
  statusLabel: string;
  member: PairingPersonRef;
  household: PairingHousehold;
  /** 户类别; null when this reader does not read them (only the member, the branch secretary and community staff do). */
  kinds: string[] | null;
  contactName: string | null;
  contactPhone: string | null;
  visits: number;
  lastVisitOn: string | null;
  createdAt: number;
  endedAt: number | null;
  endReason: string | null;
}

export interface VisitView {
  id: string;
  pairingId: string;
  member: PairingPersonRef;
  household: PairingHousehold;
  date: string;
  done: string;
  needs: string | null;
  /** The report filed during the visit, if any. */
  reportId: string | null;
  createdAt: number;
}

/** A community's kinds of households, as the pairing form offers them. */
export interface HouseholdKindsView {
  community: UnitRef;
  kinds: string[];
  /** True while the community keeps the default list. */
  isDefault: boolean;
  /** What saveKinds must be given back (0 while never saved). */
  version: number;
}

export interface PairingMemberRow {
  member: PairingPersonRef;
  households: number;
  visits: number;
  /** Visits that filed a report. */
  reports: number;
  lastVisitOn: string | null;
}

export interface PairingKindRow {
  kind: string;
  households: number;
  visits: number;
}

export interface PairingCounts {
  unit: UnitRef;
  trail: string;
  /** Pairings on now, per member (most households first). */
  members: PairingMemberRow[];
  /** Per kind; null for a reader who does not read kinds (a grid lead). */
  kinds: PairingKindRow[] | null;
  total: { members: number; households: number; visits: number; reports: number };
}

export interface PairingsOutputs {
  kinds: HouseholdKindsView;
  saveKinds: HouseholdKindsView;
  /** `created` false: the pairing had ended and was taken up again. */
  pair: { pairing: PairingView; created: boolean };
  setKinds: PairingView;
  end: PairingView;
  list: { rows: PairingView[]; total: number };
  mine: { pairings: PairingView[] };
  /** `created` false: a retried request; the visit recorded the first time. */
  recordVisit: { visit: VisitView; created: boolean };
  visits: { rows: VisitView[]; total: number };
  counts: PairingCounts;
}
