/**
 * Open311 interface keys (接口密钥): a community's staff issue one to a partner (a street's 12345
 * desk, a district platform) on the management page; the partner's system reads and files the
 * community's reports with it through Open311 (cloudfunctions/lib/open311). The key is shown once and
 * stored as a hash; a revoked key stops working at once. Reports filed with a key are filed by the
 * key's own system person (its `actorId`), so the timeline, the ledger and the audit log name the partner.
 */
import type { UnitRef } from './views';

/** What every key starts with: a partner (and a leaked-secret scanner) can tell it is a Jinlin Open311 key. */
export const API_KEY_PREFIX = 'jl311_';

/** How many characters of a key the management page shows, after it was shown whole once. */
export const API_KEY_SHOWN_CHARS = API_KEY_PREFIX.length + 6;

export type ApiKeyStatus = 'active' | 'revoked';
export const API_KEY_STATUS_LABEL: Record<ApiKeyStatus, string> = { active: '使用中', revoked: '已撤销' };

/** A key as the management page lists it: never the key itself. */
export interface ApiKeyView {
  id: string;
  partner: string;
  /** The key's first characters, e.g. "jl311_Ab3dE9…": enough to tell keys apart. */
  shown: string;
  community: UnitRef;
  status: ApiKeyStatus;
  statusLabel: string;
  createdAt: number;
  createdByName: string | null;
  revokedAt: number | null;
  revokedByName: string | null;
  revokeReason: string | null;
}

/** What issuing answers: the key in full, this once. */
export interface IssuedApiKey {
  key: ApiKeyView;
  secret: string;
}
