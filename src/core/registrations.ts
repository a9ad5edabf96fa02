/**
 * Registration (注册): a WeChat user (or, on the h5 build and the local host, a web account) asks to
 * become a resident of a building, from a `building` or a `personal` code, or from a card opened in
 * the building's bound WeChat group (the building filled in from the group). Pending until approved
 * by the building's lead or community staff; approved by itself only when it cannot be somebody
 * else: a phone verified by WeChat that matches a resident imported for that building whom nobody
 * has claimed, or a personal code used by its person (never from a group: a card opened in it says
 * only that the person is in the group, which holds staff, police and others besides the residents).
 * A typed phone never approves itself: otherwise anyone who knows a neighbour's number becomes that
 * neighbour.
 *
 * Approval binds the applicant (openid or web account) to a person and the resident role, with the
 * door, to the building, in one atomic step of the store.
 */
import type { Door } from './households';
import type { Role, ScopedBinding } from './roles';
import type { Unit } from './units';

export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const REGISTRATION_STATUS_LABEL: Record<RegistrationStatus, string> = {
  pending: '等待审核',
  approved: '已通过',
  rejected: '未通过',
};

/** Why it was approved without anyone deciding, if it was. */
export type AutoApproval = 'verified_phone' | 'personal_code';

export interface Registration {
  id: string;
  status: RegistrationStatus;
  /** The WeChat user applying (from the platform); null for a web account. */
  openid: string | null;
  /** A web account's sign-in name: its phone. Null for a WeChat user. */
  username: string | null;
  /** A web account's chosen password, hashed; moved onto the person when approved. Never shown. */
  passwordHash: string | null;
  /** A web applicant's key to read their registration before they can sign in (sha256 of what their browser keeps). */
  keyHash: string | null;
  /** A registered person applying for another household; null for a newcomer. */
  applicantId: string | null;
  /**
   * The code it started from, and its purpose; both null when it started from a card opened in the
   * building's bound WeChat group (src/core/groups.ts), which takes no code use and never approves
   * itself.
   */
  codeId: string | null;
  codePurpose: 'building' | 'personal' | null;
  buildingId: string;
  /** The building's path, for the queues of the units above it. */
  buildingPath: string;
  door: Door;
  name: string;
  phone: string;
  /** True when WeChat gave the phone (getPhoneNumber); false when typed. */
  phoneVerified: boolean;
  /**
   * The person approval binds: a personal code's person or an imported resident the applicant is
   * (set when approving, or when submitting finds them); null: approval makes a new person.
   */
  personId: string | null;
  autoApproved: AutoApproval | null;
  decidedBy: string | null;
  decidedAt: number | null;
  /** What the applicant reads when rejected. */
  rejectReason: string | null;
  /**
   * A resident moving to another door (更正门牌: the same building or another): the home they leave.
   * Approving binds the new door and ends that home in the same write; rejecting leaves both as they
   * were. Null or absent for a newcomer or another household.
   */
  moveFrom?: MoveFrom | null;
  createdAt: number;
  updatedAt: number;
  version: number;
}

/** The home a move leaves: the resident's building (its path, for the queue's trail) and door as bound. */
export interface MoveFrom {
  buildingId: string;
  buildingPath: string;
  door: Door | null;
}

/** Who approves registrations: these roles on the building or above it. An allow-list. */
export const APPROVES_REGISTRATIONS: readonly Role[] = ['building_lead', 'compound_secretary', 'community_staff', 'community_secretary', 'street_officer'];

/** May approve or reject registrations for a building at `building` (a live binding in the table, on it or above it). */
export function mayApproveRegistration(bindings: readonly ScopedBinding[], building: Pick<Unit, 'path'>): boolean {
  return bindings.some((b) => !b.unit.archived && APPROVES_REGISTRATIONS.includes(b.role) && building.path.startsWith(b.unit.path));
}

/** The top units whose registrations the person approves (the queue's scope). */
export function approvalRoots(bindings: readonly ScopedBinding[]): ScopedBinding['unit'][] {
  const units = bindings.filter((b) => !b.unit.archived && APPROVES_REGISTRATIONS.includes(b.role)).map((b) => b.unit);
  return units.filter((u) => !units.some((o) => o !== u && o.path !== u.path && u.path.startsWith(o.path)));
}

/** How to get in, said to a WeChat user the system does not know yet. */
export const HOW_TO_REGISTER = '请扫楼栋长或社区给的楼栋码（或您的个人码），填写姓名、电话和门牌，楼栋长审核后就能使用';

/** The same names as people's: these are who approval makes or claims. */
export const REGISTRATION_ROLE: Role = 'resident';

/** Submitting is public: at most this many submits per caller in each window (resubmits after a typo included). */
export const REGISTRATION_SUBMIT_LIMIT = { perWindow: 20, windowMs: 60 * 60_000 } as const;
