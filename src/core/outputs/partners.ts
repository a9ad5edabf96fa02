/** What the partners function (共建单位) answers. */
import type { NeedSource, NeedStatus, PartnerKind, ProjectSide, ProjectStatus, ResourceKind, ResourceStatus } from '../partners';
import type { PartnerSide } from '../partner-access';
import type { FileDownload } from '../management';
import type { UnitRef } from '../views';

export interface PartnerPersonRef {
  id: string;
  name: string;
}

export interface PartnerRef {
  id: string;
  name: string;
  kind: PartnerKind;
  kindLabel: string;
}

/** A partner as staff see it in their list: with this month's visit and the figures that matter at a glance. */
export interface PartnerRow extends PartnerRef {
  version: number;
  address: string;
  contact: { name: string; phone: string; person: PartnerPersonRef | null };
  communities: UnitRef[];
  agreement: { signedOn: string; terms: string; until: string | null };
  archived: boolean;
  /** In-service members linked to it. */
  members: number;
  resourcesOffered: number;
  projectsOpen: number;
  projectsDone: number;
  /** The last visit's day, and whether the contact visited this month (the list shows who has not). */
  lastVisitDay: string | null;
  visitedThisMonth: boolean;
}

export interface PartnerDetail extends PartnerRow {
  memberList: { person: PartnerPersonRef; linkedAt: number; compound: string }[];
  resources: ResourceView[];
  /** The newest visits first (at most 50). */
  visits: PartnerVisitView[];
  can: { edit: boolean; archive: boolean; link: boolean };
}

export interface ResourceView {
  id: string;
  version: number;
  partner: PartnerRef;
  kind: ResourceKind;
  kindLabel: string;
  title: string;
  description: string;
  amount: string;
  availability: string;
  status: ResourceStatus;
  createdAt: number;
  can: { edit: boolean; withdraw: boolean; ask: boolean };
}

export interface NeedView {
  id: string;
  version: number;
  community: UnitRef;
  unit: UnitRef;
  /** "幸福里小区 / 3号楼" */
  trail: string;
  kind: ResourceKind;
  kindLabel: string;
  title: string;
  description: string;
  source: NeedSource;
  sourceLabel: string;
  sourceId: string | null;
  status: NeedStatus;
  statusLabel: string;
  /** The partner taking care of it and the project, once claimed. */
  partner: PartnerRef | null;
  projectId: string | null;
  createdAt: number;
  can: { claim: boolean; withdraw: boolean };
}

export interface MilestoneView {
  id: string;
  title: string;
  dueOn: string;
  doneAt: number | null;
  doneBy: PartnerPersonRef | null;
  /** Past its day and not done. */
  late: boolean;
}

export interface ProjectView {
  id: string;
  version: number;
  community: UnitRef;
  partner: PartnerRef;
  need: { id: string; title: string } | null;
  resource: { id: string; title: string } | null;
  title: string;
  startedBy: ProjectSide;
  /** "社区发起" / "共建单位认领" */
  startedByLabel: string;
  /** What the side that started it wrote with the claim or the ask. */
  note: string | null;
  status: ProjectStatus;
  statusLabel: string;
  communityOwner: PartnerPersonRef | null;
  partnerOwner: PartnerPersonRef | null;
  milestones: MilestoneView[];
  result: { text: string; photos: string[] } | null;
  reason: string | null;
  createdAt: number;
  decidedAt: number | null;
  closedAt: number | null;
  /** What the caller may do now; the pages show these buttons only. */
  can: { accept: boolean; decline: boolean; cancel: boolean; milestone: boolean; close: boolean };
}

export interface PartnerVisitView {
  id: string;
  partner: PartnerRef;
  community: UnitRef;
  day: string;
  met: string;
  raised: string;
  feedback: string;
  by: PartnerPersonRef;
  need: { id: string; title: string } | null;
  report: { id: string } | null;
  createdAt: number;
}

/** Figures of one partner (or the community's total) for a year. */
export interface PartnerFigures {
  resourcesOffered: number;
  needsMet: number;
  projectsOpen: number;
  projectsDone: number;
  visits: number;
  membersLinked: number;
}

export interface PartnerFiguresView {
  community: UnitRef;
  year: number;
  total: PartnerFigures & { needsPosted: number; partners: number };
  rows: (PartnerFigures & { partner: PartnerRef })[];
  /** Partners that have not visited this month (the current month of the year asked, or none for a past year). */
  notVisitedThisMonth: PartnerRef[];
}

/** A partner the caller acts for, in the mini-program. */
export interface MyPartner {
  partner: PartnerRef;
  side: PartnerSide;
  sideLabel: string;
  communities: UnitRef[];
  projects: ProjectView[];
  resources: ResourceView[];
  /** Open needs of the communities it partners with. */
  openNeeds: NeedView[];
  visits: PartnerVisitView[];
}

export interface PartnersOutputs {
  savePartner: { partner: PartnerDetail; created: boolean };
  archivePartner: PartnerDetail;
  list: { community: UnitRef; partners: PartnerRow[] };
  detail: PartnerDetail;
  linkMember: PartnerDetail;
  unlinkMember: PartnerDetail;
  postNeed: { need: NeedView; created: boolean };
  withdrawNeed: NeedView;
  needs: { needs: NeedView[]; total: number };
  resources: { resources: ResourceView[]; total: number };
  askResource: { project: ProjectView; created: boolean };
  projects: { projects: ProjectView[]; total: number };
  project: ProjectView;
  accept: ProjectView;
  decline: ProjectView;
  cancel: ProjectView;
  addMilestone: ProjectView;
  doneMilestone: ProjectView;
  close: ProjectView;
  visits: { visits: PartnerVisitView[]; total: number };
  linkVisitReport: PartnerVisitView;
  figures: PartnerFiguresView;
  export: FileDownload;
  mine: { partners: MyPartner[] };
  offerResource: { resource: ResourceView; created: boolean };
  editResource: ResourceView;
  withdrawResource: ResourceView;
  claimNeed: { project: ProjectView; created: boolean };
  recordVisit: { visit: PartnerVisitView; created: boolean };
}
