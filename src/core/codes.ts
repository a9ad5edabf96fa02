/**
 * Codes: one mechanism behind everything people scan (楼栋码, 报到码, 签到码, 公开码, 个人码). A code
 * is made on a unit for a purpose; its id is the `scene` of the mini-program code (or the `scene`
 * of the h5 link locally), random, and says nothing about what it is for. Every code opens the same
 * landing page (CODE_PAGE), which resolves it and goes on to its purpose's page: a printed poster
 * keeps working when pages move.
 *
 * A use is taken when a flow consumes the code (a registration submitted, a check-in submitted,
 * attendance marked) and given back if that registration is rejected. A scan is counted each
 * time the landing page resolves it.
 */
import type { Role, ScopedBinding } from './roles';
import type { Unit, UnitKind } from './units';

export const CODE_PURPOSES = ['building', 'member', 'venue', 'public', 'personal'] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];

export const CODE_PURPOSE_LABEL: Record<CodePurpose, string> = {
  building: '楼栋码',
  member: '党员报到码',
  venue: '签到码',
  public: '公开码',
  personal: '个人码',
};

/** What scanning it does, as the poster and the landing page say it. */
export const CODE_PURPOSE_DOES: Record<CodePurpose, string> = {
  building: '加入本楼，成为楼里的居民',
  member: '党员到这里的党组织报到',
  venue: '讲堂现场签到',
  public: '查看本小区的公开信息',
  personal: '本人加入近邻（只能用一次）',
};

/** The unit kinds a code of each purpose is made on. */
export const CODE_UNIT_KINDS: Readonly<Record<CodePurpose, readonly UnitKind[]>> = {
  building: ['building'],
  // A compound's check-in point, or the community's for 直管 members (src/core/checkins.ts).
  member: ['compound', 'community'],
  venue: ['community', 'compound'],
  public: ['compound'],
  personal: ['building'],
};

/**
 * Who makes, lists and revokes codes of each purpose: a binding with one of these roles on the
 * code's unit or above it. An allow-list: a role not named here makes no codes.
 */
export const MAKES_CODES: Readonly<Record<CodePurpose, readonly Role[]>> = {
  building: ['building_lead', 'compound_secretary', 'community_staff', 'community_secretary', 'street_officer'],
  member: ['compound_secretary', 'community_staff', 'community_secretary', 'street_officer'],
  venue: ['compound_secretary', 'community_staff', 'community_secretary', 'street_officer'],
  public: ['compound_secretary', 'community_staff', 'community_secretary', 'street_officer'],
  personal: ['building_lead', 'compound_secretary', 'community_staff', 'community_secretary', 'street_officer'],
};

/** May make (list, revoke) codes of `purpose` on `unit`: a live binding in MAKES_CODES on it or above it. */
export function mayMakeCode(bindings: readonly ScopedBinding[], purpose: CodePurpose, unit: Pick<Unit, 'path'>): boolean {
  return bindings.some((b) => !b.unit.archived && MAKES_CODES[purpose].includes(b.role) && unit.path.startsWith(b.unit.path));
}

/** The purposes whose codes the caller makes on `unit` (what they list there). */
export function purposesMadeOn(bindings: readonly ScopedBinding[], unit: Pick<Unit, 'path' | 'kind'>): CodePurpose[] {
  return CODE_PURPOSES.filter((p) => CODE_UNIT_KINDS[p].includes(unit.kind) && mayMakeCode(bindings, p, unit));
}

/** The one mini-program page every code opens (no leading slash, no query: wxacode.getUnlimited's `page`). */
export const CODE_PAGE = 'pages/code/index';

/** A personal code is a credential: one use, 14 days. */
export const PERSONAL_CODE_DAYS = 14;
export const PERSONAL_CODE_USES = 1;

/**
 * Code ids: 12 characters of Crockford's base32 alphabet in lower case (60 random bits): no i, l,
 * o or u, so a code read out or typed from a poster is not mistaken. Fits WeChat's 32-character scene.
 */
export const CODE_ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const CODE_ID_LENGTH = 12;
const CODE_ID = new RegExp(`^[${CODE_ID_ALPHABET}]{${CODE_ID_LENGTH}}$`);

export function isCodeId(s: string): boolean {
  return CODE_ID.test(s);
}

/** What a person typed or a scanner read, as an id: trimmed, lower case, Crockford's look-alikes mapped. */
export function normaliseCodeId(s: string): string {
  return s.trim().toLowerCase().replace(/[\s-]/g, '').replace(/[il]/g, '1').replace(/o/g, '0');
}

export interface Code {
  /** Random, CODE_ID_LENGTH characters of CODE_ID_ALPHABET: the `scene`. */
  id: string;
  purpose: CodePurpose;
  unitId: string;
  /** The unit's path when the code was made (codes of a subtree are listed by it). */
  unitPath: string;
  /** A personal code's person; null for the others. */
  personId: string | null;
  /** Where it is put up or what it is for, in the maker's words ("3号楼一单元门口"). */
  label: string | null;
  /** Usable from this time (inclusive); null: from its making. */
  validFrom: number | null;
  /** Usable until this time (exclusive); null: no end. */
  validUntil: number | null;
  /** How many uses it allows; null: no limit. */
  useLimit: number | null;
  uses: number;
  scans: number;
  createdBy: string;
  createdAt: number;
  revokedAt: number | null;
  revokedBy: string | null;
  revokeReason: string | null;
  /** Where its drawn image is kept (a cloud fileID or a local file name), once drawn. */
  image: string | null;
}

/** Why a code cannot be used now; each has its own error code. */
export const CODE_REFUSALS = ['not_yet_valid', 'expired', 'revoked', 'used_up'] as const;
export type CodeRefusal = (typeof CODE_REFUSALS)[number];

/** Whether the code can be used at `now`, or why not (revoked first: it says the most). */
export function codeRefusal(c: Pick<Code, 'revokedAt' | 'validFrom' | 'validUntil' | 'useLimit' | 'uses'>, now: number): CodeRefusal | null {
  if (c.revokedAt !== null) return 'revoked';
  if (c.validFrom !== null && now < c.validFrom) return 'not_yet_valid';
  if (c.validUntil !== null && now >= c.validUntil) return 'expired';
  if (c.useLimit !== null && c.uses >= c.useLimit) return 'used_up';
  return null;
}

export const CODE_REFUSAL_ERROR = {
  not_yet_valid: 'CODE.NOT_YET_VALID',
  expired: 'CODE.EXPIRED',
  revoked: 'CODE.REVOKED',
  used_up: 'CODE.USED_UP',
} as const satisfies Record<CodeRefusal, string>;

/** A code's state as the management page shows it. */
export type CodeStatus = 'active' | CodeRefusal;

export const CODE_STATUS_LABEL: Record<CodeStatus, string> = {
  active: '可用',
  not_yet_valid: '未到启用时间',
  expired: '已过期',
  revoked: '已作废',
  used_up: '次数已用完',
};

export function codeStatus(c: Parameters<typeof codeRefusal>[0], now: number): CodeStatus {
  return codeRefusal(c, now) ?? 'active';
}

/** Resolving codes is public: at most this many per caller in each window. */
export const CODE_RESOLVE_LIMIT = { perWindow: 30, windowMs: 10 * 60_000 } as const;
